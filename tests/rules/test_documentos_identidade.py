"""CPF e CNPJ pela validate-docbr, inclusive o CNPJ alfanumérico (Receita Federal, julho de 2026)."""
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.rules import validacao
from desktop.rules.validacao import EntradaInvalida
from desktop.services import acesso, documentos

from ..conftest import SENHA_ADMIN

ALFANUMERICO = "12.ABC.345/01DE-35"


@pytest.mark.parametrize("digitado, guardado", [
    ("12.ABC.345/01DE-35", "12ABC34501DE35"),
    ("12.abc.345/01de-35", "12ABC34501DE35"),
    ("12ABC34501DE35", "12ABC34501DE35"),
    ("11.222.333/0001-81", "11222333000181"),
    (" 11222333000181 ", "11222333000181"),
])
def test_cnpj_aceito(digitado, guardado):
    assert validacao.cnpj(digitado) == guardado


@pytest.mark.parametrize("digitado, mensagem", [
    ("12.ABC.345/01DE-36", "dígitos verificadores não conferem"),
    ("12.ABC.345/01DE-3X", "os dois últimos caracteres são dígitos verificadores"),
    ("12.ABC.345/01DE", "14 caracteres"),
    ("12.ÁBC.345/01DE-35", "só tem letras, números"),
    ("11.222.333/0001-82", "dígitos verificadores não conferem"),
    ("AAAAAAAAAAAA00", "dígitos verificadores não conferem"),
])
def test_cnpj_recusado(digitado, mensagem):
    with pytest.raises(EntradaInvalida, match=mensagem):
        validacao.cnpj(digitado)


def test_formatacao():
    assert validacao.formatar_cnpj("12ABC34501DE35") == ALFANUMERICO
    assert validacao.formatar_cnpj("11222333000181") == "11.222.333/0001-81"
    assert validacao.formatar_cpf("52998224725") == "529.982.247-25"
    assert validacao.cpf("529.982.247-25") == "52998224725"


def test_cnpj_alfanumerico_ida_e_volta_na_base_e_no_pdf(tmp_path):
    dados = acesso.DadosEscritorio(nome="Conselho Municipal", municipio="Itapiranga", uf="AM",
                                   cnpj="12.abc.345/01de-35")
    caminho = tmp_path / "base" / "paco.db"
    sessao, _ = acesso.criar_instalacao(caminho, dados, login="admin", nome="Ana Administradora",
                                        senha=SENHA_ADMIN)
    sessao.fechar()
    sessao = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    try:
        assert sessao.db.execute("SELECT cnpj FROM escritorio").fetchone()[0] == "12ABC34501DE35"
        assert documentos.cabecalho_do_orgao(sessao).cnpj == ALFANUMERICO
        emitido = documentos.emitir_relatorio_diario(sessao)
        texto = "".join(p.extract_text() for p in PdfReader(BytesIO(emitido.pdf)).pages)
        assert f"CNPJ {ALFANUMERICO}" in texto
    finally:
        sessao.fechar()
