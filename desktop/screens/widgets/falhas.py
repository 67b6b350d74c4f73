"""Erros inesperados: vão para o registro (sem conteúdo sigiloso) e viram um aviso em português.

``instalar_ganchos()`` troca ``sys.excepthook`` (erro num slot de botão, num evento), o
``threading.excepthook`` (erro numa thread) e o manipulador de mensagens do Qt. O aviso não fecha
o Paço: o que o usuário digitou continua na tela, e ele pode tentar de novo ou salvar.
"""
from __future__ import annotations

import logging
import sys
import threading

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services import registros

_NIVEIS_QT = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def texto_do_aviso(tipo: str) -> str:
    return (
        f"Aconteceu um erro inesperado no Paço ({tipo}). A última operação pode não ter sido "
        "concluída; o que já estava gravado continua seguro, e o que você digitou continua na tela.\n\n"
        "O que fazer: confira a tela e tente de novo. Se o erro se repetir, use "
        "Ajuda › Exportar registros para o suporte e envie o arquivo a quem dá suporte ao Paço "
        f"no órgão.\n\nO registro do erro está em:\n{registros.pasta_registros()}"
    )


class AvisoDeFalhas(QObject):
    """Mostra (na thread da interface) um aviso por vez; os erros seguintes só vão ao registro."""

    sig_falha = Signal(str)

    def __init__(self):
        super().__init__()
        self.aviso: QMessageBox | None = None
        self.sig_falha.connect(self._on_falha)  # de outra thread, chega em fila na da interface

    def _on_falha(self, tipo: str) -> None:
        if self.aviso is not None and self.aviso.isVisible():
            return
        pai = QApplication.activeWindow()
        self.aviso = QMessageBox(QMessageBox.Icon.Critical, "Paço — erro inesperado", texto_do_aviso(tipo),
                                 QMessageBox.StandardButton.Ok, pai)
        self.aviso.setObjectName("avisoErroInesperado")
        self.aviso.open()


_estado: dict = {}


def _excepthook(tipo, erro, tb) -> None:
    if issubclass(tipo, KeyboardInterrupt):
        sys.__excepthook__(tipo, erro, tb)
        return
    if erro is not None and erro.__traceback__ is None:
        erro = erro.with_traceback(tb)
    registros.registrar_excecao(erro, "a interface")
    aviso = _estado.get("aviso")
    if aviso is not None:
        aviso.sig_falha.emit(tipo.__name__)


def _threadhook(args) -> None:
    registros.excecao_em_thread(args)
    aviso = _estado.get("aviso")
    if aviso is not None and args.exc_type is not None and not issubclass(args.exc_type, SystemExit):
        aviso.sig_falha.emit(args.exc_type.__name__)


def _mensagem_qt(modo, _contexto, mensagem: str) -> None:
    logging.getLogger("paco.qt").log(_NIVEIS_QT.get(modo, logging.WARNING), "%s", mensagem)


def instalar_ganchos() -> AvisoDeFalhas:
    """Liga os ganchos (chamar com a QApplication já criada). Devolve o objeto que mostra o aviso."""
    if "aviso" not in _estado:
        _estado["aviso"] = AvisoDeFalhas()
        _estado["antes"] = (sys.excepthook, threading.excepthook)
    sys.excepthook = _excepthook
    threading.excepthook = _threadhook
    anterior = qInstallMessageHandler(_mensagem_qt)
    if anterior is not _mensagem_qt:
        _estado["qt_antes"] = anterior
    return _estado["aviso"]


def desinstalar_ganchos() -> None:
    """Volta os ganchos de antes (nos testes)."""
    antes = _estado.pop("antes", None)
    if antes is not None:
        sys.excepthook, threading.excepthook = antes
    qInstallMessageHandler(_estado.pop("qt_antes", None))
    aviso = _estado.pop("aviso", None)
    if aviso is not None and aviso.aviso is not None:
        aviso.aviso.close()
