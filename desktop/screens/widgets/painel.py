"""Painel de módulo com abas declaradas: título, permissão, fábrica e atalho (issue 18, "uma forma por módulo").

O módulo declara as suas abas numa lista de ``Aba`` e o ``PainelAbas`` as monta: cada uma só aparece para
quem tem a permissão; Alt+1, Alt+2… (pela posição, ou o ``atalho`` declarado) trocam de aba pelo teclado
(Ctrl+Tab também); um papel sem nenhuma aba vê o aviso ``sem_acesso`` em vez de um painel vazio. A aba
montada fica no atributo ``chave`` do painel (None se o papel não a tem; chave vazia: só em ``por_titulo``,
para as abas registradas por outro módulo). Com ``recarregar_ao_voltar``, voltar a uma aba chama o
``recarregar()`` dela (se houver).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.rules.papeis import Permissao


@dataclass(frozen=True)
class Aba:
    chave: str  # atributo do painel que guarda a aba ("" : nenhum, a aba fica só em ``por_titulo``)
    titulo: str
    fabrica: Callable  # fabrica(sessao, parent) -> QWidget
    permissao: Permissao | Callable | None = None  # a permissão, ou pode(sessao) -> bool; None: todos
    atalho: str | None = None  # None: Alt+<posição>

    def visivel(self, sessao) -> bool:
        if self.permissao is None:
            return True
        if isinstance(self.permissao, Permissao):
            return sessao.pode(self.permissao)
        return bool(self.permissao(sessao))


class PainelAbas(QWidget):
    """As abas ``abas`` que o papel da ``sessao`` pode ver, com atalhos e o aviso de papel sem acesso."""

    def __init__(self, sessao, abas: Iterable[Aba], parent: QWidget | None = None, *, sem_acesso: str,
                 recarregar_ao_voltar: bool = False):
        super().__init__(parent)
        self._sessao = sessao
        self.abas = QTabWidget(self)
        self.abas.setDocumentMode(True)
        self.por_titulo: dict[str, QWidget] = {}  # as abas montadas, pelo título
        atalhos: list[str] = []
        for aba in abas:
            widget = aba.fabrica(sessao, self) if aba.visivel(sessao) else None
            if aba.chave:
                setattr(self, aba.chave, widget)
            if widget is not None:
                self.por_titulo[aba.titulo] = widget
                self.abas.addTab(widget, aba.titulo)
                atalhos.append(aba.atalho or f"Alt+{self.abas.count()}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        if self.abas.count():
            lay.addWidget(self.abas)
        else:
            aviso = QLabel(sem_acesso, self)
            aviso.setWordWrap(True)
            lay.addWidget(aviso)
            self.abas.hide()
        for i, tecla in enumerate(atalhos):
            atalho = QShortcut(QKeySequence(tecla), self)
            atalho.activated.connect(lambda i=i: self.abas.setCurrentIndex(i))
            self.abas.setTabToolTip(i, tecla)
        if recarregar_ao_voltar:
            self.abas.currentChanged.connect(self._on_aba_mudou)

    def _on_aba_mudou(self, indice: int) -> None:
        aba = self.abas.widget(indice)
        if aba is not None and hasattr(aba, "recarregar"):
            aba.recarregar()
