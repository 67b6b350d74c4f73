"""Diálogo "Trocar minha senha": obrigatório quando a senha é provisória, ou pelo menu Arquivo."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout,
                               QWidget)

from desktop.rules import validacao
from desktop.screens.widgets.campos import CampoValidado, campos_nova_senha
from desktop.screens.widgets.mensagem import Mensagem
from desktop.screens.widgets.tarefa import executar
from desktop.services import acesso, instalacao


def _trocar(_progresso, sessao, atual: str, nova: str, confirmacao: str) -> None:
    acesso.trocar_propria_senha(sessao, atual, nova, confirmacao)


class DialogoTrocarSenha(QDialog):
    """Troca a senha do usuário da sessão. ``obrigatoria``: senha provisória, sem "depois"."""

    def __init__(self, sessao, *, obrigatoria: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.setWindowTitle("Trocar minha senha")
        self.setMinimumWidth(480)
        if obrigatoria:
            texto = (f"Olá, {sessao.usuario.nome}. A sua senha atual é provisória: foi criada ou "
                     "redefinida pelo administrador. Para continuar, escolha agora uma senha que "
                     "só você conheça.")
        else:
            texto = "Digite a senha atual e escolha a nova senha."
        explicacao = QLabel(texto)
        explicacao.setWordWrap(True)
        self.atual = CampoValidado(lambda t: validacao.obrigatorio(t, "a senha atual"), senha=True)
        self.nova, self.confirmacao = campos_nova_senha()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("Senha &atual:", self.atual)
        form.addRow("&Nova senha:", self.nova)
        form.addRow("&Repita a nova senha:", self.confirmacao)
        for campo in (self.atual, self.nova, self.confirmacao):
            form.labelForField(campo).setBuddy(campo.edit)
        self.mensagem = Mensagem(nome="erro")
        self.botoes = QDialogButtonBox()
        self.botao_trocar = self.botoes.addButton("Trocar senha", QDialogButtonBox.ButtonRole.AcceptRole)
        self.botao_cancelar = self.botoes.addButton(
            "Sair sem entrar" if obrigatoria else "Cancelar", QDialogButtonBox.ButtonRole.RejectRole)
        self.botao_trocar.setDefault(True)
        lay = QVBoxLayout(self)
        lay.addWidget(explicacao)
        lay.addLayout(form)
        dica = QLabel(f"A nova senha deve ter pelo menos {validacao.SENHA_MINIMA} caracteres e não ser "
                      "comum: uma frase de três ou quatro palavras serve bem.")
        dica.setObjectName("dica")
        dica.setWordWrap(True)
        lay.addWidget(dica)
        lay.addWidget(self.mensagem)
        lay.addWidget(self.botoes)
        self.botao_trocar.clicked.connect(self._on_trocar)
        self.botao_cancelar.clicked.connect(self.reject)
        self._tarefa = None

    def _on_trocar(self) -> None:
        if not all([c.validar() for c in (self.atual, self.nova, self.confirmacao)]):
            return
        self.mensagem.hide()
        self.setEnabled(False)
        self._tarefa = executar(self, "Trocando a senha…", _trocar, self._sessao, self.atual.texto(),
                                self.nova.texto(), self.confirmacao.texto())
        self._tarefa.dialogo.setCancelButton(None)
        self._tarefa.sig_concluida.connect(self._on_trocada)
        self._tarefa.sig_falhou.connect(self._on_falhou)

    def _on_trocada(self, _resultado) -> None:
        self.setEnabled(True)
        self.accept()

    def _on_falhou(self, erro: BaseException) -> None:
        self.setEnabled(True)
        if instalacao.senha_incorreta(erro):
            self.atual.erro.setText("A senha atual está incorreta.")
            self.atual.erro.show()
            self.atual.edit.selectAll()
            self.atual.setFocus()
            return
        self.mensagem.setText(instalacao.mensagem(erro))
