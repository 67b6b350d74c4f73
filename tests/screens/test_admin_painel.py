"""Painel de Administração: abas conforme o papel, troca pelo teclado e o pedido de restauração."""
from PySide6.QtCore import Qt

from desktop.screens.widgets.leitura import em_andamento
from desktop.screens.widgets import avisos
from desktop.screens.administracao.painel import PainelAdministracao
from desktop.services import acesso, copias


def _titulos(painel):
    return [painel.abas.tabText(i) for i in range(painel.abas.count())]


def test_administrador_ve_todas_as_abas_e_troca_pelo_teclado(qtbot, sessao_admin):
    painel = PainelAdministracao(sessao_admin)
    qtbot.addWidget(painel)
    with qtbot.waitActive(painel):
        painel.show()
        painel.activateWindow()
    assert _titulos(painel) == ["Usuários", "Diário de auditoria", "Parâmetros",
                                "Cópias de segurança", "Documentos emitidos", "Emissores"]
    qtbot.keyClick(painel.abas, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert painel.abas.currentWidget() is painel.parametros
    qtbot.keyClick(painel.abas, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert painel.abas.currentWidget() is painel.copias


def test_papel_consulta_ve_so_o_que_pode(qtbot, sessao_admin, instalacao):
    acesso.criar_usuario(sessao_admin, login="mp", nome="Promotoria", papel="consulta",
                         senha="provisoria1")
    sessao_admin.fechar()
    caminho, _ = instalacao
    s = acesso.entrar(caminho, "mp", "provisoria1")
    try:
        painel = PainelAdministracao(s)
        qtbot.addWidget(painel)
        qtbot.waitUntil(lambda: em_andamento() == 0, timeout=10000)  # as abas leem fora da thread da interface
        assert _titulos(painel) == ["Diário de auditoria", "Parâmetros", "Documentos emitidos"]
        assert painel.usuarios is None and painel.copias is None
        assert not painel.parametros.botao_nova.isEnabled()
        assert "não permite" in painel.parametros.botao_nova.toolTip()
        assert not painel.emitidos.botao_cancelar.isEnabled()
    finally:
        s.fechar()
    acesso.entrar(caminho, "admin", "senha-do-admin").fechar()


def test_painel_repassa_o_pedido_de_restauracao(qtbot, sessao_admin, monkeypatch):
    copias.fazer_copia(sessao_admin)
    painel = PainelAdministracao(sessao_admin)
    qtbot.addWidget(painel)
    painel.show()
    painel.abas.setCurrentWidget(painel.copias)
    qtbot.waitUntil(lambda: not painel.copias.carregando, timeout=10000)  # a lista é lida fora da interface
    painel.copias.tabela.selectRow(0)
    monkeypatch.setattr(avisos, "confirmar", lambda *a, **k: True)
    with qtbot.waitSignal(painel.sig_restaurar) as sinal:
        qtbot.mouseClick(painel.copias.botao_restaurar, Qt.MouseButton.LeftButton)
    assert sinal.args == [copias.listar_copias(sessao_admin)[0].caminho]
