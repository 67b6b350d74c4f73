"""Painel de módulo com abas declaradas: título, permissão, fábrica e atalho (issue 18, "uma forma por módulo").

O módulo declara as suas abas numa lista de ``Aba`` e o ``PainelAbas`` as monta: cada uma só aparece para
quem tem a permissão; Alt+1, Alt+2… (pela posição, ou o ``atalho`` declarado) trocam de aba pelo teclado
(Ctrl+Tab também); um papel sem nenhuma aba vê o aviso ``sem_acesso`` em vez de um painel vazio. A aba
montada fica no atributo ``chave`` do painel (None se o papel não a tem; chave vazia: só em ``por_titulo``,
para as abas registradas por outro módulo).

- ``recarregar_ao_voltar``: voltar a uma aba já montada chama o ``recarregar()`` dela (se houver); a ``Aba``
  pode dizer o contrário com ``recarregar=True/False``.
- ``montar_na_visita``: cada aba é montada na primeira visita (um marcador leve ocupa o lugar dela até lá)
  ou quando é lida — ``painel.<chave>``, ``painel.aba(chave)`` ou ``por_titulo[titulo]``; ``painel.montada(chave)``
  diz se já foi. Montar todas ao abrir o painel segurava a thread da interface (issue 16: o Conselho com
  100.000 casos levava ~0,4 s; o Magistério, as oito abas).
- Sair de uma aba que tem ``pode_sair(depois)`` (alterações não gravadas, como a grade do mês) pergunta antes;
  se ela disser False, a aba continua a atual (``depois()`` troca de aba quando a gravação pedida terminar).
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
    fabrica: Callable  # fabrica(sessao, painel) -> QWidget
    permissao: Permissao | Callable | None = None  # a permissão, ou pode(sessao) -> bool; None: todos
    atalho: str | None = None  # None: Alt+<posição>
    recarregar: bool | None = None  # voltar à aba chama recarregar()? None: o ``recarregar_ao_voltar`` do painel

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
        self._recarregar_ao_voltar = recarregar_ao_voltar
        self._visiveis: dict[str, Aba] = {}  # pelo título
        self._chaves: dict[str, str] = {}  # chave -> título, das visíveis ainda não montadas
        self._montadas: dict[str, QWidget] = {}  # pelo título
        self._recarregam: list[QWidget] = []
        # as abas pelo título (montadas; com ``montar_na_visita``, ler uma a monta)
        self.por_titulo: Mapping[str, QWidget] = _PorTitulo(self) if montar_na_visita else self._montadas
        atalhos: list[str] = []
        for aba in abas:
            if not aba.visivel(sessao):
                if aba.chave:
                    setattr(self, aba.chave, None)
                continue
            self._visiveis[aba.titulo] = aba
            if montar_na_visita:
                if aba.chave:
                    self._chaves[aba.chave] = aba.titulo
                self.abas.addTab(_AbaAMontar(aba, self), aba.titulo)
            else:
                self.abas.addTab(self._nova(aba), aba.titulo)
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
        primeira = self.abas.currentWidget()
        if isinstance(primeira, _AbaAMontar):  # a aba que aparece primeiro já nasce montada
            self.montar(primeira.aba.titulo)
        self._atual = self.abas.currentWidget()
        self.abas.currentChanged.connect(self._on_aba_mudou)

    def __getattr__(self, nome: str):
        """``painel.<chave>`` de uma aba ainda não montada (``montar_na_visita``): monta-a agora."""
        pendentes = self.__dict__.get("_chaves")
        if pendentes and nome in pendentes:
            return self.montar(pendentes[nome])
        raise AttributeError(f"{type(self).__name__!r} não tem o atributo {nome!r}")

    def montada(self, chave: str) -> bool:
        return chave not in self._chaves and self.__dict__.get(chave) is not None

    def aba(self, chave: str) -> QWidget | None:
        """A aba ``chave``, montando-a se ainda não foi; None se o papel não a tem."""
        if chave in self._chaves:
            return self.montar(self._chaves[chave])
        return self.__dict__.get(chave)

    def montar(self, titulo: str) -> QWidget:
        """A aba ``titulo``, montando-a agora se ainda não foi (KeyError se o papel não a vê)."""
        if titulo in self._montadas:
            return self._montadas[titulo]
        aba = self._visiveis[titulo]
        indice = next(i for i in range(self.abas.count())
                      if isinstance(self.abas.widget(i), _AbaAMontar) and self.abas.widget(i).aba is aba)
        widget = self._nova(aba)
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

    def _nova(self, aba: Aba) -> QWidget:
        widget = aba.fabrica(self._sessao, self)
        self._montadas[aba.titulo] = widget
        if aba.chave:
            self._chaves.pop(aba.chave, None)
            setattr(self, aba.chave, widget)
        recarrega = self._recarregar_ao_voltar if aba.recarregar is None else aba.recarregar
        if recarrega and hasattr(widget, "recarregar"):
            self._recarregam.append(widget)
        return widget

    def _on_aba_mudou(self, indice: int) -> None:
        anterior, widget = self._atual, self.abas.widget(indice)
        sair = getattr(anterior, "pode_sair", None)  # p.ex. a grade do mês pergunta se grava o que foi alterado
        if sair is not None and anterior is not widget and not sair(lambda: self.abas.setCurrentIndex(indice)):
            self.abas.blockSignals(True)
            self.abas.setCurrentWidget(anterior)
            self.abas.blockSignals(False)
            return
        if isinstance(widget, _AbaAMontar):  # primeira visita: montar (a aba carrega os dados ao nascer)
            self.montar(widget.aba.titulo)
        elif any(widget is w for w in self._recarregam):
            widget.recarregar()
        self._atual = self.abas.currentWidget()
