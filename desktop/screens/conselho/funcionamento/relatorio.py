"""Aba Relatório trimestral (Lei 320/2023, art. 23 §1º): tabelas anônimas, PDF registrado e CSV para o SIPIA.

As tabelas não trazem nenhum nome (art. 36). O CSV é dado de caso (uma linha por criança, sem nomes): o
serviço só o entrega a quem vê conteúdo de caso, e a exportação vai ao diário.

Montar as tabelas e o CSV roda fora da thread da interface (``widgets.servicos.consulta``); emitir o PDF, com
progresso (``operacao``). ``ocupada`` diz se há uma dessas em andamento (os botões esperam).
"""
from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSpinBox, QTextBrowser,
                               QVBoxLayout, QWidget)

from desktop.rules.conselho.relatorio import total_publicado
from desktop.rules.papeis import Permissao
from desktop.screens.documentos.emitidos import QuadroEmitidos
from desktop.screens.widgets.impressao import oferecer_documento
from desktop.services import documentos_vias
from desktop.services.conselho import relatorio
from desktop.services.conselho.comum import MENSAGEM_SEM_CHAVE

from desktop.screens.widgets import arquivo
from desktop.screens.widgets.servicos import consulta
from desktop.screens.widgets.arquivo import escolher_destino
from desktop.screens.widgets.emissao import emitir_em_segundo_plano

from .comum import UmaDeCadaVez, combo, texto_longo


class AbaRelatorio(UmaDeCadaVez, QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        hoje = date.today()
        self.ano = QSpinBox(minimum=2000, maximum=2100, value=hoje.year)
        self.trimestre = combo([(n, f"{n}º trimestre") for n in (1, 2, 3, 4)])
        self.trimestre.setCurrentIndex((hoje.month - 1) // 3)
        self.botao_ver = QPushButton("M&ostrar")
        self.botao_pdf = QPushButton("Emi&tir PDF")
        self.botao_csv = QPushButton("Exportar CSV (&SIPIA)")
        self.observacoes = texto_longo("Observações: demandas e deficiências das políticas públicas (art. 23 §1º)", 60)
        self.tabelas = QTextBrowser()
        self.mensagem = QLabel()
        self.mensagem.setWordWrap(True)
        topo = QHBoxLayout()
        for w in (QLabel("Ano"), self.ano, self.trimestre, self.botao_ver, self.botao_pdf, self.botao_csv):
            topo.addWidget(w)
        topo.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(topo)
        lay.addWidget(self.tabelas, 1)
        lay.addWidget(self.observacoes)
        lay.addWidget(self.mensagem)
        self.emitidos = QuadroEmitidos(sessao, lambda: documentos_vias.do_assunto(sessao, relatorio.ASSUNTO), self,
                                       "Relatórios emitidos (reabrir, reimprimir, nova via)")
        lay.addWidget(self.emitidos)
        self.botao_ver.clicked.connect(self.mostrar)
        self.botao_pdf.clicked.connect(self._on_pdf)
        self.botao_csv.clicked.connect(self._on_csv)
        if not sessao.pode(Permissao.CONSELHO_CASOS_EDITAR):  # a consulta do MP e do juízo lê; quem emite é o Conselho
            self.botao_pdf.setEnabled(False)
            self.observacoes.setReadOnly(True)
            self.botao_pdf.setToolTip("Somente leitura: o relatório é emitido pelo Conselho Tutelar (art. 23 §1º).")
        if not sessao.tem_sigilo:  # as contagens vêm dos casos, no arquivo sigiloso: diz por quê, sem erro
            self.tabelas.setPlainText(MENSAGEM_SEM_CHAVE)
            for w in (self.botao_ver, self.botao_pdf, self.botao_csv, self.ano, self.trimestre):
                w.setEnabled(False)
            return
        self.mostrar()

    def escolha(self) -> tuple[int, int]:
        return self.ano.value(), self.trimestre.currentData()

    def mostrar(self, *_args) -> None:
        if not self._comecar(self.mostrar):
            return
        ano, tri = self.escolha()
        sessao = self._sessao
        consulta(self, lambda: (ano, tri, relatorio.publicacao(sessao, ano, tri)), self._on_montado,
                 titulo_erro="Relatório não montado", ao_falhar=self._terminar)

    def _on_montado(self, dados) -> None:
        self._terminar()
        ano, tri, r = dados
        e, tabelas, limiar = r
        partes = [f"<h3>{tri}º trimestre de {ano}: {escape(total_publicado(e.registros, limiar))} registro(s), "
                  f"{escape(total_publicado(e.criancas, limiar))} criança(s) e adolescente(s)</h3><p style='color:#555'>Como "
                  f"será publicado: sem identificação de pessoas (art. 36); contagens abaixo de {limiar} aparecem como "
                  "\"&lt; " + str(limiar) + "\" e \"*\" é uma contagem omitida para proteger outra.</p>"]
        for t in tabelas:
            partes.append(f"<h4>{escape(t.nome)}</h4>")
            if t.omitida:
                partes.append(f"<p>Tabela omitida: contagens abaixo de {limiar} identificariam crianças.</p>")
                continue
            if not t.celulas:
                partes.append("<p>—</p>")
                continue
            maximo = max((c.valor or 0 for c in t.celulas), default=0) or 1
            partes.append("<table cellspacing='2'>" + "".join(
                f"<tr><td>{escape(c.rotulo)}</td><td align='right'>&nbsp;{escape(c.texto(limiar))}&nbsp;</td><td>"
                f"<span style='background:#3a6ea5'>{'&nbsp;' * max(1, round(30 * (c.valor or 0) / maximo))}"
                "</span></td></tr>" for c in t.celulas) + "</table>")
        self.tabelas.setHtml("".join(partes))

    def _on_pdf(self) -> None:
        if not self._comecar(self._on_pdf):
            return
        ano, tri = self.escolha()
        sessao, obs = self._sessao, self.observacoes.toPlainText()

        def _on_emitido(emitido) -> None:
            self._terminar()
            if emitido is not None:
                self.emitidos.atualizar()

        emitir_em_segundo_plano(self, self.mensagem, "Relatório não emitido",
                                lambda _p: relatorio.emitir_relatorio_trimestral(sessao, ano, tri, obs),
                                f"relatorio-{ano}-T{tri}", ao_terminar=_on_emitido)

    def _on_csv(self) -> None:
        if not self._comecar(self._on_csv):
            return
        ano, tri = self.escolha()
        sessao = self._sessao
        consulta(self, lambda: (ano, tri, relatorio.csv_sipia(sessao, ano, tri)), self._on_csv_lido,
                 titulo_erro="CSV não exportado", ao_falhar=self._terminar)

    def _on_csv_lido(self, dados) -> None:
        """Pergunta onde e grava fora da thread da interface, inteiro ou nada (``widgets.arquivo``); a aba fica
        ``ocupada`` até a gravação terminar."""
        ano, tri, texto = dados
        caminho = escolher_destino(self, f"sipia-{ano}-T{tri}.csv", titulo="Salvar CSV", filtro="CSV (*.csv)")
        if caminho is None:
            self._terminar()
            return
        linhas = texto.count("\n") - 1

        def _gravado(destino) -> None:
            oferecer_documento(self.mensagem, None, destino, f"CSV salvo em {destino} ({linhas} linha(s) de dados).")
            self._terminar()

        arquivo.gravar(self, caminho, texto.encode("utf-8"), _gravado, titulo_erro="CSV não exportado",
                       feito="O CSV foi montado e a exportação anotada no diário", ao_falhar=self._terminar)
