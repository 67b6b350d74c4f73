"""Feriados municipais: lista, cadastro (data, descrição, se repete todo ano) e desativação.

Os feriados nacionais e estaduais vêm do calendário oficial; aqui o órgão cadastra os do
município. Um feriado nunca é apagado: é desativado e deixa de contar nos dias úteis.
"""
from __future__ import annotations

from functools import partial

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from desktop.rules import formato, validacao
from desktop.rules.papeis import DESCRICOES, Permissao
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.data import CampoData
from desktop.services import parametros

from desktop.screens.widgets import avisos, servicos
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada


def _quando(f: dict) -> str:
    d = date.fromisoformat(f["data"])
    return d.strftime("%d/%m") if f["anual"] else formato.data(d)


def _repete(f: dict) -> str:
    ano = f["data"][:4]
    return f"Todo ano, desde {ano}" if f["anual"] else f"Só em {ano}"


COLUNAS = [
    Coluna("Data", _quando, ordenar=lambda f: f["data"][5:] + f["data"][:4], largura=90),
    Coluna("Descrição", lambda f: f["descricao"], esticar=True),
    Coluna("Repete", _repete, largura=200),
    Coluna("Situação", lambda f: "Ativo" if f["ativo"] else "Desativado", largura=110),
]


class DialogoNovoFeriado(DialogoFormulario):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__("Novo feriado municipal", "Cadastrar feriado", parent,
                         "Cadastre os feriados do município (lei municipal). Os nacionais e os "
                         "do estado já estão no calendário do Paço.")
        self._sessao = sessao
        self.data = self.adicionar("Data:", CampoData(placeholder="dd/mm/aaaa", parent=self))
        self.descricao = self.adicionar("Descrição:", CampoValidado(
            lambda t: validacao.obrigatorio(t, "a descrição do feriado"),
            placeholder="ex.: Aniversário da cidade", parent=self))
        self.anual = QCheckBox("Repete todo ano na mesma data", self)
        self.anual.setChecked(True)
        self.adicionar("", self.anual)
        self.data.setFocus()

    def chamada(self) -> partial:
        return partial(parametros.adicionar_feriado_municipal,
            self._sessao, self.data.valor(), self.descricao.valor(), self.anual.isChecked())


class SecaoFeriados(QWidget):
    """A lista de feriados municipais com os botões de cadastro."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.tarefa = None  # a desativação em andamento (servicos.gravar)
        self.dialogo: DialogoNovoFeriado | None = None
        self.modelo = ModeloTabela(COLUNAS, self,
                                   cor_linha=lambda f: None if f["ativo"] else "#8a8a8a")
        self.proxy = ProxyFiltro(self.modelo, self)
        self.tabela = criar_visao(self.proxy, self, nome="Feriados municipais")
        self.mostrar_inativos = QCheckBox("Mostrar os desativados", self)
        self.botao_novo = QPushButton("Novo &feriado…", self)
        self.botao_desativar = QPushButton("Desati&var feriado…", self)
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        self._pode = sessao.pode(Permissao.FERIADOS_EDITAR)
        if not self._pode:
            motivo = f"O seu papel não permite {DESCRICOES[Permissao.FERIADOS_EDITAR]}."
            self.botao_novo.setToolTip(motivo)
            self.botao_desativar.setToolTip(motivo)
        botoes = QHBoxLayout()
        botoes.addWidget(self.botao_novo)
        botoes.addWidget(self.botao_desativar)
        botoes.addWidget(self.mostrar_inativos)
        botoes.addStretch(1)
        explicacao = QLabel("Os feriados nacionais e os do estado já fazem parte do calendário do "
                            "Paço. Cadastre aqui os do município, que contam nos prazos e nos "
                            "dias úteis.", self)
        explicacao.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(explicacao)
        lay.addWidget(self.tabela, 1)
        lay.addLayout(botoes)
        lay.addWidget(self.situacao)
        self.botao_novo.clicked.connect(self._on_novo)
        self.botao_desativar.clicked.connect(self._on_desativar)
        self.mostrar_inativos.toggled.connect(self._on_mostrar_inativos)
        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        self.recarregar()

    def recarregar(self) -> None:
        """Relê os feriados fora da thread da interface (``carregando`` até chegar)."""
        sessao, inativos = self._sessao, self.mostrar_inativos.isChecked()
        servicos.consulta(self, lambda: parametros.listar_feriados_municipais(sessao, incluir_inativos=inativos),
                          self._on_lidos, titulo_erro="Feriados municipais", chave="lista")

    def _on_lidos(self, linhas: list[dict]) -> None:
        self.modelo.definir_linhas(linhas)
        self._on_selecao()

    def _on_selecao(self, *_args) -> None:
        f = linha_selecionada(self.tabela)
        self.botao_novo.setEnabled(self._pode)
        self.botao_desativar.setEnabled(self._pode and bool(f and f["ativo"]))

    def _on_mostrar_inativos(self, _marcado: bool) -> None:
        self.recarregar()

    def _on_novo(self) -> None:
        self.dialogo = DialogoNovoFeriado(self._sessao, self)
        self.dialogo.accepted.connect(self._on_cadastrado)
        self.dialogo.finished.connect(self.dialogo.deleteLater)
        self.dialogo.open()

    def _on_cadastrado(self) -> None:
        f = self.dialogo.resultado
        self.recarregar()
        self.situacao.setText(f"Feriado cadastrado: {_quando(f)}, {f['descricao']}.")

    def _on_desativar(self) -> None:
        f = linha_selecionada(self.tabela)
        if not f:
            return
        if not avisos.confirmar(
                self, "Desativar feriado", f"Desativar o feriado {_quando(f)}, {f['descricao']}?",
                sim="Desativar", perigoso=True,
                detalhe="Ele deixa de contar nos prazos e dias úteis a partir de agora. O "
                        "cadastro continua guardado e a desativação fica no diário."):
            return
        sessao = self._sessao
        servicos.gravar(self, "Desativando…", lambda: parametros.desativar_feriado_municipal(sessao, f["id"]),
                        lambda _r: self._on_desativado(f), titulo_erro="Desativar feriado")

    def _on_desativado(self, f: dict) -> None:
        self.recarregar()
        self.situacao.setText(f"Feriado desativado: {_quando(f)}, {f['descricao']}.")
