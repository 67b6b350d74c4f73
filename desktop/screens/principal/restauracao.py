"""Restaurar a cópia escolhida (e já confirmada) na Administração: senha do administrador e restauração.

Fluxo (desktop.services.copias): a aba Cópias confirma e emite ``sig_restaurar(copia)`` → a janela
pede a senha de um administrador *da cópia* (ou a chave de recuperação, se a cópia não tem o
arquivo de chaves ao lado) → a sessão é fechada → ``copias.restaurar`` fora da thread da interface
→ volta à tela de entrada dizendo onde ficou a base anterior.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.screens.widgets.credenciais import Credenciais
from desktop.screens.widgets.mensagem import Mensagem


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
        self.credenciais = Credenciais(login=login, rotulo_senha="Com a senha de um administrador",
                                       rotulo_login="&Login:")
        self.mensagem = Mensagem(nome="erro")
        botoes = QDialogButtonBox()
        self.botao_ok = botoes.addButton("Restaurar agora", QDialogButtonBox.ButtonRole.AcceptRole)
        botoes.addButton("Cancelar", QDialogButtonBox.ButtonRole.RejectRole)
        self.botao_ok.setDefault(True)
        botoes.accepted.connect(self._on_ok)
        botoes.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(texto)
        lay.addWidget(self.credenciais)
        if not tem_chaves:
            aviso = QLabel("Esta cópia não tem ao lado o arquivo de chaves: só a chave de "
                           "recuperação impressa na instalação a abre.")
            aviso.setObjectName("aviso")
            aviso.setWordWrap(True)
            lay.addWidget(aviso)
            self.credenciais.somente_chave()
        lay.addWidget(self.mensagem)
        lay.addWidget(botoes)

    def _on_ok(self) -> None:
        if falta := self.credenciais.falta():
            self.mensagem.setText(falta)
            return
        self.accept()

    def valores(self) -> tuple[str, str, str]:
        """(login, senha, chave de recuperação); a chave vazia quando se usa a senha."""
        return self.credenciais.valores()


def restaurar_copia(_progresso, caminho_base: Path, copia: Path, login: str, senha: str,
                    chave: str) -> str:
    """Executada fora da thread da interface; devolve a mensagem final para a tela de entrada."""
    from desktop.services import copias

    return copias.restaurar_com_credenciais(caminho_base, copia, login=login, senha=senha,
                                            chave=chave).mensagem()
