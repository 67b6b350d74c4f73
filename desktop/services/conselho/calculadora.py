"""Calculadora do contracheque de conselheiro tutelar a partir de JSON, sem base (``paco calcular conselheiro``).

``calcular(dados)`` recebe a competência, os períodos de exercício, as funções (presidente/vice), os
plantões escalados e cumpridos, férias, 13º, a opção do art. 41 e os dependentes; usa os parâmetros
distribuídos em db/parametros (salário mínimo, INSS, IRRF, ``conselho_remuneracao``), e devolve as
linhas, os totais e os avisos em tipos JSON (dinheiro como texto "1234.56"). É a mesma regra da folha
(``rules.conselho.remuneracao.calcular``). Formato: docs/calculadora.md, seção "Conselheiro tutelar".
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from desktop.rules.conselho.remuneracao import EntradaConselheiro, calcular as regra_calcular, salario_base
from desktop.rules.validacao import EntradaInvalida

from ..calculadoras.modelo import VERSAO_SAIDA, no_caminho, validar
from ..calculadoras.parametros import com_entrada, lido, vigente
from ..calculadoras.saidas import linha_json
from .calculadora_modelo import PARAMETROS, EntradaConselheiro as ModeloEntrada
from desktop.rules import formato


def _erro(caminho: str, problema: str) -> EntradaInvalida:
    return EntradaInvalida(f"Entrada inválida em {caminho}: {problema}")


def entrada(dados: dict) -> tuple[EntradaConselheiro, str | None, dict]:
    """Converte o JSON na entrada da regra; devolve também a base do acréscimo pedida (ou None) e os
    parâmetros trazidos na entrada (objeto ``parametros``)."""
    m = validar(ModeloEntrada, dados)
    for nome, lista in (("exercicio", m.exercicio), ("funcoes", m.funcoes)):
        for i, p in enumerate(lista, 1):
            if p.fim < p.inicio:
                raise _erro(f"{nome}[{i}].fim", f"o fim ({formato.data(p.fim)}) é anterior ao início "
                                                f"({formato.data(p.inicio)}).")
    if m.plantoes_cumpridos > m.plantoes_escalados:
        raise _erro("plantoes_cumpridos", f"{m.plantoes_cumpridos} cumpridos passam dos {m.plantoes_escalados} "
                                          "escalados (Lei 320/2023, art. 40 §2º).")
    e = EntradaConselheiro(
        competencia=m.competencia, exercicio=tuple((p.inicio, p.fim) for p in m.exercicio),
        funcoes=tuple((p.inicio, p.fim, p.funcao) for p in m.funcoes),
        plantoes_escalados=m.plantoes_escalados, plantoes_cumpridos=m.plantoes_cumpridos,
        ferias_dias=m.ferias_dias, decimo_terceiro=m.decimo_terceiro,
        adiantamento_13_pago=m.adiantamento_13_pago, remuneracao_cargo=m.remuneracao_cargo,
        dependentes=m.dependentes)
    return e, m.base_acrescimo_funcao, (dados.get("parametros") or {})


def calcular(dados: dict) -> dict:
    """O contracheque do conselheiro em JSON: linhas com fundamento, proventos, descontos, líquido, avisos."""
    e, base_funcao, extras = entrada(dados)
    comp = e.competencia
    todos = com_entrada(PARAMETROS, extras)
    sm = vigente(todos, "salario_minimo", comp)
    try:  # a leitura única dos parâmetros (rules.parametros.valor_vigente), como a folha com a base
        regras = lido(todos, "conselho_remuneracao", comp)
        if base_funcao is not None:  # já conferida pelo modelo de entrada (uma das opções da lei)
            regras = replace(regras, base_acrescimo_funcao=base_funcao)
        folha, inss, irrf = (lido(todos, nome, comp) for nome in ("folha_geral", "inss", "irrf"))
        salario = Decimal(str(sm.valor))
        with no_caminho("exercicio"):
            cc = regra_calcular(e, regras, salario, sm.fundamento, folha, inss, irrf)
    except (ArithmeticError, KeyError, TypeError, ValueError, AttributeError) as erro:
        if isinstance(erro, EntradaInvalida):
            raise
        raise _erro("parametros", "um valor digitado não está no formato do parâmetro (veja db/parametros).") from None
    return {
        "versao": VERSAO_SAIDA,
        "competencia": comp.isoformat(),
        "salario_minimo": str(salario), "salario_base": str(salario_base(salario, regras)),
        "base_acrescimo_funcao": regras.base_acrescimo_funcao,
        "linhas": [linha_json(l) for l in cc.linhas],
        "totais": {"proventos": str(cc.proventos), "descontos": str(cc.descontos), "liquido": str(cc.liquido)},
        "avisos": list(cc.avisos),
    }
