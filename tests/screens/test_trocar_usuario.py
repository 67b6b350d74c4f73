"""Arquivo › Trocar usuário (issue 15, item 6): a conselheira sai sem fechar o programa, a rh entra, e abaixo
da tela se prova que as chaves da conselheira sumiram — nenhuma conexão viva com o arquivo sigiloso anexado,
nenhuma sessão ou conexão Python com as chaves, e a sessão da rh sem o sigilo."""
import gc
from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop import app as paco
from desktop.services import acesso
from desktop.services.conselho import atendimentos, mandatos
from desktop.services.sessao import Sessao
from desktop.store.base import Base

from .apoio_janelas import esperar_copia_diaria, fechar_principal

SENHA = "senha-de-teste-1"


@pytest.fixture
def fluxo(qapp, qtbot):
    f = paco.Fluxo(qapp)
    yield f
    if f.principal is not None:
        fechar_principal(qtbot, f.principal)
    if f.login is not None:
        f.login.hide()


@pytest.fixture
def base_com_usuarios(instalacao, sessao_admin):
    c = mandatos.cadastrar_conselheiro(sessao_admin, nome="Joana Prado", condicao="titular", ordem=1,
                                       inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9))
    for login, papel in (("joana", "conselheiro_tutelar"), ("rita", "folha_rh")):
        acesso.criar_usuario(sessao_admin, login=login, nome=login.title(), papel=papel, senha=SENHA,
                             trocar_senha=False)
    mandatos.vincular_usuario(sessao_admin, c["id"], "joana")
    sessao_admin.fechar()  # a base só se abre numa sessão de cada vez (trava)
    return instalacao[0]


def _entrar(qtbot, fluxo, login):
    janela = fluxo.login
    qtbot.waitUntil(janela.isVisible)
    janela.login.clear()
    janela.senha.clear()
    qtbot.keyClicks(janela.login, login)
    qtbot.keyClicks(janela.senha, SENHA)
    anterior = fluxo.principal
    qtbot.keyClick(janela.senha, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fluxo.principal is not None and fluxo.principal is not anterior
                    and fluxo.principal.isVisible(), timeout=20000)
    esperar_copia_diaria(qtbot, fluxo.principal)
    return fluxo.principal


def _vivas(tipo):
    return [o for o in gc.get_objects() if isinstance(o, tipo)]


def test_trocar_de_conselheira_para_rh_apaga_as_chaves_da_sessao(qtbot, fluxo, base_com_usuarios):
    fluxo.mostrar_login(base_com_usuarios)
    principal = _entrar(qtbot, fluxo, "joana")
    sessao_joana = principal.sessao
    base_joana = sessao_joana.base
    assert sessao_joana.tem_sigilo and "sigilo" in sessao_joana.chaves
    atendimentos.registrar_atendimento(sessao_joana, {  # um caso gravado no arquivo sigiloso
        "tipo": "denuncia", "recebido_em": "2026-03-06T22:30", "bairro": "Centro", "relato": "Criança sozinha.",
        "criancas": [{"nome": "Lia Souza", "nascimento": "2016-04-02"}]})
    assert principal.acao_trocar_usuario.shortcut().toString() == "Ctrl+Shift+U"
    principal.acao_trocar_usuario.trigger()  # Arquivo › Trocar usuário
    qtbot.waitUntil(lambda: fluxo.login is not None and fluxo.login.isVisible(), timeout=10000)
    assert not principal.isVisible() and principal.sessao is None
    aviso = fluxo.login.informacao.text()
    assert fluxo.login.informacao.isVisible() and "Joana" in aviso and "encerrada" in aviso
    # abaixo da tela: a sessão e a conexão da conselheira não têm mais chave nenhuma, e a conexão está fechada
    assert sessao_joana.chaves == {} and base_joana.chave is None and not base_joana.tem_sigilo
    with pytest.raises(Exception, match="closed"):
        base_joana.conexao.execute("SELECT 1")

    nova = _entrar(qtbot, fluxo, "rita")  # sem fechar o programa
    assert nova.rotulo_usuario.text().startswith("Rita")
    sessao_rita = nova.sessao
    assert set(sessao_rita.chaves) == {"geral"} and not sessao_rita.tem_sigilo
    anexados = {l[1] for l in sessao_rita.base.conexao.execute("PRAGMA database_list").fetchall()}
    assert "sigilo" not in anexados
    # nenhum objeto vivo do processo guarda a chave do sigilo ou tem o arquivo sigiloso anexado
    gc.collect()
    for s in _vivas(Sessao):
        assert "sigilo" not in s.chaves, s.usuario.login
    for b in _vivas(Base):
        assert b.fechada or not b.tem_sigilo
        assert b.fechada or b is sessao_rita.base or b.chave == sessao_rita.base.chave
    # a rh não lê o conteúdo dos casos: as tabelas do sigilo nem existem na conexão dela
    with pytest.raises(Exception, match="no such table"):
        sessao_rita.db.execute("SELECT count(*) FROM conselho_criancas").fetchone()
