"""Restaurar a cópia escolhida (e já confirmada) na Administração: senha do administrador e restauração.

Fluxo (desktop.services.copias): a aba Cópias confirma e emite ``sig_restaurar(copia)`` → a janela
pede a senha de um administrador *da cópia* (ou a chave de recuperação, se a cópia não tem o
arquivo de chaves ao lado) → a sessão é fechada → ``copias.restaurar`` fora da thread da interface
→ volta à tela de entrada dizendo onde ficou a base anterior.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QRadioButton, QVBoxLayout, QWidget)


class DialogoSenhaAdministrador(QDialog):
    """Pede login e senha de um administrador da cópia, ou a chave de recuperação."""

    def __init__(self, copia: Path, *, login: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Confirmar a restauração")
        self.setMinimumWidth(560)
        tem_chaves = Path(str(copia) + ".chaves").exists()
        texto = QLabel(
            f"Para restaurar a cópia <b>{copia.name}</b>, confirme com o login e a senha de um "
            "administrador <i>como eram na data da cópia</i>, ou com a chave de recuperação.")
        texto.setWordWrap(True)
        self.por_senha = QRadioButton("Com a senha de um administrador")
        self.por_chave = QRadioButton("Com a chave de recuperação")
        self.login = QLineEdit(login)
        self.senha = QLineEdit()
        self.senha.setEchoMode(QLineEdit.EchoMode.Password)
        self.chave = QLineEdit()
        self.chave.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        form = QFormLayout()
        form.addRow("&Login:", self.login)
        form.addRow("&Senha:", self.senha)
        form_chave = QFormLayout()
        form_chave.addRow("&Chave:", self.chave)
        self.mensagem = QLabel()
        self.mensagem.setObjectName("erro")
        self.mensagem.setWordWrap(True)
        self.mensagem.hide()
        botoes = QDialogButtonBox()
        self.botao_ok = botoes.addButton("Restaurar agora", QDialogButtonBox.ButtonRole.AcceptRole)
        botoes.addButton("Cancelar", QDialogButtonBox.ButtonRole.RejectRole)
        self.botao_ok.setDefault(True)
        botoes.accepted.connect(self._on_ok)
        botoes.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(texto)
        lay.addWidget(self.por_senha)
        lay.addLayout(form)
        lay.addWidget(self.por_chave)
        lay.addLayout(form_chave)
        if not tem_chaves:
            aviso = QLabel("Esta cópia não tem ao lado o arquivo de chaves: só a chave de "
                           "recuperação impressa na instalação a abre.")
            aviso.setObjectName("aviso")
            aviso.setWordWrap(True)
            lay.addWidget(aviso)
            self.por_senha.setEnabled(False)
        lay.addWidget(self.mensagem)
        lay.addWidget(botoes)
        self.por_chave.toggled.connect(self._on_modo)
        (self.por_senha if tem_chaves else self.por_chave).setChecked(True)
        self._on_modo(not tem_chaves)

    def _on_modo(self, por_chave: bool) -> None:
        self.login.setEnabled(not por_chave)
        self.senha.setEnabled(not por_chave)
        self.chave.setEnabled(por_chave)
        (self.chave if por_chave else (self.senha if self.login.text() else self.login)).setFocus()

    def _on_ok(self) -> None:
        if self.por_chave.isChecked():
            falta = "" if self.chave.text().strip() else "Digite a chave de recuperação."
        else:
            falta = "" if self.login.text().strip() and self.senha.text() else "Informe o login e a senha."
        if falta:
            self.mensagem.setText(falta)
            self.mensagem.show()
            return
        self.accept()

    def valores(self) -> tuple[str, str, str]:
        """(login, senha, chave de recuperação); a chave vazia quando se usa a senha."""
        if self.por_chave.isChecked():
            return "", "", self.chave.text().strip()
        return self.login.text().strip(), self.senha.text(), ""


def restaurar_copia(_progresso, caminho_base: Path, copia: Path, login: str, senha: str,
                    chave: str) -> str:
    """Executada fora da thread da interface; devolve a mensagem final para a tela de entrada."""
    from desktop.services import copias

    if chave:
        resultado = copias.restaurar_com_recuperacao(caminho_base, copia, chave)
    else:
        resultado = copias.restaurar(caminho_base, copia, login=login, senha=senha)
    return resultado.mensagem()
