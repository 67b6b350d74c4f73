"""Acerto de um mês fechado que um registro lançado depois do fechamento alcançou: o mês, o 13º e o terço.

O mês fechado é recalculado com os fatos novos (quem chama: ``services.magisterio.anteriores``) e comparado
com o contracheque gravado em três partes, cada uma com a sua rubrica, porque cada uma tem a sua tributação:

- **remuneração do mês** sem o terço de férias (proventos mensais menos faltas e abate-teto): 069 a pagar,
  106 a descontar (``reajuste_impacto.diferenca_mes_anterior``), nas bases do mês do acerto;
- **terço de férias** pago no mês (rubrica 030, Lei 1.613/2004, art. 57; CF, art. 7º, XVII): 071 a pagar,
  108 a descontar, na base do IRRF do mês e na da previdência só no INSS (no RPPS o terço não contribui:
  STF, Tema 163) — como o próprio terço;
- **13º salário** quitado no mês (rubrica 041): 070 a pagar, 107 a descontar, no grupo do 13º (previdência
  e IRRF do 13º à parte: Lei 8.134/1990, art. 16; Lei 8.212/1991, art. 28, §7º), numa linha própria que
  nomeia o mês da quitação (docs/interpretacoes.md).

Cada parte é devido − gravado − o já acertado dessa parte (as linhas de diferença já pagas, com o mês em
``referencia``): paga-se uma vez só. Sem E/S; dinheiro em Decimal ao centavo.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Iterable

from desktop.rules.dinheiro import ZERO, centavos, reais
from desktop.rules.folha import motor
from desktop.rules.folha.tipos import Linha, Natureza

from . import codigos
from .reajuste_impacto import decimo_terceiro, diferenca_mes_anterior, remuneracao_bruta
from desktop.rules import formato

FUND_TERCO = "Lei 1.613/2004, art. 57 (terço pago na folha do mês anterior às férias); CF, art. 7º, XVII"
REFERENCIA = "anterior:"  # + 'aaaa-mm' (o mês), + ':13' (o 13º quitado nele) ou ':terco' (o terço pago nele)


@dataclass(frozen=True)
class JaAcertado:
    """O que já se acertou de um mês (diferenças pagas menos descontadas), por parte."""

    mensal: Decimal = ZERO
    decimo: Decimal = ZERO
    terco: Decimal = ZERO


def terco_ferias(linhas: Iterable[Linha]) -> Decimal:
    """O terço de férias pago numa competência (rubrica 030)."""
    return sum((l.valor for l in linhas if l.codigo == motor.TERCO_FERIAS), ZERO)


def _texto(parte: str, mes: date, devido: Decimal, pago: Decimal) -> str:
    return f"Diferença de mês anterior — {parte} {formato.competencia(mes)} recalculado (devido {reais(devido)}; pago {reais(pago)})"


def diferenca_13(mes: date, devido: Decimal, pago: Decimal, ja_acertado: Decimal, fundamento: str,
                 liquidar_em: date) -> Linha | None:
    """O 13º quitado em ``mes`` recalculado − o gravado − o já acertado: 070 (a pagar) ou 107 (a descontar), no
    grupo do 13º; None se zero."""
    dif = centavos(devido - pago - ja_acertado)
    if dif == 0:
        return None
    codigo, natureza = ((codigos.DIFERENCA_13_MES_ANTERIOR, Natureza.PROVENTO) if dif > 0 else
                        (codigos.DIFERENCA_13_MES_ANTERIOR_DESCONTO, Natureza.DESCONTO))
    fund = (f"{fundamento}; {motor.FUND_13} (13º quitado em {formato.competencia(mes)} recalculado); {motor.FUND_IRRF_13}; "
            f"{motor.FUND_PREV_13}; acerto na competência aberta seguinte ({formato.competencia(liquidar_em)})")
    return Linha(codigo, _texto("13º salário quitado em", mes, devido, pago + ja_acertado), natureza, abs(dif), fund,
                 base=centavos(devido), grupo=motor.GRUPO_13, referencia=f"{REFERENCIA}{mes:%Y-%m}:13")


def diferenca_terco(mes: date, devido: Decimal, pago: Decimal, ja_acertado: Decimal, fundamento: str,
                    liquidar_em: date, *, incide_previdencia: bool) -> Linha | None:
    """O terço de férias pago em ``mes`` recalculado − o gravado − o já acertado: 071 (a pagar) ou 108 (a
    descontar), no mês; ``incide_previdencia``: só no INSS (como a rubrica 030). None se zero."""
    dif = centavos(devido - pago - ja_acertado)
    if dif == 0:
        return None
    codigo, natureza = ((codigos.DIFERENCA_TERCO_MES_ANTERIOR, Natureza.PROVENTO) if dif > 0 else
                        (codigos.DIFERENCA_TERCO_MES_ANTERIOR_DESCONTO, Natureza.DESCONTO))
    fund = (f"{fundamento}; {FUND_TERCO} (terço pago em {formato.competencia(mes)} recalculado); {motor.FUND_TERCO}; acerto na "
            f"competência aberta seguinte ({formato.competencia(liquidar_em)})")
    return Linha(codigo, _texto("terço de férias pago em", mes, devido, pago + ja_acertado), natureza, abs(dif), fund,
                 base=centavos(devido), incide_previdencia=incide_previdencia,
                 referencia=f"{REFERENCIA}{mes:%Y-%m}:terco")


def acertos_do_mes(mes: date, devido: Iterable[Linha], gravado: Iterable[Linha], ja: JaAcertado, fundamento: str,
                   liquidar_em: date, *, terco_incide_previdencia: bool) -> list[Linha]:
    """As linhas de diferença de ``mes``: do mês (069/106), do terço (071/108) e do 13º (070/107)."""
    devido, gravado = list(devido), list(gravado)
    terco_d, terco_g = terco_ferias(devido), terco_ferias(gravado)
    linhas = [diferenca_mes_anterior(mes, remuneracao_bruta(devido) - terco_d, remuneracao_bruta(gravado) - terco_g,
                                     ja.mensal, fundamento, liquidar_em),
              diferenca_terco(mes, terco_d, terco_g, ja.terco, fundamento, liquidar_em,
                              incide_previdencia=terco_incide_previdencia),
              diferenca_13(mes, decimo_terceiro(devido), decimo_terceiro(gravado), ja.decimo, fundamento, liquidar_em)]
    return [l for l in linhas if l is not None]
