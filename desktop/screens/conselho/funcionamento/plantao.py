"""Modo plantão: o registro rápido de uma emergência, com rascunho salvo sozinho (sobrevive à falta de bateria).

Ctrl+N (em qualquer aba do Conselho) abre o registro rápido; Ctrl+S grava. O rascunho vai para a base,
cifrado (``services.conselho.rascunhos``), a cada mudança de campo (meio segundo depois da última
tecla) e a cada poucos segundos; ao reabrir a aba depois de uma queda, o rascunho volta aos campos;
depois de gravado o atendimento, o rascunho é descartado. A gravação roda fora da thread da interface
(``widgets.servicos.operacao``), com os campos travados enquanto grava.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from desktop.rules.conselho import atendimentos as regra
from desktop.rules.conselho.atendimentos import AGENTES, MEDIDAS, TIPOS
from desktop.services.conselho import atendimentos, escala, rascunhos
from desktop.services.sessao import SemPermissao
from desktop.screens.widgets import avisos
from desktop.screens.widgets.campos import CampoValidado

from desktop.screens.widgets.servicos import operacao

from .comum import ESTILO_AVISO, ESTILO_SIGILO, aviso_rotulo, br, campo_data, combo, combo_sipia, texto_longo

INTERVALO_AUTOSALVAR_MS = 5000


def _momento_da_chamada(texto: str) -> datetime:
    """A hora real da chamada, conferida enquanto se digita (formato; nem no futuro)."""
    m = regra.momento_br(texto)
    return regra.validar_momento_chamada(m, datetime.now(), datetime.now())
ESPERA_APOS_TECLA_MS = 500


class FormPlantao(QWidget):
    """Os poucos campos de uma emergência de plantão; salva rascunho sozinho e grava o atendimento."""

    sig_salvo = Signal(dict)

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.gravando = False  # gravação em andamento (fora da thread da interface)
        self._sujo = False
        self.tipo = combo(TIPOS)
        self.tipo.setCurrentIndex(self.tipo.findData("denuncia"))
        self.chamada = CampoValidado(_momento_da_chamada, placeholder="dd/mm/aaaa hh:mm")
        self.chamada.definir_texto(datetime.now().strftime("%d/%m/%Y %H:%M"))  # a hora em que a chamada chegou
        self.chamada.setToolTip("Quando a chamada ou a denúncia chegou (não a hora de gravar); corrija se preciso.")
        self.crianca = QLineEdit(placeholderText="Nome da criança ou do adolescente")
        self.nascimento = campo_data(obrigatorio=False, placeholder="dd/mm/aaaa (se souber)")
        self.sexo = combo([("F", "Feminino"), ("M", "Masculino")], vazio="Não informado")
        self.bairro = QLineEdit(placeholderText="Bairro ou comunidade")
        self.origem = QLineEdit(placeholderText="Quem comunicou (telefone, escola, vizinho...)")
        self.relato = texto_longo("O que aconteceu, onde está a criança agora", 90)
        self.direito = combo_sipia(vazio="(não informado)")
        self.agente = combo(AGENTES, vazio="(não informado)")
        self.medida = combo({k: f"Art. {k.replace('-', ', ')} — {v}" for k, v in MEDIDAS.items()},
                            vazio="(nenhuma medida agora)")
        self.medida.setMinimumContentsLength(30)
        self.medida.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.decisao = QLineEdit(placeholderText="O que foi decidido no plantão")
        self.motivacao = texto_longo("Por que (a decisão é motivada, art. 21 §2º)", 60)
        self.situacao = QLabel("Rascunho: nada digitado ainda.")
        self.situacao.setStyleSheet("color: #555;")
        self.botao_salvar = QPushButton("Gravar atendimento (Ctrl+S)")
        self.botao_descartar = QPushButton("Descartar rascunho")
        form = QFormLayout()
        for rotulo, w in (("&Tipo", self.tipo), ("C&hamada em", self.chamada), ("&Criança/adolescente", self.crianca),
                          ("Nasci&mento", self.nascimento), ("Se&xo", self.sexo), ("&Bairro", self.bairro),
                          ("&Origem", self.origem), ("&Relato", self.relato), ("&Direito violado", self.direito),
                          ("&Agente violador", self.agente), ("Medida (ECA)", self.medida),
                          ("D&ecisão", self.decisao), ("Moti&vação", self.motivacao)):
            form.addRow(rotulo, w)
        botoes = QHBoxLayout()
        botoes.addWidget(self.situacao, 1)
        botoes.addWidget(self.botao_descartar)
        botoes.addWidget(self.botao_salvar)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(botoes)
        for w in (self.crianca, self.bairro, self.origem, self.decisao):
            w.textChanged.connect(self._on_mudou)
        self.nascimento.edit.textChanged.connect(self._on_mudou)
        self.chamada.edit.textChanged.connect(self._on_mudou)
        for w in (self.relato, self.motivacao):
            w.textChanged.connect(self._on_mudou)
        for w in (self.tipo, self.sexo, self.direito, self.agente, self.medida):
            w.currentIndexChanged.connect(self._on_mudou)
        self.botao_salvar.clicked.connect(self._on_gravar)
        self.botao_descartar.clicked.connect(self._on_descartar)
        QShortcut(QKeySequence("Ctrl+S"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
                  activated=self._on_gravar)
        self._apos_tecla = QTimer(self, singleShot=True, interval=ESPERA_APOS_TECLA_MS, timeout=self._on_autosalvar)
        self._periodico = QTimer(self, interval=INTERVALO_AUTOSALVAR_MS, timeout=self._on_autosalvar)
        self._periodico.start()
        self.setFocusProxy(self.crianca)

    # -- rascunho -------------------------------------------------------------------------------
    def conteudo(self) -> dict:
        return {"tipo": self.tipo.currentData(), "chamada": self.chamada.texto(), "crianca": self.crianca.text(),
                "nascimento": self.nascimento.texto(),
                "sexo": self.sexo.currentData(), "bairro": self.bairro.text(), "origem": self.origem.text(),
                "relato": self.relato.toPlainText(), "direito": self.direito.currentData(),
                "agente": self.agente.currentData(), "medida": self.medida.currentData(),
                "decisao": self.decisao.text(), "motivacao": self.motivacao.toPlainText()}

    def preencher(self, c: dict) -> None:
        """Põe nos campos o rascunho restaurado (sem contar como mudança)."""
        for nome, w in (("tipo", self.tipo), ("sexo", self.sexo), ("direito", self.direito), ("agente", self.agente),
                        ("medida", self.medida)):
            i = w.findData(c.get(nome))
            w.setCurrentIndex(max(i, 0))
        if c.get("chamada"):
            self.chamada.definir_texto(c["chamada"])
        self.crianca.setText(c.get("crianca", ""))
        self.nascimento.definir_texto(c.get("nascimento", ""))
        self.bairro.setText(c.get("bairro", ""))
        self.origem.setText(c.get("origem", ""))
        self.relato.setPlainText(c.get("relato", ""))
        self.decisao.setText(c.get("decisao", ""))
        self.motivacao.setPlainText(c.get("motivacao", ""))
        self._sujo = False
        self._apos_tecla.stop()

    def _vazio(self) -> bool:
        c = self.conteudo()
        return not any(str(c[k] or "").strip() for k in ("crianca", "nascimento", "bairro", "origem", "relato",
                                                         "decisao", "motivacao", "direito", "agente", "medida"))

    def _on_mudou(self, *_args) -> None:
        self._sujo = True
        self._apos_tecla.start()

    def _on_autosalvar(self) -> None:
        if not self._sujo or self._vazio():
            return
        try:
            rascunhos.salvar_rascunho(self._sessao, {**self.conteudo(), "salvo_em": datetime.now().isoformat()})
        except Exception as e:  # noqa: BLE001 — sem base ou sem permissão: avisa na linha de situação
            if not avisos.previsto(e):
                raise
            self.situacao.setText(f"Rascunho NÃO salvo: {avisos.mensagem_de(e)}")
            return
        self._sujo = False
        self.situacao.setText(f"Rascunho salvo às {datetime.now():%H:%M:%S}.")

    def parar(self) -> None:
        self._periodico.stop()
        self._apos_tecla.stop()

    # -- gravar ---------------------------------------------------------------------------------
    def dados(self) -> dict:
        c = self.conteudo()
        dados = {"tipo": c["tipo"], "recebido_em": self.chamada.valor(), "plantao": True,
                 "origem": c["origem"], "relato": c["relato"], "bairro": c["bairro"],
                 "criancas": [{"nome": c["crianca"], "nascimento": self.nascimento.valor(), "sexo": c["sexo"]}]
                 if c["crianca"].strip() else []}
        if c["direito"] or c["agente"]:
            dados["violacoes"] = [{"especifico": c["direito"] or "", "agente": c["agente"] or ""}]
        if c["medida"]:
            dados["medidas"] = [{"codigo": c["medida"], "crianca": 0}]
        if c["medida"] or c["decisao"].strip() or c["motivacao"].strip():
            dados["decisao"] = {"descricao": c["decisao"], "motivacao": c["motivacao"]}
        return dados

    def _on_gravar(self) -> None:
        """Grava fora da thread da interface (``widgets.servicos.operacao``: campos travados, progresso); o
        rascunho fica até a gravação dar certo. Ctrl+S de novo durante a gravação não grava duas vezes."""
        if self.gravando:
            return
        self._on_autosalvar()
        try:
            dados = self.dados()
        except Exception as e:  # noqa: BLE001 — campo mal preenchido: aviso, nada gravado
            if not avisos.previsto(e):
                raise
            avisos.erro(self, "Atendimento não gravado", e)
            return
        self.gravando = True
        self.parar()  # nada de rascunho concorrente com a gravação
        sessao = self._sessao

        def _gravar(_progresso) -> dict:
            at = atendimentos.registrar_atendimento(sessao, dados)
            rascunhos.descartar_rascunho(sessao)
            return at

        operacao(self, "Gravando o atendimento…", _gravar, self._on_gravado, titulo_erro="Atendimento não gravado",
                 ao_recusar=self._on_recusado, ao_cancelar=self._on_recusado)

    def _on_gravado(self, at: dict) -> None:
        self.gravando = False
        self.sig_salvo.emit(at)

    def _on_recusado(self, erro: BaseException | None = None) -> None:
        self.gravando = False
        self._periodico.start()  # o rascunho volta a ser salvo sozinho
        if erro is not None:
            avisos.erro(self, "Atendimento não gravado", erro)

    def _on_descartar(self) -> None:
        if not avisos.confirmar(self, "Descartar rascunho", "Apagar o que foi digitado neste registro de plantão?",
                                sim="Descartar", perigoso=True):
            return
        rascunhos.descartar_rascunho(self._sessao)
        self.preencher({"tipo": "denuncia"})
        self.situacao.setText("Rascunho descartado.")


class AbaPlantao(QWidget):
    """A aba do modo plantão: o botão grande, o plantonista agora e o registro rápido."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.form: FormPlantao | None = None
        self.botao_novo = QPushButton("Novo atendimento de plantão  (Ctrl+N)")
        fonte = QFont(self.botao_novo.font())
        fonte.setPointSizeF(fonte.pointSizeF() * 1.5)
        fonte.setBold(True)
        self.botao_novo.setFont(fonte)
        self.botao_novo.setMinimumHeight(56)
        self.plantonista = QLabel()
        self.plantonista.setWordWrap(True)
        ajuda = QLabel("Atalhos: <b>Ctrl+N</b> abre o registro rápido em qualquer aba do Conselho; <b>Ctrl+S</b> "
                       "grava; <b>Tab</b> passa de campo. O rascunho é salvo sozinho enquanto você digita: se a "
                       "bateria acabar, ele volta aqui ao abrir o Paço. Medida tomada no plantão vai ao colegiado no "
                       "primeiro dia útil (art. 21 §1º).")
        ajuda.setWordWrap(True)
        ajuda.setStyleSheet("color: #444;")
        self.mensagem = QLabel()
        self.mensagem.setWordWrap(True)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.hide()
        lay = QVBoxLayout(self)
        lay.addWidget(self.plantonista)
        lay.addWidget(self.botao_novo)
        lay.addWidget(ajuda)
        lay.addWidget(self.mensagem)
        lay.addWidget(self.area, 100)
        lay.addStretch(1)  # com o formulário fechado, o topo fica junto
        self.botao_novo.clicked.connect(self.novo)
        self._atualizar_plantonista()
        try:
            restaurado = rascunhos.restaurar_rascunho(sessao)
        except SemPermissao as e:
            self.botao_novo.setEnabled(False)
            lay.insertWidget(3, aviso_rotulo(str(e), ESTILO_SIGILO))
            return
        if restaurado:
            self.novo(restaurado)

    def _atualizar_plantonista(self) -> None:
        try:
            p = escala.plantonista_agora(self._sessao)
        except Exception as e:  # noqa: BLE001
            if not avisos.previsto(e):
                raise
            self.plantonista.setText("")
            return
        self.plantonista.setText(f"<b>De plantão agora:</b> {p['nome']} ({p['modalidade']}, {br(p['inicio'])} a "
                                 f"{br(p['fim'])})" if p else "<b>De plantão agora:</b> ninguém escalado — horário "
                                 "de expediente ou escala não gravada.")

    def novo(self, restaurado: dict | None = None) -> None:
        """Abre o registro rápido (o mesmo, se já aberto) e põe o cursor no nome da criança."""
        if not self.botao_novo.isEnabled():
            return
        if self.form is None:
            self.form = FormPlantao(self._sessao)
            self.form.sig_salvo.connect(self._on_salvo)
            self.area.setWidget(self.form)
            if restaurado:
                self.form.preencher(restaurado)
                quando = restaurado.get("salvo_em", "")
                self.mensagem.setStyleSheet(ESTILO_AVISO)
                self.mensagem.setText("Rascunho recuperado" + (f" (salvo em {br(quando[:16])})" if quando else "")
                                      + ": confira os campos e grave o atendimento.")
        self.area.show()
        self.form.setFocus()

    def _on_salvo(self, at: dict) -> None:
        self.area.takeWidget().deleteLater()
        self.form = None
        self.area.hide()
        self.mensagem.setStyleSheet("background: #e6f4ea; border: 1px solid #8c8; padding: 8px;")
        self.mensagem.setText(f"Atendimento nº {at['numero']}/{at['ano']} gravado. A medida de plantão entrou na fila "
                              "de ratificação do colegiado (aba Prazos)." if at["decisoes"] else
                              f"Atendimento nº {at['numero']}/{at['ano']} gravado.")
