"""Diálogo "Nova vigência" de um parâmetro legal, com o editor de tabelas.

Um valor novo vale a partir da data de início, com o fundamento (ato e artigo) obrigatório. Uma
tabela nova é editada a partir da vigência mais recente: as faixas numa grade (INSS, IRRF), as
matrizes numa grade de dupla entrada (vencimento por nível e classe) e os demais itens num
formulário. As grades são a tabela comum (``widgets.tabela.Lista``: F2, Enter ou duplo clique edita a
célula); o número ou a data que não se lê fica em vermelho, com o motivo na dica, já ao digitar, e a
gravação é recusada na tela com o lugar do erro, como antes. O serviço valida a forma (faixas
crescentes, valores positivos) e grava no diário.
"""
from __future__ import annotations

from functools import partial

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from desktop.rules import validacao
from desktop.rules.dinheiro import texto_dinheiro
from desktop.rules.parametros import STATUS
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.data import CampoData
from desktop.services import parametros

from desktop.screens.widgets import formato
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.tabela import Coluna, Lista
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


def _erro(especie: str, chave: str, texto: str) -> str | None:
    """O que há de errado no texto de uma célula (a mesma leitura da gravação), ou None; vazio não é erro."""
    if not texto.strip():
        return None
    try:
        _ler(especie, chave, texto.strip(), rotulo(chave))
    except validacao.EntradaInvalida as e:
        return str(e)
    return None


_VERMELHO = "#b00020"


class EditorTabela(QWidget):
    """Edita um valor do tipo tabela a partir de um modelo (a vigência mais recente).

    Três formas: faixas (grade que cresce, mais os outros itens ao lado), matriz (grade de dupla
    entrada, ex.: nível × classe) e itens (formulário, com grupos para os subitens).
    """

    def __init__(self, modelo: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.grade: Lista | None = None      # a grade de entrada (faixas ou matriz), se houver
        self.matriz = eh_matriz(modelo)
        self.chaves: list[str] = []          # colunas da grade (as chaves gravadas)
        self.linhas_matriz: list[str] = []   # linhas da matriz
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
    def _coluna(self, chave: str, especie, largura: int = 110) -> Coluna:
        """Uma coluna editável da grade: o texto como se digita, à direita; em vermelho (com o motivo na dica) se
        não se lê. ``especie(linha)``: número, data ou texto."""
        def erro(linha: dict) -> str | None:
            return _erro(especie(linha), chave, linha[chave])

        return Coluna(rotulo(chave), lambda linha: linha[chave], alinhamento="direita", largura=largura,
                      editar=lambda linha, texto: linha.__setitem__(chave, texto.strip()),
                      cor=lambda linha: _VERMELHO if erro(linha) else None,
                      dica=lambda linha: erro(linha) or linha[chave] or None)

    def _nova_grade(self, colunas: list[Coluna], nome: str) -> Lista:
        grade = Lista(colunas, self, nome=nome, ordenavel=False)  # a ordem das linhas é a gravada
        self.grade = grade
        return grade

    def _montar_matriz(self, modelo: dict) -> QWidget:
        self.linhas_matriz, self.chaves = list(modelo), colunas_da_matriz(modelo)
        linhas = []
        for linha in self.linhas_matriz:
            valores = modelo[linha]
            celulas = {c: texto_campo(c, valores.get(c), unidade=False) for c in self.chaves}
            especies = {c: _especie(valores[c]) if valores.get(c) is not None else "numero" for c in self.chaves}
            linhas.append({"_linha": linha, "_especies": especies, **celulas})
        # todas as colunas à vista na largura do diálogo (1.060 px: o nome da linha e sete classes)
        colunas = [Coluna("Item", lambda f: rotulo(f["_linha"]), largura=165)]
        colunas += [self._coluna(c, lambda f, c=c: f["_especies"][c], largura=88) for c in self.chaves]
        grade = self._nova_grade(colunas, "Tabela de dupla entrada")
        grade.definir_linhas(linhas)
        self._ajustar_altura(limite=12)
        return grade.visao

    def _numero_da_faixa(self, faixa: dict) -> str:
        return str(next(i for i, f in enumerate(self.grade.linhas()) if f is faixa) + 1)

    def _montar_faixas(self, faixas: list[dict]) -> QVBoxLayout:
        self.chaves = chaves_das_faixas(faixas) or ["ate", "percentual"]
        colunas = [Coluna("Faixa", self._numero_da_faixa, alinhamento="direita", largura=55)]
        colunas += [self._coluna(c, lambda _f: "numero") for c in self.chaves]
        grade = self._nova_grade(colunas, "Faixas da tabela")
        grade.definir_linhas([self._faixa_vazia() | {c: texto_campo(c, faixa.get(c), unidade=False)
                                                     for c in self.chaves} for faixa in faixas])
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
        coluna.addWidget(grade.visao)
        coluna.addLayout(botoes)
        coluna.addWidget(dica)
        coluna.addStretch(1)
        self._ajustar_altura()
        return coluna

    def _faixa_vazia(self) -> dict:
        return dict.fromkeys(self.chaves, "")

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

    def _ajustar_altura(self, limite: int = 8) -> None:
        """A grade mostra todas as linhas (até ``limite``) sem rolar."""
        visao = self.grade.visao
        linhas = min(max(self.grade.modelo.rowCount(), 3), limite)
        visao.setMinimumHeight(visao.horizontalHeader().sizeHint().height()
                               + visao.verticalHeader().defaultSectionSize() * linhas
                               + 2 * visao.frameWidth() + 8)

    # -- slots -------------------------------------------------------------------------------
    def _on_acrescentar(self) -> None:
        """Uma faixa nova no fim, com o cursor já na primeira célula para digitar."""
        self.grade.acrescentar(self._faixa_vazia(), editar=True)
        self._ajustar_altura()

    def _on_remover(self) -> None:
        self.grade.remover_selecionada()

    # -- valor -------------------------------------------------------------------------------
    def valor(self) -> dict:
        """A tabela na forma gravada (números como texto decimal); o erro aponta o campo errado."""
        if self.matriz:
            valor: dict = {}
            for f in self.grade.linhas():
                linha = f["_linha"]
                celulas = {c: _ler(f["_especies"][c], c, f[c].strip(), f"{rotulo(linha)}, {rotulo(c)}")
                           for c in self.chaves if f[c].strip()}
                if celulas:
                    valor[linha] = celulas
            return valor
        valor = {}
        if self.grade is not None:
            faixas = []
            for i, f in enumerate(self.grade.linhas()):
                faixa = {c: _numero(c, f[c].strip(), f"Faixa {i + 1}, {rotulo(c)}") for c in self.chaves if f[c].strip()}
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
