"""Dígitos verificadores das contas: Banco do Brasil (módulo 11 com X), Caixa (formato) e PIS (validate-docbr)."""
import pytest

from desktop.rules.pagamento import banco
from desktop.rules.validacao import EntradaInvalida


@pytest.mark.parametrize("numero, dv", [
    ("0001", "9"),        # agência 0001-9 (Brasília): 1*2 = 2; 11-2 = 9
    ("1234", "3"),        # 1*5+2*4+3*3+4*2 = 30; 30 mod 11 = 8; 11-8 = 3
    ("00210169", "6"),    # pesos 9..2: 0+0+2*7+1*6+0*5+1*4+6*3+9*2 = 60; 60 mod 11 = 5; 11-5 = 6
    ("0019", "1"),        # 1*3+9*2 = 21; 21 mod 11 = 10; 11-10 = 1
])
def test_dv_modulo11_bb(numero, dv):
    assert banco.dv_modulo11_bb(numero) == dv


def test_dv_x_e_zero():
    # 0006: 6*2 = 12 → resto 1 → 11-1 = 10 → 'X'; 0011: 1*3+1*2 = 5 → 6; 0000 → resto 0 → 11 → '0'
    assert banco.dv_modulo11_bb("0006") == "X"
    assert banco.dv_modulo11_bb("0000") == "0"
    assert banco.dv_modulo11_bb("0011") == "6"


def test_bb_valido_e_invalido():
    d = banco.dados_bancarios("1", "0001", "9", "210169", "6", "corrente")
    assert (d.banco, d.agencia, d.agencia_dv, d.conta, d.conta_dv) == ("001", "0001", "9", "210169", "6")
    with pytest.raises(EntradaInvalida, match="Dígito da agência 0001 não confere: informado 8, .* dá 9"):
        banco.dados_bancarios("001", "0001", "8", "210169", "6", "corrente")
    with pytest.raises(EntradaInvalida, match="Dígito da conta 210169 não confere: informado 7, .* dá 6"):
        banco.dados_bancarios("001", "0001", "9", "210169", "7", "corrente")
    with pytest.raises(EntradaInvalida, match="agência"):
        banco.dados_bancarios("001", "", "9", "210169", "6", "corrente")
    assert banco.dados_bancarios("001", "0006", "x", "210169", "6", "poupança").agencia_dv == "X"


def test_caixa_formato():
    d = banco.dados_bancarios("104", "2345", "", "00100012345", "7", "salario")
    assert (d.agencia_dv, d.conta, d.tipo_conta) == ("", "00100012345", "salario")
    with pytest.raises(EntradaInvalida, match="Caixa não tem dígito"):
        banco.dados_bancarios("104", "2345", "5", "00100012345", "7", "corrente")
    with pytest.raises(EntradaInvalida, match="número de 0 a 9"):
        banco.dados_bancarios("104", "2345", "", "00100012345", "X", "corrente")
    with pytest.raises(EntradaInvalida, match="Tipo de conta"):
        banco.dados_bancarios("104", "2345", "", "00100012345", "1", "investimento")


def test_pis():
    assert banco.pis("408.84561.36-3") == "40884561363"
    with pytest.raises(EntradaInvalida, match=r"408\.84561\.36-4 inválido: o dígito verificador não confere "
                                              r"\(informado 4, o cálculo dá 3\)"):
        banco.pis("408.84561.36-4")
    with pytest.raises(EntradaInvalida, match="todos os dígitos iguais"):
        banco.pis("000.00000.00-0")
    with pytest.raises(EntradaInvalida, match="11 dígitos"):
        banco.pis("1234")
