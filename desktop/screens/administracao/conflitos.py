"""Conflitos da sincronização: o mesmo campo alterado em duas máquinas, os valores lado a lado.

À esquerda, os campos em conflito (tabela, registro, campo, quantas versões); à direita, cada versão
com o valor, quem gravou, em que máquina e quando. "Ficar com este valor…" decide o conflito (no
diário) — exige o papel que edita o módulo da tabela — e a decisão viaja às outras máquinas no
próximo pacote. Só aparece numa base que é réplica (docs/sincronizacao.md).
"""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.screens.widgets.leitura import ler
from desktop.screens.widgets.servicos import gravar
from desktop.services import replicas, sincronizacao

from desktop.screens.widgets import avisos, formato
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada

_CAMPO_EXCLUSAO = "_existe"


def _campo(c: dict) -> str:
    return "(o registro existe?)" if c["coluna"] == _CAMPO_EXCLUSAO else c["coluna"]


def _valor(v: dict) -> str:
    if v["excluido"]:
        return "(registro excluído)"
    return "(vazio)" if v["valor"] in (None, "") else str(v["valor"])


def _quando(v: dict) -> str:
    ms = int(v["hlc"].split(".")[0])
    return formato.momento(datetime.fromtimestamp(ms / 1000, timezone.utc))


COLUNAS_CONFLITOS = [
    Coluna("Tabela", lambda c: c["tabela"], largura=170),
    Coluna("Registro", lambda c: c["registro_id"], largura=150),
    Coluna("Campo", _campo, largura=150),
    Coluna("Versões", lambda c: str(len(c["cabecas"])), alinhamento="direita", largura=70),
]


class AbaConflitos(QWidget):
    """A lista de conflitos e as versões do conflito selecionado, lado a lado."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self._maquinas: dict[str, str] = {}
        self.tarefa = None  # a decisão em andamento (servicos.gravar)
        self.modelo = ModeloTabela(COLUNAS_CONFLITOS, self)
        self.tabela = criar_visao(ProxyFiltro(self.modelo, self), self, nome="Conflitos")
        self.modelo_versoes = ModeloTabela([
            Coluna("Valor", _valor, esticar=True),
            Coluna("Quem", lambda v: v["usuario"], largura=120),
            Coluna("Máquina", lambda v: self._maquinas.get(v["origem"], "?"), largura=150),
            Coluna("Quando", _quando, largura=130),
        ], self)
        self.versoes = criar_visao(ProxyFiltro(self.modelo_versoes, self), self, nome="Versões em conflito")
        self.botao_decidir = QPushButton("&Ficar com este valor…", self)
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        explicacao = QLabel("O mesmo campo foi alterado em duas máquinas antes de uma receber a alteração "
                            "da outra. Os valores ficam guardados lado a lado até alguém decidir; a decisão "
                            "vai ao diário e às outras máquinas no próximo pacote.", self)
        explicacao.setWordWrap(True)
        lados = QHBoxLayout()
        lados.addWidget(self.tabela, 1)
        direita = QVBoxLayout()
        direita.addWidget(self.versoes, 1)
        direita.addWidget(self.botao_decidir)
        lados.addLayout(direita, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(explicacao)
        lay.addLayout(lados, 1)
        lay.addWidget(self.situacao)
        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        self.versoes.selectionModel().selectionChanged.connect(self._on_selecao_versao)
        self.botao_decidir.clicked.connect(self._on_decidir)
        self.botao_decidir.setEnabled(False)
        self.recarregar()

    def recarregar(self) -> None:
        sessao = self._sessao
        ler(self, lambda: (replicas.replicas(sessao), sincronizacao.conflitos(sessao)), self._on_carregado,
            self._on_falhou)

    def _on_carregado(self, resultado) -> None:
        maquinas, conflitos = resultado
        self._maquinas = {r["id"]: r["nome"] for r in maquinas}
        self.modelo.definir_linhas(conflitos)
        self.modelo_versoes.definir_linhas([])
        self.situacao.setText(f"{len(conflitos)} campo(s) em conflito." if conflitos else "Nenhum conflito.")
        self._on_selecao()

    def _on_falhou(self, erro: BaseException) -> None:
        if not avisos.previsto(erro):
            raise erro
        self.situacao.setText(avisos.mensagem_de(erro))

    def _on_selecao(self, *_args) -> None:
        c = linha_selecionada(self.tabela)
        self.modelo_versoes.definir_linhas(c["cabecas"] if c else [])
        self._on_selecao_versao()

    def _on_selecao_versao(self, *_args) -> None:
        self.botao_decidir.setEnabled(linha_selecionada(self.versoes) is not None)

    def _on_decidir(self) -> None:
        c, v = linha_selecionada(self.tabela), linha_selecionada(self.versoes)
        if not c or not v:
            return
        if not avisos.confirmar(
                self, "Decidir conflito", f"Ficar com «{_valor(v)}» em {_campo(c)} ({c['tabela']})?",
                sim="Ficar com este valor",
                detalhe="Os outros valores deixam de valer. A decisão fica no diário e vai às outras "
                        "máquinas no próximo pacote."):
            return
        sessao = self._sessao
        gravar(self, "Gravando a decisão…",
               lambda: sincronizacao.decidir(sessao, c["tabela"], c["registro_id"], c["coluna"], v["versao"]),
               lambda _r: self._on_decidido(c, v), titulo_erro="Decidir conflito")

    def _on_decidido(self, c: dict, v: dict) -> None:
        self.recarregar()
        self.situacao.setText(f"Conflito decidido: {_campo(c)} = {_valor(v)}.")
