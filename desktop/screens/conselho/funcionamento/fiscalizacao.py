"""Aba Fiscalização das entidades (Lei 320/2023, art. 34; ECA, arts. 90, 95 e 191).

Entidades cadastradas, o plano do semestre (uma visita a cada entidade ativa), o registro da visita e o
ofício registrado que comunica as irregularidades ao CMDCA e ao Ministério Público. A leitura e a emissão do
ofício rodam fora da thread da interface (``widgets.servicos``), uma por vez (``UmaDeCadaVez``).
"""
from __future__ import annotations

from datetime import date
from html import escape
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from desktop.rules.papeis import Permissao
from desktop.services import documentos_vias
from desktop.services.conselho import fiscalizacao
from desktop.services.conselho.fiscalizacao import REGIMES
from desktop.screens.widgets.tabela import (Coluna, ModeloTabela, ProxyFiltro, alargar_para, criar_visao,
                                            linha_selecionada)
from desktop.screens.documentos.emitidos import QuadroEmitidos
from desktop.screens.widgets.divisor import criar_divisor

from desktop.screens.widgets.servicos import consulta
from desktop.screens.widgets.emissao import emitir_em_segundo_plano

from desktop.screens.widgets.situacao import reservar_linhas
from desktop.screens.widgets import formato
from .comum import (ALTURA_MAX, DialogoAcao, DialogoGravacao, UmaDeCadaVez, campo_data, combo, editor_data,
                    texto_longo)

COLUNAS_ENTIDADES = [Coluna("Entidade", lambda e: e["nome"], esticar=True),
                     Coluna("Regime", lambda e: REGIMES[e["regime"]], largura=260),
                     Coluna("Bairro", lambda e: e["bairro"] or "", largura=120)]
COLUNAS_VISITAS = [
    Coluna("Prevista", lambda v: formato.quando(v["prevista_para"], hora_local=False), lambda v: v["prevista_para"], largura=90),
    Coluna("Entidade", lambda v: v["nome"], esticar=True),
    Coluna("Realizada", lambda v: formato.quando(v["realizada_em"], hora_local=False) or "—", largura=90),
    Coluna("Irregularidades", lambda v: "sim" if v["irregularidades"] else "", largura=110),
    Coluna("Comunicada", lambda v: formato.quando(v["comunicada_em"][:10], hora_local=False) if v["comunicada_em"] else "", largura=100),
]


class DialogoPlano(DialogoGravacao):
    """O plano do semestre: uma data por entidade, numa área com rolagem (cabe em 1366×720 com muitas)."""

    def __init__(self, titulo: str, entidades: list[dict], acao, parent: QWidget | None = None, explicacao: str = ""):
        self._area = QScrollArea()
        self._area.setWidgetResizable(True)
        corpo = QWidget()
        self._form_rolagem = QFormLayout(corpo)
        self._area.setWidget(corpo)
        super().__init__(titulo, "Gravar plano", [(e["id"], e["nome"], campo_data()) for e in entidades], acao,
                         parent, explicacao)
        lay = self.layout()
        lay.insertWidget(lay.indexOf(self.rotulo_erro), self._area, 1)
        self._area.setMinimumHeight(min(300, corpo.sizeHint().height() + 4))
        self.resize(640, min(ALTURA_MAX - 80, self.sizeHint().height()))

    def adicionar(self, rotulo: str, widget: QWidget) -> QWidget:
        """As linhas vão para o formulário dentro da rolagem, não para o do diálogo."""
        form, self.form = self.form, self._form_rolagem
        try:
            return super().adicionar(rotulo, widget)
        finally:
            self.form = form

    def _ajustar_altura(self) -> None:
        """A rolagem absorve a altura: a janela nunca passa da tela."""
        self.setMinimumHeight(min(self.layout().totalMinimumSize().height(), ALTURA_MAX - 80))


def resumo_alertas(r: dict) -> str:
    """A linha de alertas da fiscalização (HTML), com as contagens (Lei 320/2023, art. 34)."""
    partes = []
    if r["visitas_atrasadas"]:
        partes.append(f"<b style='color:#b00020'>{r['visitas_atrasadas']} visita(s) atrasada(s)</b>")
    if r["comunicacoes_atrasadas"]:
        partes.append(f"<b style='color:#b00020'>{r['comunicacoes_atrasadas']} irregularidade(s) não comunicada(s) "
                      "no prazo</b>")
    if r["comunicadas_fora_do_prazo"]:
        partes.append(f"{r['comunicadas_fora_do_prazo']} comunicada(s) fora do prazo")
    if r["sem_plano"]:
        partes.append(f"<b style='color:#a05a00'>sem plano de visitas no semestre {r['semestre']}</b>")
    return ("Fiscalização das entidades (art. 34): " + (" · ".join(partes) if partes else "nada atrasado."))


