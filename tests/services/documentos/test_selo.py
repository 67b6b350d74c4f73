"""Selo assinado (Ed25519): verificação numa segunda instalação, nova, só com a chave pública importada."""
import json
import re

import pytest

from desktop import cli
from desktop.rules import selo as regras
from desktop.services import acesso, documentos, selo, verificacao
from desktop.services.sessao import ErroNegocio
from tests.conftest import SENHA_ADMIN
from tests.services.test_documentos import _emitir


def _texto_do_qr(pdf: bytes) -> str:
    return re.search(rb"paco-selo:(PACO1\.[A-Za-z0-9_.-]+)", pdf).group(1).decode()


@pytest.fixture
def emitido_e_chave(sessao_admin):
    e = _emitir(sessao_admin, referencia="Maria", titular="Maria da Conceição", cpf="529.982.247-25")
    return e, documentos.exportar_chave_publica(sessao_admin)


@pytest.fixture
def outra_instalacao(tmp_path, monkeypatch):
    """Uma instalação nova: outra pasta de dados, chaveiro vazio, nenhuma base aberta."""
    monkeypatch.setenv("PACO_DADOS", str(tmp_path / "outra-maquina"))
    assert selo.chaveiro() == {}


def test_pdf_verificado_em_outra_instalacao_so_com_a_chave_publica(emitido_e_chave, outra_instalacao):
    e, chave = emitido_e_chave
    v = verificacao.verificar_pdf(None, e.pdf)
    assert v.situacao == selo.CHAVE_DESCONHECIDA and "importe a chave pública" in v.mensagem()
    d = selo.importar_chave(chave)
    assert d["emissor"] == "Secretaria Municipal de Educação" and len(d["impressao"]) == 16
    v = verificacao.verificar_pdf(None, e.pdf)
    assert v.situacao == selo.AUTENTICO
    assert "autêntico e inalterado" in v.mensagem() and "Maria da Conceição" in v.mensagem()
    assert "***.982.247-**" in v.mensagem() and "529" not in v.mensagem()
    assert e.codigo in v.mensagem()


def test_alterado_truncado_acrescido(emitido_e_chave, outra_instalacao):
    e, chave = emitido_e_chave
    selo.importar_chave(chave)
    meio = len(e.pdf) // 2
    trocado = e.pdf[:meio] + bytes([e.pdf[meio] ^ 1]) + e.pdf[meio + 1:]
    for ruim in (trocado, e.pdf[: len(e.pdf) - 200], e.pdf + b"\n%acrescimo\n"):
        v = verificacao.verificar_pdf(None, ruim)
        assert v.situacao == selo.ALTERADO, ruim[-40:]
        assert "ALTERADO" in v.mensagem()


def test_texto_do_qr_autentico_adulterado_ou_de_chave_desconhecida(emitido_e_chave, outra_instalacao):
    e, chave = emitido_e_chave
    qr = _texto_do_qr(e.pdf)
    assert verificacao.verificar_codigo(None, qr).situacao == selo.CHAVE_DESCONHECIDA
    v = verificacao.verificar_codigo(None, qr, chaves_extras=[chave])  # chave passada sem importar
    assert v.situacao == selo.AUTENTICO and "Confira se o papel diz o mesmo" in v.mensagem()
    s = regras.ler_selo(qr)
    falso = dict(s.dados, h="Outra Pessoa")
    adulterado = f"PACO1.{regras.dados_b64(falso)}.{regras.b64(s.assinatura)}"
    assert verificacao.verificar_codigo(None, adulterado, chaves_extras=[chave]).situacao == selo.ALTERADO
    with pytest.raises(ErroNegocio, match="PACO1"):
        verificacao.verificar_codigo(None, "PACO1.xyz")
    with pytest.raises(ErroNegocio, match="Sem a base"):
        verificacao.verificar_codigo(None, e.codigo)


def test_chave_publica_adulterada_recusada(emitido_e_chave, outra_instalacao):
    _e, chave = emitido_e_chave
    d = json.loads(chave)
    d["chave"] = d["chave"][:-4] + "AAA="
    with pytest.raises(selo.ErroChavePublica, match="não confere"):
        selo.importar_chave(json.dumps(d).encode())
    with pytest.raises(selo.ErroChavePublica, match="não é uma chave"):
        selo.importar_chave(b"%PDF-1.4 qualquer coisa")
    assert selo.chaveiro() == {}


def test_instalacao_emissora_diz_cancelado_pelo_qr(sessao_admin):
    e = _emitir(sessao_admin)
    documentos.cancelar(sessao_admin, e.codigo, "emitido com o mês errado")
    v = verificacao.verificar_codigo(sessao_admin, _texto_do_qr(e.pdf))
    assert v.situacao == documentos.CANCELADO


def test_cli_verifica_sem_base_e_sem_login(instalacao, tmp_path, monkeypatch, capsys):
    caminho, _ = instalacao
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    e = _emitir(s)
    s.fechar()
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(e.pdf)
    monkeypatch.setenv("PACO_USUARIO", "admin")
    monkeypatch.setenv("PACO_SENHA", SENHA_ADMIN)
    chave = tmp_path / "orgao.pacochave"
    assert cli.main(["chave", "exportar", str(chave), "--base", str(caminho)]) == 0
    monkeypatch.delenv("PACO_USUARIO")
    monkeypatch.delenv("PACO_SENHA")
    monkeypatch.setenv("PACO_DADOS", str(tmp_path / "outra-maquina"))
    capsys.readouterr()
    assert cli.main(["verificar", str(pdf)]) == cli.SAIDA_FALHA
    assert "chave desconhecida" in capsys.readouterr().out
    assert cli.main(["chave", "importar", str(chave)]) == 0
    assert cli.main(["verificar", str(pdf)]) == 0
    assert "autêntico e inalterado" in capsys.readouterr().out
    pdf.write_bytes(e.pdf[:-300])
    assert cli.main(["verificar", str(pdf)]) == cli.SAIDA_FALHA
    assert "ALTERADO" in capsys.readouterr().out
    assert cli.main(["verificar", str(tmp_path / "nao-existe.pdf")]) == cli.SAIDA_ERRO
    assert cli.main(["chave", "importar", str(pdf)]) == cli.SAIDA_ERRO
