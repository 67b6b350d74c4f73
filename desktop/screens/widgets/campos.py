"""Campos de formulário que validam enquanto o usuário digita e dizem o erro ao lado, em português.

A validação em si vem de desktop.rules.validacao (funções que devolvem o valor normalizado ou
levantam EntradaInvalida); o campo só mostra o resultado.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.rules.validacao import EntradaInvalida
from desktop.rules.validacao import senha as senha_valida

Validador = Callable[[str], Any]


def inteiro(rotulo: str, minimo: int, maximo: int, artigo: str = "") -> Validador:
    """Validador de número inteiro entre ``minimo`` e ``maximo`` para ``CampoValidado`` (a mensagem cita o
    ``artigo``, se houver): o de todos os formulários."""
    fim = f" ({artigo})." if artigo else "."

    def validar(texto: str) -> int:
        t = (texto or "").strip()
        if not t.lstrip("-").isdigit():
            raise EntradaInvalida(f"{rotulo}: informe um número inteiro, só com algarismos{fim}")
        n = int(t)
        if not minimo <= n <= maximo:
            raise EntradaInvalida(f"{rotulo} deve ser um número inteiro de {minimo} a {maximo}{fim}")
        return n
    return validar

_ESTILO_ERRO = "color: #b00020; font-size: 90%;"


class CampoValidado(QWidget):
    """Um QLineEdit com a mensagem de erro logo abaixo. ``valor()`` devolve o valor validado."""

    sig_validade_mudou = Signal(bool)

    def __init__(self, validador: Validador, *, placeholder: str = "", senha: bool = False,
                 mascara: str | None = None, obrigatorio: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self._validador = validador
        self._obrigatorio = obrigatorio
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        if senha:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        if mascara:
            self.edit.setInputMask(mascara)
        self.erro = QLabel(self)
        self.erro.setStyleSheet(_ESTILO_ERRO)
        self.erro.setWordWrap(True)
        self.erro.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.edit)
        lay.addWidget(self.erro)
        self.setFocusProxy(self.edit)
        self._valido = False
        self.edit.textChanged.connect(self._on_texto_mudou)

    def texto(self) -> str:
        return self.edit.text()

    def definir_texto(self, texto: str) -> None:
        self.edit.setText(texto)

    def mensagem_erro(self) -> str:
        return self.erro.text() if self.erro.isVisible() or not self._valido else ""

    def _avaliar(self) -> tuple[bool, str]:
        texto = self.edit.text()
        if not texto.strip() and not self._obrigatorio:
            return True, ""
        try:
            self._validador(texto)
        except EntradaInvalida as e:
            return False, str(e)
        return True, ""

    def _on_texto_mudou(self, _texto: str) -> None:
        valido, msg = self._avaliar()
        # Campo vazio e ainda não tocado: não grita com o usuário, mas também não é válido.
        mostrar = bool(msg) and bool(self.edit.text())
        self.erro.setText(msg)
        self.erro.setVisible(mostrar)
        if valido != self._valido:
            self._valido = valido
            self.sig_validade_mudou.emit(valido)

    def validar(self) -> bool:
        """Valida agora e mostra o erro mesmo com o campo vazio (ao tentar avançar/salvar)."""
        valido, msg = self._avaliar()
        self._valido = valido
        self.erro.setText(msg)
        self.erro.setVisible(bool(msg))
        return valido

    def valor(self) -> Any:
        """O valor normalizado; levanta EntradaInvalida se o campo estiver errado."""
        texto = self.edit.text()
        if not texto.strip() and not self._obrigatorio:
            return None
        return self._validador(texto)

    def valido(self) -> bool:
        return self._avaliar()[0]


def campos_nova_senha() -> tuple[CampoValidado, CampoValidado]:
    """Nova senha e confirmação: a confirmação confere com a nova e é revalidada quando ela muda."""
    nova = CampoValidado(senha_valida, senha=True)

    def conferir(texto: str) -> str:
        if texto != nova.texto():
            raise EntradaInvalida("A senha e a confirmação não são iguais.")
        return texto

    confirmacao = CampoValidado(conferir, senha=True)
    nova.edit.textChanged.connect(lambda _t: confirmacao.texto() and confirmacao.validar())
    return nova, confirmacao
