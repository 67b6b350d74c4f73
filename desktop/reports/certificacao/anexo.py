"""Um anexo digitalizado (PNG ou JPEG) como PDF de uma página A4, em memória, para imprimir pelo Paço."""
from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as rl_canvas


def imagem_em_pdf(imagem: bytes, titulo: str) -> bytes:
    """A imagem inteira na folha (margens de 10 mm, proporção mantida); nada é gravado em disco."""
    leitor = ImageReader(BytesIO(imagem))
    largura, altura = leitor.getSize()
    pagina = A4 if altura >= largura else (A4[1], A4[0])
    saida = BytesIO()
    c = rl_canvas.Canvas(saida, pagesize=pagina)
    c.setTitle(titulo)
    margem = 10 * mm
    c.drawImage(leitor, margem, margem, pagina[0] - 2 * margem, pagina[1] - 2 * margem, preserveAspectRatio=True,
                anchor="c")
    c.showPage()
    c.save()
    return saida.getvalue()
