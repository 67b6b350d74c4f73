"""Assistente de primeira execução (QWizard): órgão, administrador, pasta de dados e chave de recuperação."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget, QWizard

from desktop.screens.login.mensagens import perguntar
from desktop.screens.widgets.tarefa import executar
from desktop.services import acesso, instalacao, local

from .conclusao import PaginaConclusao
from .juntar import DialogoJuntarOrgao
from .orgao import PaginaOrgao
from .paginas import PaginaAdministrador, PaginaPasta

BOTOES = {
    QWizard.WizardButton.BackButton: "< Voltar",
    QWizard.WizardButton.NextButton: "Avançar >",
    QWizard.WizardButton.CommitButton: "Criar instalação",
    QWizard.WizardButton.FinishButton: "Concluir",
    QWizard.WizardButton.CancelButton: "Cancelar",
    QWizard.WizardButton.HelpButton: "Ajuda",
}
ETAPAS = ("Órgão", "Administrador", "Pasta de dados", "Chave de recuperação")


def _criar_instalacao(_progresso, caminho: Path, escritorio: acesso.DadosEscritorio, admin: dict):
    return acesso.criar_instalacao(caminho, escritorio, login=admin["login"], nome=admin["nome"],
                                   senha=admin["senha"])


class Assistente(QWizard):
    """Conduz a primeira instalação; ao concluir, emite ``sig_concluido(sessao)`` do administrador."""

    sig_concluido = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Paço — primeira execução")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        for botao, texto in BOTOES.items():
            self.setButtonText(botao, texto)
        self.sessao = None
        self.caminho: Path | None = None
        self.pagina_orgao = PaginaOrgao()
        self.pagina_admin = PaginaAdministrador()
        self.pagina_pasta = PaginaPasta(self._criar)
        self.pagina_conclusao = PaginaConclusao()
        for pagina in (self.pagina_orgao, self.pagina_admin, self.pagina_pasta, self.pagina_conclusao):
            self.addPage(pagina)
        self._etapas = QLabel()
        self._etapas.setObjectName("dica")
        lateral = self._lateral = QWidget()  # o QWizard não assume a posse do widget lateral
        lay = QVBoxLayout(lateral)
        titulo = QLabel("Paço")
        titulo.setObjectName("titulo")
        lay.addWidget(titulo)
        lay.addWidget(self._etapas)
        lay.addStretch(1)
        self.botao_juntar = QPushButton("&Juntar-se a um órgão existente…")
        self.botao_juntar.setToolTip("Esta máquina é mais uma do órgão (notebook do plantão, PC da folha): "
                                     "use a cópia da sede e o convite, em vez de criar uma base nova.")
        self.botao_juntar.clicked.connect(self._on_juntar)
        lay.addWidget(self.botao_juntar)
        self.dialogo_juntar: DialogoJuntarOrgao | None = None
        lateral.setMinimumWidth(230)
        self.setSideWidget(lateral)
        self.currentIdChanged.connect(self._on_pagina_mudou)
        self._on_pagina_mudou(0)
        self.resize(860, 620)

    def _on_pagina_mudou(self, indice: int) -> None:
        linhas = []
        for i, nome in enumerate(ETAPAS):
            if i == indice:
                linhas.append(f"<p><b>{i + 1}. {nome}</b></p>")
            else:
                cor = "#6a737d" if i > indice else "#1f7a3a"
                marca = "✓ " if i < indice else ""
                linhas.append(f"<p style='color:{cor}'>{marca}{i + 1}. {nome}</p>")
        self._etapas.setText("".join(linhas))

    def _on_juntar(self) -> None:
        self.dialogo_juntar = DialogoJuntarOrgao(self)
        self.dialogo_juntar.sig_juntada.connect(self._on_juntada)
        self.dialogo_juntar.open()

    def _on_juntada(self, sessao) -> None:
        self.sessao = sessao
        self.caminho = self.dialogo_juntar.caminho
        # a janela principal abre com o administrador, na máquina já juntada. Não por self.accept(): o
        # QWizard.done valida a página atual (a do órgão, vazia) e não fecharia — o assistente ficava aberto
        # com a sessão, e fechá-lo depois perguntava pela chave de recuperação de uma base que não criou
        self.sig_concluido.emit(sessao)
        QDialog.done(self, QDialog.DialogCode.Accepted)

    def _criar(self, pasta: str) -> bool:
        """Cria a base cifrada fora da thread da interface; devolve True se deu certo."""
        try:
            caminho = instalacao.verificar_pasta_dados(pasta)
            orgao = self.pagina_orgao.dados()
            escritorio = acesso.DadosEscritorio(**orgao)
            admin = self.pagina_admin.dados()
        except Exception as e:  # noqa: BLE001 — toda falha vira mensagem ao lado do campo
            self.pagina_pasta.mostrar_erro(instalacao.mensagem(e))
            return False
        self.setEnabled(False)
        tarefa = executar(self, "Criando a base cifrada e o administrador…", _criar_instalacao,
                          caminho, escritorio, admin)
        tarefa.dialogo.setCancelButton(None)  # a criação é uma transação curta: não se interrompe
        espera = QEventLoop()
        tarefa.sig_concluida.connect(espera.quit)
        tarefa.sig_falhou.connect(espera.quit)
        espera.exec()
        self.setEnabled(True)
        if tarefa.erro is not None:
            self.pagina_pasta.mostrar_erro(instalacao.mensagem(tarefa.erro))
            return False
        self.sessao, chave = tarefa.resultado
        self.caminho = caminho
        local.gravar(base=str(caminho))
        self.pagina_conclusao.mostrar_chave(chave, self.sessao)
        return True

    def accept(self) -> None:
        # primeiro a janela principal aparece; só depois o assistente fecha (senão, sem janelas
        # visíveis, o Qt encerraria o programa)
        self.sig_concluido.emit(self.sessao)
        super().accept()

    def reject(self) -> None:
        if self.sessao is None or self.result() == QDialog.DialogCode.Accepted:  # nada a perder, ou já concluído
            super().reject()
            return
        if self.pagina_conclusao.confirmado():
            self.accept()
            return
        if perguntar(self, "Chave de recuperação",
                     "Você ainda não confirmou que guardou a chave de recuperação. Ela não será "
                     "mostrada de novo e é a única forma de abrir a base se todas as senhas de "
                     "administrador forem esquecidas.\n\nSair mesmo assim?",
                     sim="Sair sem confirmar", nao="Voltar à chave"):
            self.sessao.fechar()
            self.sessao = None
            super().reject()
