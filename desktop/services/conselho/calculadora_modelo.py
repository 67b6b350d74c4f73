"""Modelo da entrada de ``paco calcular conselheiro`` (pydantic): tipos, limites e campos conhecidos.

Limites do que a Lei 320/2023 de Itapiranga pode querer dizer: plantões de 0 a 31 no mês (art. 40),
dias de férias de 0 a 30 (art. 39, II), dependentes de 0 a 50, dinheiro até R$ 9.999.999,99.
Formato em docs/calculadora.md, seção "Conselheiro tutelar".
"""
from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field

from ..calculadoras.modelo import Data, Dinheiro, Modelo, inteiro, opcoes, parametros_entrada

PARAMETROS = ("salario_minimo", "conselho_remuneracao", "folha_geral", "inss", "irrf", "irrf_dependente")


class Periodo(Modelo):
    """Um período de exercício remunerado (inclusive)."""

    inicio: Data
    fim: Data


class PeriodoFuncao(Modelo):
    """Dias numa função do colegiado (Lei 320/2023, art. 40 §1º)."""

    inicio: Data
    fim: Data
    funcao: opcoes(("presidente", "vice"))


class EntradaConselheiro(Modelo):
    """Entrada de ``paco calcular conselheiro``: o mês, os períodos de exercício e o que muda a folha."""

    competencia: Data
    exercicio: Annotated[list[Periodo], Field(max_length=62)]
    funcoes: Annotated[list[PeriodoFuncao], Field(max_length=62)] = []
    plantoes_escalados: inteiro(0, 31, "plantões escalados no mês", "Lei 320/2023, art. 40 §2º") = 0
    plantoes_cumpridos: inteiro(0, 31, "plantões cumpridos no mês", "Lei 320/2023, art. 40 §2º") = 0
    ferias_dias: inteiro(0, 30, "dias de férias cujo terço é pago no mês", "Lei 320/2023, art. 39, II") = 0
    decimo_terceiro: opcoes(("", "adiantamento", "quitacao")) = ""
    adiantamento_13_pago: Dinheiro = "0"
    remuneracao_cargo: Optional[Dinheiro] = None
    dependentes: inteiro(0, 50, "dependentes para o IRRF") = 0
    base_acrescimo_funcao: Optional[opcoes(("salario_base", "salario_base_mais_plantao"))] = None
    parametros: Optional[parametros_entrada(PARAMETROS)] = None
