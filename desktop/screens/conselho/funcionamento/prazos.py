"""Aba Prazos: o que vence hoje, o que venceu e o que está no prazo (comunicação em 48 h, ratificação, requisições
e a comunicação do acolhimento ao juiz em 24 h, ECA art. 93).

Lei 320/2023, art. 21 §§1º e 2º; ECA, art. 136, III, a. Relê sozinha a cada minuto; F5 relê já.
Só quem vê conteúdo de caso a vê (os itens dizem o número do atendimento).
"""
from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.rules.conselho.prazos import ROTULOS_SITUACAO
from desktop.services.conselho import decisoes, fiscalizacao
from desktop.services.sessao import SemPermissao
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada

from .comum import ESTILO_SIGILO, aviso_rotulo, br, tentar

TIPOS = {"comunicacao": "Comunicação (48 h)", "ratificacao": "Ratificação no colegiado", "requisicao": "Requisição",
         "juizo": "Acolhimento ao juiz (24 h)"}
CORES = {"vencido": "#b00020", "vence_hoje": "#a05a00", "no_prazo": "#1e6b2e"}
INTERVALO_MS = 5 * 60_000  # cada atualização é uma leitura registrada no diário: a cada 5 min (F5 atualiza já)

COLUNAS = [
    Coluna("Situação", lambda r: ROTULOS_SITUACAO[r["situacao"]], largura=110, cor=lambda r: CORES[r["situacao"]]),
    Coluna("Limite", lambda r: br(r["limite"]), lambda r: r["limite"], largura=140),
    Coluna("Atendimento", lambda r: r["atendimento"], largura=100),
    Coluna("Prazo de", lambda r: TIPOS[r["tipo"]], largura=190),
    Coluna("O que fazer", lambda r: r["descricao"], esticar=True),
]


class AbaPrazos(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None, agora: Callable[[], datetime] | None = None):
        """``agora``: o relógio do painel (padrão: a hora local do computador)."""
        super().__init__(parent)
        self._sessao = sessao
        self._agora = agora
        self.resumo = QLabel()
        self.no_prazo = QCheckBox("Mostrar também os que estão no prazo")
        self.no_prazo.setChecked(True)
        self.botao = QPushButton("&Atualizar (F5)")
        self.modelo = ModeloTabela(COLUNAS, self)
        self.visao = criar_visao(ProxyFiltro(self.modelo, self), self, nome="Prazos")
        self.sigilo = aviso_rotulo("", ESTILO_SIGILO)
        self.sigilo.hide()
        topo = QHBoxLayout()
        topo.addWidget(self.resumo, 1)
        topo.addWidget(self.no_prazo)
        topo.addWidget(self.botao)
        lay = QVBoxLayout(self)
        lay.addWidget(self.sigilo)
        lay.addLayout(topo)
        self.fiscalizacao = QLabel()  # visitas e comunicações da fiscalização das entidades (art. 34)
        self.fiscalizacao.setWordWrap(True)
        lay.addWidget(self.fiscalizacao)
        lay.addWidget(self.visao, 1)
        self.dica = QLabel("Enter ou duplo clique numa linha abre o caso para registrar o que foi feito.")
        self.dica.setStyleSheet("color: #555;")
        lay.addWidget(self.dica)
        self.visao.activated.connect(self._on_abrir)
        self.visao.doubleClicked.connect(self._on_abrir)
        self.botao.clicked.connect(self.recarregar)
        self.no_prazo.toggled.connect(self.recarregar)
        QShortcut(QKeySequence("F5"), self, activated=self.recarregar)
        self.relogio = QTimer(self, interval=INTERVALO_MS, timeout=self.recarregar)
        self.relogio.start()
        self.recarregar()

    def recarregar(self, *_args) -> None:
        from .fiscalizacao import resumo_alertas

        if self._sessao.base.fechada:  # o relógio de uma aba que sobreviveu à sessão (trocar usuário, sair)
            self.relogio.stop()
            return
        agora = self._agora() if self._agora else datetime.now()
        ok, r = tentar(self, "Alertas da fiscalização não lidos", lambda: fiscalizacao.alertas(self._sessao, agora.date()))
        self.fiscalizacao.setText(resumo_alertas(r) + " <span style='color:#555'>(aba Fiscalização)</span>" if ok else "")
        try:
            itens = decisoes.painel_prazos(self._sessao, self._agora() if self._agora else None,
                                           incluir_no_prazo=self.no_prazo.isChecked())
        except SemPermissao as e:
            self.relogio.stop()
            self.sigilo.setText(f"Os prazos mostram números de casos sigilosos.\n\n{e}")
            self.sigilo.show()
            for w in (self.visao, self.botao, self.no_prazo):
                w.setEnabled(False)
            self.visao.hide()
            return
        self.modelo.definir_linhas(itens)
        conta = {s: sum(1 for i in itens if i["situacao"] == s) for s in CORES}
        self.resumo.setText(f"<b style='color:{CORES['vencido']}'>{conta['vencido']} vencido(s)</b> · "
                            f"<b style='color:{CORES['vence_hoje']}'>{conta['vence_hoje']} vence(m) hoje</b> · "
                            f"{conta['no_prazo']} no prazo"
                            + ("" if itens else " — nada pendente.")
                            + f" <span style='color:#555'>(atualizado às "
                            f"{(self._agora() if self._agora else datetime.now()):%H:%M})</span>")

    def _on_abrir(self, *_args) -> None:
        linha = linha_selecionada(self.visao)
        if linha is None:
            return
        from .caso import DialogoCaso

        ok, d = tentar(self, "Caso não aberto", lambda: DialogoCaso(self._sessao, linha["atendimento_id"], self))
        if ok:
            d.exec()
            self.recarregar()
