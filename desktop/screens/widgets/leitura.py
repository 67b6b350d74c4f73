"""Leitura em segundo plano para as telas: o serviço roda noutra thread e o resultado volta à
interface num callback (no espírito do QueryOp do Anki), sem diálogo e sem travar a janela.

Uso: ``ler(dono, lambda: servico(sessao), ao_concluir)``. O callback roda na thread da interface
e só se o ``dono`` (um widget) ainda existir: um resultado que chega depois de a aba fechar é
descartado, e também a leitura que a sessão encerrada (sair, trocar de usuário) interrompeu — não há
mais a quem mostrar. Uma exceção do serviço vai para ``ao_falhar`` (se não houver, sobe na thread da
interface, como subiria numa chamada direta).

As leituras rodam em threads de trabalho que ficam (``_Trabalhadora``), não numa thread nova a cada
leitura: criar e iniciar um QThread levava ~1 ou ~4 ms no caminho do Enter à lista da busca do Conselho
(issue 16, meta 3). Uma leitura pega uma thread ociosa — a que terminou por último, com a conexão paralela
da sessão ainda quente (``Sessao.base``) — ou, se todas estão ocupadas, uma nova: uma leitura longa (o
relatório) nunca faz outra esperar na fila. Ao fim de cada leitura a thread devolve a conexão
(``liberar_thread``) e volta a esperar; passadas ``MAX_OCIOSAS`` threads ociosas, a que termina sai. São
threads daemon e, ociosas, não seguram conexão alguma: não prendem a base nem o fim do processo.
"""
from __future__ import annotations

import itertools
import queue
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from desktop.screens.widgets.coleta import durante_trabalho, religar, vigiar
from desktop.screens.widgets.descarte import descartar
from desktop.services.sessao import SessaoEncerrada, liberar_thread

MAX_OCIOSAS = 4
"""Threads de trabalho que ficam esperando a próxima leitura; além delas, a que termina sai."""

_em_andamento: dict[int, "_Leitura"] = {}  # a referência mantém a leitura viva até o fim chegar à interface
_trava = threading.Lock()
_ociosas: list["_Trabalhadora"] = []  # pilha: a última a terminar atende a próxima leitura
_numeros = itertools.count(1)


class _Leitura(QObject):
    """Uma leitura pedida: a função e os sinais que levam o resultado ao receptor (na thread da interface).
    Criada na thread da interface e solta lá (no ``_Guardiao``), nunca na thread de trabalho."""

    sig_pronto = Signal(object)
    sig_falhou = Signal(object)

    def __init__(self, funcao: Callable[[], Any]):
        super().__init__()
        self.funcao = funcao  # solta com a leitura, na thread da interface (o que ela segura morre lá)
        self.numero = next(_numeros)


class _Trabalhadora:
    """Uma thread de trabalho: espera leituras na sua fila e roda uma por vez."""

    def __init__(self):
        self.fila: queue.SimpleQueue = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._trabalhar, name="paco-leitura", daemon=True)
        self.thread.start()

    def _trabalhar(self) -> None:
        while True:
            leitura = self.fila.get()
            if leitura is None:
                return
            numero = leitura.numero
            pronto = falhou = None
            try:
                with durante_trabalho():  # uma coleta completa do coletor de lixo travaria a interface
                    resultado = leitura.funcao()
            except BaseException as e:  # a exceção volta para a thread da interface
                falhou = e
            else:
                pronto = (resultado,)
            finally:
                # a conexão paralela volta à sessão antes de a resposta chegar à interface: uma leitura que o
                # callback peça em seguida a encontra livre, com o cache de páginas dela
                liberar_thread()
            with _trava:
                sair = len(_ociosas) >= MAX_OCIOSAS
                if not sair:
                    _ociosas.append(self)  # pronta para a próxima antes de a resposta chegar à interface
            if pronto is not None:
                leitura.sig_pronto.emit(pronto[0])
            else:
                leitura.sig_falhou.emit(falhou)
            pronto = falhou = resultado = leitura = None  # a leitura é solta na thread da interface
            _guardiao.sig_terminou.emit(numero)
            if sair:
                return


class _Receptor(QObject):
    """Filho do dono: se o dono é destruído, a conexão com a leitura cai junto."""

    def __init__(self, dono: QObject, ao_concluir: Callable[[Any], None],
                 ao_falhar: Callable[[BaseException], None] | None):
        super().__init__(dono)
        self._ao_concluir, self._ao_falhar = ao_concluir, ao_falhar

    @Slot(object)
    def _on_pronto(self, resultado: Any) -> None:
        descartar(self)
        self._ao_concluir(resultado)

    @Slot(object)
    def _on_falhou(self, erro: BaseException) -> None:
        descartar(self)
        if isinstance(erro, SessaoEncerrada):
            return  # a tela pediu antes de a sessão fechar; a resposta não tem mais destino
        if self._ao_falhar is None:
            raise erro
        self._ao_falhar(erro)


class _Guardiao(QObject):
    """Na thread da interface: solta cada leitura quando o fim dela chega (depois do resultado, na ordem dos
    sinais) e religa a coleta automática (um slot de QObject, não um lambda: conexões de threads com funções
    soltas derrubam o PySide ≥ 6.8)."""

    sig_terminou = Signal(int)

    def __init__(self):
        super().__init__()
        self.sig_terminou.connect(self._on_terminou, Qt.ConnectionType.QueuedConnection)

    @Slot(int)
    def _on_terminou(self, numero: int) -> None:
        with _trava:
            leitura = _em_andamento.pop(numero, None)
        del leitura  # a última referência: o QObject é destruído aqui, na thread em que foi criado
        religar()  # a coleta automática volta aqui, na thread da interface (widgets.coleta)


_guardiao: _Guardiao | None = None


def ler(dono: QObject, funcao: Callable[[], Any], ao_concluir: Callable[[Any], None],
        ao_falhar: Callable[[BaseException], None] | None = None) -> QObject:
    """Roda ``funcao()`` numa thread de trabalho; ``ao_concluir(resultado)`` na thread da interface."""
    global _guardiao
    if _guardiao is None:
        _guardiao = _Guardiao()
    leitura = _Leitura(funcao)
    receptor = _Receptor(dono, ao_concluir, ao_falhar)
    leitura.sig_pronto.connect(receptor._on_pronto)
    leitura.sig_falhou.connect(receptor._on_falhou)
    with _trava:
        _em_andamento[leitura.numero] = leitura
        trabalhadora = _ociosas.pop() if _ociosas else None
    vigiar()  # o lixo da leitura é coletado aos poucos, nesta thread (widgets.coleta)
    if trabalhadora is None:
        trabalhadora = _Trabalhadora()  # todas ocupadas (ou nenhuma ainda): uma nova, nada espera na fila
    trabalhadora.fila.put(leitura)
    return leitura


def em_andamento() -> int:
    """Quantas leituras ainda rodam (para os testes e o benchmark esperarem)."""
    with _trava:
        return len(_em_andamento)


def threads_ociosas() -> int:
    """Quantas threads de trabalho esperam a próxima leitura (para os testes)."""
    with _trava:
        return len(_ociosas)
