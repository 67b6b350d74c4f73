"""Salvar e abrir um PDF emitido (o guardado na base, byte a byte) no leitor padrão do computador."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.screens.widgets import emissao
from desktop.screens.widgets.impressao import abrir_arquivo


def nome_sugerido(doc: dict) -> str:
    base = re.sub(r"[^\w.-]+", "-", f"{doc['titulo']}-{doc['numero']}-{doc['ano']}-via{doc['via']}", flags=re.UNICODE)
    return f"{base.strip('-').lower()}-{doc['codigo']}.pdf"


def salvar_e_abrir(parent: QWidget | None, nome: str, pdf: bytes, *, abrir: bool = True) -> Path | None:
    """Pergunta onde salvar (``widgets.emissao.escolher_destino``), grava os bytes e abre; None se o usuário
    desistir."""
    destino = emissao.escolher_destino(parent, nome)
    if destino is None:
        return None
    destino.write_bytes(pdf)
    if abrir:
        abrir_arquivo(destino)
    return destino
