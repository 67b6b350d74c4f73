"""Painel de Administração: abas de usuários, diário, parâmetros, cópias de segurança, documentos, sincronização
e conflitos.

As abas são declaradas em ``ABAS`` (``widgets.painel.Aba``: atributo, título, fábrica, permissão) e montadas
por ``widgets.painel.PainelAbas``: cada aba só aparece para quem tem a permissão correspondente; Alt+1 …
Alt+8 trocam de aba pelo teclado (Ctrl+Tab também). Ao voltar a uma aba, ela recarrega os dados.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.rules.papeis import Permissao
from desktop.screens.widgets.painel import Aba, PainelAbas
from desktop.services import replicas

from .conflitos import AbaConflitos
from .copias import AbaCopias
from .diario import AbaDiario
from .emissores import AbaEmissores
from .emitidos import AbaEmitidos
from .parametros import AbaParametros
from .sincronizacao import AbaSincronizacao
from .usuarios import AbaUsuarios


def _emitidos(sessao) -> bool:
    return sessao.pode(Permissao.DOCUMENTOS_EMITIR) or sessao.pode(Permissao.DIARIO_LER)


def _numa_replica(sessao) -> bool:
    """Sincronização e conflitos: só numa réplica, para quem faz cópias."""
    return sessao.pode(Permissao.BACKUP_FAZER) and any(r["esta"] for r in replicas.replicas(sessao))


ABAS = (
    Aba("usuarios", "Usuários", AbaUsuarios, Permissao.USUARIOS_GERENCIAR),
    Aba("diario", "Diário de auditoria", AbaDiario, Permissao.DIARIO_LER),
    Aba("parametros", "Parâmetros", AbaParametros, Permissao.PARAMETROS_LER),
    Aba("copias", "Cópias de segurança", AbaCopias, Permissao.BACKUP_FAZER),
    Aba("emitidos", "Documentos emitidos", AbaEmitidos, _emitidos),
    Aba("emissores", "Emissores", AbaEmissores, Permissao.ESCRITORIO_EDITAR),
    Aba("sincronizacao", "Sincronização", AbaSincronizacao, _numa_replica),
    Aba("conflitos", "Conflitos", AbaConflitos, _numa_replica),
)


class PainelAdministracao(PainelAbas):
    """As abas de administração da base aberta na ``sessao`` (declaradas em ``ABAS``).

    ``sig_restaurar(Path)``: o usuário escolheu uma cópia e confirmou a restauração; a janela
    principal pede a senha do administrador, fecha a sessão e restaura.
    """

    sig_restaurar = Signal(object)
    sig_pacote_importado = Signal(object)  # resumo da importação: telas com dados recebidos recarregam

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(sessao, ABAS, parent, recarregar_ao_voltar=True,
                         sem_acesso=f"O papel {sessao.usuario.rotulo_papel} não dá acesso a nenhuma "
                                    "função de administração. Peça a um administrador.")
        if self.copias is not None:
            self.copias.sig_restaurar.connect(self.sig_restaurar)
        if self.sincronizacao is not None:
            self.sincronizacao.sig_pacote_importado.connect(self._on_pacote_importado)
            self.sincronizacao.sig_ver_conflitos.connect(self._on_ver_conflitos)

    def _on_pacote_importado(self, resumo: dict) -> None:
        self.conflitos.recarregar()
        self.sig_pacote_importado.emit(resumo)

    def _on_ver_conflitos(self) -> None:
        self.abas.setCurrentWidget(self.conflitos)
