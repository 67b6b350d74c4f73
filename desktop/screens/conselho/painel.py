"""Painel do Conselho Tutelar: abas registradas em ``ABAS`` — a primeira é o Processo de escolha.

Outro módulo (por exemplo, a operação do Conselho) acrescenta a sua aba com
``registrar_aba(titulo, permissao, fabrica)``, em que ``fabrica(sessao, parent)`` devolve o widget;
a aba só aparece para quem tem a permissão. Alt+1, Alt+2... trocam de aba. O painel é um
``widgets.painel.PainelAbas``, como o dos outros módulos, com cada aba montada na primeira visita (com
100.000 casos, montar as nove ao abrir segurava a janela; issue 16). Ctrl+N, em qualquer aba, vai ao
Modo plantão e abre o registro rápido (na janela principal o atalho é da janela e este fica desligado).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from desktop.screens.widgets import painel

from .registro_abas import ABAS, TITULO_PLANTAO, Aba, registrar_aba  # noqa: F401 — o painel as expõe


class PainelConselho(painel.PainelAbas):
    """Montado por ``widgets.painel.PainelAbas`` com as abas registradas (``widgets``: as abas pelo título)."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(sessao, ABAS, parent,
                         sem_acesso=f"O papel {sessao.usuario.rotulo_papel} não dá acesso a nenhuma parte do "
                                    "Conselho Tutelar. Peça a um administrador.",
                         montar_na_visita=True)
        self.widgets = self.por_titulo
        self.atalho_plantao = None
        if TITULO_PLANTAO in self.widgets:
            self.atalho_plantao = QShortcut(QKeySequence("Ctrl+N"), self,
                                            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
                                            activated=self.novo_plantao)

    def novo_plantao(self) -> bool:
        """Vai ao Modo plantão e abre o registro rápido de emergência (Ctrl+N); False se o papel não registra casos."""
        aba = self.widgets.get(TITULO_PLANTAO)  # montada agora, se ainda não foi visitada
        if aba is None:
            return False
        self.abas.setCurrentWidget(aba)
        aba.novo()
        return True


from .funcionamento import abas as _abas_funcionamento  # noqa: E402,F401 — registra as abas do Conselho em funcionamento
