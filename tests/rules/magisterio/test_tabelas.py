"""Anexos I, II e III e regras da carreira: células impressas na lei, validação e mensagens."""
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.magisterio.reajuste import fator_classe, gerar_matriz
from desktop.rules.magisterio.tabelas import (CelulaAusente, MatrizVencimentos, ParametrosCarreira, TabelaFG,
                                              Valorizacao)
from desktop.rules.magisterio.tipos import CLASSES, Funcao, Nivel, Porte
from desktop.rules.parametros import nova_vigencia
from desktop.rules.validacao import EntradaInvalida
from desktop.store.parametros import padrao

from .apoio_carreira import fg_2004, matriz_2004, regras, valorizacao_2004

D = Decimal
MATRIZ = matriz_2004()


@pytest.mark.parametrize("nivel, classe, jornada, valor", [
    ("1", "A", 20, "300.00"), ("1", "C", 20, "330.75"), ("1", "G", 20, "402.03"),    # tabela A
    ("2", "A", 20, "356.70"), ("3", "A", 20, "389.50"), ("4", "G", 20, "570.21"),
    ("1", "A", 40, "600.00"), ("2", "B", 40, "749.07"), ("3", "G", 40, "1043.90"),  # tabela B
    ("4", "G", 40, "1140.40"),
    ("NE", "A", 20, "260.00"), ("NE", "F", 20, "331.80"),                           # tabela C
    ("NE", "C", 40, "573.30"), ("NE", "F", 40, "663.67"),                           # tabela D ("573,3")
])
def test_anexo_i_celulas_impressas(nivel, classe, jornada, valor):
    assert MATRIZ.vencimento(nivel, classe, jornada) == D(valor)
    assert MATRIZ.inicio == date(2004, 5, 21) and MATRIZ.fundamento == "Lei 1.613/2004, art. 37 e Anexo I"


def test_anexo_i_forma():
    assert MATRIZ.classes(Nivel.N4) == CLASSES and MATRIZ.classes(Nivel.NE) == CLASSES[:6]
    assert len(MATRIZ.itens()) == 4 * 7 * 2 + 6 * 2
    assert MatrizVencimentos.de_valor(MATRIZ.para_valor()) == replace(MATRIZ, inicio=None)


def test_celula_que_a_lei_nao_tem():
    with pytest.raises(CelulaAusente, match="tabela C.*não tem a classe G do Nível Especial.*de A a F"):
        MATRIZ.vencimento(Nivel.NE, "G", 20)
    with pytest.raises(CelulaAusente, match="30 h.*20 ou 40 horas"):
        MATRIZ.vencimento(Nivel.N1, "A", 30)
    with pytest.raises(CelulaAusente, match="Nível desconhecido: '5'"):
        MATRIZ.vencimento("5", "A", 20)


def _por_percentuais(valor_a: Decimal, k: int) -> Decimal:
    return (valor_a * D("1.05") ** k).quantize(D("0.01"), rounding="ROUND_HALF_UP")


def test_anexo_i_impresso_segue_os_5_por_cento_cumulativos_salvo_cinco_celulas():
    """Cada classe impressa = classe A × 1,05^k arredondado uma vez (art. 22), exceto as cinco
    registradas em docs/interpretacoes.md; vale o impresso."""
    diferentes = {}
    for n, c, j, v in MATRIZ.itens():
        esperado = _por_percentuais(MATRIZ.vencimento(n, "A", j), CLASSES.index(c))
        if v != esperado:
            diferentes[(n.value, c, j)] = (v, esperado)
    assert diferentes == {
        ("3", "G", 40): (D("1043.90"), D("1043.93")),
        ("4", "F", 40): (D("1086.10"), D("1086.12")),
        ("4", "G", 40): (D("1140.40"), D("1140.42")),
        ("NE", "E", 20): (D("316.00"), D("316.03")),
        ("NE", "F", 20): (D("331.80"), D("331.83")),
    }


def test_anexo_i_40h_e_o_dobro_de_20h_salvo_diferencas_de_centavos():
    """Art. 37 §4º: 40 h = dobro de 20 h. O impresso difere em 14 células, de 1 a 7 centavos."""
    diferentes = {(n.value, c): v - 2 * MATRIZ.vencimento(n, c, 20)
                  for n, c, j, v in MATRIZ.itens() if j == 40 and v != 2 * MATRIZ.vencimento(n, c, 20)}
    assert diferentes == {
        ("1", "F"): D("0.01"), ("2", "B"): D("-0.01"), ("2", "D"): D("0.01"), ("3", "B"): D("-0.01"),
        ("3", "C"): D("0.01"), ("3", "D"): D("0.01"), ("3", "G"): D("-0.04"), ("4", "B"): D("-0.01"),
        ("4", "C"): D("0.01"), ("4", "F"): D("-0.02"), ("4", "G"): D("-0.02"),
        ("NE", "D"): D("0.01"), ("NE", "E"): D("0.06"), ("NE", "F"): D("0.07"),
    }


