"""Diálogo Códigos do Sistec: unidade, cursos e ciclos (ofertas), preenchidos uma vez e usados na exportação."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableWidgetItem, QVBoxLayout

from desktop.rules.papeis import Permissao
from desktop.services.certificacao import acompanhamento

from .comum import avisar, nova_tabela


class DialogoCodigosSistec(QDialog):
    def __init__(self, sessao, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Códigos do Sistec")
        self.sessao = sessao
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
        self._carregando = True
        self.linhas = acompanhamento.codigos_sistec(self.sessao)
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
        l = self.linhas[item.row()]
        try:
            acompanhamento.definir_codigo_sistec(self.sessao, l["tipo"], l["referencia_id"], item.text())
        except Exception as erro:
            self.situacao.setText(str(erro))
            avisar(self, erro)
        else:
            self.situacao.setText(f"Código do(a) {acompanhamento.TIPOS_CODIGO[l['tipo']]} {l['nome']} gravado.")
        self.atualizar()
