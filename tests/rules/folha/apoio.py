"""Parâmetros padrão (db/parametros) prontos para os testes do motor de folha."""
from datetime import date
from decimal import Decimal

from desktop.rules.folha.regras import PrevidenciaINSS, PrevidenciaRPPS, RegrasFolha
from desktop.rules.inss import TabelaINSS
from desktop.rules.parametros import tabela_irrf_em

from ..casos_toml import parametro_padrao


def regras() -> RegrasFolha:
    v = parametro_padrao("folha_geral").vigente_em(date(2026, 1, 1))
    return RegrasFolha.de_valor(v.valor, v.fundamento)


def irrf(data: date):
    return tabela_irrf_em(parametro_padrao("irrf"), parametro_padrao("irrf_dependente"), data)


def inss(data: date) -> PrevidenciaINSS:
    v = parametro_padrao("inss").vigente_em(data)
    return PrevidenciaINSS(TabelaINSS.de_valor(v.valor, inicio=v.inicio, fundamento=v.fundamento))


def rpps(data: date) -> PrevidenciaRPPS:
    v = parametro_padrao("rpps_aliquota").vigente_em(data)
    return PrevidenciaRPPS(Decimal(v.valor), v.fundamento)
