"""Aba Documentos emitidos: o registro de tudo o que o Paço emitiu, cancelamento e verificação.

Um documento emitido nunca é apagado: se saiu errado, é cancelado com o motivo (fica no registro
e no diário) e emite-se outro. "Verificar documento" abre o diálogo de autenticidade.
"""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop.rules.papeis import DESCRICOES, Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.screens.documentos.emitidos import AcoesDoEmitido, situacao as situacao_documento
from desktop.screens.documentos.verificar import DialogoVerificar
from desktop.screens.widgets.campos import CampoValidado
from desktop.services import documentos

from desktop.screens.widgets import formato, servicos
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada
from desktop.screens.widgets.situacao import reservar_linhas

SITUACOES = [("Todos", None), ("Válidos", False), ("Cancelados", True)]

COLUNAS = [
    Coluna("Documento", lambda d: d["titulo"], largura=250),
    Coluna("Nº/ano", lambda d: f"{d['numero']}/{d['ano']}", ordenar=lambda d: (d["ano"], d["numero"]),
           alinhamento="direita", largura=75),
    Coluna("Via", lambda d: f"{d['via']}ª", ordenar=lambda d: d["via"], alinhamento="direita",
           largura=45),
    Coluna("Referência", lambda d: d["referencia"] or "", esticar=True),
    Coluna("Emitido em", lambda d: formato.momento(d["emitido_em"]), ordenar=lambda d: d["emitido_em"],
           alinhamento="direita", largura=150),
    Coluna("Por", lambda d: d["emitido_por"], largura=90),
    Coluna("Código", lambda d: d["codigo"], largura=155),
    Coluna("Situação", lambda d: situacao(d), largura=105,
           cor=lambda d: "#2e7d32" if situacao(d) == "Válido" else "#c62828"),
]


def situacao(d: dict) -> str:
    return situacao_documento(d).capitalize()


def motivo_valido(texto: str) -> str:
    motivo = " ".join((texto or "").split())
    if len(motivo) < documentos.MOTIVO_MINIMO:
        raise EntradaInvalida(f"Explique o motivo (pelo menos {documentos.MOTIVO_MINIMO} "
                              "caracteres), por exemplo: \"emitido com o mês errado\".")
    return motivo


class DialogoCancelar(DialogoFormulario):
    """Pede o motivo e cancela o documento. Não se desfaz."""

    def __init__(self, sessao, doc: dict, parent: QWidget | None = None):
        super().__init__(
            "Cancelar documento", "Cancelar o documento", parent,
            f"<b>{doc['titulo']} nº {doc['numero']}/{doc['ano']}, {doc['via']}ª via</b> "
            f"(código {doc['codigo']}), emitido em {formato.momento(doc['emitido_em'])} por "
            f"{doc['emitido_por']}.<br><br>O documento continuará no registro, marcado como "
            "cancelado: quem verificar o código saberá que ele perdeu a validade. O cancelamento "
            "não pode ser desfeito.", texto_voltar="Voltar")
        self._sessao = sessao
        self.doc = doc
        self.motivo = self.adicionar("Motivo:", CampoValidado(
            motivo_valido, placeholder="por que o documento deixa de valer", parent=self))
        self.motivo.setFocus()

    def chamada(self) -> partial:
        return partial(documentos.cancelar, self._sessao, self.doc["codigo"], self.motivo.valor())


