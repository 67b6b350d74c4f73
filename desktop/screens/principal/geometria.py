"""Tamanho e posição da janela principal: maximizada no primeiro uso, depois como o usuário a deixou.

Guardados com QSettings num arquivo INI ao lado da configuração local (``PACO_CONFIG``), não na base:
cada computador tem a sua tela.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QWidget

from desktop.services import local

CHAVE = "janela_principal/geometria"


def _configuracoes() -> QSettings:
    return QSettings(str(local.arquivo_config().parent / "janela.ini"), QSettings.Format.IniFormat)


def restaurar(janela: QWidget) -> bool:
    """Aplica a geometria guardada; sem ela (primeiro uso) ou se ela não serve mais, maximiza.
    Devolve True se havia uma geometria guardada."""
    guardada = _configuracoes().value(CHAVE)
    if isinstance(guardada, (QByteArray, bytes)) and janela.restoreGeometry(guardada):
        return True
    janela.setWindowState(janela.windowState() | Qt.WindowState.WindowMaximized)
    return False


def guardar(janela: QWidget) -> None:
    """Guarda a geometria atual (inclusive se está maximizada) para a próxima abertura."""
    config = _configuracoes()
    config.setValue(CHAVE, janela.saveGeometry())
    config.sync()
