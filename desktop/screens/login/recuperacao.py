"""Diálogo "Esqueci minha senha": a chave de recuperação dá nova senha a um administrador."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout,
                               QWidget)

from desktop.rules import validacao
from desktop.screens.widgets.campos import CampoValidado, campos_nova_senha
from desktop.screens.widgets.mensagem import Mensagem
from desktop.screens.widgets.tarefa import executar
from desktop.services import acesso, instalacao


def _recuperar(_progresso, caminho: Path, chave: str, login: str, senha: str):
    return acesso.entrar_com_recuperacao(caminho, chave, login, senha)


class DialogoRecuperacao(QDialog):
    """Ao dar certo, emite ``sig_entrou(sessao)`` do administrador e fecha."""

    sig_entrou = Signal(object)

    def __init__(self, caminho: Path, *, login: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._caminho = Path(caminho)
        self.sessao = None
        self.setWindowTitle("Esqueci minha senha")
        self.setMinimumWidth(620)
        explicacao = QLabel(
            "Com a <b>chave de recuperação</b> da folha impressa na instalação, você define uma "
            "nova senha para um <b>administrador</b>. Os outros usuários pedem ao administrador "
            "que redefina a senha deles em Administração.")
        explicacao.setWordWrap(True)
        self.chave = CampoValidado(instalacao.validar_chave_recuperacao,
                                   placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.chave.edit.setStyleSheet('font-family: "DejaVu Sans Mono", "Consolas", monospace;')
        self.login = CampoValidado(validacao.login, placeholder="login do administrador")
        self.login.definir_texto(login)
        self.nova, self.confirmacao = campos_nova_senha()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Chave de recuperação:", self.chave)
        form.addRow("&Login do administrador:", self.login)
        form.addRow("&Nova senha:", self.nova)
        form.addRow("&Repita a nova senha:", self.confirmacao)
        for campo in (self.chave, self.login, self.nova, self.confirmacao):
            form.labelForField(campo).setBuddy(campo.edit)
        self.mensagem = Mensagem(nome="erro")
        botoes = QDialogButtonBox()
        self.botao_ok = botoes.addButton("Redefinir a senha e entrar", QDialogButtonBox.ButtonRole.AcceptRole)
        botao_cancelar = botoes.addButton("Cancelar", QDialogButtonBox.ButtonRole.RejectRole)
        self.botao_ok.setDefault(True)
        lay = QVBoxLayout(self)
        lay.addWidget(explicacao)
        lay.addLayout(form)
        lay.addWidget(self.mensagem)
        lay.addWidget(botoes)
        self.botao_ok.clicked.connect(self._on_confirmar)
        botao_cancelar.clicked.connect(self.reject)
        self._tarefa = None
        (self.login if not login else self.chave).setFocus()

    def _on_confirmar(self) -> None:
        if not all([c.validar() for c in (self.chave, self.login, self.nova, self.confirmacao)]):
            return
        self.mensagem.hide()
        self.setEnabled(False)
        self._tarefa = executar(self, "Abrindo a base com a chave de recuperação…", _recuperar,
                                self._caminho, self.chave.valor(), self.login.valor(), self.nova.texto())
        self._tarefa.dialogo.setCancelButton(None)
        self._tarefa.sig_concluida.connect(self._on_recuperada)
        self._tarefa.sig_falhou.connect(self._on_falhou)

    def _on_recuperada(self, sessao) -> None:
        self.setEnabled(True)
        self.sessao = sessao
        self.accept()
        self.sig_entrou.emit(sessao)

    def _on_falhou(self, erro: BaseException) -> None:
        self.setEnabled(True)
        texto = instalacao.mensagem(erro)
        if instalacao.oferece_restauracao(erro) and not instalacao.problema_nas_chaves(erro):
            texto = ("A chave de recuperação não abre esta base. Confira se é a chave desta "
                     "instalação e se a digitou letra por letra. Se a chave estiver certa, a base "
                     "pode estar danificada: restaure uma cópia de segurança na tela de entrada.")
        self.mensagem.setText(texto)
