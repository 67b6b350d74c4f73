"""Grade, quadro de campos, título e nota desenhados direto no canvas: rápidos para lotes de milhares de páginas.

A ``Table`` e o ``Paragraph`` do platypus medem e estilizam célula a célula e custam caro num lote
de 3.000 contracheques. Aqui o visual é o mesmo do ``layout`` (cabeçalho sombreado e repetido na
continuação, zebra, filetes; título centralizado), mas o texto de cada bloco vai num único objeto
de texto do PDF, as medidas de texto repetido (rubricas, fundamentos) ficam em cache e a grade se
divide entre páginas. ``Campos`` é o quadro de identificação (rótulo pequeno sobre o valor).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Sequence

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop.reports import fontes
from desktop.reports.fontes import ITALICO, NEGRITO, NORMAL
from desktop.reports.layout import (COR_CABECALHO_TABELA, COR_LINHA, COR_SECUNDARIA, COR_TEXTO,
                                    COR_ZEBRA, LARGURA_UTIL, caber)

COR_FILETE = colors.HexColor("#b9c0c9")
_PAD_H = 3.0
_PAD_V = 2.4
_SUBIDA = 0.78  # fração do corpo da letra acima da linha de base (DejaVu)
_ENTRELINHA = 1.18
_CORPO_CABECALHO = 7.0

DADO, GRUPO, TOTAL, CABECALHO = "dado", "grupo", "total", "cabecalho"


class LinhaMedida(NamedTuple):
    """Uma linha da grade já medida: o tipo (DADO, GRUPO, TOTAL, CABECALHO), as linhas de texto de cada
    célula e a altura em pontos."""

    tipo: str
    textos: list[tuple[str, ...]]
    altura: float

    @property
    def titulo_do_grupo(self) -> str:
        """O título de uma linha GRUPO: a primeira linha de texto da sua única célula."""
        return self.textos[0][0]


@lru_cache(maxsize=50_000)
def largura_texto(texto: str, fonte: str, tamanho: float) -> float:
    return stringWidth(texto, fonte, tamanho)


@lru_cache(maxsize=20_000)
def linhas_de(texto: str, largura: float, fonte: str, tamanho: float, quebrar: bool) -> tuple[str, ...]:
    """O texto em linhas que cabem na largura (quebrado) ou cortado com reticências. Em cache:
    num lote, as mesmas rubricas e fundamentos se repetem em todos os contracheques."""
    if quebrar:
        return tuple(simpleSplit(texto, fonte, tamanho, largura)) or ("",)
    return (caber(texto, largura, fonte, tamanho),)


class Escrita:
    """Um objeto de texto do PDF com a fonte e a cor correntes (só muda quando precisa)."""

    def __init__(self, canv):
        self.canv = canv
        self.objeto_texto = canv.beginText()
        self._fonte = None
        self._cor = None

    def fonte(self, fonte: str, tamanho: float, cor=COR_TEXTO) -> None:
        if self._fonte != (fonte, tamanho):
            self.objeto_texto.setFont(fonte, tamanho)
            self._fonte = (fonte, tamanho)
        if self._cor is not cor:
            self.objeto_texto.setFillColor(cor)
            self._cor = cor

    def esquerda(self, x: float, y: float, texto: str) -> None:
        self.objeto_texto.setTextOrigin(x, y)
        self.objeto_texto.textLine(texto)  # textLine não mede o texto (textOut mede, para avançar o cursor)

    def direita(self, x: float, y: float, texto: str) -> None:
        self.esquerda(x - largura_texto(texto, *self._fonte), y, texto)

    def centro(self, x: float, y: float, texto: str) -> None:
        self.esquerda(x - largura_texto(texto, *self._fonte) / 2, y, texto)

    @property
    def tamanho(self) -> float:
        return self._fonte[1]

    def fim(self) -> None:
        self.canv.drawText(self.objeto_texto)


@dataclass(frozen=True)
class Coluna:
    """Uma coluna: título, largura em pontos, alinhamento ("E", "D", "C") e letra."""

    titulo: str
    largura: float
    alinhar: str = "E"
    tamanho: float = 7.5
    quebrar: bool = False  # True: o texto quebra em linhas; False: corta com reticências
    fonte: str = NORMAL
    cor: colors.Color = COR_TEXTO


class Grade(Flowable):
    """Tabela de largura fixa. Acrescente linhas com ``dado``, ``grupo`` (faixa de título que
    ocupa a largura toda) e ``total`` (em negrito, com filete acima)."""

    def __init__(self, colunas: Sequence[Coluna], *, continuacao: str = "", verticais: bool = True):
        super().__init__()
        fontes.registrar()
        self.colunas = tuple(colunas)
        self.continuacao = continuacao  # rótulo impresso acima do cabeçalho nas páginas seguintes
        self.verticais = verticais
        self.largura = sum(c.largura for c in self.colunas)
        self._linhas: list[LinhaMedida] = []
        self._cabecalho = self._medir(CABECALHO, [c.titulo for c in self.colunas])
        self._continuada = False

    # -- montagem --------------------------------------------------------------------------
    def _medir(self, tipo: str, celulas: Sequence[str]) -> LinhaMedida:
        if tipo == GRUPO:
            tamanho = self.colunas[0].tamanho + 0.5
            partes = [linhas_de(celulas[0], self.largura - 2 * _PAD_H, NEGRITO, tamanho, False)]
            return LinhaMedida(tipo, partes, tamanho * _ENTRELINHA + 2 * _PAD_V + 1)
        partes = []
        altura = 0.0
        for texto, col in zip(celulas, self.colunas):
            fonte, tamanho, quebrar = col.fonte, col.tamanho, col.quebrar
            if tipo == CABECALHO:
                fonte, tamanho, quebrar = NEGRITO, _CORPO_CABECALHO, True
            elif tipo == TOTAL:
                fonte = NEGRITO
            linhas = linhas_de(str(texto or ""), col.largura - 2 * _PAD_H, fonte, tamanho, quebrar)
            partes.append(linhas)
            altura = max(altura, len(linhas) * tamanho * _ENTRELINHA)
        return LinhaMedida(tipo, partes, altura + 2 * _PAD_V)

    def dado(self, celulas: Sequence[str]) -> None:
        self._linhas.append(self._medir(DADO, celulas))

    def grupo(self, texto: str) -> None:
        self._linhas.append(self._medir(GRUPO, [texto]))

    def total(self, celulas: Sequence[str]) -> None:
        self._linhas.append(self._medir(TOTAL, celulas))

    def __len__(self) -> int:
        return len(self._linhas)

    # -- platypus --------------------------------------------------------------------------
    def _altura_topo(self) -> float:
        extra = 11 if self._continuada and self.continuacao else 0
        return self._cabecalho.altura + extra

    def wrap(self, largura_disponivel, altura_disponivel):
        self.width = self.largura
        self.height = self._altura_topo() + sum(l.altura for l in self._linhas)
        return self.width, self.height

    def split(self, largura_disponivel, altura_disponivel):
        resta = altura_disponivel - self._altura_topo()
        cabem = 0
        for _, _, altura in self._linhas:
            if altura > resta:
                break
            resta -= altura
            cabem += 1
        while cabem > 1 and self._linhas[cabem - 1].tipo == GRUPO:  # título de grupo não fica sozinho
            cabem -= 1
        if cabem == 0 or cabem == len(self._linhas):
            return []
        return [self._parte(self._linhas[:cabem], self._continuada),
                self._parte(self._linhas[cabem:], True)]

    def _parte(self, linhas, continuada: bool) -> "Grade":
        g = Grade.__new__(Grade)
        Flowable.__init__(g)
        g.colunas, g.continuacao, g.verticais = self.colunas, self.continuacao, self.verticais
        g._cabecalho, g.largura = self._cabecalho, self.largura
        g._linhas, g._continuada = list(linhas), continuada
        return g

    def draw(self):
        c = self.canv
        escrita = Escrita(c)
        y = self.height
        if self._continuada and self.continuacao:
            escrita.fonte(ITALICO, 7, COR_SECUNDARIA)
            escrita.esquerda(0, y - 8, caber(self.continuacao, self.largura, ITALICO, 7))
            y -= 11
        topo_grade = y
        # fundos: cabeçalho, zebra, grupos e totais
        y_linha = y - self._cabecalho.altura
        c.setFillColor(COR_CABECALHO_TABELA)
        c.rect(0, y_linha, self.largura, self._cabecalho.altura, stroke=0, fill=1)
        posicoes = []
        zebra = False
        for tipo, _, altura in self._linhas:
            posicoes.append(y_linha)
            y_linha -= altura
            if tipo in (GRUPO, TOTAL):
                c.setFillColor(COR_CABECALHO_TABELA)
                c.rect(0, y_linha, self.largura, altura, stroke=0, fill=1)
                zebra = False
            else:
                if zebra:
                    c.setFillColor(COR_ZEBRA)
                    c.rect(0, y_linha, self.largura, altura, stroke=0, fill=1)
                zebra = not zebra
        base_grade = y_linha
        # filetes
        c.setStrokeColor(COR_FILETE)
        c.setLineWidth(0.25)
        for (tipo, _, altura), topo in zip(self._linhas, posicoes):
            if tipo == DADO:
                c.line(0, topo - altura, self.largura, topo - altura)
        if self.verticais:  # filetes verticais, interrompidos nas faixas de grupo
            trechos, inicio = [], topo_grade
            for (tipo, _, altura), topo in zip(self._linhas, posicoes):
                if tipo == GRUPO:
                    trechos.append((inicio, topo))
                    inicio = topo - altura
            trechos.append((inicio, base_grade))
            x = 0.0
            for col in self.colunas[:-1]:
                x += col.largura
                for de, ate in trechos:
                    if de > ate:
                        c.line(x, de, x, ate)
        c.setStrokeColor(COR_LINHA)
        c.setLineWidth(0.8)
        c.line(0, topo_grade - self._cabecalho.altura, self.largura, topo_grade - self._cabecalho.altura)
        for (tipo, _, _), topo in zip(self._linhas, posicoes):
            if tipo in (GRUPO, TOTAL):
                c.line(0, topo, self.largura, topo)
        c.setLineWidth(0.6)
        c.rect(0, base_grade, self.largura, topo_grade - base_grade, stroke=1, fill=0)
        # textos, num só objeto de texto
        self._textos(escrita, self._cabecalho, topo_grade)
        for linha, topo in zip(self._linhas, posicoes):
            if linha.tipo == GRUPO:
                tamanho = self.colunas[0].tamanho + 0.5
                escrita.fonte(NEGRITO, tamanho, COR_LINHA)
                escrita.esquerda(_PAD_H, topo - _PAD_V - 1 - tamanho * _SUBIDA - 0.5, linha.titulo_do_grupo)
            else:
                self._textos(escrita, linha, topo)
        escrita.fim()

    def _textos(self, escrita: Escrita, linha: LinhaMedida, topo: float) -> None:
        tipo = linha.tipo
        x = 0.0
        for col, textos in zip(self.colunas, linha.textos):
            if tipo == CABECALHO:
                escrita.fonte(NEGRITO, _CORPO_CABECALHO)
            elif tipo == TOTAL:
                escrita.fonte(NEGRITO, col.tamanho)
            else:
                escrita.fonte(col.fonte, col.tamanho, col.cor)
            tamanho = escrita.tamanho
            y = topo - _PAD_V - tamanho * _SUBIDA - 0.4
            for texto in textos:
                if texto:
                    if col.alinhar == "D":
                        escrita.direita(x + col.largura - _PAD_H, y, texto)
                    elif col.alinhar == "C":
                        escrita.centro(x + col.largura / 2, y, texto)
                    else:
                        escrita.esquerda(x + _PAD_H, y, texto)
                y -= tamanho * _ENTRELINHA
            x += col.largura


class Campos(Flowable):
    """Quadro de identificação: linhas de campos (rótulo em letra pequena sobre o valor).

    ``linhas``: cada linha é uma sequência de (rótulo, valor, fração da largura); as frações de
    uma linha somam 1.
    """

    ALTURA = 22.0

    def __init__(self, linhas: Sequence[Sequence[tuple[str, str, float]]], largura: float = LARGURA_UTIL):
        super().__init__()
        fontes.registrar()
        self.largura = largura
        self.linhas = []
        for linha in linhas:
            celulas = []
            for rotulo, valor, fracao in linha:
                w = largura * fracao
                texto = linhas_de(valor or "—", w - 2 * _PAD_H - 2, NEGRITO, 9, False)[0]
                celulas.append((rotulo.upper(), texto, w))
            self.linhas.append(celulas)

    def wrap(self, largura_disponivel, altura_disponivel):
        self.width, self.height = self.largura, self.ALTURA * len(self.linhas)
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setStrokeColor(COR_FILETE)
        c.setLineWidth(0.4)
        escrita = Escrita(c)
        y = self.height
        for n, celulas in enumerate(self.linhas):
            x = 0.0
            for rotulo, valor, w in celulas:
                escrita.fonte(NORMAL, 5.8, COR_SECUNDARIA)
                escrita.esquerda(x + _PAD_H + 1, y - 7.2, rotulo)
                escrita.fonte(NEGRITO, 9)
                escrita.esquerda(x + _PAD_H + 1, y - 18, valor)
                if x > 0:
                    c.line(x, y, x, y - self.ALTURA)
                x += w
            y -= self.ALTURA
            if n < len(self.linhas) - 1:
                c.line(0, y, self.largura, y)
        c.setStrokeColor(COR_LINHA)
        c.setLineWidth(0.8)
        c.rect(0, 0, self.largura, self.height, stroke=1, fill=0)
        escrita.fim()


class Titulo(Flowable):
    """O título do documento e o subtítulo, centralizados (mesmo visual de ``layout.titulo``)."""

    def __init__(self, texto: str, subtitulo: str = "", largura: float = LARGURA_UTIL):
        super().__init__()
        fontes.registrar()
        self.largura = largura
        self.linhas = linhas_de(texto, largura, NEGRITO, 14, True)
        self.sub = linhas_de(subtitulo, largura, NORMAL, 9.5, True) if subtitulo else ()

    def wrap(self, *_):
        self.width = self.largura
        self.height = 18 * len(self.linhas) + 2 + (13 * len(self.sub) + 10 if self.sub else 8)
        return self.width, self.height

    def draw(self):
        escrita = Escrita(self.canv)
        y = self.height - 14
        escrita.fonte(NEGRITO, 14)
        for linha in self.linhas:
            escrita.centro(self.largura / 2, y, linha)
            y -= 18
        y -= 1
        escrita.fonte(NORMAL, 9.5, COR_SECUNDARIA)
        for linha in self.sub:
            escrita.centro(self.largura / 2, y, linha)
            y -= 13
        escrita.fim()


class Nota(Flowable):
    """Texto corrido curto em letra pequena (legendas, observações), quebrado na largura."""

    def __init__(self, texto: str, tamanho: float = 8, cor=COR_SECUNDARIA, largura: float = LARGURA_UTIL,
                 fonte: str = NORMAL):
        super().__init__()
        fontes.registrar()
        self.tamanho, self.cor, self.fonte_nome, self.largura = tamanho, cor, fonte, largura
        self.linhas = linhas_de(texto, largura, fonte, tamanho, True)

    def wrap(self, *_):
        self.width, self.height = self.largura, len(self.linhas) * self.tamanho * 1.3 + 2
        return self.width, self.height

    def draw(self):
        escrita = Escrita(self.canv)
        escrita.fonte(self.fonte_nome, self.tamanho, self.cor)
        y = self.height - self.tamanho
        for linha in self.linhas:
            escrita.esquerda(0, y, linha)
            y -= self.tamanho * 1.3
        escrita.fim()


class Faixa(Flowable):
    """Título de seção ou de grupo (a escola), com filete embaixo, preso ao que vem depois."""

    def __init__(self, texto: str, largura: float = LARGURA_UTIL):
        super().__init__()
        fontes.registrar()
        self.largura = largura
        self.texto = linhas_de(texto, largura - 8, NEGRITO, 9.5, False)[0]
        self.keepWithNext = True

    def wrap(self, *_):
        self.width, self.height = self.largura, 20
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setStrokeColor(COR_LINHA)
        c.setLineWidth(1.4)
        c.line(0, 3, self.largura, 3)
        e = Escrita(c)
        e.fonte(NEGRITO, 9.5, COR_LINHA)
        e.esquerda(0, 7, self.texto)
        e.fim()
