"""Caixas de mensagem em português com botões de texto explícito (não dependem da tradução do Qt)."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def perguntar(parent: QWidget | None, titulo: str, texto: str, *, sim: str = "Sim",
              nao: str = "Não", padrao_sim: bool = False) -> bool:
    """Pergunta e devolve True se o usuário escolheu ``sim``. O padrão é ``nao`` (ações destrutivas)."""
    caixa = QMessageBox(QMessageBox.Icon.Question, titulo, texto, QMessageBox.StandardButton.NoButton, parent)
    botao_sim = caixa.addButton(sim, QMessageBox.ButtonRole.YesRole)
    botao_nao = caixa.addButton(nao, QMessageBox.ButtonRole.NoRole)
    caixa.setDefaultButton(botao_sim if padrao_sim else botao_nao)
    caixa.setEscapeButton(botao_nao)
    caixa.exec()
    return caixa.clickedButton() is botao_sim


def avisar(parent: QWidget | None, titulo: str, texto: str, *, erro: bool = False) -> None:
    icone = QMessageBox.Icon.Critical if erro else QMessageBox.Icon.Information
    caixa = QMessageBox(icone, titulo, texto, QMessageBox.StandardButton.NoButton, parent)
    caixa.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
    caixa.exec()
