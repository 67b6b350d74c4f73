"""Aba Usuários: criar pelo diálogo, desativar, reativar e redefinir senha, conferindo a base."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.screens.widgets import avisos
from desktop.screens.administracao.usuarios import AbaUsuarios
from desktop.services import acesso
from desktop.store.chaves import SenhaIncorreta

from ..conftest import SENHA_ADMIN
from tests.screens.apoio_janelas import esperar_gravacao


@pytest.fixture
def aba(qtbot, sessao_admin):
    w = AbaUsuarios(sessao_admin)
    qtbot.addWidget(w)
    w.resize(900, 500)
    w.show()
    _pronta(qtbot, w)
    return w


def _pronta(qtbot, aba):
    """A lista é lida fora da thread da interface: espera a leitura chegar."""
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)


def _linha_de(aba, login):
    for i in range(aba.proxy.rowCount()):
        if aba.proxy.linha_origem(aba.proxy.index(i, 0))["login"] == login:
            return i
    raise AssertionError(f"{login} não está na tabela")


def _clicar_linha(qtbot, aba, login):
    i = _linha_de(aba, login)
    rect = aba.tabela.visualRect(aba.proxy.index(i, 0))
    qtbot.mouseClick(aba.tabela.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert aba.selecionado()["login"] == login


def _criar_pelo_dialogo(qtbot, aba, login="maria", nome="Maria Souza", papel="Folha / RH",
                        senha="provisoria1"):
    qtbot.mouseClick(aba.botao_novo, Qt.MouseButton.LeftButton)
    dlg = aba.dialogo
    qtbot.waitUntil(dlg.isVisible)
    qtbot.keyClicks(dlg.nome.edit, nome)
    qtbot.keyClicks(dlg.login.edit, login)
    dlg.papel.setCurrentIndex(dlg.papel.findText(papel))
    qtbot.keyClicks(dlg.senhas.senha.edit, senha)
    qtbot.keyClicks(dlg.senhas.confirmacao.edit, senha)
    return dlg


def test_criar_usuario_pelo_dialogo_grava_diario_e_entra(qtbot, aba, sessao_admin, instalacao):
    dlg = _criar_pelo_dialogo(qtbot, aba)
    assert dlg.botao_ok.isEnabled()
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    _pronta(qtbot, aba)
    usuarios = {u["login"]: u for u in acesso.listar_usuarios(sessao_admin)}
    assert usuarios["maria"]["nome"] == "Maria Souza"
    assert usuarios["maria"]["papel"] == "folha_rh"
    assert usuarios["maria"]["trocar_senha"] == 1
    diario = list(sessao_admin.db.query(
        "SELECT usuario, acao, depois FROM diario WHERE tabela = 'usuarios' AND acao = 'inserir' "
        "AND depois LIKE '%maria%'"))
    assert len(diario) == 1 and diario[0]["usuario"] == "admin"
    # a tabela mostra o novo usuário, selecionado, com os rótulos em português
    assert aba.selecionado()["login"] == "maria"
    i = _linha_de(aba, "maria")
    assert [aba.proxy.index(i, c).data() for c in range(5)] == [
        "Maria Souza", "maria", "Folha / RH", "Sim", "Sim"]
    assert "maria criado" in aba.situacao.text()
    caminho, _ = instalacao
    sessao_admin.fechar()
    s = acesso.entrar(caminho, "maria", "provisoria1")
    assert s.usuario.nome == "Maria Souza" and s.usuario.trocar_senha
    s.fechar()
    acesso.entrar(caminho, "admin", SENHA_ADMIN).fechar()


def test_dialogo_valida_enquanto_digita(qtbot, aba):
    dlg = _criar_pelo_dialogo(qtbot, aba, login="Maria Souza", senha="curta")
    assert not dlg.botao_ok.isEnabled()
    assert "Login deve ter" in dlg.login.erro.text() and dlg.login.erro.isVisible()
    assert "pelo menos 10" in dlg.senhas.senha.erro.text()
    dlg.login.edit.clear()
    qtbot.keyClicks(dlg.login.edit, "maria")
    qtbot.keyClicks(dlg.senhas.senha.edit, "-jabuti-caju")  # "curta-jabuti-caju"; a confirmação ficou diferente
    assert "não são iguais" in dlg.senhas.confirmacao.erro.text()
    assert not dlg.botao_ok.isEnabled()
    qtbot.keyClicks(dlg.senhas.confirmacao.edit, "-jabuti-caju")
    assert dlg.botao_ok.isEnabled()


def test_login_repetido_recusado_no_proprio_dialogo(qtbot, aba, sessao_admin):
    dlg = _criar_pelo_dialogo(qtbot, aba, login="admin")
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    esperar_gravacao(qtbot, dlg)
    assert dlg.isVisible()
    assert "Já existe um usuário com o login admin" in dlg.rotulo_erro.text()
    dlg.reject()
    assert len(acesso.listar_usuarios(sessao_admin)) == 1


def test_desativar_pergunta_antes_e_impede_entrada(qtbot, aba, sessao_admin, instalacao, monkeypatch):
    acesso.criar_usuario(sessao_admin, login="joao", nome="João Lima", papel="consulta",
                         senha="provisoria1")
    aba.recarregar()
    _pronta(qtbot, aba)
    _clicar_linha(qtbot, aba, "joao")
    assert aba.botao_desativar.isEnabled() and not aba.botao_reativar.isEnabled()
    perguntas = []
    monkeypatch.setattr(avisos, "confirmar", lambda *a, **k: perguntas.append(a[2]) or False)
    qtbot.mouseClick(aba.botao_desativar, Qt.MouseButton.LeftButton)
    assert perguntas == ["Desativar o usuário joao (João Lima)?"]
    assert {u["login"]: u["ativo"] for u in acesso.listar_usuarios(sessao_admin)}["joao"] == 1
    monkeypatch.setattr(avisos, "confirmar", lambda *a, **k: True)
    qtbot.mouseClick(aba.botao_desativar, Qt.MouseButton.LeftButton)
    # desativar troca as chaves numa tarefa em segundo plano (diálogo de progresso)
    qtbot.waitUntil(lambda: "desativado" in aba.situacao.text(), timeout=20000)
    _pronta(qtbot, aba)
    assert {u["login"]: u["ativo"] for u in acesso.listar_usuarios(sessao_admin)}["joao"] == 0
    assert aba.botao_reativar.isEnabled() and not aba.botao_desativar.isEnabled()
    assert aba.proxy.index(_linha_de(aba, "joao"), 3).data() == "Não"
    caminho, _ = instalacao
    with pytest.raises(SenhaIncorreta):
        acesso.entrar(caminho, "joao", "provisoria1")

    # reativar pede uma senha provisória
    qtbot.mouseClick(aba.botao_reativar, Qt.MouseButton.LeftButton)
    dlg = aba.dialogo
    qtbot.keyClicks(dlg.senhas.senha.edit, "reativado1")
    qtbot.keyClicks(dlg.senhas.confirmacao.edit, "reativado1")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClick(dlg.senhas.confirmacao.edit, Qt.Key.Key_Return)
    _pronta(qtbot, aba)
    assert "joao reativado" in aba.situacao.text()
    sessao_admin.fechar()
    acesso.entrar(caminho, "joao", "reativado1").fechar()


def test_desativar_a_si_mesmo_mostra_erro(qtbot, aba, monkeypatch):
    _clicar_linha(qtbot, aba, "admin")
    erros = []
    monkeypatch.setattr(avisos, "confirmar", lambda *a, **k: True)
    monkeypatch.setattr(avisos, "erro", lambda _p, _t, e: erros.append(avisos.mensagem_de(e)))
    qtbot.mouseClick(aba.botao_desativar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(erros), timeout=20000)
    assert erros == ["Você não pode desativar o seu próprio usuário."]


def test_redefinir_senha(qtbot, aba, sessao_admin, instalacao):
    acesso.criar_usuario(sessao_admin, login="ana", nome="Ana Reis", papel="consulta",
                         senha="provisoria1")
    aba.recarregar()
    _pronta(qtbot, aba)
    _clicar_linha(qtbot, aba, "ana")
    qtbot.mouseClick(aba.botao_senha, Qt.MouseButton.LeftButton)
    dlg = aba.dialogo
    qtbot.keyClicks(dlg.senhas.senha.edit, "nova-provisoria")
    qtbot.keyClicks(dlg.senhas.confirmacao.edit, "nova-provisoria")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    _pronta(qtbot, aba)
    # redefinir troca as chaves numa tarefa em segundo plano (diálogo de progresso)
    qtbot.waitUntil(lambda: "redefinida" in aba.situacao.text(), timeout=20000)
    caminho, _ = instalacao
    sessao_admin.fechar()
    with pytest.raises(SenhaIncorreta):
        acesso.entrar(caminho, "ana", "provisoria1")
    acesso.entrar(caminho, "ana", "nova-provisoria").fechar()


def test_conselheira_aguarda_o_sigilo_e_a_chave_de_recuperacao_o_libera(qtbot, aba, sessao_admin, instalacao):
    caminho, recuperacao = instalacao
    sessao_admin.chaves.pop("sigilo")  # como um administrador comum: sem o sigilo
    acesso.criar_usuario(sessao_admin, login="bia", nome="Bia Conselheira", papel="conselheiro_tutelar",
                         senha="provisoria1")

    def botoes():  # as linhas de situação aparecem e somem sem mover os botões (issue 16, item 6)
        QApplication.processEvents()
        return [b.mapTo(aba, b.rect().topLeft()) for b in (aba.botao_novo, aba.botao_sigilo)]

    antes = botoes()
    aba.recarregar()
    _pronta(qtbot, aba)
    assert "Aguardando a liberação do sigilo: bia." in aba.situacao_chaves.text()
    assert botoes() == antes
    qtbot.mouseClick(aba.botao_sigilo, Qt.MouseButton.LeftButton)
    dlg = aba.dialogo
    qtbot.keyClicks(dlg.chave, recuperacao)
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    _pronta(qtbot, aba)
    assert aba.situacao.text() == "Sigilo liberado para: bia."
    _pronta(qtbot, aba)
    assert not aba.situacao_chaves.isVisible()
    assert botoes() == antes
    sessao_admin.fechar()
    s = acesso.entrar(caminho, "bia", "provisoria1")
    assert "sigilo" in s.chaves
    s.fechar()