class AbaEmitidos(AcoesDoEmitido, QWidget):
    """Registro dos documentos emitidos por esta base (abrir e imprimir: ``AcoesDoEmitido``)."""

    _TITULO_ABRIR, _TITULO_IMPRIMIR = "Abrir PDF", "Imprimir"

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.dialogo: DialogoCancelar | None = None
        self.verificador: DialogoVerificar | None = None
        self._tipos: dict[str, str] = {}
        self.tipo = QComboBox(self)
        self.tipo.addItem("Todos os tipos", None)
        self.situacao_filtro = QComboBox(self)
        for rotulo, valor in SITUACOES:
            self.situacao_filtro.addItem(rotulo, valor)
        self.texto = QLineEdit(self)
        self.texto.setPlaceholderText("título, referência, código ou quem emitiu")
        self.texto.setClearButtonEnabled(True)
        filtros = QHBoxLayout()
        for rotulo, campo in (("&Tipo:", self.tipo), ("&Situação:", self.situacao_filtro),
                              ("&Procurar:", self.texto)):
            r = QLabel(rotulo, self)
            r.setBuddy(campo)
            filtros.addWidget(r)
            filtros.addWidget(campo, 1 if campo is self.texto else 0)

        self.modelo = ModeloTabela(COLUNAS, self)
        self.proxy = ProxyFiltro(self.modelo, self)
        self.tabela = criar_visao(self.proxy, self, nome="Documentos emitidos")
        self.detalhe = QLabel(self)
        self.detalhe.setWordWrap(True)
        self.detalhe.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contagem = QLabel(self)
        self.botao_cancelar = QPushButton("&Cancelar documento…", self)
        self.botao_verificar = QPushButton("&Verificar documento…", self)
        self.botao_abrir = QPushButton("&Abrir PDF…", self)
        self.botao_abrir.setToolTip("Salva e abre o PDF exatamente como foi emitido (mesmo SHA-256).")
        self.botao_imprimir = QPushButton("&Imprimir…", self)
        self.botao_imprimir.setToolTip("Imprime o PDF exatamente como foi emitido (Ctrl+P).")
        self.ultimo_arquivo = None
        self._pode_cancelar = sessao.pode(Permissao.DOCUMENTOS_CANCELAR)
        if not self._pode_cancelar:
            self.botao_cancelar.setToolTip(
                f"O seu papel não permite {DESCRICOES[Permissao.DOCUMENTOS_CANCELAR]}.")
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        reservar_linhas(self.situacao)  # a mensagem muda; os botões não pulam
        botoes = QHBoxLayout()
        botoes.addWidget(self.botao_abrir)
        botoes.addWidget(self.botao_imprimir)
        botoes.addWidget(self.botao_cancelar)
        botoes.addWidget(self.botao_verificar)
        botoes.addWidget(self.contagem, 1, Qt.AlignmentFlag.AlignRight)

        lay = QVBoxLayout(self)
        lay.addLayout(filtros)
        lay.addWidget(self.tabela, 1)
        lay.addWidget(self.detalhe)
        lay.addLayout(botoes)
        lay.addWidget(self.situacao)

        self.tipo.activated.connect(self._on_filtro)
        self.situacao_filtro.activated.connect(self._on_filtro)
        self.texto.textChanged.connect(self.proxy.definir_texto)
        self.proxy.modelReset.connect(self._on_contar)
        self.proxy.layoutChanged.connect(self._on_contar)
        self.proxy.rowsInserted.connect(self._on_contar)
        self.proxy.rowsRemoved.connect(self._on_contar)
        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        self.botao_cancelar.clicked.connect(self._on_cancelar)
        self.botao_verificar.clicked.connect(self._on_verificar)
        self.botao_abrir.clicked.connect(self._on_abrir)
        self.botao_imprimir.clicked.connect(self._on_imprimir)
        self.recarregar()

    # -- dados -------------------------------------------------------------------------------
    def recarregar(self, codigo_selecionar: str | None = None) -> None:
        """Relê a lista fora da thread da interface (``carregando`` até chegar)."""
        atual = codigo_selecionar or (self.selecionado() or {}).get("codigo")
        tipo, cancelados, sessao = self.tipo.currentData(), self.situacao_filtro.currentData(), self._sessao
        servicos.consulta(self, lambda: documentos.listar_documentos(sessao, tipo=tipo, cancelados=cancelados),
                          lambda linhas: self._on_lidos(atual, tipo, linhas), titulo_erro="Documentos emitidos",
                          chave="lista")

    def _on_lidos(self, atual: str | None, tipo: str | None, linhas: list[dict]) -> None:
        novos = {d["tipo"]: d["titulo"] for d in linhas if d["tipo"] not in self._tipos}
        if novos:
            self._tipos.update(novos)
            self.tipo.clear()
            self.tipo.addItem("Todos os tipos", None)
            for t, titulo in sorted(self._tipos.items(), key=lambda x: x[1]):
                self.tipo.addItem(titulo, t)
            self.tipo.setCurrentIndex(max(0, self.tipo.findData(tipo)) if tipo else 0)
        self.modelo.definir_linhas(linhas)
        for i in range(self.proxy.rowCount()):
            if atual and self.proxy.linha_origem(self.proxy.index(i, 0))["codigo"] == atual:
                self.tabela.selectRow(i)
        self._on_selecao()
        self._on_contar()

    def selecionado(self) -> dict | None:
        return linha_selecionada(self.tabela)

    # -- slots -------------------------------------------------------------------------------
    def _on_filtro(self, *_args) -> None:
        self.recarregar()

    def _on_contar(self, *_args) -> None:
        n, total = self.proxy.rowCount(), self.modelo.rowCount()
        self.contagem.setText(f"{n} de {total} documentos" if n != total else
                              f"{total} documento{'s' if total != 1 else ''}")

    def _on_selecao(self, *_args) -> None:
        d = self.selecionado()
        self.botao_cancelar.setEnabled(self._pode_cancelar and bool(d) and not d["cancelado_em"])
        self.botao_abrir.setEnabled(bool(d))
        self.botao_imprimir.setEnabled(bool(d))
        if d and d.get("substituido_em") and not d["cancelado_em"]:
            self.detalhe.setText(
                f"<span style='color:#c62828'><b>Substituído</b> em "
                f"{formato.momento(d['substituido_em'])} por {d['substituido_por']}. Motivo: "
                f"{d['motivo_substituicao']}</span>")
        elif d and d["cancelado_em"]:
            self.detalhe.setText(
                f"<span style='color:#c62828'><b>Cancelado</b> em "
                f"{formato.momento(d['cancelado_em'])} por {d['cancelado_por']}. Motivo: "
                f"{d['motivo_cancelamento']}</span>")
        elif d:
            self.detalhe.setText(f"{d['paginas']} página{'s' if d['paginas'] != 1 else ''} · "
                                 f"SHA-256 {d['sha256']}")
        else:
            self.detalhe.clear()

    def _on_cancelar(self) -> None:
        d = self.selecionado()
        if not d or d["cancelado_em"]:
            return
        self.dialogo = DialogoCancelar(self._sessao, d, self)
        self.dialogo.accepted.connect(self._on_cancelado)
        self.dialogo.finished.connect(self.dialogo.deleteLater)
        self.dialogo.open()

    def _on_cancelado(self) -> None:
        d = self.dialogo.resultado
        self.recarregar(d["codigo"])
        self.situacao.setText(f"{d['titulo']} nº {d['numero']}/{d['ano']} (código {d['codigo']}) "
                              "cancelado.")

    def _on_verificar(self) -> None:
        self.verificador = DialogoVerificar(self._sessao, self)
        self.verificador.finished.connect(self.verificador.deleteLater)
        d = self.selecionado()
        if d:
            self.verificador.codigo.definir_texto(d["codigo"])
        self.verificador.open()
