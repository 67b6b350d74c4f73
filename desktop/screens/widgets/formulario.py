"""Diálogo de formulário: campos validados enquanto se digita, botão de confirmar só com tudo certo.

A subclasse monta os campos com ``adicionar`` e implementa ``executar()``, que chama o serviço.
Se o serviço recusar (regra, permissão, entrada inválida), a mensagem aparece no próprio
diálogo, que continua aberto para o usuário corrigir.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.roda import ignorar_roda_em

from . import avisos

_ESTILO_ERRO = "color: #b00020; font-weight: bold;"


class DialogoFormulario(QDialog):
    """Base dos diálogos de cadastro. ``resultado`` guarda o que ``executar`` devolveu."""

    def __init__(self, titulo: str, texto_confirmar: str, parent: QWidget | None = None,
                 explicacao: str = "", texto_voltar: str = "Cancelar"):
        super().__init__(parent)
        self.setWindowTitle(titulo)
        self.setMinimumWidth(520)
        self.resultado: Any = None
        self._campos: list[CampoValidado] = []
        lay = QVBoxLayout(self)
        if explicacao:
            rotulo = QLabel(explicacao, self)
            rotulo.setWordWrap(True)
            lay.addWidget(rotulo)
        self.form = QFormLayout()
        lay.addLayout(self.form)
        self.rotulo_erro = QLabel(self)
        self.rotulo_erro.setStyleSheet(_ESTILO_ERRO)
        self.rotulo_erro.setWordWrap(True)
        self.rotulo_erro.hide()
        lay.addWidget(self.rotulo_erro)
        self.botoes = QDialogButtonBox(self)
        self.botao_ok: QPushButton = self.botoes.addButton(
            texto_confirmar, QDialogButtonBox.ButtonRole.AcceptRole)
        self.botao_voltar: QPushButton = self.botoes.addButton(
            texto_voltar, QDialogButtonBox.ButtonRole.RejectRole)
        self.botao_ok.setDefault(True)
        self.botoes.accepted.connect(self._on_confirmar)
        self.botoes.rejected.connect(self.reject)
        lay.addWidget(self.botoes)
        self.botao_ok.setEnabled(False)

    def adicionar(self, rotulo: str, widget: QWidget) -> QWidget:
        """Acrescenta uma linha ao formulário; campos validados passam a controlar o botão."""
        self.form.addRow(rotulo, widget)
        ignorar_roda_em(widget)  # listas e caixas de número não mudam com a roda sem foco
        if isinstance(widget, CampoValidado):
            self._campos.append(widget)
            widget.edit.textChanged.connect(self._on_mudou)
        return widget

    def campos_validos(self) -> bool:
        return all(c.valido() for c in self._campos)

    def atualizar_botao(self) -> None:
        self.botao_ok.setEnabled(self.campos_validos())

    def _on_mudou(self, *_args) -> None:
        self.rotulo_erro.hide()
        self.atualizar_botao()
        self._ajustar_altura()

    def _ajustar_altura(self) -> None:
        """Cresce a janela quando aparece uma mensagem de erro (rótulos com quebra de linha não
        aumentam sozinhos a altura mínima da janela) e nunca deixa os campos se sobreporem."""
        lay = self.layout()
        lay.activate()
        precisa = (lay.totalHeightForWidth(self.width()) if lay.hasHeightForWidth()
                   else lay.totalMinimumSize().height())
        self.setMinimumHeight(precisa)
        if precisa > self.height():
            self.resize(self.width(), precisa)

    def mostrar_erro(self, texto: str) -> None:
        self.rotulo_erro.setText(texto)
        self.rotulo_erro.show()
        self._ajustar_altura()

    def executar(self) -> Any:
        """Chama o serviço com os valores dos campos; levanta erro com mensagem para o usuário."""
        raise NotImplementedError

    def _on_confirmar(self) -> None:
        if not all([c.validar() for c in self._campos]):
            self.mostrar_erro("Corrija os campos indicados em vermelho.")
            return
        try:
            self.resultado = self.executar()
        except Exception as e:  # noqa: BLE001 — a recusa vai para o usuário, o diálogo fica aberto
            if not avisos.previsto(e):
                raise
            self.mostrar_erro(avisos.mensagem_de(e))
            return
        self.accept()
