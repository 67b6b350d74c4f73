"""Abas de cadastro do processo de escolha: candidatos (inscrição, análise, prova, parentesco, reabertura, homologação), impugnações e seções.

Os botões abrem os formulários de ``dialogos_candidatura`` e ``dialogos_impugnacao``; depois de
gravar, a aba recarrega e emite ``sig_mudou`` (a fase do processo pode ter mudado). As listas são lidas
fora da thread da interface (``widgets.servicos.consulta``; ``carregando`` até a mais nova chegar).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QVBoxLayout, QWidget)

from desktop.rules import formato
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.screens.widgets import servicos
from desktop.screens.widgets.fluxo import LayoutFluxo
from desktop.services.eleicao import candidaturas, impugnacoes, processo, votacao
from desktop.screens.widgets.divisor import criar_divisor

from .apuracao import _item
from .dialogos_candidatura import (DialogoAnalise, DialogoInscricao, DialogoNota, DialogoParentesco,
                                   DialogoReabertura)
from .dialogos_impugnacao import DialogoApresentar, DialogoEtapa, DialogoSecao, tabela_impugnacoes



def _ajustar_colunas(tabela: QTableWidget, maximo: int = 320) -> None:
    """Colunas na largura do conteúdo e do título, até ``maximo`` (a dica mostra o texto inteiro)."""
    tabela.resizeColumnsToContents()
    cab = tabela.horizontalHeader()
    for j in range(tabela.columnCount()):
        if cab.sectionResizeMode(j) != QHeaderView.ResizeMode.Stretch and tabela.columnWidth(j) > maximo:
            tabela.setColumnWidth(j, maximo)


class _Aba(QWidget):
    sig_mudou = Signal(str)  # a mensagem para a barra do processo

    def __init__(self, sessao, processo_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao, self._pid = sessao, processo_id
        self.tarefa = None  # a gravação em andamento (servicos.operacao)
        self.carregando = False
        self.pode_editar = sessao.pode(Permissao.ELEICAO_EDITAR)
        self.botoes = LayoutFluxo()  # a fileira quebra a linha em telas estreitas (1366×768)

    def botao(self, rotulo: str, slot) -> QPushButton:
        b = QPushButton(rotulo, self)
        b.setVisible(self.pode_editar)
        b.clicked.connect(slot)
        self.botoes.addWidget(b)
        return b

    def exibir(self, dialogo: QDialog, mensagem: str) -> bool:
        """Abre o formulário; se gravou, recarrega e avisa. (Os testes dirigem o diálogo aberto.)"""
        self.dialogo = dialogo
        if dialogo.exec() != QDialog.DialogCode.Accepted:
            return False
        self.recarregar()
        self.sig_mudou.emit(mensagem)
        return True

    def abrir(self, ler, fabrica, mensagem: str, depois=None) -> None:
        """Lê o que o formulário mostra fora da thread da interface (``ler()``, ``servicos.consulta``) e só
        então o abre: ``fabrica(lido)`` monta o diálogo; se gravou, ``depois()`` (ou só ``exibir``)."""
        def _on_lido(lido) -> None:
            if self.exibir(fabrica(lido), mensagem) and depois is not None:
                depois()

        servicos.consulta(self, ler, _on_lido, titulo_erro="Processo de escolha")

    def recarregar(self) -> None:
        raise NotImplementedError


class AbaCandidatos(_Aba):
    def __init__(self, sessao, processo_id: str, parent: QWidget | None = None):
        super().__init__(sessao, processo_id, parent)
        self.cands: list[dict] = []  # as da última leitura
        self.tabela = QTableWidget(0, 5, self)
        self.tabela.setObjectName("candidatos")
        self.tabela.setHorizontalHeaderLabels(["Nº", "Nome", "Situação", "Nota", "Motivo"])
        self.tabela.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.tabela.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.checklist = QTableWidget(0, 4, self)
        self.checklist.setHorizontalHeaderLabels(["Requisito", "Documento apresentado", "Situação", "Motivo / artigo"])
        self.checklist.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.botao("Nova &inscrição…", self._on_inscrever)
        self.analisar = self.botao("Análise &documental…", self._on_analisar)
        self.nota = self.botao("Nota da &prova…", self._on_nota)
        self.botao("Pa&rentesco (art. 15)…", self._on_parentesco)
        self.botao("Reabrir inscrições (art. 13)…", self._on_reabrir)
        self.homologar = self.botao("&Homologar a lista de habilitados", self._on_homologar)
        divisor = criar_divisor(Qt.Orientation.Vertical, self)
        divisor.addWidget(self.tabela)
        divisor.addWidget(self.checklist)
        lay = QVBoxLayout(self)
        lay.addLayout(self.botoes)
        lay.addWidget(divisor, 1)
        self.tabela.itemSelectionChanged.connect(self._on_linha)
        self.recarregar()

    def recarregar(self) -> None:
        sessao, pid = self._sessao, self._pid
        servicos.consulta(self, lambda: candidaturas.listar_candidaturas(sessao, pid), self._on_lidas,
                          titulo_erro="Candidatos", chave="lista")

    def _on_lidas(self, cands: list[dict]) -> None:
        self.cands = cands
        self.tabela.setRowCount(len(self.cands))
        for i, c in enumerate(self.cands):
            situacao = c["situacao"] + (" (sub judice)" if c["sub_judice"] else "")
            nota = (c["nota_prova"] or "—").replace(".", ",")
            for j, v in enumerate((c["numero"], c["nome_urna"], situacao, nota, c["motivo"])):
                self.tabela.setItem(i, j, _item(v))
        _ajustar_colunas(self.tabela)
        self.checklist.setRowCount(0)
        _ajustar_colunas(self.checklist)
        self._on_linha()

    def selecionada(self) -> dict | None:
        linha = self.tabela.currentRow()
        return self.cands[linha] if 0 <= linha < len(self.cands) else None

    def _on_linha(self) -> None:
        c = self.selecionada()
        self.analisar.setEnabled(c is not None)
        self.nota.setEnabled(c is not None)
        if c is None:
            return
        sessao = self._sessao
        servicos.consulta(self, lambda: candidaturas.checklist(sessao, c["id"]), self._on_checklist,
                          titulo_erro="Candidatos", chave="checklist")

    def _on_checklist(self, reqs: list[dict]) -> None:
        self.checklist.setRowCount(len(reqs))
        for i, r in enumerate(reqs):
            for j, v in enumerate((r["descricao"], r["documento"] or "—", r["situacao"], r["motivo"] or r["artigo"])):
                self.checklist.setItem(i, j, _item(v))
        _ajustar_colunas(self.checklist)

    def _on_inscrever(self) -> None:
        sessao, pid = self._sessao, self._pid
        self.abrir(lambda: processo.obter_processo(sessao, pid), lambda p: DialogoInscricao(sessao, pid, p, self), "",
                   lambda: self.sig_mudou.emit(f"Candidatura {self.dialogo.resultado['numero']} inscrita: "
                                               f"{self.dialogo.resultado['motivo']}."))

    def _on_analisar(self) -> None:
        if c := self.selecionada():
            sessao = self._sessao
            self.abrir(lambda: candidaturas.checklist(sessao, c["id"]),
                       lambda checklist: DialogoAnalise(sessao, c, checklist, self), "",
                       lambda: self.sig_mudou.emit(f"Análise gravada; candidatura {c['numero']}: "
                                                   f"{self.dialogo.resultado['motivo']}."))

    def _on_nota(self) -> None:
        if c := self.selecionada():
            sessao, pid = self._sessao, self._pid
            servicos.consulta(self, lambda: processo.obter_processo(sessao, pid)["nota_corte"],
                              lambda corte: self._nota(c, corte), titulo_erro="Nota da prova")

    def _nota(self, c: dict, nota_corte) -> None:
        if self.exibir(DialogoNota(self._sessao, c, nota_corte, self), ""):
            self.sig_mudou.emit(f"Nota lançada; candidatura {c['numero']}: {self.dialogo.resultado['motivo']}.")

    def _on_parentesco(self) -> None:
        sessao, pid = self._sessao, self._pid
        self.abrir(lambda: candidaturas.listar_candidaturas(sessao, pid),
                   lambda cands: DialogoParentesco(sessao, cands, self), "Parentesco registrado (art. 15).")

    def _on_reabrir(self) -> None:
        sessao, pid = self._sessao, self._pid
        self.abrir(lambda: (processo.obter_processo(sessao, pid),
                            len(candidaturas.listar_candidaturas(sessao, pid, "habilitado"))),
                   lambda lido: DialogoReabertura(sessao, pid, *lido, parent=self),
                   "Inscrições reabertas (art. 13 §1º); o prazo de impugnação foi recalculado (art. 11 §2º).")

    def _on_homologar(self) -> None:
        sessao, pid = self._sessao, self._pid
        servicos.gravar(self, "Homologando a lista…", lambda: len(candidaturas.homologar(sessao, pid)),
                        self._on_homologada, titulo_erro="Homologar", ao_recusar=lambda erro: self.sig_mudou.emit(str(erro)))

    def _on_homologada(self, habilitados: int) -> None:
        self.sig_mudou.emit(f"Lista homologada com {habilitados} habilitados (art. 11 §6º).")


class AbaImpugnacoes(_Aba):
    def __init__(self, sessao, processo_id: str, parent: QWidget | None = None):
        super().__init__(sessao, processo_id, parent)
        self.prazo = QLabel(self)
        self.prazo.setWordWrap(True)
        self.lista: list[dict] = []
        self.botao("&Nova impugnação ou denúncia…", self._on_nova)
        self.etapa = self.botao("&Próxima etapa da selecionada…", self._on_etapa)
        self._lay = QVBoxLayout(self)
        self._lay.addWidget(self.prazo)
        self._lay.addLayout(self.botoes)
        self.tabela: QTableWidget | None = None
        self.recarregar()

    def recarregar(self) -> None:
        sessao, pid = self._sessao, self._pid
        servicos.consulta(self, lambda: (processo.obter_processo(sessao, pid), impugnacoes.listar(sessao, pid)),
                          lambda lido: self._on_lidas(*lido), titulo_erro="Impugnações", chave="lista")

    def _on_lidas(self, p: dict, lista: list[dict]) -> None:
        self.prazo.setText(f"Prazo de impugnação: de {formato.data(p['publicacao_inscritos'])} a {formato.data(p['impugnacao_fim'])} "
                           "(5 dias contados da publicação dos inscritos, Lei 320/2023, art. 11 §2º).")
        self.lista = lista
        nova = tabela_impugnacoes(self.lista, self)
        if self.tabela is not None:
            self._lay.replaceWidget(self.tabela, nova)
            self.tabela.deleteLater()
        else:
            self._lay.addWidget(nova, 1)
        self.tabela = nova
        self.tabela.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)

    def _on_nova(self) -> None:
        sessao, pid = self._sessao, self._pid
        self.abrir(lambda: (processo.obter_processo(sessao, pid), candidaturas.listar_candidaturas(sessao, pid)),
                   lambda lido: DialogoApresentar(sessao, *lido, parent=self),
                   "Impugnação registrada; o candidato fica sub judice até a decisão final (art. 11 §§3º-5º).")

    def _on_etapa(self) -> None:
        linha = self.tabela.currentRow()
        if not 0 <= linha < len(self.lista):
            self.sig_mudou.emit("Selecione a impugnação na tabela.")
            return
        i = self.lista[linha]
        if not impugnacoes.etapas_possiveis(i):
            self.sig_mudou.emit("Esta impugnação já teve decisão final (recurso julgado pelo CMDCA).")
            return
        self.exibir(DialogoEtapa(self._sessao, i, self), "Etapa da impugnação registrada.")


class AbaSecoes(_Aba):
    def __init__(self, sessao, processo_id: str, parent: QWidget | None = None):
        super().__init__(sessao, processo_id, parent)
        self.tabela = QTableWidget(0, 5, self)
        self.tabela.setObjectName("secoes")
        self.tabela.setHorizontalHeaderLabels(["Seção", "Local", "Aptos", "Votação", "Apuração"])
        self.tabela.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.botao("Nova &seção…", self._on_nova)
        lay = QVBoxLayout(self)
        lay.addLayout(self.botoes)
        lay.addWidget(self.tabela, 1)
        self.recarregar()

    def recarregar(self) -> None:
        sessao, pid = self._sessao, self._pid
        servicos.consulta(self, lambda: votacao.listar_secoes(sessao, pid), self._on_lidas, titulo_erro="Seções",
                          chave="lista")

    def _on_lidas(self, secoes: list[dict]) -> None:
        self.tabela.setRowCount(len(secoes))
        for i, s in enumerate(secoes):
            estado = "apurada" if s["apurada"] else ("divergente" if s["digitacoes"] >= 2 else
                                                      f"{s['digitacoes']} digitação(ões)")
            for j, v in enumerate((s["numero"], s["local"], formato.numero(s['aptos']),
                                   "urna eletrônica" if s["tipo"] == "urna" else "cédulas", estado)):
                self.tabela.setItem(i, j, _item(v))

    def _on_nova(self) -> None:
        self.exibir(DialogoSecao(self._sessao, self._pid, self), "Seção cadastrada.")
