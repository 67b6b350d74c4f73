"""Diálogo "Nova vigência" de um parâmetro legal, com o editor de tabelas.

Um valor novo vale a partir da data de início, com o fundamento (ato e artigo) obrigatório. Uma
tabela nova é editada a partir da vigência mais recente: as faixas numa grade (INSS, IRRF), as
matrizes numa grade de dupla entrada (vencimento por nível e classe) e os demais itens num
formulário. O serviço valida a forma (faixas crescentes, valores positivos) e
grava no diário.
"""
from __future__ import annotations

from functools import partial

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.rules import validacao
from desktop.rules.dinheiro import texto_dinheiro
from desktop.rules.parametros import STATUS
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.data import CampoData
from desktop.services import parametros

from desktop.screens.widgets import formato
from desktop.screens.widgets.formulario import DialogoFormulario
from .valores import (Caminho, chaves_das_faixas, colunas_da_matriz, eh_data, eh_dinheiro,
                      eh_matriz, eh_numero, folhas, resumo, rotulo, rotulo_caminho, rotulo_curto,
                      tem_faixas, texto_campo)

_ITENS_SEM_ROLAGEM = 10


def _numero(chave: str, texto: str, onde: str) -> str:
    """Número digitado (1.234,56 ou 7,5) na forma gravada; o erro diz onde está."""
    try:
        if eh_dinheiro(chave):
            return texto_dinheiro(validacao.dinheiro(texto))
        return formato.numero_digitado(texto)
    except validacao.EntradaInvalida as e:
        raise validacao.EntradaInvalida(f"{onde}: {e}") from None


def _especie(valor) -> str:
    return "data" if eh_data(valor) else "numero" if eh_numero(valor) else "texto"


def _ler(especie: str, chave: str, texto: str, onde: str) -> str:
    """O texto de um campo na forma gravada: número decimal, data ISO ou o próprio texto."""
    if especie == "numero":
        return _numero(chave, texto, onde)
    if especie == "data":
        try:
            return validacao.data_br(texto).isoformat()
        except validacao.EntradaInvalida as e:
            raise validacao.EntradaInvalida(f"{onde}: {e}") from None
    return texto


