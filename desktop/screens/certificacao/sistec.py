"""Diálogo Códigos do Sistec: unidade, cursos e ciclos (ofertas), preenchidos uma vez e usados na exportação."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableWidgetItem, QVBoxLayout

from desktop.rules.papeis import Permissao
from desktop.services.certificacao import acompanhamento

from .comum import CARREGANDO, avisar, ler, nova_tabela, operar


class DialogoCodigosSistec(QDialog):
    def __init__(self, sessao, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Códigos do Sistec")
        self.sessao = sessao
        self.tarefa = None  # a gravação de um código em andamento (comum.operar)
        self.lendo, self._carregando, self.linhas = False, False, []
        self.tabela = nova_tabela()
        self.tabela.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        botoes = QDialogButtonBox(QDialogButtonBox.Close, self)
        botoes.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("Preencha uma vez o código do Sistec de cada unidade, curso e ciclo (oferta): a "
                             "exportação leva os códigos, e não os nomes. Edite a coluna Código (F2)."))
        lay.addWidget(self.tabela, 1)
        lay.addWidget(self.situacao)
        lay.addWidget(botoes)
        self.tabela.itemChanged.connect(self._on_editado)
        self.resize(640, 420)
        self.atualizar()

    def atualizar(self) -> None:
        """Relê os códigos fora da thread da interface (comum.ler)."""
        sessao = self.sessao
        if not self.linhas:
            self.situacao.setText(CARREGANDO)
        ler(self, lambda: acompanhamento.codigos_sistec(sessao), self._on_lido, titulo_erro="Códigos não lidos")

    def _on_lido(self, linhas: list[dict]) -> None:
        if self.situacao.text() == CARREGANDO:
            self.situacao.clear()
        self._carregando = True
        self.linhas = linhas
        self.tabela.clear()
        self.tabela.setColumnCount(3)
        self.tabela.setHorizontalHeaderLabels(["Tipo", "Nome", "Código"])
        self.tabela.setRowCount(len(self.linhas))
        editar = self.sessao.pode(Permissao.CERTIFICACAO_EDITAR)
        for i, l in enumerate(self.linhas):
            for j, v in enumerate((acompanhamento.TIPOS_CODIGO[l["tipo"]], l["nome"], l["codigo"] or "")):
                item = QTableWidgetItem(v)
                if j < 2 or not editar:
                    item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.tabela.setItem(i, j, item)
        self.tabela.resizeColumnsToContents()
        self._carregando = False

    def _on_editado(self, item: QTableWidgetItem) -> None:
        if self._carregando or item.column() != 2:
            return
        l, codigo, sessao = self.linhas[item.row()], item.text(), self.sessao
        operar(self, "Gravando o código…", lambda: acompanhamento.definir_codigo_sistec(
            sessao, l["tipo"], l["referencia_id"], codigo), lambda _r: self._on_gravado(l), ao_recusar=self._on_recusado)

    def _on_gravado(self, l: dict) -> None:
        self.situacao.setText(f"Código do(a) {acompanhamento.TIPOS_CODIGO[l['tipo']]} {l['nome']} gravado.")
        self.atualizar()

    def _on_recusado(self, erro: BaseException) -> None:
        self.situacao.setText(str(erro))
        avisar(self, erro)
        self.atualizar()
