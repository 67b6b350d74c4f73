"""Convidar uma máquina nova (Administração › Sincronização, só o administrador).

``DialogoConvite`` pede o nome da máquina, se ela recebe o conteúdo sigiloso do Conselho e a pasta onde
gravar o convite. ``DialogoCodigo`` mostra o código de uso único **uma vez** (o Paço não o grava), com a
opção de imprimi-lo: ele vai à máquina nova por outro caminho que o convite (papel, telefone).
"""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from desktop.screens.widgets.impressao import nova_impressora


def imprimir_html(parent: QWidget | None, titulo: str, conteudo: str) -> bool:
    """Diálogo de impressão do sistema e a impressão de um texto curto (HTML). O texto não vai ao disco."""
    impressora = nova_impressora()
    dialogo = QPrintDialog(impressora, parent)
    dialogo.setWindowTitle(titulo)
    if dialogo.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    documento = QTextDocument()
    documento.setHtml(conteudo)
    documento.print_(impressora)
    return True


class _DialogoArquivo(QDialog):
    """Base dos dois diálogos: explicação, formulário com um caminho escolhido por botão e OK/Cancelar."""

    def _linha_caminho(self, campo: QLineEdit, ao_escolher) -> QHBoxLayout:
        """O caminho (só leitura) e o botão Escolher… ao lado."""
        campo.setReadOnly(True)
        escolher = QPushButton("&Escolher…", self)
        escolher.clicked.connect(ao_escolher)
        linha = QHBoxLayout()
        linha.addWidget(campo, 1)
        linha.addWidget(escolher)
        return linha

    def _montar(self, explicacao: str, form: QFormLayout, texto_ok: str) -> None:
        rotulo = QLabel(explicacao, self)
        rotulo.setWordWrap(True)
        self.botoes = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                       self)
        self.botoes.button(QDialogButtonBox.StandardButton.Ok).setText(texto_ok)
        self.botoes.button(QDialogButtonBox.StandardButton.Cancel).setText("Cancelar")
        self.botoes.accepted.connect(self.accept)
        self.botoes.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(rotulo)
        lay.addLayout(form)
        lay.addWidget(self.botoes)


