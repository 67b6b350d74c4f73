"""Anexos do processo na tela: anexar (PDF, PNG ou JPEG), ver e imprimir sem gravar o arquivo no disco.

O arquivo escolhido é lido para a memória e guardado na base cifrada (``services.certificacao.anexos``);
ver desenha as páginas em memória (pypdfium2 para PDF, QImage para imagem) e imprimir manda os bytes à
impressão do Paço. Nada é escrito em pasta temporária (Portaria MEC 902/2024, art. 12 XIV; LGPD).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from desktop.screens.widgets import formato
from desktop.screens.widgets.impressao import imprimir_pdfs
from desktop.screens.widgets.tabela import Coluna, Lista
from desktop.services.certificacao import anexos

from .comum import CARREGANDO, ler, operar

PAGINAS_NA_TELA = 8
"""Páginas desenhadas no visualizador (o resto, na impressão): a tela não trava com um PDF grande."""


def imagens_do_anexo(conteudo: bytes, formato: str, largura: int = 900) -> list[QImage]:
    """As páginas do anexo como imagens, desenhadas em memória."""
    if formato != "pdf":
        imagem = QImage.fromData(conteudo)
        return [imagem] if not imagem.isNull() else []
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(conteudo)
    imagens = []
    try:
        for i in range(min(len(doc), PAGINAS_NA_TELA)):
            pagina = doc[i]
            try:
                bitmap = pagina.render(scale=largura / pagina.get_size()[0], prefer_bgrx=True)
                try:
                    imagens.append(QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                                          QImage.Format.Format_RGB32).copy())
                finally:
                    bitmap.close()
            finally:
                pagina.close()
    finally:
        doc.close()
    return imagens


class VisualizadorAnexo(QDialog):
    """O anexo na tela, página a página, com Imprimir."""

    def __init__(self, sessao, anexo: dict, parent: QWidget | None = None, *, imagens: list[QImage] | None = None):
        """``imagens``: as páginas já desenhadas fora da thread da interface (``imagens_do_anexo``)."""
        super().__init__(parent)
        self.setWindowTitle(f"{anexos.TIPOS[anexo['tipo']]} — {anexo['descricao']}")
        self.resize(980, 720)
        self._sessao, self._anexo = sessao, anexo
        self.tarefa = None
        corpo = QWidget()
        lay_corpo = QVBoxLayout(corpo)
        self.paginas: list[QLabel] = []
        if imagens is None:
            imagens = imagens_do_anexo(anexo["conteudo"], anexo["formato"])
        for imagem in imagens:
            rotulo = QLabel(corpo)
            rotulo.setPixmap(QPixmap.fromImage(imagem))
            rotulo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            lay_corpo.addWidget(rotulo)
            self.paginas.append(rotulo)
        rolagem = QScrollArea(self)
        rolagem.setWidgetResizable(True)
        rolagem.setWidget(corpo)
        self.botao_imprimir = QPushButton("&Imprimir…", self)
        self.botao_imprimir.clicked.connect(self._on_imprimir)
        fechar = QPushButton("Fechar", self)
        fechar.clicked.connect(self.accept)
        barra = QHBoxLayout()
        barra.addWidget(QLabel(f"{anexo['nome_arquivo']} · {formato.tamanho(anexo['tamanho'])} · anexado em "
                               f"{formato.momento(anexo['anexado_em'])} por {anexo['anexado_por']}", self), 1)
        barra.addWidget(self.botao_imprimir)
        barra.addWidget(fechar)
        lay = QVBoxLayout(self)
        lay.addWidget(rolagem, 1)
        lay.addLayout(barra)

    def _on_imprimir(self) -> None:
        _imprimir_anexo(self, self._sessao, self._anexo["id"])


def _imprimir_anexo(dono: QWidget, sessao, anexo_id: str) -> None:
    """Lê o PDF do anexo fora da thread da interface (``widgets.servicos.consulta``) e abre a impressão."""
    from desktop.screens.widgets import servicos

    def _on_lido(pdf: bytes) -> None:
        dono.tarefa = imprimir_pdfs(dono, pdf, titulo="Imprimir anexo")

    servicos.consulta(dono, lambda: anexos.anexo_para_imprimir(sessao, anexo_id), _on_lido,
                      titulo_erro="Imprimir anexo")


class DialogoAnexos(QDialog):
    """Lista dos anexos do processo, com Anexar, Ver e Imprimir."""

    def __init__(self, sessao, processo: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Anexos — {processo['nome']}")
        self.resize(760, 420)
        self._sessao, self._processo = sessao, processo
        self.visualizador: VisualizadorAnexo | None = None
        self.tarefa = None  # a gravação do anexo (comum.operar) ou a impressão
        self.lendo, self._anexos = False, []  # a lista é lida fora da thread da interface (comum.ler)
        self._novo: str | None = None  # o anexo recém-gravado, escolhido na lista relida
        self.lista = Lista([
            Coluna("Tipo", lambda a: anexos.TIPOS[a["tipo"]], largura=150),
            Coluna("Descrição", lambda a: a["descricao"], esticar=True, largura=200),
            Coluna("Arquivo", lambda a: a["nome_arquivo"], largura=150),
            Coluna("Tamanho", lambda a: formato.tamanho(a["tamanho"]), ordenar=lambda a: a["tamanho"],
                   alinhamento="direita", largura=80),
            Coluna("Anexado em", lambda a: formato.momento(a["anexado_em"]), ordenar=lambda a: a["anexado_em"],
                   largura=130),
            Coluna("Por", lambda a: a["anexado_por"], largura=90),
        ], self, nome="Anexos do processo", ao_abrir=lambda _a: self._on_ver())  # Enter ou duplo clique: Ver
        self.tipo = QComboBox(self)
        for valor, rotulo in anexos.TIPOS.items():
            self.tipo.addItem(rotulo, valor)
        self.descricao = QLineEdit(self)
        self.descricao.setPlaceholderText("o que é o documento, ex.: certificado de conclusão do ensino médio")
        self.botao_anexar = QPushButton("&Anexar arquivo…", self)
        self.botao_ver = QPushButton("&Ver", self)
        self.botao_imprimir = QPushButton("&Imprimir…", self)
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        self.botao_anexar.clicked.connect(self._on_anexar)
        self.botao_ver.clicked.connect(self._on_ver)
        self.botao_imprimir.clicked.connect(self._on_imprimir)
        from desktop.rules.papeis import Permissao

        self.botao_anexar.setEnabled(sessao.pode(Permissao.CERTIFICACAO_EDITAR))
        self.botao_ver.setEnabled(False)
        self.botao_imprimir.setEnabled(False)
        novo = QHBoxLayout()
        novo.addWidget(self.tipo)
        novo.addWidget(self.descricao, 1)
        novo.addWidget(self.botao_anexar)
        barra = QHBoxLayout()
        barra.addWidget(self.botao_ver)
        barra.addWidget(self.botao_imprimir)
        barra.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("Documentos digitalizados guardados na base cifrada (PDF, PNG ou JPEG, até 10 MB); "
                             "não se apagam (Portaria MEC 902/2024, art. 12, XIV).", self))
        lay.addWidget(self.lista.visao, 1)
        lay.addLayout(barra)
        lay.addLayout(novo)
        lay.addWidget(self.situacao)
        self.atualizar()

    def atualizar(self) -> None:
        """Relê os anexos fora da thread da interface; Ver e Imprimir esperam a lista."""
        sessao, pid = self._sessao, self._processo["id"]
        if not self._anexos:
            self.situacao.setText(CARREGANDO)
        ler(self, lambda: anexos.listar_anexos(sessao, pid), self._on_lido, titulo_erro="Anexos não lidos")

    def _on_lido(self, lista: list[dict]) -> None:
        if self.situacao.text() == CARREGANDO:
            self.situacao.clear()
        self._anexos = lista
        escolhido, self._novo = self.lista.definir_linhas(lista, escolher=self._novo), None
        tem = bool(self._anexos)
        self.botao_ver.setEnabled(tem)
        self.botao_imprimir.setEnabled(tem)
        if tem and not escolhido:  # nada escolhido: o último anexado
            self.lista.selecionar(self._anexos[-1]["id"])

    def _selecionado(self) -> dict | None:
        return self.lista.selecionada()

    def anexar_arquivo(self, caminho: Path) -> None:
        """Lê o arquivo e o guarda na base fora da thread da interface (``comum.operar``); a recusa vai para
        a situação, o anexo gravado aparece na lista relida."""
        sessao, pid, tipo, descricao = self._sessao, self._processo["id"], self.tipo.currentData(), self.descricao.text()
        caminho = Path(caminho)
        operar(self, "Anexando o documento…", lambda: anexos.anexar(
            sessao, pid, tipo=tipo, descricao=descricao, nome_arquivo=caminho.name, conteudo=caminho.read_bytes()),
            self._on_anexado, ao_recusar=lambda erro: self.situacao.setText(str(erro)))

    def _on_anexado(self, a: dict) -> None:
        self.descricao.clear()
        self._novo = a["id"]
        self.atualizar()
        self.situacao.setText(f"{a['nome_arquivo']} anexado ({formato.tamanho(a['tamanho'])}, SHA-256 {a['sha256'][:12]}…).")

    def _on_anexar(self) -> None:
        caminho, _filtro = QFileDialog.getOpenFileName(self, "Anexar documento digitalizado", "",
                                                       "Documentos (*.pdf *.png *.jpg *.jpeg)")
        if caminho:
            self.anexar_arquivo(Path(caminho))

    def _on_ver(self, *_args) -> None:
        """Lê o anexo e desenha as páginas fora da thread da interface; o visualizador abre com elas."""
        from desktop.screens.widgets import servicos

        a = self._selecionado()
        if not a:
            return
        sessao, anexo_id = self._sessao, a["id"]

        def _ler() -> tuple[dict, list[QImage]]:
            anexo = anexos.abrir_anexo(sessao, anexo_id)
            return anexo, imagens_do_anexo(anexo["conteudo"], anexo["formato"])

        def _on_lido(lido: tuple[dict, list[QImage]]) -> None:
            self.visualizador = VisualizadorAnexo(self._sessao, lido[0], self, imagens=lido[1])
            self.visualizador.open()

        servicos.consulta(self, _ler, _on_lido, titulo_erro="Ver anexo")

    def _on_imprimir(self) -> None:
        a = self._selecionado()
        if a:
            _imprimir_anexo(self, self._sessao, a["id"])
