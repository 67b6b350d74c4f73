"""Diagramação comum dos documentos oficiais: A4, timbre do órgão, rodapé com código e QR.

Cada página leva o timbre (brasão, nome do órgão, município-UF e CNPJ) e o rodapé com
"Página x de y", o código de verificação, um QR com o código e a instrução para conferir a
autenticidade no próprio Paço. Os metadados do PDF também levam o código (palavras-chave
``paco-codigo:XXXX-XXXX-XXXX``), de onde a verificação o lê.

Desempenho (lotes de milhares de contracheques, issue 16): as fontes são registradas uma vez por
processo; o timbre e o rodapé fixo (com o QR, um único caminho vetorial) são desenhados uma vez,
cada um num Form XObject referenciado em todas as páginas; cada página vai para o documento assim
que termina (nada de guardar as páginas até o fim): só o que depende do total de páginas ("Página x
de y") é um Form XObject pequeno por página, definido no fim.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from typing import Iterable, Sequence
from xml.sax.saxutils import escape

import segno
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop import __version__
from desktop.rules import formato
from desktop.rules.selo import MARCA_VAZIA, PREFIXO_ASSINATURA, PREFIXO_SELO, impressao_legivel

from . import compressao, fontes, qr_mascara
from .fontes import MONO, NEGRITO, NORMAL

qr_mascara.instalar()  # a máscara do QR escolhida ~3x mais rápido, com a mesma matriz do segno
compressao.instalar()  # os fluxos comprimidos cedendo o GIL à interface, com os mesmos bytes

LARGURA, ALTURA = A4
MARGEM_LATERAL = 18 * mm
MARGEM_SUPERIOR = 36 * mm  # abaixo do timbre
MARGEM_INFERIOR = 34 * mm  # acima do rodapé
LARGURA_UTIL = LARGURA - 2 * MARGEM_LATERAL

COR_TEXTO = colors.HexColor("#1a1a1a")
COR_SECUNDARIA = colors.HexColor("#555555")
COR_LINHA = colors.HexColor("#1f3b5c")
COR_CABECALHO_TABELA = colors.HexColor("#e4e9f0")
COR_ZEBRA = colors.HexColor("#f6f7f9")

PREFIXO_CODIGO = "paco-codigo:"
"""Prefixo do código de verificação nas palavras-chave do PDF."""


@dataclass(frozen=True)
class Cabecalho:
    """O órgão que emite: vai no timbre de todas as páginas."""

    nome: str
    municipio: str
    uf: str
    cnpj: str  # já formatado: 11.222.333/0001-81
    brasao: bytes | None = None  # PNG ou JPEG; None: timbre só com o texto
    endereco: str = ""
    signatarios: tuple[tuple[str, str, str], ...] = ()  # (nome, cargo, ato de designação) do emissor


@dataclass(frozen=True)
class Rodape:
    """Dados do registro do documento: vão no rodapé de todas as páginas e nos metadados."""

    codigo: str  # XXXX-XXXX-XXXX
    tipo: str  # rótulo legível, por exemplo "Relatório do diário de auditoria"
    numero: int
    ano: int
    via: int
    emitido_em: datetime
    emitido_por: str
    versao: str = __version__
    diario: tuple[int, str] | None = None  # âncora: (seq, hash) da cabeça do diário na emissão
    selo: str = ""  # texto do QR assinado (rules.selo); vazio: QR só com o código
    impressao: str = ""  # impressão da chave pública do emissor, mostrada no rodapé
    reservar_assinatura: bool = False  # deixa livre a CAIXA_ASSINATURA (assinatura PAdES visível)

    @property
    def identificacao(self) -> str:
        return f"{self.tipo} nº {self.numero}/{self.ano}, {self.via}ª via"

    @property
    def linha_diario(self) -> str | None:
        """"Diário: nº N, hash XXXXXXXX…", a âncora impressa (ou None se não há)."""
        if self.diario is None:
            return None
        seq, hash_ = self.diario
        return f"Diário: nº {seq}, hash {hash_[:8]}…"


# -- estilos e flowables comuns --------------------------------------------------------------
ESTILOS: dict[str, ParagraphStyle] = {
    "titulo": ParagraphStyle("titulo", fontName=NEGRITO, fontSize=14, leading=18,
                             alignment=TA_CENTER, textColor=COR_TEXTO, spaceAfter=2),
    "subtitulo": ParagraphStyle("subtitulo", fontName=NORMAL, fontSize=9.5, leading=13,
                                alignment=TA_CENTER, textColor=COR_SECUNDARIA, spaceAfter=10),
    "secao": ParagraphStyle("secao", fontName=NEGRITO, fontSize=10.5, leading=14,
                            textColor=COR_LINHA, spaceBefore=8, spaceAfter=4),
    "corpo": ParagraphStyle("corpo", fontName=NORMAL, fontSize=10, leading=14,
                            alignment=TA_JUSTIFY, textColor=COR_TEXTO, spaceAfter=6),
    "pequeno": ParagraphStyle("pequeno", fontName=NORMAL, fontSize=8, leading=10.5,
                              alignment=TA_LEFT, textColor=COR_SECUNDARIA, spaceAfter=4),
    "celula": ParagraphStyle("celula", fontName=NORMAL, fontSize=7.5, leading=9,
                             textColor=COR_TEXTO),
}


def paragrafo(texto: str, estilo: str = "corpo") -> Paragraph:
    """Parágrafo de texto simples (sem marcação: ``<`` e ``&`` são escapados)."""
    return marcado(escape(texto), estilo)


def marcado(texto: str, estilo: str = "corpo") -> Paragraph:
    """Parágrafo com marcação do reportlab (``<b>``, ``<i>``, ``<br/>``); escape os dados."""
    fontes.registrar()  # o parágrafo consulta as fontes já ao ser criado
    return Paragraph(texto, ESTILOS[estilo])


def titulo(texto: str, subtitulo: str | None = None) -> list[Flowable]:
    """O título do documento, centralizado, com uma linha de subtítulo opcional."""
    itens: list[Flowable] = [paragrafo(texto, "titulo")]
    if subtitulo:
        itens.append(paragrafo(subtitulo, "subtitulo"))
    else:
        itens.append(Spacer(1, 8))
    return itens


def caber(texto: str, largura: float, fonte: str = NORMAL, tamanho: float = 7.5) -> str:
    """Corta o texto com reticências para caber na largura (células de tabela sem quebra)."""
    fontes.registrar()
    texto = texto or ""
    if stringWidth(texto, fonte, tamanho) <= largura:
        return texto
    while texto and stringWidth(texto + "…", fonte, tamanho) > largura:
        texto = texto[:-1]
    return texto + "…"


_FOLGA_CELULA = 6  # LEFTPADDING + RIGHTPADDING de ``tabela``


def _cabecalhos_que_cabem(cabecalhos: Sequence[str], larguras: Sequence[float], tamanho: float,
                          alinhar_direita: Sequence[int]) -> list:
    """O título de coluna que não cabe na largura dela quebra em linhas (um parágrafo em negrito) em vez de
    correr por cima do título vizinho ("Registrada por" sobre "O que foi registrado")."""
    saida: list = []
    for i, (texto, largura) in enumerate(zip(cabecalhos, larguras)):
        if isinstance(texto, str) and stringWidth(texto, NEGRITO, tamanho) > largura - _FOLGA_CELULA:
            estilo = ParagraphStyle(f"cabecalho-{tamanho}-{i in alinhar_direita}", fontName=NEGRITO, fontSize=tamanho,
                                    leading=tamanho * 1.2, textColor=COR_TEXTO,
                                    alignment=TA_RIGHT if i in alinhar_direita else TA_LEFT)
            texto = Paragraph(escape(texto), estilo)
        saida.append(texto)
    return saida + list(cabecalhos[len(saida):])


def tabela(cabecalhos: Sequence[str], linhas: Iterable[Sequence], larguras: Sequence[float],
           *, alinhar_direita: Sequence[int] = (), tamanho: float = 7.5,
           extra: Sequence[tuple] = ()) -> Table:
    """Tabela de dados: cabeçalho repetido a cada página, linhas zebradas, grade fina.

    Células em texto simples são rápidas; passe ``paragrafo(t, "celula")`` onde o texto deva
    quebrar linha. ``extra``: comandos de TableStyle a mais (por exemplo, fonte de uma coluna).
    """
    fontes.registrar()
    dados = [_cabecalhos_que_cabem(cabecalhos, larguras, tamanho, alinhar_direita), *(list(l) for l in linhas)]
    estilo = [
        ("FONT", (0, 0), (-1, 0), NEGRITO, tamanho),
        ("FONT", (0, 1), (-1, -1), NORMAL, tamanho),
        ("TEXTCOLOR", (0, 0), (-1, -1), COR_TEXTO),
        ("BACKGROUND", (0, 0), (-1, 0), COR_CABECALHO_TABELA),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, COR_LINHA),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#c8ced6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if len(dados) > 2:
        estilo.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, COR_ZEBRA]))
    for col in alinhar_direita:
        estilo.append(("ALIGN", (col, 0), (col, -1), "RIGHT"))
    estilo.extend(extra)
    t = Table(dados, colWidths=list(larguras), repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle(estilo))
    return t


def quadro(conteudo: Flowable | list[Flowable], *, fundo=COR_ZEBRA, borda=COR_LINHA,
           espaco: float = 7) -> Table:
    """Um quadro de largura inteira com fundo e filete à esquerda (avisos, conclusões)."""
    t = Table([[conteudo]], colWidths=[LARGURA_UTIL], hAlign="LEFT")
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), fundo),
        ("LINEBEFORE", (0, 0), (0, -1), 3, borda),
        ("BOX", (0, 0), (-1, -1), 0.4, borda),
        ("LEFTPADDING", (0, 0), (-1, -1), espaco + 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), espaco),
        ("TOPPADDING", (0, 0), (-1, -1), espaco),
        ("BOTTOMPADDING", (0, 0), (-1, -1), espaco),
    ]))
    return t


# -- QR como um único caminho ----------------------------------------------------------------
def _desenhar_qr(c: rl_canvas.Canvas, dados: str, x: float, y: float, lado: float) -> None:
    """Desenha o QR (matriz do segno) como um só caminho preenchido: ~3x mais rápido que o widget."""
    matriz = segno.make(dados, error="m", micro=False).matrix
    n = len(matriz)
    modulo = lado / n
    caminho = c.beginPath()
    for i, linha in enumerate(matriz):
        topo = y + lado - (i + 1) * modulo
        j = 0
        while j < n:
            if linha[j]:
                inicio = j
                while j < n and linha[j]:
                    j += 1
                # leve sobreposição evita frestas brancas entre módulos vizinhos na tela
                caminho.rect(x + inicio * modulo, topo - 0.05, (j - inicio) * modulo, modulo + 0.1)
            else:
                j += 1
    c.setFillColor(colors.black)
    c.drawPath(caminho, stroke=0, fill=1)


# -- timbre e rodapé -------------------------------------------------------------------------
def _ajustar(texto: str, fonte: str, maximo: float, largura: float, minimo: float) -> tuple[float, list[str]]:
    """Maior corpo de letra (até ``maximo``) em que o texto cabe; abaixo de ``minimo``, quebra."""
    tamanho = maximo
    while stringWidth(texto, fonte, tamanho) > largura and tamanho > minimo:
        tamanho -= 0.5
    return tamanho, simpleSplit(texto, fonte, tamanho, largura)[:2]


def _desenhar_timbre(c: rl_canvas.Canvas, cab: Cabecalho, brasao: ImageReader | None) -> None:
    topo = ALTURA - 11 * mm
    lado = 20 * mm
    x = MARGEM_LATERAL
    c.saveState()
    if brasao is not None:
        c.drawImage(brasao, x, topo - lado, lado, lado, preserveAspectRatio=True, anchor="c",
                    mask="auto")
        x += lado + 4 * mm
    largura = LARGURA - MARGEM_LATERAL - x
    tamanho, linhas = _ajustar(cab.nome, NEGRITO, 13.5, largura, 10)
    y = topo - tamanho - (1.5 * mm if len(linhas) == 1 else 0)
    c.setFillColor(COR_TEXTO)
    c.setFont(NEGRITO, tamanho)
    for linha in linhas:
        c.drawString(x, y, linha)
        y -= tamanho + 2
    c.setFont(NORMAL, 9.5)
    c.drawString(x, y - 2, f"Município de {cab.municipio} – {cab.uf}")
    c.setFillColor(COR_SECUNDARIA)
    c.setFont(NORMAL, 8.5)
    c.drawString(x, y - 14, simpleSplit(f"CNPJ {cab.cnpj}" + (f" · {cab.endereco}" if cab.endereco else ""),
                                        NORMAL, 8.5, largura)[0])
    c.setStrokeColor(COR_LINHA)
    c.setLineWidth(1.2)
    linha_y = ALTURA - 33 * mm
    c.line(MARGEM_LATERAL, linha_y, LARGURA - MARGEM_LATERAL, linha_y)
    c.setLineWidth(0.4)
    c.line(MARGEM_LATERAL, linha_y - 1.6, LARGURA - MARGEM_LATERAL, linha_y - 1.6)
    c.restoreState()


CAIXA_ASSINATURA = (LARGURA - MARGEM_LATERAL - 56 * mm, 5 * mm, LARGURA - MARGEM_LATERAL, 23 * mm)
"""Onde a assinatura digital visível é desenhada (x1, y1, x2, y2), à direita do rodapé."""

_FORM_RODAPE = "pacoRodape"
_FORM_TIMBRE = "pacoTimbre"
_LADO_QR = 19 * mm
_TOPO_RODAPE = 29 * mm


class Segmento(Flowable):
    """Início de um documento dentro de um lote (um contracheque): as páginas dele têm numeração
    própria ("Página 1 de 2") e a ``identificacao`` repetida no alto de cada uma."""

    def __init__(self, identificacao: str):
        super().__init__()
        self.identificacao = identificacao

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        self.canv._paco_segmento = (id(self), self.identificacao)


def _desenhar_identificacao(c: rl_canvas.Canvas, texto: str) -> None:
    """A identificação do documento no alto da página, à direita, logo acima do filete do timbre."""
    c.saveState()
    c.setFillColor(COR_SECUNDARIA)
    c.setFont(NORMAL, 7.5)
    largura = LARGURA - 2 * MARGEM_LATERAL
    c.drawRightString(LARGURA - MARGEM_LATERAL, ALTURA - 31 * mm,
                      simpleSplit(texto, NORMAL, 7.5, largura)[0] if texto else "")
    c.restoreState()


def _largura_texto_rodape(rod: Rodape) -> tuple[float, float]:
    """(x, largura) do texto do rodapé, à direita do QR (e à esquerda da assinatura, se reservada)."""
    x = MARGEM_LATERAL + _LADO_QR + 4 * mm
    return x, LARGURA - MARGEM_LATERAL - x - (58 * mm if rod.reservar_assinatura else 0)


def _aviso(rod: Rodape) -> str:
    return ("Documento emitido pelo Paço. Verifique a autenticidade em Paço › Verificar documento "
            f"com o código {rod.codigo}." + (" Em qualquer lugar, confira o QR ou o arquivo com a chave "
            f"pública do emissor, de impressão {impressao_legivel(rod.impressao)}." if rod.impressao else ""))


def _desenhar_rodape_fixo(c: rl_canvas.Canvas, rod: Rodape) -> None:
    """O que o rodapé tem de igual em todas as páginas: filete, QR, código e aviso."""
    c.saveState()
    direita = LARGURA - MARGEM_LATERAL
    topo = _TOPO_RODAPE
    c.setStrokeColor(COR_LINHA)
    c.setLineWidth(0.5)
    c.line(MARGEM_LATERAL, topo, direita, topo)
    _desenhar_qr(c, rod.selo or f"PACO:{rod.codigo}", MARGEM_LATERAL, 7 * mm, _LADO_QR)
    x, largura = _largura_texto_rodape(rod)
    y = topo - 5 * mm
    c.setFillColor(COR_TEXTO)
    c.setFont(NORMAL, 8)
    rotulo = "Código de verificação: "
    c.drawString(x, y, rotulo)
    c.setFont(MONO, 10)
    c.drawString(x + stringWidth(rotulo, NORMAL, 8), y, rod.codigo)
    c.setFont(NORMAL, 7)
    y -= 4.2 * mm
    for linha in simpleSplit(_aviso(rod), NORMAL, 7, largura):
        c.drawString(x, y, linha)
        y -= 8.5
    c.restoreState()


def _desenhar_rodape_da_pagina(c: rl_canvas.Canvas, rod: Rodape, pagina: int, total: int,
                               lote: tuple[int, int] | None = None) -> None:
    """O que muda de página a página: "Página x de y" e a identificação do documento (com a folha do lote)."""
    c.saveState()
    x, largura = _largura_texto_rodape(rod)
    y = _TOPO_RODAPE - 5 * mm
    c.setFillColor(COR_TEXTO)
    c.setFont(NEGRITO, 8)
    c.drawRightString(LARGURA - MARGEM_LATERAL, y, f"Página {pagina} de {total}")
    y -= 4.2 * mm + 8.5 * len(simpleSplit(_aviso(rod), NORMAL, 7, largura))
    c.setFillColor(COR_SECUNDARIA)
    c.setFont(NORMAL, 6.5)
    dados = (f"{rod.identificacao} · emitido em {formato.momento(rod.emitido_em)} "
             f"por {rod.emitido_por} · Paço {rod.versao}")
    if lote:
        dados += f" · folha {lote[0]} de {lote[1]} do lote"
    for linha in simpleSplit(dados, NORMAL, 6.5, largura):
        c.drawString(x, y, linha)
        y -= 8
    c.restoreState()


def _desenhar_rodape(c: rl_canvas.Canvas, rod: Rodape, pagina: int, total: int,
                     lote: tuple[int, int] | None = None) -> None:
    _desenhar_rodape_fixo(c, rod)
    _desenhar_rodape_da_pagina(c, rod, pagina, total, lote)


def _form_pagina(pagina: int) -> str:
    return f"pacoPagina{pagina}"


class _CanvasNumerado(rl_canvas.Canvas):
    """Fecha cada página com o rodapé e a entrega logo ao documento (não guarda as páginas até o fim).

    O que se repete em todas as páginas — o timbre e o rodapé fixo (filete, QR, código, aviso) — é
    desenhado uma vez num Form XObject e só referenciado nas páginas, sem recodificar a fonte a cada
    página. O que depende do total ("Página x de y" do documento ou do contracheque no lote, "folha p
    de T do lote") só se conhece no fim: é um Form XObject pequeno por página, referenciado na página
    e definido em ``save`` (o PDF permite a referência adiante). De cada página só se guarda a que
    segmento (contracheque) ela pertence."""

    def __init__(self, *args, rodape: Rodape, **kwargs):
        super().__init__(*args, **kwargs)
        self._rodape = rodape
        self._formularios: set[str] = set()
        self._segmentos: list = []  # por página: a chave do segmento (Segmento) ou None
        self._paco_segmento = None

    def formulario(self, nome: str, desenhar) -> None:
        """Desenha ``desenhar(canvas)`` num Form XObject na primeira vez; depois só o referencia."""
        if nome not in self._formularios:
            self.beginForm(nome)
            desenhar(self)
            self.endForm()
            self._formularios.add(nome)
        self.doForm(nome)

    def showPage(self):
        segmento = self._paco_segmento
        if segmento:  # a identificação do documento repetida no alto da página
            _desenhar_identificacao(self, segmento[1])
        self._segmentos.append(segmento[0] if segmento else None)
        self.formulario(_FORM_RODAPE, lambda c: _desenhar_rodape_fixo(c, self._rodape))
        self.doForm(_form_pagina(self._pageNumber))
        super().showPage()

    def save(self):
        total = len(self._segmentos)
        paginas_do = Counter(s for s in self._segmentos if s is not None)
        lote = len(paginas_do) > 1
        vistas: Counter = Counter()
        for n, segmento in enumerate(self._segmentos, start=1):
            self.beginForm(_form_pagina(n))
            if segmento is not None:  # numeração do documento dentro do lote
                vistas[segmento] += 1
                _desenhar_rodape_da_pagina(self, self._rodape, vistas[segmento], paginas_do[segmento],
                                           (n, total) if lote else None)
            else:
                _desenhar_rodape_da_pagina(self, self._rodape, n, total)
            self.endForm()
        super().save()


def palavras_chave(rodape: Rodape) -> str:
    """Metadados lidos pela verificação: o código e, com selo, o selo e o bloco da assinatura."""
    texto = f"{PREFIXO_CODIGO}{rodape.codigo}"
    if rodape.selo:
        texto += f" {PREFIXO_SELO}{rodape.selo} {PREFIXO_ASSINATURA}{MARCA_VAZIA}"
    return texto


def gerar_pdf(cabecalho: Cabecalho, rodape: Rodape, titulo: str,
              flowables: list[Flowable]) -> bytes:
    """Monta o PDF oficial: timbre e rodapé em todas as páginas, metadados com o código.

    ``titulo`` vai para os metadados (o título visível é um flowable, veja ``titulo()``).
    """
    fontes.registrar()
    brasao = None
    if cabecalho.brasao:
        try:
            brasao = ImageReader(BytesIO(cabecalho.brasao))
            brasao.getSize()
        except Exception:  # imagem ilegível: o documento sai sem o brasão, não deixa de sair
            brasao = None
    saida = BytesIO()
    doc = SimpleDocTemplate(
        saida, pagesize=A4, leftMargin=MARGEM_LATERAL, rightMargin=MARGEM_LATERAL,
        topMargin=MARGEM_SUPERIOR, bottomMargin=MARGEM_INFERIOR,
        title=titulo, author=cabecalho.nome,
        subject=f"{rodape.identificacao} — código de verificação {rodape.codigo}",
        keywords=palavras_chave(rodape), creator=f"Paço {rodape.versao}",
        producer=f"Paço {rodape.versao} (reportlab)", lang="pt-BR",
    )

    def timbre(c, _doc):  # o mesmo em todas as páginas: desenhado uma vez (Form XObject)
        c.formulario(_FORM_TIMBRE, lambda cv: _desenhar_timbre(cv, cabecalho, brasao))

    doc.build(list(flowables), onFirstPage=timbre, onLaterPages=timbre,
              canvasmaker=lambda *a, **kw: _CanvasNumerado(*a, rodape=rodape, **kw))
    return saida.getvalue()
