"""Painel de Administração: abas de usuários, diário, parâmetros, cópias de segurança, documentos, sincronização
e conflitos.

Cada aba só aparece para quem tem a permissão correspondente. Alt+1 … Alt+5 trocam de aba pelo
teclado (Ctrl+Tab também). Ao voltar a uma aba, ela recarrega os dados.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.rules.papeis import Permissao

from desktop.services import replicas

from .conflitos import AbaConflitos
from .copias import AbaCopias
from .diario import AbaDiario
from .emissores import AbaEmissores
from .emitidos import AbaEmitidos
from .parametros import AbaParametros
from .sincronizacao import AbaSincronizacao
from .usuarios import AbaUsuarios


class PainelAdministracao(QWidget):
    """As abas de administração da base aberta na ``sessao``.

    ``sig_restaurar(Path)``: o usuário escolheu uma cópia e confirmou a restauração; a janela
    principal pede a senha do administrador, fecha a sessão e restaura.
    """

    sig_restaurar = Signal(object)
    sig_pacote_importado = Signal(object)  # resumo da importação: telas com dados recebidos recarregam

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.abas = QTabWidget(self)
        self.abas.setDocumentMode(True)
        self.usuarios = self.diario = self.parametros = self.copias = self.emitidos = self.emissores = None
        self.conflitos = self.sincronizacao = None
        if sessao.pode(Permissao.USUARIOS_GERENCIAR):
            self.usuarios = self._acrescentar(AbaUsuarios(sessao, self), "Usuários")
        if sessao.pode(Permissao.DIARIO_LER):
            self.diario = self._acrescentar(AbaDiario(sessao, self), "Diário de auditoria")
        if sessao.pode(Permissao.PARAMETROS_LER):
            self.parametros = self._acrescentar(AbaParametros(sessao, self), "Parâmetros")
        if sessao.pode(Permissao.BACKUP_FAZER):
            self.copias = self._acrescentar(AbaCopias(sessao, self), "Cópias de segurança")
            self.copias.sig_restaurar.connect(self.sig_restaurar)
        if sessao.pode(Permissao.DOCUMENTOS_EMITIR) or sessao.pode(Permissao.DIARIO_LER):
            self.emitidos = self._acrescentar(AbaEmitidos(sessao, self), "Documentos emitidos")
        if sessao.pode(Permissao.ESCRITORIO_EDITAR):
            self.emissores = self._acrescentar(AbaEmissores(sessao, self), "Emissores")
        if sessao.pode(Permissao.BACKUP_FAZER) and any(r["esta"] for r in replicas.replicas(sessao)):  # só numa réplica
            self.sincronizacao = self._acrescentar(AbaSincronizacao(sessao, self), "Sincronização")
            self.conflitos = self._acrescentar(AbaConflitos(sessao, self), "Conflitos")
            self.sincronizacao.sig_pacote_importado.connect(self._on_pacote_importado)
            self.sincronizacao.sig_ver_conflitos.connect(self._on_ver_conflitos)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        if self.abas.count():
            lay.addWidget(self.abas)
        else:
            aviso = QLabel(f"O papel {sessao.usuario.rotulo_papel} não dá acesso a nenhuma "
                           "função de administração. Peça a um administrador.", self)
            aviso.setWordWrap(True)
            lay.addWidget(aviso)
            self.abas.hide()
        for i in range(self.abas.count()):
            atalho = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            atalho.activated.connect(lambda i=i: self.abas.setCurrentIndex(i))
            self.abas.setTabToolTip(i, f"Alt+{i + 1}")
        self.abas.currentChanged.connect(self._on_aba_mudou)

    def _acrescentar(self, aba: QWidget, titulo: str):
        self.abas.addTab(aba, titulo)
        return aba

    def _on_pacote_importado(self, resumo: dict) -> None:
        self.conflitos.recarregar()
        self.sig_pacote_importado.emit(resumo)

    def _on_ver_conflitos(self) -> None:
        self.abas.setCurrentWidget(self.conflitos)

    def _on_aba_mudou(self, indice: int) -> None:
        aba = self.abas.widget(indice)
        if aba is not None and hasattr(aba, "recarregar"):
            aba.recarregar()
