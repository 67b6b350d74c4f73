"""Gravações que não precisam segurar quem as pediu: uma thread por sessão, na ordem dos pedidos.

Uma busca nos casos do Conselho registra a leitura no diário sigiloso; esperando essa transação
(um fsync com ``synchronous=FULL``), a busca levava de 8 a 40 ms a mais, e sob carga o p95 passava da
meta de 20 ms da issue 16. Com ``Sessao.depois(funcao)`` o registro vai para esta fila e a busca
devolve a página já; a thread junta o que chegar em ``JUNTAR`` segundos e grava tudo numa transação
confirmada como qualquer outra (mesmo diário, mesma âncora). Juntar importa: cada transação no
arquivo sigiloso faz as outras conexões descartarem as páginas já decifradas (a busca seguinte lia
tudo de novo: 10-17 ms em vez de 3-4 ms); uma por segundo, no máximo, quase não pesa.

E o lote é gravado pela conexão da própria busca: a thread não fica com uma conexão sua — pega, a cada lote,
a conexão paralela livre que a sessão daria à próxima leitura (a devolvida por último, a da busca) e a devolve
no fim do lote (``devolver``). A conexão que grava não perde o seu cache (só as outras): a busca seguinte acha as
páginas decifradas lá. Com uma conexão só da thread de gravações, cada lote custava ~4-6 ms à busca seguinte.

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

    ``transacao()`` envolve cada lote (uma transação para todos os pedidos juntados); ``devolver`` roda na
    thread ao fim de cada lote (e quando ela termina), p.ex. devolver a conexão paralela que o lote usou: a
    thread não fica com conexão entre um lote e outro, e as buscas continuam reaproveitando sempre a mesma
    conexão de trabalho — a que gravou o lote —, com o cache de páginas decifradas dela."""

    def __init__(self, nome: str, devolver: Callable[[], None],
                 transacao: Callable[[], ContextManager] = nullcontext):
        self._nome = nome
        self._devolver = devolver
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
                    self._devolver_conexao()  # antes de avisar quem espera: ``fechar`` a encontra devolvida
                    for _ in lote:
                        self._fila.task_done()
                if None in lote:
                    return
        finally:
            self._devolver_conexao()

    def _devolver_conexao(self) -> None:
        try:
            self._devolver()
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
