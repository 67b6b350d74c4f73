"""Onde a base pode ficar: recusa compartilhamentos de rede e impede duas instâncias na mesma base.

SQLite em compartilhamento de rede (SMB/NFS) perde dados quando dois computadores escrevem ou
quando a rede cai no meio de uma gravação; por isso o Paço recusa esses caminhos.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from .erros import BaseEmRede, BaseEmUso, ErroBase

SISTEMAS_DE_REDE = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p",
    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "fuse.rclone", "ceph", "glusterfs",
    "fuse.glusterfs", "lustre", "gfs2", "ocfs2",
    # GNOME/KDE montam compartilhamentos SMB do gerenciador de arquivos por FUSE:
    "fuse.gvfsd-fuse", "fuse.kio-fuse", "fuse.smbnetfs", "fuse.s3fs", "fuse.curlftpfs",
}


def _pontos_de_montagem(tabela: str) -> list[tuple[str, str]]:
    montagens = []
    for linha in tabela.splitlines():
        partes = linha.split()
        if len(partes) >= 3:
            ponto = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), partes[1])
            montagens.append((ponto, partes[2]))
    return montagens


def sistema_de_arquivos(caminho: Path, tabela_montagens: str | None = None) -> str | None:
    """Tipo do sistema de arquivos onde está ``caminho`` (Linux: /proc/mounts)."""
    if tabela_montagens is None:
        try:
            tabela_montagens = Path("/proc/mounts").read_text()
        except OSError:
            return None
    alvo = str(Path(caminho).resolve())
    melhor, tipo = -1, None
    # A montagem mais longa que contém o caminho; no mesmo ponto vale a última (a de cima, como
    # o autofs que depois monta o cifs/nfs de verdade).
    for ponto, fs in _pontos_de_montagem(tabela_montagens):
        if (alvo == ponto or alvo.startswith(ponto.rstrip("/") + "/")) and len(ponto) >= melhor:
            melhor, tipo = len(ponto), fs
    return tipo


def _unidade_de_rede_windows(caminho: Path) -> bool:
    texto = str(caminho)
    if texto.startswith("\\\\") or texto.startswith("//"):
        return True
    if sys.platform != "win32":
        return False
    import ctypes

    raiz = os.path.splitdrive(str(Path(caminho).resolve()))[0] + "\\"
    return ctypes.windll.kernel32.GetDriveTypeW(raiz) == 4  # DRIVE_REMOTE


def recusar_rede(caminho: Path, tabela_montagens: str | None = None) -> None:
    """Levanta BaseEmRede se ``caminho`` estiver num compartilhamento de rede."""
    pasta = Path(caminho).parent
    fs = None if sys.platform == "win32" else sistema_de_arquivos(pasta, tabela_montagens)
    if _unidade_de_rede_windows(Path(caminho)) or (fs or "") in SISTEMAS_DE_REDE:
        raise BaseEmRede(
            f"A pasta {pasta} fica num compartilhamento de rede ({fs or 'unidade de rede'}). "
            "O Paço só grava a base num disco deste computador, porque em rede uma queda de "
            "conexão pode corromper os dados. Escolha uma pasta local."
        )


def recusar_atalho(caminho: Path) -> None:
    """Levanta ErroBase se a base (ou o seu arquivo de chaves) for um atalho (link simbólico)."""
    for arquivo in (Path(caminho), Path(str(caminho) + ".chaves")):
        if arquivo.is_symlink():
            raise ErroBase(
                f"{arquivo} é um atalho (link simbólico) para {arquivo.resolve()}: o Paço não abre a base por "
                "atalho, porque a trava, o arquivo de chaves e as cópias ficariam ao lado do atalho e não do "
                "arquivo verdadeiro (duas janelas poderiam gravar a mesma base). Abra o arquivo verdadeiro ou "
                "mova a base para a pasta desejada. Nada foi alterado.")


class Trava:
    """Trava exclusiva do sistema operacional em ``<base>.trava``; solta quando o processo morre."""

    def __init__(self, base: Path):
        self.caminho = Path(str(base) + ".trava")
        self._arquivo = None

    def adquirir(self) -> None:
        try:
            f = open(self.caminho, "a+b")
        except OSError as e:
            raise ErroBase(
                f"Não foi possível usar a pasta {self.caminho.parent} ({e.strerror}). "
                "Confira se ela existe e se este usuário do computador pode gravar nela."
            ) from None
        try:
            if sys.platform == "win32":
                import msvcrt

                f.seek(0)
                msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            f.close()
            raise BaseEmUso(
                "Esta base já está aberta em outra janela do Paço neste computador. "
                "Feche a outra janela e tente de novo."
            ) from None
        self._arquivo = f

    def soltar(self) -> None:
        if self._arquivo is not None:
            self._arquivo.close()
            self._arquivo = None
