"""Modo plantão: o registro rápido de uma emergência, com rascunho salvo sozinho (sobrevive à falta de bateria).

Ctrl+N (em qualquer aba do Conselho) abre o registro rápido (``plantao_formulario.FormPlantao``); Ctrl+S
grava. Ao reabrir a aba depois de uma queda, o rascunho guardado volta aos campos: ele e o plantonista
de agora são lidos fora da thread da interface (``widgets.servicos.consulta``); o que a leitura traz só
vai aos campos se ninguém começou a digitar neles.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop.rules.conselho.escala import MODALIDADES
from desktop.services.conselho import escala, rascunhos
from desktop.services.sessao import SemPermissao, SessaoEncerrada
from desktop.screens.widgets import avisos, formato
from desktop.screens.widgets.descarte import descartar
from desktop.screens.widgets.servicos import consulta

from .comum import ESTILO_AVISO, ESTILO_SIGILO, aviso_rotulo
from .plantao_formulario import FormPlantao


def _restaurar(sessao) -> dict | Exception | None:
    """O rascunho guardado (fora da thread da interface). Uma falha volta como valor: a aba mostra a recusa
    de permissão no lugar do botão (sem caixa de aviso) e, com qualquer outra, libera o formulário antes
    de avisar — um rascunho que não se lê não pode deixar o plantão sem salvar nada."""
    try:
        return rascunhos.restaurar_rascunho(sessao)
    except SessaoEncerrada:
        raise  # a aba fechou com a sessão: a resposta não tem destino (widgets.leitura a descarta)
    except Exception as e:  # noqa: BLE001
        return e


def _plantonista(sessao) -> dict | bool | None:
    """O plantão em curso, None se ninguém está escalado agora, False se não deu para saber (recusa prevista:
    a linha fica vazia, como antes)."""
    try:
        return escala.plantonista_agora(sessao)
    except Exception as e:  # noqa: BLE001
        if not avisos.previsto(e):
            raise
        return False


class AbaPlantao(QWidget):
    """A aba do modo plantão: o botão grande, o plantonista agora e o registro rápido.

    Ao abrir, lê o rascunho guardado (``consulta``). Ctrl+N antes de a leitura voltar abre o formulário já
    (quem atende uma emergência não espera), que só salva rascunho depois dela; o rascunho lido vai aos
    campos se ninguém mexeu neles — senão fica o que se digitou, e o aviso oferece trocar pelo anterior."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.form: FormPlantao | None = None
        self.restaurando = True  # a leitura do rascunho guardado ainda não voltou
        self._anterior: dict | None = None  # rascunho lido depois de já se ter digitado (não posto nos campos)
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
        self.botao_anterior = QPushButton("Trocar pelo rascunho anterior")
        self.botao_anterior.hide()
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.hide()
        self._lay = lay = QVBoxLayout(self)
        lay.addWidget(self.plantonista)
        lay.addWidget(self.botao_novo)
        lay.addWidget(ajuda)
        lay.addWidget(self.mensagem)
        lay.addWidget(self.botao_anterior, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.area, 100)
        lay.addStretch(1)  # com o formulário fechado, o topo fica junto
        self.botao_novo.clicked.connect(self.novo)
        self.botao_anterior.clicked.connect(self._on_trocar_pelo_anterior)
        consulta(self, lambda: _plantonista(sessao), self._on_plantonista, titulo_erro="Plantonista")
        consulta(self, lambda: _restaurar(sessao), self._on_restaurado, titulo_erro="Rascunho do plantão")

    def _on_plantonista(self, p: dict | bool | None) -> None:
        if p is False:
            self.plantonista.setText("")
            return
        self.plantonista.setText(f"<b>De plantão agora:</b> {p['nome']} ({MODALIDADES.get(p['modalidade'], p['modalidade']).lower()}, {formato.quando(p['inicio'], hora_local=False)} a "
                                 f"{formato.quando(p['fim'], hora_local=False)})" if p else "<b>De plantão agora:</b> ninguém escalado — horário "
                                 "de expediente ou escala não gravada.")

    def _on_restaurado(self, restaurado: dict | Exception | None) -> None:
        self.restaurando = False
        if isinstance(restaurado, SemPermissao):
            self.botao_novo.setEnabled(False)
            if self.form is not None:  # Ctrl+N chegou antes da recusa
                self.area.hide()
                descartar(self.area.takeWidget())
                self.form = None
            self._lay.insertWidget(3, aviso_rotulo(str(restaurado), ESTILO_SIGILO))
            return
        if isinstance(restaurado, Exception):
            if self.form is not None:
                self.form.restaurado()  # o rascunho volta a ser salvo
            if not avisos.previsto(restaurado):
                raise restaurado  # defeito: tratamento geral
            avisos.erro(self, "Rascunho do plantão não lido", restaurado)
            return
        if restaurado:
            if self.form is None:
                self.novo()
            if self.form.tocado:  # já se digitou: o que se digitou fica
                self._anterior = restaurado
                self.mensagem.setStyleSheet(ESTILO_AVISO)
                crianca = (restaurado.get("crianca") or "").strip()
                self.mensagem.setText(f"Há um rascunho anterior{self._salvo_em(restaurado)}"
                                      + (f", da criança ou adolescente {crianca}," if crianca else ",")
                                      + " que não foi posto nos "
                                      "campos porque você já começou a digitar. Enquanto esta mensagem estiver "
                                      "aqui, ele pode voltar no lugar do que foi digitado.")
                self.botao_anterior.show()
            else:
                self._aplicar(restaurado)
        if self.form is not None:
            self.form.restaurado()

    @staticmethod
    def _salvo_em(restaurado: dict) -> str:
        quando = restaurado.get("salvo_em", "")
        return f" (salvo em {formato.quando(quando[:16], hora_local=False)})" if quando else ""

    def _aplicar(self, restaurado: dict, *, mudou: bool = False) -> None:
        self.form.preencher(restaurado, mudou=mudou)
        self.mensagem.setStyleSheet(ESTILO_AVISO)
        self.mensagem.setText(f"Rascunho recuperado{self._salvo_em(restaurado)}: confira os campos e grave o "
                              "atendimento.")

    def _on_trocar_pelo_anterior(self) -> None:
        if self._anterior is None or self.form is None or self.form.gravando:
            return
        if not avisos.confirmar(self, "Rascunho anterior", "Trocar o que foi digitado pelo rascunho anterior?",
                                sim="Trocar", perigoso=True):
            return
        self._aplicar(self._anterior, mudou=True)  # o anterior volta a ser o rascunho da base
        self._anterior = None
        self.botao_anterior.hide()

    def novo(self) -> None:
        """Abre o registro rápido (o mesmo, se já aberto) e põe o cursor no nome da criança."""
        if not self.botao_novo.isEnabled():
            return
        if self.form is None:
            self.form = FormPlantao(self._sessao, restaurando=self.restaurando)
            self.form.sig_salvo.connect(self._on_salvo)
            self.area.setWidget(self.form)
        self.area.show()
        self.form.setFocus()

    def _on_salvo(self, at: dict) -> None:
        descartar(self.area.takeWidget())
        self.form = None
        self.area.hide()
        self._anterior = None
        self.botao_anterior.hide()
        self.mensagem.setStyleSheet("background: #e6f4ea; border: 1px solid #8c8; padding: 8px;")
        self.mensagem.setText(f"Atendimento nº {at['numero']}/{at['ano']} gravado. A medida de plantão entrou na fila "
                              "de ratificação do colegiado (aba Prazos)." if at["decisoes"] else
                              f"Atendimento nº {at['numero']}/{at['ano']} gravado.")
