"""A roda do mouse sem foco não muda caixas fora da Configuração também: a competência da Folha mensal (mês
e ano) e as listas de um formulário de cadastro (DialogoFormulario); com foco, a roda ajusta como sempre."""
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox

from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.magisterio.painel import PainelMagisterio


def _roda(widget, passos: int = -1) -> None:
    centro = QPointF(widget.rect().center())
    ev = QWheelEvent(centro, QPointF(widget.mapToGlobal(centro.toPoint())), QPoint(0, 0), QPoint(0, 120 * passos),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, ev)


def test_competencia_da_folha_nao_muda_com_a_roda_sem_foco(qtbot, sessao_demo):
    painel = PainelMagisterio(sessao_demo)
    qtbot.addWidget(painel)
    painel.show()
    aba = painel.folha
    painel.abas.setCurrentWidget(aba)
    qtbot.waitExposed(aba)
    aba.botao_previa.setFocus()
    ano, mes = aba.ano.value(), aba.mes.currentIndex()
    for passos in (-1, 1, -1):
        _roda(aba.ano, passos)
        _roda(aba.mes, passos)
    assert (aba.ano.value(), aba.mes.currentIndex()) == (ano, mes)
    assert aba.ano.focusPolicy() == Qt.FocusPolicy.StrongFocus
    aba.ano.setFocus()
    qtbot.waitUntil(aba.ano.hasFocus)
    _roda(aba.ano, 1)
    assert aba.ano.value() == ano + 1


def test_lista_de_formulario_nao_muda_com_a_roda_sem_foco(qtbot):
    f = DialogoFormulario("Teste", "OK")
    qtbot.addWidget(f)
    combo = QComboBox(f)
    combo.addItems(["um", "dois", "três"])
    f.adicionar("Escolha:", combo)
    f.show()
    f.botao_voltar.setFocus()
    _roda(combo, -1)
    assert combo.currentIndex() == 0
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _roda(combo, -1)
    assert combo.currentIndex() == 1
