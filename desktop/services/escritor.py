"""Gravações que não precisam segurar quem as pediu: uma thread por sessão, na ordem dos pedidos.

Uma busca nos casos do Conselho registra a leitura no diário sigiloso; esperando essa transação
(um fsync com ``synchronous=FULL``), a busca levava de 8 a 40 ms a mais, e sob carga o p95 passava da
meta de 20 ms da issue 16. Com ``Sessao.depois(funcao)`` o registro vai para esta fila e a busca
devolve a página já; a thread junta o que chegar em ``JUNTAR`` segundos e grava tudo numa transação
confirmada como qualquer outra (mesmo diário, mesma âncora). Juntar importa: cada transação no
arquivo sigiloso faz as outras conexões descartarem as páginas já decifradas (a busca seguinte lia
tudo de novo: 10-17 ms em vez de 3-4 ms); uma por segundo, no máximo, quase não pesa.

``Sessao.fechar`` (``aguardar``) grava já o que está na fila, antes de fechar a base: um registro
pedido nunca se perde ao fechar; num apagão, perde-se no máximo o último segundo de registros.
Uma falha vai ao registro (log) — quem pediu já seguiu adiante — e não derruba a thread.
"""
from __future__ import annotations

import logging
import queue
import threading
from contextlib import nullcontext
from typing import Callable, ContextManager

_log = logging.getLogger(__name__)

JUNTAR = 1.0
"""Segundos que a thread espera por mais pedidos antes de gravar (``aguardar`` não espera)."""


class Escritor:
    """A fila de gravações de uma sessão e a thread que a esvazia (criada no primeiro pedido).

    ``transacao()`` envolve cada lote (uma transação para todos os pedidos juntados); ``ao_encerrar``
    roda na thread quando ela termina (``encerrar``), p.ex. devolver a conexão paralela que ela usou. A
    thread fica com a sua conexão enquanto vive: as buscas continuam reaproveitando sempre a mesma
    conexão de trabalho, com o cache de páginas decifradas dela."""

    def __init__(self, nome: str, ao_encerrar: Callable[[], None],
                 transacao: Callable[[], ContextManager] = nullcontext):
        self._nome = nome
        self._ao_encerrar = ao_encerrar
        self._transacao = transacao
        self._fila: queue.Queue = queue.Queue()
        self._pressa = threading.Event()
        self._thread: threading.Thread | None = None
        self._trava = threading.Lock()
        self._encerrado = False

    def pedir(self, funcao: Callable[[], None]) -> None:
        with self._trava:
            if self._encerrado:  # a sessão está fechando: grava aqui mesmo, ainda com a base aberta
                sincrono = True
            else:
                sincrono = False
                self._fila.put(funcao)
            if not sincrono and (self._thread is None or not self._thread.is_alive()):
                self._thread = threading.Thread(target=self._trabalhar, name=self._nome, daemon=True)
                self._thread.start()
        if sincrono:
            funcao()

    def aguardar(self) -> None:
        """Grava já o que está na fila e espera terminar."""
        if self._thread is not None and threading.current_thread() is self._thread:
            return  # chamado de dentro de uma gravação: esperar a si mesmo não termina
        self._pressa.set()
        self._fila.join()

    def encerrar(self) -> None:
        """Grava o que está na fila e termina a thread (que solta a sua conexão)."""
        with self._trava:
            self._encerrado = True
            thread = self._thread
            if thread is None or not thread.is_alive() or threading.current_thread() is thread:
                return
            self._fila.put(None)
        self._pressa.set()
        thread.join()

    def _trabalhar(self) -> None:
        try:
            while True:
                lote = [self._fila.get()]
                if lote[0] is not None:
                    self._pressa.wait(JUNTAR)
                self._pressa.clear()
                while True:
                    try:
                        lote.append(self._fila.get_nowait())
                    except queue.Empty:
                        break
                try:
                    self._gravar([f for f in lote if f is not None])
                finally:
                    for _ in lote:
                        self._fila.task_done()
                if None in lote:
                    return
        finally:
            try:
                self._ao_encerrar()
            except Exception:  # noqa: BLE001
                _log.exception("Falha ao devolver a conexão da gravação em segundo plano")

    def _gravar(self, lote: list[Callable[[], None]]) -> None:
        if not lote:
            return
        try:
            with self._transacao():
                for funcao in lote:
                    funcao()
        except Exception:  # noqa: BLE001 — o lote voltou atrás: cada pedido de novo, sozinho
            for funcao in lote:
                try:
                    funcao()
                except Exception:  # noqa: BLE001 — quem pediu já seguiu; a falha vai ao registro
                    _log.exception("Falha numa gravação em segundo plano")
