"""Aba Remuneração (Lei 320/2023, arts. 39-41): contracheques dos conselheiros de uma competência.

Escolhe a competência e as opções (dias de férias com o terço, 13º), vê o contracheque calculado pelo motor
comum e emite o PDF registrado; embaixo, os contracheques já emitidos na competência. Do que foi emitido no mês
saem o arquivo do banco (CNAB 240) e os eventos do eSocial, pelos mesmos caminhos da folha do Magistério.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import (QFileDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QTextBrowser,
                               QVBoxLayout, QWidget)

from desktop.rules.papeis import Papel, Permissao
from desktop.services.conselho import mandatos, remuneracao
from desktop.services.conselho.comum import conselheiro_da_sessao
from desktop.rules.dinheiro import reais
from desktop.screens.pagamento.esocial import GeradorESocial
from desktop.screens.pagamento.remessa import GeradorRemessa
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao
from desktop.screens.widgets.divisor import criar_divisor
from desktop.screens.widgets.fluxo import LayoutFluxo

from .comum import br, combo, emitir_e_salvar, somente_leitura, tentar



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
        folha = sessao.pode(Permissao.CONSELHO_MANDATOS)  # a folha é da administração municipal
        if not folha and sessao.usuario.papel == Papel.CONSELHEIRO_TUTELAR:  # o conselheiro vê só o próprio
            eu = conselheiro_da_sessao(sessao)
            comp = [c for c in comp or [] if eu and c["id"] == eu["id"]]
        self.conselheiro = combo([(c["id"], f"{c['nome']} ({c['condicao']} nº {c['ordem']})") for c in comp or []])
        self.ferias = QSpinBox(minimum=0, maximum=30, suffix=" dia(s)")
        self.decimo = combo([("", "Sem 13º"), ("adiantamento", "13º: adiantamento"), ("quitacao", "13º: quitação")])
        self.botao_calcular = QPushButton("&Calcular")
        self.botao_emitir = QPushButton("&Emitir contracheque (PDF)")
        self.botao_emitir.setVisible(folha)
        self.botao_banco = QPushButton("Arquivo do &banco…")
        self.botao_banco.setToolTip("CNAB 240 de pagamento de salários com o líquido dos contracheques emitidos no mês")
        self.botao_esocial = QPushButton("Eventos do e&Social…")
        self.botao_esocial.setToolTip("S-1010, S-1200 (categoria 771), S-1210 e S-1299 do mês, validados nos XSD")
        for b in (self.botao_banco, self.botao_esocial):
            b.setVisible(folha)
        self.gerador = None
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
        botoes = LayoutFluxo()  # os botões descem de linha em telas estreitas (1366 px)
        botoes.addWidget(self.botao_calcular)
        botoes.addWidget(self.botao_emitir)
        botoes.addWidget(self.botao_banco)
        botoes.addWidget(self.botao_esocial)
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
        self.somente_leitura = not folha and not sessao.pode(Permissao.CONSELHO_EDITAR)
        if self.somente_leitura:  # consulta do MP e do juízo: calcula e vê os emitidos; não emite nem gera arquivos
            lay.addWidget(somente_leitura((self.botao_emitir, self.botao_banco, self.botao_esocial),
                                          "A consulta calcula e vê os contracheques; quem emite o contracheque, o "
                                          "arquivo do banco e o eSocial é a administração municipal (Lei 320/2023, "
                                          "art. 40)."))
        lay.addWidget(divisor)
        self.botao_calcular.clicked.connect(self._on_calcular)
        self.botao_emitir.clicked.connect(self._on_emitir)
        self.botao_banco.clicked.connect(self._on_banco)
        self.botao_esocial.clicked.connect(self._on_esocial)
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

    def _destino(self, titulo: str, filtro: str) -> Callable[[str], Path | None]:
        def escolher(nome: str) -> Path | None:
            caminho, _ = QFileDialog.getSaveFileName(self, titulo, str(Path.home() / nome), filtro)
            return Path(caminho) if caminho else None
        return escolher

    def _on_banco(self) -> None:
        def _salvo(caminho: Path, g) -> None:
            fora = f" Ficaram de fora (sem conta): {', '.join(g.deixados_de_fora)}." if g.deixados_de_fora else ""
            self.mensagem.setText(f"Arquivo do banco nº {g.nsa} salvo em {caminho}: {g.creditos} crédito(s), total "
                                  f"{moeda(g.total)}.{fora}")

        self.gerador = GeradorRemessa(self, self._sessao, "conselho", self.competencia(),
                                      self._destino("Salvar arquivo do banco", "Remessa CNAB 240 (*.rem *.txt)"), _salvo)
        self.gerador.iniciar()

    def _on_esocial(self) -> None:
        def _salvo(caminho: Path, lote) -> None:
            contagem = ", ".join(f"{n} {t}" for t, n in sorted(lote.contagem().items()))
            self.mensagem.setText(f"Eventos do eSocial salvos em {caminho}: {contagem}; validados nos XSD oficiais.")

        self.gerador = GeradorESocial(self, self._sessao, "conselho", self.competencia(),
                                      self._destino("Salvar eventos do eSocial", "Arquivo ZIP (*.zip)"), _salvo)
        self.gerador.iniciar()
