"""Calculadora do resultado da eleição (``paco calcular eleicao``): JSON entra, JSON sai, sem base.

A entrada é validada pelo modelo (calculadora_modelo.py: tipos, limites, campos conhecidos) e depois
pelas regras da eleição em vigor hoje (db/parametros/eleicao_regras.toml, ou a vigência trazida em
``parametros``); o formato está em docs/calculadora.md.
"""
from __future__ import annotations

from datetime import date

from desktop.rules.eleicao.entrada import calcular as _calcular
from desktop.rules.eleicao.regras import RegrasEleicao
from desktop.rules.validacao import EntradaInvalida, formatar_data

from ..calculadoras.modelo import VERSAO_SAIDA, validar
from ..calculadoras.parametros import com_entrada, vigente
from .calculadora_modelo import EntradaEleicao


def calcular(dados: dict) -> dict:
    hoje = date.today()
    m = validar(EntradaEleicao, dados)
    for i, c in enumerate(m.candidatos, 1):
        if c.nascimento is not None and c.nascimento > hoje:
            raise EntradaInvalida(f"Entrada inválida em candidatos[{i}].nascimento: {formatar_data(c.nascimento)} "
                                  "é depois de hoje.")
    bruto = {k: v for k, v in dados.items() if k != "parametros"}
    vigencia = vigente(com_entrada(("eleicao_regras",), dados.get("parametros")), "eleicao_regras", hoje)
    return {"versao": VERSAO_SAIDA, **_calcular(bruto, RegrasEleicao.de_valor(vigencia.valor, vigencia.fundamento))}
