"""Convênio do arquivo do banco: texto livre no Banco do Brasil, números de tamanho fixo na Caixa (SIACC)."""
import pytest

from desktop.rules.pagamento import convenio
from desktop.rules.validacao import EntradaInvalida


def test_banco_do_brasil_guarda_o_texto_como_digitado():
    assert convenio.codigo("001", "  000123456   0126 ") == "000123456 0126"
    with pytest.raises(EntradaInvalida, match="no máximo 20"):
        convenio.codigo("001", "1" * 21)


def test_caixa_completa_com_zeros_a_esquerda():
    assert convenio.da_caixa("4773", "1", "2", "17") == {
        "convenio": "004773", "parametro_transmissao": "01", "tipo_compromisso": "02", "codigo_compromisso": "0017"}
    assert convenio.codigo("104", "444.773") == "444773"


@pytest.mark.parametrize("campos, mensagem", [
    (("CX4477", "01", "02", "17"), "código do convênio da Caixa só tem números"),
    (("4447731", "01", "02", "17"), "convênio da Caixa tem 6 dígitos; 4447731 tem 7"),
    (("444773", "", "02", "17"), "Informe o parâmetro de transmissão"),
    (("444773", "123", "02", "17"), "parâmetro de transmissão da Caixa tem 2 dígitos"),
    (("444773", "01", "", "17"), "Informe o tipo de compromisso"),
    (("444773", "01", "02", "12345"), "código do compromisso da Caixa tem 4 dígitos"),
])
def test_caixa_recusa_o_que_nao_cabe(campos, mensagem):
    with pytest.raises(EntradaInvalida, match=mensagem):
        convenio.da_caixa(*campos)
