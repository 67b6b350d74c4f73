"""Perguntas de confirmação e avisos de erro de todas as telas, com botões em português.

As telas chamam ``avisos.confirmar`` e ``avisos.erro`` pelo módulo (não importam as funções
soltas), para que haja um só ponto onde a pergunta é feita.
"""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services import instalacao


def previsto(erro: BaseException) -> bool:
    """Erro que o usuário pode resolver: recusas do Paço (regra, permissão, entrada, base) e de
    arquivo. Os demais são defeitos e seguem para o tratamento geral da aplicação."""
    return isinstance(erro, (*instalacao.ERROS_PREVISTOS, OSError))


def mensagem_de(erro: BaseException) -> str:
    """O texto para o usuário, em português, dizendo o que fazer."""
    return instalacao.mensagem(erro)


def motivo(erro: OSError) -> str:
    """Por que o sistema operacional recusou (disco cheio, sem permissão…), em português."""
    return instalacao.motivo(erro)


def confirmar(parent: QWidget | None, titulo: str, texto: str, *, sim: str, detalhe: str = "",
              perigoso: bool = False) -> bool:
    """Pergunta antes de uma ação; ``perigoso`` deixa "Cancelar" como botão padrão."""
    caixa = QMessageBox(parent)
    caixa.setIcon(QMessageBox.Icon.Warning if perigoso else QMessageBox.Icon.Question)
    caixa.setWindowTitle(titulo)
    caixa.setText(texto)
    if detalhe:
        caixa.setInformativeText(detalhe)
    botao_sim = caixa.addButton(sim, QMessageBox.ButtonRole.AcceptRole)
    botao_nao = caixa.addButton("Cancelar", QMessageBox.ButtonRole.RejectRole)
    caixa.setDefaultButton(botao_nao if perigoso else botao_sim)
    caixa.setEscapeButton(botao_nao)
    caixa.exec()
    return caixa.clickedButton() is botao_sim


def erro(parent: QWidget | None, titulo: str, problema: BaseException | str) -> None:
    """Mostra um erro; ``problema`` pode ser a exceção (a mensagem sai de ``mensagem_de``)."""
    texto = problema if isinstance(problema, str) else mensagem_de(problema)
    caixa = QMessageBox(parent)
    caixa.setIcon(QMessageBox.Icon.Warning)
    caixa.setWindowTitle(titulo)
    caixa.setText(texto)
    caixa.addButton("Fechar", QMessageBox.ButtonRole.AcceptRole)
    caixa.exec()
