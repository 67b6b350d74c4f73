"""Motor de folha (desktop.rules.folha.motor): terço, 13º, faltas e fechamento com tributos.

Valores calculados à mão com as tabelas de db/parametros (INSS e IRRF de 2026; RPPS 14 %).
"""
from datetime import date
from decimal import Decimal as D

import pytest

from desktop.rules.folha import motor
from desktop.rules.folha.regras import PrevidenciaRPPS, RegrasFolha
from desktop.rules.folha.tipos import Linha, Natureza
from desktop.rules.validacao import EntradaInvalida

from .apoio import inss, irrf, regras, rpps

R = regras()
JAN26 = date(2026, 1, 1)


def provento(valor, codigo="001", **kw):
    return Linha(codigo, "Vencimento", Natureza.PROVENTO, D(valor), "teste", **kw)


def test_regras_padrao():
    assert (R.dias_mes, R.divisor_terco, R.avos_ano, R.dias_minimos_avo, R.fracao_adiantamento_13) == (
        30, D(3), 12, 15, D("0.5"))


def test_regras_recusam_valores_sem_sentido():
    with pytest.raises(EntradaInvalida, match="inteiro"):
        RegrasFolha.de_valor({"dias_mes": "30.5", "divisor_terco": "3", "avos_ano": "12",
                              "dias_minimos_avo": "15", "fracao_adiantamento_13": "0.5"})
    with pytest.raises(EntradaInvalida, match="adiantamento"):
        RegrasFolha.de_valor({"dias_mes": "30", "divisor_terco": "3", "avos_ano": "12",
                              "dias_minimos_avo": "15", "fracao_adiantamento_13": "2"})
    with pytest.raises(EntradaInvalida, match="precisa de: divisor_terco, avos_ano"):
        RegrasFolha.de_valor({"dias_mes": "30"})


def test_terco_de_ferias():
    """CF, art. 7º, XVII: 3.000,00 / 3 = 1.000,00; 2.000,00 / 3 = 666,666… → 666,67;
    15 dias de férias: 3.000,00 × 15 / (30 × 3) = 500,00; 45 dias contam 30."""
    assert motor.valor_terco_ferias(D("3000.00"), 30, R) == D("1000.00")
    assert motor.valor_terco_ferias(D("2000.00"), 30, R) == D("666.67")
    assert motor.valor_terco_ferias(D("3000.00"), 15, R) == D("500.00")
    assert motor.valor_terco_ferias(D("3000.00"), 45, R) == D("1000.00")


def test_terco_incide_no_inss_mas_nao_no_rpps():
    l_rpps = motor.linha_terco_ferias(D("3000"), 30, R, "Lei X", "Terço", previdencia=rpps(JAN26))
    l_inss = motor.linha_terco_ferias(D("3000"), 30, R, "Lei X", "Terço", previdencia=inss(JAN26))
    assert (l_rpps.incide_previdencia, l_inss.incide_previdencia) == (False, True)
    assert l_rpps.incide_irrf and l_rpps.codigo == motor.TERCO_FERIAS
    assert "CF, art. 7º, XVII" in l_rpps.fundamento


def test_decimo_terceiro_e_adiantamento():
    """3.600,00 × 10/12 = 3.000,00; adiantamento de 12 avos: 3.600,00 × 12 × 0,5 / 12 = 1.800,00;
    de 7 avos: 3.600,00 × 7 × 0,5 / 12 = 1.050,00."""
    assert motor.valor_decimo_terceiro(D("3600.00"), 10, R) == D("3000.00")
    assert motor.valor_adiantamento_13(D("3600.00"), 12, R) == D("1800.00")
    assert motor.valor_adiantamento_13(D("3600.00"), 7, R) == D("1050.00")
    a = motor.linha_adiantamento_13(D("3600.00"), 12, R)
    assert (a.grupo, a.incide_previdencia, a.incide_irrf) == ("13", False, False)
    linhas = motor.linhas_decimo_terceiro(D("3600.00"), 12, R, adiantamento_pago=D("1800.00"))
    assert [(l.codigo, l.natureza, l.valor, l.grupo) for l in linhas] == [
        ("041", Natureza.PROVENTO, D("3600.00"), "13"), ("140", Natureza.DESCONTO, D("1800.00"), "13")]
    assert [l.codigo for l in motor.linhas_decimo_terceiro(D("3600.00"), 12, R)] == ["041"]


def test_faltas():
    """Dia: 3.000,00 × 2 / 30 = 200,00. Hora: 3.000,00 × 7 / 100 = 210,00. Zero falta: sem linha."""
    d = motor.linha_faltas_dias(D("3000.00"), 2, 30, "Lei Y")
    h = motor.linha_faltas_horas(D("3000.00"), 7, 100, "Lei Y")
    assert (d.codigo, d.valor, d.quantidade, d.natureza) == ("101", D("200.00"), D(2), Natureza.DESCONTO)
    assert (h.codigo, h.valor, h.quantidade) == ("102", D("210.00"), D(7))
    assert motor.linha_faltas_dias(D("3000.00"), 0, 30, "Lei Y") is None


