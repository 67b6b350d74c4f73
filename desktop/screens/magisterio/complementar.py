"""Como pagar as diferenças de competências fechadas (de um reajuste ou de um registro lançado depois do
fechamento: afastamento, titulação, jornada, férias…): na próxima competência ou numa folha complementar
(conferir, fechar e imprimir os contracheques dela), vendo o custo antes de confirmar.

Sem lei e sem SQL aqui: ``desktop.services.magisterio.complementar`` e ``custo_diferencas``. A escolha "na
próxima competência" não pede nada (as diferenças entram ao fechar a próxima competência aberta, rubricas
065 a 071 e 106 a 108); a folha complementar paga-as antes, à parte (só o que é a pagar), e a próxima
competência não as paga de novo; o arquivo do banco dela sai daqui (``services.pagamento.remessa``, folha
"magisterio_complementar"). "Ver custo" e o relatório de custo (PDF) mostram, por servidor e mês, o que a
escolha marcada paga e desconta; fechar a complementar mostra o custo na pergunta de confirmação.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QGroupBox, QHBoxLayout, QLabel, QPushButton, QRadioButton,
                               QVBoxLayout, QWidget)

from desktop.screens.pagamento.remessa import GeradorRemessa
from desktop.screens.widgets import avisos, formato, servicos
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.arquivo import escolher_destino
from desktop.screens.widgets.emissao import emitir_em_segundo_plano
from desktop.services.magisterio import complementar, custo_diferencas

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
        self.ultimo_custo = None
        self.ultimo_relatorio = None
        self.proxima = QRadioButton("Na próxima competência aberta (rubricas 065 a 071 e 106 a 108)", self)
        self.folha_complementar = QRadioButton("Em folha complementar da competência:", self)
        self.escolha = QButtonGroup(self)
        self.escolha.addButton(self.proxima)
        self.escolha.addButton(self.folha_complementar)
        self.proxima.setChecked(True)
        self.competencia = CampoValidado(comum.competencia, placeholder="mm/aaaa", parent=self)
        self.competencia.edit.setAccessibleName("Última competência fechada (a da folha complementar)")
        # na fileira com os botões, a 1366 pontos, o campo ficava com 46 pontos: "mm/aaaa" não cabia
        self.competencia.edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("00/00000") + 24)
        self.botao_custo = QPushButton("&Ver custo", self)
        self.botao_custo.setToolTip("O que a escolha marcada paga e desconta, por servidor e mês (nada é gravado)")
        self.botao_relatorio = QPushButton("&Relatório de custo (PDF)…", self)
        self.botao_conferir = QPushButton("&Conferir folha complementar", self)
        self.botao_fechar = QPushButton("&Fechar folha complementar…", self)
        self.botao_pdf = QPushButton("Contracheques da complementar (&PDF)…", self)
        self.botao_banco = QPushButton("Arquivo do &banco da complementar…", self)  # Alt+C é o Conferir
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
        custo = QHBoxLayout()
        custo.addWidget(QLabel("Diferenças até a competência fechada acima:", self))
        custo.addWidget(self.botao_custo)
        custo.addWidget(self.botao_relatorio)
        custo.addStretch(1)
        documentos = QHBoxLayout()  # numa linha só com os outros, 1.730 px: não cabia em 1366
        documentos.addSpacing(24)
        documentos.addWidget(self.botao_pdf)
        documentos.addWidget(self.botao_banco)
        documentos.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.proxima)
        lay.addLayout(linha)
        lay.addLayout(documentos)
        lay.addLayout(custo)
        lay.addWidget(self.resumo)
        self.escolha.buttonToggled.connect(self._on_escolha)
        self.botao_conferir.clicked.connect(self._on_conferir)
        self.botao_fechar.clicked.connect(self._on_fechar)
        self.botao_pdf.clicked.connect(self._on_pdf)
        self.botao_banco.clicked.connect(self._on_banco)
        self.botao_custo.clicked.connect(self._on_custo)
        self.botao_relatorio.clicked.connect(self._on_relatorio)
        self._on_escolha()

    def modo(self) -> str:
        return COMPLEMENTAR if self.folha_complementar.isChecked() else PROXIMA

    def _on_escolha(self, *_args) -> None:
        ligada = self.folha_complementar.isChecked()
        for w in (self.botao_conferir, self.botao_fechar, self.botao_pdf, self.botao_banco):
            w.setEnabled(ligada)  # a competência e o custo valem para as duas escolhas
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
            f"Folha complementar de {formato.competencia(previa.competencia)}: {len(previa.itens)} servidor(es), proventos "
            f"{comum.dinheiro(previa.proventos)}, descontos {comum.dinheiro(previa.descontos)}, líquido "
            f"{comum.dinheiro(previa.liquido)}. Nada foi gravado.")

    # -- custo --------------------------------------------------------------------------------------
    def _on_custo(self) -> None:
        comp = self._comp()
        if comp is None:
            return
        modo = self.modo()
        servicos.consulta(self, lambda: custo_diferencas.calcular(self._sessao, comp, modo), self._on_custo_calculado,
                          titulo_erro="Custo das diferenças")

    def _on_custo_calculado(self, custo) -> None:
        self.ultimo_custo = custo
        self.resumo.setText(_texto_custo(custo) + " Nada foi gravado.")

    def _on_relatorio(self) -> None:
        comp = self._comp()
        if comp is None:
            return
        sessao, modo = self._sessao, self.modo()

        def _salvo(caminho) -> None:
            self.ultimo_relatorio = caminho

        emitir_em_segundo_plano(self, self.resumo, "Custo das diferenças",
                                lambda _p: custo_diferencas.emitir_relatorio(sessao, comp, modo),
                                f"custo-diferencas-{comp:%Y-%m}-{modo}", andamento="Gerando o relatório de custo…",
                                abrir=True, ao_salvar=_salvo)

    # -- folha complementar ---------------------------------------------------------------------------
    def _on_fechar(self) -> None:
        comp = self._comp()
        if comp is None:
            return
        servicos.consulta(self, lambda: custo_diferencas.calcular(self._sessao, comp, custo_diferencas.COMPLEMENTAR),
                          lambda custo: self._on_confirmar_fechar(comp, custo), titulo_erro="Folha complementar")

    def _on_confirmar_fechar(self, comp, custo) -> None:
        """O custo calculado na hora, na própria pergunta: confirmar é ver o que será pago."""
        self.ultimo_custo = custo
        if not avisos.confirmar(self, "Fechar folha complementar", f"Fechar a folha complementar de {formato.competencia(comp)}?",
                                sim="Fechar folha complementar",
                                detalhe=f"{_texto_custo(custo)} Os contracheques ficam gravados e as diferenças pagas "
                                        "nela não voltam na próxima competência. Vai ao diário de auditoria."):
            return
        servicos.operacao(self, "Fechando a folha complementar…",
                          lambda _p: complementar.fechar(self._sessao, comp), self._on_fechada,
                          titulo_erro="Folha complementar")

    def _on_fechada(self, linha: dict) -> None:
        self.ultima_fechada = linha
        self.resumo.setText(f"Folha complementar de {formato.competencia(linha['competencia'])} fechada: {linha['servidores']} "
                            f"servidor(es), líquido {comum.dinheiro(linha['liquido'])}. Gere o arquivo do banco em "
                            "Pagamento (folha complementar do Magistério).")

    def _on_pdf(self) -> None:
        comp = self._comp()
        if comp is None:
            return
        sessao = self._sessao

        def _salvo(caminho) -> None:
            self.ultimo_pdf = caminho

        emitir_em_segundo_plano(self, self.resumo, "Folha complementar",
                                lambda p: complementar.emitir_lote(sessao, comp, p.informar),
                                f"contracheques-complementar-{comp:%Y-%m}", andamento="Gerando os contracheques…",
                                abrir=True, ao_salvar=_salvo)

    def _on_banco(self) -> None:
        comp = self._comp()
        if comp is None:
            return
        self.gerador = GeradorRemessa(
            self, self._sessao, "magisterio_complementar", comp,
            lambda nome: escolher_destino(self, nome, titulo="Salvar arquivo do banco",
                                         filtro="Remessa CNAB 240 (*.rem *.txt)"),
            self._on_arquivo_salvo)
        self.gerador.iniciar()

    def _on_arquivo_salvo(self, caminho, gerado) -> None:
        self.ultimo_arquivo = caminho
        self.resumo.setText(f"Arquivo do banco da folha complementar salvo em {caminho}: {gerado.creditos} crédito(s), "
                            f"total {comum.dinheiro(gerado.total)}.")


def _texto_custo(custo) -> str:
    destino = ("na folha complementar" if custo.destino == custo_diferencas.COMPLEMENTAR
               else "na próxima competência aberta")
    if not custo.itens:
        return f"Não há diferenças a pagar ou descontar até {formato.competencia(custo.competencia)} {destino}."
    meses = len({(i.servidor_id, i.competencia) for i in custo.itens})
    texto = (f"Custo das diferenças até {formato.competencia(custo.competencia)} {destino}: {custo.servidores} servidor(es), "
             f"{meses} mês(es) de origem; a pagar {comum.dinheiro(custo.proventos)}")
    if custo.descontos:
        texto += f", a descontar {comum.dinheiro(custo.descontos)}"
    return texto + f"; custo {comum.dinheiro(custo.total)} (bruto, sem encargos)."
