"""Login e senha ou chave de recuperação: o quadro que os diálogos de restauração compartilham."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QRadioButton, QVBoxLayout, QWidget


class Credenciais(QWidget):
    """Dois modos: usuário e senha (como eram na cópia) ou a chave de recuperação impressa."""

    def __init__(self, *, login: str = "", rotulo_senha: str = "Com a minha senha",
                 rotulo_login: str = "&Usuário:", parent: QWidget | None = None):
        super().__init__(parent)
        self.por_senha = QRadioButton(rotulo_senha)
        self.por_chave = QRadioButton("Com a chave de recuperação")
        self.login = QLineEdit(login)
        self.senha = QLineEdit()
        self.senha.setEchoMode(QLineEdit.EchoMode.Password)
        self.chave = QLineEdit()
        self.chave.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        form = QFormLayout()
        form.addRow(rotulo_login, self.login)
        form.addRow("&Senha:", self.senha)
        form_chave = QFormLayout()
        form_chave.addRow("&Chave:", self.chave)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.por_senha)
        lay.addLayout(form)
        lay.addWidget(self.por_chave)
        lay.addLayout(form_chave)
        self.por_chave.toggled.connect(self._on_modo)
        self.por_senha.setChecked(True)
        self._on_modo(False)

    def somente_chave(self) -> None:
        """Sem o arquivo de chaves ao lado da cópia, só a chave de recuperação a abre."""
        self.por_senha.setEnabled(False)
        self.por_chave.setChecked(True)

    def _on_modo(self, por_chave: bool) -> None:
        self.login.setEnabled(not por_chave)
        self.senha.setEnabled(not por_chave)
        self.chave.setEnabled(por_chave)
        (self.chave if por_chave else (self.senha if self.login.text() else self.login)).setFocus()

    def falta(self) -> str:
        """O que falta preencher, em português; vazio se está completo."""
        if self.por_chave.isChecked():
            return "" if self.chave.text().strip() else "Digite a chave de recuperação."
        return "" if self.login.text().strip() and self.senha.text() else "Informe o usuário e a senha."

    def valores(self) -> tuple[str, str, str]:
        """(login, senha, chave de recuperação); a chave vazia quando se usa a senha."""
        if self.por_chave.isChecked():
            return "", "", self.chave.text().strip()
        return self.login.text().strip(), self.senha.text(), ""