def test_linha_negativa_e_erro():
    with pytest.raises(ValueError):
        motor.linha("001", "x", Natureza.PROVENTO, D("-1"), "f")


def test_fechar_com_rpps_e_irrf_com_reducao_de_2026():
    """6.000,00 em jan/2026, RPPS 14 %: 840,00. IRRF: legais 840,00 > simplificado 607,20; base
    5.160,00 × 27,5 % = 1.419,00 − 908,73 = 510,27; redução 978,62 − 0,133145 × 6.000,00 =
    978,62 − 798,87 = 179,75; imposto 330,52. Líquido 6.000,00 − 840,00 − 330,52 = 4.829,48."""
    c = motor.fechar(JAN26, "p1", [provento("6000.00")], rpps(JAN26), irrf(JAN26), 0)
    por = {l.codigo: l for l in c.linhas}
    assert por["201"].valor == D("840.00") and por["201"].percentual == D("14")
    assert por["205"].valor == D("330.52") and por["205"].base == D("5160.00")
    assert "redução" in por["205"].descricao
    assert (c.proventos, c.descontos, c.liquido) == (D("6000.00"), D("1170.52"), D("4829.48"))
    assert c.avisos == []


def test_fechar_com_inss():
    """3.000,00 em 2026: 1.621,00 × 7,5 % = 121,575; 1.281,84 × 9 % = 115,3656; 97,16 × 12 % =
    11,6592; soma 248,5998 → 248,60. IRRF: simplificado 607,20 > 248,60; base 2.392,80: isento."""
    c = motor.fechar(JAN26, "p1", [provento("3000.00")], inss(JAN26), irrf(JAN26), 0)
    assert [(l.codigo, l.valor) for l in c.linhas] == [("001", D("3000.00")), ("201", D("248.60"))]
    assert c.linhas[1].descricao == "Contribuição ao INSS"


def test_fechar_tributa_o_13_a_parte():
    """Dezembro: mensal 6.000,00 e 13º integral 6.000,00 com adiantamento de 3.000,00 já pago.
    Cada grupo: RPPS 840,00 e IRRF 330,52 (a mesma conta do caso de 6.000,00). O adiantamento
    não diminui a base do 13º. Líquido: 12.000,00 − 3.000,00 − 2 × (840,00 + 330,52) = 9.000,00 − 2.341,04 = 6.658,96."""
    dez = date(2026, 12, 1)
    linhas = [provento("6000.00")] + motor.linhas_decimo_terceiro(D("6000.00"), 12, R, D("3000.00"))
    c = motor.fechar(dez, "p1", linhas, rpps(dez), irrf(dez), 0)
    chaves = [(l.codigo, l.grupo, l.valor) for l in c.linhas]
    assert chaves == [("001", "mensal", D("6000.00")), ("041", "13", D("6000.00")),
                      ("140", "13", D("3000.00")), ("201", "mensal", D("840.00")),
                      ("205", "mensal", D("330.52")), ("211", "13", D("840.00")), ("215", "13", D("330.52"))]
    assert c.liquido == D("6658.96")
    assert "Lei 8.134/1990, art. 16" in next(l for l in c.linhas if l.codigo == "215").fundamento


def test_adiantamento_sozinho_nao_tem_tributo():
    c = motor.fechar(JAN26, "p1", [provento("3000.00"), motor.linha_adiantamento_13(D("3000.00"), 12, R)],
                     rpps(JAN26), irrf(JAN26), 0)
    assert [l.codigo for l in c.linhas] == ["001", "040", "201"]


def test_dependentes_e_deducoes_legais():
    """5.000,00 em jan/2025 (sem redução), RPPS 14 % = 700,00, 2 dependentes: legais 700,00 +
    379,18 = 1.079,18; base 3.920,82 × 22,5 % = 882,1845 → 882,18 − 675,49 = 206,69."""
    d25 = date(2025, 6, 1)
    c = motor.fechar(d25, "p1", [provento("5000.00")], rpps(d25), irrf(d25), 2)
    ir = next(l for l in c.linhas if l.codigo == "205")
    assert (ir.valor, ir.base, ir.quantidade) == (D("206.69"), D("3920.82"), D(2))


def test_descontos_maiores_que_proventos_avisam_sem_linha_negativa():
    """Proventos 1.000,00; faltas 1.200,00: bases zero, sem tributos; líquido −200,00 e avisos."""
    falta = Linha("101", "Faltas", Natureza.DESCONTO, D("1200.00"), "f")
    c = motor.fechar(JAN26, "p1", [provento("1000.00"), falta], rpps(JAN26), irrf(JAN26), 0)
    assert [l.codigo for l in c.linhas] == ["001", "101"]
    assert all(l.valor > 0 for l in c.linhas)
    assert c.liquido == D("-200.00")
    assert any("líquido ficou negativo" in a for a in c.avisos)
    assert any("base da previdência" in a for a in c.avisos)


def test_rpps_recusa_aliquota_fora_da_faixa():
    with pytest.raises(EntradaInvalida):
        PrevidenciaRPPS(D("0"), "x")
