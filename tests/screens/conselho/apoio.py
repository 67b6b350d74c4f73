"""Apoio dos testes de tela do Conselho: vigiar que um formulário NÃO abre."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def vigiar_modais(tipo: type = QWidget) -> tuple[list[QWidget], Callable[[], None]]:
    """Enquanto vigiado, todo diálogo modal ``tipo`` que abrir é anotado e recusado (o teste não fica preso no
    ``exec``); ``parar()`` encerra a vigia — ao contrário de ``quando_modal``, que espera o próximo para sempre e,
    sem nenhum, pegaria o de um teste seguinte."""
    abertos: list[QWidget] = []
    ativa = [True]

    def olhar() -> None:
        if not ativa[0]:
            return
        janela = QApplication.activeModalWidget()
        if isinstance(janela, tipo) and janela.isVisible():
            abertos.append(janela)
            janela.reject()
        QTimer.singleShot(10, olhar)

    QTimer.singleShot(0, olhar)
    return abertos, lambda: ativa.__setitem__(0, False)