def test_matriz_gerada_da_base_de_2004_reproduz_o_impresso_nos_niveis_1_e_2():
    """Gerada de R$ 300,00 pelos arts. 20, 22 e 37 §4º: iguais ao impresso os Níveis 1 e 2 em 20 h e,
    em 40 h, onde o impresso é o dobro do de 20 h; difere nos Níveis 3 e 4 (a lei imprimiu 389,50 e
    425,50 onde 9,19 % e 9,24 % dão 389,48 e 425,47), no NE 20 h E e F (316,00 e 331,80 impressos;
    316,03 e 331,83 pelos 5 %) e nas células de 40 h que o impresso não fez o dobro das de 20 h."""
    gerada = gerar_matriz(D("300.00"), regras(), referencia=MATRIZ)
    diferentes = {(n.value, c, j): gerada.vencimento(n, c, j) - v for n, c, j, v in MATRIZ.itens()
                  if gerada.vencimento(n, c, j) != v}
    fora_do_dobro = {(n.value, c, 40) for n, c, j, v in MATRIZ.itens()
                     if j == 40 and v != 2 * MATRIZ.vencimento(n, c, 20)}
    assert {k for k in diferentes if k[0] in ("1", "2")} == {k for k in fora_do_dobro if k[0] in ("1", "2")}
    assert {k for k in diferentes if k[0] in ("1", "2")} == {("1", "F", 40), ("2", "B", 40), ("2", "D", 40)}
    assert {k for k in diferentes if k[0] == "NE"} == {("NE", "E", 20), ("NE", "F", 20), ("NE", "D", 40),
                                                         ("NE", "F", 40)}
    assert {k for k in diferentes if k[0] in ("3", "4")} == {(n, c, j) for n in "34" for c in CLASSES for j in (20, 40)}
    assert gerada.vencimento(Nivel.N3, "A", 20) == D("389.48") and gerada.vencimento(Nivel.N4, "A", 20) == D("425.47")
    assert max(abs(d) for d in diferentes.values()) == D("0.08")  # Nível 4, classe E, 40 h: 1.034,32 × 1.034,40


def test_anexo_ii_valorizacao():
    v = valorizacao_2004()
    assert v.percentual(Nivel.N1, "A") == D("11.5") and v.percentual("3", "E") == D("49.95")
    assert v.percentual(Nivel.N4, "G") == D("84.59") and v.percentual(Nivel.NE, "G") == D("29.75")
    assert all(v.percentual(Nivel.NE, c) == v.percentual(Nivel.N1, c) for c in CLASSES)  # tabela F = linha I da E
    with pytest.raises(CelulaAusente, match="Anexo II não tem percentual.*classe H"):
        v.percentual(Nivel.N1, "H")
    assert Valorizacao.de_valor(v.para_valor()).percentuais == v.percentuais


def test_anexo_iii_direcao():
    fg = fg_2004()
    assert fg.valor(Porte.GRANDE, Funcao.DIRETOR) == D("411.36")
    assert fg.valor("medio", "vice_diretor") == D("154.44")
    assert fg.valor(Porte.ESPECIAL, Funcao.VICE_DIRETOR) == D("0.00")
    with pytest.raises(CelulaAusente, match="Anexo III não tem valor para coordenador"):
        fg.valor(Porte.GRANDE, "coordenador")
    assert TabelaFG.de_valor(fg.para_valor()).valores == fg.valores


def test_regras_da_carreira():
    r = regras()
    assert (r.estagio_probatorio_anos, r.intersticio_classe_anos, r.classes_nivel_especial,
            r.pos_graduacao_horas) == (3, 5, 6, 360)
    assert (r.avanco_classe_percentual, r.avanco_classe_limite) == (D("5"), D("35"))
    assert r.diferenca_niveis == {Nivel.N2: D("18.9"), Nivel.N3: D("9.19"), Nivel.N4: D("9.24")}
    assert r.ultima_classe(Nivel.NE) == "F" and r.ultima_classe(Nivel.N2) == "G"
    assert ParametrosCarreira.de_valor(r.para_valor()) == replace(r, inicio=None, fundamento=ParametrosCarreira.de_valor(
        r.para_valor()).fundamento)


