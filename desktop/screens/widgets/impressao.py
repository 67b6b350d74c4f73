"""Imprimir e abrir os PDFs que o Paço emite: o diálogo de impressão do sistema e o leitor padrão.

``imprimir_pdfs(parent, pdfs)`` abre o QPrintDialog (A4) e manda todos os PDFs como um só
trabalho, fora da thread da interface, com progresso e Cancelar. Cada página é desenhada pelo
pypdfium2 na resolução da impressora (no máximo 300 ppp) e encaixada na área imprimível, de modo
que as margens da impressora são respeitadas. Quando o destino é "Imprimir em arquivo (PDF)", o
arquivo gravado são os próprios PDFs juntados (texto pesquisável, código de verificação intacto).

``oferecer_documento(rotulo, pdf, caminho, texto)`` mostra, depois de emitir/salvar, os links
"Abrir" e "Imprimir" no rótulo de mensagem da tela, e deixa o documento à mão para o Ctrl+P da
janela principal (``documento_da_tela``, que também lê, fora da thread da interface, o PDF selecionado
numa lista de documentos emitidos).
"""
from __future__ import annotations

import html
import time
from io import BytesIO
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QObject, QRect, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desktop.services.sessao import ErroNegocio

from .tarefa import Progresso, executar


class ErroImpressao(ErroNegocio):
    """A impressora recusou o trabalho; a mensagem diz o que conferir."""


RESOLUCAO_MAXIMA = 300
"""Acima disso o desenho só fica maior na memória, não mais nítido no papel de um ofício."""

PROPRIEDADE_PDF = "paco_pdf"
PROPRIEDADE_QUANDO = "paco_pdf_quando"


