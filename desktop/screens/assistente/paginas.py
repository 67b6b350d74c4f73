"""Páginas "Administrador" e "Pasta de dados" do assistente de primeira execução."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget, QWizard, QWizardPage)

from desktop.rules import validacao
from desktop.rules.validacao import EntradaInvalida
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.mensagem import Mensagem
from desktop.services import local


def titulo(texto: str) -> str:
    """Título de página do assistente, maior que o padrão do QWizard (texto rico)."""
    return f"<span style='font-size: 15pt; color: #163d6b;'>{texto}</span>"


def _texto(texto: str, nome_objeto: str = "") -> QLabel:
    rotulo = QLabel(texto)
    rotulo.setWordWrap(True)
    if nome_objeto:
        rotulo.setObjectName(nome_objeto)
    return rotulo


class PaginaAdministrador(QWizardPage):
    """O primeiro usuário, com todas as permissões; ele cria os demais depois."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(titulo("Administrador"))
        self.setSubTitle("O primeiro usuário do Paço. Depois ele cadastra os demais, cada um com o seu papel.")
        self.nome = CampoValidado(lambda t: validacao.obrigatorio(t, "o nome do administrador"),
                                  placeholder="nome completo")
        self.login = CampoValidado(validacao.login, placeholder="por exemplo: maria.souza")
        self.senha = CampoValidado(validacao.senha, senha=True)
        self.confirmacao = CampoValidado(self._conferir_confirmacao, senha=True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Nome:", self.nome)
        form.addRow("&Login:", self.login)
        form.addRow("&Senha:", self.senha)
        form.addRow("&Repita a senha:", self.confirmacao)
        for campo in (self.nome, self.login, self.senha, self.confirmacao):
            form.labelForField(campo).setBuddy(campo.edit)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(_texto(
            f"A senha deve ter pelo menos {validacao.SENHA_MINIMA} caracteres e não ser comum — uma "
            "frase de três ou quatro palavras serve bem. Ela abre a base "
            "cifrada: sem a senha de um usuário, ou sem a chave de recuperação mostrada no fim "
            "deste assistente, ninguém consegue ler os dados.", "dica"))
        lay.addStretch(1)
        self.senha.edit.textChanged.connect(self._on_senha_mudou)

    def _conferir_confirmacao(self, texto: str) -> str:
        if not texto:
            raise EntradaInvalida("Repita a senha para conferir.")
        if texto != self.senha.texto():
            raise EntradaInvalida("A senha e a confirmação não são iguais.")
        return texto

    def _on_senha_mudou(self, _texto: str) -> None:
        if self.confirmacao.texto():
            self.confirmacao.validar()

    def validatePage(self) -> bool:
        return all([c.validar() for c in (self.nome, self.login, self.senha, self.confirmacao)])

    def dados(self) -> dict:
        return {"nome": self.nome.valor(), "login": self.login.valor(), "senha": self.senha.texto()}


class PaginaPasta(QWizardPage):
    """Onde fica o arquivo da base. Ao avançar, a instalação é criada (página de confirmação)."""

    def __init__(self, criar, parent: QWidget | None = None):
        super().__init__(parent)
        self._criar = criar
        self.setTitle(titulo("Pasta de dados"))
        self.setSubTitle("Onde a base do Paço será gravada, junto com as cópias de segurança automáticas.")
        self.pasta = QLineEdit(str(local.pasta_dados_padrao()))
        self.botao_escolher = QPushButton("Escolher outra pasta…")
        self.botao_padrao = QPushButton("Usar a pasta sugerida")
        self.erro = Mensagem(nome="erro")
        linha = QHBoxLayout()
        linha.addWidget(self.pasta, 1)
        linha.addWidget(self.botao_escolher)
        botoes = QHBoxLayout()
        botoes.addWidget(self.botao_padrao)
        botoes.addStretch(1)
        rotulo = QLabel("&Pasta:")
        rotulo.setBuddy(self.pasta)
        lay = QVBoxLayout(self)
        lay.addWidget(rotulo)
        lay.addLayout(linha)
        lay.addLayout(botoes)
        lay.addWidget(self.erro)
        lay.addSpacing(8)
        lay.addWidget(_texto(
            f"A base é um único arquivo cifrado ({local.NOME_BASE}) com todos os dados do órgão. "
            "Use uma pasta num disco deste computador: pastas de rede não são aceitas, porque "
            "uma queda de conexão no meio de uma gravação pode corromper os dados.", "dica"))
        lay.addWidget(_texto(
            "Ao clicar em “Criar instalação”, o Paço cria a base e mostra a chave de "
            "recuperação. Tenha papel e caneta ou uma impressora à mão.", "aviso"))
        lay.addStretch(1)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Criar instalação")
        self.botao_escolher.clicked.connect(self._on_escolher)
        self.botao_padrao.clicked.connect(self._on_padrao)
        self.pasta.textChanged.connect(self.erro.hide)

    def mostrar_erro(self, texto: str) -> None:
        self.erro.setText(texto)

    def _on_escolher(self) -> None:
        inicial = self.pasta.text().strip() or str(Path.home())
        escolhida = QFileDialog.getExistingDirectory(self, "Escolher a pasta de dados", inicial)
        if escolhida:
            self.pasta.setText(str(Path(escolhida)))

    def _on_padrao(self) -> None:
        self.pasta.setText(str(local.pasta_dados_padrao()))

    def validatePage(self) -> bool:
        return self._criar(self.pasta.text())
