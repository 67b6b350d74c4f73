"""Página "Chave de recuperação": mostra a chave uma única vez, imprime a folha (ou a salva em PDF onde
o usuário escolher, depois de avisado) e exige confirmação."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget, QWizardPage)

from desktop.screens.login.mensagens import avisar
from desktop.screens.widgets import arquivo
from desktop.screens.widgets.impressao import imprimir_pdfs
from desktop.screens.widgets.tarefa import Cancelado, executar
from desktop.services import documentos, instalacao

from .paginas import titulo

def _folha_em_memoria(progresso, sessao, chave: str) -> bytes:
    """A folha (para a impressora, ou para o arquivo escolhido, gravado depois por ``widgets.arquivo``)."""
    emitido = documentos.emitir_folha_recuperacao(sessao, chave)
    if progresso.cancelado:
        raise Cancelado()
    return emitido.pdf


AVISO_ARQUIVO = (
    "O arquivo da folha contém a chave de recuperação: quem tiver esse arquivo abre a base inteira e "
    "todas as cópias de segurança, com os dados sigilosos do Conselho Tutelar. Prefira imprimir.\n\n"
    "Salve o PDF só num lugar que você mesmo escolher e que vá para o cofre (por exemplo, um pen drive "
    "usado só para isso) — nunca na pasta das cópias, num compartilhamento ou na nuvem — e apague o "
    "arquivo depois de imprimir.\n\nSalvar mesmo assim?")


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
        self.botao_imprimir = QPushButton("Imprimir a folha da chave… (Ctrl+P)")
        self.botao_imprimir.setDefault(True)
        self.botao_pdf = QPushButton("Salvar em PDF…")
        self.botao_pdf.setToolTip("Grava um arquivo com a chave: só onde você escolher, e apague-o depois.")
        self.situacao_pdf = QLabel()
        self.situacao_pdf.setObjectName("dica")
        self.situacao_pdf.setWordWrap(True)
        linha = QHBoxLayout()
        linha.addWidget(self.botao_imprimir)
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
        self.botao_imprimir.clicked.connect(self._on_imprimir)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self._on_imprimir)
        self.botao_pdf.clicked.connect(self._on_salvar_pdf)
        self.confirmacao.toggled.connect(self.completeChanged)
        self.impressao = None

    def mostrar_chave(self, chave: str, sessao) -> None:
        self._chave, self._sessao = chave, sessao
        grupos = chave.split("-")
        meio = (len(grupos) + 1) // 2
        self.chave.setText("-".join(grupos[:meio]) + "\n" + "-".join(grupos[meio:]))

    def confirmado(self) -> bool:
        return self.confirmacao.isChecked()

    def isComplete(self) -> bool:
        return bool(self._chave) and self.confirmado()

    def _on_imprimir(self) -> None:
        """Gera a folha em memória (segundo plano) e abre o diálogo de impressão do sistema."""
        if not self._chave or not self.botao_imprimir.isEnabled():
            return
        self.botao_imprimir.setEnabled(False)
        self.situacao_pdf.setText("Preparando a folha para imprimir…")
        self._tarefa = executar(self, "Preparando a folha da chave de recuperação…", _folha_em_memoria,
                                self._sessao, self._chave)
        self._tarefa.sig_concluida.connect(self._on_folha_pronta)
        self._tarefa.sig_falhou.connect(self._on_impressao_falhou)

    def _on_folha_pronta(self, pdf: bytes) -> None:
        self.botao_imprimir.setEnabled(True)
        self.situacao_pdf.clear()
        self.impressao = imprimir_pdfs(self, pdf, titulo="Imprimir a folha da chave de recuperação",
                                       nome_trabalho="Chave de recuperação - Paço")
        if self.impressao is not None:
            self.situacao_pdf.setText("Folha enviada à impressora. Guarde-a no cofre.")

    def _on_impressao_falhou(self, erro: BaseException) -> None:
        self.botao_imprimir.setEnabled(True)
        self.situacao_pdf.clear()
        if not isinstance(erro, Cancelado):
            avisar(self, "Folha da chave de recuperação", instalacao.mensagem(erro), erro=True)

    def _on_salvar_pdf(self) -> None:
        resposta = QMessageBox.warning(self, "Salvar a chave num arquivo", AVISO_ARQUIVO,
                                       QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                       QMessageBox.StandardButton.No)
        if resposta != QMessageBox.StandardButton.Yes:
            return
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
        self._tarefa = executar(self, "Gerando a folha da chave de recuperação…", _folha_em_memoria,
                                self._sessao, self._chave)
        self._tarefa.sig_concluida.connect(lambda pdf: self._on_pdf_gerado(pdf, destino))
        self._tarefa.sig_falhou.connect(self._on_pdf_falhou)

    def _on_pdf_gerado(self, pdf: bytes, destino: Path) -> None:
        """Grava fora da thread da interface, inteiro ou nada; a recusa do sistema vira aviso com o lugar e o porquê."""
        self.situacao_pdf.setText("Gravando a folha…")
        arquivo.gravar(self, destino, pdf, self._on_pdf_salvo, titulo_erro="Folha da chave de recuperação",
                       depois="Imprima a folha ou salve-a de novo noutro lugar.",
                       ao_falhar=self._on_pdf_nao_gravado)

    def _on_pdf_salvo(self, destino: Path) -> None:
        self.botao_pdf.setEnabled(True)
        self.pdf_salvo = destino
        self.situacao_pdf.setText(f"Folha salva em {destino}. Imprima-a e depois apague o arquivo.")
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(destino)))

    def _on_pdf_nao_gravado(self, _erro: OSError) -> None:
        self.botao_pdf.setEnabled(True)  # o aviso (widgets.arquivo) já disse onde e por quê
        self.situacao_pdf.clear()

    def _on_pdf_falhou(self, erro: BaseException) -> None:
        self.botao_pdf.setEnabled(True)
        self.situacao_pdf.clear()
        if not isinstance(erro, Cancelado):
            avisar(self, "Folha da chave de recuperação", instalacao.mensagem(erro), erro=True)
