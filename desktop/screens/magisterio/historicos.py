"""Uma sub-aba de histórico da ficha funcional: tabela dos itens e adicionar, corrigir, encerrar, excluir.

O formulário de cada item é montado a partir de ``campos_historico``; quem grava e recusa (com a
mensagem em português e o artigo da lei) é ``desktop.services.magisterio.cadastro``.
"""
from __future__ import annotations

from functools import partial

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.rules.papeis import Permissao
from desktop.rules.validacao import obrigatorio
from desktop.screens.widgets import avisos, formato, servicos
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.data import CampoData
from desktop.screens.widgets.mensagem import Mensagem
from desktop.services.magisterio import cadastro

from . import campos_historico as ch
from . import comum


def _opcoes(campo: ch.Campo, dinamicas: dict) -> dict[str, str]:
    return campo.opcoes if isinstance(campo.opcoes, dict) else dinamicas.get(campo.opcoes, {})


class DialogoItem(DialogoFormulario):
    """Novo item (``item`` None) ou correção de um item de histórico."""

    def __init__(self, sessao, historico: ch.Historico, servidor_id: str, dinamicas: dict,
                 item: dict | None = None, parent: QWidget | None = None):
        novo = item is None
        super().__init__(f"{'Acrescentar' if novo else 'Corrigir'} {historico.singular}",
                         "Acrescentar" if novo else "Salvar correção", parent, historico.artigos)
        self._sessao, self._historico, self._servidor_id, self._item = sessao, historico, servidor_id, item
        self.setMinimumWidth(760)  # rótulos longos e as dicas nos campos cabem inteiros
        self.widgets: dict[str, QWidget] = {}
        for campo in historico.campos:
            valor = item.get(campo.nome) if item else campo.padrao
            self.widgets[campo.nome] = self.adicionar(
                campo.rotulo + (":" if campo.obrigatorio or campo.tipo == ch.LOGICO else " (opcional):"),
                self._widget(campo, valor, _opcoes(campo, dinamicas)))
        self.atualizar_botao()
        next(iter(self.widgets.values())).setFocus()

    def _widget(self, campo: ch.Campo, valor, opcoes: dict) -> QWidget:
        if campo.tipo == ch.LOGICO:
            caixa = QCheckBox(campo.dica, self)
            caixa.setChecked(bool(valor))
            return caixa
        if campo.tipo == ch.ESCOLHA:
            combo = QComboBox(self)
            if not campo.obrigatorio:
                combo.addItem("(nenhuma)", None)
            for chave, rotulo in opcoes.items():
                combo.addItem(rotulo, chave)
            if valor is not None:
                combo.setCurrentIndex(max(combo.findData(str(valor)), 0))
            return combo
        valida = ch.validador(campo)
        if campo.tipo == ch.TEXTO and campo.obrigatorio:
            valida = lambda t, r=campo.rotulo.lower(): obrigatorio(t, r)  # noqa: E731
        placeholder = {ch.DATA: "dd/mm/aaaa", ch.COMPETENCIA: "mm/aaaa"}.get(campo.tipo, "")
        if campo.dica:
            placeholder = f"{placeholder} — {campo.dica}" if placeholder else campo.dica
        if campo.tipo == ch.DATA:  # o campo de data único (barras ao digitar)
            editor = CampoData(placeholder=placeholder, obrigatorio=campo.obrigatorio, parent=self)
        else:
            editor = CampoValidado(valida, placeholder=placeholder, obrigatorio=campo.obrigatorio, parent=self)
        if valor is not None and valor != "":
            editor.definir_texto(ch.para_texto(campo, valor))
        return editor

    def valores(self) -> dict:
        v = {}
        for campo in self._historico.campos:
            w = self.widgets[campo.nome]
            if isinstance(w, QCheckBox):
                v[campo.nome] = w.isChecked()
            elif isinstance(w, QComboBox):
                dado = w.currentData()
                v[campo.nome] = int(dado) if campo.nome == "horas" and dado else dado
            elif campo.tipo == ch.TEXTO:
                v[campo.nome] = w.valor() or ""  # texto apagado na correção: vazio, não "sem valor"
            else:
                v[campo.nome] = w.valor()
        return v

    def chamada(self) -> partial:
        if self._item is None:
            return partial(cadastro.adicionar, self._sessao, self._historico.nome, self._servidor_id, **self.valores())
        return partial(cadastro.corrigir, self._sessao, self._historico.nome, self._item["id"], **self.valores())


