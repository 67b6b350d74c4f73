"""Apoio aos testes das telas: ler o que a tabela comum (``widgets.tabela``) mostra e dirigi-la pelo teclado."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView

from .apoio_janelas import digitar


def textos(visao: QTableView) -> list[list[str]]:
    """O texto de cada célula, na ordem em que a tabela mostra as linhas."""
    m = visao.model()
    return [[m.index(i, j).data() or "" for j in range(m.columnCount())] for i in range(m.rowCount())]


def dica(visao: QTableView, linha: int, coluna: int) -> str:
    return visao.model().index(linha, coluna).data(Qt.ItemDataRole.ToolTipRole)


def ir_para(qtbot, visao: QTableView, linha: int, coluna: int = 0) -> None:
    """Leva o cursor da tabela à célula pelo teclado: Home e seta para baixo ``linha`` vezes, seta para a direita
    ``coluna`` vezes (como o usuário faria)."""
    visao.setFocus()
    qtbot.keyClick(visao, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(linha):
        qtbot.keyClick(visao, Qt.Key.Key_Down)
    for _ in range(coluna):
        qtbot.keyClick(visao, Qt.Key.Key_Right)
    assert (visao.currentIndex().row(), visao.currentIndex().column()) == (linha, coluna)


def marcar_todas(qtbot, visao: QTableView, coluna: int) -> None:
    """Marca a caixa da ``coluna`` em todas as linhas pelo teclado (a barra de espaço, linha a linha)."""
    m = visao.model()
    for i in range(m.rowCount()):
        ir_para(qtbot, visao, i, coluna)
        if m.index(i, coluna).data(Qt.ItemDataRole.CheckStateRole) != Qt.CheckState.Checked:
            qtbot.keyClick(visao, Qt.Key.Key_Space)
        assert m.index(i, coluna).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def editar_celula(qtbot, visao: QTableView, linha: int, coluna: int, texto: str, *, tecla=Qt.Key.Key_F2) -> None:
    """Edita a célula pelo teclado: vai até ela, abre o editor (F2, ou Enter onde a tela o liga), apaga, digita e
    confirma com Enter."""
    ir_para(qtbot, visao, linha, coluna)
    qtbot.keyClick(visao, tecla)
    # o editor aberto agora (o de uma edição anterior fica oculto até o Qt o apagar)
    editores = [e for e in visao.viewport().findChildren(QLineEdit) if e.isVisibleTo(visao.viewport())]
    assert len(editores) == 1, "o editor da célula não abriu"
    editor = editores[0]
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    digitar(qtbot, editor, texto)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # o Qt entrega o texto ao modelo na volta seguinte do laço de eventos
    qtbot.waitUntil(lambda: visao.state() != QAbstractItemView.State.EditingState)
