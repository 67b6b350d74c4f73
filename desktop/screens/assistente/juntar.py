"""Primeira execução numa máquina nova de um órgão que já usa o Paço: "Juntar-se a um órgão existente".

Em vez de criar uma base, a máquina recebe a cópia de segurança da sede feita depois do convite, o arquivo do
convite e o código de uso único (ou a chave de recuperação do órgão); um administrador da sede entra com a sua
senha. O serviço (``replicas.juntar_nova_instalacao``) restaura a cópia na pasta de dados, entra, assume a
identidade do convite e troca as chaves — fora da thread da interface. Ver docs/sincronizacao.md.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from desktop.screens.widgets.tarefa import executar
from desktop.services import instalacao, local, replicas


def _juntar(_progresso, pasta: str, copia: Path, login: str, senha: str, convite: Path, codigo: str):
    return replicas.juntar_nova_instalacao(pasta, copia, login, senha, convite, codigo)


class _Arquivo(QWidget):
    """Um campo de caminho com o botão Escolher…"""

    def __init__(self, titulo: str, filtro: str, *, pasta: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._titulo, self._filtro, self._pasta = titulo, filtro, pasta
        self.edit = QLineEdit(self)
        escolher = QPushButton("Escolher…", self)
        escolher.clicked.connect(self._on_escolher)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit, 1)
        lay.addWidget(escolher)

    def _on_escolher(self) -> None:
        if self._pasta:
            escolhido = QFileDialog.getExistingDirectory(self, self._titulo, self.edit.text())
        else:
            escolhido, _ = QFileDialog.getOpenFileName(self, self._titulo, "", self._filtro)
        if escolhido:
            self.edit.setText(escolhido)


class DialogoJuntarOrgao(QDialog):
    """Pede a cópia, a pasta de dados, o administrador e o convite; ao juntar, emite ``sig_juntada(sessao)``."""

    sig_juntada = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Juntar-se a um órgão existente")
        self.sessao = None
        self.caminho: Path | None = None
        self.copia = _Arquivo("Cópia de segurança da sede", "Cópias do Paço (*.db)", parent=self)
        self.pasta = _Arquivo("Pasta de dados desta máquina", "", pasta=True, parent=self)
        self.pasta.edit.setText(str(local.pasta_dados_padrao()))
        self.login = QLineEdit(self)
        self.senha = QLineEdit(self)
        self.senha.setEchoMode(QLineEdit.EchoMode.Password)
        self.convite = _Arquivo("Convite desta máquina", "Convites do Paço (*.pacoconvite)", parent=self)
        self.codigo = QLineEdit(self)
        self.codigo.setEchoMode(QLineEdit.EchoMode.Password)
        self.codigo.setPlaceholderText("XXXX-XXXX-XXXX-XXXX (ou a chave de recuperação do órgão)")
        explicacao = QLabel(
            "Na sede, o administrador convidou esta máquina (Administração › Sincronização › Convidar máquina…) "
            "e fez uma cópia de segurança depois do convite. Traga a cópia (com o arquivo .chaves ao lado) e o "
            "convite num pen drive; o código do convite vem por outro caminho. Entre com o usuário e a senha de "
            "um administrador da sede.", self)
        explicacao.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Cópia da sede:", self.copia)
        form.addRow("&Pasta de dados:", self.pasta)
        form.addRow("&Administrador:", self.login)
        form.addRow("&Senha:", self.senha)
        form.addRow("Con&vite:", self.convite)
        form.addRow("Có&digo do convite:", self.codigo)
        self.erro = QLabel(self)
        self.erro.setObjectName("erro")
        self.erro.setWordWrap(True)
        self.botoes = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                       self)
        self.botoes.button(QDialogButtonBox.StandardButton.Ok).setText("Juntar esta máquina")
        self.botoes.button(QDialogButtonBox.StandardButton.Cancel).setText("Cancelar")
        self.botoes.accepted.connect(self._on_juntar)
        self.botoes.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(explicacao)
        lay.addLayout(form)
        lay.addWidget(self.erro)
        lay.addWidget(self.botoes)

    def _on_juntar(self) -> None:
        faltam = [nome for nome, campo in (("a cópia da sede", self.copia.edit), ("o administrador", self.login),
                                           ("a senha", self.senha), ("o convite", self.convite.edit),
                                           ("o código do convite", self.codigo)) if not campo.text().strip()]
        if faltam:
            self.erro.setText("Falta " + ", ".join(faltam) + ".")
            return
        self.erro.setText("")
        self.setEnabled(False)
        tarefa = executar(self, "Restaurando a cópia, juntando a máquina e trocando as chaves…", _juntar,
                          self.pasta.edit.text(), Path(self.copia.edit.text()), self.login.text().strip(),
                          self.senha.text(), Path(self.convite.edit.text()), self.codigo.text().strip())
        tarefa.dialogo.setCancelButton(None)  # restaurar e trocar as chaves não se interrompem no meio
        tarefa.sig_concluida.connect(self._on_juntada)
        tarefa.sig_falhou.connect(self._on_falhou)

    def _on_juntada(self, sessao) -> None:
        self.setEnabled(True)
        self.senha.clear()
        self.codigo.clear()
        self.sessao = sessao
        self.caminho = Path(sessao.base.caminho)
        local.gravar(base=str(self.caminho))
        self.sig_juntada.emit(sessao)
        self.accept()

    def _on_falhou(self, erro: BaseException) -> None:
        self.setEnabled(True)
        if not isinstance(erro, (*instalacao.ERROS_PREVISTOS, OSError)):
            raise erro
        self.erro.setText(instalacao.mensagem(erro))