class DialogoConvite(_DialogoArquivo):
    """Nome da máquina nova, domínios que ela recebe e a pasta do convite."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Convidar máquina")
        self.nome = QLineEdit(self)
        self.nome.setPlaceholderText("p.ex. Notebook do plantão")
        self.sigilo = QCheckBox("Recebe o conteúdo sigiloso do Conselho Tutelar (máquina de conselheiros)", self)
        self.pasta = QLineEdit(self)
        form = QFormLayout()
        form.addRow("&Nome da máquina:", self.nome)
        form.addRow("", self.sigilo)
        form.addRow("&Gravar o convite em:", self._linha_caminho(self.pasta, self._on_escolher_pasta))
        self._montar("O convite registra a máquina nova no órgão (a sua aprovação) e leva as chaves dela, "
                     "seladas por um código de uso único que aparece uma vez só. Sem o sigilo, a máquina "
                     "nunca recebe conteúdo de caso (folha, comissão eleitoral).", form, "Convidar")
        self.nome.textChanged.connect(self._on_mudou)
        self._on_mudou()

    def _on_escolher_pasta(self) -> None:
        pasta = QFileDialog.getExistingDirectory(self, "Onde gravar o convite (pen drive)")
        if pasta:
            self.pasta.setText(pasta)
            self._on_mudou()

    def _on_mudou(self, *_args) -> None:
        self.botoes.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.nome.text().strip() and self.pasta.text()))

    def pedir(self) -> tuple[str, bool, Path] | None:
        if self.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.nome.text().strip(), self.sigilo.isChecked(), Path(self.pasta.text())


class DialogoCodigo(QDialog):
    """O código de uso único do convite, mostrado uma vez, com Imprimir."""

    def __init__(self, nome: str, arquivo: str, codigo: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Código do convite")
        self._nome, self._codigo = nome, codigo
        aviso = QLabel(f"Código do convite de <b>{html.escape(nome)}</b>. Ele aparece <b>só agora</b>: o Paço "
                       "não o grava. Anote-o ou imprima-o e entregue-o por outro caminho que o convite "
                       f"(gravado em {html.escape(arquivo)}). Na máquina nova, o administrador digita este código "
                       "ao juntá-la ao órgão; sem ele, só a chave de recuperação do órgão abre o convite.", self)
        aviso.setWordWrap(True)
        self.codigo = QLabel(codigo, self)
        fonte = QFont("monospace")
        fonte.setStyleHint(QFont.StyleHint.Monospace)
        fonte.setPointSize(20)
        fonte.setBold(True)
        self.codigo.setFont(fonte)
        self.codigo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.botao_imprimir = QPushButton("&Imprimir…", self)
        fechar = QPushButton("&Fechar", self)
        self.botao_imprimir.clicked.connect(self._on_imprimir)
        fechar.clicked.connect(self.accept)
        botoes = QHBoxLayout()
        botoes.addWidget(self.botao_imprimir)
        botoes.addStretch(1)
        botoes.addWidget(fechar)
        lay = QVBoxLayout(self)
        lay.addWidget(aviso)
        lay.addWidget(self.codigo)
        lay.addLayout(botoes)

    def html_impressao(self) -> str:
        return (f"<h2>Convite de máquina do Paço</h2><p>Máquina: <b>{html.escape(self._nome)}</b></p>"
                f"<p style='font-size:24pt; font-family:monospace'><b>{self._codigo}</b></p>"
                "<p>Código de uso único. Entregue-o ao administrador da máquina nova, separado do arquivo do "
                "convite; depois de juntar a máquina, destrua esta folha.</p>")

    def _on_imprimir(self) -> None:
        imprimir_html(self, "Imprimir código do convite", self.html_impressao())

    def accept(self) -> None:  # o código não fica na memória da tela depois de fechada
        self.codigo.clear()
        self._codigo = ""
        super().accept()


class DialogoJuntar(_DialogoArquivo):
    """Na máquina nova (uma cópia de segurança da sede feita depois do convite, já restaurada aqui): o
    arquivo do convite e o código de uso único — ou a chave de recuperação do órgão."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Juntar esta máquina ao órgão")
        self.arquivo = QLineEdit(self)
        linha = self._linha_caminho(self.arquivo, self._on_escolher_convite)  # antes do código: ordem do Tab
        self.codigo = QLineEdit(self)
        self.codigo.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.codigo.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow("&Convite:", linha)
        form.addRow("Có&digo ou chave de recuperação:", self.codigo)
        self._montar("Use isto na máquina nova, depois de restaurar nela a cópia de segurança da sede feita "
                     "depois do convite. Esta base passa a ser a réplica do convite e troca as suas chaves: "
                     "o arquivo de chaves da sede não a abre mais. Digite o código que o administrador "
                     "da sede recebeu ao convidar (ou a chave de recuperação do órgão).", form, "Juntar")
        self.codigo.textChanged.connect(self._on_mudou)
        self._on_mudou()

    def _on_escolher_convite(self) -> None:
        caminho, _ = QFileDialog.getOpenFileName(self, "Convite da máquina", "", "Convites do Paço (*.pacoconvite)")
        if caminho:
            self.arquivo.setText(caminho)
            self._on_mudou()

    def _on_mudou(self, *_args) -> None:
        self.botoes.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.arquivo.text() and self.codigo.text().strip()))

    def pedir(self) -> tuple[Path, str] | None:
        try:
            if self.exec() != QDialog.DialogCode.Accepted:
                return None
            return Path(self.arquivo.text()), self.codigo.text().strip()
        finally:
            self.codigo.clear()
