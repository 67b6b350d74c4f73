"""Perguntas de confirmação e avisos de erro das telas de administração, com botões em português.

As telas chamam ``avisos.confirmar`` e ``avisos.erro`` pelo módulo (não importam as funções
soltas), para que haja um só ponto onde a pergunta é feita.
"""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.rules.validacao import EntradaInvalida


def previsto(erro: BaseException) -> bool:
    """Erro que o usuário pode resolver: recusas do Paço (módulos ``desktop.*``) e de arquivo."""
    return (isinstance(erro, (EntradaInvalida, OSError))
            or type(erro).__module__.startswith("desktop."))


def mensagem_de(erro: BaseException) -> str:
    """O texto para o usuário. Erros do Paço já trazem a mensagem pronta, em português."""
    if isinstance(erro, EntradaInvalida) or type(erro).__module__.startswith("desktop."):
        return str(erro)
    if isinstance(erro, OSError):
        alvo = f" ({erro.filename})" if getattr(erro, "filename", None) else ""
        return (f"Não foi possível ler ou gravar o arquivo{alvo}: {erro.strerror or erro}. "
                "Verifique se a pasta existe, se há espaço livre e se o pen drive está conectado.")
    return f"Ocorreu um erro inesperado: {erro}. Anote a mensagem e procure o suporte."


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
