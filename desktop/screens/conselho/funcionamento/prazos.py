"""Aba Prazos: o que vence hoje, o que venceu e o que está no prazo (comunicação em 48 h, ratificação, requisições
e a comunicação do acolhimento ao juiz em 24 h, ECA art. 93).

Lei 320/2023, art. 21 §§1º e 2º; ECA, art. 136, III, a. Relê sozinha a cada 5 minutos; F5 relê já. As
leituras (e a abertura do caso) rodam fora da thread da interface (``widgets.servicos.consulta``).
Só quem vê conteúdo de caso a vê (os itens dizem o número do atendimento).
"""
from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.rules.conselho.prazos import ROTULOS_SITUACAO
from desktop.services.conselho import atendimentos, decisoes, fiscalizacao
from desktop.services.sessao import SemPermissao
from desktop.screens.widgets import avisos, formato
from desktop.screens.widgets.servicos import consulta
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada

from .comum import ESTILO_SIGILO, aviso_rotulo

TIPOS = {"comunicacao": "Comunicação (48 h)", "ratificacao": "Ratificação no colegiado", "requisicao": "Requisição",
         "juizo": "Acolhimento ao juiz (24 h)"}
CORES = {"vencido": "#b00020", "vence_hoje": "#a05a00", "no_prazo": "#1e6b2e"}
INTERVALO_MS = 5 * 60_000  # cada atualização é uma leitura registrada no diário: a cada 5 min (F5 atualiza já)

COLUNAS = [
    Coluna("Situação", lambda r: ROTULOS_SITUACAO[r["situacao"]], largura=110, cor=lambda r: CORES[r["situacao"]]),
    Coluna("Limite", lambda r: formato.quando(r["limite"], hora_local=False), lambda r: r["limite"], largura=140),
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
        self.lendo, self._reler = False, False  # uma leitura em andamento (fora da thread da interface)
        self.resumo = QLabel()
        self.no_prazo = QCheckBox("Mostrar também os que estão no prazo")
        self.no_prazo.setChecked(True)
        self.botao = QPushButton("A&tualizar (F5)")
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
        self.botao.clicked.connect(self.recarregar)
        self.no_prazo.toggled.connect(self.recarregar)
        QShortcut(QKeySequence("F5"), self, activated=self.recarregar)
        self.relogio = QTimer(self, interval=INTERVALO_MS, timeout=self.recarregar)
        self.relogio.start()
        self.recarregar()

    def recarregar(self, *_args) -> None:
        """Relê os prazos e os alertas da fiscalização fora da thread da interface (``widgets.servicos``).
        Uma leitura já em andamento não é repetida: ao terminar, relê uma vez mais com o que mudou."""
        if self._sessao.base.fechada:  # o relógio de uma aba que sobreviveu à sessão (trocar usuário, sair)
            self.relogio.stop()
            return
        if self.lendo:
            self._reler = True
            return
        self.lendo, self._reler = True, False
        sessao, agora, no_prazo = self._sessao, self._agora() if self._agora else datetime.now(), self.no_prazo.isChecked()
        hoje_relogio = self._agora() if self._agora else None

        def _ler() -> dict:
            saida = {"agora": agora}
            try:
                saida["alertas"] = fiscalizacao.alertas(sessao, agora.date())
            except Exception as e:  # noqa: BLE001 — a recusa prevista vai ao rótulo; o resto é defeito
                if not avisos.previsto(e):
                    raise
                saida["alertas_erro"] = avisos.mensagem_de(e)
            try:
                saida["itens"] = decisoes.painel_prazos(sessao, hoje_relogio, incluir_no_prazo=no_prazo)
            except SemPermissao as e:
                saida["sem_permissao"] = str(e)
            return saida

        consulta(self, _ler, self._on_lido, titulo_erro="Prazos não lidos", ao_falhar=self._on_falhou)

    def _on_falhou(self, _erro: BaseException) -> None:
        self.lendo = False

    def _on_lido(self, r: dict) -> None:
        from .fiscalizacao import resumo_alertas

        self.lendo = False
        if "alertas" in r:
            self.fiscalizacao.setText(resumo_alertas(r["alertas"]) + " <span style='color:#555'>(aba Fiscalização)</span>")
        else:
            self.fiscalizacao.setText(f"Alertas da fiscalização não lidos: {r['alertas_erro']}")
        if "sem_permissao" in r:
            self.relogio.stop()
            self.sigilo.setText(f"Os prazos mostram números de casos sigilosos.\n\n{r['sem_permissao']}")
            self.sigilo.show()
            for w in (self.visao, self.botao, self.no_prazo):
                w.setEnabled(False)
            self.visao.hide()
            return
        itens = r["itens"]
        self.modelo.definir_linhas(itens)
        conta = {s: sum(1 for i in itens if i["situacao"] == s) for s in CORES}
        self.resumo.setText(f"<b style='color:{CORES['vencido']}'>{conta['vencido']} vencido(s)</b> · "
                            f"<b style='color:{CORES['vence_hoje']}'>{conta['vence_hoje']} vence(m) hoje</b> · "
                            f"{conta['no_prazo']} no prazo"
                            + ("" if itens else " — nada pendente.")
                            + f" <span style='color:#555'>(atualizado às {r['agora']:%H:%M})</span>")
        if self._reler:
            self.recarregar()

    def _on_abrir(self, *_args) -> None:
        linha = linha_selecionada(self.visao)
        if linha is None:
            return
        from .caso import DialogoCaso

        sessao, aid = self._sessao, linha["atendimento_id"]

        def _on_aberto(caso: dict) -> None:
            DialogoCaso(sessao, aid, self, caso=caso).exec()
            self.recarregar()

        consulta(self, lambda: atendimentos.obter_atendimento(sessao, aid), _on_aberto, titulo_erro="Caso não aberto")
