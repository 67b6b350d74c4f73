"""Contagem de dias para a folha: mês comercial, proporção de valores mensais e avos do 13º.

Mês comercial (parâmetro ``folha_geral.dias_mes``, 30): um mês inteiro vale 30 dias em qualquer
mês; o dia 31 não conta; um período que vai até o último dia de fevereiro conta até o dia 30.
Assim os subperíodos de um mês sempre somam 30 (docs/interpretacoes.md, "Mês comercial").
Os avos do 13º contam dias corridos do mês civil (Lei 4.090/1962, art. 1º, §2º).
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal
from typing import Iterable

from desktop.rules.dinheiro import centavos

from .regras import RegrasFolha

Intervalo = tuple[date, date]  # início e fim, inclusive


def primeiro_dia(d: date) -> date:
    return d.replace(day=1)


def ultimo_dia(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def mes_seguinte(d: date) -> date:
    """Dia 1 do mês seguinte ao de ``d``."""
    return (ultimo_dia(d) + timedelta(days=1))


def mes_anterior(d: date) -> date:
    """Dia 1 do mês anterior ao de ``d``."""
    return primeiro_dia(primeiro_dia(d) - timedelta(days=1))


def somar_anos(d: date, anos: int) -> date:
    """A mesma data ``anos`` depois; 29/02 vai para 28/02 em ano não bissexto."""
    try:
        return d.replace(year=d.year + anos)
    except ValueError:
        return d.replace(year=d.year + anos, day=28)


def intersecao(a: Intervalo, b: Intervalo) -> Intervalo | None:
    inicio, fim = max(a[0], b[0]), min(a[1], b[1])
    return (inicio, fim) if inicio <= fim else None


def dias_corridos(intervalo: Intervalo) -> int:
    return (intervalo[1] - intervalo[0]).days + 1


def dias_comerciais(inicio: date, fim: date, regras: RegrasFolha) -> int:
    """Dias de ``inicio`` a ``fim`` (mesmo mês, inclusive) contados no mês comercial.

    O último dia do mês conta como o dia ``regras.dias_mes`` (30): de 15/02 a 28/02 são 16 dias;
    o dia 31 sozinho vale 0; o mês inteiro vale 30.
    """
    if (inicio.year, inicio.month) != (fim.year, fim.month) or fim < inicio:
        raise ValueError("dias_comerciais: início e fim devem estar no mesmo mês, em ordem.")
    dia_fim = regras.dias_mes if fim == ultimo_dia(fim) else min(fim.day, regras.dias_mes)
    return max(0, dia_fim - inicio.day + 1)


def proporcional(valor_mensal: Decimal, dias: int | Decimal, regras: RegrasFolha) -> Decimal:
    """Valor mensal proporcional aos dias (mês comercial), arredondado ao centavo."""
    return centavos(Decimal(valor_mensal) * Decimal(dias) / Decimal(regras.dias_mes))


def fracao(valor: Decimal, quantidade: int | Decimal, divisor: int | Decimal) -> Decimal:
    """``quantidade``/``divisor`` de um valor, ao centavo (p. ex. dias/30 ou horas/100)."""
    return centavos(Decimal(valor) * Decimal(quantidade) / Decimal(divisor))


def avos_no_ano(servico: Iterable[Intervalo], ano: int, regras: RegrasFolha, ate_mes: int = 12) -> int:
    """Meses de janeiro a ``ate_mes`` com ao menos ``dias_minimos_avo`` dias de serviço.

    Lei 4.090/1962, art. 1º, §§1º e 2º: 1/12 por mês de serviço; a fração igual ou superior a
    15 dias de trabalho no mês civil conta como mês inteiro. ``servico``: intervalos (inclusive)
    em que o servidor esteve em exercício remunerado; intervalos sobrepostos não contam duas vezes.
    """
    periodos = list(servico)
    avos = 0
    for mes in range(1, ate_mes + 1):
        m = (date(ano, mes, 1), ultimo_dia(date(ano, mes, 1)))
        dias = set()
        for p in periodos:
            i = intersecao(p, m)
            if i:
                dias.update(range(i[0].day, i[1].day + 1))
        if len(dias) >= regras.dias_minimos_avo:
            avos += 1
    return avos
