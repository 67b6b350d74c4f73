"""Painel da Certificação profissional (Portaria MEC 902/2024): abas da adesão ao acompanhamento."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from .acompanhamento import AbaAcompanhamento
from .cadastros import AbaCursos, AbaInstituicao, AbaOferta
from .documentos import AbaDocumentos
from .livros import AbaLivros
from .processos import AbaProcessos


class PainelCertificacao(QWidget):
    """Construído pela janela principal como ``PainelCertificacao(sessao, parent)``."""

    def __init__(self, sessao, parent=None):
        super().__init__(parent)
        self.sessao = sessao
        self.abas = QTabWidget()
        self.instituicao = AbaInstituicao(sessao)
        self.cursos = AbaCursos(sessao)
        self.oferta = AbaOferta(sessao)
        self.processos = AbaProcessos(sessao)
        self.documentos = AbaDocumentos(sessao)
        self.livros = AbaLivros(sessao)
        self.acompanhamento = AbaAcompanhamento(sessao)
        for aba, nome in ((self.instituicao, "Instituição e adesão"), (self.cursos, "Cursos e PPCP"),
                          (self.oferta, "Oferta"), (self.processos, "Trabalhadores e processos"),
                          (self.documentos, "Documentos"), (self.livros, "Livros de registro"),
                          (self.acompanhamento, "Acompanhamento")):
            self.abas.addTab(aba, nome)
        self.processos.sig_processo_mudou.connect(self._on_processo_mudou)
        QVBoxLayout(self).addWidget(self.abas)

    def _on_processo_mudou(self, _processo_id: str) -> None:
        self.documentos.atualizar()
        self.livros.atualizar()
        self.acompanhamento.atualizar()
