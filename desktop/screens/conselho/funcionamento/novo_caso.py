"""Formulário completo de um novo atendimento (SIPIA CT): crianças, família, violações, medidas do ECA e decisão.

Tudo vai numa chamada a ``atendimentos.registrar_atendimento`` (uma transação, com diário), fora da thread da
interface (``widgets.servicos.operacao``); se o serviço
recusar (sem criança, nascimento impossível, medida fora do ECA), a mensagem aparece aqui e nada é gravado.
Crianças e família são grades de entrada da tabela comum (``widgets.tabela.Lista``: F2, Enter ou duplo clique edita
a célula, Tab segue para a próxima; o sexo se escolhe numa lista; a data de nascimento que não é dd/mm/aaaa fica
em vermelho, com o motivo na dica, já ao digitar); as linhas vazias não vão ao serviço.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from desktop.rules import validacao
from desktop.rules.conselho.atendimentos import AGENTES, MEDIDAS, TIPOS
from desktop.services.conselho import atendimentos
from desktop.screens.widgets import avisos

from desktop.screens.widgets.servicos import operacao
from desktop.screens.widgets.tabela import Coluna, Lista

from .comum import combo, combo_sipia, editor_momento, texto_longo


CAMPOS_CRIANCA = ("nome", "nascimento", "sexo", "mae", "pai")
CAMPOS_FAMILIAR = ("nome", "vinculo", "telefone", "endereco")
SEXOS = {"": "não informado", "F": "F", "M": "M"}  # Crianca.sexo: F, M ou não informado


def _guardar(chave: str):
    """``editar`` de uma célula de texto: guarda o digitado, sem espaços sobrando nas pontas."""
    return lambda linha, texto: linha.__setitem__(chave, texto.strip())


def _erro_nascimento(c: dict) -> str | None:
    """O que há de errado na data de nascimento digitada (a mesma leitura da gravação), ou None."""
    if not c["nascimento"]:
        return None
    try:
        validacao.data_br(c["nascimento"])
    except validacao.EntradaInvalida as e:
        return str(e)
    return None


def _grade(colunas: list[Coluna], nome: str, parent: QWidget) -> Lista:
    grade = Lista(colunas, parent, nome=nome, ordenavel=False)  # a ordem das linhas é a do registro
    grade.visao.setFixedHeight(110)
    return grade


def _preenchidas(grade: Lista) -> list[dict]:
    """As linhas com algo digitado (as vazias ficam de fora)."""
    return [linha for linha in grade.linhas() if any(v.strip() for v in linha.values())]


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
        self.criancas = _grade([
            Coluna("Nome da criança ou adolescente", lambda c: c["nome"], largura=240, editar=_guardar("nome")),
            Coluna("Nascimento", lambda c: c["nascimento"], largura=110, editar=_guardar("nascimento"),
                   titulo_longo="Data de nascimento (dd/mm/aaaa)",
                   cor=lambda c: "#b00020" if _erro_nascimento(c) else None,
                   dica=lambda c: _erro_nascimento(c) or c["nascimento"] or "dd/mm/aaaa"),
            Coluna("Sexo", lambda c: c["sexo"], largura=110, editar=lambda c, v: c.__setitem__("sexo", v),
                   opcoes=SEXOS, titulo_longo="Sexo: F, M ou não informado"),
            Coluna("Mãe", lambda c: c["mae"], largura=170, editar=_guardar("mae")),
            Coluna("Pai", lambda c: c["pai"], esticar=True, largura=150, editar=_guardar("pai")),
        ], "Crianças e adolescentes", self)
        self.familia = _grade([
            Coluna("Nome", lambda f: f["nome"], largura=240, editar=_guardar("nome")),
            Coluna("Vínculo", lambda f: f["vinculo"], largura=130, editar=_guardar("vinculo")),
            Coluna("Telefone", lambda f: f["telefone"], largura=130, editar=_guardar("telefone")),
            Coluna("Endereço", lambda f: f["endereco"], esticar=True, largura=200, editar=_guardar("endereco")),
        ], "Família", self)
        for grade in (self.criancas, self.familia):  # uma linha vazia, pronta para digitar
            grade.definir_linhas([self._linha_vazia(grade)])
        self.direito, self.agente = combo_sipia(), combo(AGENTES)
        # o agente mais longo e o direito alargavam o formulário além da janela (rolagem na horizontal, os botões das
        # grades fora da vista): as caixas ficam mais estreitas e a lista aberta mostra o texto inteiro
        self.agente.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.agente.setMinimumContentsLength(18)
        self.direito.setMinimumContentsLength(30)  # digitar filtra a lista; a lista aberta tem o texto inteiro
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
        lay.addWidget(self._grupo("Crianças e adolescentes (ao menos um)", self.criancas, "+ &criança"))
        lay.addWidget(self._grupo("Família", self.familia, "+ &familiar"))
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

    def _linha_vazia(self, grade: Lista) -> dict:
        return dict.fromkeys(CAMPOS_CRIANCA if grade is self.criancas else CAMPOS_FAMILIAR, "")

    def _grupo(self, titulo: str, grade: Lista, rotulo_botao: str) -> QGroupBox:
        g = QGroupBox(titulo)
        lay = QHBoxLayout(g)
        lay.addWidget(grade.visao, 1)
        botoes = QVBoxLayout()
        mais, menos = QPushButton(rotulo_botao), QPushButton("Remover linha")
        mais.clicked.connect(lambda: grade.acrescentar(self._linha_vazia(grade), editar=True))
        menos.clicked.connect(grade.remover_selecionada)
        botoes.addWidget(mais)
        botoes.addWidget(menos)
        botoes.addStretch(1)
        lay.addLayout(botoes)
        return g

    def _on_violacao(self) -> None:
        item = QListWidgetItem(f"{self.direito.currentText()} — {self.agente.currentText()}")
        item.setData(Qt.ItemDataRole.UserRole, (self.direito.currentData(), self.agente.currentData()))
        self.violacoes.addItem(item)

    def dados(self) -> dict:
        criancas = []
        for c in _preenchidas(self.criancas):  # filiação: ECA, art. 101 §3º, I
            criancas.append({"nome": c["nome"], "nascimento": validacao.data_br(c["nascimento"]) if c["nascimento"] else None,
                             "sexo": c["sexo"].upper() or None, "mae": c["mae"], "pai": c["pai"]})
        familiares = [{k: f[k] for k in CAMPOS_FAMILIAR} for f in _preenchidas(self.familia)]
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
