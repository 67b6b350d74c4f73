"""Aba Usuários numa réplica: o usuário criado na sede chega no pacote, aparece aguardando o aceite; o
administrador desta máquina o aceita (fora da thread da interface) e ele entra aqui com a senha de lá."""
import pytest
from PySide6.QtCore import Qt

from desktop.screens.administracao.usuarios import AbaUsuarios
from desktop.services import acesso
from desktop.services import sincronizacao as sx

from ..conftest import SENHA_ADMIN
from ..services.sincronizacao.conftest import montar_orgao
from .apoio_janelas import clicar_botao, quando_modal

SENHA = "laranja-tucano-rio-1"


@pytest.fixture
def folha(tmp_path, escritorio):
    o = montar_orgao(tmp_path / "orgao", escritorio, {"Folha": False})
    s = acesso.entrar(o.caminhos["Sede"], "admin", SENHA_ADMIN)
    acesso.criar_usuario(s, login="rh3", nome="Raul Novo", papel="folha_rh", senha=SENHA, trocar_senha=False)
    pacote = sx.exportar(s, tmp_path / "pen", "Folha")
    s.fechar()
    a = acesso.entrar(o.caminhos["Folha"], "admin", SENHA_ADMIN)
    sx.importar(a, pacote)
    yield o.caminhos["Folha"], a
    a.fechar()


def test_aceitar_usuario_recebido_pela_aba(qtbot, folha):
    _caminho, sessao = folha
    aba = AbaUsuarios(sessao)
    qtbot.addWidget(aba)
    aba.resize(1000, 500)
    aba.show()
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)  # lida fora da thread da interface
    assert aba.botao_aceitar.isVisible() and "aguardando o seu aceite: rh3" in aba.situacao_chaves.text()
    aba.selecionar("admin")
    assert not aba.botao_aceitar.isEnabled()  # só para quem chegou
    aba.selecionar("rh3")
    assert aba.botao_aceitar.isEnabled()
    quando_modal(lambda caixa: clicar_botao(caixa, "Aceitar"))
    qtbot.mouseClick(aba.botao_aceitar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "rh3 aceito" in aba.situacao.text(), timeout=30000)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
    assert not aba.botao_aceitar.isVisible() and "aguardando" not in aba.situacao_chaves.text()
    r = acesso.outra_sessao(sessao, "rh3", SENHA)
    assert r.usuario.login == "rh3" and set(r.chaves) == {"geral"}
    r.base.fechar()
