"""Linhas de situação que não empurram os botões: o espaço delas fica reservado.

Um rótulo de situação que aparece, some ou passa de uma para duas linhas muda a altura do que está
ao redor, e os botões pulam de lugar no meio do trabalho (issue 16). ``reservar_linhas`` fixa a
altura do rótulo em ``n`` linhas do texto e guarda o espaço mesmo quando ele está oculto; ``isolar_texto``
impede que a troca do texto redesenhe a janela inteira (uma tabela grande ao lado é redesenhada junto).
"""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def reservar_linhas(rotulo: QLabel, linhas: int = 2) -> QLabel:
    politica = rotulo.sizePolicy()
    politica.setRetainSizeWhenHidden(True)
    politica.setVerticalPolicy(QSizePolicy.Policy.Fixed)
    rotulo.setSizePolicy(politica)
    # a fonte da folha de estilo (11 pt) só vale depois de polido: medida antes, era a do sistema, e duas linhas
    # reservadas mostravam uma e meia (visto a 1366×768 no Resultado e posse da eleição)
    rotulo.ensurePolished()
    margens = rotulo.contentsMargins()
    rotulo.setFixedHeight(rotulo.fontMetrics().lineSpacing() * linhas + margens.top() + margens.bottom() + 2)
    return rotulo


class _Encaixe(QWidget):
    """Caixa sem layout com um rótulo dentro, do tamanho dela: o texto novo não chega aos layouts de fora."""

    def __init__(self, rotulo: QLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self.rotulo = rotulo
        rotulo.setParent(self)
        rotulo.ensurePolished()  # a fonte da folha de estilo já vale para medir a altura
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(rotulo.sizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 — nome do Qt
        return QSize(0, self.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, self.height())

    def resizeEvent(self, evento) -> None:  # noqa: N802
        self.rotulo.setGeometry(self.rect())
        super().resizeEvent(evento)


def isolar_texto(rotulo: QLabel) -> QWidget:
    """O rótulo de uma linha de situação dentro de uma caixa de altura fixa, que é o que vai ao layout.

    Todo ``setText`` de um QLabel num layout pede um novo arranjo; o Qt o leva de layout em layout até a janela
    (``QLayout::activate`` chama ``updateGeometry`` sempre), e o QTabWidget do caminho se redesenha inteiro — com
    a tabela que estiver na aba. Na busca dos Atendimentos, o "Buscando…" e a contagem que volta redesenhavam
    assim a tabela de 200 casos duas vezes a mais por busca (~30 ms de CPU da interface cada; issue 16). Na caixa
    sem layout, o pedido para nela e só o rótulo se redesenha. Um texto mais largo que a caixa sai cortado (ela
    não alarga a janela)."""
    return _Encaixe(rotulo)
