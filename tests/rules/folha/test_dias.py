"""Mês comercial, proporção e avos do 13º (desktop.rules.folha.dias), com contas feitas à mão."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.folha.dias import avos_no_ano, dias_comerciais, fracao, proporcional, somar_anos

from .apoio import regras

R = regras()


@pytest.mark.parametrize("inicio, fim, dias", [
    (date(2026, 3, 1), date(2026, 3, 31), 30),   # mês de 31 dias inteiro = 30
    (date(2026, 3, 1), date(2026, 3, 15), 15),
    (date(2026, 3, 16), date(2026, 3, 31), 15),  # 16 a 30; o dia 31 não conta
    (date(2026, 3, 31), date(2026, 3, 31), 0),
    (date(2026, 3, 16), date(2026, 3, 30), 15),
    (date(2026, 2, 1), date(2026, 2, 28), 30),   # fevereiro inteiro = 30
    (date(2026, 2, 15), date(2026, 2, 28), 16),  # 15 a 28, e o 28 (último) conta como 30
    (date(2026, 2, 1), date(2026, 2, 14), 14),
    (date(2024, 2, 15), date(2024, 2, 29), 16),  # bissexto
    (date(2026, 4, 1), date(2026, 4, 30), 30),
    (date(2026, 4, 10), date(2026, 4, 19), 10),
])
def test_dias_comerciais(inicio, fim, dias):
    assert dias_comerciais(inicio, fim, R) == dias


def test_subperiodos_de_fevereiro_somam_30():
    partes = [(date(2026, 2, 1), date(2026, 2, 9)), (date(2026, 2, 10), date(2026, 2, 27)),
              (date(2026, 2, 28), date(2026, 2, 28))]
    assert sum(dias_comerciais(a, b, R) for a, b in partes) == 9 + 18 + 3 == 30


def test_dias_comerciais_recusa_meses_diferentes():
    with pytest.raises(ValueError):
        dias_comerciais(date(2026, 1, 20), date(2026, 2, 5), R)


def test_proporcional_e_fracao():
    # 1.000,00 × 16/30 = 533,3333… → 533,33; 2.000,00 × 7/100 = 140,00; 1.234,56 × 1/30 = 41,152 → 41,15
    assert proporcional(Decimal("1000.00"), 16, R) == Decimal("533.33")
    assert fracao(Decimal("2000.00"), 7, 100) == Decimal("140.00")
    assert fracao(Decimal("1234.56"), 1, 30) == Decimal("41.15")
    # metade para cima: 0,05 × 1/2 = 0,025 → 0,03
    assert fracao(Decimal("0.05"), 1, 2) == Decimal("0.03")


def test_avos_do_13_contam_quinze_dias_no_mes_civil():
    """Admissão em 17/03: março tem 17 a 31 = 15 dias (conta); abril a dezembro = 9; total 10.
    Admissão em 18/03: 14 dias em março (não conta): 9 avos (Lei 4.090/1962, art. 1º, §2º)."""
    fim = date(2026, 12, 31)
    assert avos_no_ano([(date(2026, 3, 17), fim)], 2026, R) == 10
    assert avos_no_ano([(date(2026, 3, 18), fim)], 2026, R) == 9
    assert avos_no_ano([(date(2020, 1, 1), fim)], 2026, R) == 12
    assert avos_no_ano([(date(2020, 1, 1), fim)], 2026, R, ate_mes=6) == 6
    # licença sem vencimento de 10/06 a 20/07: junho tem 9 dias de serviço, julho 11 → perde 2 avos
    servico = [(date(2026, 1, 1), date(2026, 6, 9)), (date(2026, 7, 21), fim)]
    assert avos_no_ano(servico, 2026, R) == 10
    # intervalos sobrepostos não contam duas vezes: 1 a 10 e 5 a 14 = 14 dias
    assert avos_no_ano([(date(2026, 5, 1), date(2026, 5, 10)), (date(2026, 5, 5), date(2026, 5, 14))],
                       2026, R) == 0


def test_somar_anos_em_29_de_fevereiro():
    assert somar_anos(date(2024, 2, 29), 3) == date(2027, 2, 28)
    assert somar_anos(date(2024, 3, 1), 10) == date(2034, 3, 1)
