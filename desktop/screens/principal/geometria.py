"""Tamanho e posição da janela principal: maximizada no primeiro uso, depois como o usuário a deixou.

Guardados com QSettings num arquivo INI ao lado da configuração local (``PACO_CONFIG``), não na base:
cada computador tem a sua tela.
"""
from __future__ import annotations

import os

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
    if isinstance(guardada, str):  # gravada por ``guardar``: hexadecimal
        guardada = QByteArray.fromHex(guardada.encode("ascii", "replace"))
    if isinstance(guardada, (QByteArray, bytes)) and guardada and janela.restoreGeometry(guardada):
        return True
    janela.setWindowState(janela.windowState() | Qt.WindowState.WindowMaximized)
    return False


def guardar(janela: QWidget) -> None:
    """Guarda a geometria atual (inclusive se está maximizada) para a próxima abertura.

    O arquivo INI (o mesmo que ``restaurar`` lê com QSettings) é escrito pelo Python, sem ``fsync``:
    ``QSettings.sync`` faz um fsync segurando o GIL (o PySide não o solta), e com o disco ocupado a
    janela ficou parada 390 ms ao fechar (benchmarks/travamentos.py --culpados, issue 16). Perder a
    geometria numa queda de energia só faz a janela abrir maximizada."""
    secao, chave = CHAVE.split("/")
    arquivo = local.arquivo_config().parent / "janela.ini"
    temporario = arquivo.with_name(arquivo.name + ".novo")
    try:
        arquivo.parent.mkdir(parents=True, exist_ok=True)
        temporario.write_text(f"[{secao}]\n{chave}={bytes(janela.saveGeometry()).hex()}\n", encoding="ascii")
        os.replace(temporario, arquivo)
    except OSError:
        pass  # sem a geometria, a próxima abertura é maximizada
