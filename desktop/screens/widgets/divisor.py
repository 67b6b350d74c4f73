"""Divisor (QSplitter) que não deixa o usuário esmagar um painel até sumir.

Com o padrão do Qt, arrastar a alça até a borda recolhe o painel a zero e ele "desaparece" sem
explicação; aqui cada painel para no seu tamanho mínimo (issue 16).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget


def criar_divisor(orientacao: Qt.Orientation = Qt.Orientation.Horizontal, parent: QWidget | None = None) -> QSplitter:
    d = QSplitter(orientacao, parent)
    d.setChildrenCollapsible(False)
    return d
