"""Página "Órgão" do assistente: nome, município, UF, CNPJ e brasão (com pré-visualização)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget, QWizardPage)

from desktop.rules import validacao
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.mensagem import Mensagem
from desktop.services import instalacao

from .paginas import titulo

TAMANHO_MAXIMO_BRASAO = 2 * 1024 * 1024
_TIPOS = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg"}


class SeletorBrasao(QWidget):
    """Escolhe a imagem do brasão (PNG ou JPEG até 2 MB) e mostra como ficará."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._dados: bytes | None = None
        self._tipo: str | None = None
        self.previa = QLabel("sem brasão", self)
        self.previa.setObjectName("dica")
        self.previa.setFixedSize(104, 104)
        self.previa.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previa.setStyleSheet("background: #ffffff; border: 1px solid #c4c9cf;")
        self.botao_escolher = QPushButton("Escolher imagem…", self)
        self.botao_remover = QPushButton("Remover", self)
        self.botao_remover.setEnabled(False)
        self.arquivo = QLabel("", self)
        self.arquivo.setObjectName("dica")
        self.arquivo.setWordWrap(True)
        dica = QLabel("PNG ou JPEG, até 2 MB. Opcional: aparece no cabeçalho dos documentos.", self)
        dica.setObjectName("dica")
        dica.setWordWrap(True)
        self.erro = Mensagem(parent=self, nome="erro")

        botoes = QHBoxLayout()
        botoes.addWidget(self.botao_escolher)
        botoes.addWidget(self.botao_remover)
        botoes.addStretch(1)
        direita = QVBoxLayout()
        direita.addLayout(botoes)
        direita.addWidget(self.arquivo)
        direita.addWidget(dica)
        direita.addWidget(self.erro)
        direita.addStretch(1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.previa, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(direita, 1)

        self.botao_escolher.clicked.connect(self._on_escolher)
        self.botao_remover.clicked.connect(self._on_remover)

    def dados(self) -> tuple[bytes | None, str | None]:
        """Os bytes da imagem e o seu tipo MIME, ou (None, None) sem brasão."""
        return self._dados, self._tipo

    def carregar(self, caminho: Path | str) -> bool:
        """Lê e confere a imagem; mostra a prévia ou diz, ao lado, por que ela foi recusada."""
        caminho = Path(caminho)
        try:
            conteudo = caminho.read_bytes()
        except OSError as e:
            return self._recusar(f"Não foi possível ler {caminho.name} ({instalacao.motivo(e)}).")
        if len(conteudo) > TAMANHO_MAXIMO_BRASAO:
            mb = len(conteudo) / (1024 * 1024)
            return self._recusar(
                f"A imagem {caminho.name} tem {mb:.1f} MB; o limite é 2 MB. "
                "Reduza a imagem (por exemplo, para 600 × 600 pixels) e escolha de novo.")
        formato = bytes(QImageReader.imageFormat(str(caminho)).data()).decode().lower()
        imagem = QImage()
        if formato not in _TIPOS or not imagem.loadFromData(conteudo) or imagem.isNull():
            return self._recusar(
                f"{caminho.name} não é uma imagem PNG ou JPEG válida. Escolha um arquivo .png "
                "ou .jpg com o brasão do município.")
        self._dados, self._tipo = conteudo, _TIPOS[formato]
        self.previa.setPixmap(QPixmap.fromImage(imagem).scaled(
            100, 100, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.arquivo.setText(f"{caminho.name} — {imagem.width()} × {imagem.height()} pixels")
        self.erro.hide()
        self.botao_remover.setEnabled(True)
        return True

    def _recusar(self, texto: str) -> bool:
        self.erro.setText(texto)
        return False

    def _on_escolher(self) -> None:
        caminho, _ = QFileDialog.getOpenFileName(
            self, "Escolher o brasão", str(Path.home()), "Imagens PNG ou JPEG (*.png *.jpg *.jpeg)")
        if caminho:
            self.carregar(caminho)

    def _on_remover(self) -> None:
        self._dados = self._tipo = None
        self.previa.clear()
        self.previa.setText("sem brasão")
        self.arquivo.clear()
        self.erro.hide()
        self.botao_remover.setEnabled(False)


class PaginaOrgao(QWizardPage):
    """Dados do órgão que aparecem nos documentos emitidos."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(titulo("Órgão"))
        self.setSubTitle("Os dados do órgão aparecem no cabeçalho de todos os documentos emitidos.")
        self.nome = CampoValidado(lambda t: validacao.obrigatorio(t, "o nome do órgão"),
                                  placeholder="por exemplo: Secretaria Municipal de Educação")
        self.municipio = CampoValidado(lambda t: validacao.obrigatorio(t, "o município"),
                                       placeholder="por exemplo: Jequié")
        self.uf = QComboBox()
        self.uf.addItem("— escolha —", "")
        for sigla in validacao.UFS:
            self.uf.addItem(sigla, sigla)
        self.uf.setMaximumWidth(160)
        self.erro_uf = Mensagem(parent=self, nome="erro")
        caixa_uf = QWidget()
        lay_uf = QVBoxLayout(caixa_uf)
        lay_uf.setContentsMargins(0, 0, 0, 0)
        lay_uf.setSpacing(2)
        lay_uf.addWidget(self.uf)
        lay_uf.addWidget(self.erro_uf)
        caixa_uf.setFocusProxy(self.uf)
        self.cnpj = CampoValidado(validacao.cnpj, placeholder="00.000.000/0000-00")
        self.brasao = SeletorBrasao()

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Nome do órgão:", self.nome)
        form.addRow("&Município:", self.municipio)
        form.addRow("&UF:", caixa_uf)
        form.addRow("&CNPJ:", self.cnpj)
        form.addRow("Brasão:", self.brasao)
        for campo in (self.nome, self.municipio, self.cnpj):
            form.labelForField(campo).setBuddy(campo.edit)
        form.labelForField(caixa_uf).setBuddy(self.uf)

        self.cnpj.edit.editingFinished.connect(self._on_cnpj_editado)
        self.uf.currentIndexChanged.connect(self._on_uf_mudou)

    def _on_cnpj_editado(self) -> None:
        if self.cnpj.valido():
            formatado = validacao.formatar_cnpj(self.cnpj.valor())
            if formatado != self.cnpj.texto():
                self.cnpj.definir_texto(formatado)

    def _on_uf_mudou(self, _indice: int) -> None:
        if self.uf.currentData():
            self.erro_uf.hide()

    def validatePage(self) -> bool:
        ok = all([campo.validar() for campo in (self.nome, self.municipio, self.cnpj)])
        if not self.uf.currentData():
            self.erro_uf.setText("Escolha a UF do município.")
            ok = False
        return ok

    def dados(self) -> dict:
        brasao, tipo = self.brasao.dados()
        return {"nome": self.nome.valor(), "municipio": self.municipio.valor(),
                "uf": self.uf.currentData(), "cnpj": self.cnpj.valor(),
                "brasao": brasao, "brasao_tipo": tipo}
