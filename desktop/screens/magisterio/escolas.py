"""Aba Escolas: rede escolar com o porte e o difícil acesso em vigor, nova escola e o histórico datado.

O porte define a FG do diretor e do vice (Lei 1.613/2004, art. 38 §1º e Anexo III); o difícil
acesso é definido em ato do(a) Secretário(a) (art. 42 §4º); a zona rural, a gratificação do art. 49.
"""
from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from desktop.rules import validacao
from desktop.rules.papeis import Permissao
from desktop.screens.widgets import avisos, formato, servicos
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.data import CampoData
from desktop.screens.widgets.situacao import reservar_linhas
from desktop.services.magisterio import cadastro

from . import comum

_SIM = {True: "sim", False: "não"}

_COLUNAS = [
    # a escola fica com a sobra (o nome longo de um CMEI não cabia nos 420 com a sobra indo para a data)
    Coluna("Escola", lambda e: e["nome"], largura=420, esticar=True),
    Coluna("Bairro / localidade", lambda e: e.get("bairro") or "", largura=170),
    Coluna("Zona", lambda e: e["zona"], largura=80),
    Coluna("Porte hoje", lambda e: comum.ROTULOS_PORTE.get(e["porte"], "sem porte") if e["porte"] else "sem porte",
           largura=100, cor=lambda e: None if e["porte"] else "#b00020"),
    Coluna("Difícil acesso", lambda e: _SIM[e["dificil_acesso"]], alinhamento="centro", largura=125),
    Coluna("Desde", lambda e: formato.data(e["situacao_desde"]), ordenar=lambda e: e["situacao_desde"]),
]
_COLUNAS_SITUACAO = [
    Coluna("Início", lambda s: formato.data(s["inicio"]), ordenar=lambda s: s["inicio"], largura=100),
    Coluna("Fim", lambda s: formato.data(s["fim"]) or "em vigor", largura=100),
    Coluna("Porte", lambda s: comum.ROTULOS_PORTE.get(s["porte"], s["porte"]), largura=100),
    Coluna("Difícil acesso", lambda s: _SIM[bool(s["dificil_acesso"])], alinhamento="centro", largura=125),
    Coluna("Ato", lambda s: s.get("ato") or "", esticar=True),
]


