"""Caixas de escolha e de número que não mudam com a roda do mouse sem foco.

Ao rolar uma aba de configuração com a roda, o ponteiro passa por cima de caixas e a roda mudava o valor
de uma regra da folha sem o usuário perceber. Estas só aceitam a roda depois de clicadas ou alcançadas
pelo Tab (com foco); sem foco, a roda segue para a área de rolagem, que rola normalmente.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QWidget


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
