"""Aba Remuneração (Lei 320/2023, arts. 39-41): a folha dos conselheiros de uma competência.

Escolhe a competência e as opções de cada conselheiro (dias de férias com o terço, 13º: valem para a prévia e
o fechamento), vê o contracheque calculado pelo motor comum; a competência tem o ciclo da folha do Magistério
(``remuneracao_competencia``: prévia de todos, fechar, reabrir com motivo). Da competência FECHADA saem o PDF
registrado, o arquivo do banco (CNAB 240) e os eventos do eSocial; embaixo, os contracheques já emitidos.
Os descontos do conselheiro (pensão alimentícia, consignação, contribuição sindical, rubrica avulsa) são
lançados pelo botão Descontos (``remuneracao_descontos``). Toda chamada ao serviço roda fora da thread da
interface (``widgets.servicos.consulta`` para ler; o PDF, por ``widgets.emissao``).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSpinBox, QTextBrowser,
                               QVBoxLayout, QWidget)

from desktop.rules.papeis import Papel, Permissao
from desktop.services.conselho import mandatos, remuneracao
from desktop.services.conselho.comum import conselheiro_da_sessao
from desktop.rules.dinheiro import reais
from desktop.screens.pagamento.esocial import GeradorESocial
from desktop.screens.pagamento.remessa import GeradorRemessa
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao
from desktop.screens.widgets.descarte import descartar
from desktop.screens.widgets.divisor import criar_divisor
from desktop.screens.widgets.fluxo import LayoutFluxo
from desktop.screens.widgets.arquivo import escolher_destino
from desktop.screens.widgets.emissao import emitir_em_segundo_plano
from desktop.screens.widgets.servicos import consulta
from desktop.screens.widgets import formato

from .comum import combo, somente_leitura
from .remuneracao_competencia import PainelCompetencia
from .remuneracao_descontos import DialogoDescontosConselho


def moeda(valor) -> str:
    return reais(valor)


# sem coluna de competência: a lista é a da competência escolhida (está no título dela, ``titulo_emitidos``), e
# com ela os títulos somavam mais que a coluna da esquerda a 1366×768 — a tabela rolava na horizontal mesmo vazia
COLUNAS = [Coluna("Conselheiro", lambda c: c["nome"], esticar=True),
           Coluna("Líquido", lambda c: moeda(c["liquido"]), alinhamento="direita"),
           Coluna("Código", lambda c: c["codigo"])]


class AbaRemuneracao(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        hoje = date.today()
        self.mes = QSpinBox(minimum=1, maximum=12, value=hoje.month)
        self.ano = QSpinBox(minimum=2000, maximum=2100, value=hoje.year)
        folha = sessao.pode(Permissao.CONSELHO_MANDATOS)  # a folha é da administração municipal
        self.conselheiro = combo([])
        self.ferias = QSpinBox(minimum=0, maximum=30, suffix=" dia(s)")
        self.decimo = combo([("", "Sem 13º"), ("adiantamento", "13º: adiantamento"), ("quitacao", "13º: quitação")])
        self.botao_calcular = QPushButton("&Calcular")
        self.botao_emitir = QPushButton("&Emitir contracheque (PDF)")
        self.botao_emitir.setVisible(folha)
        self.botao_descontos = QPushButton("&Descontos do conselheiro…")
        self.botao_descontos.setToolTip("Pensão alimentícia, consignação, contribuição sindical e rubrica avulsa, "
                                        "conferidas no contracheque do mês (margem consignável, líquido)")
        self.botao_descontos.setVisible(folha)
        self.dialogo_descontos = None
        self.leitura = self.tarefa = None
        self.botao_banco = QPushButton("Arquivo do &banco…")
        self.botao_banco.setToolTip("CNAB 240 de pagamento de salários com o líquido dos contracheques emitidos no mês")
        self.botao_esocial = QPushButton("Eventos do e&Social…")
        self.botao_esocial.setToolTip("S-1010, S-1200 (categoria 771), S-1210 e S-1299 do mês, validados nos XSD")
        for b in (self.botao_banco, self.botao_esocial):
            b.setVisible(folha)
        self.gerador = None
        self.opcoes_do_mes: dict[str, dict] = {}  # conselheiro → férias/13º da competência (prévia e fechamento)
        self.previa = QTextBrowser()
        self.previa.setHtml("<p style='color:#6a737d'>Escolha a competência e o conselheiro e clique em Calcular: "
                            "a prévia do contracheque aparece aqui, antes de emitir o PDF.</p>")  # o texto de
        # espera (placeholder) do QTextBrowser não quebra a linha e saía cortado no meio da frase
        self.mensagem = QLabel()
        self.mensagem.setWordWrap(True)
        self.competencia_folha = PainelCompetencia(sessao, self.competencia, lambda: dict(self.opcoes_do_mes),
                                                   self.previa, self)
        for b in (self.competencia_folha.botao_previa, self.competencia_folha.botao_fechar,
                  self.competencia_folha.botao_reabrir):
            b.setVisible(folha)
        self.competencia_folha.sig_mudou.connect(self._on_situacao)
        self.modelo = ModeloTabela(COLUNAS, self)
        self.visao = criar_visao(ProxyFiltro(self.modelo, self), self, nome="Contracheques emitidos")
        form = QFormLayout()
        linha = QHBoxLayout()
        linha.addWidget(self.mes)
        linha.addWidget(QLabel("/"))
        linha.addWidget(self.ano)
        linha.addStretch(1)
        rotulo = QLabel("Compe&tência")  # a linha tem dois campos: o atalho vai ao mês (sem parceiro o "&" aparecia)
        rotulo.setBuddy(self.mes)
        form.addRow(rotulo, linha)
        form.addRow("Co&nselheiro", self.conselheiro)
        form.addRow("&Férias no mês (terço)", self.ferias)
        form.addRow("&13º salário", self.decimo)
        botoes = LayoutFluxo()  # os botões descem de linha em telas estreitas (1366 px)
        botoes.addWidget(self.botao_calcular)
        botoes.addWidget(self.botao_emitir)
        botoes.addWidget(self.botao_descontos)
        botoes.addWidget(self.botao_banco)
        botoes.addWidget(self.botao_esocial)
        esquerda = QWidget()
        le = QVBoxLayout(esquerda)
        le.addLayout(form)
        le.addWidget(self.competencia_folha)
        le.addLayout(botoes)
        le.addWidget(self.mensagem)
        self.titulo_emitidos = QLabel("<b>Emitidos na competência</b>")
        le.addWidget(self.titulo_emitidos)
        le.addWidget(self.visao, 1)
        rolagem = QScrollArea()  # em 1366×768 a coluna (competência, botões, emitidos) rola em vez de
        rolagem.setWidgetResizable(True)  # empurrar a janela para além da tela
        rolagem.setFrameShape(QScrollArea.Shape.NoFrame)
        rolagem.setWidget(esquerda)
        rolagem.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # só rola na altura: a
        rolagem.setMinimumWidth(esquerda.minimumSizeHint().width()  # largura mínima da coluna é a da rolagem
                                + rolagem.verticalScrollBar().sizeHint().width())
        divisor = criar_divisor()
        divisor.addWidget(rolagem)
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
        self.botao_descontos.clicked.connect(self._on_descontos)
        self.botao_banco.clicked.connect(self._on_banco)
        self.botao_esocial.clicked.connect(self._on_esocial)
        self.mes.valueChanged.connect(self.recarregar)
        self.ano.valueChanged.connect(self.recarregar)
        self._carregar_composicao(folha)
        self.recarregar()

    def _carregar_composicao(self, folha: bool) -> None:
        sessao = self._sessao

        def ler() -> list[dict]:
            comp = mandatos.composicao(sessao)
            if not folha and sessao.usuario.papel == Papel.CONSELHEIRO_TUTELAR:  # o conselheiro vê só o próprio
                eu = conselheiro_da_sessao(sessao)
                comp = [c for c in comp if eu and c["id"] == eu["id"]]
            return comp

        def _on_lida(comp: list[dict]) -> None:
            self.conselheiro.clear()
            for c in comp:
                self.conselheiro.addItem(f"{c['nome']} ({c['condicao']} nº {c['ordem']})", c["id"])

        self.leitura_composicao = consulta(self, ler, _on_lida, titulo_erro="Composição não lida")

    def competencia(self) -> date:
        return date(self.ano.value(), self.mes.value(), 1)

    def opcoes(self) -> dict:
        return {"ferias_dias": self.ferias.value(), "decimo_terceiro": self.decimo.currentData()}

    def recarregar(self, *_args) -> None:
        self.opcoes_do_mes = {}  # as opções são de cada competência
        self.competencia_folha.carregar()
        self.recarregar_emitidos()

    def _on_situacao(self, fechada: bool) -> None:
        """PDF, arquivo do banco e eSocial só da competência fechada; as opções do mês, só com ela aberta."""
        for b in (self.botao_emitir, self.botao_banco, self.botao_esocial):
            b.setEnabled(fechada)
        self.ferias.setEnabled(not fechada)
        self.decimo.setEnabled(not fechada)

    def recarregar_emitidos(self) -> None:
        sessao, comp = self._sessao, self.competencia()
        self.titulo_emitidos.setText(f"<b>Emitidos na competência {formato.competencia(comp)}</b>")
        self._pedido_emitidos = getattr(self, "_pedido_emitidos", 0) + 1
        pedido = self._pedido_emitidos

        def _on_lidos(linhas: list[dict]) -> None:
            if pedido == self._pedido_emitidos:  # a lista da competência que está na tela
                self.modelo.definir_linhas(linhas)

        self.leitura = consulta(self, lambda: remuneracao.contracheques_emitidos(sessao, comp), _on_lidos,
                                titulo_erro="Emitidos não lidos")

    def _on_calcular(self) -> None:
        cid = self.conselheiro.currentData()
        if not cid:
            return
        sessao, comp, opcoes, nome = self._sessao, self.competencia(), self.opcoes(), self.conselheiro.currentText()
        escolhidas = {k: v for k, v in opcoes.items() if v}
        if escolhidas:  # valem para a prévia e o fechamento da competência
            self.opcoes_do_mes[cid] = escolhidas
        else:
            self.opcoes_do_mes.pop(cid, None)

        def _on_calculado(cc) -> None:
            linhas = "".join(f"<tr><td>{l.descricao}</td><td align='right'>{moeda(l.valor)}</td>"
                             f"<td style='color:#666'>{l.fundamento}</td></tr>" for l in cc.linhas)
            avisos = "".join(f"<p style='color:#8a4b00'>{a}</p>" for a in cc.avisos)
            self.previa.setHtml(f"<h3>{nome} — {formato.competencia(comp)}</h3>"
                                f"<table cellspacing='4'>{linhas}</table><p>Proventos {moeda(cc.proventos)} · Descontos "
                                f"{moeda(cc.descontos)} · <b>Líquido {moeda(cc.liquido)}</b></p>{avisos}")

        self.leitura = consulta(self, lambda: remuneracao.calcular_contracheque(sessao, cid, comp, **opcoes),
                                _on_calculado, titulo_erro="Contracheque não calculado")

    def _on_emitir(self) -> None:
        cid = self.conselheiro.currentData()
        if not cid:
            return
        sessao, comp = self._sessao, self.competencia()

        def _on_emitido(emitido) -> None:
            self.tarefa = None
            if emitido is not None:
                self.recarregar_emitidos()

        self.tarefa = emitir_em_segundo_plano(
            self, self.mensagem, "Contracheque não emitido",
            lambda _p: remuneracao.emitir_contracheque(sessao, cid, comp), f"contracheque-{comp:%Y-%m}",
            andamento="Emitindo o contracheque…", ao_terminar=_on_emitido)

    def _on_descontos(self) -> None:
        cid = self.conselheiro.currentData()
        if not cid:
            return
        if self.dialogo_descontos is not None:
            descartar(self.dialogo_descontos)
        self.dialogo_descontos = DialogoDescontosConselho(self._sessao, cid, self.conselheiro.currentText(),
                                                          f"{formato.competencia(self.competencia())}", self)
        self.dialogo_descontos.finished.connect(lambda _r: self._on_calcular())
        self.dialogo_descontos.open()

    def _destino(self, titulo: str, filtro: str) -> Callable[[str], Path | None]:
        return lambda nome: escolher_destino(self, nome, titulo=titulo, filtro=filtro)

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
