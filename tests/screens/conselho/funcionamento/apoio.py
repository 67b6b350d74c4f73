"""Apoio aos testes das abas do Conselho: responder aos diálogos de ação (DialogoAcao) como o usuário."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDateTimeEdit, QFileDialog, QLineEdit, QListWidget,
                               QPlainTextEdit, QSpinBox)

from desktop.rules import formato
from desktop.screens.conselho.funcionamento.comum import DialogoAcao
from desktop.screens.widgets.campos import CampoValidado
from tests.screens.apoio_janelas import digitar, quando_modal


def definir(qtbot, w, valor) -> None:
    """Põe ``valor`` no widget como o usuário faria (digitando o texto; escolhendo na lista)."""
    if isinstance(w, CampoValidado):
        if isinstance(valor, date):  # o campo de data único: digita dd/mm/aaaa
            valor = formato.data(valor)
        w.edit.clear()
        digitar(qtbot, w.edit, valor)
    elif isinstance(w, (QLineEdit, QPlainTextEdit)):
        w.clear()
        digitar(qtbot, w, valor)
    elif isinstance(w, QComboBox):
        i = next((i for i in range(w.count()) if w.itemData(i) == valor or w.itemText(i) == valor), -1)
        assert i >= 0, (valor, [w.itemText(j) for j in range(w.count())])
        w.setCurrentIndex(i)
    elif isinstance(w, QListWidget):
        for i in range(w.count()):
            it = w.item(i)
            it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in valor
                             else Qt.CheckState.Unchecked)
    elif isinstance(w, QDateTimeEdit) and not isinstance(w, QDateEdit):
        w.setDateTime(valor)
    elif isinstance(w, QDateEdit):
        w.setDate(valor)
    elif isinstance(w, QSpinBox):
        w.setValue(valor)
    else:
        raise TypeError(type(w))


class Resposta:
    """O que aconteceu no diálogo: as opções que ele ofereceu e o erro, se o serviço recusou."""

    def __init__(self):
        self.erro: str | None = None
        self.opcoes: dict[str, list[str]] = {}
        self.titulo = ""


def responder(qtbot, valores: dict, confirmar: bool = True) -> Resposta:
    """Quando o próximo DialogoAcao abrir, preenche ``valores`` e confirma. Se o serviço recusar, guarda a
    mensagem e fecha o diálogo (o teste nunca fica preso num modal)."""
    r = Resposta()

    def _acao(d: DialogoAcao) -> None:
        r.titulo = d.windowTitle()
        r.opcoes = {k: [w.itemText(i) for i in range(w.count())] for k, w in d.widgets.items()
                    if isinstance(w, QComboBox)}
        for k, v in valores.items():
            definir(qtbot, d.widgets[k], v)
        if confirmar:
            d.botao_ok.click()
            # DialogoGravacao: o serviço roda fora da thread da interface; espera a resposta dele
            qtbot.waitUntil(lambda: getattr(d, "tarefa", None) is None, timeout=20000)
        if d.isVisible():
            r.erro = d.rotulo_erro.text() if d.rotulo_erro.isVisible() else "(diálogo não confirmado)"
            d.reject()

    quando_modal(_acao, tipo=DialogoAcao)
    return r


def salvar_em(monkeypatch, pasta: Path) -> list[Path]:
    """O "Salvar como" responde com o nome sugerido dentro de ``pasta``; devolve a lista dos salvos."""
    salvos: list[Path] = []

    def _salvar(_parent, _titulo, sugerido, _filtro=""):
        destino = pasta / Path(sugerido).name
        salvos.append(destino)
        return str(destino), _filtro

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(_salvar))
    # o aviso antes de salvar um documento sigiloso em arquivo: aqui, o usuário aceita
    from desktop.screens.widgets import emissao
    monkeypatch.setattr(emissao, "confirmar_arquivo_sigiloso", lambda _parent: True)
    return salvos


def br(d: date | datetime) -> str:
    return d.strftime("%d/%m/%Y")