class EditorTabela(QWidget):
    """Edita um valor do tipo tabela a partir de um modelo (a vigência mais recente).

    Três formas: faixas (grade que cresce, mais os outros itens ao lado), matriz (grade de dupla
    entrada, ex.: nível × classe) e itens (formulário, com grupos para os subitens).
    """

    def __init__(self, modelo: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.grade: QTableWidget | None = None
        self.matriz = eh_matriz(modelo)
        self.chaves: list[str] = []          # colunas da grade
        self.linhas_matriz: list[str] = []   # linhas da matriz
        self._especies: dict[tuple[int, int], str] = {}
        self.extras: dict[Caminho, tuple[QLineEdit, str]] = {}  # caminho → (campo, espécie)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        if self.matriz:
            lay.addWidget(self._montar_matriz(modelo))
            return
        if tem_faixas(modelo) or not modelo:
            lay.addLayout(self._montar_faixas(list(modelo.get("faixas") or [])), 2)
        itens = {k: v for k, v in modelo.items() if k != "faixas"}
        if itens:
            lay.addWidget(self._montar_itens(itens), 1)

    # -- montagem ----------------------------------------------------------------------------
    def _nova_grade(self, linhas: int, rotulos_colunas: list[str]) -> QTableWidget:
        grade = QTableWidget(linhas, len(rotulos_colunas), self)
        grade.setHorizontalHeaderLabels(rotulos_colunas)
        cab = grade.horizontalHeader()
        cab.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        cab.setStretchLastSection(True)
        grade.verticalHeader().setDefaultSectionSize(grade.fontMetrics().height() + 12)
        grade.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grade = grade
        return grade

    def _montar_matriz(self, modelo: dict) -> QTableWidget:
        self.linhas_matriz, self.chaves = list(modelo), colunas_da_matriz(modelo)
        grade = self._nova_grade(len(self.linhas_matriz), [rotulo(c) for c in self.chaves])
        grade.setVerticalHeaderLabels([rotulo(k) for k in self.linhas_matriz])
        grade.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        grade.setAccessibleName("Tabela de dupla entrada")
        for i, linha in enumerate(self.linhas_matriz):
            for j, coluna in enumerate(self.chaves):
                valor = modelo[linha].get(coluna)
                self._especies[(i, j)] = _especie(valor) if valor is not None else "numero"
                self._celula(i, j, texto_campo(coluna, valor, unidade=False))
        self._ajustar_altura(limite=12)
        return grade

    def _montar_faixas(self, faixas: list[dict]) -> QVBoxLayout:
        self.chaves = chaves_das_faixas(faixas) or ["ate", "percentual"]
        grade = self._nova_grade(len(faixas), [rotulo(c) for c in self.chaves])
        grade.setAccessibleName("Faixas da tabela")
        for i, faixa in enumerate(faixas):
            for j, chave in enumerate(self.chaves):
                self._celula(i, j, texto_campo(chave, faixa.get(chave), unidade=False))
        self.botao_mais = QPushButton("Acrescentar &faixa", self)
        self.botao_menos = QPushButton("&Remover faixa", self)
        self.botao_mais.clicked.connect(self._on_acrescentar)
        self.botao_menos.clicked.connect(self._on_remover)
        dica = QLabel("Valores como 1.234,56 e alíquotas como 7,5. Deixe em branco o limite da "
                      "última faixa se ela não tiver limite.", self)
        dica.setWordWrap(True)
        dica.setStyleSheet("color: #555;")
        botoes = QHBoxLayout()
        botoes.addWidget(self.botao_mais)
        botoes.addWidget(self.botao_menos)
        botoes.addStretch(1)
        coluna = QVBoxLayout()
        coluna.addWidget(grade)
        coluna.addLayout(botoes)
        coluna.addWidget(dica)
        coluna.addStretch(1)
        self._ajustar_altura()
        return coluna

    def _montar_itens(self, itens: dict) -> QWidget:
        """Os itens que não são faixas; um grupo para cada item que tem subitens."""
        conteudo = QWidget(self)
        form = QFormLayout(conteudo)
        form.setContentsMargins(0, 0, 0, 0)
        for chave, valor in itens.items():
            if isinstance(valor, dict):
                grupo = QGroupBox(rotulo_curto(chave), conteudo)
                sub = QFormLayout(grupo)
                for caminho, folha in folhas(valor, (chave,)):
                    sub.addRow(f"{self._rotulo_item(caminho[1:])}:", self._campo(caminho, folha))
                form.addRow(grupo)
            else:
                form.addRow(f"{rotulo(chave)}:", self._campo((chave,), valor))
        if len(self.extras) <= _ITENS_SEM_ROLAGEM:
            return conteudo
        rolagem = QScrollArea(self)
        rolagem.setWidget(conteudo)
        rolagem.setWidgetResizable(True)
        rolagem.setMinimumHeight(360)
        return rolagem

    @staticmethod
    def _rotulo_item(caminho: Caminho) -> str:
        anteriores = rotulo_caminho(caminho[:-1])
        return f"{anteriores} › {rotulo(caminho[-1])}" if anteriores else rotulo(caminho[-1])

    def _campo(self, caminho: Caminho, valor) -> QLineEdit:
        especie = _especie(valor)
        campo = QLineEdit(texto_campo(caminho[-1], valor, unidade=False), self)
        if especie == "numero":
            campo.setAlignment(Qt.AlignmentFlag.AlignRight)
        elif especie == "data":
            campo.setPlaceholderText("dd/mm/aaaa")
        campo.setMinimumWidth(130)
        self.extras[caminho] = (campo, especie)
        return campo

    def _celula(self, i: int, j: int, texto: str) -> None:
        item = QTableWidgetItem(texto)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.grade.setItem(i, j, item)

    def _ajustar_altura(self, limite: int = 8) -> None:
        """A grade mostra todas as linhas (até ``limite``) sem rolar."""
        linhas = min(max(self.grade.rowCount(), 3), limite)
        self.grade.setMinimumHeight(self.grade.horizontalHeader().sizeHint().height()
                                    + self.grade.verticalHeader().defaultSectionSize() * linhas
                                    + 2 * self.grade.frameWidth() + 8)

    # -- slots -------------------------------------------------------------------------------
    def _on_acrescentar(self) -> None:
        i = self.grade.rowCount()
        self.grade.insertRow(i)
        for j in range(len(self.chaves)):
            self._celula(i, j, "")
        self.grade.setCurrentCell(i, 0)
        self.grade.setFocus()
        self._ajustar_altura()

    def _on_remover(self) -> None:
        i = self.grade.currentRow()
        if i >= 0:
            self.grade.removeRow(i)

    # -- valor -------------------------------------------------------------------------------
    def _texto(self, i: int, j: int) -> str:
        item = self.grade.item(i, j)
        return item.text().strip() if item else ""

    def valor(self) -> dict:
        """A tabela na forma gravada (números como texto decimal); o erro aponta o campo errado."""
        if self.matriz:
            valor: dict = {}
            for i, linha in enumerate(self.linhas_matriz):
                celulas = {c: _ler(self._especies[(i, j)], c, self._texto(i, j),
                                   f"{rotulo(linha)}, {rotulo(c)}")
                           for j, c in enumerate(self.chaves) if self._texto(i, j)}
                if celulas:
                    valor[linha] = celulas
            return valor
        valor = {}
        if self.grade is not None:
            faixas = []
            for i in range(self.grade.rowCount()):
                faixa = {c: _numero(c, self._texto(i, j), f"Faixa {i + 1}, {rotulo(c)}")
                         for j, c in enumerate(self.chaves) if self._texto(i, j)}
                if faixa:
                    faixas.append(faixa)
            if not faixas:
                raise validacao.EntradaInvalida("Preencha pelo menos uma faixa da tabela.")
            valor["faixas"] = faixas
        for caminho, (campo, especie) in self.extras.items():
            texto = campo.text().strip()
            if not texto:
                continue
            destino = valor
            for chave in caminho[:-1]:
                destino = destino.setdefault(chave, {})
            destino[caminho[-1]] = _ler(especie, caminho[-1], texto, self._rotulo_item(caminho))
        return valor


class DialogoNovaVigencia(DialogoFormulario):
    """Cadastra um novo valor de um parâmetro a partir de uma data, com o seu fundamento."""

    def __init__(self, sessao, definicao: dict, ultima: dict | None, parent: QWidget | None = None):
        super().__init__(
            f"Nova vigência — {definicao['titulo']}", "Gravar vigência", parent,
            "O novo valor vale a partir da data de início, até o início da vigência seguinte. "
            "Informe o ato que o fixou (lei, decreto, portaria e artigo). A gravação fica "
            "registrada no diário e não pode ser apagada.")
        self._sessao = sessao
        self.definicao = definicao
        self.inicio = self.adicionar("Início da vigência:", CampoData(placeholder="dd/mm/aaaa", parent=self))
        tipo = definicao["tipo"]
        self.editor: EditorTabela | None = None
        self.valor: CampoValidado | None = None
        if tipo == "tabela":
            self.editor = EditorTabela(ultima["valor"] if ultima else {}, self)
            self.adicionar("Tabela:", self.editor)
            grade, itens = self.editor.grade is not None, bool(self.editor.extras)
            self.setMinimumWidth(1060 if (grade and itens) or self.editor.matriz else 720)
        elif tipo == "valor":
            self.valor = self.adicionar("Valor (R$):", CampoValidado(
                validacao.dinheiro, placeholder="ex.: 1.621,00", parent=self))
        else:
            self.valor = self.adicionar("Percentual (%):", CampoValidado(
                formato.numero_digitado, placeholder="ex.: 7,5", parent=self))
        self.fundamento = self.adicionar("Fundamento:", CampoValidado(
            lambda t: validacao.obrigatorio(t, "o fundamento (ato e artigo)"),
            placeholder="ex.: Decreto 12.797/2025, art. 1º", parent=self))
        self.status = QComboBox(self)
        for sigla, descricao in STATUS.items():
            self.status.addItem(f"{sigla} — {descricao}", sigla)
        self.adicionar("Fonte conferida:", self.status)
        if ultima:
            anterior = QLabel(f"Vigência mais recente: desde {formato.data(ultima['inicio'])} — "
                              f"{resumo(tipo, ultima['valor'])}. Fundamento: "
                              f"{ultima['fundamento']}.", self)
            anterior.setWordWrap(True)
            anterior.setStyleSheet("color: #555;")
            self.form.insertRow(0, anterior)
        self.inicio.setFocus()

    def valor_digitado(self):
        if self.editor is not None:
            return self.editor.valor()
        if self.definicao["tipo"] == "valor":
            return texto_dinheiro(self.valor.valor())
        return self.valor.valor()

    def chamada(self) -> partial:
        inicio: date = self.inicio.valor()
        return partial(parametros.adicionar_vigencia,
            self._sessao, self.definicao["nome"], inicio, self.valor_digitado(),
            self.fundamento.valor(), self.status.currentData())
