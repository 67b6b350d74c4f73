"""Aba Configuração: rolar com a roda do mouse por cima das caixas não muda regra nenhuma da folha (o
evento segue para a página); com a caixa em foco (clicada ou alcançada pelo Tab), a roda muda o valor."""
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox

from desktop.screens.magisterio.painel import PainelMagisterio


def _roda(widget, passos: int = -1) -> None:
    centro = QPointF(widget.rect().center())
    ev = QWheelEvent(centro, QPointF(widget.mapToGlobal(centro.toPoint())), QPoint(0, 0), QPoint(0, 120 * passos),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, ev)


def test_roda_sem_foco_rola_a_pagina_e_nao_muda_a_configuracao(qtbot, sessao_demo):
    painel = PainelMagisterio(sessao_demo)
    qtbot.addWidget(painel)
    painel.resize(1100, 500)
    painel.show()
    aba = painel.configuracao
    painel.abas.setCurrentWidget(aba)
    qtbot.waitExposed(aba)
    qtbot.waitUntil(lambda: not aba.lendo, timeout=15000)  # a configuração gravada vem fora da interface
    antes = aba.lida()
    caixas = [w for w in aba.widgets.values() if isinstance(w, (QComboBox, QDoubleSpinBox))]
    assert len(caixas) >= 3
    aba.botao_salvar.setFocus()
    for w in caixas:
        if w.isVisible():
            _roda(w, -1)
            _roda(w, +1)
            _roda(w, -1)
    assert aba.lida() == antes  # nenhuma regra mudou (o evento ignorado segue para a área de rolagem)
    # com foco, a roda muda o valor (o usuário escolheu mexer nesta caixa)
    combo = next(w for w in caixas if isinstance(w, QComboBox) and w.count() > 1)
    aba.rolagem.ensureWidgetVisible(combo)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    indice = combo.currentIndex()
    _roda(combo, -1 if indice < combo.count() - 1 else 1)
    assert combo.currentIndex() != indice
