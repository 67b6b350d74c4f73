"""Impressão: os PDFs emitidos vão à impressora (aqui, uma impressora PDF com arquivo de saída)."""
from io import BytesIO

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pypdf import PdfReader

from desktop.screens.widgets import impressao
from desktop.screens.widgets.tarefa import Cancelado, Progresso
from desktop.services import documentos

A4 = (595.3, 841.9)


@pytest.fixture
def dois_documentos(sessao_admin):
    primeiro = documentos.emitir_relatorio_diario(sessao_admin)
    segundo = documentos.emitir_relatorio_diario(sessao_admin)
    return primeiro, segundo


def _impressora_pdf(caminho, resolucao=100) -> QPrinter:
    impressora = impressao.nova_impressora()
    impressora.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    impressora.setOutputFileName(str(caminho))
    impressora.setResolution(resolucao)
    return impressora


def _texto(leitor: PdfReader) -> str:
    return "\n".join(p.extract_text() for p in leitor.pages)


def test_lote_impresso_em_arquivo_pdf_como_um_so_trabalho(qapp, tmp_path, dois_documentos):
    saida = tmp_path / "impresso.pdf"
    pdfs = [e.pdf for e in dois_documentos]
    esperado = sum(e.paginas for e in dois_documentos)
    assert impressao.enviar_para_impressora(_impressora_pdf(saida), pdfs) == esperado
    leitor = PdfReader(saida)
    assert len(leitor.pages) == esperado
    texto = _texto(leitor)
    for e in dois_documentos:  # texto pesquisável e o código de verificação de cada documento
        assert e.codigo in texto
    assert "Relatório do diário" in texto or "diário" in texto.lower()


def test_paginas_desenhadas_na_resolucao_da_impressora_a4_com_margens(qapp, tmp_path, dois_documentos):
    saida = tmp_path / "rasterizado.pdf"
    pdfs = [e.pdf for e in dois_documentos]
    impressora = _impressora_pdf(saida)
    progresso = Progresso()
    andamento = []
    progresso.sig_andamento.connect(lambda f, t, _x: andamento.append((f, t)))
    enviadas = impressao.enviar_para_impressora(impressora, pdfs, progresso, rasterizar=True)
    total = sum(e.paginas for e in dois_documentos)
    assert enviadas == total
    assert andamento[-1] == (total, total)
    leitor = PdfReader(saida)
    assert len(leitor.pages) == total
    for pagina in leitor.pages:
        largura, altura = float(pagina.mediabox.width), float(pagina.mediabox.height)
        assert abs(largura - A4[0]) < 1 and abs(altura - A4[1]) < 1
        imagens = list(pagina.images)
        assert len(imagens) == 1
        # a imagem cabe na área imprimível (margens da impressora respeitadas)
        area = impressora.pageLayout().paintRectPixels(impressora.resolution())
        assert imagens[0].image.width <= area.width() and imagens[0].image.height <= area.height()


def test_intervalo_de_paginas_e_cancelar(qapp, tmp_path, dois_documentos):
    pdfs = [e.pdf for e in dois_documentos]
    impressora = _impressora_pdf(tmp_path / "so-a-segunda.pdf")
    impressora.setPrintRange(QPrinter.PrintRange.PageRange)
    impressora.setFromTo(2, 2)
    assert impressao.enviar_para_impressora(impressora, pdfs, rasterizar=True) == 1
    assert len(PdfReader(tmp_path / "so-a-segunda.pdf").pages) == 1
    impressora = _impressora_pdf(tmp_path / "so-a-segunda-em-arquivo.pdf")  # arquivo PDF: o próprio PDF
    impressora.setPrintRange(QPrinter.PrintRange.PageRange)
    impressora.setFromTo(2, 2)
    assert impressao.enviar_para_impressora(impressora, pdfs) == 1
    leitor = PdfReader(tmp_path / "so-a-segunda-em-arquivo.pdf")
    dono = dois_documentos[0] if dois_documentos[0].paginas >= 2 else dois_documentos[1]  # de quem é a 2ª página
    assert len(leitor.pages) == 1 and dono.codigo in _texto(leitor)

    progresso = Progresso()
    progresso.cancelar()
    with pytest.raises(Cancelado):
        impressao.enviar_para_impressora(_impressora_pdf(tmp_path / "cancelado.pdf"), pdfs, progresso,
                                         rasterizar=True)


def test_rotulo_oferece_abrir_e_imprimir_e_ctrl_p_acha_o_documento(qtbot, tmp_path, dois_documentos):
    tela = QWidget()
    rotulo = QLabel(tela)
    QVBoxLayout(tela).addWidget(rotulo)
    qtbot.addWidget(tela)
    tela.show()
    assert _documento(tela) is None
    primeiro, segundo = dois_documentos
    caminho = tmp_path / "doc.pdf"
    caminho.write_bytes(primeiro.pdf)
    impressao.oferecer_documento(rotulo, primeiro.pdf, caminho, "Documento emitido <1>.")
    assert '<a href="abrir">Abrir</a>' in rotulo.text() and "Imprimir (Ctrl+P)" in rotulo.text()
    assert "&lt;1&gt;" in rotulo.text()
    assert _documento(tela) == primeiro.pdf
    outro = QLabel(tela)
    tela.layout().addWidget(outro)
    qtbot.waitUntil(outro.isVisible)
    impressao.oferecer_documento(outro, segundo.pdf, None, "Outro.")
    assert "Abrir" not in outro.text()
    assert _documento(tela) == segundo.pdf  # o mais recente
    assert PdfReader(BytesIO(_documento(tela))).pages
    outro.setText("Outra mensagem, sem documento.")
    assert _documento(tela) == primeiro.pdf


def _documento(tela):
    """O que o Ctrl+P pega de ``tela`` (só rótulos aqui: a resposta vem na hora)."""
    obtidos = []
    impressao.documento_da_tela(tela, obtidos.append)
    assert len(obtidos) == 1
    return obtidos[0]


def test_pagina_em_paisagem_e_girada_para_ocupar_o_papel_em_retrato(qapp, tmp_path):
    """Diploma em A4 paisagem (issue 12): na folha A4 em retrato a página é girada 90°, não encolhida."""
    from reportlab.lib.pagesizes import A4 as A4_RL, landscape
    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape(A4_RL))
    c.drawString(100, 300, "Diploma em paisagem")
    c.showPage()
    c.save()
    saida = tmp_path / "paisagem.pdf"
    impressora = _impressora_pdf(saida)
    assert impressao.enviar_para_impressora(impressora, [buf.getvalue()], rasterizar=True) == 1
    imagem = list(PdfReader(saida).pages[0].images)[0].image
    area = impressora.pageLayout().paintRectPixels(impressora.resolution())
    assert imagem.height > imagem.width  # girada: em pé, como o papel
    assert imagem.height > 0.9 * area.height()  # ocupa a altura da folha (encolhida teria ~70% da largura)
