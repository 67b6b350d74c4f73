"""Painel do Magistério (Lei 1.613/2004 de Jequié-BA): as abas do cadastro funcional, da folha e das tabelas.

As abas são declaradas em ``ABAS`` (``widgets.painel.Aba``: atributo, título, fábrica, permissão) e montadas
por ``widgets.painel.PainelAbas``, como nos outros módulos: Alt+1 … Alt+8 trocam de aba pelo teclado
(Ctrl+Tab também); Importar planilha só para quem edita o Magistério. Cada aba é montada na primeira visita
(``montar_na_visita``): abrir a janela principal montava as oito de uma vez e segurava a thread da interface
(issue 16); ``painel.folha`` etc. montam a aba ao serem lidos. "Lançamentos do mês" é a grade de faltas e
horas noturnas por escola (issue 13, item 7); sair dela com linhas não gravadas pergunta antes. Ao voltar a
Servidores ou Escolas, a aba relê os dados (uma escola nova aparece no cadastro do servidor, uma importação
na lista).
"""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.rules.papeis import Permissao
from desktop.screens.widgets.painel import Aba, PainelAbas
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


def _sem_roda(classe: type):
    """Fábrica da aba ``classe``: competência, simulador, filtros — a roda sem foco não muda nada (issue 13)."""
    def fabrica(sessao, painel: QWidget) -> QWidget:
        aba = classe(sessao, painel)
        ignorar_roda_em(aba)
        return aba
    return fabrica


def _folha(sessao, painel: "PainelMagisterio") -> AbaFolha:
    aba = _sem_roda(AbaFolha)(sessao, painel)
    aba.sig_lancamentos.connect(painel._on_abrir_lancamentos)  # Folha mensal › Lançamentos do mês…
    return aba


LER = Permissao.MAGISTERIO_LER  # quem vê o módulo (a janela o mostra a quem tem magisterio.ler)

ABAS = (  # os botões que gravam pedem magisterio.editar
    Aba("servidores", "Servidores", _sem_roda(AbaServidores), LER, recarregar=True),
    Aba("escolas", "Escolas", _sem_roda(AbaEscolas), LER, recarregar=True),
    Aba("importar", "Importar planilha", _sem_roda(AbaImportar), Permissao.MAGISTERIO_EDITAR),
    Aba("folha", "Folha mensal", _folha, LER),
    Aba("tabelas", "Tabelas e reajuste", _sem_roda(AbaTabelas), LER),
    Aba("configuracao", "Configuração", _sem_roda(AbaConfiguracao), LER),
    Aba("simulador", "Simulador", _sem_roda(AbaSimulador), LER),
    Aba("lancamentos", "Lançamentos do mês", _sem_roda(AbaLancamentos), LER),
)


class PainelMagisterio(PainelAbas):
    """Construído pela janela principal como ``PainelMagisterio(sessao, parent)``; ``painel.folha`` etc. são
    as abas (montadas na primeira leitura; None se o papel não a tem)."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(sessao, ABAS, parent, montar_na_visita=True,
                         sem_acesso=f"O papel {sessao.usuario.rotulo_papel} não dá acesso ao Magistério. "
                                    "Peça a um administrador.")

    def _on_abrir_lancamentos(self, competencia) -> None:
        """Folha mensal › Lançamentos do mês…: a grade por escola na mesma competência."""
        grade = self.aba("lancamentos")
        if grade is None:
            return
        self.abas.setCurrentWidget(grade)
        if self.abas.currentWidget() is grade:
            grade.definir_competencia(competencia)
