"""Painel do Magistério (Lei 1.613/2004 de Jequié-BA): as abas do cadastro funcional, da folha e das tabelas.

Alt+1 … Alt+8 trocam de aba pelo teclado (Ctrl+Tab também). Cada aba é montada na primeira visita
(até lá, um marcador leve ocupa o lugar dela): abrir a janela principal montava as sete de uma vez
e segurava a thread da interface (issue 16). "Lançamentos do mês" é a grade de faltas e horas noturnas
por escola (issue 13, item 7). ``painel.folha`` etc. montam a aba ao serem lidos.
Ao voltar a uma aba já montada, ela recarrega os dados (uma escola nova aparece no cadastro do
servidor, uma importação na lista, etc.).
"""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.rules.papeis import Permissao
from desktop.screens.widgets.roda import ignorar_roda_em

# importadas aqui (e não na primeira visita) para que app.precarregar as traga em segundo plano
from .configuracao import AbaConfiguracao
from .escolas import AbaEscolas
from .folha import AbaFolha
from .importar import AbaImportar
from .lancamentos import AbaLancamentos
from .reajuste import AbaTabelas
from .servidores import AbaServidores
from .simulador import AbaSimulador

_ABAS = (  # (atributo, título, classe, permissão exigida ou None)
    ("servidores", "Servidores", AbaServidores, None),
    ("escolas", "Escolas", AbaEscolas, None),
    ("importar", "Importar planilha", AbaImportar, Permissao.MAGISTERIO_EDITAR),
    ("folha", "Folha mensal", AbaFolha, None),
    ("tabelas", "Tabelas e reajuste", AbaTabelas, None),
    ("configuracao", "Configuração", AbaConfiguracao, None),
    ("simulador", "Simulador", AbaSimulador, None),
    ("lancamentos", "Lançamentos do mês", AbaLancamentos, None),
)
_RECARREGAM = ("servidores", "escolas")


class _AbaAMontar(QWidget):
    """Marcador vazio no lugar de uma aba ainda não visitada."""

    def __init__(self, chave: str, parent: QWidget):
        super().__init__(parent)
        self.chave = chave


class PainelMagisterio(QWidget):
    """Construído pela janela principal como ``PainelMagisterio(sessao, parent)``."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self._montadas: dict[str, QWidget] = {}
        self._classes: dict[str, type] = {}
        self.abas = QTabWidget(self)
        self.abas.setDocumentMode(True)
        for chave, titulo, classe, permissao in _ABAS:
            if permissao is None or sessao.pode(permissao):
                self._classes[chave] = classe
                self.abas.addTab(_AbaAMontar(chave, self), titulo)
        for i in range(self.abas.count()):
            atalho = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            atalho.activated.connect(lambda i=i: self.abas.setCurrentIndex(i))
            self.abas.setTabToolTip(i, f"Alt+{i + 1}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.abas)
        self.abas.currentChanged.connect(self._on_aba_mudou)
        self._on_aba_mudou(self.abas.currentIndex())  # a primeira aba (Servidores) já aparece

    def montada(self, chave: str) -> bool:
        return chave in self._montadas

    def aba(self, chave: str) -> QWidget | None:
        """A aba ``chave`` (montando-a, se ainda não foi); None se o papel não a tem (Importar)."""
        if chave in self._montadas:
            return self._montadas[chave]
        if chave not in self._classes:
            return None
        indice = next(i for i in range(self.abas.count())
                      if getattr(self.abas.widget(i), "chave", None) == chave)
        aba = self._classes[chave](self._sessao, self)
        ignorar_roda_em(aba)  # competência, simulador, filtros: a roda sem foco não muda nada (issue 13)
        if chave == "folha" and "lancamentos" in self._classes:
            aba.sig_lancamentos.connect(self._on_abrir_lancamentos)
        self._montadas[chave] = aba
        marcador = self.abas.widget(indice)
        atual, titulo = self.abas.currentIndex(), self.abas.tabText(indice)
        self.abas.blockSignals(True)  # trocar o marcador pela aba não é uma troca de aba
        try:
            self.abas.removeTab(indice)
            self.abas.insertTab(indice, aba, titulo)
            self.abas.setTabToolTip(indice, f"Alt+{indice + 1}")
            self.abas.setCurrentIndex(atual)
        finally:
            self.abas.blockSignals(False)
        marcador.deleteLater()
        return aba

    def _on_abrir_lancamentos(self, competencia) -> None:
        """Folha mensal › Lançamentos do mês…: a grade por escola na mesma competência."""
        grade = self.aba("lancamentos")
        self.abas.setCurrentWidget(grade)
        if self.abas.currentWidget() is grade:
            grade.definir_competencia(competencia)

    def _on_aba_mudou(self, indice: int) -> None:
        anterior = getattr(self, "_atual", None)
        sair = getattr(anterior, "pode_sair", None)  # a grade do mês pergunta se grava o que foi alterado
        if sair is not None and anterior is not self.abas.widget(indice) \
                and not sair(lambda: self.abas.setCurrentIndex(indice)):
            self.abas.blockSignals(True)
            self.abas.setCurrentWidget(anterior)
            self.abas.blockSignals(False)
            return
        widget = self.abas.widget(indice)
        chave = getattr(widget, "chave", None)
        if chave is not None:  # primeira visita: montar (a aba carrega os dados ao nascer)
            self.aba(chave)
        elif widget in (self._montadas.get(c) for c in _RECARREGAM):
            widget.recarregar()
        self._atual = self.abas.widget(indice)


for _chave, *_resto in _ABAS:  # painel.servidores, painel.folha…: a aba, montada na primeira leitura
    setattr(PainelMagisterio, _chave, property(lambda self, c=_chave: self.aba(c)))
