"""Descartar objetos Qt criados pelo Python sem derrubar o processo.

Um QObject criado no Python, com pai, apagado por ``deleteLater`` quando a única referência Python
que resta é a que o pai guarda: no destrutor, ao sair da lista de filhos do pai, o PySide (6.8 a
6.11) solta essa referência no meio da destruição e o objeto é liberado duas vezes — a queda
intermitente (SIGSEGV em ``QObject::~QObject``) vista na busca do Conselho em segundo plano.

``descartar(obj)`` segura uma referência, tira o objeto do pai e só solta a referência numa volta
seguinte do laço de eventos: o objeto, já sem pai, é destruído ali, fora de qualquer evento dele.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

_segurados: list[QObject] = []


def _soltar(obj: QObject) -> None:
    try:
        _segurados.remove(obj)
    except ValueError:
        pass


def descartar(obj: QObject) -> None:
    """Apaga ``obj`` com segurança (em vez de ``obj.deleteLater()``)."""
    _segurados.append(obj)
    try:
        obj.setParent(None)
    except RuntimeError:  # o C++ já foi apagado (p. ex. junto com o pai): nada a fazer
        pass
    QTimer.singleShot(0, lambda: _soltar(obj))


def segurados() -> int:
    """Quantos objetos aguardam a próxima volta do laço (para os testes)."""
    return len(_segurados)