class AbaFiscalizacao(UmaDeCadaVez, QWidget):
    def __init__(self, sessao, parent: QWidget | None = None, hoje: Callable[[], date] | None = None):
        """``hoje``: a data dos alertas (padrão: a do computador)."""
        super().__init__(parent)
        self._sessao = sessao
        self._hoje = hoje or date.today
        hoje = self._hoje()
        self.semestre = combo([(f"{a}-{n}", f"{n}º semestre de {a}") for a in (hoje.year - 1, hoje.year, hoje.year + 1)
                               for n in (1, 2)])
        self.semestre.setCurrentIndex(self.semestre.findData(f"{hoje.year}-{1 if hoje.month <= 6 else 2}"))
        self.modelo_e = ModeloTabela(COLUNAS_ENTIDADES, self)
        self.visao_e = criar_visao(ProxyFiltro(self.modelo_e, self), self, nome="Entidades")
        alargar_para(self.visao_e, 1, REGIMES.values())  # os regimes do ECA (art. 90) inteiros, com o artigo
        self.modelo_v = ModeloTabela(COLUNAS_VISITAS, self)
        self.visao_v = criar_visao(ProxyFiltro(self.modelo_v, self), self, nome="Visitas do semestre")
        self.mensagem = QLabel()
        self.mensagem.setWordWrap(True)
        reservar_linhas(self.mensagem)  # a mensagem muda; os botões não pulam
        esquerda, direita = QWidget(), QWidget()
        le, ld = QVBoxLayout(esquerda), QVBoxLayout(direita)
        le.setContentsMargins(0, 0, 0, 0)
        ld.setContentsMargins(0, 0, 0, 0)
        le.addWidget(QLabel("<b>Entidades de atendimento</b>"))
        le.addWidget(self.visao_e, 1)
        b_ent = QPushButton("&Cadastrar entidade")
        le.addWidget(b_ent, 0, Qt.AlignmentFlag.AlignLeft)
        topo = QHBoxLayout()
        topo.addWidget(QLabel("<b>Plano de visitas</b>"))
        topo.addWidget(self.semestre, 1)
        ld.addLayout(topo)
        ld.addWidget(self.visao_v, 1)
        botoes = QHBoxLayout()
        b_plano, b_visita, b_oficio = QPushButton("P&lanejar semestre"), QPushButton("Registrar visi&ta"), \
            QPushButton("C&omunicar irregularidades (PDF)")
        for b in (b_plano, b_visita, b_oficio):
            botoes.addWidget(b)
        botoes.addStretch(1)
        ld.addLayout(botoes)
        # uma acima da outra: lado a lado, nenhuma das duas cabia na largura a 1366×768 (rolavam na horizontal
        # e o nome da entidade saía 'Casa de Aco…'); poucas linhas em cada uma (as entidades do município)
        divisor = criar_divisor(Qt.Orientation.Vertical)
        divisor.addWidget(esquerda)
        divisor.addWidget(direita)
        divisor.setSizes([1, 1])
        self.alertas = QLabel()
        self.alertas.setWordWrap(True)
        self.lista_alertas = QLabel()
        self.lista_alertas.setWordWrap(True)
        self.lista_alertas.setStyleSheet("color: #444;")
        lay = QVBoxLayout(self)
        lay.addWidget(self.alertas)
        lay.addWidget(self.lista_alertas)
        lay.addWidget(divisor, 1)
        lay.addWidget(self.mensagem)
        if not sessao.pode(Permissao.CONSELHO_EDITAR):  # consulta do MP e do juízo: só lê o plano e os alertas
            for b in (b_ent, b_plano, b_visita, b_oficio):
                b.setEnabled(False)
                b.setToolTip("Somente leitura para este papel.")
        self.emitidos = QuadroEmitidos(sessao, lambda: documentos_vias.do_assunto(sessao, fiscalizacao.ASSUNTO), self,
                                       "Ofícios de fiscalização emitidos (reabrir, reimprimir, nova via)")
        lay.addWidget(self.emitidos)
        b_ent.clicked.connect(self._on_entidade)
        b_plano.clicked.connect(self._on_planejar)
        b_visita.clicked.connect(self._on_visita)
        b_oficio.clicked.connect(self._on_oficio)
        self.semestre.currentIndexChanged.connect(self.recarregar)
        self.recarregar()

    def recarregar(self, *_args) -> None:
        if not self._comecar(self.recarregar):
            return
        sessao, semestre, hoje = self._sessao, self.semestre.currentData(), self._hoje()
        consulta(self, lambda: (fiscalizacao.entidades(sessao), fiscalizacao.plano(sessao, semestre),
                                fiscalizacao.alertas(sessao, hoje)),
                 self._on_lido, titulo_erro="Fiscalização não lida", ao_falhar=self._terminar)

    def _on_lido(self, lido) -> None:
        ents, vis, r = lido
        self.modelo_e.definir_linhas(ents or [])
        self.modelo_v.definir_linhas(vis or [])
        self.alertas.setText(resumo_alertas(r))
        itens = r["itens"][:6]
        self.lista_alertas.setText("<br>".join(
            f"• {escape(i['descricao'])} (limite {formato.quando(i['limite'], hora_local=False)})" for i in itens)
            + (f"<br>… e mais {len(r['itens']) - 6}." if len(r["itens"]) > 6 else ""))
        self.lista_alertas.setVisible(bool(itens))
        self._terminar()

    def _dialogo(self, titulo, confirmar, campos, acao, explicacao="") -> bool:
        d = DialogoGravacao(titulo, confirmar, campos, acao, self, explicacao)
        if d.exec() == QDialog.DialogCode.Accepted:
            self.recarregar()
            self.mensagem.setText(f"{titulo}: registrado.")
            return True
        return False

    def _on_entidade(self) -> None:
        self._dialogo("Cadastrar entidade", "Cadastrar", [
            ("nome", "Nome", QLineEdit()), ("regime", "Regime (ECA, art. 90)", combo(REGIMES)),
            ("end", "Endereço", QLineEdit()), ("bairro", "Bairro", QLineEdit())],
            lambda v: fiscalizacao.cadastrar_entidade(self._sessao, v["nome"], v["regime"], v["end"], v["bairro"]))

    def _on_planejar(self) -> None:
        semestre = self.semestre.currentData()
        ents = self.modelo_e.linhas()
        if not ents:
            self.mensagem.setText("Cadastre antes as entidades de atendimento: o plano tem uma visita a cada uma.")
            return
        d = DialogoPlano(f"Plano do {self.semestre.currentText()}", ents,
                         lambda v: fiscalizacao.planejar_semestre(self._sessao, semestre, v), self,
                         f"Uma visita a cada uma das {len(ents)} entidades ativas no semestre (art. 34 §ún.). "
                         "Digite a data prevista de cada visita (dd/mm/aaaa); Tab passa para a próxima.")
        if d.exec() == QDialog.DialogCode.Accepted:
            self.recarregar()
            self.mensagem.setText(f"Plano do {self.semestre.currentText()} gravado: {len(ents)} visita(s).")

    def _on_visita(self) -> None:
        v = linha_selecionada(self.visao_v)
        if v is None:
            self.mensagem.setText("Selecione a visita no plano.")
            return
        self._dialogo(f"Visita — {v['nome']}", "Registrar", [
            ("em", "Realizada em", editor_data()), ("quem", "Conselheiros", QLineEdit()),
            ("relato", "Relato", texto_longo()), ("irr", "Irregularidades", texto_longo("Deixe vazio se não houve"))],
            lambda x: fiscalizacao.registrar_visita(self._sessao, v["id"], x["em"], x["quem"], x["relato"], x["irr"]))

    def _on_oficio(self) -> None:
        v = linha_selecionada(self.visao_v)
        if v is None:
            self.mensagem.setText("Selecione a visita no plano.")
            return
        d = DialogoAcao("Comunicar irregularidades", "Emitir ofício", [("ass", "Assinado por", QLineEdit())],
                        None, self, "Ofício registrado ao CMDCA e ao Ministério Público (ECA, art. 191).")
        if d.exec() == QDialog.DialogCode.Accepted:
            self._oficio(v["id"], d.resultado["ass"])

    def _oficio(self, visita_id: str, assinado: str) -> None:
        if not self._comecar(lambda: self._oficio(visita_id, assinado)):
            return
        sessao = self._sessao

        def _on_emitido(emitido) -> None:
            self._terminar()
            if emitido is not None:
                self.recarregar()
                self.emitidos.atualizar()

        emitir_em_segundo_plano(self, self.mensagem, "Ofício não emitido",
                                lambda _p: fiscalizacao.comunicar_irregularidades(sessao, visita_id, assinado),
                                "oficio-fiscalizacao", ao_terminar=_on_emitido)
