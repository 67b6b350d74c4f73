"""A cópia online da base (API de backup do SQLite), cifrada, conferida e gravada com nome definitivo só no fim.

A peça de ``desktop.store.copias`` que a própria base usa (a cópia antes de atualizar o esquema, em
``Base.abrir``): fica à parte para que ``store.base`` não importe ``store.copias``, que importa a base
(issue 18: sem ciclos de importação). ``store.copias`` a reexporta.
"""
from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import sqlcipher3

from . import copias_sigilo
from .arquivos import CABECALHO_SQLITE, copiar_para_temporario, fsync_arquivo, fsync_pasta, temporario
from .chaves import ArquivoChaves, ancorar
from .erros import ErroBase

if TYPE_CHECKING:
    from .base import Base

TIPOS = ("manual", "diaria", "ao-fechar", "antes-de-atualizar")
_NOME = re.compile(
    r"^paco-(\d{4})-(\d{2})-(\d{2})_(\d{2})(\d{2})(\d{2})-([a-z]+(?:-[a-z]+)*?)(?:-(\d+))?(?:\.s(\d+))?\.db$"
)
_TEMP_COPIA = ".paco-copia-"
_ERROS_SQL = (sqlcipher3.dbapi2.DatabaseError,)


class ErroCopia(ErroBase):
    """Falha ao fazer, conferir ou restaurar uma cópia; a mensagem é para o usuário."""


def nome_da_copia(momento: datetime, tipo: str, numero: int = 1, sequencia: int = 0) -> str:
    sufixo = f"-{numero}" if numero > 1 else ""
    seq = f".s{sequencia:06d}" if sequencia else ""
    return f"paco-{momento:%Y-%m-%d_%H%M%S}-{tipo}{sufixo}{seq}.db"


def sequencia_do_nome(nome: str) -> int:
    """A sequência gravada no nome da cópia (0 se não há)."""
    m = _NOME.match(nome)
    return int(m.group(9)) if m and m.group(9) else 0


def proxima_sequencia(*pastas: Path) -> int:
    """Um número maior que o de toda cópia nas ``pastas`` (as que não se leem são puladas)."""
    maior = 0
    for pasta in pastas:
        try:
            nomes = [p.name for p in Path(pasta).iterdir()]
        except OSError:
            continue
        maior = max([maior, *(sequencia_do_nome(n) for n in nomes)])
    return maior + 1


def _erro_de_gravacao(pasta: Path, erro: Exception) -> ErroCopia:
    texto = str(erro).lower()
    if "full" in texto or "no space" in texto or getattr(erro, "errno", None) == 28:
        return ErroCopia(
            f"Não há espaço livre em {pasta} para a cópia de segurança. Nenhuma cópia antiga foi "
            "apagada. Libere espaço (ou use outro pen drive) e tente de novo."
        )
    detalhe = getattr(erro, "strerror", None) or str(erro)
    return ErroCopia(
        f"Não foi possível gravar a cópia de segurança em {pasta} ({detalhe}). Confira se a pasta "
        "existe e se é possível gravar nela."
    )


def _conectar(caminho: Path, chave: bytes, *, so_leitura: bool = False):
    # Só leitura com immutable=1: o SQLite não cria -wal nem -shm ao lado do arquivo lido.
    alvo = f"{Path(caminho).resolve().as_uri()}?mode=ro&immutable=1" if so_leitura else str(caminho)
    conexao = sqlcipher3.connect(alvo, uri=so_leitura, isolation_level=None, check_same_thread=False)
    conexao.execute("PRAGMA cipher_log_level = NONE")
    conexao.execute(f"PRAGMA key = \"x'{chave.hex()}'\"")
    return conexao


def _conferir_cifrada(caminho: Path) -> None:
    with open(caminho, "rb") as f:
        if f.read(len(CABECALHO_SQLITE)) == CABECALHO_SQLITE:
            raise ErroCopia(f"O arquivo {Path(caminho).name} não está cifrado: não é cópia do Paço.")


