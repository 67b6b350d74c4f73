"""Fontes TTF dos documentos (DejaVu, em resources/fonts), registradas uma única vez por processo.

Fontes TrueType embutidas fazem os acentos sobreviverem à impressão e à extração de texto.
Registrar é caro (lê e analisa o arquivo); por isso ``registrar()`` só trabalha na primeira vez
e é seguro chamá-la antes de cada documento, inclusive de várias threads.
"""
from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop import PASTA_RECURSOS

PASTA_FONTES = PASTA_RECURSOS / "fonts"

NORMAL = "DejaVuSans"
NEGRITO = "DejaVuSans-Bold"
ITALICO = "DejaVuSans-Oblique"
MONO = "DejaVuSansMono"

_ARQUIVOS = {
    NORMAL: "DejaVuSans.ttf",
    NEGRITO: "DejaVuSans-Bold.ttf",
    ITALICO: "DejaVuSans-Oblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}

_trava = threading.Lock()
_registradas = False


def registrar() -> None:
    """Registra as fontes DejaVu no reportlab (só na primeira chamada do processo)."""
    global _registradas
    if _registradas:
        return
    with _trava:
        if _registradas:
            return
        for nome, arquivo in _ARQUIVOS.items():
            caminho = PASTA_FONTES / arquivo
            if not caminho.exists():
                raise FileNotFoundError(
                    f"Fonte {arquivo} não encontrada em {PASTA_FONTES}. "
                    "Reinstale o Paço para gerar documentos."
                )
            pdfmetrics.registerFont(TTFont(nome, str(caminho)))
        # <b> e <i> nos parágrafos escolhem as variantes certas da família.
        addMapping(NORMAL, 0, 0, NORMAL)
        addMapping(NORMAL, 1, 0, NEGRITO)
        addMapping(NORMAL, 0, 1, ITALICO)
        addMapping(NORMAL, 1, 1, NEGRITO)
        _registradas = True
