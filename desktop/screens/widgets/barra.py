"""Barra de rolagem que, redesenhada sem ter mudado, copia a imagem que já mostrou em vez de desenhar de novo.

A QTableView refaz a disposição (``updateGeometries``) a cada vez que o número de linhas muda, e o Qt, ao refazê-la,
põe as duas caixas das barras de rolagem por cima das irmãs (``QAbstractScrollArea``: ``raise()`` da horizontal e
depois da vertical — com as duas à vista, cada uma tira a outra do topo, e as duas se redesenham sempre), mesmo sem
nada ter mudado nelas. Na busca dos Atendimentos (a lista passa de 50 casos para 5 e volta) eram duas pinturas de
barra por busca, ~1,5–3 ms de CPU da interface com o estilo Fusion e a folha de estilo (issue 16, meta 3). A vertical
alterna entre poucos estados (cheia, rolável no topo).

Um estado no topo da faixa (tamanho, lugar na janela, faixa, passo, paleta, estado do estilo) desenhado pela segunda
vez é guardado como ficou na tela — a imagem da janela naquele retângulo, com o fundo de trás (``QWidget.grab`` da janela,
na volta seguinte do laço) — e dali em diante é copiado: ponto a ponto o mesmo (``tests/screens/test_tabela_pintura.py``).
Com o ponteiro em cima ou arrastando (estados que o Qt guarda só por dentro: a parte sob o ponteiro, a apertada),
desenha como o Qt; rolada (fora do topo), também: rolando para lá e para cá, guardar cada posição que se repete
custaria mais que desenhá-la, e é no topo que cada busca nova começa.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QStyleOptionSlider

_GUARDADOS = 8  # imagens por barra (estados diferentes); passando disso, recomeça
_MUDANCAS = frozenset((QEvent.Type.StyleChange, QEvent.Type.PaletteChange, QEvent.Type.FontChange,
                       QEvent.Type.EnabledChange, QEvent.Type.ActivationChange, QEvent.Type.LayoutDirectionChange,
                       QEvent.Type.ParentChange))


class BarraGuardada(QScrollBar):
    """QScrollBar que guarda a imagem de cada estado redesenhado e a copia nas vezes seguintes."""

    def __init__(self, orientacao: Qt.Orientation, parent=None):
        super().__init__(orientacao, parent)
        self._vistos: set[tuple] = set()  # estados já desenhados uma vez
        self._prontos: dict[tuple, QPixmap] = {}  # estado → imagem da tela
        self._capturando = False
        self._captura_pedida = False
        self.desenhadas = 0  # vezes em que o estilo desenhou a barra (os testes contam)
        self.guardar = True  # False: desenha sempre como o Qt (os testes comparam)

    def changeEvent(self, evento) -> None:  # noqa: N802 (nome do Qt)
        if evento.type() in _MUDANCAS:  # o fundo ou o desenho podem ser outros sem o estado da barra mudar
            self._vistos, self._prontos = set(), {}
        super().changeEvent(evento)

    def _estado(self) -> tuple:
        opcao = QStyleOptionSlider()
        self.initStyleOption(opcao)
        lugar = self.mapTo(self.window(), QPoint(0, 0))
        # sem faixa (tudo à vista), o passo e a posição não mudam o desenho (a alça ocupa a barra toda: o tamanho dela
        # só usa o passo quando há faixa, QCommonStyle::subControlRect): 5 casos ou 11 são a mesma barra
        sem_faixa = opcao.minimum == opcao.maximum
        return (self.width(), self.height(), lugar.x(), lugar.y(), self.devicePixelRatioF(), opcao.state.value,
                opcao.direction, opcao.minimum, opcao.maximum, 0 if sem_faixa else opcao.sliderPosition,
                0 if sem_faixa else opcao.pageStep, opcao.upsideDown, opcao.palette.cacheKey())

    def paintEvent(self, evento) -> None:  # noqa: N802
        if self._capturando or not self.guardar or self.isSliderDown() or self.underMouse():
            self.desenhadas += 1
            super().paintEvent(evento)
            return
        estado = self._estado()
        pronto = self._prontos.get(estado)
        if pronto is not None:
            pintor = QPainter(self)
            pintor.drawPixmap(0, 0, pronto)
            pintor.end()
            return
        self.desenhadas += 1
        super().paintEvent(evento)
        if self.value() != self.minimum():  # rolada: o Qt desenha (só o topo se repete a cada busca)
            return
        if estado not in self._vistos:
            if len(self._vistos) >= 4 * _GUARDADOS:
                self._vistos = set()
            self._vistos.add(estado)
        elif not self._captura_pedida:  # o mesmo estado de novo: vale guardar (depois desta pintura, na tela)
            self._captura_pedida = True
            QTimer.singleShot(0, self, self._guardar)

    def _guardar(self) -> None:
        self._captura_pedida = False
        if not self.isVisible() or self.isSliderDown() or self.underMouse():
            return
        estado = self._estado()
        if estado in self._prontos or estado not in self._vistos or self.value() != self.minimum():
            return
        janela = self.window()
        self._capturando = True
        try:
            imagem = janela.grab(QRect(self.mapTo(janela, QPoint(0, 0)), self.size()))
        finally:
            self._capturando = False
        if len(self._prontos) >= _GUARDADOS:
            self._prontos = {}
        self._prontos[estado] = imagem


def guardar_barras(area: QAbstractScrollArea) -> None:
    """Troca as barras de rolagem de ``area`` (uma tabela) por ``BarraGuardada``, com as mesmas regras de aparecer."""
    vertical, horizontal = area.verticalScrollBarPolicy(), area.horizontalScrollBarPolicy()
    area.setVerticalScrollBar(BarraGuardada(Qt.Orientation.Vertical, area))
    area.setHorizontalScrollBar(BarraGuardada(Qt.Orientation.Horizontal, area))
    area.setVerticalScrollBarPolicy(vertical)
    area.setHorizontalScrollBarPolicy(horizontal)
