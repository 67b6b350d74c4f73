"""Trabalho demorado fora da thread da interface, com diálogo de progresso e botão Cancelar.

Uso: ``executar(parent, "Fazendo cópia…", funcao, *args)``. ``funcao`` recebe um objeto
``Progresso`` como primeiro argumento: chama ``progresso.informar(feito, total, texto)`` e
consulta ``progresso.cancelado`` para parar. A janela nunca congela.

O andamento chega à interface no máximo uma vez a cada ``INTERVALO_ANDAMENTO`` segundos (mais o
primeiro e o último aviso): um sinal por item de um lote de milhares enche a fila de eventos da
thread da interface e a trava por segundos (NOTAS-TECNICAS, issue 16). O cancelamento é conferido
em todo ``informar``, emitido ou não.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
import time
import warnings
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.screens.widgets.coleta import durante_trabalho, religar, vigiar
from desktop.screens.widgets.descarte import descartar
from desktop.services.instalacao import ERROS_PREVISTOS
from desktop.services.sessao import liberar_thread


def prioridade_baixa() -> None:
    """Na thread de um trabalho longo que ninguém está esperando (a cópia de segurança diária ao abrir): ela
    cede a CPU à thread da interface quando as duas disputam um núcleo. Com 2 núcleos, a cópia diária (cifra
    página a página, sem o GIL) e a leitura da aba Servidores ocupavam os dois e a interface esperava na fila
    da CPU — 48 de 82 ms no maior intervalo ao abrir a janela (benchmarks/travamentos.py --culpados, issue 16).
    No Windows e no macOS vale a prioridade do QThread; no Linux ela é ignorada e vale o ``nice`` da thread."""
    QThread.currentThread().setPriority(QThread.Priority.LowPriority)
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)  # só esta thread (o id é da thread)
        except OSError:
            pass


class Cancelado(Exception):
    """A tarefa foi cancelada pelo usuário."""


INTERVALO_ANDAMENTO = 0.05
"""Segundos mínimos entre dois avisos de andamento enviados à thread da interface."""


class Progresso(QObject):
    sig_andamento = Signal(int, int, str)

    def __init__(self):
        super().__init__()
        self._cancelar = threading.Event()
        self._ultimo_aviso = float("-inf")

    @property
    def cancelado(self) -> bool:
        return self._cancelar.is_set()

    def cancelar(self) -> None:
        self._cancelar.set()

    def informar(self, feito: int, total: int, texto: str = "") -> None:
        if self.cancelado:
            raise Cancelado()
        agora = time.monotonic()
        if feito < total and agora - self._ultimo_aviso < INTERVALO_ANDAMENTO:
            return  # o próximo aviso leva o número atualizado
        self._ultimo_aviso = agora
        self.sig_andamento.emit(feito, total, texto)


class _Trabalhador(QThread):
    """Roda a função; guarda o resultado ou o erro nos próprios atributos. Nenhum objeto Python
    atravessa threads por sinal: a thread da interface os lê depois de ``finished``."""

    def __init__(self, funcao: Callable, progresso: Progresso, args, kwargs):
        super().__init__()
        self._funcao, self._progresso, self._args, self._kwargs = funcao, progresso, args, kwargs
        self.resultado: Any = None
        self.erro: BaseException | None = None

    def run(self) -> None:
        try:
            with durante_trabalho():  # uma coleta completa do coletor de lixo travaria a interface
                self.resultado = self._funcao(self._progresso, *self._args, **self._kwargs)
        except BaseException as e:  # a exceção volta para a thread da interface
            if not isinstance(e, (Cancelado, *ERROS_PREVISTOS)):
                logging.getLogger("paco.tarefa").error(
                    "Tarefa em segundo plano falhou", exc_info=(type(e), e, e.__traceback__))
            self.erro = e
        finally:
            liberar_thread()  # devolve a conexão paralela que a tarefa usou (desktop.services.sessao)


class _Guardiao(QObject):
    """Mantém vivas (referência Python) as threads em execução até o ``finished`` de cada uma chegar
    à thread da interface; só então a thread pode ser destruída, sempre na thread da interface."""

    def __init__(self):
        super().__init__()
        self._vivas: set[_Trabalhador] = set()

    def segurar(self, trabalhador: _Trabalhador) -> None:
        self._vivas.add(trabalhador)
        trabalhador.finished.connect(self._on_terminou, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _on_terminou(self) -> None:
        trabalhador = self.sender()
        if trabalhador in self._vivas:
            trabalhador.wait()
            self._vivas.discard(trabalhador)

    def em_execucao(self) -> int:
        return len(self._vivas)


_GUARDIAO: _Guardiao | None = None


def _guardiao() -> _Guardiao:
    global _GUARDIAO
    if _GUARDIAO is None:
        _GUARDIAO = _Guardiao()
    return _GUARDIAO


class Tarefa(QObject):
    """Uma execução; emite ``sig_concluida(resultado)`` ou ``sig_falhou(erro)`` na thread da GUI."""

    sig_concluida = Signal(object)
    sig_falhou = Signal(object)
    sig_cancelada = Signal()

    def __init__(self, parent: QWidget | None, titulo: str, funcao: Callable, *args: Any, **kwargs: Any):
        super().__init__(parent)
        self.progresso = Progresso()
        self.dialogo = QProgressDialog(titulo, "Cancelar", 0, 0, parent)
        self.dialogo.setWindowTitle("Paço")
        self.dialogo.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialogo.setMinimumDuration(300)
        self.dialogo.canceled.connect(self._on_cancelar)
        self.progresso.sig_andamento.connect(self._on_andamento)
        # A tarefa termina quando o ``finished`` da thread chega à thread da interface; o guardião
        # segura a thread até lá, mesmo que a tela (e a tarefa) seja fechada antes: nunca um QThread
        # apagado em execução ou com eventos ainda a caminho (a queda intermitente da busca do
        # Conselho em segundo plano).
        self._trabalhador = _Trabalhador(funcao, self.progresso, args, kwargs)
        self._trabalhador.finished.connect(self._on_terminado, Qt.ConnectionType.QueuedConnection)
        _guardiao().segurar(self._trabalhador)
        self.resultado: Any = None
        self.erro: BaseException | None = None

    def iniciar(self) -> "Tarefa":
        vigiar()  # o lixo do trabalho é coletado aos poucos, nesta thread (widgets.coleta)
        self._trabalhador.start()
        return self

    @Slot(int, int, str)
    def _on_andamento(self, feito: int, total: int, texto: str) -> None:
        self.dialogo.setMaximum(total)
        self.dialogo.setValue(feito)
        if texto:
            self.dialogo.setLabelText(texto)

    @Slot()
    def _on_cancelar(self) -> None:
        self.progresso.cancelar()

    @Slot()
    def _on_terminado(self) -> None:
        # Desliga o que liga objetos de posse do Python (progresso, thread) a esta tarefa antes que
        # ela possa ser apagada (deleteLater de quem a criou): se um deles fosse liberado dentro do
        # destrutor da tarefa, o ~QObject percorreria uma conexão já desfeita e derrubaria o processo.
        self.progresso.sig_andamento.disconnect(self._on_andamento)
        self._trabalhador.finished.disconnect(self._on_terminado)
        self._trabalhador.wait()
        religar()  # a coleta automática volta aqui, na thread da interface (widgets.coleta)
        self.dialogo.reset()
        self.dialogo.hide()
        erro = self._trabalhador.erro
        try:
            if erro is None:
                self.resultado = self._trabalhador.resultado
                self.sig_concluida.emit(self.resultado)
            else:
                self.erro = erro
                if isinstance(erro, Cancelado):
                    self.sig_cancelada.emit()
                else:
                    self.sig_falhou.emit(erro)
        finally:
            self._descartar()

    def _descartar(self) -> None:
        """A tarefa acabou: desliga as suas conexões e se descarta (e ao seu diálogo) com segurança
        — quem a criou não a apaga (ver ``widgets.descarte``); ela vive enquanto alguém a referir."""
        with warnings.catch_warnings():  # desligar um sinal sem conexões só gera aviso
            warnings.simplefilter("ignore", RuntimeWarning)
            for sinal in (self.sig_concluida, self.sig_falhou, self.sig_cancelada):
                sinal.disconnect()
            self.dialogo.canceled.disconnect(self._on_cancelar)
        descartar(self.dialogo)
        descartar(self)


def executar(parent: QWidget | None, titulo: str, funcao: Callable, *args: Any, **kwargs: Any) -> Tarefa:
    return Tarefa(parent, titulo, funcao, *args, **kwargs).iniciar()
