"""Salvar e abrir um PDF emitido (o guardado na base, byte a byte) no leitor padrão do computador."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QWidget

from desktop.screens.widgets import arquivo
from desktop.screens.widgets.impressao import abrir_arquivo

NAO_GRAVADO = "Abra-o de novo escolhendo outro lugar (o documento continua guardado na base, idêntico)."


def nome_sugerido(doc: dict) -> str:
    base = re.sub(r"[^\w.-]+", "-", f"{doc['titulo']}-{doc['numero']}-{doc['ano']}-via{doc['via']}", flags=re.UNICODE)
    return f"{base.strip('-').lower()}-{doc['codigo']}.pdf"


def salvar_e_abrir(parent: QWidget, nome: str, pdf: bytes, seguir: Callable[[Path], None], *,
                   titulo_erro: str = "Abrir documento emitido", feito: str = "", depois: str = NAO_GRAVADO,
                   abrir: bool = True) -> Path | None:
    """Pergunta onde salvar e grava fora da thread da interface, inteiro ou nada (``widgets.arquivo.salvar``: o
    documento reaberto pode ser o lote de 11 MB); gravado, abre no leitor e segue com ``seguir(destino)``.
    Devolve o destino escolhido (a gravação ainda em andamento) ou None se o usuário desistiu. Se o sistema recusa
    a gravação, o aviso diz onde e por quê, e que o documento continua na base; ``seguir`` não é chamado."""

    def _gravado(destino: Path) -> None:
        if abrir:
            abrir_arquivo(destino)
        seguir(destino)

    return arquivo.salvar(parent, nome, pdf, _gravado, titulo_erro=titulo_erro, feito=feito, depois=depois)
