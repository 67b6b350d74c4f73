"""Parâmetros padrão (db/parametros) prontos para os testes do motor de folha."""
from datetime import date

from desktop.rules.folha.regras import PrevidenciaINSS, PrevidenciaRPPS, RegrasFolha

from ..casos_toml import vigente_padrao


def regras() -> RegrasFolha:
    return vigente_padrao("folha_geral", date(2026, 1, 1))


def irrf(data: date):
    return vigente_padrao("irrf", data)


def inss(data: date) -> PrevidenciaINSS:
    return PrevidenciaINSS(vigente_padrao("inss", data))


def rpps(data: date) -> PrevidenciaRPPS:
    v = vigente_padrao("rpps_aliquota", data)
    return PrevidenciaRPPS(v.valor, v.fundamento)
