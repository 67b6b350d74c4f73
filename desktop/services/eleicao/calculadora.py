"""Calculadora do resultado da eleição (``paco calcular eleicao``): JSON entra, JSON sai, sem base.

Usa as regras da eleição em vigor hoje (db/parametros/eleicao_regras.toml); o formato está em
docs/calculadora.md.
"""
from __future__ import annotations

from datetime import date

from desktop.rules.eleicao.entrada import calcular as _calcular
from desktop.rules.eleicao.regras import RegrasEleicao
from desktop.store.parametros import padrao


def calcular(dados: dict) -> dict:
    vigencia = padrao("eleicao_regras").vigente_em(date.today())
    return _calcular(dados, RegrasEleicao.de_valor(vigencia.valor, vigencia.fundamento))
