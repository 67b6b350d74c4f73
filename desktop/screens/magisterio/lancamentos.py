"""Aba "Lançamentos do mês": a grade de uma escola numa competência — faltas do dia inteiro, faltas por hora
e horas noturnas de todos os lotados numa tabela, pelo teclado, conferidas enquanto se digita.

Setas e Tab andam pelas células; digitar começa a editar; Enter confirma. A célula com erro fica vermelha
com a mensagem ao lado (e na dica); "Gravar grade" só se habilita sem erros e grava tudo de uma vez
(``desktop.services.magisterio.lancamentos``). Sem SQL e sem regra aqui.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.rules.magisterio import lancamento_mensal as regras
from desktop.rules.validacao import EntradaInvalida
from desktop.screens.widgets import servicos
from desktop.screens.widgets.campos import CampoValidado
from desktop.services.magisterio import cadastro, folha, lancamentos

from . import comum

COL_NOME, COL_MATRICULA, COL_DIAS, COL_HORAS, COL_NOTURNAS, COL_OUTRAS = range(6)
_TITULOS = ("Servidor", "Matrícula", "Faltas — dias (3, 7, 10-12)", "Faltas — horas (dia:horas)",
            "Horas noturnas (art. 50)", "Outras faltas (na ficha)")
_EDITAVEIS = (COL_DIAS, COL_HORAS, COL_NOTURNAS)
_VERMELHO = QBrush(QColor("#f8d7da"))


def _competencia(texto: str) -> date:
    try:
        return folha.mes(texto)
    except EntradaInvalida:
        raise EntradaInvalida("Competência no formato mm/aaaa, por exemplo 10/2026.") from None


class AbaLancamentos(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.linhas: list[lancamentos.LinhaGrade] = []
        self.erros: dict[tuple[int, int], str] = {}
        self.escola = QComboBox(self)
        for e in cadastro.listar_escolas(sessao):
            self.escola.addItem(e["nome"], e["id"])
        hoje = date.today()
        self.competencia = CampoValidado(_competencia, placeholder="mm/aaaa", parent=self)
        self.competencia.definir_texto(f"{hoje.month:02d}/{hoje.year}")
        self.botao_carregar = QPushButton("&Carregar", self)
        self.tabela = QTableWidget(0, len(_TITULOS), self)
        self.tabela.setHorizontalHeaderLabels(_TITULOS)
        self.tabela.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                    | QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tabela.setTabKeyNavigation(True)
        self.tabela.horizontalHeader().setStretchLastSection(True)
        self.mensagem = QLabel(self)
        self.mensagem.setWordWrap(True)
        self.botao_gravar = QPushButton("&Gravar grade", self)
        self.botao_gravar.setEnabled(False)
        topo = QHBoxLayout()
        rotulo_escola = QLabel("&Escola:", self)
        rotulo_escola.setBuddy(self.escola)
        topo.addWidget(rotulo_escola)
        topo.addWidget(self.escola, 2)
        rotulo = QLabel("C&ompetência:", self)
        rotulo.setBuddy(self.competencia)
        topo.addWidget(rotulo)
        topo.addWidget(self.competencia)
        topo.addWidget(self.botao_carregar)
        topo.addStretch(1)
        nota = QLabel("Faltas injustificadas (código FI; Lei 1.613/2004, art. 34, §1º, I e II) e horas após as 22 h em "
                      "regência (art. 50) de todos os lotados na escola no mês. Faltas justificadas e outros códigos: "
                      "na ficha do servidor. Falta de competência já fechada é descontada na seguinte.", self)
        nota.setWordWrap(True)
        nota.setObjectName("subtitulo")
        baixo = QHBoxLayout()
        baixo.addWidget(self.mensagem, 1)
        baixo.addWidget(self.botao_gravar)
        lay = QVBoxLayout(self)
        lay.addLayout(topo)
        lay.addWidget(nota)
        lay.addWidget(self.tabela, 1)
        lay.addLayout(baixo)
        self.botao_carregar.clicked.connect(self._on_carregar)
        self.botao_gravar.clicked.connect(self._on_gravar)
        self.tabela.itemChanged.connect(self._on_celula)

    # -- carga -------------------------------------------------------------------------------------
    def _on_carregar(self) -> None:
        if not self.competencia.validar() or self.escola.currentData() is None:
            return
        ok, linhas = comum.chamar(self, "Lançamentos do mês", lancamentos.grade, self._sessao,
                                  self.escola.currentData(), self.competencia.valor())
        if ok:
            self.mostrar(linhas)

    def mostrar(self, linhas: list[lancamentos.LinhaGrade]) -> None:
        self.linhas, self.erros = linhas, {}
        self.tabela.blockSignals(True)
        try:
            self.tabela.setRowCount(len(linhas))
            for i, l in enumerate(linhas):
                valores = (l.nome, l.matricula, l.texto_dias, l.texto_horas, l.texto_noturnas, l.outras)
                for c, v in enumerate(valores):
                    item = QTableWidgetItem(v)
                    if c not in _EDITAVEIS:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.tabela.setItem(i, c, item)
        finally:
            self.tabela.blockSignals(False)
        self.tabela.resizeColumnsToContents()
        self.mensagem.setText(f"{len(linhas)} servidor(es) lotado(s) no mês." if linhas else
                              "Ninguém lotado nesta escola no último dia da competência.")
        if linhas:
            self.tabela.setCurrentCell(0, COL_DIAS)
            self.tabela.setFocus()
        self._atualizar()

    # -- conferência enquanto se digita ---------------------------------------------------------------
    def _on_celula(self, item: QTableWidgetItem) -> None:
        c = item.column()
        if c not in _EDITAVEIS:
            return
        erro = self._conferir(item.row())
        self.tabela.blockSignals(True)
        try:
            for col in _EDITAVEIS:
                celula = self.tabela.item(item.row(), col)
                problema = erro if erro and erro[0] == col else None
                celula.setBackground(_VERMELHO if problema else QBrush())
                celula.setToolTip(problema[1] if problema else "")
                if problema:
                    self.erros[(item.row(), col)] = problema[1]
                else:
                    self.erros.pop((item.row(), col), None)
        finally:
            self.tabela.blockSignals(False)
        self._atualizar()

    def _conferir(self, linha: int) -> tuple[int, str] | None:
        comp = self.competencia.valor()
        texto = {c: self.tabela.item(linha, c).text() for c in _EDITAVEIS}
        try:
            dias = regras.dias(texto[COL_DIAS], comp)
        except EntradaInvalida as e:
            return COL_DIAS, str(e)
        try:
            horas = regras.horas(texto[COL_HORAS], comp)
        except EntradaInvalida as e:
            return COL_HORAS, str(e)
        try:
            regras.noturnas(texto[COL_NOTURNAS])
        except EntradaInvalida as e:
            return COL_NOTURNAS, str(e)
        if (d := regras.conflito(dias, horas)) is not None:
            return COL_HORAS, f"O dia {d} já está como falta do dia inteiro."
        return None

    def _atualizar(self) -> None:
        if self.erros:
            (linha, _c), texto = sorted(self.erros.items())[0]
            self.mensagem.setText(f"<span style='color:#b00020'><b>{self.linhas[linha].nome}:</b> {texto}</span>")
        self.botao_gravar.setEnabled(bool(self.linhas) and not self.erros)

    # -- gravação ------------------------------------------------------------------------------------
    def _on_gravar(self) -> None:
        if self.erros or not self.linhas:
            return
        pedido = [{"servidor_id": l.servidor_id, "dias": self.tabela.item(i, COL_DIAS).text(),
                   "horas": self.tabela.item(i, COL_HORAS).text(), "noturnas": self.tabela.item(i, COL_NOTURNAS).text()}
                  for i, l in enumerate(self.linhas)]
        escola, comp = self.escola.currentData(), self.competencia.valor()
        servicos.operacao(self, "Gravando os lançamentos do mês…",
                          lambda _p: lancamentos.gravar_grade(self._sessao, escola, comp, pedido),
                          self._on_gravado, titulo_erro="Lançamentos do mês")

    def _on_gravado(self, resultado: dict) -> None:
        self._on_carregar()
        texto = f"Grade gravada: {resultado['alterados']} alteração(ões)."
        if resultado["avisos"]:
            texto += " " + " ".join(resultado["avisos"])
        self.mensagem.setText(texto)
