"""Como pagar as diferenças de um reajuste que alcançou competências fechadas: na próxima competência ou
numa folha complementar (conferir, fechar e imprimir os contracheques dela).

Sem lei e sem SQL aqui: ``desktop.services.magisterio.complementar``. A escolha "na próxima competência"
não pede nada (as diferenças entram ao fechar a próxima competência aberta, rubricas 065/066/067/068); a
folha complementar paga-as antes, à parte, e a próxima competência não as paga de novo; o arquivo do
banco dela sai daqui (``services.pagamento.remessa``, folha "magisterio_complementar").
"""
from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QGroupBox, QHBoxLayout, QLabel, QPushButton, QRadioButton,
                               QVBoxLayout, QWidget)

from desktop.screens.pagamento.remessa import GeradorRemessa
from desktop.screens.widgets import avisos, servicos
from desktop.screens.widgets.campos import CampoValidado
from desktop.services.magisterio import complementar

from . import comum

PROXIMA = "proxima"
COMPLEMENTAR = "complementar"


class PainelDiferencas(QGroupBox):
    """A escolha e, na folha complementar, conferir → fechar → contracheques (PDF)."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__("Diferenças de competências já fechadas: como pagar", parent)
        self._sessao = sessao
        self.ultima_previa = None
        self.ultima_fechada = None
        self.ultimo_pdf = None
        self.proxima = QRadioButton("Na próxima competência aberta (rubricas 065 a 068)", self)
        self.folha_complementar = QRadioButton("Em folha complementar da competência:", self)
        self.escolha = QButtonGroup(self)
        self.escolha.addButton(self.proxima)
        self.escolha.addButton(self.folha_complementar)
        self.proxima.setChecked(True)
        self.competencia = CampoValidado(comum.competencia, placeholder="mm/aaaa", parent=self)
        self.competencia.edit.setAccessibleName("Competência da folha complementar")
        self.botao_conferir = QPushButton("&Conferir folha complementar", self)
        self.botao_fechar = QPushButton("&Fechar folha complementar…", self)
        self.botao_pdf = QPushButton("Contracheques da complementar (&PDF)…", self)
        self.botao_banco = QPushButton("Arquivo do ban&co da complementar…", self)
        self.gerador: GeradorRemessa | None = None
        self.ultimo_arquivo = None
        self.resumo = QLabel(self)
        self.resumo.setWordWrap(True)
        linha = QHBoxLayout()
        linha.addWidget(self.folha_complementar)
        linha.addWidget(self.competencia)
        linha.addWidget(self.botao_conferir)
        linha.addWidget(self.botao_fechar)
        linha.addStretch(1)
        documentos = QHBoxLayout()  # numa linha só com os outros, 1.730 px: não cabia em 1366
        documentos.addSpacing(24)
        documentos.addWidget(self.botao_pdf)
        documentos.addWidget(self.botao_banco)
        documentos.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.proxima)
        lay.addLayout(linha)
        lay.addLayout(documentos)
        lay.addWidget(self.resumo)
        self.escolha.buttonToggled.connect(self._on_escolha)
        self.botao_conferir.clicked.connect(self._on_conferir)
        self.botao_fechar.clicked.connect(self._on_fechar)
        self.botao_pdf.clicked.connect(self._on_pdf)
        self.botao_banco.clicked.connect(self._on_banco)
        self._on_escolha()

    def modo(self) -> str:
        return COMPLEMENTAR if self.folha_complementar.isChecked() else PROXIMA

    def _on_escolha(self, *_args) -> None:
        ligada = self.folha_complementar.isChecked()
        for w in (self.competencia, self.botao_conferir, self.botao_fechar, self.botao_pdf, self.botao_banco):
            w.setEnabled(ligada)
        if not ligada:
            self.resumo.setText("As diferenças de cada servidor e mês entram na próxima competência aberta, "
                                "quando ela for fechada (Lei 1.613/2004, art. 37 §3º; de anos anteriores, como "
                                "rendimentos recebidos acumuladamente, Lei 7.713/1988, art. 12-A).")

    def _comp(self):
        return self.competencia.valor() if self.competencia.validar() else None

    def _on_conferir(self) -> None:
        comp = self._comp()
        if comp is None:
            return
        servicos.consulta(self, lambda: complementar.previa(self._sessao, comp), self._on_previa,
                          titulo_erro="Folha complementar")

    def _on_previa(self, previa) -> None:
        self.ultima_previa = previa
        self.resumo.setText(
            f"Folha complementar de {previa.competencia:%m/%Y}: {len(previa.itens)} servidor(es), proventos "
            f"{comum.dinheiro(previa.proventos)}, descontos {comum.dinheiro(previa.descontos)}, líquido "
            f"{comum.dinheiro(previa.liquido)}. Nada foi gravado.")

    def _on_fechar(self) -> None:
        comp = self._comp()
        if comp is None:
            return
        if not avisos.confirmar(self, "Fechar folha complementar", f"Fechar a folha complementar de {comp:%m/%Y}?",
                                sim="Fechar folha complementar",
                                detalhe="Os contracheques ficam gravados e as diferenças pagas nela não voltam na "
                                        "próxima competência. Vai ao diário de auditoria."):
            return
        servicos.operacao(self, "Fechando a folha complementar…",
                          lambda _p: complementar.fechar(self._sessao, comp), self._on_fechada,
                          titulo_erro="Folha complementar")

    def _on_fechada(self, linha: dict) -> None:
        self.ultima_fechada = linha
        self.resumo.setText(f"Folha complementar de {linha['competencia']:%m/%Y} fechada: {linha['servidores']} "
                            f"servidor(es), líquido {comum.dinheiro(linha['liquido'])}. Gere o arquivo do banco em "
                            "Pagamento (folha complementar do Magistério).")

    def _on_pdf(self) -> None:
        comp = self._comp()
        if comp is None:
            return
        destino = comum.escolher_destino(self, "Salvar contracheques da folha complementar",
                                         f"contracheques-complementar-{comp:%Y-%m}.pdf", "PDF (*.pdf)")
        if destino is None:
            return

        def gerar(progresso):
            destino.write_bytes(complementar.emitir_lote(self._sessao, comp, progresso.informar).pdf)
            return destino

        servicos.operacao(self, "Gerando os contracheques…", gerar,
                          self._on_pdf_salvo, titulo_erro="Folha complementar")

    def _on_pdf_salvo(self, caminho) -> None:
        self.ultimo_pdf = caminho
        comum.abrir_arquivo(caminho)

    def _on_banco(self) -> None:
        comp = self._comp()
        if comp is None:
            return
        self.gerador = GeradorRemessa(
            self, self._sessao, "magisterio_complementar", comp,
            lambda nome: comum.escolher_destino(self, "Salvar arquivo do banco", nome, "Remessa CNAB 240 (*.rem *.txt)"),
            self._on_arquivo_salvo)
        self.gerador.iniciar()

    def _on_arquivo_salvo(self, caminho, gerado) -> None:
        self.ultimo_arquivo = caminho
        self.resumo.setText(f"Arquivo do banco da folha complementar salvo em {caminho}: {gerado.creditos} crédito(s), "
                            f"total {comum.dinheiro(gerado.total)}.")
