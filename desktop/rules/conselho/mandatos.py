"""Mandatos: vacância, afastamento, convocação de suplentes e penalidades (Lei 320/2023, arts. 16, 39, 45-49).

Regras puras sobre listas de conselheiros já carregadas: quem é o próximo suplente (passando quem
tem parente no mandato, art. 15), quando alertar
o CMDCA, quando o processo suplementar pode ser indireto, quantos dias alguém exerceu no mês e o
que cada penalidade exige.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from desktop.rules.folha.dias import Intervalo, dias_comerciais, intersecao, primeiro_dia, somar_anos, ultimo_dia
from desktop.rules.folha.regras import RegrasFolha
from desktop.rules.validacao import EntradaInvalida

from .parametros import RegrasPrazos

CAUSAS_VACANCIA: dict[str, str] = {
    "renuncia": "Renúncia (art. 45, I)",
    "outro_cargo": "Posse e exercício em outro cargo, emprego ou função (art. 45, II)",
    "destituicao": "Destituição da função (art. 45, III)",
    "falecimento": "Falecimento (art. 45, IV)",
    "condenacao": "Condenação transitada em julgado ou por órgão colegiado (art. 45, V)",
}


@dataclass(frozen=True)
class TipoAfastamento:
    rotulo: str
    remunerado: bool
    fundamento: str


TIPOS_AFASTAMENTO: dict[str, TipoAfastamento] = {
    "candidatura": TipoAfastamento("Candidatura a cargo eletivo", True,
                                   "Lei 320/2023, art. 16 §4º e art. 45 §ún. (assegurada a remuneração)"),
    "licenca_maternidade": TipoAfastamento("Licença-maternidade", True, "Lei 320/2023, art. 39, III"),
    "licenca_paternidade": TipoAfastamento("Licença-paternidade", True, "Lei 320/2023, art. 39, IV"),
    "ferias": TipoAfastamento("Férias", True, "Lei 320/2023, art. 39, II, e art. 16 §1º"),
    "licenca": TipoAfastamento("Outra licença regulamentar", True, "Lei 320/2023, art. 16 §1º"),
    "liminar_disciplinar": TipoAfastamento("Afastamento liminar no processo disciplinar", True,
                                           "Lei 320/2023, art. 48 §ún.; Lei 8.112/1990, art. 147"),
    "suspensao": TipoAfastamento("Suspensão (penalidade)", False,
                                 "Lei 320/2023, art. 46, II; Lei 8.112/1990, art. 130 (sem remuneração)"),
}

PENALIDADES: dict[str, str] = {
    "advertencia": "Advertência (art. 46, I)",
    "suspensao": "Suspensão do exercício da função (art. 46, II)",
    "destituicao": "Destituição do mandato (art. 46, III)",
}


SITUACOES_NO_MANDATO = ("em_exercicio", "afastado")  # quem ocupa o mandato, mesmo afastado temporariamente


@dataclass(frozen=True)
class Parente:
    """Parente declarado no processo de escolha (art. 15) que também é conselheiro do mandato."""
    nome: str
    vinculo: str
    no_mandato: bool  # em exercício ou afastado temporariamente (ver SITUACOES_NO_MANDATO)


@dataclass(frozen=True)
class Suplente:
    id: str
    nome: str
    ordem: int
    disponivel: bool  # ainda não convocado em definitivo, nem vago
    parentes: tuple[Parente, ...] = ()


def impedimento_atual(s: Suplente) -> str | None:
    """Por que o suplente não pode ser convocado agora: um parente declarado ocupa o mandato.

    Lei 320/2023, art. 15 (parentes não servem juntos no mesmo Conselho Tutelar). O impedimento dura
    enquanto o parente ocupa o mandato, mesmo afastado temporariamente; cessa com a vacância dele.
    """
    p = next((p for p in s.parentes if p.no_mandato), None)
    if p is None:
        return None
    return (f"{s.nome} (suplente nº {s.ordem}) não foi convocado(a): {p.nome} ({p.vinculo}) ocupa o mandato, "
            "e parentes não podem servir juntos no Conselho Tutelar (Lei 320/2023, art. 15). "
            "Volta a ser chamado(a), na sua ordem, quando o parente deixar o mandato.")


def convocaveis(suplentes: Iterable[Suplente]) -> list[Suplente]:
    """Os suplentes disponíveis e sem impedimento atual, pela ordem de classificação (arts. 15 e 16 §1º)."""
    return sorted((s for s in suplentes if s.disponivel and impedimento_atual(s) is None), key=lambda s: s.ordem)


def proximo_suplente(suplentes: Iterable[Suplente]) -> Suplente | None:
    """O suplente convocável de menor ordem de classificação (Lei 320/2023, art. 16 §1º e art. 15)."""
    livres = convocaveis(suplentes)
    return livres[0] if livres else None


def pulados(suplentes: Iterable[Suplente]) -> list[tuple[Suplente, str]]:
    """Os disponíveis passados para trás na convocação, com o motivo: impedidos (art. 15) com ordem
    anterior à do convocado, ou todos os impedidos quando ninguém pode ser convocado."""
    suplentes = list(suplentes)
    escolhido = proximo_suplente(suplentes)
    limite = escolhido.ordem if escolhido else None
    return [(s, texto) for s in sorted(suplentes, key=lambda s: s.ordem)
            if s.disponivel and (limite is None or s.ordem < limite) and (texto := impedimento_atual(s))]


def alerta_suplentes(disponiveis: int, regras: RegrasPrazos) -> str | None:
    """Alerta ao CMDCA quando restam dois ou menos suplentes (Lei 320/2023, art. 16 §2º)."""
    if disponiveis > regras.alerta_suplentes:
        return None
    return (f"Restam {disponiveis} suplente(s) disponível(is): o CMDCA deve iniciar imediatamente "
            "processo de escolha suplementar (Lei 320/2023, art. 16 §2º).")


def escolha_indireta_permitida(data: date, fim_mandato: date, regras: RegrasPrazos) -> bool:
    """Nos dois últimos anos do mandato o processo suplementar pode ser indireto (art. 16 §3º)."""
    return somar_anos(fim_mandato, -regras.anos_finais_indireta) < data <= fim_mandato


def dias_no_mes(periodos: Iterable[Intervalo], competencia: date, regras: RegrasFolha) -> int:
    """Dias de exercício na competência, no mês comercial (a proporção do art. 16 §1º).

    Períodos sobrepostos não contam duas vezes; o mês inteiro vale ``regras.dias_mes`` (30).
    """
    mes = (primeiro_dia(competencia), ultimo_dia(competencia))
    partes = sorted(i for p in periodos if (i := intersecao(p, mes)))
    unidos: list[list[date]] = []
    for ini, fim in partes:
        if unidos and ini.toordinal() <= unidos[-1][1].toordinal() + 1:
            unidos[-1][1] = max(unidos[-1][1], fim)
        else:
            unidos.append([ini, fim])
    return min(regras.dias_mes, sum(dias_comerciais(a, b, regras) for a, b in unidos))


def validar_penalidade(tipo: str, motivo: str, processo: str, inicio: date | None, fim: date | None) -> None:
    """Penalidade dos arts. 46-49: tipo conhecido, motivo, processo (sindicância/PAD, art. 49 §2º)
    e, para a suspensão, o período."""
    if tipo not in PENALIDADES:
        raise EntradaInvalida("Penalidade desconhecida: use advertência, suspensão ou destituição (art. 46).")
    if len((motivo or "").strip()) < 10:
        raise EntradaInvalida("Descreva a infração e a gravidade considerada (art. 47), com pelo menos 10 caracteres.")
    if not (processo or "").strip():
        raise EntradaInvalida("Informe o número da sindicância ou do processo administrativo: a penalidade "
                              "exige contraditório e ampla defesa (art. 49 §2º).")
    if tipo == "suspensao" and (inicio is None or fim is None or fim < inicio):
        raise EntradaInvalida("Informe o início e o fim da suspensão, com o fim depois do início.")
