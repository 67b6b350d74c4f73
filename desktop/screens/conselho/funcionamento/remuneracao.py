"""Aba Remuneração (Lei 320/2023, arts. 39-41): contracheques dos conselheiros de uma competência.

Escolhe a competência e as opções (dias de férias com o terço, 13º), vê o contracheque calculado pelo motor
comum e emite o PDF registrado; embaixo, os contracheques já emitidos na competência.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QTextBrowser,
                               QVBoxLayout, QWidget)

from desktop.rules.papeis import Permissao
from desktop.services.conselho import mandatos, remuneracao
from desktop.rules.dinheiro import reais
from desktop.screens.administracao.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao
from desktop.screens.widgets.divisor import criar_divisor

from .comum import br, combo, emitir_e_salvar, tentar



def moeda(valor) -> str:
    return reais(valor)


COLUNAS = [Coluna("Conselheiro", lambda c: c["nome"], esticar=True),
           Coluna("Competência", lambda c: br(c["competencia"])[3:], largura=100),
           Coluna("Líquido", lambda c: moeda(c["liquido"]), alinhamento="direita", largura=110),
           Coluna("Código", lambda c: c["codigo"], largura=140)]


class AbaRemuneracao(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        hoje = date.today()
        self.mes = QSpinBox(minimum=1, maximum=12, value=hoje.month)
        self.ano = QSpinBox(minimum=2000, maximum=2100, value=hoje.year)
        ok, comp = tentar(self, "Composição não lida", lambda: mandatos.composicao(sessao))
        self.conselheiro = combo([(c["id"], f"{c['nome']} ({c['condicao']} nº {c['ordem']})") for c in comp or []])
        self.ferias = QSpinBox(minimum=0, maximum=30, suffix=" dia(s)")
        self.decimo = combo([("", "Sem 13º"), ("adiantamento", "13º: adiantamento"), ("quitacao", "13º: quitação")])
        self.botao_calcular = QPushButton("&Calcular")
        self.botao_emitir = QPushButton("&Emitir contracheque (PDF)")
        self.botao_emitir.setVisible(sessao.pode(Permissao.CONSELHO_EDITAR))
        self.previa = QTextBrowser()
        self.previa.setPlaceholderText("Escolha a competência e o conselheiro e clique em Calcular: a prévia "
                                        "do contracheque aparece aqui, antes de emitir o PDF.")
        self.mensagem = QLabel()
        self.mensagem.setWordWrap(True)
        self.modelo = ModeloTabela(COLUNAS, self)
        self.visao = criar_visao(ProxyFiltro(self.modelo, self), self, nome="Contracheques emitidos")
        form = QFormLayout()
        linha = QHBoxLayout()
        linha.addWidget(self.mes)
        linha.addWidget(QLabel("/"))
        linha.addWidget(self.ano)
        linha.addStretch(1)
        form.addRow("Co&mpetência", linha)
        form.addRow("Co&nselheiro", self.conselheiro)
        form.addRow("&Férias no mês (terço)", self.ferias)
        form.addRow("&13º salário", self.decimo)
        botoes = QHBoxLayout()
        botoes.addWidget(self.botao_calcular)
        botoes.addWidget(self.botao_emitir)
        esquerda = QWidget()
        le = QVBoxLayout(esquerda)
        le.addLayout(form)
        le.addLayout(botoes)
        le.addWidget(self.mensagem)
        le.addWidget(QLabel("<b>Emitidos na competência</b>"))
        le.addWidget(self.visao, 1)
        divisor = criar_divisor()
        divisor.addWidget(esquerda)
        divisor.addWidget(self.previa)
        divisor.setSizes([560, 640])
        lay = QVBoxLayout(self)
        lay.addWidget(divisor)
        self.botao_calcular.clicked.connect(self._on_calcular)
        self.botao_emitir.clicked.connect(self._on_emitir)
        self.mes.valueChanged.connect(self.recarregar)
        self.ano.valueChanged.connect(self.recarregar)
        self.recarregar()

    def competencia(self) -> date:
        return date(self.ano.value(), self.mes.value(), 1)

    def opcoes(self) -> dict:
        return {"ferias_dias": self.ferias.value(), "decimo_terceiro": self.decimo.currentData()}

    def recarregar(self, *_args) -> None:
        ok, linhas = tentar(self, "Emitidos não lidos",
                            lambda: remuneracao.contracheques_emitidos(self._sessao, self.competencia()))
        self.modelo.definir_linhas(linhas or [])

    def _on_calcular(self) -> None:
        if not self.conselheiro.currentData():
            return
        ok, cc = tentar(self, "Contracheque não calculado", lambda: remuneracao.calcular_contracheque(
            self._sessao, self.conselheiro.currentData(), self.competencia(), **self.opcoes()))
        if not ok:
            return
        linhas = "".join(f"<tr><td>{l.descricao}</td><td align='right'>{moeda(l.valor)}</td>"
                         f"<td style='color:#666'>{l.fundamento}</td></tr>" for l in cc.linhas)
        self.previa.setHtml(f"<h3>{self.conselheiro.currentText()} — {self.competencia():%m/%Y}</h3>"
                            f"<table cellspacing='4'>{linhas}</table><p>Proventos {moeda(cc.proventos)} · Descontos "
                            f"{moeda(cc.descontos)} · <b>Líquido {moeda(cc.liquido)}</b></p>")

    def _on_emitir(self) -> None:
        if not self.conselheiro.currentData():
            return
        e = emitir_e_salvar(self, self.mensagem, "Contracheque não emitido", lambda: remuneracao.emitir_contracheque(
            self._sessao, self.conselheiro.currentData(), self.competencia(), **self.opcoes()),
            f"contracheque-{self.competencia():%Y-%m}")
        if e:
            self.recarregar()
