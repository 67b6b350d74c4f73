"""Apoio aos testes das telas do Paço: responder a caixas modais e fechar janelas com a sessão."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def digitar(qtbot, widget: QWidget, texto: str) -> None:
    """Digita ``texto`` tecla por tecla, inclusive letras acentuadas (que o QTest não digita)."""
    for ch in texto:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for tipo in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(tipo, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def quando_modal(acao: Callable[[QWidget], None], *, tipo: type = QWidget) -> None:
    """Quando a próxima janela modal do tipo dado aparecer, executa ``acao`` nela (sem dormir:
    um temporizador de 0 ms consulta de novo a cada volta do laço de eventos)."""

    def tentar():
        janela = QApplication.activeModalWidget()
        if isinstance(janela, tipo) and janela.isVisible():
            acao(janela)
        else:
            QTimer.singleShot(10, tentar)

    QTimer.singleShot(0, tentar)


def clicar_botao(caixa: QMessageBox, texto: str) -> None:
    for botao in caixa.buttons():
        if botao.text() == texto:
            botao.click()
            return
    raise AssertionError(f"botão {texto!r} não encontrado em {[b.text() for b in caixa.buttons()]}")


def esperar_copia_diaria(qtbot, janela) -> None:
    """A janela principal faz a cópia diária logo depois de aparecer; espera ela terminar."""
    qtbot.waitUntil(lambda: janela.diaria_conferida and janela._tarefa is None, timeout=15000)


def fechar_principal(qtbot, janela) -> None:
    """Fecha a janela principal e espera a cópia "ao fechar" terminar e a sessão ser fechada."""
    if janela.isVisible():
        janela.close()
    qtbot.waitUntil(lambda: janela.sessao is None and not janela.isVisible(), timeout=15000)


def esperar_gravacao(qtbot, dialogo) -> None:
    """Um formulário (``widgets.formulario``) grava fora da thread da interface: espera a gravação
    terminar — o diálogo aceito, ou aberto com a recusa no próprio rótulo de erro."""
    qtbot.waitUntil(lambda: getattr(dialogo, "tarefa", None) is None, timeout=15000)


def esperar_leituras(qtbot, timeout: int = 15000) -> None:
    """As telas leem fora da thread da interface (``widgets.servicos.consulta``): espera todas as leituras
    terminarem e os seus callbacks rodarem (uma leitura pedida num callback também conta)."""
    from desktop.screens.widgets.leitura import em_andamento

    qtbot.waitUntil(lambda: em_andamento() == 0, timeout=timeout)