def test_limite_de_35_por_cento():
    """Com 5 % a classe G fica em 34,0096 % (o limite não alcança); com 10 % o limite corta na classe E."""
    r = regras()
    assert fator_classe(6, r) == D("1.340095640625")
    dez = replace(r, avanco_classe_percentual=D("10"))
    assert fator_classe(3, dez) == D("1.331") and fator_classe(4, dez) == D("1.35") == fator_classe(6, dez)


def _sem(valor: dict, linha: str, classe: str) -> dict:
    copia = {k: dict(v) for k, v in valor.items()}
    del copia[linha][classe]
    return copia


def _com(valor: dict, linha: str, classe: str, novo: str) -> dict:
    copia = {k: dict(v) for k, v in valor.items()}
    copia[linha][classe] = novo
    return copia


@pytest.mark.parametrize("mudar, mensagem", [
    (lambda v: _sem(v, "nivel_2_40h", "C"), "falta o vencimento do Nível 2, classe C, 40 h"),
    (lambda v: {k: x for k, x in v.items() if k != "nivel_4_20h"}, r"falta a linha do Nível 4, 20 h \(nivel_4_20h\)"),
    (lambda v: _com(v, "nivel_1_20h", "C", "310.00"), r"Nível 1, 20 h, a classe C \(R\$ 310,00\) deve ser maior"),
    (lambda v: _com(v, "nivel_2_20h", "A", "290.00"), r"classe A, 20 h, o Nível 2 \(R\$ 290,00\) deve ser maior"),
    (lambda v: _com(v, "nivel_1_20h", "A", "0"), "maior que zero"),
    (lambda v: _com(v, "nivel_1_20h", "A", "-300.00"), "maior que zero"),
    (lambda v: _com(v, "nivel_1_20h", "A", "300.001"), "dois centavos"),
    (lambda v: _com(v, "nivel_1_20h", "A", "trezentos"), "não é um número"),
    (lambda v: _com(v, "nivel_1_20h", "H", "500.00"), "classe inválida: H"),
    (lambda v: _com(v, "nivel_especial_20h", "G", "350.00"), "mesmas classes em 20 h e 40 h"),
])
def test_matriz_invalida_recusada_pelo_validador_do_parametro(mudar, mensagem):
    """O cadastro de uma vigência nova passa pelo validador (rules.parametros.VALIDADORES_TABELA)."""
    p = padrao("magisterio_anexo1")
    valor = mudar(p.vigencias[0].valor)
    with pytest.raises(EntradaInvalida, match=mensagem):
        nova_vigencia(p.definicao, date(2027, 1, 1), valor, "Lei municipal de reajuste")


def test_vigencia_valida_das_quatro_tabelas_pelo_validador():
    for nome in ("magisterio_anexo1", "magisterio_anexo2", "magisterio_anexo3", "magisterio_carreira"):
        p = padrao(nome)
        v = nova_vigencia(p.definicao, date(2027, 1, 1), p.vigencias[0].valor, "Lei municipal X")
        assert v.valor == p.vigencias[0].valor


@pytest.mark.parametrize("nome, mudar, mensagem", [
    ("magisterio_anexo2", lambda v: {**v, "nivel_3": {**v["nivel_3"], "E": "120"}}, "entre 0 e 100"),
    ("magisterio_anexo2", lambda v: {k: x for k, x in v.items() if k != "nivel_especial"}, "nivel_especial"),
    ("magisterio_anexo3", lambda v: {**v, "grande": {"diretor": "411.36"}}, "falta o valor de vice-diretor"),
    ("magisterio_anexo3", lambda v: {**v, "medio": {"diretor": "-1.00", "vice_diretor": "1.00"}}, "zero ou positivo"),
    ("magisterio_carreira", lambda v: {**v, "estagio_probatorio_anos": "2.5"}, "inteiro positivo"),
    ("magisterio_carreira", lambda v: {**v, "classes_nivel_especial": "8"}, "de 1 a 7 classes"),
    ("magisterio_carreira", lambda v: {**v, "avanco_classe_percentual": "0"}, "entre 0 e 100"),
    ("magisterio_carreira", lambda v: {k: x for k, x in v.items() if k != "diferenca_entre_niveis"}, "art. 20"),
])
def test_outras_tabelas_invalidas(nome, mudar, mensagem):
    p = padrao(nome)
    with pytest.raises(EntradaInvalida, match=mensagem):
        nova_vigencia(p.definicao, date(2027, 1, 1), mudar(p.vigencias[0].valor), "Lei municipal X")
