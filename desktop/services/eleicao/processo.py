"""Processo de escolha: abrir com o calendário conferido pela lei, consultar e reabrir as inscrições (arts. 5º, 7º e 13)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from desktop.rules.eleicao import calendario as regra_calendario
from desktop.rules.eleicao.calendario import Calendario, Problema
from desktop.rules.eleicao.requisitos import nota as ler_nota
from desktop.rules.eleicao.resultado import CRITERIOS
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.eleicao import candidaturas as armazem
from desktop.store.ids import agora, novo_id

from .. import parametros
from ..sessao import ErroNegocio, Sessao
from .comum import calendario_de, exigir_fase, processo_ou_erro
from .comum import hoje as dia_de_hoje


def calendario_sugerido(sessao: Sessao, ano: int) -> Calendario:
    """Um calendário admitido pela lei para o pleito do ano (art. 5º I; art. 7º)."""
    sessao.exigir(Permissao.ELEICAO_LER)
    eleicao = regra_calendario.primeiro_domingo(ano, 10)
    return regra_calendario.sugerido(ano, parametros.vigente(sessao, "eleicao_regras", eleicao))


def conferir_calendario(sessao: Sessao, cal: Calendario) -> list[Problema]:
    sessao.exigir(Permissao.ELEICAO_LER)
    return regra_calendario.conferir(cal, parametros.vigente(sessao, "eleicao_regras", cal.eleicao))


def abrir_processo(sessao: Sessao, cal: Calendario, *, nota_corte, criterio_desempate: str = "idade") -> dict:
    """Abre o processo do ano da eleição. Recusa calendário contra a lei (com o artigo) e ano repetido.

    O fim do prazo de impugnação é sempre recalculado (art. 11 §2º). Devolve a linha gravada.
    """
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    if criterio_desempate not in CRITERIOS:
        raise EntradaInvalida("Critério de desempate: 'idade' (o mais velho) ou 'nota' (a maior nota na prova).")
    corte = ler_nota(nota_corte)
    regras = parametros.vigente(sessao, "eleicao_regras", cal.eleicao)
    cal = regra_calendario.com_impugnacao_calculada(cal, regras)
    regra_calendario.exigir_admitido(cal, regras)
    if armazem.processo_do_ano(sessao.db, cal.eleicao.year):
        raise ErroNegocio(f"Já existe o processo de escolha de {cal.eleicao.year}.")
    momento = agora()
    linha = {"id": novo_id(), "ano": cal.eleicao.year,
             **{k: v.isoformat() for k, v in cal.como_dict().items()},
             "fim_mandato": regra_calendario.fim_mandato(cal.posse, regras).isoformat(),
             "nota_corte": str(corte), "criterio_desempate": criterio_desempate, "fase": "inscricoes",
             "reaberturas": 0, "criado_em": momento, "atualizado_em": momento}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        m.inserir("eleicao_processos", linha)
    return linha


def listar_processos(sessao: Sessao) -> list[dict]:
    sessao.exigir(Permissao.ELEICAO_LER)
    return armazem.processos(sessao.db)


def obter_processo(sessao: Sessao, processo_id: str) -> dict:
    sessao.exigir(Permissao.ELEICAO_LER)
    return processo_ou_erro(sessao.db, processo_id)


def calendario(sessao: Sessao, processo_id: str) -> Calendario:
    return calendario_de(obter_processo(sessao, processo_id))


def momento(sessao: Sessao, processo_id: str, dia: date | None = None) -> regra_calendario.Momento:
    """Onde o processo está no calendário hoje (ou em ``dia``), com o artigo (Lei 320/2023, art. 7º)."""
    return regra_calendario.momento(calendario(sessao, processo_id), dia or dia_de_hoje())


def reabrir_inscricoes(sessao: Sessao, processo_id: str, *, novo_fim: date, nova_publicacao: date) -> dict:
    """Reabre o prazo de inscrição quando há menos de dez habilitados (art. 13 §1º).

    As datas seguintes do calendário ficam como estão e o calendário é conferido de novo.
    """
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    proc = processo_ou_erro(sessao.db, processo_id)
    exigir_fase(proc, "inscricoes", "analise", acao="reabrir as inscrições")
    regras = parametros.vigente(sessao, "eleicao_regras", date.fromisoformat(proc["eleicao"]))
    habilitados = len(armazem.candidaturas(sessao.db, processo_id, "habilitado"))
    if habilitados >= regras.minimo_habilitados:
        raise ErroNegocio(f"Há {habilitados} habilitados; a reabertura do art. 13 §1º só cabe com menos "
                          f"de {regras.minimo_habilitados}.")
    cal = replace(calendario_de(proc), inscricao_fim=novo_fim, publicacao_inscritos=nova_publicacao)
    cal = regra_calendario.com_impugnacao_calculada(cal, regras)
    regra_calendario.exigir_admitido(cal, regras)
    novos = {"inscricao_fim": novo_fim.isoformat(), "publicacao_inscritos": nova_publicacao.isoformat(),
             "impugnacao_fim": cal.impugnacao_fim.isoformat(), "reaberturas": proc["reaberturas"] + 1,
             "fase": "inscricoes", "atualizado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        return m.alterar("eleicao_processos", processo_id, novos, so_os_campos=True)


def nota_corte(processo: dict) -> Decimal:
    return Decimal(processo["nota_corte"])


def proximo_ano(sessao: Sessao, hoje: date | None = None) -> int:
    """O próximo ano de pleito a partir de hoje (art. 5º I): o seguinte ao de uma eleição presidencial."""
    sessao.exigir(Permissao.ELEICAO_LER)
    hoje = hoje or date.today()
    regras = parametros.vigente(sessao, "eleicao_regras", hoje)
    ano = hoje.year
    while not regra_calendario.ano_de_pleito(ano, regras):
        ano += 1
    return ano


def fim_impugnacao(sessao: Sessao, processo_id: str, publicacao: date) -> date:
    """Último dia para impugnar se a lista de inscritos sair em ``publicacao`` (art. 11 §2º)."""
    proc = obter_processo(sessao, processo_id)
    return regra_calendario.fim_impugnacao(publicacao, parametros.vigente(sessao, "eleicao_regras", date.fromisoformat(proc["eleicao"])))
