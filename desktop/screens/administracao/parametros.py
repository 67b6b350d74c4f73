"""Aba Parâmetros: os parâmetros legais datados, as vigências de cada um e os feriados municipais.

Duas seções: "Parâmetros legais" e "Feriados municipais" (desktop.screens.administracao.feriados).
Selecione um parâmetro (salário mínimo, tabelas do INSS e do IRRF, piso...) para ver as suas
vigências com o fundamento; "Nova vigência" cadastra um valor a partir de uma data.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from desktop.rules.papeis import DESCRICOES, Permissao
from desktop.rules.parametros import STATUS
from desktop.services import parametros

from desktop.screens.widgets import formato, servicos
from .feriados import SecaoFeriados
from desktop.screens.widgets.tabela import (Coluna, ModeloTabela, ProxyFiltro, ajustar_colunas, criar_visao,
                     linha_selecionada)
from .valores import (FONTES, ORIGENS, TIPOS, chaves_das_faixas, colunas_da_matriz, eh_matriz,
                      extras_em_texto, folhas, resumo, rotulo, rotulo_caminho, tem_faixas,
                      texto_campo)
from .vigencia import DialogoNovaVigencia
from desktop.screens.widgets.situacao import reservar_linhas
from desktop.screens.widgets.mensagem import Mensagem

COLUNAS_DEFINICOES = [
    Coluna("Parâmetro", lambda d: d["titulo"], esticar=True,
           dica=lambda d: f"{d['titulo']} — {TIPOS.get(d['tipo'], d['tipo'])}"),
    Coluna("Desde", lambda d: formato.data(d["ultima_inicio"]),
           ordenar=lambda d: d["ultima_inicio"] or "", alinhamento="direita", largura=105,
           dica=lambda d: "Início da vigência mais recente"),
]


def colunas_vigencias(tipo: str) -> list[Coluna]:
    return [
        Coluna("Início", lambda v: formato.data(v["inicio"]), ordenar=lambda v: v["inicio"],
               alinhamento="direita", largura=95),
        Coluna("Valor", lambda v: resumo(tipo, v["valor"]),
               alinhamento="esquerda" if tipo == "tabela" else "direita",
               largura=250 if tipo == "tabela" else 110),
        Coluna("Fundamento", lambda v: v["fundamento"], esticar=True),
        Coluna("Fonte", lambda v: FONTES.get(v["status"], v["status"]), ordenar=lambda v: v["status"],
               dica=lambda v: f"{v['status']}: {STATUS.get(v['status'], v['status'])}"),
        Coluna("Origem", lambda v: ORIGENS.get(v["origem"], v["origem"]), largura=150),
    ]


COLUNAS_ITENS = [
    Coluna("Item", lambda i: i["item"], esticar=True),
    Coluna("Valor", lambda i: i["valor"], alinhamento="direita", largura=160),
]


def colunas_matriz(chaves: list[str]) -> list[Coluna]:
    colunas = [Coluna("Item", lambda f: f["_linha"], largura=150)]
    for chave in chaves:
        colunas.append(Coluna(rotulo(chave), lambda f, c=chave: texto_campo(c, f.get(c)),
                              alinhamento="direita", largura=82))
    return colunas


def colunas_faixas(chaves: list[str]) -> list[Coluna]:
    colunas = [Coluna("Faixa", lambda f: str(f["_n"]), ordenar=lambda f: f["_n"],
                      alinhamento="direita", largura=55)]
    for chave in chaves:
        colunas.append(Coluna(rotulo(chave), lambda f, c=chave: texto_campo(c, f.get(c), unidade=False)
                              or ("sem limite" if c == "ate" else ""),
                              alinhamento="direita", largura=170))
    return colunas


class AbaParametros(QWidget):
    """Parâmetros legais (à esquerda), vigências do selecionado (à direita) e feriados (abaixo)."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.dialogo: DialogoNovaVigencia | None = None
        self.modelo_definicoes = ModeloTabela(COLUNAS_DEFINICOES, self)
        self.proxy_definicoes = ProxyFiltro(self.modelo_definicoes, self)
        self.definicoes = criar_visao(self.proxy_definicoes, self, nome="Parâmetros legais")
        self.definicoes.setWordWrap(True)

        self.descricao = QLabel(self)
        self.descricao.setWordWrap(True)
        self.descricao.setStyleSheet("color: #333;")
        self.modelo_vigencias = ModeloTabela(colunas_vigencias("valor"), self)
        self.proxy_vigencias = ProxyFiltro(self.modelo_vigencias, self)
        self.vigencias = criar_visao(self.proxy_vigencias, self, nome="Vigências")
        self.vigencias.setWordWrap(True)
        self.modelo_faixas = ModeloTabela(colunas_faixas([]), self)
        self.proxy_faixas = ProxyFiltro(self.modelo_faixas, self)
        self.faixas = criar_visao(self.proxy_faixas, self, nome="Faixas da vigência")
        self.faixas.setSortingEnabled(False)
        self.extras = Mensagem(parent=self)  # o que a tabela tem além das faixas (só com texto)
        self.botao_nova = QPushButton("&Nova vigência…", self)
        if not sessao.pode(Permissao.PARAMETROS_EDITAR):
            self.botao_nova.setToolTip(
                f"O seu papel não permite {DESCRICOES[Permissao.PARAMETROS_EDITAR]}.")
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        reservar_linhas(self.situacao)  # a mensagem muda; os botões não pulam

        direita = QWidget(self)
        lay_dir = QVBoxLayout(direita)
        lay_dir.setContentsMargins(0, 0, 0, 0)
        lay_dir.addWidget(self.descricao)
        lay_dir.addWidget(self.vigencias, 1)
        lay_dir.addWidget(self.faixas)
        lay_dir.addWidget(self.extras)
        linha = QHBoxLayout()
        linha.addWidget(self.botao_nova)
        linha.addWidget(self.situacao, 1)
        lay_dir.addLayout(linha)

        topo = QSplitter(Qt.Orientation.Horizontal, self)
        topo.addWidget(self.definicoes)
        topo.addWidget(direita)
        topo.setStretchFactor(0, 2)
        topo.setStretchFactor(1, 5)
        topo.setSizes([400, 800])
        topo.setChildrenCollapsible(False)
        self.feriados = SecaoFeriados(sessao, self)
        self.secoes = QTabWidget(self)
        self.secoes.addTab(topo, "Parâmetros legais")
        self.secoes.addTab(self.feriados, "Feriados municipais")
        lay = QVBoxLayout(self)
        lay.addWidget(self.secoes)

        self.definicoes.selectionModel().selectionChanged.connect(self._on_definicao)
        self.vigencias.selectionModel().selectionChanged.connect(self._on_vigencia)
        self.botao_nova.clicked.connect(self._on_nova)
        self._vigencias: list[dict] = []  # as da definição selecionada (lidas fora da thread da interface)
        self.botao_nova.setEnabled(False)  # até as vigências da definição selecionada chegarem
        self._carregar_definicoes()

    # -- dados -------------------------------------------------------------------------------
    def definicao(self) -> dict | None:
        return linha_selecionada(self.definicoes)

    def selecionar(self, nome: str) -> None:
        for i in range(self.proxy_definicoes.rowCount()):
            if self.proxy_definicoes.linha_origem(self.proxy_definicoes.index(i, 0))["nome"] == nome:
                self.definicoes.selectRow(i)
                return

    def recarregar(self) -> None:
        self._carregar_definicoes()
        self.feriados.recarregar()

    def _carregar_definicoes(self) -> None:
        """Relê as definições fora da thread da interface (``carregando`` até chegar)."""
        atual, sessao = (self.definicao() or {}).get("nome"), self._sessao
        servicos.consulta(self, lambda: parametros.listar_definicoes(sessao),
                          lambda linhas: self._on_definicoes_lidas(atual, linhas), titulo_erro="Parâmetros",
                          chave="definicoes")

    def _on_definicoes_lidas(self, atual: str | None, linhas: list[dict]) -> None:
        self.modelo_definicoes.definir_linhas(linhas)
        self.definicoes.resizeRowsToContents()
        if atual:
            self.selecionar(atual)
        elif self.proxy_definicoes.rowCount():
            self.definicoes.selectRow(0)
        self._on_definicao()

    # -- slots -------------------------------------------------------------------------------
    def _on_definicao(self, *_args) -> None:
        d = self.definicao()
        self.botao_nova.setEnabled(False)  # até as vigências da definição chegarem
        self._vigencias = []
        if not d:
            self.descricao.clear()
            self.modelo_vigencias.definir_linhas([])
            self._on_vigencia()
            return
        self.descricao.setText(f"<b>{d['titulo']}</b> — {d['descricao']}")
        sessao = self._sessao
        servicos.consulta(self, lambda: parametros.listar_vigencias(sessao, d["nome"]),
                          lambda vigencias: self._on_vigencias_lidas(d, vigencias), titulo_erro="Parâmetros",
                          chave="vigencias")

    def _on_vigencias_lidas(self, d: dict, vigencias: list[dict]) -> None:
        self._vigencias = vigencias
        self.botao_nova.setEnabled(self._sessao.pode(Permissao.PARAMETROS_EDITAR))
        self.modelo_vigencias.definir_colunas(colunas_vigencias(d["tipo"]))
        self.modelo_vigencias.definir_linhas(vigencias)
        ajustar_colunas(self.vigencias)
        self.vigencias.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.vigencias.resizeRowsToContents()  # o fundamento quebra em linhas, sem cortar
        self.vigencias.selectRow(0)
        self._on_vigencia()

    def _on_vigencia(self, *_args) -> None:
        """Detalhe de uma vigência de tabela: as faixas (e os demais itens) ou os itens."""
        d, v = self.definicao(), linha_selecionada(self.vigencias)
        tabela = bool(d and d["tipo"] == "tabela" and v and isinstance(v["valor"], dict))
        self.faixas.setVisible(tabela)
        if not tabela:
            self.extras.hide()
            return
        valor = v["valor"]
        if tem_faixas(valor):
            linhas = [dict(f, _n=i) for i, f in enumerate(valor["faixas"], start=1)]
            self.modelo_faixas.definir_colunas(colunas_faixas(chaves_das_faixas(linhas)))
            self.extras.setText(extras_em_texto(valor))
        elif eh_matriz(valor):
            linhas = [dict(celulas, _linha=rotulo(chave)) for chave, celulas in valor.items()]
            self.modelo_faixas.definir_colunas(colunas_matriz(colunas_da_matriz(valor)))
            self.extras.clear()
        else:
            linhas = [{"item": rotulo_caminho(c), "valor": texto_campo(c[-1], x)}
                      for c, x in folhas(valor)]
            self.modelo_faixas.definir_colunas(COLUNAS_ITENS)
            self.extras.clear()
        self.modelo_faixas.definir_linhas(linhas)
        ajustar_colunas(self.faixas)
        # poucas linhas: a grade mostra todas sem rolar; muitas: até 10, com rolagem
        altura = (self.faixas.horizontalHeader().sizeHint().height()
                  + self.faixas.verticalHeader().defaultSectionSize() * min(len(linhas), 10)
                  + 2 * self.faixas.frameWidth() + 2)
        self.faixas.setFixedHeight(altura)

    def _on_nova(self) -> None:
        d = self.definicao()
        if not d:
            return
        vigencias = self._vigencias  # as da definição selecionada, lidas ao selecioná-la
        self.dialogo = DialogoNovaVigencia(self._sessao, d, vigencias[-1] if vigencias else None, self)
        self.dialogo.accepted.connect(self._on_vigencia_gravada)
        self.dialogo.finished.connect(self.dialogo.deleteLater)
        self.dialogo.open()

    def _on_vigencia_gravada(self) -> None:
        v = self.dialogo.resultado
        self._carregar_definicoes()
        self.situacao.setText(f"Vigência gravada: a partir de {formato.data(v['inicio'])}.")
