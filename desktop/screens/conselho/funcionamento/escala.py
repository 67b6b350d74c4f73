"""Aba Escala e plantão: gerar e gravar a escala do período com carga igual (art. 20), trocar, imprimir, quem está agora.

Turnos: cada noite e os dias de sábados, domingos e feriados (art. 19). A carga por conselheiro
(noites, dias, horas) aparece ao lado da escala; a troca pede o motivo e vai para o diário. Ler, gerar e
imprimir rodam fora da thread da interface (``widgets.servicos``), uma coisa por vez (``UmaDeCadaVez``).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from desktop.rules.conselho.escala import MODALIDADES, TIPOS_TURNO
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.services.conselho import documentos, escala, mandatos
from desktop.screens.widgets import avisos, formato
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada
from desktop.screens.documentos.emitidos import QuadroEmitidos
from desktop.services import documentos_vias
from desktop.screens.widgets.divisor import Reparticao, criar_divisor

from desktop.screens.widgets.servicos import consulta, operacao
from desktop.screens.widgets.emissao import emitir_em_segundo_plano

from .comum import DialogoGravacao, UmaDeCadaVez, combo, editor_data, somente_leitura

DIAS = ("seg", "ter", "qua", "qui", "sex", "sáb", "dom")


def _dia_e_hora(iso: str) -> str:
    """'01/12 18:00': o ano está no período, logo acima da escala (com ele, a escala e a carga não cabiam lado a
    lado a 1366×768 com os nomes inteiros); a data com o ano fica na dica."""
    return datetime.fromisoformat(iso).strftime("%d/%m %H:%M")


COLUNAS = [
    Coluna("Início", lambda p: f"{DIAS[datetime.fromisoformat(p['inicio']).weekday()]} {_dia_e_hora(p['inicio'])}",
           lambda p: p["inicio"], dica=lambda p: formato.quando(p["inicio"], hora_local=False)),
    Coluna("Fim", lambda p: _dia_e_hora(p["fim"]), lambda p: p["fim"],
           dica=lambda p: formato.quando(p["fim"], hora_local=False)),
    Coluna("Turno", lambda p: TIPOS_TURNO.get(p["tipo"], p["tipo"])),
    Coluna("Modalidade", lambda p: MODALIDADES.get(p["modalidade"], p["modalidade"]), largura=100),
    Coluna("Plantonista", lambda p: p["nome"], esticar=True),
]
COLUNAS_CARGA = [
    Coluna("Conselheiro", lambda c: c["nome"], esticar=True),
    Coluna("Noites", lambda c: str(c["noites"]), lambda c: c["noites"], alinhamento="direita", largura=60),
    Coluna("Dias", lambda c: str(c["dias"]), lambda c: c["dias"], alinhamento="direita", largura=50),
    Coluna("Horas", lambda c: formato.decimal_br(c["horas"]), lambda c: c["horas"], alinhamento="direita",
           largura=60),  # '118,0', não '118.0' (str do float)
]


class AbaEscala(UmaDeCadaVez, QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        hoje = date.today()
        self.inicio = editor_data(hoje.replace(day=1))
        self.fim = editor_data((hoje.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1))
        self.botao_ver = QPushButton("Ve&r período")
        self.botao_gerar = QPushButton("&Gerar e gravar escala")
        self.botao_trocar = QPushButton("&Trocar plantonista")
        self.botao_imprimir = QPushButton("&Imprimir (PDF)")
        self.agora = QLabel()
        self.agora.setWordWrap(True)
        self.mensagem = QLabel()
        self.mensagem.setWordWrap(True)
        self.modelo = ModeloTabela(COLUNAS, self)
        # a escala vai em ordem de início (um calendário) e a carga resume por conselheiro: sem ordenar pelo
        # cabeçalho, os títulos não pedem o lugar da seta e as duas cabem lado a lado a 1366×768
        self.visao = criar_visao(ProxyFiltro(self.modelo, self), self, nome="Escala", ordenavel=False)
        self.modelo_carga = ModeloTabela(COLUNAS_CARGA, self)
        self.visao_carga = criar_visao(ProxyFiltro(self.modelo_carga, self), self, nome="Carga por conselheiro",
                                       ordenavel=False)
        topo = QHBoxLayout()
        for w in (QLabel("De"), self.inicio, QLabel("a"), self.fim, self.botao_ver, self.botao_gerar,
                  self.botao_trocar, self.botao_imprimir):
            topo.addWidget(w)
        topo.addStretch(1)
        divisor = criar_divisor()
        divisor.addWidget(self.visao)
        caixa = QWidget()
        lc = QVBoxLayout(caixa)
        lc.setContentsMargins(0, 0, 0, 0)
        titulo_carga = QLabel("<b>Carga no período</b> (a mesma para todos, art. 20)")
        titulo_carga.setWordWrap(True)  # numa linha, a largura dele (~375 pontos) era o mínimo da carga e a escala
        lc.addWidget(titulo_carga)      # não ganhava o lugar que setSizes lhe dá (o plantonista saía cortado)
        lc.addWidget(self.visao_carga)
        divisor.addWidget(caixa)
        divisor.setSizes([760, 400])  # até as linhas chegarem; então, pela largura medida das colunas (_on_lido)
        self.reparticao = Reparticao(divisor, [self.visao, self.visao_carga])
        lay = QVBoxLayout(self)
        lay.addWidget(self.agora)
        lay.addLayout(topo)
        lay.addWidget(divisor, 1)
        lay.addWidget(self.mensagem)
        self.emitidos = QuadroEmitidos(sessao, lambda: documentos_vias.do_assunto(sessao, documentos.ASSUNTO_ESCALA),
                                       self, "Escalas impressas (reabrir, reimprimir, nova via)")
        lay.addWidget(self.emitidos)
        editar = sessao.pode(Permissao.CONSELHO_EDITAR)
        self.botao_gerar.setVisible(editar)
        self.botao_trocar.setVisible(editar)
        self.botao_imprimir.setVisible(sessao.pode(Permissao.DOCUMENTOS_EMITIR))
        self.somente_leitura = not editar and not sessao.pode(Permissao.CONSELHO_MANDATOS)
        if self.somente_leitura:  # consulta do MP e do juízo: vê a escala e a carga, não gera, troca nem emite
            lay.insertWidget(0, somente_leitura((self.botao_gerar, self.botao_trocar, self.botao_imprimir),
                                                "A consulta vê a escala, a carga e quem está de plantão; quem gera, "
                                                "troca e imprime a escala é o Conselho Tutelar (arts. 19 e 20)."))
        self.botao_ver.clicked.connect(self.recarregar)
        self.botao_gerar.clicked.connect(self._on_gerar)
        self.botao_trocar.clicked.connect(self._on_trocar)
        self.botao_imprimir.clicked.connect(self._on_imprimir)
        self.recarregar()

    def periodo(self) -> tuple[date, date] | None:
        """O período digitado; None (e a mensagem ao usuário) se uma das datas estiver errada."""
        try:
            return self.inicio.valor(), self.fim.valor()
        except EntradaInvalida as e:
            self.mensagem.setText(f"Confira o período: {e}")
            return None

    def recarregar(self, *_args) -> None:
        if (periodo := self.periodo()) is None or not self._comecar(self.recarregar):
            return
        ini, fim = periodo
        sessao = self._sessao

        def _ler() -> dict:
            linhas = escala.listar(sessao, ini, fim)
            return {"linhas": linhas, "carga": escala.carga(sessao, ini, fim) if linhas else {},
                    "agora": escala.plantonista_agora(sessao)}

        consulta(self, _ler, self._on_lido, titulo_erro="Escala não lida", ao_falhar=self._terminar)

    def _on_lido(self, r: dict) -> None:
        linhas = r["linhas"]
        self.modelo.definir_linhas(linhas)
        nomes = {p["conselheiro_id"]: p["nome"] for p in linhas}
        self.modelo_carga.definir_linhas([{"nome": nomes.get(k, k), **v} for k, v in r["carga"].items()])
        self.reparticao.tentar(bool(linhas))
        p = r["agora"]
        self.agora.setText(f"<b>Quem está de plantão agora:</b> {p['nome']} ({formato.quando(p['inicio'], hora_local=False)} a {formato.quando(p['fim'], hora_local=False)})" if p
                           else "<b>Quem está de plantão agora:</b> ninguém — expediente (08-12 e 14-18, art. 19) ou "
                                "escala não gravada.")
        if not linhas:
            self.mensagem.setText("Não há escala gravada neste período. Use “Gerar e gravar escala”.")
        self._terminar()

    def _on_gerar(self) -> None:
        if (periodo := self.periodo()) is None:
            return
        ini, fim = periodo
        if not avisos.confirmar(self, "Gerar escala", f"Gerar e gravar a escala de {formato.data(ini)} a "
                                f"{formato.data(fim)}?", sim="Gerar e gravar",
                                detalhe="Cada noite e cada dia não útil recebe um plantonista, com a mesma carga para "
                                        "todos os conselheiros em exercício (art. 20). Depois, mude um turno pela troca."):
            return
        self._gerar(ini, fim)

    def _gerar(self, ini: date, fim: date) -> None:
        if not self._comecar(lambda: self._gerar(ini, fim)):  # já confirmado: espera a leitura em curso
            return
        sessao = self._sessao

        def _on_gravada(r: dict) -> None:
            self._terminar()
            self.recarregar()
            self.mensagem.setText(f"Escala gravada: {r['plantoes']} turnos novos"
                                  + (f"; {r['refeitos']} turno(s) de quem não está mais em exercício redistribuído(s)."
                                     if r.get("refeitos") else "."))

        def _on_recusada(erro: BaseException) -> None:
            self._terminar()
            avisos.erro(self, "Escala não gravada", erro)

        operacao(self, "Gerando a escala…", lambda _p: escala.gerar_escala(sessao, ini, fim), _on_gravada,
                 titulo_erro="Escala não gravada", ao_recusar=_on_recusada, ao_cancelar=self._terminar)

    def _on_trocar(self) -> None:
        p = linha_selecionada(self.visao)
        if p is None:
            self.mensagem.setText("Selecione um turno na escala.")
            return
        sessao = self._sessao
        self._ler_e_seguir(self._on_trocar, lambda: mandatos.composicao(sessao),
                           lambda composicao: self._trocar(p, composicao), titulo_erro="Conselheiros não lidos")

    def _trocar(self, p: dict, composicao: list[dict]) -> None:
        outros = [(c["id"], c["nome"]) for c in composicao
                  if c["situacao"] == "em_exercicio" and c["id"] != p["conselheiro_id"]]
        d = DialogoGravacao("Trocar plantonista", "Trocar", [("para", "Novo plantonista", combo(outros)),
                                                         ("motivo", "Motivo", QLineEdit())],
                        lambda v: escala.trocar_plantao(self._sessao, p["id"], v["para"] or "", v["motivo"]), self,
                        f"Turno de {formato.quando(p['inicio'], hora_local=False)} a {formato.quando(p['fim'], hora_local=False)}, hoje com {p['nome']}. A troca vai para o diário.")
        if d.exec() == QDialog.DialogCode.Accepted:
            self.recarregar()
            self.mensagem.setText(f"Turno trocado: agora com {d.resultado['nome']}.")

    def _on_imprimir(self) -> None:
        if (periodo := self.periodo()) is None or not self._comecar(self._on_imprimir):
            return
        ini, fim = periodo
        sessao = self._sessao

        def _on_emitida(emitido) -> None:
            self._terminar()
            if emitido is not None:
                self.emitidos.atualizar()

        emitir_em_segundo_plano(self, self.mensagem, "Escala não impressa",
                                lambda _p: documentos.emitir_escala(sessao, ini, fim), f"escala-{ini:%Y-%m}",
                                ao_terminar=_on_emitida)
