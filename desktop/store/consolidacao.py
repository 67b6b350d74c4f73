"""Consolidação do WAL (checkpoint) em segundo plano: fora do caminho de quem grava.

Em modo WAL o SQLite passa as páginas do ``-wal`` para o arquivo da base (o checkpoint) na própria
conexão que confirmou a transação que fez o ``-wal`` passar de 1.000 páginas. Um caso do Conselho escreve
~30 páginas: uma gravação em cada ~15 pagava, além do seu commit, escrever ~1.000 páginas no arquivo e dois
fsyncs (15-40 ms a 100.000 casos, o p95 da gravação; issue 16). Aqui o checkpoint automático das conexões
da base fica só como rede de segurança (``LIMITE_SEGURANCA`` páginas) e, depois de cada transação
confirmada, quem gravou lê só o cabeçalho do índice do WAL (os primeiros 100 bytes do ``-shm``: ``mxFrame``
e ``nBackfill``, formato documentado em https://sqlite.org/walformat.html) e, passado ``LIMITE`` de páginas
por consolidar, pede o checkpoint a uma thread de fundo, que o faz (PASSIVE: não espera nem bloqueia quem
lê ou grava) numa conexão própria, aberta e fechada na hora (com as chaves atuais da base).

Durabilidade: a mesma. Cada transação confirmada já está no ``-wal`` com fsync (``synchronous=FULL``); o
checkpoint só copia para o arquivo principal páginas já duráveis (fsync do ``-wal`` antes e do arquivo
depois), e um checkpoint interrompido por uma queda é refeito pelo SQLite ao abrir.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

_log = logging.getLogger(__name__)

LIMITE = 1000
"""Páginas por consolidar que disparam o checkpoint de fundo (o limite padrão do checkpoint automático)."""
LIMITE_SEGURANCA = 10_000
"""``PRAGMA wal_autocheckpoint`` das conexões da base: só se a thread de fundo não der conta (~40 MB)."""
_VERSAO_INDICE = 3007000  # iVersion do cabeçalho do índice do WAL (formato desde o SQLite 3.7.0)


def quadros_por_consolidar(arquivo: Path | str) -> int:
    """Páginas do ``-wal`` de ``arquivo`` ainda não passadas para ele (mxFrame - nBackfill), lidas do
    ``-shm`` sem trava: uma estimativa (0 sem ``-shm`` ou num formato desconhecido)."""
    try:  # os.open/os.read, sem o objeto de arquivo com buffer do open(): isto roda depois de cada commit
        fd = os.open(f"{arquivo}-shm", os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return 0
    try:
        cab = os.read(fd, 100)
    except OSError:
        return 0
    finally:
        os.close(fd)
    if len(cab) < 100 or int.from_bytes(cab[0:4], sys.byteorder) != _VERSAO_INDICE:
        return 0
    mx = int.from_bytes(cab[16:20], sys.byteorder)
    feito = int.from_bytes(cab[96:100], sys.byteorder)
    return max(0, mx - feito)


class Consolidador:
    """A thread de fundo que faz os checkpoints de uma base (criada com a conexão principal; as paralelas
    pedem a ela). Cada pedido traz ``abrir()``, que devolve uma conexão nova com as chaves de quem pediu
    (uma paralela pode ter o sigilo de outro usuário que a principal não tem)."""

    def __init__(self):
        self._cond = threading.Condition()
        self._pedidos: dict[str, Callable[[], object]] = {}  # esquema -> abrir
        self._ocupado = False
        self._fim = False
        self._thread: threading.Thread | None = None
        self.trava = threading.Lock()  # segurada durante um checkpoint (``pausado``)
        self.feitos = 0  # checkpoints feitos (para testes e medidas)

    def conferir(self, arquivos: dict[str, Path | str], abrir: Callable[[], object]) -> None:
        """Depois de um commit: pede o checkpoint dos esquemas (``{esquema: arquivo}``) cujo ``-wal`` passou
        de ``LIMITE`` páginas por consolidar. Custa ler 100 bytes por arquivo."""
        cheios = [e for e, a in arquivos.items() if quadros_por_consolidar(a) >= LIMITE]
        if cheios:
            self.pedir(cheios, abrir)

    def pedir(self, esquemas, abrir: Callable[[], object]) -> None:
        with self._cond:
            if self._fim:
                return
            self._pedidos.update(dict.fromkeys(esquemas, abrir))
            if self._thread is None:
                self._thread = threading.Thread(target=self._trabalhar, name="paco-checkpoint", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def _trabalhar(self) -> None:
        while True:
            with self._cond:
                while not self._pedidos and not self._fim:
                    self._ocupado = False
                    self._cond.notify_all()
                    self._cond.wait()
                if self._fim:
                    self._ocupado = False
                    self._cond.notify_all()
                    return
                por_conexao: dict[Callable, list[str]] = {}
                for esquema, abrir in sorted(self._pedidos.items()):
                    por_conexao.setdefault(abrir, []).append(esquema)
                self._pedidos.clear()
                self._ocupado = True
            for abrir, esquemas in por_conexao.items():
                try:
                    with self.trava:
                        conexao = abrir()
                        try:
                            anexados = {r[1] for r in conexao.execute("PRAGMA database_list")}
                            for esquema in (e for e in esquemas if e in anexados):
                                conexao.execute(f"PRAGMA {esquema}.wal_checkpoint(PASSIVE)").fetchall()
                        finally:
                            conexao.close()
                    self.feitos += 1
                except Exception as e:  # a próxima gravação pede de novo; a rede de segurança continua
                    _log.warning("Checkpoint em segundo plano falhou: %s", e)

    def aguardar(self, tempo: float = 30.0) -> bool:
        """Espera os checkpoints pedidos terminarem; devolve se terminaram a tempo."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._pedidos and not self._ocupado, timeout=tempo)

    @contextmanager
    def pausado(self) -> Iterator[None]:
        """Nenhum checkpoint de fundo enquanto dura (troca de chave: a conexão dele abriria com a antiga)."""
        with self.trava:
            yield

    def encerrar(self) -> None:
        """Para a thread (pedidos pendentes ficam para ``Base.consolidar``, chamada ao fechar)."""
        with self._cond:
            self._fim = True
            self._pedidos.clear()
            self._cond.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(30)
