"""Gravação de arquivos que resiste a apagões: temporário na mesma pasta, fsync e rename atômico.

Usado pelas cópias de segurança: um arquivo só ganha o nome definitivo depois de inteiro no disco.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import suppress
from pathlib import Path

CABECALHO_SQLITE = b"SQLite format 3\x00"
"""Os primeiros bytes de um arquivo SQLite sem cifra (uma base ou cópia do Paço nunca começa assim)."""


def fsync_arquivo(caminho: Path) -> None:
    with open(caminho, "r+b") as f:
        os.fsync(f.fileno())


def fsync_pasta(pasta: Path) -> None:
    """Grava em disco a entrada do diretório (rename); o Windows não abre pastas, e não precisa."""
    try:
        fd = os.open(pasta, os.O_RDONLY)
    except OSError:
        return
    with suppress(OSError):
        os.fsync(fd)
    os.close(fd)


def temporario(pasta: Path, prefixo: str) -> Path:
    """Cria um arquivo vazio ``<prefixo>*.tmp`` em ``pasta`` (mesmo disco do destino)."""
    fd, nome = tempfile.mkstemp(prefix=prefixo, suffix=".tmp", dir=pasta)
    os.close(fd)
    return Path(nome)


def copiar_para_temporario(origem: Path, pasta: Path, prefixo: str) -> Path:
    """Copia ``origem`` para um temporário em ``pasta``, já gravado em disco."""
    tmp = temporario(pasta, prefixo)
    try:
        shutil.copyfile(origem, tmp)
        fsync_arquivo(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def guardar_sem_mover(origem: Path, destino: Path) -> None:
    """Deixa ``destino`` com o conteúdo de ``origem`` sem tirá-la do lugar (link, ou cópia)."""
    try:
        os.link(origem, destino)
    except OSError:  # FAT de pen drive, por exemplo, não tem links
        shutil.copy2(origem, destino)
        fsync_arquivo(destino)
