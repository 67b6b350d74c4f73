"""Onde o texto de um PDF foi desenhado, medido como o leitor o vê (para testes de diagramação)."""
from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.reports.fontes import NEGRITO, NORMAL, registrar


def trechos(pdf: bytes) -> list[list[tuple[str, float, float, float]]]:
    """Por página, cada trecho de texto: (texto, x inicial, x final, y), o x final pela métrica da fonte e do
    tamanho com que foi desenhado."""
    registrar()
    paginas = []
    for pagina in PdfReader(BytesIO(pdf)).pages:
        saida: list[tuple[str, float, float, float]] = []

        def visitar(texto, cm, tm, fonte, tamanho, saida=saida):
            if not texto.strip() or not fonte:
                return
            nome = NEGRITO if "Bold" in str(fonte.get("/BaseFont", "")) else NORMAL
            escala = (tm[0] * cm[0]) or 1
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            saida.append((texto.strip(), x, x + stringWidth(texto.rstrip(), nome, tamanho) * escala, y))

        pagina.extract_text(visitor_text=visitar)
        paginas.append(saida)
    return paginas
