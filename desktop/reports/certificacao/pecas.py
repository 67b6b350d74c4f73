"""Peças comuns aos documentos da Certificação: células legíveis, quadro de identificação, local e data, assinaturas."""
from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle
from desktop.rules import formato

from .. import fontes
from ..layout import COR_LINHA, ESTILOS, LARGURA_UTIL, paragrafo


CELULA = ParagraphStyle("cert_celula", parent=ESTILOS["celula"], fontSize=9, leading=11)
ROTULO = ParagraphStyle("cert_rotulo", parent=ESTILOS["celula"], fontSize=8, leading=10,
                        textColor=ESTILOS["pequeno"].textColor)
ASSINATURA = ParagraphStyle("cert_assinatura", parent=ESTILOS["pequeno"], alignment=TA_CENTER, fontSize=8.5)


def por_extenso(d: date) -> str:
    """1º de março de 2026 (``formato.data_extenso``)."""
    return formato.data_extenso(d)


def celula(texto: str) -> Paragraph:
    """Texto de célula que quebra linha, no mesmo corpo (9) das demais colunas."""
    fontes.registrar()
    return Paragraph(escape(texto or ""), CELULA)


def identificacao(pares: list[tuple[str, str]], colunas: int = 2) -> Table:
    """Quadro de identificação (rótulo pequeno em cima, valor embaixo), ``colunas`` por linha."""
    fontes.registrar()
    celulas = [[Paragraph(escape(r), ROTULO), Paragraph(escape(v or "—"), CELULA)] for r, v in pares]
    linhas = [celulas[i:i + colunas] for i in range(0, len(celulas), colunas)]
    largura = LARGURA_UTIL / colunas
    dados = [[c for c in linha] + [""] * (colunas - len(linha)) for linha in linhas]
    t = Table(dados, colWidths=[largura] * colunas, hAlign="LEFT")
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.4, COR_LINHA),
                           ("INNERGRID", (0, 0), (-1, -1), 0.25, COR_LINHA),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return t


def local_e_data(local: str, d: date) -> Paragraph:
    return paragrafo(f"{local}, {por_extenso(d)}.")


def assinaturas(*cargos: str) -> KeepTogether:
    """Linhas de assinatura lado a lado (filete acima do cargo), separadas por um espaço; "nome\ncargo"
    põe o nome do signatário em cima do cargo."""
    fontes.registrar()
    vao = 18
    largura = (LARGURA_UTIL - vao * (len(cargos) - 1)) / len(cargos)
    linha, larguras, estilo = [], [], [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 3)]
    for i, c in enumerate(cargos):
        if i:
            linha.append("")
            larguras.append(vao)
        estilo.append(("LINEABOVE", (len(linha), 0), (len(linha), 0), 0.6, COR_LINHA))
        linha.append(Paragraph("<br/>".join(escape(x) for x in c.split("\n")), ASSINATURA))
        larguras.append(largura)
    t = Table([linha], colWidths=larguras, hAlign="CENTER")
    t.setStyle(TableStyle(estilo))
    return KeepTogether([Spacer(1, 36), t])


def secao(titulo: str, *conteudo) -> KeepTogether:
    """Título de seção que não fica sozinho no pé da página."""
    return KeepTogether([paragrafo(titulo, "secao"), *conteudo])
