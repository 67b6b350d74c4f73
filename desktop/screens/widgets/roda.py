"""Caixas de escolha e de número que não mudam com a roda do mouse sem foco.

Ao rolar uma aba de configuração com a roda, o ponteiro passa por cima de caixas e a roda mudava o valor
de uma regra da folha sem o usuário perceber. Estas só aceitam a roda depois de clicadas ou alcançadas
pelo Tab (com foco); sem foco, a roda segue para a área de rolagem, que rola normalmente.
``ignorar_roda_em`` faz o mesmo com as caixas comuns de um container inteiro (as abas do Magistério, os
formulários de cadastro).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox, QDoubleSpinBox, QWidget

_TIPOS = (QAbstractSpinBox, QComboBox, QAbstractSlider)


class ComboSemRoda(QComboBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a roda não dá foco

    def wheelEvent(self, evento: QWheelEvent) -> None:  # noqa: N802 — nome do Qt
        if self.hasFocus():
            super().wheelEvent(evento)
        else:
            evento.ignore()  # segue para quem está por fora (a área de rolagem)


class DecimalSemRoda(QDoubleSpinBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, evento: QWheelEvent) -> None:  # noqa: N802 — nome do Qt
        if self.hasFocus():
            super().wheelEvent(evento)
        else:
            evento.ignore()


class _FiltroRoda(QObject):
    """O mesmo comportamento para caixas criadas como QSpinBox/QComboBox comuns: sem foco, a roda segue
    para o widget de fora (o evento não aceito continua subindo); com foco, ajusta como sempre."""

    def eventFilter(self, alvo: QObject, evento: QEvent) -> bool:  # noqa: N802 — nome do Qt
        if evento.type() == QEvent.Type.Wheel and isinstance(alvo, QWidget) and not alvo.hasFocus():
            evento.ignore()
            return True
        return False


def ignorar_roda_em(container: QWidget) -> int:
    """Aplica o comportamento de ``ComboSemRoda``/``DecimalSemRoda`` a toda caixa de número (inclusive data),
    lista e controle deslizante dentro de ``container`` (e a ele, se for uma): um filtro só, filho do
    container; chamar de novo depois de criar campos é seguro. Devolve quantas caixas há."""
    filtro = container.findChild(_FiltroRoda, "paco_filtro_roda", Qt.FindChildOption.FindDirectChildrenOnly)
    if filtro is None:
        filtro = _FiltroRoda(container)
        filtro.setObjectName("paco_filtro_roda")
    campos = [w for w in container.findChildren(QWidget) if isinstance(w, _TIPOS)]
    if isinstance(container, _TIPOS):
        campos.append(container)
    for w in campos:
        if isinstance(w, (ComboSemRoda, DecimalSemRoda)) or w.property("paco_sem_roda"):
            continue
        if w.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a roda não dá foco
        w.installEventFilter(filtro)
        w.setProperty("paco_sem_roda", True)
    return len(campos)