class DialogoEncerrar(DialogoFormulario):
    def __init__(self, sessao, historico: ch.Historico, item: dict, parent: QWidget | None = None):
        super().__init__(f"Encerrar {historico.singular}", "Encerrar", parent,
                         f"Último dia do período iniciado em {formato.data(item['inicio'])}.")
        self._sessao, self._historico, self._item = sessao, historico, item
        self.fim = self.adicionar("Fim:", CampoData(placeholder="dd/mm/aaaa", parent=self))
        self.fim.setFocus()

    def chamada(self) -> partial:
        return partial(cadastro.encerrar, self._sessao, self._historico.nome, self._item["id"], self.fim.valor())


class AbaHistorico(QWidget):
    """Os itens de um histórico do servidor. ``sig_alterado`` avisa a ficha para recalcular a linha do tempo."""

    sig_alterado = Signal()

    def __init__(self, sessao, historico: ch.Historico, servidor_id: str, dinamicas: dict,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao, self.historico, self._servidor_id, self._dinamicas = sessao, historico, servidor_id, dinamicas
        self.dialogo: DialogoFormulario | None = None
        self.tarefa = None  # a exclusão em andamento (servicos.operacao)
        por_nome = {c.nome: c for c in historico.campos}
        colunas = [Coluna(por_nome[n].rotulo, lambda i, c=por_nome[n]: ch.para_texto(c, i.get(c.nome),
                                                                                  _opcoes(c, dinamicas)),
                          ordenar=(lambda i, n=n: i.get(n)) if por_nome[n].tipo in (ch.DATA, ch.COMPETENCIA,
                                                                                     ch.INTEIRO, ch.DECIMAL) else None,
                          largura=self._largura(por_nome[n]))
                   for n in historico.colunas]
        self.modelo = ModeloTabela(colunas, self)
        self.proxy = ProxyFiltro(self.modelo, self)
        self.tabela = criar_visao(self.proxy, self, nome=historico.titulo)
        self.botao_adicionar = QPushButton("&Acrescentar…", self)
        self.botao_corrigir = QPushButton("&Corrigir…", self)
        self.botao_encerrar = QPushButton("&Encerrar…", self)
        self.botao_excluir = QPushButton("E&xcluir…", self)
        self.botao_encerrar.setVisible(historico.periodo)
        pode = sessao.pode(Permissao.MAGISTERIO_EDITAR)
        barra = QHBoxLayout()
        for b in (self.botao_adicionar, self.botao_corrigir, self.botao_encerrar, self.botao_excluir):
            b.setEnabled(pode)
            barra.addWidget(b)
        barra.addStretch(1)
        nota = QLabel(historico.artigos + " (Lei 1.613/2004).", self)
        nota.setObjectName("subtitulo")
        self.aviso = Mensagem(parent=self)  # p. ex. falta de competência fechada: descontada na seguinte
        self.aviso.setStyleSheet("color: #8a4b00; font-weight: bold;")
        lay = QVBoxLayout(self)
        lay.addWidget(nota)
        lay.addWidget(self.aviso)
        lay.addWidget(self.tabela, 1)
        lay.addLayout(barra)
        self.botao_adicionar.clicked.connect(self._on_adicionar)
        self.botao_corrigir.clicked.connect(self._on_corrigir)
        self.botao_encerrar.clicked.connect(self._on_encerrar)
        self.botao_excluir.clicked.connect(self._on_excluir)
        self.tabela.doubleClicked.connect(lambda *_: self._on_corrigir())
        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        self.recarregar()

    def _largura(self, campo: ch.Campo) -> int:
        """Largura da coluna: cabe o título inteiro; escola e setor cabem o nome da escola."""
        base = {ch.DATA: 100, ch.COMPETENCIA: 100, ch.INTEIRO: 90, ch.DECIMAL: 90, ch.LOGICO: 70}.get(campo.tipo, 200)
        if campo.opcoes in ("escolas", "lotacoes"):
            base = 340
        return max(base, self.fontMetrics().horizontalAdvance(campo.rotulo) * 11 // 10 + 30)  # título em negrito

    def recarregar(self) -> None:
        """Relê os itens fora da thread da interface (``carregando`` até chegarem)."""
        sessao, nome, sid = self._sessao, self.historico.nome, self._servidor_id
        servicos.consulta(self, lambda: cadastro.itens(sessao, nome, sid), self._on_itens,
                          titulo_erro=self.historico.titulo.replace("&", ""), chave="itens")

    def _on_itens(self, itens: list[dict]) -> None:
        self.modelo.definir_linhas(itens)
        self._on_selecao()

    def selecionado(self) -> dict | None:
        return linha_selecionada(self.tabela)

    def _on_selecao(self, *_args) -> None:
        item = self.selecionado()
        pode = self._sessao.pode(Permissao.MAGISTERIO_EDITAR)
        self.botao_corrigir.setEnabled(pode and item is not None)
        self.botao_excluir.setEnabled(pode and item is not None)
        self.botao_encerrar.setEnabled(pode and item is not None and item.get("fim") is None)

    def _abrir(self, dialogo: DialogoFormulario) -> None:
        self.dialogo = dialogo
        dialogo.accepted.connect(lambda d=dialogo: self._on_gravado(d))
        dialogo.finished.connect(lambda _c: setattr(self, "dialogo", None))
        dialogo.open()

    def _on_gravado(self, dialogo: DialogoFormulario | None = None, resultado: dict | None = None) -> None:
        resultado = dialogo.resultado if dialogo is not None else resultado
        texto = resultado.get("aviso") if isinstance(resultado, dict) else None
        self.aviso.setText(texto)
        self.recarregar()
        self.sig_alterado.emit()

    def _on_adicionar(self) -> None:
        self._abrir(DialogoItem(self._sessao, self.historico, self._servidor_id, self._dinamicas, parent=self))

    def _on_corrigir(self) -> None:
        if (item := self.selecionado()) and self.botao_corrigir.isEnabled():
            self._abrir(DialogoItem(self._sessao, self.historico, self._servidor_id, self._dinamicas, item, self))

    def _on_encerrar(self) -> None:
        if (item := self.selecionado()) and item.get("fim") is None:
            self._abrir(DialogoEncerrar(self._sessao, self.historico, item, self))

    def _on_excluir(self) -> None:
        item = self.selecionado()
        if not item:
            return
        quando = item.get("inicio") or item.get("data") or item.get("data_requerimento") or item.get("conclusao")
        texto = f"Excluir este registro de {self.historico.singular}" + (
            f" ({formato.data(quando)})?" if isinstance(quando, date) else "?")
        if not avisos.confirmar(self, f"Excluir {self.historico.singular}", texto, sim="Excluir", perigoso=True,
                                detalhe="Use só para um lançamento feito por engano; para o fim de um período, "
                                        "use Encerrar. O diário de auditoria guarda como era."):
            return
        sessao, nome = self._sessao, self.historico.nome
        servicos.gravar(self, "Excluindo…", lambda: cadastro.excluir(sessao, nome, item["id"]),
                        lambda r: self._on_gravado(resultado=r), titulo_erro=f"Excluir {self.historico.singular}")
