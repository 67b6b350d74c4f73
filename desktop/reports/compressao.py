"""A compressão dos fluxos do PDF cedendo a vez à thread da interface: os mesmos bytes do reportlab, sem travar a janela.

No fim de um lote grande (3.000 contracheques), o reportlab monta o arquivo e comprime milhares de fluxos pequenos
seguidos — o conteúdo de cada página e o rodapé de cada uma (``layout._CanvasNumerado``) — com ``zlib.compress``, que
solta o GIL e o pega de volta a cada fluxo (a cada ~0,1 ms). A thread da interface, esperando o GIL, só o pede à força
depois de um intervalo inteiro de troca (``sys.setswitchinterval``) sem troca alguma; como a thread do lote o solta e
o retoma antes (ela mesma, sem a interface ter acordado a tempo), a contagem recomeça a cada fluxo e a interface
ficava parada 70-160 ms seguidos, com 0-20 ms de CPU (benchmarks/travamentos.py, fase "lote de contracheques em PDF":
maior intervalo 95/132/120 ms em três repetições; o ``faulthandler`` nas paradas mostrava a thread do lote em
``PDFStreamFilterZCompress.encode`` e a da interface esperando o GIL; um laço de 1 ms ao lado do lote, sem Qt, parava
50-160 ms na mesma fase, com qualquer intervalo de troca de 0,2 a 5 ms).

Aqui a thread de trabalho que comprime, passados ``CEDER_A_CADA_S`` desde a última vez, dorme ``PAUSA_S`` antes do
fluxo: o GIL fica livre tempo bastante para a thread que o espera acordar e pegá-lo (a thread principal — a da
interface, ou a da linha de comando — não tem a quem ceder e não dorme). A saída é a do reportlab, byte a byte (o mesmo
``zlib.compress`` no mesmo nível; ``tests/reports/test_compressao.py``). ``instalar()`` põe o filtro no lugar do
``pdfdoc.PDFZCompress`` do reportlab, que o conteúdo das páginas, os formulários e as fontes usam (lido a cada
documento, não guardado na importação); feito uma vez, ao importar ``layout``.
"""
from __future__ import annotations

import threading
import time
import zlib

from reportlab.pdfbase import pdfdoc

CEDER_A_CADA_S = 0.002
"""De quanto em quanto tempo, no máximo, a thread que comprime deixa o GIL livre por ``PAUSA_S``."""

PAUSA_S = 0.0002
"""Quanto ela dorme: mais que o tempo de uma thread parada no GIL acordar (dezenas de µs aqui). No pior caso custa
10% da fase que comprime (a montagem final do arquivo, ~0,5 s num lote de 3.000); medido, fica no ruído."""


class FlateQueCede(pdfdoc.PDFStreamFilterZCompress):
    """O ``FlateDecode`` do reportlab que cede a vez (``relogio`` e ``dormir`` trocáveis nos testes)."""

    def __init__(self, relogio=time.perf_counter, dormir=time.sleep):
        self._relogio, self._dormir = relogio, dormir
        self._ultima = relogio()

    def encode(self, text):
        if threading.current_thread() is not threading.main_thread():  # a da interface não tem a quem ceder
            self._ceder()
        if isinstance(text, str):  # como o do reportlab
            text = text.encode("utf8")
        return zlib.compress(text)

    def _ceder(self) -> None:
        agora = self._relogio()
        if agora - self._ultima >= CEDER_A_CADA_S:
            self._dormir(PAUSA_S)
            self._ultima = self._relogio()


def instalar() -> None:
    """O filtro daqui no lugar do do reportlab (uma vez)."""
    if not isinstance(pdfdoc.PDFZCompress, FlateQueCede):
        pdfdoc.PDFZCompress = FlateQueCede()
