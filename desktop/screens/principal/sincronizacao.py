"""Arquivo › Sincronização com outras máquinas…: a aba Sincronização da Administração num diálogo, para quem
troca pacotes (``backup.fazer``) — p.ex. a comissão eleitoral no PC da comissão na noite da eleição, que não
abre a Administração (só o administrador a abre). Convidar, juntar e designar continuam escondidos para quem
não é administrador (a própria aba os esconde). Um pacote aplicado aqui avisa a janela (o painel da apuração
recarrega), como na Administração.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from desktop.screens.administracao.sincronizacao import AbaSincronizacao


class DialogoSincronizacao(QDialog):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Sincronização com outras máquinas do órgão")
        self.resize(980, 560)
        self.aba = AbaSincronizacao(sessao, self)
        botoes = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        botoes.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.aba, 1)
        lay.addWidget(botoes)
        self.aba.sig_ver_conflitos.connect(self._on_ver_conflitos)

    def _on_ver_conflitos(self) -> None:
        self.aba._informar("Os conflitos são decididos em Administração › Conflitos, por quem tem o papel de "
                           "editar o módulo do registro: avise o administrador.", alerta=True)
