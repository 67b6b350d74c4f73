"""Reajuste da matriz (Anexo I): gerada pelos percentuais, digitada, linear; diferenças; piso nacional."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.magisterio.reajuste import (abaixo_do_piso, descrever_geracao, diferencas, gerar_matriz,
                                               matriz_digitada, reajuste_linear)
from desktop.rules.magisterio.tipos import Nivel
from desktop.rules.parametros import ValorLegal
from desktop.rules.validacao import EntradaInvalida

from ..casos_toml import vigente_padrao
from .apoio_carreira import matriz_2004, regras

D = Decimal
MATRIZ = matriz_2004()
REGRAS = regras()


def piso_em(dia: date) -> ValorLegal:
    return vigente_padrao("piso_magisterio", dia)


def test_gerada_de_uma_base_nova_pelos_percentuais_da_lei():
    """Base R$ 1.000,00 (Nível 1, A, 20 h), contas à mão:
    N2 A = 1.000 × 1,189 = 1.189,00; N3 A = 1.189,00 × 1,0919 = 1.298,2691 → 1.298,27;
    N4 A = 1.298,27 × 1,0924 = 1.418,230148 → 1.418,23; 1,05^6 = 1,340095640625;
    N1 G 20 h = 1.340,10; N1 G 40 h = 2 × 1.340,10 = 2.680,20 (art. 37 §4º: o dobro da célula de 20 h
    já arredondada); N4 G 20 h = 1.418,23 × 1,3401 = 1.900,5638 → 1.900,56; 40 h = 3.801,12;
    NE A 20 h proporcional = 1.000 × 260/300 = 866,67; NE F 20 h = 866,67 × 1,05^5 = 1.106,11; 40 h 2.212,22."""
    m = gerar_matriz(D("1000.00"), REGRAS, referencia=MATRIZ, inicio=date(2027, 1, 1))
    esperado = {
        (Nivel.N1, "A", 20): "1000.00", (Nivel.N2, "A", 20): "1189.00", (Nivel.N3, "A", 20): "1298.27",
        (Nivel.N4, "A", 20): "1418.23", (Nivel.N1, "G", 20): "1340.10", (Nivel.N1, "G", 40): "2680.20",
        (Nivel.N4, "G", 40): "3801.12", (Nivel.N2, "A", 40): "2378.00", (Nivel.NE, "A", 20): "866.67",
        (Nivel.NE, "F", 20): "1106.11", (Nivel.NE, "F", 40): "2212.22",
    }
    assert {k: m.vencimento(*k) for k in esperado} == {k: D(v) for k, v in esperado.items()}
    assert m.classes(Nivel.NE) == ("A", "B", "C", "D", "E", "F")
    assert m.inicio == date(2027, 1, 1)
    assert m.fundamento.startswith("Lei 1.613/2004, arts. 20, 22 e 37 §4º: matriz gerada a partir de R$ 1.000,00")


def test_gerada_com_base_do_nivel_especial_informada():
    m = gerar_matriz(D("1000.00"), REGRAS, base_ne=D("900.00"))
    assert m.vencimento(Nivel.NE, "A", 20) == D("900.00") and m.vencimento(Nivel.NE, "B", 40) == D("1890.00")


def test_gerada_sem_base_do_nivel_especial_nem_referencia():
    with pytest.raises(EntradaInvalida, match="Nível Especial, classe A, 20 h, ou a matriz vigente"):
        gerar_matriz(D("1000.00"), REGRAS)
    with pytest.raises(EntradaInvalida, match="maior que zero"):
        gerar_matriz(D("0"), REGRAS, referencia=MATRIZ)
    with pytest.raises(EntradaInvalida, match="centavos"):
        gerar_matriz(D("1000.005"), REGRAS, referencia=MATRIZ)


def test_reajuste_linear_e_diferencas():
    """Revisão geral de 10 % (art. 37 §3º): cada célula de 20 h × 1,10 ao centavo; 40 h = o dobro (§4º)."""
    nova = reajuste_linear(MATRIZ, D("10"), inicio=date(2027, 1, 1), fundamento="Lei municipal 9.999/2027")
    difs = diferencas(MATRIZ, nova)
    assert len(difs) == 68
    por_celula = {(d.nivel, d.classe, d.jornada): d for d in difs}
    d = por_celula[(Nivel.N1, "A", 20)]
    assert (d.antes, d.depois, d.diferenca, d.percentual) == (D("300.00"), D("330.00"), D("30.00"), D("10.00"))
    d = por_celula[(Nivel.N3, "G", 40)]  # 20 h: 521,97 × 1,10 = 574,167 → 574,17; 40 h = 1.148,34 (não 1.043,90 × 1,10)
    assert (d.antes, d.depois, d.diferenca, d.percentual) == (D("1043.90"), D("1148.34"), D("104.44"), D("10.00"))
    d = por_celula[(Nivel.NE, "F", 20)]  # 331,80 × 1,10 = 364,98
    assert (d.depois, d.descricao) == (D("364.98"), "Nível Especial, classe F, 20 h")
    assert [(x.nivel, x.classe, x.jornada) for x in difs[:2]] == [(Nivel.N1, "A", 20), (Nivel.N1, "B", 20)]
    assert nova.fundamento == "Lei municipal 9.999/2027"
    with pytest.raises(EntradaInvalida, match="irredutível"):
        reajuste_linear(MATRIZ, D("-5"), fundamento="Lei X")


def test_diferencas_mostram_a_geracao_contra_o_impresso():
    gerada = gerar_matriz(D("300.00"), REGRAS, referencia=MATRIZ)
    mudadas = [d for d in diferencas(MATRIZ, gerada) if d.diferenca]
    assert len(mudadas) == 35  # 30 dos Níveis 3, 4 e NE 20 h + 5 de 40 h impressas fora do dobro
    d = next(x for x in mudadas if (x.nivel, x.classe, x.jornada) == (Nivel.N3, "A", 20))
    assert (d.antes, d.depois, d.diferenca, d.percentual) == (D("389.50"), D("389.48"), D("-0.02"), D("-0.01"))
    assert all(x.percentual == D("0.00") for x in diferencas(MATRIZ, MATRIZ))


def test_matriz_digitada_por_celula():
    celulas = {(n, c, j): v for n, c, j, v in MATRIZ.itens()}
    assert matriz_digitada(celulas, fundamento="Lei 1.613/2004, Anexo I").celulas == MATRIZ.celulas
    celulas[(Nivel.N2, "D", 40)] = D("700.00")
    with pytest.raises(EntradaInvalida, match=r"Nível 2, 40 h, a classe D \(R\$ 700,00\) deve ser maior"):
        matriz_digitada(celulas, fundamento="Lei X")
    del celulas[(Nivel.N2, "D", 40)]
    with pytest.raises(EntradaInvalida, match="falta o vencimento do Nível 2, classe D, 40 h"):
        matriz_digitada(celulas, fundamento="Lei X")


def test_tabela_de_2004_abaixo_do_piso_de_2026():
    """Piso 2026 R$ 5.130,63 (40 h) e R$ 2.565,32 (20 h, 5.130,63 / 2 = 2.565,315 → 2.565,32)."""
    avisos = abaixo_do_piso(MATRIZ, piso_em(date(2026, 3, 1)))
    assert [(a.jornada, a.vencimento, a.piso, a.falta) for a in avisos] == [
        (20, D("300.00"), D("2565.32"), D("2265.32")), (40, D("600.00"), D("5130.63"), D("4530.63"))]
    assert avisos[1].mensagem == (
        "O vencimento inicial de 40 h (Nível 1, classe A) de R$ 600,00 fica abaixo do piso nacional do "
        "magistério de R$ 5.130,63, em vigor desde 01/01/2026: faltam R$ 4.530,63. Reveja a matriz antes de aplicá-la.")
    assert "proporcional a 20 h" in avisos[0].mensagem
    assert avisos[1].fundamento.startswith("Lei 11.738/2008, art. 2º")


@pytest.mark.parametrize("base, avisos", [("2565.32", 0), ("2565.31", 2)])
def test_piso_no_limite(base, avisos):
    """Base 2.565,32: 40 h = 5.130,64 ≥ 5.130,63, sem aviso; 2.565,31: 40 h = 5.130,62, falta 0,01."""
    m = gerar_matriz(D(base), REGRAS, referencia=MATRIZ)
    resultado = abaixo_do_piso(m, piso_em(date(2026, 1, 1)))
    assert len(resultado) == avisos
    if avisos:
        assert {a.falta for a in resultado} == {D("0.01")}


def test_descricao_da_geracao():
    assert descrever_geracao(REGRAS) == (
        "Entre níveis: 18,9 % até o Nível 2, 9,19 % até o Nível 3, 9,24 % até o Nível 4 (art. 20). "
        "Entre classes: 5 % cumulativos, até 35 % (art. 22). 40 horas: o dobro de 20 horas (art. 37 §4º).")


@pytest.mark.parametrize("base, base_ne", [("300.00", None), ("1000.00", None), ("1234.57", "999.99"),
                                           ("4321.09", None), ("2565.33", "2100.01")])
def test_toda_celula_de_40h_e_o_dobro_da_de_20h(base, base_ne):
    """Lei 1.613/2004, art. 37 §4º: em toda matriz nova (gerada ou reajustada), cada célula de 40 h é
    exatamente 2 × a célula de 20 h já arredondada — conferido em todas as células."""
    geradas = [gerar_matriz(D(base), REGRAS, referencia=MATRIZ, base_ne=D(base_ne) if base_ne else None)]
    geradas.append(reajuste_linear(MATRIZ, D(base) / 100, fundamento="Lei X"))  # o impresso tem 40 h fora do dobro
    geradas.append(reajuste_linear(geradas[0], D("7.33"), fundamento="Lei X"))
    for m in geradas:
        de_20h = [(n, c, v) for n, c, j, v in m.itens() if j == 20]
        assert len(de_20h) == 34 and len(m.itens()) == 68
        for n, c, v in de_20h:
            assert m.vencimento(n, c, 40) == 2 * v, (n, c)
