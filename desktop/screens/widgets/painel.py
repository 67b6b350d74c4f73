"""Painel de módulo com abas declaradas: título, permissão, fábrica e atalho (issue 18, "uma forma por módulo").

O módulo declara as suas abas numa lista de ``Aba`` e o ``PainelAbas`` as monta: cada uma só aparece para
quem tem a permissão; Alt+1, Alt+2… (pela posição, ou o ``atalho`` declarado) trocam de aba pelo teclado
(Ctrl+Tab também); um papel sem nenhuma aba vê o aviso ``sem_acesso`` em vez de um painel vazio. A aba
montada fica no atributo ``chave`` do painel (None se o papel não a tem; chave vazia: só em ``por_titulo``,
para as abas registradas por outro módulo). Com ``recarregar_ao_voltar``, voltar a uma aba chama o
``recarregar()`` dela (se houver). Com ``montar_na_visita``, cada aba é montada na primeira visita (um
marcador leve ocupa o lugar dela até lá) ou quando ``por_titulo[titulo]`` é lido: montar todas ao abrir o
painel segurava a thread da interface (issue 16; o Conselho com 100.000 casos levava ~0,4 s).
"""
from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping
from typing import Callable, Iterable, Iterator

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.rules.papeis import Permissao
from desktop.screens.widgets.descarte import descartar


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


class _AbaAMontar(QWidget):
    """Marcador vazio no lugar de uma aba ainda não visitada (``montar_na_visita``)."""

    def __init__(self, aba: Aba, parent: QWidget):
        super().__init__(parent)
        self.aba = aba


class _PorTitulo(Mapping):
    """As abas visíveis pelo título; ler uma ainda não montada a monta (``montar_na_visita``)."""

    def __init__(self, painel: "PainelAbas"):
        self._painel = painel

    def __getitem__(self, titulo: str) -> QWidget:
        return self._painel.montar(titulo)

    def __contains__(self, titulo) -> bool:  # sem montar
        return titulo in self._painel._visiveis

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._painel._visiveis))

    def __len__(self) -> int:
        return len(self._painel._visiveis)


class PainelAbas(QWidget):
    """As abas ``abas`` que o papel da ``sessao`` pode ver, com atalhos e o aviso de papel sem acesso."""

    def __init__(self, sessao, abas: Iterable[Aba], parent: QWidget | None = None, *, sem_acesso: str,
                 recarregar_ao_voltar: bool = False, montar_na_visita: bool = False):
        super().__init__(parent)
        self._sessao = sessao
        self.abas = QTabWidget(self)
        self.abas.setDocumentMode(True)
        self._visiveis: dict[str, Aba] = {}
        self._montadas: dict[str, QWidget] = {}
        # as abas pelo título (montadas; com ``montar_na_visita``, ler uma a monta)
        self.por_titulo: Mapping[str, QWidget] = _PorTitulo(self) if montar_na_visita else self._montadas
        atalhos: list[str] = []
        for aba in abas:
            if montar_na_visita:
                assert not aba.chave, "montar_na_visita: as abas ficam só em por_titulo"
                if aba.visivel(sessao):
                    self._visiveis[aba.titulo] = aba
                    self.abas.addTab(_AbaAMontar(aba, self), aba.titulo)
                    atalhos.append(aba.atalho or f"Alt+{self.abas.count()}")
                continue
            widget = aba.fabrica(sessao, self) if aba.visivel(sessao) else None
            if aba.chave:
                setattr(self, aba.chave, widget)
            if widget is not None:
                self._visiveis[aba.titulo] = aba
                self._montadas[aba.titulo] = widget
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
        self._recarregar_ao_voltar = recarregar_ao_voltar
        if recarregar_ao_voltar or montar_na_visita:
            self.abas.currentChanged.connect(self._on_aba_mudou)
        if montar_na_visita and self.abas.count():
            self._on_aba_mudou(self.abas.currentIndex())  # a aba que aparece primeiro já nasce montada

    def montar(self, titulo: str) -> QWidget:
        """A aba ``titulo``, montando-a agora se ainda não foi (KeyError se o papel não a vê)."""
        if titulo in self._montadas:
            return self._montadas[titulo]
        aba = self._visiveis[titulo]
        indice = next(i for i in range(self.abas.count())
                      if isinstance(self.abas.widget(i), _AbaAMontar) and self.abas.widget(i).aba is aba)
        widget = aba.fabrica(self._sessao, self)
        self._montadas[titulo] = widget
        marcador, atual, dica = self.abas.widget(indice), self.abas.currentIndex(), self.abas.tabToolTip(indice)
        self.abas.blockSignals(True)  # trocar o marcador pela aba não é uma troca de aba
        try:
            self.abas.removeTab(indice)
            self.abas.insertTab(indice, widget, titulo)
            self.abas.setTabToolTip(indice, dica)
            self.abas.setCurrentIndex(atual)
        finally:
            self.abas.blockSignals(False)
        descartar(marcador)
        return widget

    def _on_aba_mudou(self, indice: int) -> None:
        aba = self.abas.widget(indice)
        if isinstance(aba, _AbaAMontar):  # primeira visita: montar (a aba carrega os dados ao nascer)
            self.montar(aba.aba.titulo)
            return
        if self._recarregar_ao_voltar and aba is not None and hasattr(aba, "recarregar"):
            aba.recarregar()
