"""O arquivo sigiloso do Conselho nas cópias de segurança: copiar junto, guardar e restaurar junto.

Cada cópia ``paco-...db`` leva ao lado ``paco-...db.sigilo`` (o arquivo sigiloso da mesma hora).
Quem tem a chave do sigilo copia com a API de backup online do SQLite, por uma conexão própria com
o arquivo, e confere a cópia; quem não a tem (a cópia automática do administrador, ao fechar)
copia os bytes cifrados como estão — a trava da base garante que ninguém grava nele —, com o
``-wal`` se houver.

Restaurar põe a base, o arquivo sigiloso e o ``.chaves`` no lugar como uma coisa só: os renomes
pendentes são escritos antes em ``<base>.restaurando`` (gravado com fsync); se a energia cair no
meio, a próxima abertura da base termina o que faltou (``concluir_restauracao``), de modo que nunca
fica a base de uma cópia com o arquivo sigiloso de outra.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from . import sigilo
from .arquivos import (CABECALHO_SQLITE, copiar_para_temporario, fsync_arquivo, fsync_pasta, guardar_sem_mover,
                       temporario)
from .erros import ErroBase

SUFIXO_WAL = "-wal"


def caminho_pendencias(caminho_base: Path) -> Path:
    return Path(str(caminho_base) + ".restaurando")


def _limpar(tmp: Path | None) -> None:
    if tmp is not None:
        for sufixo in ("", "-journal", "-wal", "-shm"):
            Path(f"{tmp}{sufixo}").unlink(missing_ok=True)


def copiar(base, pasta: Path, prefixo: str) -> list[tuple[Path, str]]:
    """Copia o arquivo sigiloso da base para temporários em ``pasta``; devolve [(temporário, sufixo do
    destino)] (vazio se a base não tem arquivo sigiloso). Em falha, não sobra temporário."""
    origem = sigilo.caminho_para(base.caminho)
    if not origem.exists():
        return []
    tmp = temporario(pasta, prefixo)
    feitos: list[tuple[Path, str]] = [(tmp, sigilo.SUFIXO)]
    try:
        if base.tem_sigilo:
            _copia_online(origem, tmp, base.chave_sigilo)
        else:
            shutil.copyfile(origem, tmp)
            wal = Path(f"{origem}{SUFIXO_WAL}")
            if wal.exists() and wal.stat().st_size:
                tmp_wal = copiar_para_temporario(wal, pasta, prefixo)
                feitos.append((tmp_wal, sigilo.SUFIXO + SUFIXO_WAL))
        with open(tmp, "rb") as f:
            if f.read(len(CABECALHO_SQLITE)) == CABECALHO_SQLITE:
                raise ErroBase("O arquivo sigiloso do Conselho não está cifrado; a cópia não foi feita.")
        fsync_arquivo(tmp)
    except BaseException:
        for t, _ in feitos:
            _limpar(t)
        raise
    return feitos


def _copia_online(origem: Path, tmp: Path, chave: bytes) -> None:
    fonte = sigilo.conectar(origem, chave)
    destino = sigilo.conectar(tmp, chave)
    try:
        fonte.execute("PRAGMA busy_timeout = 15000")
        fonte.backup(destino)
        destino.execute("PRAGMA journal_mode = DELETE")
        conferencia = destino.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        destino.close()
        fonte.close()
    if conferencia != "ok":
        raise ErroBase(f"O arquivo sigiloso do Conselho tem defeitos ({conferencia}); a cópia não foi guardada.")


def arquivos_da_copia(copia: Path) -> list[Path]:
    """Os arquivos do sigilo que acompanham uma cópia (para apagar na rotação)."""
    s = sigilo.caminho_para(copia)
    return [s, Path(f"{s}{SUFIXO_WAL}")]


# -- restaurar --------------------------------------------------------------------------------------
def preparar_restauracao(copia: Path, pasta: Path, prefixo: str) -> list[tuple[Path, str]]:
    """Copia para temporários ao lado da base o arquivo sigiloso da cópia (e o -wal dele)."""
    feitos = []
    try:
        for origem in arquivos_da_copia(copia):
            if origem.exists():
                sufixo = sigilo.SUFIXO + (SUFIXO_WAL if origem.name.endswith(SUFIXO_WAL) else "")
                feitos.append((copiar_para_temporario(origem, pasta, prefixo), sufixo))
        principal = next((t for t, s in feitos if s == sigilo.SUFIXO), None)
        if principal is not None:
            with open(principal, "rb") as f:
                if f.read(len(CABECALHO_SQLITE)) == CABECALHO_SQLITE:
                    raise ErroBase(f"O arquivo sigiloso da cópia {copia.name} não está cifrado: não é do Paço.")
    except BaseException:
        for t, _ in feitos:
            _limpar(t)
        raise
    return feitos


def guardar_anterior(caminho_base: Path, guardada: Path) -> None:
    """Guarda o arquivo sigiloso atual (e o -wal dele) junto da base guardada antes da restauração."""
    atual = sigilo.caminho_para(caminho_base)
    if atual.exists():
        guardar_sem_mover(atual, sigilo.caminho_para(guardada))
    wal = Path(f"{atual}{SUFIXO_WAL}")
    if wal.exists():
        os.replace(wal, Path(f"{sigilo.caminho_para(guardada)}{SUFIXO_WAL}"))
    Path(f"{atual}-shm").unlink(missing_ok=True)


def trocar_juntos(caminho_base: Path, pares: list[tuple[Path | None, Path]]) -> None:
    """Põe cada temporário no seu destino (None: apaga o destino) como uma coisa só: as pendências vão
    antes para ``<base>.restaurando``; uma queda no meio é terminada por ``concluir_restauracao``."""
    pendencias = caminho_pendencias(caminho_base)
    tmp = pendencias.with_name(pendencias.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump([[None if t is None else str(t), str(d)] for t, d in pares], f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, pendencias)
    fsync_pasta(caminho_base.parent)
    concluir_restauracao(caminho_base)


def concluir_restauracao(caminho_base: Path) -> bool:
    """Termina uma restauração interrompida (chamado ao abrir a base, com a trava). Devolve se havia."""
    pendencias = caminho_pendencias(caminho_base)
    if not pendencias.exists():
        return False
    try:
        pares = json.loads(pendencias.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pares = None
    if not isinstance(pares, list):
        raise ErroBase(f"O registro da restauração interrompida ({pendencias.name}) está danificado. "
                       "Restaure a cópia de segurança de novo.")
    for tmp, destino in pares:
        if tmp is None:
            Path(destino).unlink(missing_ok=True)
            Path(f"{destino}{SUFIXO_WAL}").unlink(missing_ok=True)
        elif Path(tmp).exists():
            os.replace(tmp, destino)
    fsync_pasta(caminho_base.parent)
    pendencias.unlink()
    fsync_pasta(caminho_base.parent)
    return True