def _combo_porte(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for valor, rotulo in comum.ROTULOS_PORTE.items():
        combo.addItem(rotulo, valor)
    return combo


class DialogoNovaEscola(DialogoFormulario):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__("Nova escola", "Cadastrar escola", parent,
                         "O porte (art. 38 §1º) e o difícil acesso (art. 42 §4º) valem a partir da data "
                         "informada; mudanças futuras se lançam como nova situação.")
        self._sessao = sessao
        self.nome = self.adicionar("Nome:", CampoValidado(lambda t: validacao.obrigatorio(t, "o nome da escola"),
                                                          parent=self, placeholder="Escola Municipal …"))
        self.bairro = self.adicionar("Bairro ou localidade (opcional):", CampoValidado(
            lambda t: t.strip(), obrigatorio=False, parent=self))
        self.zona = QComboBox(self)
        self.zona.addItem("urbana", "urbana")
        self.zona.addItem("rural", "rural")
        self.adicionar("Zona:", self.zona)
        self.porte = self.adicionar("Porte:", _combo_porte(self))
        self.dificil = self.adicionar("", QCheckBox("Localidade de difícil acesso (art. 42)", self))
        self.desde = self.adicionar("Porte válido desde:", CampoData(parent=self,
                                                                         placeholder="dd/mm/aaaa"))
        self.ato = self.adicionar("Ato (opcional):", CampoValidado(lambda t: t.strip(), obrigatorio=False, parent=self))
        self.nome.setFocus()

    def chamada(self) -> partial:
        return partial(cadastro.cadastrar_escola,
            self._sessao, nome=self.nome.valor(), zona=self.zona.currentData(), bairro=self.bairro.valor(),
            porte=self.porte.currentData(), dificil_acesso=self.dificil.isChecked(), desde=self.desde.valor(),
            ato=self.ato.valor() or "")


class DialogoSituacao(DialogoFormulario):
    def __init__(self, sessao, escola: dict, parent: QWidget | None = None):
        super().__init__("Porte e difícil acesso", "Gravar situação", parent,
                         f"Nova situação de {escola['nome']} a partir da data informada. A situação anterior "
                         "continua valendo para as competências passadas; a mesma data corrige a situação dela.")
        self._sessao, self._escola = sessao, escola
        self.inicio = self.adicionar("A partir de:", CampoData(parent=self,
                                                                   placeholder="dd/mm/aaaa"))
        self.porte = self.adicionar("Porte:", _combo_porte(self))
        if escola.get("porte"):
            self.porte.setCurrentIndex(self.porte.findData(escola["porte"]))
        self.dificil = self.adicionar("", QCheckBox("Localidade de difícil acesso (art. 42)", self))
        self.dificil.setChecked(bool(escola.get("dificil_acesso")))
        self.ato = self.adicionar("Ato (opcional):", CampoValidado(lambda t: t.strip(), obrigatorio=False, parent=self))
        self.inicio.setFocus()

    def chamada(self) -> partial:
        return partial(cadastro.definir_situacao, self._sessao, self._escola["id"], inicio=self.inicio.valor(),
                                         porte=self.porte.currentData(), dificil_acesso=self.dificil.isChecked(),
                                         ato=self.ato.valor() or "")


class AbaEscolas(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.dialogo = None
        self.tarefa = None  # a exclusão em andamento (servicos.operacao)
        self.modelo = ModeloTabela(_COLUNAS, self)
        self.proxy = ProxyFiltro(self.modelo, self)
        self.filtro = QLineEdit(self)
        self.filtro.setPlaceholderText("Filtrar por nome, bairro, zona ou porte")
        self.filtro.setClearButtonEnabled(True)
        self.filtro.textChanged.connect(self.proxy.definir_texto)
        self.tabela = criar_visao(self.proxy, self, nome="Escolas")
        self.modelo_situacoes = ModeloTabela(_COLUNAS_SITUACAO, self)
        self.tabela_situacoes = criar_visao(ProxyFiltro(self.modelo_situacoes, self), self,
                                            nome="Histórico de porte e difícil acesso")
        self.botao_nova = QPushButton("&Nova escola…", self)
        self.botao_situacao = QPushButton("Mudar &porte / difícil acesso…", self)
        self.botao_excluir = QPushButton("E&xcluir situação…", self)
        editar = sessao.pode(Permissao.MAGISTERIO_EDITAR)
        self.botao_nova.setEnabled(editar)
        barra = QHBoxLayout()
        for b in (self.botao_nova, self.botao_situacao):
            barra.addWidget(b)
        barra.addStretch(1)
        grupo = QGroupBox("Histórico da escola selecionada (porte: art. 38 §1º; difícil acesso: art. 42 §4º)", self)
        lay_grupo = QVBoxLayout(grupo)
        lay_grupo.addWidget(self.tabela_situacoes)
        barra_sit = QHBoxLayout()
        barra_sit.addWidget(self.botao_excluir)
        barra_sit.addStretch(1)
        lay_grupo.addLayout(barra_sit)
        self.situacao = reservar_linhas(QLabel(self), 2)  # uma mensagem longa quebra; não alarga a aba
        self.situacao.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filtro)
        lay.addWidget(self.tabela, 3)
        lay.addLayout(barra)
        lay.addWidget(grupo, 2)
        lay.addWidget(self.situacao)
        self.botao_nova.clicked.connect(self._on_nova)
        self.botao_situacao.clicked.connect(self._on_situacao)
        self.botao_excluir.clicked.connect(self._on_excluir)
        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        self.tabela_situacoes.selectionModel().selectionChanged.connect(self._on_selecao_situacao)
        self.recarregar()

    def recarregar(self, selecionar: str | None = None) -> None:
        """Relê as escolas fora da thread da interface (``carregando`` até chegarem) e volta a selecionar
        ``selecionar`` (ou a selecionada agora)."""
        atual = selecionar or (self.selecionada() or {}).get("id")
        sessao = self._sessao
        servicos.consulta(self, lambda: cadastro.listar_escolas(sessao), lambda linhas: self._on_lidas(linhas, atual),
                          titulo_erro="Escolas", chave="escolas")

    def _on_lidas(self, linhas: list[dict], atual: str | None) -> None:
        self.modelo.definir_linhas(linhas)
        for i in range(self.proxy.rowCount()):
            if atual and self.proxy.linha_origem(self.proxy.index(i, 0))["id"] == atual:
                self.tabela.selectRow(i)
        self._on_selecao()

    def selecionada(self) -> dict | None:
        return linha_selecionada(self.tabela)

    def _on_selecao(self, *_args) -> None:
        e = self.selecionada()
        editar = self._sessao.pode(Permissao.MAGISTERIO_EDITAR)
        self.botao_situacao.setEnabled(editar and e is not None)
        sessao, eid = self._sessao, e["id"] if e else None
        servicos.consulta(self, lambda: cadastro.situacoes_escola(sessao, eid) if eid else [], self._on_situacoes,
                          titulo_erro="Situações da escola", chave="situacoes")

    def _on_situacoes(self, linhas: list[dict]) -> None:
        self.modelo_situacoes.definir_linhas(linhas)
        self._on_selecao_situacao()

    def _on_selecao_situacao(self, *_args) -> None:
        self.botao_excluir.setEnabled(self._sessao.pode(Permissao.MAGISTERIO_EDITAR)
                                      and linha_selecionada(self.tabela_situacoes) is not None)

    def _abrir(self, dialogo: DialogoFormulario, mensagem) -> None:
        self.dialogo = dialogo

        def _on_aceito() -> None:
            self.recarregar(dialogo.resultado.get("unidade_id") or dialogo.resultado.get("id"))
            self.situacao.setText(mensagem)

        dialogo.accepted.connect(_on_aceito)
        dialogo.finished.connect(lambda _c: setattr(self, "dialogo", None))
        dialogo.open()

    def _on_nova(self) -> None:
        self._abrir(DialogoNovaEscola(self._sessao, self), "Escola cadastrada.")

    def _on_situacao(self) -> None:
        if (e := self.selecionada()):
            self._abrir(DialogoSituacao(self._sessao, e, self), f"Situação de {e['nome']} gravada.")

    def _on_excluir(self) -> None:
        s, e = linha_selecionada(self.tabela_situacoes), self.selecionada()
        if not (s and e):
            return
        if not avisos.confirmar(self, "Excluir situação",
                                f"Excluir a situação de {e['nome']} iniciada em {formato.data(s['inicio'])}?",
                                sim="Excluir", perigoso=True,
                                detalhe="Use só para um lançamento feito por engano. O diário guarda como era."):
            return
        sessao = self._sessao
        servicos.gravar(self, "Excluindo a situação…", lambda: cadastro.excluir_situacao(sessao, s["id"]),
                        lambda _r: self.recarregar(e["id"]), titulo_erro="Excluir situação")
