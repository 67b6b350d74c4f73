"""Salvar e abrir um PDF emitido (o guardado na base, byte a byte) no leitor padrão do computador."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget


def nome_sugerido(doc: dict) -> str:
    base = re.sub(r"[^\w.-]+", "-", f"{doc['titulo']}-{doc['numero']}-{doc['ano']}-via{doc['via']}", flags=re.UNICODE)
    return f"{base.strip('-').lower()}-{doc['codigo']}.pdf"


def salvar_e_abrir(parent: QWidget | None, nome: str, pdf: bytes, *, abrir: bool = True) -> Path | None:
    """Pergunta onde salvar (sugere Documentos), grava os bytes e abre; None se o usuário desistir."""
    pasta = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    caminho, _ = QFileDialog.getSaveFileName(parent, "Salvar documento", str(Path(pasta) / nome), "PDF (*.pdf)")
    if not caminho:
        return None
    destino = Path(caminho)
    destino.write_bytes(pdf)
    if abrir:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(destino)))
    return destino
