"""Painel da Certificação profissional (Portaria MEC 902/2024): abas da adesão ao acompanhamento.

As abas são declaradas em ``ABAS`` (``widgets.painel.Aba``: atributo, título, fábrica, permissão) e montadas
por ``widgets.painel.PainelAbas``, como nos outros módulos: cada uma só
aparece para quem tem a permissão, e Alt+1, Alt+2… trocam de aba pelo teclado (Ctrl+Tab também). Um papel
sem nenhuma delas vê o aviso de que o papel não dá acesso, em vez de um painel vazio.
"""
from __future__ import annotations

from desktop.rules.papeis import Permissao
from desktop.screens.widgets.painel import Aba, PainelAbas

from .acompanhamento import AbaAcompanhamento
from .cadastros import AbaCursos, AbaInstituicao, AbaOferta
from .documentos import AbaDocumentos
from .livros import AbaLivros
from .processos import AbaProcessos

LER = Permissao.CERTIFICACAO_LER

ABAS = (  # os botões que gravam pedem certificacao.editar
    Aba("instituicao", "Instituição e adesão", AbaInstituicao, LER),
    Aba("cursos", "Cursos e PPCP", AbaCursos, LER),
    Aba("oferta", "Oferta", AbaOferta, LER),
    Aba("processos", "Trabalhadores e processos", AbaProcessos, LER),
    Aba("documentos", "Documentos", AbaDocumentos, LER),
    Aba("livros", "Livros de registro", AbaLivros, LER),
    Aba("acompanhamento", "Acompanhamento", AbaAcompanhamento, LER),
)


class PainelCertificacao(PainelAbas):
    """Construído pela janela principal como ``PainelCertificacao(sessao, parent)``; ``painel.processos`` etc.
    são as abas (None se o papel não a tem)."""

    def __init__(self, sessao, parent=None):
        super().__init__(sessao, ABAS, parent,
                         sem_acesso=f"O papel {sessao.usuario.rotulo_papel} não dá acesso à Certificação. "
                                    "Peça a um administrador.")
        self.sessao = sessao
        if self.processos is not None:
            self.processos.sig_processo_mudou.connect(self._on_processo_mudou)

    def _on_processo_mudou(self, _processo_id: str) -> None:
        for aba in (self.documentos, self.livros, self.acompanhamento):
            if aba is not None:
                aba.atualizar()