# -- fazer -------------------------------------------------------------------------------------
def _cabeca_da_copia(conexao) -> dict | None:
    """A âncora (seq, hash, momento) do último elo do diário gravado na cópia."""
    linha = conexao.execute("SELECT seq, hash, momento FROM diario ORDER BY seq DESC LIMIT 1").fetchone()
    return {"seq": linha[0], "hash": linha[1], "momento": linha[2]} if linha else None


def fazer_copia(base: Base, pasta: Path, tipo: str, *, momento: datetime | None = None,
                progresso: Callable[[int, int], None] | None = None, sequencia: int | None = None) -> Path:
    """Copia a base aberta para ``pasta`` e devolve o caminho da cópia.

    ``progresso(copiadas, total)`` é chamado com as páginas copiadas, para a barra de progresso;
    uma exceção levantada nele cancela a cópia. Levanta ErroCopia se não conseguir. Em qualquer
    falha ou cancelamento não sobra arquivo algum na pasta. ``sequencia``: a da cópia (sem ela, a
    próxima da pasta).
    """
    if tipo not in TIPOS:
        raise ValueError(f"tipo de cópia desconhecido: {tipo}")
    pasta = Path(pasta)
    momento = (momento or datetime.now()).replace(microsecond=0)
    try:
        pasta.mkdir(parents=True, exist_ok=True)
        sequencia = sequencia or proxima_sequencia(pasta)
        numero, destino = 1, pasta / nome_da_copia(momento, tipo, sequencia=sequencia)
        while destino.exists():
            numero += 1
            destino = pasta / nome_da_copia(momento, tipo, numero, sequencia)
        tmp = temporario(pasta, _TEMP_COPIA)
    except OSError as e:
        raise _erro_de_gravacao(pasta, e) from None
    tmp_chaves, tmps_sigilo = None, []
    try:
        destino_conexao = _conectar(tmp, base.chave)
        try:
            if progresso is None:
                base.conexao.backup(destino_conexao)
            else:
                base.conexao.backup(destino_conexao, pages=256,
                                    progress=lambda _st, resta, total: progresso(total - resta, total))
            # Um arquivo só, sem -wal: a cópia se abre em leitura sem criar nada ao lado.
            destino_conexao.execute("PRAGMA journal_mode = DELETE")
            conferencia = destino_conexao.execute("PRAGMA quick_check").fetchone()[0]
            ancora = _cabeca_da_copia(destino_conexao)
        finally:
            destino_conexao.close()
        if conferencia != "ok":
            raise ErroCopia(
                "A base tem defeitos (a conferência do SQLite acusou: "
                f"{conferencia}); a cópia não foi guardada para não substituir cópias boas. "
                "Restaure a cópia mais recente ou procure o suporte."
            )
        _conferir_cifrada(tmp)
        fsync_arquivo(tmp)
        try:
            tmps_sigilo = copias_sigilo.copiar(base, pasta, _TEMP_COPIA)
        except ErroBase as e:
            raise ErroCopia(str(e)) from None
        for tmp_s, sufixo in tmps_sigilo:  # antes da base: o nome da base é o que torna a cópia visível
            os.replace(tmp_s, Path(f"{destino}{sufixo}"))
        chaves = ArquivoChaves.caminho_para(base.caminho)
        if chaves.exists():
            tmp_chaves = copiar_para_temporario(chaves, pasta, _TEMP_COPIA)
            if ancora is not None:  # a cabeça do diário desta cópia, exata (lida da própria cópia)
                ancorar(base.caminho, ancora, arquivo=tmp_chaves)
            os.replace(tmp_chaves, ArquivoChaves.caminho_para(destino))
        os.replace(tmp, destino)
        fsync_pasta(pasta)
    except (OSError, *_ERROS_SQL) as e:
        raise _erro_de_gravacao(pasta, e) from None
    finally:  # se falhou (ou foi cancelada pelo ``progresso``), não sobra nada
        if not destino.exists():
            for arq in copias_sigilo.arquivos_da_copia(destino):
                arq.unlink(missing_ok=True)
        for sobra in (tmp, tmp_chaves, *(t for t, _ in tmps_sigilo)):
            if sobra is not None:
                for sufixo in ("", "-journal", "-wal", "-shm"):
                    Path(f"{sobra}{sufixo}").unlink(missing_ok=True)
    return destino
