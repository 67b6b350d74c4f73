"""Botões de documentos da competência fechada: contracheque, lote, folha analítica (PDF) e CSV.

Os PDFs são emitidos e registrados por ``desktop.services.magisterio.documentos`` (com código de
verificação), fora da thread da interface, por ``widgets.emissao`` (a forma de todas as telas): a tela só
pergunta onde salvar e abre o arquivo.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.rules.papeis import Permissao
from desktop.rules import formato
from desktop.screens.widgets import arquivo, servicos
from desktop.screens.documentos.emitidos import QuadroEmitidos
from desktop.screens.pagamento.esocial import GeradorESocial
from desktop.screens.pagamento.remessa import GeradorRemessa
from desktop.screens.widgets.fluxo import LayoutFluxo
from desktop.screens.widgets.situacao import reservar_linhas
from desktop.screens.widgets.arquivo import escolher_destino
from desktop.screens.widgets.emissao import emitir_em_segundo_plano
from desktop.screens.widgets.impressao import oferecer_documento
from desktop.services.magisterio import documentos

from . import comum


class BarraDocumentos(QWidget):
    """Os botões numa linha; ficam habilitados só com a competência fechada (e um servidor, para o avulso).

    ``emitidos`` (o quadro dos documentos emitidos da competência) não entra no layout da barra: a Folha mensal o
    põe numa aba embaixo da lista e a habilita com a competência fechada."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self._competencia: date | None = None
        self._item = None
        self.tarefa = None
        self.ultimo_arquivo: Path | None = None
        # rótulos curtos: os seis cabem numa linha a 1366×768 (em duas, a lista da folha perdia mais uma linha);
        # cada um com a sua letra de Alt — C&SV e e&Social repetiam o Alt+S do contracheque, e Folha &analítica o
        # Alt+A do menu Arquivo: o Alt só passava o foco de um para outro, sem apertar nenhum
        self.botao_contracheque = QPushButton("Contracheque do &servidor…", self)
        self.botao_contracheque.setToolTip("PDF registrado do contracheque do servidor selecionado")
        self.botao_lote = QPushButton("Contracheques de &todos…", self)
        self.botao_lote.setToolTip("Um PDF registrado com os contracheques de todos os servidores, um por página")
        self.botao_analitica = QPushButton("Folha ana&lítica…", self)
        self.botao_analitica.setToolTip("PDF registrado da folha analítica: servidores por escola e totais por "
                                        "rubrica")
        self.botao_csv = QPushButton("E&xportar CSV…", self)
        self.botao_csv.setToolTip("A folha da competência fechada em CSV (uma linha por rubrica), para planilha")
        self.botao_banco = QPushButton("Arquivo do &banco…", self)
        self.botao_banco.setToolTip("CNAB 240 de pagamento de salários (Banco do Brasil ou Caixa) com o líquido "
                                    "de cada servidor da competência fechada")
        self.gerador: GeradorRemessa | None = None
        self.botao_esocial = QPushButton("eS&ocial…", self)
        self.botao_esocial.setToolTip("S-1010, S-1202/S-1200, S-1210 e S-1299 da competência fechada, validados nos "
                                      "XSD oficiais (arquivo .zip)")
        self.gerador_esocial: GeradorESocial | None = None
        self.aviso = QLabel("Os documentos saem da competência fechada.", self)
        self.aviso.setObjectName("subtitulo")
        self.aviso.setWordWrap(True)
        reservar_linhas(self.aviso, 2)  # aparecer e sumir não empurra os botões
        linha = LayoutFluxo()  # os botões descem para uma segunda linha em telas estreitas
        for b in (self.botao_contracheque, self.botao_lote, self.botao_analitica, self.botao_csv,
                  self.botao_banco, self.botao_esocial):
            linha.addWidget(b)
        self.emitidos = QuadroEmitidos(sessao, self._consultar_emitidos, self, "")  # o título é o da aba
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(linha)
        lay.addWidget(self.aviso)
        self.botao_contracheque.clicked.connect(self._on_contracheque)
        self.botao_lote.clicked.connect(self._on_lote)
        self.botao_analitica.clicked.connect(self._on_analitica)
        self.botao_csv.clicked.connect(self._on_csv)
        self.botao_banco.clicked.connect(self._on_banco)
        self.botao_esocial.clicked.connect(self._on_esocial)
        self.definir(None, None)

    def definir(self, competencia: date | None, item) -> None:
        """``competencia`` None = ainda não fechada (documentos indisponíveis)."""
        self._competencia, self._item = competencia, item
        emitir = self._sessao.pode(Permissao.DOCUMENTOS_EMITIR)
        fechada = competencia is not None
        self.botao_contracheque.setEnabled(fechada and emitir and item is not None)
        for b in (self.botao_lote, self.botao_analitica):
            b.setEnabled(fechada and emitir)
        self.botao_csv.setEnabled(fechada)
        self.botao_banco.setEnabled(fechada and self._sessao.pode(Permissao.MAGISTERIO_EDITAR))
        self.botao_esocial.setEnabled(fechada and self._sessao.pode(Permissao.MAGISTERIO_EDITAR))
        self.aviso.setVisible(not fechada)
        if fechada:
            self.emitidos.atualizar()

    def _consultar_emitidos(self) -> list[dict]:
        if self._competencia is None:
            return []
        servidor_id = self._item.contracheque.pessoa_id if self._item is not None else None
        return documentos.emitidos_da_competencia(self._sessao, self._competencia, servidor_id)

    def _sufixo(self) -> str:
        c = self._competencia
        return f"{c.year}-{c.month:02d}"

    def _emitir(self, titulo: str, nome: str, emitir: Callable) -> None:
        """Emite o PDF fora da thread da interface, pergunta onde salvar e abre (``widgets.emissao``)."""
        def _salvo(caminho: Path) -> None:
            self.ultimo_arquivo = caminho

        def _fim(emitido) -> None:
            self.tarefa = None
            if emitido is not None:
                self.emitidos.atualizar()

        self.tarefa = emitir_em_segundo_plano(self, self.aviso, titulo, emitir, nome, andamento=f"{titulo}…",
                                              abrir=True, ao_salvar=_salvo, ao_terminar=_fim)

    def _on_contracheque(self) -> None:
        comp, item = self._competencia, self._item
        if comp is None or item is None:
            return
        self._emitir("Contracheque", f"contracheque-{self._sufixo()}-{comum.nome_arquivo(item.servidor.nome)}",
                     lambda _p: documentos.emitir_contracheque(self._sessao, comp, item.contracheque.pessoa_id))

    def _on_lote(self) -> None:
        comp = self._competencia
        if comp is None:
            return
        self._emitir("Contracheques de todos", f"contracheques-{self._sufixo()}",
                     lambda p: documentos.emitir_lote(self._sessao, comp, lambda f, t: p.informar(
                         f, t, f"Contracheque {f} de {t}…")))

    def _on_analitica(self) -> None:
        comp = self._competencia
        if comp is not None:
            self._emitir("Folha analítica", f"folha-analitica-{self._sufixo()}",
                         lambda _p: documentos.emitir_folha_analitica(self._sessao, comp))

    def _on_csv(self) -> None:
        comp = self._competencia
        if comp is None:
            return
        destino = escolher_destino(self, f"folha-{self._sufixo()}.csv", titulo="Exportar folha em CSV",
                                   filtro="CSV (*.csv)")
        if destino is None:
            return

        def _montado(conteudo: bytes) -> None:  # gravado também fora da thread da interface, inteiro ou nada
            self.tarefa = None
            arquivo.gravar(self, destino, conteudo, _feito, titulo_erro="Exportar folha em CSV")

        def _feito(caminho: Path) -> None:
            self.ultimo_arquivo = caminho
            oferecer_documento(self.aviso, None, caminho, f"Salvo em {caminho}.")
            self.aviso.setVisible(True)

        sessao = self._sessao
        self.tarefa = servicos.operacao(self, "Exportando a folha em CSV…",
                                        lambda _progresso: documentos.exportar_csv(sessao, comp), _montado,
                                        titulo_erro="Exportar folha em CSV",
                                        ao_cancelar=lambda: setattr(self, "tarefa", None))

    def _on_banco(self) -> None:
        comp = self._competencia
        if comp is None:
            return

        def _salvo(caminho: Path, gerado) -> None:
            self.ultimo_arquivo = caminho
            fora = (f" Ficaram de fora (sem conta): {', '.join(gerado.deixados_de_fora)}."
                    if gerado.deixados_de_fora else "")
            oferecer_documento(self.aviso, None, caminho,
                               f"Arquivo do banco nº {gerado.nsa} salvo em {caminho}: {gerado.creditos} crédito(s), "
                               f"total {formato.reais(gerado.total)}.{fora}")
            self.aviso.setVisible(True)

        self.gerador = GeradorRemessa(
            self, self._sessao, "magisterio", comp,
            lambda nome: escolher_destino(self, nome, titulo="Salvar arquivo do banco",
                                         filtro="Remessa CNAB 240 (*.rem *.txt)"),
            _salvo)
        self.gerador.iniciar()

    def _on_esocial(self) -> None:
        comp = self._competencia
        if comp is None:
            return

        def _salvo(caminho: Path, lote) -> None:
            self.ultimo_arquivo = caminho
            contagem = ", ".join(f"{n} {t}" for t, n in sorted(lote.contagem().items()))
            assinatura = "assinados com o certificado A1" if lote.assinados else "sem assinatura (o transmissor assina)"
            oferecer_documento(self.aviso, None, caminho, f"Eventos do eSocial salvos em {caminho}: {contagem}; "
                                                          f"todos validados nos XSD oficiais, {assinatura}.")
            self.aviso.setVisible(True)

        self.gerador_esocial = GeradorESocial(
            self, self._sessao, "magisterio", comp,
            lambda nome: escolher_destino(self, nome, titulo="Salvar eventos do eSocial", filtro="Arquivo ZIP (*.zip)"),
            _salvo)
        self.gerador_esocial.iniciar()
