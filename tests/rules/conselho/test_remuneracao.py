"""Contracheques de conselheiros calculados à mão (Lei 320/2023, arts. 16 §1º, 39-41), 2024, 2025 e 2026.

Conferências (tabelas-oficiais.md):
2024-03, presidente: subsídio 2 × 1.412,00 = 2.824,00; plantão 50 % = 1.412,00; presidente 10 % de
2.824,00 = 282,40; bruto 4.518,40. INSS: 1.412×7,5 % = 105,90 + 1.254,68×9 % = 112,9212 + 1.333,35×12 %
= 160,002 + 518,37×14 % = 72,5718 → 451,40. IRRF: desconto simplificado 564,80 > 451,40 → base 3.953,60
× 22,5 % − 662,77 = 226,79. Líquido 3.840,21.
2025-06, presidente: 3.036,00 + 1.518,00 + 303,60 = 4.857,60. INSS 113,85 + 114,8292 + 167,634 + 93,3478
→ 489,66. IRRF: (4.857,60 − 607,20) × 22,5 % − 675,49 = 280,85. Líquido 4.087,09.
2026-03, presidente: 3.242,00 + 1.621,00 + 324,20 = 5.187,20. INSS 121,575 + 115,3656 + 174,1716 +
116,6102 → 527,72. IRRF: (5.187,20 − 607,20) × 22,5 % − 675,49 = 355,01; redução 978,62 − 0,133145 ×
5.187,20 = 287,97 → 67,04. Líquido 4.592,44.
"""
from datetime import date
from decimal import Decimal as D

import pytest

from desktop.rules.conselho.parametros import RegrasRemuneracao
from desktop.rules.conselho.remuneracao import EntradaConselheiro, calcular
from desktop.rules.folha.regras import RegrasFolha
from desktop.rules.parametros import interpretar, tabela_irrf_em
from desktop.rules.validacao import EntradaInvalida
from desktop.store.parametros import padrao

MANDATO = ((date(2024, 1, 10), date(2028, 1, 9)),)


def _calc(e: EntradaConselheiro, **troca):
    comp = e.competencia
    v = padrao("conselho_remuneracao").vigente_em(comp).valor | troca
    return calcular(e, RegrasRemuneracao.de_valor(v), D(padrao("salario_minimo").vigente_em(comp).valor), "SM",
                    RegrasFolha.de_valor(padrao("folha_geral").vigente_em(comp).valor),
                    interpretar(padrao("inss").definicao, padrao("inss").vigente_em(comp)),
                    tabela_irrf_em(padrao("irrf"), padrao("irrf_dependente"), comp))


def _valores(cc):
    return {l.codigo: l.valor for l in cc.linhas}


@pytest.mark.parametrize("comp, linhas, liquido", [
    (date(2024, 3, 1), {"001": "2824.00", "010": "1412.00", "011": "282.40", "201": "451.40", "205": "226.79"}, "3840.21"),
    (date(2025, 6, 1), {"001": "3036.00", "010": "1518.00", "011": "303.60", "201": "489.66", "205": "280.85"}, "4087.09"),
    (date(2026, 3, 1), {"001": "3242.00", "010": "1621.00", "011": "324.20", "201": "527.72", "205": "67.04"}, "4592.44"),
])
def test_presidente_mes_inteiro_com_plantoes(comp, linhas, liquido):
    e = EntradaConselheiro(comp, MANDATO, ((date(2024, 1, 10), date(2028, 1, 9), "presidente"),), 8, 8)
    cc = _calc(e)
    assert _valores(cc) == {k: D(v) for k, v in linhas.items()}
    assert cc.liquido == D(liquido)


def test_vice_e_plantoes_parcialmente_cumpridos_2025():
    """Vice 5 % de 3.036,00 = 151,80; plantão 50 % × 6/8 = 1.138,50; bruto 4.326,30.
    INSS 113,85 + 114,8292 + 167,634 + 135,47×14 % = 18,9658 → 415,28. IRRF (4.326,30 − 607,20) × 15 %
    − 394,16 = 163,71."""
    e = EntradaConselheiro(date(2025, 6, 1), MANDATO, ((date(2025, 1, 1), date(2025, 12, 31), "vice"),), 8, 6)
    v = _valores(_calc(e))
    assert v["010"] == D("1138.50") and v["011"] == D("151.80")
    assert v["201"] == D("415.28") and v["205"] == D("163.71")


def test_suplente_pago_pelos_dias_2025():
    """Art. 16 §1º: convocado em 19/06/2025, 12 dias comerciais: 3.036,00 × 12/30 = 1.214,40; 3 plantões
    cumpridos de 3: 1.518,00. Bruto 2.732,40; INSS 113,85 + 1.214,40×9 % = 109,296 → 223,15 (arredondado ao
    fim: 223,146 → 223,15). IRRF: (2.732,40 − 607,20) = 2.125,20 < 2.428,80 → isento."""
    e = EntradaConselheiro(date(2025, 6, 1), ((date(2025, 6, 19), date(2025, 9, 30)),), (), 3, 3)
    v = _valores(_calc(e))
    assert v["001"] == D("1214.40") and v["010"] == D("1518.00")
    assert v["201"] == D("223.15") and "205" not in v


def test_base_do_acrescimo_com_plantao_e_opcao_do_servidor_2026():
    """Interpretação alternativa (base = subsídio + plantão): presidente 10 % de 4.863,00 = 486,30.
    Opção do art. 41: remuneração do cargo 2.500,00 substitui o subsídio; plantão segue sobre 2 SM."""
    e = EntradaConselheiro(date(2026, 3, 1), MANDATO, ((date(2026, 1, 1), date(2026, 12, 31), "presidente"),), 4, 4)
    assert _valores(_calc(e, base_acrescimo_funcao="salario_base_mais_plantao"))["011"] == D("486.30")
    e2 = EntradaConselheiro(date(2026, 3, 1), MANDATO, (), 4, 4, remuneracao_cargo=D("2500.00"))
    v = _valores(_calc(e2))
    assert v["002"] == D("2500.00") and "001" not in v and v["010"] == D("1621.00")


def test_ferias_e_13o_2024():
    """Terço de férias de 30 dias sobre 2.824,00 = 941,33; 13º em dezembro de 2024 de quem tomou posse em
    10/01/2024: 12 avos (janeiro tem 22 dias ≥ 15) = 2.824,00, menos o adiantamento de 1.412,00."""
    e = EntradaConselheiro(date(2024, 7, 1), MANDATO, (), 0, 0, ferias_dias=30)
    assert _valores(_calc(e))["030"] == D("941.33")
    e13 = EntradaConselheiro(date(2024, 12, 1), MANDATO, (), 0, 0, decimo_terceiro="quitacao",
                             adiantamento_13_pago=D("1412.00"))
    cc = _calc(e13)
    v = _valores(cc)
    assert v["041"] == D("2824.00") and v["140"] == D("1412.00")
    assert {l.grupo for l in cc.linhas if l.codigo in ("211", "215")} == {"13"}


def test_entrada_invalida():
    with pytest.raises(EntradaInvalida):
        _calc(EntradaConselheiro(date(2026, 3, 1), MANDATO, (), 2, 3))
    with pytest.raises(EntradaInvalida):
        _calc(EntradaConselheiro(date(2026, 3, 2), MANDATO))
