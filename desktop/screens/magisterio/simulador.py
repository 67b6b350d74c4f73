"""Aba Simulador: o contracheque de um servidor numa data, como está e com mudanças hipotéticas.

"E se eu concluir a especialização?": escolhe-se o servidor e a data, acrescentam-se mudanças de
uma lista curta e "Simular" mostra as duas colunas (atual e simulado) rubrica a rubrica, com o
artigo, e a diferença no líquido. O cálculo é de ``desktop.services.magisterio.simulador``; nada
é gravado.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QListWidget, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from desktop.rules import formato
from desktop.rules.magisterio.titulacao import TITULOS_DE_NOVA_TITULACAO
from desktop.rules.validacao import EntradaInvalida
from desktop.screens.widgets.fluxo import LayoutFluxo
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao
from desktop.screens.widgets import avisos, servicos
from desktop.screens.widgets.data import CampoData
from desktop.screens.widgets.leitura import ler
from desktop.services.magisterio import cadastro, simulador

from . import comum

_DIREITA = "direita"
# (rótulo, histórico, campos fixos, o que o "detalhe" escolhe)
TIPOS = [
    ("Nova titulação", "titulacoes", {}, "titulo"),
    ("Novo curso (aperfeiçoamento, especialização...)", "cursos", {}, "curso"),
    ("Jornada de 40 horas", "jornadas", {"horas": 40, "motivo": "base"}, None),
    ("Desdobramento (40 h)", "jornadas", {"horas": 40, "motivo": "desdobramento"}, None),
    ("Função de diretor(a)", "funcoes", {"funcao": "diretor"}, "porte"),
    ("Função de vice-diretor(a)", "funcoes", {"funcao": "vice_diretor"}, "porte"),
    ("Lotação em escola de difícil acesso", "lotacoes",
     {"escola": "Escola de difícil acesso", "dificil_acesso": True, "reside_em_local_diverso": True}, "porte"),
    ("Lotação em escola da zona rural", "lotacoes",
     {"escola": "Escola da zona rural", "zona_rural": True, "fixou_residencia_rural": True}, "porte"),
]
# "Nova titulação" oferece só os títulos que ainda mudam o nível de alguém (a regra diz quais e por quê)
_DETALHES = {"titulo": {str(t): comum.ROTULOS_TITULO[str(t)] for t in TITULOS_DE_NOVA_TITULACAO},
             "curso": comum.ROTULOS_CURSO,
             "porte": comum.ROTULOS_PORTE}
_COLUNAS = [
    Coluna("Código", lambda c: c["codigo"], largura=55),
    Coluna("Rubrica", lambda c: c["descricao"], largura=280),
    Coluna("Atual", lambda c: comum.dinheiro(c["atual"]) if c["atual"] else "", alinhamento=_DIREITA, largura=110),
    Coluna("Simulado", lambda c: comum.dinheiro(c["simulado"]) if c["simulado"] else "", alinhamento=_DIREITA,
           largura=110),
    Coluna("Diferença", lambda c: comum.dinheiro(c["diferenca"]) if c["diferenca"] else "", alinhamento=_DIREITA,
           largura=110, cor=lambda c: "#b00020" if (c["diferenca"] < 0) == (c["natureza"] == "P") and c["diferenca"]
           else None),
    Coluna("Fundamento", lambda c: c["fundamento"], esticar=True),
]


class AbaSimulador(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.alteracoes: list[dict] = []
        self.simulacao: simulador.Simulacao | None = None
        self.carregando = False
        self.lendo = False  # conferência ou simulação em andamento (servicos.consulta)
        self._desejado: str | None = None

        topo = QHBoxLayout()
        self.servidor = QComboBox(self)
        self.servidor.setMinimumWidth(320)
        self.data = CampoData(parent=self)
        self.data.edit.setText(formato.data(date.today()))
        topo.addWidget(QLabel("Servidor:"))
        topo.addWidget(self.servidor, 1)
        topo.addWidget(QLabel("Data:"))
        topo.addWidget(self.data)

        caixa = QGroupBox("E se…", self)
        linha = LayoutFluxo()  # desce para a linha de baixo em telas estreitas
        self.tipo = QComboBox(self)
        self.tipo.addItems([t[0] for t in TIPOS])
        self.detalhe = QComboBox(self)
        self.horas = QSpinBox(self)
        self.horas.setRange(1, 5000)
        self.horas.setValue(360)
        self.horas.setSuffix(" h")
        self.desde = CampoData(placeholder="a partir de dd/mm/aaaa", parent=self)
        self.desde.edit.ensurePolished()  # a 1366×768 o campo saía 'a partir de dd/mm…': cabe o texto inteiro
        self.desde.setMinimumWidth(self.desde.edit.fontMetrics().horizontalAdvance("a partir de dd/mm/aaaa") + 40)
        self.botao_acrescentar = QPushButton("Acr&escentar", self)  # Alt+A é do menu Arquivo
        self.botao_remover = QPushButton("Remover", self)
        for w in (self.tipo, self.detalhe, self.horas, self.desde, self.botao_acrescentar, self.botao_remover):
            linha.addWidget(w)
        self.lista = QListWidget(self)
        self.lista.setMaximumHeight(90)
        lay_caixa = QVBoxLayout(caixa)
        lay_caixa.addLayout(linha)
        lay_caixa.addWidget(self.lista)

        self.botao_simular = QPushButton("&Simular", self)
        self.resumo = QLabel("Escolha o servidor, a data e as mudanças; depois clique em Simular.", self)
        self.resumo.setWordWrap(True)
        self.situacoes = QLabel(self)
        self.situacoes.setWordWrap(True)
        self.modelo = ModeloTabela(_COLUNAS, self)
        self.tabela = criar_visao(ProxyFiltro(self.modelo, self), self, nome="tabela_simulacao")

        lay = QVBoxLayout(self)
        lay.addLayout(topo)
        lay.addWidget(caixa)
        lay.addWidget(self.botao_simular)
        lay.addWidget(self.situacoes)
        lay.addWidget(self.tabela, 1)
        lay.addWidget(self.resumo)

        self.tipo.currentIndexChanged.connect(self._on_tipo_mudou)
        self.botao_acrescentar.clicked.connect(self._on_acrescentar)
        self.botao_remover.clicked.connect(self._on_remover)
        self.botao_simular.clicked.connect(self._on_simular)
        self._on_tipo_mudou(0)
        self.recarregar()
        self.servidor.currentIndexChanged.connect(self._on_servidor_mudou)

    def _on_servidor_mudou(self, _indice: int) -> None:
        self.alteracoes.clear()
        self.lista.clear()

    def recarregar(self) -> None:
        """Relê a lista de servidores em segundo plano (milhares: ~150 ms de consulta)."""
        self.carregando = True
        sessao = self._sessao
        ler(self, lambda: cadastro.listar_servidores(sessao, ativo=None), self._on_servidores,
            self._on_servidores_falharam)

    def _on_servidores(self, servidores: list[dict]) -> None:
        atual = self._desejado or self.servidor.currentData()
        self.servidor.blockSignals(True)  # repovoar não é o usuário trocando de servidor
        self.servidor.clear()
        for s in servidores:
            self.servidor.addItem(f"{s['nome']} — matrícula {s['matricula']}", s["id"])
        if atual is not None and (i := self.servidor.findData(atual)) >= 0:
            self.servidor.setCurrentIndex(i)
        self.servidor.blockSignals(False)
        self._desejado, self.carregando = None, False

    def _on_servidores_falharam(self, erro: BaseException) -> None:
        self.carregando = False
        if not avisos.previsto(erro):
            raise erro
        avisos.erro(self, "Simulador", erro)

    def servidor_escolhido(self) -> str | None:
        """O id do servidor escolhido (o pedido antes de a lista chegar, se ela ainda vem)."""
        return self._desejado if self.carregando and self._desejado else self.servidor.currentData()

    def escolher_servidor(self, servidor_id: str) -> None:
        if self.carregando:
            self._desejado = servidor_id  # a lista ainda vem: escolhido quando chegar
        self.servidor.setCurrentIndex(self.servidor.findData(servidor_id))

    def _on_tipo_mudou(self, indice: int) -> None:
        _rotulo, _hist, _fixos, detalhe = TIPOS[indice]
        self.detalhe.clear()
        for valor, rotulo in _DETALHES.get(detalhe, {}).items():
            self.detalhe.addItem(rotulo, valor)
        self.detalhe.setVisible(detalhe is not None)
        self.horas.setVisible(detalhe == "curso")

    def _alteracao(self) -> dict:
        rotulo, historico, fixos, detalhe = TIPOS[self.tipo.currentIndex()]
        desde = self.desde.valor()
        alt = {"historico": historico, **fixos}
        escolha = self.detalhe.currentData()
        if detalhe == "titulo":
            alt |= {"titulo": escolha, "data_requerimento": desde}
        elif detalhe == "curso":
            # concluído e concedido na data (a gratificação vale da concessão, art. 48)
            alt |= {"tipo": escolha, "conclusao": desde, "concessao": desde, "carga_horaria": self.horas.value()}
        else:
            alt["inicio"] = desde
            if detalhe == "porte":
                alt["porte"] = escolha
        if historico == "funcoes":
            alt["escola"] = "Escola simulada"
        return alt

    def _on_acrescentar(self) -> None:
        if self.lendo:  # uma conferência ou simulação por vez
            return
        sid = self.servidor_escolhido()
        if sid is None:
            comum.avisos.erro(self, "Mudança hipotética", "Escolha um servidor antes de acrescentar mudanças.")
            return
        try:
            alt = self._alteracao()
        except EntradaInvalida as e:
            comum.avisos.erro(self, "Mudança hipotética", e)
            return
        sessao, alteracoes = self._sessao, self.alteracoes + [alt]
        self.lendo = True
        servicos.consulta(self, lambda: simulador.conferir(sessao, sid, alteracoes),
                          lambda descricoes: self._on_conferida(alt, descricoes),
                          titulo_erro="Mudança hipotética", ao_falhar=self._on_fim_leitura)

    def _on_fim_leitura(self, *_args) -> None:
        self.lendo = False

    def _on_conferida(self, alt: dict, descricoes: list[str]) -> None:
        self.lendo = False
        self.alteracoes.append(alt)
        self.lista.addItem(descricoes[-1])

    def _on_remover(self) -> None:
        i = self.lista.currentRow()
        if i >= 0:
            self.lista.takeItem(i)
            del self.alteracoes[i]

    def _on_simular(self) -> None:
        if self.lendo:  # uma conferência ou simulação por vez
            return
        sid = self.servidor_escolhido()
        if sid is None:
            comum.avisos.erro(self, "Simulador", "Escolha um servidor.")
            return
        try:
            dia = self.data.valor()
        except EntradaInvalida as e:
            comum.avisos.erro(self, "Simulador", e)
            return
        sessao, alteracoes = self._sessao, list(self.alteracoes)
        self.lendo = True
        servicos.consulta(self, lambda: simulador.simular(sessao, sid, dia, alteracoes), self._on_simulado,
                          titulo_erro="Simulador", ao_falhar=self._on_fim_leitura)

    def _on_simulado(self, s) -> None:
        self.lendo = False
        self.simulacao = s
        self.modelo.definir_linhas(s.comparacao())
        a, b = s.atual["situacao"], s.simulado["situacao"]
        self.situacoes.setText(f"Atual: {_situacao(a)}\nSimulado: {_situacao(b)}")
        dif = s.diferenca_liquido
        sinal = "a mais" if dif > 0 else "a menos" if dif < 0 else "sem diferença"
        self.resumo.setText(
            f"Líquido atual {comum.dinheiro(Decimal(s.atual['totais']['liquido']))}; simulado "
            f"{comum.dinheiro(Decimal(s.simulado['totais']['liquido']))}: "
            f"{comum.dinheiro(abs(dif)) + ' ' + sinal if dif else sinal}. Nada foi gravado."
            + ("\nAvisos: " + " ".join(s.simulado["avisos"]) if s.simulado["avisos"] else ""))


def _situacao(s: dict | None) -> str:
    if not s:
        return "sem vínculo"
    return f"{s['nivel_nome']}, classe {s['classe']}, {s['jornada']} h — " + "; ".join(
        f"{f['descricao']} ({f['fundamento']})" for f in s["fundamentos"])
