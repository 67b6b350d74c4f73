"""Painel da Certificação profissional (Portaria MEC 902/2024): abas da adesão ao acompanhamento.

As abas são declaradas em ``ABAS`` (atributo, título, classe, permissão), como nos outros módulos: cada uma só
aparece para quem tem a permissão, e Alt+1, Alt+2… trocam de aba pelo teclado (Ctrl+Tab também). Um papel
sem nenhuma delas vê o aviso de que o papel não dá acesso, em vez de um painel vazio.
"""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.rules.papeis import Permissao

from .acompanhamento import AbaAcompanhamento
from .cadastros import AbaCursos, AbaInstituicao, AbaOferta
from .documentos import AbaDocumentos
from .livros import AbaLivros
from .processos import AbaProcessos

LER = Permissao.CERTIFICACAO_LER

ABAS = (  # (atributo, título, classe, permissão exigida); os botões que gravam pedem certificacao.editar
    ("instituicao", "Instituição e adesão", AbaInstituicao, LER),
    ("cursos", "Cursos e PPCP", AbaCursos, LER),
    ("oferta", "Oferta", AbaOferta, LER),
    ("processos", "Trabalhadores e processos", AbaProcessos, LER),
    ("documentos", "Documentos", AbaDocumentos, LER),
    ("livros", "Livros de registro", AbaLivros, LER),
    ("acompanhamento", "Acompanhamento", AbaAcompanhamento, LER),
)


class PainelCertificacao(QWidget):
    """Construído pela janela principal como ``PainelCertificacao(sessao, parent)``; ``painel.processos`` etc.
    são as abas (None se o papel não a tem)."""

    def __init__(self, sessao, parent=None):
        super().__init__(parent)
        self.sessao = sessao
        self.abas = QTabWidget(self)
        self.abas.setDocumentMode(True)
        for atributo, titulo, classe, permissao in ABAS:
            aba = classe(sessao) if sessao.pode(permissao) else None
            setattr(self, atributo, aba)
            if aba is not None:
                self.abas.addTab(aba, titulo)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        if self.abas.count():
            lay.addWidget(self.abas)
        else:
            aviso = QLabel(f"O papel {sessao.usuario.rotulo_papel} não dá acesso à Certificação. "
                           "Peça a um administrador.", self)
            aviso.setWordWrap(True)
            lay.addWidget(aviso)
            self.abas.hide()
        for i in range(self.abas.count()):
            atalho = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            atalho.activated.connect(lambda i=i: self.abas.setCurrentIndex(i))
            self.abas.setTabToolTip(i, f"Alt+{i + 1}")
        if self.processos is not None:
            self.processos.sig_processo_mudou.connect(self._on_processo_mudou)

    def _on_processo_mudou(self, _processo_id: str) -> None:
        for aba in (self.documentos, self.livros, self.acompanhamento):
            if aba is not None:
                aba.atualizar()
