"""Layout em fluxo: uma fileira de botões que passa para a linha de baixo quando a janela é estreita.

Serve às telas que precisam caber em monitores de 1366×768: a largura mínima da fileira é a do
maior botão, não a soma de todos. A ordem dos itens (e do Tab) é a ordem em que foram acrescentados.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class LayoutFluxo(QLayout):
    """Como um ``QHBoxLayout`` sem esticadores, mas que quebra a linha quando falta largura."""

    def __init__(self, parent: QWidget | None = None, *, margem: int | None = 0, espaco: int = -1):
        super().__init__(parent)
        self._itens: list[QLayoutItem] = []
        self._espaco = espaco
        if margem is not None:
            self.setContentsMargins(margem, margem, margem, margem)

    # -- a interface de QLayout -------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (nome do Qt)
        self._itens.append(item)

    def count(self) -> int:
        return len(self._itens)

    def itemAt(self, indice: int) -> QLayoutItem | None:  # noqa: N802
        return self._itens[indice] if 0 <= indice < len(self._itens) else None

    def takeAt(self, indice: int) -> QLayoutItem | None:  # noqa: N802
        return self._itens.pop(indice) if 0 <= indice < len(self._itens) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, largura: int) -> int:  # noqa: N802
        return self._arrumar(QRect(0, 0, largura, 0), aplicar=False)

    def setGeometry(self, retangulo: QRect) -> None:  # noqa: N802
        super().setGeometry(retangulo)
        self._arrumar(retangulo, aplicar=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Todos numa linha só, quando cabem."""
        visiveis = self._visiveis()
        m = self.contentsMargins()
        largura = sum(i.sizeHint().width() for i in visiveis) + self._horizontal() * max(len(visiveis) - 1, 0)
        altura = max((i.sizeHint().height() for i in visiveis), default=0)
        return QSize(largura + m.left() + m.right(), altura + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        """A largura do maior item; a altura de uma linha (a altura real vem de ``heightForWidth``)."""
        tamanho = QSize()
        for item in self._visiveis():
            tamanho = tamanho.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return tamanho + QSize(m.left() + m.right(), m.top() + m.bottom())

    # -- o arranjo ---------------------------------------------------------------------------------
    def _visiveis(self) -> list[QLayoutItem]:
        return [i for i in self._itens if not i.isEmpty()]

    def _horizontal(self) -> int:
        if self._espaco >= 0:
            return self._espaco
        return self._metrica(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def _vertical(self) -> int:
        if self._espaco >= 0:
            return self._espaco
        return self._metrica(QStyle.PixelMetric.PM_LayoutVerticalSpacing)

    def _metrica(self, metrica: QStyle.PixelMetric) -> int:
        """O espaçamento do estilo (6 px se o estilo não disser)."""
        pai = self.parentWidget()
        valor = pai.style().pixelMetric(metrica, None, pai) if pai is not None else -1
        return valor if valor >= 0 else 6

    def _arrumar(self, retangulo: QRect, *, aplicar: bool) -> int:
        m = self.contentsMargins()
        area = retangulo.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        dx, dy = self._horizontal(), self._vertical()
        x, y, altura_linha = area.x(), area.y(), 0
        for item in self._visiveis():
            dica = item.sizeHint().expandedTo(item.minimumSize())
            if x > area.x() and x + dica.width() > area.right() + 1:
                x, y, altura_linha = area.x(), y + altura_linha + dy, 0
            if aplicar:
                item.setGeometry(QRect(QPoint(x, y), QSize(min(dica.width(), area.width()), dica.height())))
            x += dica.width() + dx
            altura_linha = max(altura_linha, dica.height())
        return y + altura_linha - retangulo.y() + m.bottom()
