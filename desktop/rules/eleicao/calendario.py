"""Calendário do processo de escolha: datas calculadas pela lei e conferência de um calendário proposto.

Art. 5º I (e ECA art. 139 §1º): pleito no primeiro domingo de outubro do ano seguinte ao da eleição
presidencial, de quatro em quatro anos. Art. 7º: edital com seis meses de antecedência, nas seis
etapas do §1º (inscrição, análise documental, prova, eleição, curso de formação, posse).
Art. 11 §2º: cinco dias para impugnar, contados da publicação da lista de inscritos.
Arts. 5º IV e 14 §2º: posse em 10 de janeiro do ano seguinte. Art. 6º §ún.: mandato de quatro anos.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta

from desktop.rules.validacao import EntradaInvalida
from desktop.rules import formato

from .regras import RegrasEleicao

ETAPAS = (
    ("data_edital", "publicação do edital"),
    ("inscricao_inicio", "início das inscrições"),
    ("inscricao_fim", "fim das inscrições"),
    ("publicacao_inscritos", "publicação da lista de inscritos"),
    ("impugnacao_fim", "fim do prazo de impugnação"),
    ("analise_fim", "resultado da análise documental"),
    ("prova", "prova de conhecimentos"),
    ("publicacao_habilitados", "publicação da lista de habilitados"),
    ("eleicao", "dia da eleição"),
    ("formacao", "curso de formação"),
    ("posse", "posse"),
)
"""As datas do calendário, na ordem em que devem acontecer (art. 7º §1º)."""

ROTULOS = dict(ETAPAS)


@dataclass(frozen=True)
class Calendario:
    data_edital: date
    inscricao_inicio: date
    inscricao_fim: date
    publicacao_inscritos: date
    impugnacao_fim: date
    analise_fim: date
    prova: date
    publicacao_habilitados: date
    eleicao: date
    formacao: date
    posse: date

    def como_dict(self) -> dict[str, date]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Problema:
    """Uma data que a lei não admite (``grave``) ou que merece atenção, com o artigo."""

    campo: str
    mensagem: str
    artigo: str
    grave: bool = True

    def __str__(self) -> str:
        return f"{self.mensagem} ({self.artigo})"


def primeiro_domingo(ano: int, mes: int) -> date:
    d = date(ano, mes, 1)
    return d + timedelta(days=(6 - d.weekday()) % 7)


def menos_meses(d: date, meses: int) -> date:
    """A mesma data ``meses`` antes (dia ajustado ao último do mês quando não existe)."""
    total = d.year * 12 + (d.month - 1) - meses
    ano, mes = divmod(total, 12)
    dia = min(d.day, calendar.monthrange(ano, mes + 1)[1])
    return date(ano, mes + 1, dia)


def mais_anos(d: date, anos: int) -> date:
    try:
        return d.replace(year=d.year + anos)
    except ValueError:  # 29 de fevereiro
        return d.replace(year=d.year + anos, day=28)


def ano_de_pleito(ano: int, regras: RegrasEleicao) -> bool:
    """O ano é o seguinte ao de uma eleição presidencial (art. 5º I)?"""
    return (ano - regras.ano_referencia_presidencial - 1) % 4 == 0


def data_eleicao(ano: int, regras: RegrasEleicao) -> date:
    """Primeiro domingo de outubro do ano do pleito (Lei 320/2023, art. 5º I; ECA art. 139 §1º)."""
    if not ano_de_pleito(ano, regras):
        proximo = ano + (regras.ano_referencia_presidencial + 1 - ano) % 4
        raise EntradaInvalida(
            f"{ano} não é ano de processo de escolha: ele é unificado e acontece no ano seguinte ao "
            f"da eleição presidencial (Lei 320/2023, art. 5º I). O próximo é {proximo}."
        )
    return primeiro_domingo(ano, regras.mes_eleicao)


def data_posse(ano_eleicao: int, regras: RegrasEleicao) -> date:
    """10 de janeiro do ano seguinte ao do pleito (arts. 5º IV e 14 §2º)."""
    return date(ano_eleicao + 1, regras.posse_mes, regras.posse_dia)


def fim_mandato(posse: date, regras: RegrasEleicao) -> date:
    """Último dia do mandato de quatro anos (art. 6º §ún.): a véspera da posse seguinte."""
    return mais_anos(posse, regras.mandato_anos) - timedelta(days=1)


def limite_edital(eleicao: date, regras: RegrasEleicao) -> date:
    """Última data para publicar o edital: seis meses antes do pleito (art. 7º)."""
    return menos_meses(eleicao, regras.antecedencia_edital_meses)


def fim_impugnacao(publicacao: date, regras: RegrasEleicao) -> date:
    """Último dia para impugnar: cinco dias contados da publicação, excluído o dia da publicação
    (art. 11 §2º; contagem em docs/interpretacoes.md)."""
    return publicacao + timedelta(days=regras.prazo_impugnacao_dias)


def sugerido(ano: int, regras: RegrasEleicao) -> Calendario:
    """Um calendário que a lei admite para o pleito do ano; a comissão ajusta as datas internas."""
    eleicao = data_eleicao(ano, regras)
    edital = limite_edital(eleicao, regras)
    inicio = edital + timedelta(days=10)
    fim = inicio + timedelta(days=30)
    publicacao = fim + timedelta(days=5)
    impugnacao = fim_impugnacao(publicacao, regras)
    analise = impugnacao + timedelta(days=15)
    prova = analise + timedelta(days=15)
    habilitados = prova + timedelta(days=30)
    return Calendario(edital, inicio, fim, publicacao, impugnacao, analise, prova, habilitados,
                      eleicao, eleicao + timedelta(days=30), data_posse(ano, regras))


def conferir(cal: Calendario, regras: RegrasEleicao) -> list[Problema]:
    """Confere o calendário com a lei; devolve os problemas (vazio: calendário admitido)."""
    problemas: list[Problema] = []
    ano = cal.eleicao.year
    if not ano_de_pleito(ano, regras) or cal.eleicao != primeiro_domingo(ano, regras.mes_eleicao):
        try:
            certa = formato.data(data_eleicao(ano, regras))
            dica = f"em {ano}, é {certa}"
        except EntradaInvalida:
            dica = f"{ano} não é ano de pleito"
        problemas.append(Problema(
            "eleicao", f"A eleição em {formato.data(cal.eleicao)} não cai no primeiro domingo de outubro do "
            f"ano seguinte ao da eleição presidencial ({dica})", "Lei 320/2023, art. 5º I"))
    limite = limite_edital(cal.eleicao, regras)
    if cal.data_edital > limite:
        problemas.append(Problema(
            "data_edital", f"O edital em {formato.data(cal.data_edital)} não tem {regras.antecedencia_edital_meses} "
            f"meses de antecedência: deve ser publicado até {formato.data(limite)}", "Lei 320/2023, art. 7º"))
    impugnacao = fim_impugnacao(cal.publicacao_inscritos, regras)
    if cal.impugnacao_fim != impugnacao:
        problemas.append(Problema(
            "impugnacao_fim", f"O prazo de impugnação é de {regras.prazo_impugnacao_dias} dias "
            f"contados da publicação dos inscritos ({formato.data(cal.publicacao_inscritos)}): termina em "
            f"{formato.data(impugnacao)}, não em {formato.data(cal.impugnacao_fim)}", "Lei 320/2023, art. 11 §2º"))
    datas = cal.como_dict()
    nomes = [n for n, _ in ETAPAS]
    for anterior, seguinte in zip(nomes, nomes[1:]):
        if datas[seguinte] < datas[anterior]:
            problemas.append(Problema(
                seguinte, f"A data de {ROTULOS[seguinte]} ({formato.data(datas[seguinte])}) é anterior à de "
                f"{ROTULOS[anterior]} ({formato.data(datas[anterior])})", "Lei 320/2023, art. 7º §1º a"))
    if cal.publicacao_habilitados >= cal.eleicao:
        problemas.append(Problema(
            "publicacao_habilitados", "A lista de habilitados deve ser publicada antes da eleição, "
            "pois a propaganda só começa depois dela", "Lei 320/2023, arts. 8º §5º e 11 §6º"))
    posse = data_posse(ano, regras)
    if cal.posse != posse:
        problemas.append(Problema(
            "posse", f"A posse é em {formato.data(posse)}; outra data só em caso excepcional, em até 30 dias "
            "da homologação", "Lei 320/2023, arts. 5º IV e 14 §2º", grave=False))
    return problemas


def exigir_admitido(cal: Calendario, regras: RegrasEleicao) -> list[Problema]:
    """Levanta ``EntradaInvalida`` com todos os problemas graves; devolve os avisos."""
    problemas = conferir(cal, regras)
    graves = [p for p in problemas if p.grave]
    if graves:
        raise EntradaInvalida("Calendário recusado: " + "; ".join(str(p) for p in graves) + ".")
    return [p for p in problemas if not p.grave]


@dataclass(frozen=True)
class Momento:
    """Onde o processo está no calendário num dia, em palavras, com o artigo."""

    texto: str
    fundamento: str = "Lei 320/2023, art. 7º"

    def __str__(self) -> str:
        return f"{self.texto} — {self.fundamento}"


def momento(cal: Calendario, dia: date, fim_mandato: date | None = None) -> Momento:
    """A etapa do calendário que vale em ``dia`` (Lei 320/2023, art. 7º e §1º: edital seis meses antes,
    depois inscrição, análise documental, prova, eleição, curso de formação e posse; art. 11 §2º: impugnação;
    art. 6º §ún.: o mandato que a posse inicia). Só o calendário decide: a fase gravada do processo
    (homologação, apuração) é outra coisa. Com ``fim_mandato`` (calculado pelas regras vigentes, ``fim_mandato``),
    da posse em diante o mandato vem inteiro, do início ao fim."""
    d = formato.data
    inscricoes = f"inscrições de {d(cal.inscricao_inicio)} a {d(cal.inscricao_fim)}"
    if dia < cal.data_edital:
        return Momento(f"Inscrições de {d(cal.inscricao_inicio)} a {d(cal.inscricao_fim)} "
                       f"(edital em {d(cal.data_edital)})")
    if dia < cal.inscricao_inicio:
        return Momento(f"Edital publicado em {d(cal.data_edital)}; {inscricoes}")
    if dia <= cal.inscricao_fim:
        return Momento(f"Inscrições abertas até {d(cal.inscricao_fim)}")
    if dia < cal.publicacao_inscritos:
        return Momento(f"Inscrições encerradas; lista de inscritos em {d(cal.publicacao_inscritos)}")
    if dia <= cal.impugnacao_fim:
        return Momento(f"Prazo de impugnação até {d(cal.impugnacao_fim)}", "Lei 320/2023, art. 11 §2º")
    if dia <= cal.analise_fim:
        return Momento(f"Análise documental: resultado em {d(cal.analise_fim)}")
    if dia <= cal.prova:
        return Momento("Prova de conhecimentos hoje" if dia == cal.prova
                       else f"Prova de conhecimentos em {d(cal.prova)}")
    if dia < cal.publicacao_habilitados:
        return Momento(f"Lista de habilitados em {d(cal.publicacao_habilitados)}")
    if dia < cal.eleicao:
        return Momento(f"Lista de habilitados publicada; eleição em {d(cal.eleicao)}")
    if dia == cal.eleicao:
        return Momento("Dia da eleição", "Lei 320/2023, arts. 5º I e 7º")
    if dia <= cal.formacao:
        return Momento(f"Curso de formação em {d(cal.formacao)}; posse em {d(cal.posse)}")
    if dia < cal.posse:
        return Momento(f"Posse em {d(cal.posse)}", "Lei 320/2023, arts. 7º e 14 §2º")
    mandato = f"Mandato de {d(cal.posse)} a {d(fim_mandato)}" if fim_mandato else f"Mandato desde a posse em {d(cal.posse)}"
    return Momento(mandato, "Lei 320/2023, arts. 6º §ún. e 7º")


def com_impugnacao_calculada(cal: Calendario, regras: RegrasEleicao) -> Calendario:
    return replace(cal, impugnacao_fim=fim_impugnacao(cal.publicacao_inscritos, regras))
