"""Competência da folha dos conselheiros na aba Remuneração: situação, prévia de todos, fechar e reabrir.

O mesmo ciclo da folha do Magistério (``services.conselho.folha``): a prévia calcula todos os conselheiros em
exercício sem gravar; Fechar grava os contracheques (deles saem o PDF, o arquivo do banco e o eSocial); Reabrir
pede o motivo (≥ 15 caracteres), que vai ao diário. Tudo fora da thread da interface (``widgets.servicos``).
"""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from desktop.rules import formato
from desktop.rules.dinheiro import reais
from desktop.rules.validacao import EntradaInvalida
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.descarte import descartar
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.servicos import consulta, operacao
from desktop.screens.widgets.situacao import reservar_linhas
from desktop.services.conselho import folha


class DialogoReabrirFolha(DialogoFormulario):
    def __init__(self, sessao, competencia: date, parent: QWidget | None = None):
        super().__init__("Reabrir competência", "Reabrir competência", parent,
                         f"Reabrir {formato.competencia_extenso(competencia)} da folha dos conselheiros apaga os "
                         "contracheques gravados para recalcular e marca substituídos os PDFs já emitidos. Quem "
                         "reabriu, quando e o motivo ficam no diário de auditoria.")
        self._sessao, self._competencia = sessao, competencia
        self.motivo = self.adicionar("Motivo:", CampoValidado(self._motivo, parent=self,
                                                              placeholder="ex.: afastamento lançado depois"))
        self.motivo.setFocus()

    @staticmethod
    def _motivo(texto: str) -> str:
        t = " ".join(texto.split())
        if len(t) < folha.MOTIVO_MINIMO:
            raise EntradaInvalida(f"Explique o motivo com pelo menos {folha.MOTIVO_MINIMO} caracteres.")
        return t

    def chamada(self):
        sessao, comp, motivo = self._sessao, self._competencia, self.motivo.valor()
        return lambda: folha.reabrir(sessao, comp, motivo)


class PainelCompetencia(QWidget):
    """Situação da competência e os botões Prévia, Fechar e Reabrir; ``sig_mudou(fechada: bool)`` ao ler."""

    sig_mudou = Signal(bool)

    def __init__(self, sessao, competencia: Callable[[], date], opcoes: Callable[[], dict], previa: QTextBrowser,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao, self._competencia, self._opcoes, self._previa = sessao, competencia, opcoes, previa
        self.fechada: dict | None = None
        self.leitura = self.tarefa = self.dialogo = None
        self._pedido = 0  # cada leitura nova invalida a resposta de uma anterior (mês e ano mudam em seguida)
        self.situacao = QLabel("Lendo a competência…")
        self.situacao.setWordWrap(True)
        reservar_linhas(self.situacao, 3)  # o texto muda com a competência: a altura não pula nem corta
        self.botao_previa = QPushButton("&Prévia da folha")
        self.botao_previa.setToolTip("Calcula todos os conselheiros em exercício no mês, sem gravar")
        self.botao_fechar = QPushButton("Fec&har competência")
        self.botao_fechar.setToolTip("Grava os contracheques do mês: deles saem o PDF, o arquivo do banco e o eSocial")
        self.botao_reabrir = QPushButton("&Reabrir competência…")
        linha = QHBoxLayout()
        for b in (self.botao_previa, self.botao_fechar, self.botao_reabrir):
            linha.addWidget(b)
        linha.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.situacao)
        lay.addLayout(linha)
        self.botao_previa.clicked.connect(self._on_previa)
        self.botao_fechar.clicked.connect(self._on_fechar)
        self.botao_reabrir.clicked.connect(self._on_reabrir)
        self._habilitar(None)

    def _habilitar(self, fechada: bool | None) -> None:
        self.botao_previa.setEnabled(fechada is False)
        self.botao_fechar.setEnabled(fechada is False)
        self.botao_reabrir.setEnabled(fechada is True)

    def carregar(self, *_args) -> None:
        sessao, comp = self._sessao, self._competencia()
        self._habilitar(None)
        self._pedido += 1
        pedido = self._pedido

        def _on_lida(k: dict | None) -> None:
            if pedido != self._pedido:
                return  # resposta de uma competência que já não está na tela
            self.fechada = k if k and k["situacao"] == "fechada" else None
            if self.fechada:
                self.situacao.setText(
                    f"<b>{formato.competencia(comp)}: fechada</b> em {formato.data(date.fromisoformat(k['fechada_em'][:10]))} por "
                    f"{k['fechada_por']} — {k['conselheiros']} conselheiro(s), líquido {reais(k['liquido'])}. O "
                    "contracheque, o arquivo do banco e o eSocial saem do que foi gravado.")
            else:
                reab = f" (reaberta {len(k['reaberturas'])} vez(es))" if k and k["reaberturas"] else ""
                self.situacao.setText(f"<b>{formato.competencia(comp)}: aberta</b>{reab} — confira a prévia e feche a competência "
                                      "para emitir os contracheques e gerar o arquivo do banco e o eSocial.")
            self._habilitar(self.fechada is not None)
            self.sig_mudou.emit(self.fechada is not None)

        self.leitura = consulta(self, lambda: folha.obter_competencia(sessao, comp), _on_lida,
                                titulo_erro="Competência não lida")

    def _on_previa(self) -> None:
        sessao, comp, opcoes = self._sessao, self._competencia(), self._opcoes()

        def _on_calculada(p) -> None:
            linhas = "".join(f"<tr><td>{i.identificacao['nome']}</td><td align='right'>"
                             f"{reais(i.contracheque.proventos)}</td><td align='right'>{reais(i.contracheque.descontos)}"
                             f"</td><td align='right'>{reais(i.contracheque.liquido)}</td></tr>" for i in p.itens)
            erros = "".join(f"<p style='color:#8a4b00'>{e}</p>" for e in p.erros)
            self._previa.setHtml(f"<h3>Prévia da folha — {formato.competencia(comp)}</h3><table cellspacing='4'><tr><th>Conselheiro"
                                 "</th><th>Proventos</th><th>Descontos</th><th>Líquido</th></tr>"
                                 f"{linhas}</table><p><b>{len(p.itens)} conselheiro(s) · líquido total "
                                 f"{reais(p.liquido)}</b></p>{erros}")

        self.leitura = consulta(self, lambda: folha.previa(sessao, comp, opcoes), _on_calculada,
                                titulo_erro="Prévia não calculada")

    def _on_fechar(self) -> None:
        sessao, comp, opcoes = self._sessao, self._competencia(), self._opcoes()
        self.tarefa = operacao(self, f"Fechando a competência {formato.competencia(comp)}…",
                               lambda _p: folha.fechar(sessao, comp, opcoes), self.carregar,
                               titulo_erro="Competência não fechada")

    def _on_reabrir(self) -> None:
        if self.dialogo is not None:
            descartar(self.dialogo)
        self.dialogo = DialogoReabrirFolha(self._sessao, self._competencia(), self)
        self.dialogo.accepted.connect(self.carregar)
        self.dialogo.open()
