"""Gráfico de barras horizontais (QPainter) da apuração parcial: votos por candidato, titulares destacados.

O QtCharts não vem no PySide6-Essentials; o gráfico é desenhado à mão.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.rules import formato

COR_TITULAR = QColor("#1f3b5c")
COR_SUPLENTE = QColor("#8aa4c2")


def rotulo_que_cabe(metricas, rotulo: str, largura: int) -> str:
    """O rótulo inteiro se couber; senão o número e o primeiro nome ('101 Francisca' em vez de '101 Francisc…': a
    tabela ao lado tem o nome inteiro, visto a 1366×768); só cortado com reticências se nem isso couber."""
    if metricas.horizontalAdvance(rotulo) <= largura:
        return rotulo
    curto = " ".join(rotulo.split()[:2])
    return metricas.elidedText(curto, Qt.TextElideMode.ElideRight, largura)


class GraficoBarras(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.barras: list[tuple[str, int, bool]] = []  # (rótulo, votos, titular)
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def definir(self, barras: list[tuple[str, int, bool]]) -> None:
        self.barras = list(barras)
        self.setMinimumHeight(max(160, 22 * len(self.barras) + 10))
        self.update()

    def paintEvent(self, _evento) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.barras:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Nenhuma seção apurada ainda.")
            return
        maximo = max(v for _, v, _ in self.barras) or 1
        rotulo_l = min(220, self.width() // 3)
        area = self.width() - rotulo_l - 70
        altura = 18
        for i, (rotulo, votos, titular) in enumerate(self.barras):
            y = 5 + i * 22
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(4, y, rotulo_l - 8, altura), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                       rotulo_que_cabe(p.fontMetrics(), rotulo, rotulo_l - 8))
            largura = max(1.0, area * votos / maximo)
            p.fillRect(QRectF(rotulo_l, y, largura, altura), COR_TITULAR if titular else COR_SUPLENTE)
            p.drawText(QRectF(rotulo_l + largura + 4, y, 66, altura), Qt.AlignmentFlag.AlignVCenter,
                       formato.numero(votos))
        p.end()
