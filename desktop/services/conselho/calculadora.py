"""Calculadora do contracheque de conselheiro tutelar a partir de JSON, sem base (``paco calcular conselheiro``).

``calcular(dados)`` recebe a competência, os períodos de exercício, as funções (presidente/vice), os
plantões escalados e cumpridos, férias, 13º, a opção do art. 41 e os dependentes; usa os parâmetros
distribuídos em db/parametros (salário mínimo, INSS, IRRF, ``conselho_remuneracao``), e devolve as
linhas, os totais e os avisos em tipos JSON (dinheiro como texto "1234.56"). É a mesma regra da folha
(``rules.conselho.remuneracao.calcular``). Formato: docs/calculadora.md, seção "Conselheiro tutelar".
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from desktop.rules.conselho.parametros import RegrasRemuneracao
from desktop.rules.conselho.remuneracao import EntradaConselheiro, calcular as regra_calcular, salario_base
from desktop.rules.folha.regras import RegrasFolha
from desktop.rules.parametros import SemVigencia, interpretar, tabela_irrf_em
from desktop.rules.validacao import EntradaInvalida
from desktop.store.parametros import padrao

CHAVES = ("competencia", "exercicio", "funcoes", "plantoes_escalados", "plantoes_cumpridos", "ferias_dias",
          "decimo_terceiro", "adiantamento_13_pago", "remuneracao_cargo", "dependentes", "base_acrescimo_funcao")


def _erro(caminho: str, problema: str) -> EntradaInvalida:
    return EntradaInvalida(f"Entrada inválida em {caminho}: {problema}")


def _data(valor, caminho: str) -> date:
    try:
        return date.fromisoformat(str(valor))
    except ValueError:
        raise _erro(caminho, f"use uma data aaaa-mm-dd (veio {valor!r}).") from None


def _inteiro(dados: dict, chave: str) -> int:
    v = dados.get(chave, 0)
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise _erro(chave, "use um número inteiro não negativo.")
    return v


def _decimal(valor, caminho: str) -> Decimal:
    try:
        d = Decimal(str(valor))
    except InvalidOperation:
        raise _erro(caminho, f"use um número decimal em texto, p. ex. \"2500.00\" (veio {valor!r}).") from None
    if not d.is_finite() or d < 0:
        raise _erro(caminho, "o valor deve ser um número não negativo.")
    return d


def _periodos(lista, caminho: str, com_funcao: bool = False) -> tuple:
    if not isinstance(lista, list):
        raise _erro(caminho, "use uma lista de {\"inicio\", \"fim\"}.")
    saida = []
    for i, p in enumerate(lista):
        aqui = f"{caminho}[{i}]"
        if not isinstance(p, dict) or "inicio" not in p or "fim" not in p:
            raise _erro(aqui, "cada período precisa de inicio e fim.")
        item = (_data(p["inicio"], f"{aqui}.inicio"), _data(p["fim"], f"{aqui}.fim"))
        if com_funcao:
            item += (p.get("funcao", ""),)
        saida.append(item)
    return tuple(saida)


def entrada(dados: dict) -> tuple[EntradaConselheiro, str | None]:
    """Converte o JSON na entrada da regra; devolve também a base do acréscimo pedida (ou None)."""
    if not isinstance(dados, dict):
        raise EntradaInvalida("A entrada deve ser um objeto JSON.")
    desconhecidas = sorted(set(dados) - set(CHAVES))
    if desconhecidas:
        raise EntradaInvalida(f"Chaves desconhecidas na entrada: {', '.join(desconhecidas)}. Aceitas: {', '.join(CHAVES)}.")
    if "competencia" not in dados or "exercicio" not in dados:
        raise EntradaInvalida("Informe competencia (aaaa-mm-01) e exercicio (lista de períodos).")
    cargo = dados.get("remuneracao_cargo")
    e = EntradaConselheiro(
        competencia=_data(dados["competencia"], "competencia"),
        exercicio=_periodos(dados["exercicio"], "exercicio"),
        funcoes=_periodos(dados.get("funcoes", []), "funcoes", com_funcao=True),
        plantoes_escalados=_inteiro(dados, "plantoes_escalados"),
        plantoes_cumpridos=_inteiro(dados, "plantoes_cumpridos"),
        ferias_dias=_inteiro(dados, "ferias_dias"),
        decimo_terceiro=str(dados.get("decimo_terceiro", "") or ""),
        adiantamento_13_pago=_decimal(dados.get("adiantamento_13_pago", "0"), "adiantamento_13_pago"),
        remuneracao_cargo=None if cargo is None else _decimal(cargo, "remuneracao_cargo"),
        dependentes=_inteiro(dados, "dependentes"))
    return e, dados.get("base_acrescimo_funcao")


def _num(v) -> str | None:
    return None if v is None else str(v)


def calcular(dados: dict) -> dict:
    """O contracheque do conselheiro em JSON: linhas com fundamento, proventos, descontos, líquido, avisos."""
    e, base_funcao = entrada(dados)
    comp = e.competencia
    try:
        v = dict(padrao("conselho_remuneracao").vigente_em(comp).valor)
        if base_funcao is not None:
            v["base_acrescimo_funcao"] = base_funcao
        regras = RegrasRemuneracao.de_valor(v)
        sm = padrao("salario_minimo").vigente_em(comp)
        folha = padrao("folha_geral").vigente_em(comp)
        inss = interpretar(padrao("inss").definicao, padrao("inss").vigente_em(comp))
        irrf = tabela_irrf_em(padrao("irrf"), padrao("irrf_dependente"), comp)
    except SemVigencia as erro:
        raise EntradaInvalida(str(erro)) from None
    cc = regra_calcular(e, regras, Decimal(sm.valor), sm.fundamento, RegrasFolha.de_valor(folha.valor), inss, irrf)
    return {
        "competencia": comp.isoformat(),
        "salario_minimo": str(Decimal(sm.valor)), "salario_base": str(salario_base(Decimal(sm.valor), regras)),
        "base_acrescimo_funcao": regras.base_acrescimo_funcao,
        "linhas": [{"codigo": l.codigo, "descricao": l.descricao, "natureza": "provento" if l.natureza.value == "P" else "desconto",
                    "valor": str(l.valor), "base": _num(l.base), "percentual": _num(l.percentual),
                    "quantidade": _num(l.quantidade), "grupo": l.grupo, "fundamento": l.fundamento} for l in cc.linhas],
        "proventos": str(cc.proventos), "descontos": str(cc.descontos), "liquido": str(cc.liquido),
        "avisos": cc.avisos,
    }
