"""Painel do Magistério (Lei 1.613/2004 de Jequié-BA): as abas do cadastro funcional, da folha e das tabelas.

Alt+1 … Alt+6 trocam de aba pelo teclado (Ctrl+Tab também). Ao voltar a uma aba, ela recarrega
os dados (uma escola nova aparece no cadastro do servidor, uma importação na lista, etc.).
"""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.rules.papeis import Permissao

from .configuracao import AbaConfiguracao
from .escolas import AbaEscolas
from .folha import AbaFolha
from .importar import AbaImportar
from .reajuste import AbaTabelas
from .servidores import AbaServidores
from .simulador import AbaSimulador


class PainelMagisterio(QWidget):
    """Construído pela janela principal como ``PainelMagisterio(sessao, parent)``."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.abas = QTabWidget(self)
        self.abas.setDocumentMode(True)
        self.servidores = self._acrescentar(AbaServidores(sessao, self), "Servidores")
        self.escolas = self._acrescentar(AbaEscolas(sessao, self), "Escolas")
        self.importar = None
        if sessao.pode(Permissao.MAGISTERIO_EDITAR):
            self.importar = self._acrescentar(AbaImportar(sessao, self), "Importar planilha")
        self.folha = self._acrescentar(AbaFolha(sessao, self), "Folha mensal")
        self.tabelas = self._acrescentar(AbaTabelas(sessao, self), "Tabelas e reajuste")
        self.configuracao = self._acrescentar(AbaConfiguracao(sessao, self), "Configuração")
        self.simulador = self._acrescentar(AbaSimulador(sessao, self), "Simulador")
        for i in range(self.abas.count()):
            atalho = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            atalho.activated.connect(lambda i=i: self.abas.setCurrentIndex(i))
            self.abas.setTabToolTip(i, f"Alt+{i + 1}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.abas)
        self.abas.currentChanged.connect(self._on_aba_mudou)

    def _acrescentar(self, aba: QWidget, titulo: str):
        self.abas.addTab(aba, titulo)
        return aba

    def _on_aba_mudou(self, indice: int) -> None:
        aba = self.abas.widget(indice)
        if aba in (self.servidores, self.escolas):
            aba.recarregar()
