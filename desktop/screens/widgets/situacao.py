"""Linhas de situação que não empurram os botões: o espaço delas fica reservado.

Um rótulo de situação que aparece, some ou passa de uma para duas linhas muda a altura do que está
ao redor, e os botões pulam de lugar no meio do trabalho (issue 16). ``reservar_linhas`` fixa a
altura do rótulo em ``n`` linhas do texto e guarda o espaço mesmo quando ele está oculto.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy


def reservar_linhas(rotulo: QLabel, linhas: int = 2) -> QLabel:
    politica = rotulo.sizePolicy()
    politica.setRetainSizeWhenHidden(True)
    politica.setVerticalPolicy(QSizePolicy.Policy.Fixed)
    rotulo.setSizePolicy(politica)
    margens = rotulo.contentsMargins()
    rotulo.setFixedHeight(rotulo.fontMetrics().lineSpacing() * linhas + margens.top() + margens.bottom() + 2)
    return rotulo
