"""Painel do Conselho Tutelar: abas registradas em ``ABAS`` — a primeira é o Processo de escolha.

Outro módulo (por exemplo, a operação do Conselho) acrescenta a sua aba com
``registrar_aba(titulo, permissao, fabrica)``, em que ``fabrica(sessao, parent)`` devolve o widget;
a aba só aparece para quem tem a permissão. Alt+1, Alt+2... trocam de aba.
"""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from .registro_abas import ABAS, TITULO_PLANTAO, Aba, registrar_aba  # noqa: F401 — o painel as expõe


class PainelConselho(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.abas = QTabWidget(self)
        self.abas.setDocumentMode(True)
        self.widgets: dict[str, QWidget] = {}
        for aba in ABAS:
            if sessao.pode(aba.permissao):
                w = aba.fabrica(sessao, self)
                self.widgets[aba.titulo] = w
                self.abas.addTab(w, aba.titulo)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        if self.abas.count():
            lay.addWidget(self.abas)
        else:
            aviso = QLabel(f"O papel {sessao.usuario.rotulo_papel} não dá acesso a nenhuma parte do "
                           "Conselho Tutelar. Peça a um administrador.", self)
            aviso.setWordWrap(True)
            lay.addWidget(aviso)
            self.abas.hide()
        for i in range(self.abas.count()):
            atalho = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            atalho.activated.connect(lambda i=i: self.abas.setCurrentIndex(i))
            self.abas.setTabToolTip(i, f"Alt+{i + 1}")

    def novo_plantao(self) -> bool:
        """Vai ao Modo plantão e abre o registro rápido de emergência (Ctrl+N); False se o papel não registra casos."""
        aba = self.widgets.get(TITULO_PLANTAO)
        if aba is None:
            return False
        self.abas.setCurrentWidget(aba)
        aba.novo()
        return True


from .funcionamento import abas as _abas_funcionamento  # noqa: E402,F401 — registra as abas do Conselho em funcionamento
