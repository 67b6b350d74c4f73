"""Página "Chave de recuperação": mostra a chave uma única vez, oferece a folha em PDF e exige confirmação."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget, QWizardPage)

from desktop.screens.login.mensagens import avisar
from desktop.screens.widgets.tarefa import Cancelado, executar
from desktop.services import documentos, instalacao

from .paginas import titulo

def _gerar_folha(progresso, sessao, chave: str, destino: Path) -> Path:
    emitido = documentos.emitir_folha_recuperacao(sessao, chave)
    if progresso.cancelado:
        raise Cancelado()
    destino.write_bytes(emitido.pdf)
    return destino


TEXTO_CONFIRMACAO = "Imprimi ou anotei a chave de recuperação e a guardei em local seguro"


class PaginaConclusao(QWizardPage):
    """Última página: a instalação já foi criada; Concluir só depois da confirmação."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(titulo("Chave de recuperação"))
        self.setSubTitle("A base foi criada. Guarde agora a chave de recuperação: ela não será mostrada de novo.")
        self._sessao = None
        self._chave = ""
        self._tarefa = None
        self.pdf_salvo: Path | None = None
        explicacao = QLabel(
            "Esta chave abre a base e as cópias de segurança se todas as senhas de administrador "
            "forem esquecidas ou se o arquivo de chaves se perder. O Paço não a guarda em lugar "
            "nenhum: <b>ela aparece só agora, uma única vez</b>.")
        explicacao.setWordWrap(True)
        self.chave = QLabel()
        self.chave.setObjectName("chaveRecuperacao")
        self.chave.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chave.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chave.setWordWrap(True)
        instrucoes = QLabel(
            "<ol style='margin-left: -20px'>"
            "<li>Imprima a folha da chave (ou anote a chave à mão, com cuidado, letra por letra).</li>"
            "<li>Guarde a folha em envelope lacrado, em cofre ou armário trancado, longe deste computador.</li>"
            "<li>Não fotografe a chave, não a envie por e-mail ou aplicativo de mensagens e não a "
            "grave no computador ou no pen drive das cópias.</li></ol>")
        instrucoes.setWordWrap(True)
        self.botao_pdf = QPushButton("Imprimir / salvar PDF da chave…")
        self.situacao_pdf = QLabel()
        self.situacao_pdf.setObjectName("dica")
        self.situacao_pdf.setWordWrap(True)
        linha = QHBoxLayout()
        linha.addWidget(self.botao_pdf)
        linha.addWidget(self.situacao_pdf, 1)
        self.confirmacao = QCheckBox(TEXTO_CONFIRMACAO)
        lay = QVBoxLayout(self)
        lay.addWidget(explicacao)
        lay.addSpacing(6)
        lay.addWidget(self.chave)
        lay.addSpacing(6)
        lay.addWidget(instrucoes)
        lay.addLayout(linha)
        lay.addStretch(1)
        lay.addWidget(self.confirmacao)
        self.botao_pdf.clicked.connect(self._on_salvar_pdf)
        self.confirmacao.toggled.connect(self.completeChanged)

    def mostrar_chave(self, chave: str, sessao) -> None:
        self._chave, self._sessao = chave, sessao
        grupos = chave.split("-")
        meio = (len(grupos) + 1) // 2
        self.chave.setText("-".join(grupos[:meio]) + "\n" + "-".join(grupos[meio:]))

    def confirmado(self) -> bool:
        return self.confirmacao.isChecked()

    def isComplete(self) -> bool:
        return bool(self._chave) and self.confirmado()

    def _on_salvar_pdf(self) -> None:
        sugestao = Path.home() / "Folha da chave de recuperação - Paço.pdf"
        destino, _ = QFileDialog.getSaveFileName(self, "Salvar a folha da chave de recuperação",
                                                 str(sugestao), "Documento PDF (*.pdf)")
        if destino:
            self.salvar_pdf(Path(destino))

    def salvar_pdf(self, destino: Path) -> None:
        """Gera a folha (documento registrado, sem guardar a chave) e a grava em ``destino``."""
        if destino.suffix.lower() != ".pdf":
            destino = destino.with_name(destino.name + ".pdf")
        self.botao_pdf.setEnabled(False)
        self.situacao_pdf.setText("Gerando a folha…")
        self._tarefa = executar(self, "Gerando a folha da chave de recuperação…", _gerar_folha,
                                self._sessao, self._chave, destino)
        self._tarefa.sig_concluida.connect(self._on_pdf_salvo)
        self._tarefa.sig_falhou.connect(self._on_pdf_falhou)

    def _on_pdf_salvo(self, destino: Path) -> None:
        self.botao_pdf.setEnabled(True)
        self.pdf_salvo = destino
        self.situacao_pdf.setText(f"Folha salva em {destino}. Imprima-a e depois apague o arquivo.")
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(destino)))

    def _on_pdf_falhou(self, erro: BaseException) -> None:
        self.botao_pdf.setEnabled(True)
        self.situacao_pdf.clear()
        if not isinstance(erro, Cancelado):
            avisar(self, "Folha da chave de recuperação", instalacao.mensagem(erro), erro=True)