# -- abrir ------------------------------------------------------------------------------------------
def abrir_arquivo(caminho: Path | str) -> bool:
    """Abre o arquivo no programa padrão do computador (leitor de PDF, planilha)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(caminho)))


# -- imprimir ---------------------------------------------------------------------------------------
def nova_impressora() -> QPrinter:
    impressora = QPrinter(QPrinter.PrinterMode.HighResolution)
    impressora.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    impressora.setPageOrientation(QPageLayout.Orientation.Portrait)
    impressora.setFullPage(False)  # a origem do desenho é a área imprimível: margens respeitadas
    impressora.setDocName("Paço")
    return impressora


def _imagem(pagina, largura_px: int, altura_px: int) -> QImage:
    """A página desenhada pelo pdfium no tamanho de destino, como QImage (cópia própria). Página em
    paisagem (diploma) num papel em retrato é girada 90° para ocupar a folha, não encolhida."""
    largura_pt, altura_pt = pagina.get_size()
    girar = (largura_pt > altura_pt) != (largura_px > altura_px)
    if girar:
        largura_pt, altura_pt = altura_pt, largura_pt
    escala = min(largura_px / largura_pt, altura_px / altura_pt)
    bitmap = pagina.render(scale=escala, rotation=90 if girar else 0, prefer_bgrx=True, draw_annots=True)
    try:
        imagem = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32)
        return imagem.copy()  # o buffer é do pdfium e some com o bitmap
    finally:
        bitmap.close()


def _juntar_pdfs(pdfs: Sequence[bytes], primeira: int = 1, ultima: int | None = None) -> bytes:
    """Os PDFs num só, com as páginas ``primeira``..``ultima`` (contadas no conjunto, a partir de 1)."""
    from pypdf import PdfReader, PdfWriter

    escritor = PdfWriter()
    numero = 0
    for pdf in pdfs:
        for pagina in PdfReader(BytesIO(pdf)).pages:
            numero += 1
            if numero >= primeira and (ultima is None or numero <= ultima):
                escritor.add_page(pagina)
    saida = BytesIO()
    escritor.write(saida)
    return saida.getvalue()


def contar_paginas(pdfs: Sequence[bytes]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for pdf in pdfs:
        doc = pdfium.PdfDocument(pdf)
        total += len(doc)
        doc.close()
    return total


def enviar_para_impressora(impressora: QPrinter, pdfs: Sequence[bytes], progresso: Progresso | None = None,
                           *, rasterizar: bool | None = None) -> int:
    """Manda os PDFs à impressora como um só trabalho; devolve o número de páginas enviadas.

    Pode rodar fora da thread da interface (o QPainter desenha numa QPrinter em qualquer thread).
    ``rasterizar=None``: desenha as páginas, a não ser que o destino seja um arquivo PDF, que então
    recebe os próprios PDFs juntados. Respeita o intervalo de páginas escolhido no diálogo.
    """
    import pypdfium2 as pdfium

    if rasterizar is None:
        rasterizar = not (impressora.outputFormat() == QPrinter.OutputFormat.PdfFormat
                          and impressora.outputFileName())
    total = contar_paginas(pdfs)
    primeira, ultima = 1, total
    if impressora.printRange() == QPrinter.PrintRange.PageRange and impressora.fromPage() > 0:
        primeira, ultima = impressora.fromPage(), min(impressora.toPage() or total, total)
    if not rasterizar:
        Path(impressora.outputFileName()).write_bytes(_juntar_pdfs(pdfs, primeira, ultima))
        enviadas = max(0, ultima - primeira + 1)
        if progresso is not None:
            progresso.informar(enviadas, max(enviadas, 1))
        return enviadas
    resolucao = min(impressora.resolution(), RESOLUCAO_MAXIMA)
    pintor = QPainter()
    enviadas = 0
    try:
        numero = 0
        for pdf in pdfs:
            doc = pdfium.PdfDocument(pdf)
            try:
                for indice in range(len(doc)):
                    numero += 1
                    if not primeira <= numero <= ultima:
                        continue
                    if progresso is not None:
                        progresso.informar(enviadas, ultima - primeira + 1,
                                           f"Enviando a página {enviadas + 1} de {ultima - primeira + 1}…")
                    area = impressora.pageLayout().paintRectPixels(impressora.resolution())
                    alvo_w, alvo_h = area.width(), area.height()
                    fator = resolucao / impressora.resolution()
                    pagina = doc[indice]
                    try:
                        imagem = _imagem(pagina, max(1, int(alvo_w * fator)), max(1, int(alvo_h * fator)))
                    finally:
                        pagina.close()
                    if enviadas == 0:
                        if not pintor.begin(impressora):
                            raise ErroImpressao("A impressora recusou o trabalho: confira se ela está ligada "
                                                "e instalada no computador e tente de novo.")
                    elif not impressora.newPage():
                        raise ErroImpressao("A impressora parou de aceitar páginas no meio do trabalho: "
                                            "confira o papel e a conexão e imprima de novo.")
                    escala = min(alvo_w / imagem.width(), alvo_h / imagem.height())
                    w, h = int(imagem.width() * escala), int(imagem.height() * escala)
                    pintor.drawImage(QRect(0, 0, w, h), imagem)
                    enviadas += 1
            finally:
                doc.close()
    except BaseException:
        if pintor.isActive():
            impressora.abort()
            pintor.end()
        raise
    if pintor.isActive():
        pintor.end()
    if progresso is not None:
        progresso.informar(enviadas, max(enviadas, 1))
    return enviadas


def imprimir_pdfs(parent: QWidget | None, pdfs: Sequence[bytes] | bytes, *, titulo: str = "Imprimir",
                  nome_trabalho: str = "Paço"):
    """Diálogo de impressão do sistema e, se confirmado, a impressão em segundo plano (Tarefa)."""
    if isinstance(pdfs, (bytes, bytearray)):
        pdfs = [bytes(pdfs)]
    impressora = nova_impressora()
    impressora.setDocName(nome_trabalho)
    dialogo = QPrintDialog(impressora, parent)
    dialogo.setWindowTitle(titulo)
    dialogo.setMinMax(1, max(1, contar_paginas(pdfs)))
    if dialogo.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    inicio = time.monotonic()
    pdfs = list(pdfs)
    tarefa = executar(parent, "Imprimindo…", lambda progresso: enviar_para_impressora(impressora, pdfs, progresso))
    tarefa.impressora = impressora  # vive até a tarefa acabar
    tarefa.inicio = inicio
    tarefa.sig_falhou.connect(lambda erro: _avisar_falha(parent, erro))
    return tarefa


def _avisar_falha(parent: QWidget | None, erro: BaseException) -> None:
    from desktop.services.instalacao import mensagem

    caixa = QMessageBox(QMessageBox.Icon.Warning, "Imprimir",
                        f"O documento não foi impresso. {mensagem(erro)}", QMessageBox.StandardButton.Ok, parent)
    caixa.open()


# -- depois de emitir: Abrir e Imprimir ---------------------------------------------------------------
class _LinksDoDocumento(QObject):
    """Filho do rótulo: atende aos links Abrir e Imprimir (vive e morre com o rótulo)."""

    def __init__(self, rotulo: QLabel):
        super().__init__(rotulo)
        self.tarefa = None
        rotulo.linkActivated.connect(self._on_link)

    def _on_link(self, link: str) -> None:
        rotulo = self.parent()
        if link == "abrir":
            caminho = rotulo.property("paco_pdf_caminho")
            if caminho:
                abrir_arquivo(caminho)
        elif link == "imprimir":
            pdf = rotulo.property(PROPRIEDADE_PDF)
            if pdf:
                self.tarefa = imprimir_pdfs(rotulo.window(), bytes(pdf))


def oferecer_documento(rotulo: QLabel, pdf: bytes | Sequence[bytes] | None, caminho: Path | str | None,
                       texto: str) -> None:
    """Escreve ``texto`` no rótulo com os links Abrir (se salvo; arquivo ou pasta) e Imprimir (Ctrl+P).

    Vários PDFs (um lote) são juntados num só, impresso como um trabalho.
    """
    if pdf is not None and not isinstance(pdf, (bytes, bytearray)):
        pdf = _juntar_pdfs(list(pdf)) if len(pdf) > 1 else (bytes(pdf[0]) if pdf else None)
    links = []
    if caminho:
        links.append('<a href="abrir">Abrir</a>')
    if pdf:
        links.append('<a href="imprimir">Imprimir (Ctrl+P)</a>')
    completo = html.escape(texto, quote=False) + ((" " + " · ".join(links)) if links else "")
    rotulo.setText(completo)  # formato automático: os links fazem dele texto rico
    rotulo.setProperty("paco_pdf_texto", completo)
    rotulo.setProperty(PROPRIEDADE_PDF, pdf or None)
    rotulo.setProperty("paco_pdf_caminho", str(caminho) if caminho else None)
    rotulo.setProperty(PROPRIEDADE_QUANDO, time.monotonic())
    if rotulo.findChild(_LinksDoDocumento) is None:
        _LinksDoDocumento(rotulo)


def documento_da_tela(tela: QWidget, ao_obter: Callable[[bytes | None], None]) -> None:
    """O documento para o Ctrl+P, entregue a ``ao_obter(pdf ou None)``: o de uma lista visível que o
    oferece (``leitor_para_imprimir()``, como o selecionado em Documentos emitidos: o PDF é lido da base
    fora da thread da interface, ``servicos.consulta``) ou o último oferecido num rótulo visível de ``tela``."""
    from .servicos import consulta

    for w in [tela, *tela.findChildren(QWidget)]:
        oferece = getattr(w, "leitor_para_imprimir", None)
        if callable(oferece) and w.isVisible() and (leitor := oferece()) is not None:
            consulta(w, leitor, ao_obter, titulo_erro="Imprimir")
            return
    melhor, quando = None, -1.0
    for rotulo in tela.findChildren(QLabel):
        pdf = rotulo.property(PROPRIEDADE_PDF)
        if not pdf or rotulo.text() != rotulo.property("paco_pdf_texto"):
            continue  # o rótulo já mostra outra mensagem: o documento não está mais na tela
        if rotulo.isVisible() and (rotulo.property(PROPRIEDADE_QUANDO) or 0) > quando:
            melhor, quando = bytes(pdf), rotulo.property(PROPRIEDADE_QUANDO)
    ao_obter(melhor)
