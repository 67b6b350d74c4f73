"""Abas dos painéis de módulo: Alt+1, Alt+2... levam a cada aba (com a dica na própria aba)."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QWidget


def atalhos_alt(abas: QTabWidget, dono: QWidget) -> None:
    """Cria os atalhos Alt+N (até Alt+9) para as abas de ``abas``, válidos dentro de ``dono``."""
    for i in range(min(abas.count(), 9)):
        atalho = QShortcut(QKeySequence(f"Alt+{i + 1}"), dono)
        atalho.activated.connect(lambda i=i: abas.setCurrentIndex(i))
        abas.setTabToolTip(i, f"Alt+{i + 1}")
