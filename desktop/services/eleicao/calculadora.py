"""Calculadora do resultado da eleição (``paco calcular eleicao``): JSON entra, JSON sai, sem base.

A entrada é validada pelo modelo (calculadora_modelo.py: tipos, limites, campos conhecidos) e depois
pelas regras da eleição em vigor hoje (db/parametros/eleicao_regras.toml, ou a vigência trazida em
``parametros``); o formato está em docs/calculadora.md.
"""
from __future__ import annotations

from datetime import date

from desktop.rules.eleicao import apuracao
from desktop.rules.eleicao.entrada import calcular as _calcular
from desktop.rules.eleicao.regras import RegrasEleicao
from desktop.rules.validacao import EntradaInvalida

from ..calculadoras.modelo import VERSAO_SAIDA, no_caminho, validar
from ..calculadoras.parametros import com_entrada, lido
from .calculadora_modelo import EntradaEleicao
from desktop.rules import formato


def calcular(dados: dict) -> dict:
    hoje = date.today()
    m = validar(EntradaEleicao, dados)
    for i, c in enumerate(m.candidatos, 1):
        if c.nascimento is not None and c.nascimento > hoje:
            raise EntradaInvalida(f"Entrada inválida em candidatos[{i}].nascimento: {formato.data(c.nascimento)} "
                                  "é depois de hoje.")
    _conferir(m)
    bruto = {k: v for k, v in dados.items() if k != "parametros"}
    regras: RegrasEleicao = lido(com_entrada(("eleicao_regras",), dados.get("parametros")), "eleicao_regras", hoje)
    with no_caminho("candidatos"):
        return {"versao": VERSAO_SAIDA, **_calcular(bruto, regras)}


def _conferir(m: EntradaEleicao) -> None:
    """As conferências entre campos, cada recusa com o caminho: números repetidos, votos faltando,
    parentesco com quem não é candidato (art. 15), contas de cada boletim (art. 11 §6º)."""
    vistos: dict[int, int] = {}
    for i, c in enumerate(m.candidatos, 1):
        if c.numero in vistos:
            raise EntradaInvalida(f"Entrada inválida em candidatos[{i}].numero: o número {c.numero} já é do "
                                  f"candidato da posição {vistos[c.numero]} da lista.")
        vistos[c.numero] = i
        if m.secoes is None and c.votos is None:
            raise EntradaInvalida(f"Entrada inválida em candidatos[{i}].votos: informe os votos do candidato "
                                  "(ou os boletins em \"secoes\").")
    for i, p in enumerate(m.parentescos, 1):
        for lado in ("a", "b"):
            if getattr(p, lado) not in vistos:
                raise EntradaInvalida(f"Entrada inválida em parentescos[{i}].{lado}: {getattr(p, lado)} não é um "
                                      "candidato da lista (Lei 320/2023, art. 15).")
        if p.a == p.b:
            raise EntradaInvalida(f"Entrada inválida em parentescos[{i}].b: um candidato não é parente de si "
                                  "mesmo (Lei 320/2023, art. 15).")
    secoes: dict[int, int] = {}
    for i, s in enumerate(m.secoes or [], 1):
        if s.secao in secoes:
            raise EntradaInvalida(f"Entrada inválida em secoes[{i}].secao: a seção {s.secao} já aparece na posição "
                                  f"{secoes[s.secao]}.")
        secoes[s.secao] = i
        with no_caminho(f"secoes[{i}]"):
            b = apuracao.montar(s.secao, s.aptos, s.comparecimento, s.brancos, s.nulos, dict(s.votos))
            apuracao.exigir_certo(b, set(vistos))
