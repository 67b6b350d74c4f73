"""Formulário completo de um novo atendimento (SIPIA CT): crianças, família, violações, medidas do ECA e decisão.

Tudo vai numa chamada a ``atendimentos.registrar_atendimento`` (uma transação, com diário), fora da thread da
interface (``widgets.servicos.operacao``); se o serviço
recusar (sem criança, nascimento impossível, medida fora do ECA), a mensagem aparece aqui e nada é gravado.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QTableWidget,
                               QVBoxLayout, QWidget)

from desktop.rules import validacao
from desktop.rules.conselho.atendimentos import AGENTES, MEDIDAS, TIPOS
from desktop.services.conselho import atendimentos
from desktop.screens.widgets import avisos

from desktop.screens.widgets.servicos import operacao

from .comum import combo, combo_sipia, editor_momento, texto_longo


def _tabela(titulos: list[str]) -> QTableWidget:
    t = QTableWidget(1, len(titulos))
    t.setHorizontalHeaderLabels(titulos)
    t.horizontalHeader().setStretchLastSection(True)
    t.verticalHeader().hide()
    t.setFixedHeight(110)
    return t


def _celulas(t: QTableWidget) -> list[list[str]]:
    saida = []
    for i in range(t.rowCount()):
        linha = [(t.item(i, j).text().strip() if t.item(i, j) else "") for j in range(t.columnCount())]
        if any(linha):
            saida.append(linha)
    return saida


class DialogoNovoCaso(QDialog):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.resultado: dict | None = None
        self.setWindowTitle("Novo atendimento")
        self.tipo = combo(TIPOS)
        self.recebido = editor_momento()
        self.plantao = QCheckBox("Registrado em plantão (a medida vai à ratificação do colegiado, art. 21 §1º)")
        self.origem = QLineEdit(placeholderText="Quem trouxe a informação ou a denúncia")
        self.bairro = QLineEdit(placeholderText="Bairro ou comunidade")
        self.relato = texto_longo("Relato do fato", 70)
        self.criancas = _tabela(["Nome da criança ou adolescente", "Nascimento (dd/mm/aaaa)", "Sexo (F/M)", "Mãe",
                                 "Pai"])
        self.criancas.setColumnWidth(0, 240)
        self.criancas.setColumnWidth(1, 150)
        self.criancas.setColumnWidth(2, 80)
        self.criancas.setColumnWidth(3, 170)
        self.familia = _tabela(["Nome", "Vínculo", "Telefone", "Endereço"])
        self.familia.setColumnWidth(0, 240)
        self.direito, self.agente = combo_sipia(), combo(AGENTES)
        self.violacoes = QListWidget()
        self.violacoes.setFixedHeight(60)
        self.medidas = QListWidget()
        for k, v in MEDIDAS.items():
            item = QListWidgetItem(f"Art. {k.replace('-', ', ')} — {v}")
            item.setData(Qt.ItemDataRole.UserRole, k)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.medidas.addItem(item)
        self.medidas.setFixedHeight(120)
        self.decisao = QLineEdit(placeholderText="Decisão do colegiado (obrigatória se houver medidas)")
        self.motivacao = texto_longo("Motivação da decisão (art. 21 §2º)", 50)
        self.erro = QLabel()
        self.erro.setWordWrap(True)
        self.erro.setStyleSheet("color: #b00020; font-weight: bold;")

        corpo = QWidget()
        lay = QVBoxLayout(corpo)
        f = QFormLayout()
        for r, w in (("&Tipo", self.tipo), ("&Recebido em", self.recebido), ("", self.plantao),
                     ("&Origem", self.origem), ("&Bairro", self.bairro), ("Re&lato", self.relato)):
            f.addRow(r, w)
        lay.addLayout(f)
        lay.addWidget(self._grupo("Crianças e adolescentes (ao menos um)", self.criancas, "+ criança", self.criancas))
        lay.addWidget(self._grupo("Família", self.familia, "+ familiar", self.familia))
        gv = QGroupBox("Direitos violados e agente violador (ECA, Título II e art. 98)")
        lv = QVBoxLayout(gv)
        linha = QHBoxLayout()
        linha.addWidget(self.direito, 2)
        linha.addWidget(self.agente, 1)
        b = QPushButton("&Acrescentar violação")
        b.clicked.connect(self._on_violacao)
        linha.addWidget(b)
        lv.addLayout(linha)
        lv.addWidget(self.violacoes)
        lay.addWidget(gv)
        gm = QGroupBox("Medidas aplicadas (ECA, arts. 101 e 129) e decisão")
        lm = QVBoxLayout(gm)
        lm.addWidget(self.medidas)
        lm.addWidget(self.decisao)
        lm.addWidget(self.motivacao)
        lay.addWidget(gm)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(corpo)
        botoes = QDialogButtonBox()
        self.botao_ok = botoes.addButton("&Gravar atendimento", QDialogButtonBox.ButtonRole.AcceptRole)
        botoes.addButton("Cancelar", QDialogButtonBox.ButtonRole.RejectRole)
        botoes.accepted.connect(self._on_gravar)
        botoes.rejected.connect(self.reject)
        externo = QVBoxLayout(self)
        externo.addWidget(area, 1)
        externo.addWidget(self.erro)
        externo.addWidget(botoes)
        self.resize(980, 640)

    def _grupo(self, titulo: str, tabela: QTableWidget, rotulo_botao: str, alvo: QTableWidget) -> QGroupBox:
        g = QGroupBox(titulo)
        lay = QHBoxLayout(g)
        lay.addWidget(tabela, 1)
        b = QPushButton(rotulo_botao)
        b.clicked.connect(lambda: alvo.insertRow(alvo.rowCount()))
        lay.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        return g

    def _on_violacao(self) -> None:
        item = QListWidgetItem(f"{self.direito.currentText()} — {self.agente.currentText()}")
        item.setData(Qt.ItemDataRole.UserRole, (self.direito.currentData(), self.agente.currentData()))
        self.violacoes.addItem(item)

    def dados(self) -> dict:
        criancas = []
        for nome, nasc, sexo, mae, pai in _celulas(self.criancas):  # filiação: ECA, art. 101 §3º, I
            criancas.append({"nome": nome, "nascimento": validacao.data_br(nasc) if nasc else None,
                             "sexo": sexo.upper() or None, "mae": mae, "pai": pai})
        familiares = [dict(zip(("nome", "vinculo", "telefone", "endereco"), l)) for l in _celulas(self.familia)]
        violacoes = [dict(zip(("especifico", "agente"), self.violacoes.item(i).data(Qt.ItemDataRole.UserRole)))
                     for i in range(self.violacoes.count())]
        medidas = [{"codigo": self.medidas.item(i).data(Qt.ItemDataRole.UserRole), "crianca": None}
                   for i in range(self.medidas.count())
                   if self.medidas.item(i).checkState() == Qt.CheckState.Checked]
        dados = {"tipo": self.tipo.currentData(), "recebido_em": self.recebido.dateTime().toPython().replace(second=0),
                 "plantao": self.plantao.isChecked(), "origem": self.origem.text(), "bairro": self.bairro.text(),
                 "relato": self.relato.toPlainText(), "criancas": criancas, "familiares": familiares,
                 "violacoes": violacoes, "medidas": medidas}
        if medidas or self.decisao.text().strip() or self.motivacao.toPlainText().strip():
            dados["decisao"] = {"descricao": self.decisao.text(), "motivacao": self.motivacao.toPlainText()}
        return dados

    tarefa = None
    """A gravação em andamento (fora da thread da interface); Esc não fecha e Gravar não grava duas vezes."""

    def _on_gravar(self) -> None:
        if self.tarefa is not None:
            return
        try:
            dados = self.dados()  # os campos são lidos aqui, na interface
        except Exception as e:  # noqa: BLE001
            if not avisos.previsto(e):
                raise
            self.erro.setText(avisos.mensagem_de(e))
            return
        sessao = self._sessao
        self.tarefa = operacao(self, "Gravando o atendimento…",
                               lambda _p: atendimentos.registrar_atendimento(sessao, dados), self._on_gravado,
                               titulo_erro="Atendimento não gravado", ao_recusar=self._on_recusado,
                               ao_cancelar=self._on_fim_da_tarefa)

    def _on_fim_da_tarefa(self) -> None:
        self.tarefa = None

    def _on_gravado(self, at: dict) -> None:
        self.tarefa, self.resultado = None, at
        self.accept()

    def _on_recusado(self, erro: BaseException) -> None:
        self.tarefa = None
        self.erro.setText(avisos.mensagem_de(erro))

    def reject(self) -> None:
        if self.tarefa is None:
            super().reject()
