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
import threading
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.screens.widgets.coleta import durante_trabalho
from desktop.services.instalacao import ERROS_PREVISTOS
from desktop.services.sessao import liberar_thread


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
    sig_concluido = Signal(object)
    sig_falhou = Signal(object, str)

    def __init__(self, funcao: Callable, progresso: Progresso, args, kwargs):
        super().__init__()
        self._funcao, self._progresso, self._args, self._kwargs = funcao, progresso, args, kwargs

    def run(self) -> None:
        try:
            with durante_trabalho():  # uma coleta completa do coletor de lixo travaria a interface
                resultado = self._funcao(self._progresso, *self._args, **self._kwargs)
            self.sig_concluido.emit(resultado)
        except BaseException as e:  # a exceção volta para a thread da interface
            if not isinstance(e, (Cancelado, *ERROS_PREVISTOS)):
                logging.getLogger("paco.tarefa").error(
                    "Tarefa em segundo plano falhou", exc_info=(type(e), e, e.__traceback__))
            self.sig_falhou.emit(e, traceback.format_exc())
        finally:
            liberar_thread()  # fecha a conexão paralela que a tarefa abriu (desktop.services.sessao)


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
        self._trabalhador = _Trabalhador(funcao, self.progresso, args, kwargs)
        self._trabalhador.sig_concluido.connect(self._on_concluido)
        self._trabalhador.sig_falhou.connect(self._on_falhou)
        self.resultado: Any = None
        self.erro: BaseException | None = None

    def iniciar(self) -> "Tarefa":
        self._trabalhador.start()
        return self

    def _on_andamento(self, feito: int, total: int, texto: str) -> None:
        self.dialogo.setMaximum(total)
        self.dialogo.setValue(feito)
        if texto:
            self.dialogo.setLabelText(texto)

    def _on_cancelar(self) -> None:
        self.progresso.cancelar()

    def _encerrar(self) -> None:
        self._trabalhador.wait()
        self.dialogo.reset()
        self.dialogo.hide()

    def _on_concluido(self, resultado: Any) -> None:
        self._encerrar()
        self.resultado = resultado
        self.sig_concluida.emit(resultado)

    def _on_falhou(self, erro: BaseException, _tb: str) -> None:
        self._encerrar()
        self.erro = erro
        if isinstance(erro, Cancelado):
            self.sig_cancelada.emit()
        else:
            self.sig_falhou.emit(erro)


def executar(parent: QWidget | None, titulo: str, funcao: Callable, *args: Any, **kwargs: Any) -> Tarefa:
    return Tarefa(parent, titulo, funcao, *args, **kwargs).iniciar()
