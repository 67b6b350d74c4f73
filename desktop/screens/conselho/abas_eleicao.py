"""Abas de cadastro do processo de escolha: candidatos (inscrição, análise, prova, parentesco, reabertura, homologação), impugnações e seções.

Os botões abrem os formulários de ``dialogos_candidatura`` e ``dialogos_impugnacao``; depois de
gravar, a aba recarrega e emite ``sig_mudou`` (a fase do processo pode ter mudado). As listas são lidas
fora da thread da interface (``widgets.servicos.consulta``; ``carregando`` até a mais nova chegar) e mostradas
na tabela comum (``widgets.tabela.Lista``: ordena pelo cabeçalho, a candidatura escolhida continua escolhida —
pelo id — quando a lista é relida; Enter ou duplo clique abre a análise documental).
"""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.rules import formato
from desktop.rules.papeis import Permissao
from desktop.screens.widgets import servicos
from desktop.screens.widgets.fluxo import LayoutFluxo
from desktop.services.eleicao import candidaturas, impugnacoes, processo, votacao
from desktop.screens.widgets.divisor import criar_divisor
from desktop.screens.widgets.situacao import reservar_linhas
from desktop.screens.widgets.tabela import Coluna, Lista

from .dialogos_candidatura import (DialogoAnalise, DialogoInscricao, DialogoNota, DialogoParentesco,
                                   DialogoReabertura)
from .dialogos_impugnacao import DialogoApresentar, DialogoEtapa, DialogoSecao, lista_impugnacoes


def _nota(c: dict) -> str:
    return (c["nota_prova"] or "—").replace(".", ",")


COLUNAS_CANDIDATOS = [
    Coluna("Nº", lambda c: str(c["numero"]), lambda c: c["numero"], alinhamento="direita", largura=50),
    Coluna("Nome", lambda c: c["nome_urna"], largura=220),
    Coluna("Situação", lambda c: c["situacao"] + (" (sub judice)" if c["sub_judice"] else ""), largura=170),
    Coluna("Nota", _nota, lambda c: Decimal(c["nota_prova"]) if c["nota_prova"] else None,
           alinhamento="direita", largura=60, titulo_longo="Nota da prova (art. 7º §1º)"),
    Coluna("Motivo", lambda c: c["motivo"] or "", esticar=True, largura=200),
]
COLUNAS_CHECKLIST = [
    Coluna("Requisito", lambda r: r["descricao"], largura=330),
    Coluna("Documento apresentado", lambda r: r["documento"] or "—", largura=260),
    Coluna("Situação", lambda r: r["situacao"], largura=90),
    Coluna("Motivo / artigo", lambda r: r["motivo"] or r["artigo"], esticar=True, largura=200),
]


def _estado_secao(s: dict) -> str:
    return "apurada" if s["apurada"] else ("divergente" if s["digitacoes"] >= 2 else f"{s['digitacoes']} digitação(ões)")


COLUNAS_SECOES = [
    Coluna("Seção", lambda s: str(s["numero"]), lambda s: s["numero"], alinhamento="direita", largura=60),
    Coluna("Local", lambda s: s["local"], esticar=True, largura=220),
    Coluna("Aptos", lambda s: formato.numero(s["aptos"]), lambda s: s["aptos"], alinhamento="direita", largura=70),
    Coluna("Votação", lambda s: "urna eletrônica" if s["tipo"] == "urna" else "cédulas", largura=140),
    Coluna("Apuração", _estado_secao, largura=150),
]


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


_POR_CANDIDATURA = ("analisar", "nota")  # os atos sobre a candidatura escolhida na lista
_ESCOLHA = "Escolha uma candidatura na lista (Enter ou duplo clique abre a análise documental dela)."


class AbaCandidatos(_Aba):
    def __init__(self, sessao, processo_id: str, parent: QWidget | None = None):
        super().__init__(sessao, processo_id, parent)
        self.cands: list[dict] = []  # as da última leitura
        # Enter ou duplo clique: a análise documental da candidatura (ou, no checklist, do requisito)
        self.lista = Lista(COLUNAS_CANDIDATOS, self, nome="Candidatos", ao_mudar=self._on_linha,
                           ao_abrir=self._on_analisar if self.pode_editar else None)
        self.tabela = self.lista.visao
        self.tabela.setObjectName("candidatos")
        self.checklist = Lista(COLUNAS_CHECKLIST, self, nome="Requisitos da candidatura", chave="requisito",
                               ao_abrir=self._on_analisar_requisito if self.pode_editar else None)
        self.inscrever = self.botao("No&va inscrição…", self._on_inscrever)
        self.analisar = self.botao("Aná&lise documental…", self._on_analisar)
        self.nota = self.botao("Nota da p&rova…", self._on_nota)
        self.parentesco = self.botao("Par&entesco (art. 15)…", self._on_parentesco)
        self.reabrir = self.botao("Reabrir inscrições (art. 13)…", self._on_reabrir)
        self.homologar = self.botao("&Homologar a lista de habilitados", self._on_homologar)
        # cada ato que a fase ou as datas podem recusar e o que o serviço diz dele (candidaturas.recusas: o motivo,
        # com o artigo, na dica do botão); até a leitura, desabilitados
        self._atos = {self.inscrever: "inscrever", self.homologar: "homologar", self.reabrir: "reabrir",
                      self.parentesco: "parentesco", self.analisar: "analisar", self.nota: "nota"}
        self.recusas: dict[str, str] = {}  # as da última leitura, o mais importante primeiro
        self.em_foco: str | None = None  # o ato do botão sob o mouse ou com o foco do teclado
        for b in self._atos:
            b.setEnabled(False)
            b.installEventFilter(self)
        # por que um ato não cabe agora: um motivo só — o do botão sob o mouse ou com o foco, ou então o do próximo
        # passo do processo (o primeiro das recusas). Antes, os quatro empilhados (até sete linhas a 1366×768)
        # empurravam a lista para baixo; cada botão continua com o seu na dica
        self.motivo = QLabel(self)
        self.motivo.setObjectName("motivo")
        self.motivo.setWordWrap(True)
        if self.pode_editar:
            reservar_linhas(self.motivo)  # o motivo muda com o foco; a lista embaixo não pula
        else:
            self.motivo.setVisible(False)  # quem só lê não tem os botões
        divisor = criar_divisor(Qt.Orientation.Vertical, self)
        divisor.addWidget(self.tabela)
        divisor.addWidget(self.checklist.visao)
        lay = QVBoxLayout(self)
        lay.addLayout(self.botoes)
        lay.addWidget(self.motivo)
        lay.addWidget(divisor, 1)
        self.recarregar()

    def recarregar(self) -> None:
        sessao, pid = self._sessao, self._pid
        servicos.consulta(self, lambda: (candidaturas.listar_candidaturas(sessao, pid),
                                         candidaturas.recusas(sessao, pid)),
                          lambda lido: self._on_lidas(*lido), titulo_erro="Candidatos", chave="lista")

    def _on_lidas(self, cands: list[dict], recusas: dict[str, str] | None = None) -> None:
        """A lista relida: a candidatura que estava escolhida continua escolhida (pelo id, mesmo se a ordem mudou)
        e o seu checklist é relido (a análise gravada muda a situação dos requisitos). Inscrever, homologar, reabrir,
        parentesco, análise documental e nota ficam desabilitados quando o serviço os recusaria
        (``candidaturas.recusas``: a fase, as datas, os habilitados), cada um com o seu motivo (com o artigo, do
        serviço) na dica (``_habilitar``); a linha de situação mostra um motivo só (``_mostrar_motivo``)."""
        self.recusas = recusas or {}
        self.cands = cands
        self.lista.definir_linhas(cands)
        self._on_linha()

    def _habilitar(self) -> None:
        """Cada ato habilitado se o serviço o aceita; a análise e a nota, também só com uma candidatura escolhida.
        A dica do desabilitado diz por quê (a recusa do serviço, com o artigo, ou que falta escolher)."""
        escolhida = self.selecionada() is not None
        for botao, acao in self._atos.items():
            falta = _ESCOLHA if acao in _POR_CANDIDATURA and not escolhida and acao not in self.recusas else None
            botao.setEnabled(acao not in self.recusas and falta is None)
            botao.setToolTip(self.recusas.get(acao) or falta or "")
        self._mostrar_motivo()

    def _mostrar_motivo(self) -> None:
        """O motivo do botão sob o mouse ou com o foco, se ele está recusado; senão o mais importante (o do próximo
        passo do processo, o primeiro de ``candidaturas.recusas``); nada, se todos cabem."""
        if self.em_foco in self.recusas:
            texto = self.recusas[self.em_foco]
        elif self.em_foco in _POR_CANDIDATURA and self.selecionada() is None:
            texto = _ESCOLHA
        else:
            texto = next(iter(self.recusas.values()), "")
        self.motivo.setText(texto)

    def eventFilter(self, obj, evento) -> bool:  # noqa: N802 — nome do Qt
        """O mouse que entra num botão de ato (mesmo desabilitado: o Qt entrega a entrada) ou o foco do teclado nele
        trazem o motivo dele à linha de situação; ao sair, volta o mais importante."""
        acao = self._atos.get(obj) if isinstance(obj, QPushButton) else None
        if acao is not None:
            tipo = evento.type()
            if tipo in (QEvent.Type.Enter, QEvent.Type.FocusIn):
                self.em_foco = acao
                self._mostrar_motivo()
            elif tipo in (QEvent.Type.Leave, QEvent.Type.FocusOut) and self.em_foco == acao:
                self.em_foco = None
                self._mostrar_motivo()
        return super().eventFilter(obj, evento)

    def selecionada(self) -> dict | None:
        return self.lista.selecionada()

    def _on_linha(self) -> None:
        c = self.selecionada()
        self._habilitar()
        if c is None:
            self.checklist.definir_linhas([])
            return
        sessao = self._sessao
        servicos.consulta(self, lambda: candidaturas.checklist(sessao, c["id"]), self._on_checklist,
                          titulo_erro="Candidatos", chave="checklist")

    def _on_checklist(self, reqs: list[dict]) -> None:
        c = self.selecionada()
        if c is None or any(r["candidatura_id"] != c["id"] for r in reqs):
            return  # a escolha mudou enquanto este checklist era lido: o da escolhida vem depois
        self.checklist.definir_linhas(reqs)

    def _on_inscrever(self) -> None:
        sessao, pid = self._sessao, self._pid
        self.abrir(lambda: (processo.obter_processo(sessao, pid), processo.dia_de_registro()),
                   lambda lido: DialogoInscricao(sessao, pid, lido[0], self, hoje=lido[1]), "",
                   lambda: self.sig_mudou.emit(f"Candidatura {self.dialogo.resultado['numero']} inscrita: "
                                               f"{self.dialogo.resultado['motivo']}."))

    def _on_analisar(self, *_linha, requisito: str | None = None) -> None:
        if (c := self.selecionada()) and not self.analisar.isEnabled() and "analisar" in self.recusas:
            self.sig_mudou.emit(self.recusas["analisar"])  # Enter na linha: por que não abre, com o artigo
            return
        if c and self.analisar.isEnabled():
            sessao = self._sessao
            self.abrir(lambda: candidaturas.checklist(sessao, c["id"]),
                       lambda checklist: DialogoAnalise(sessao, c, checklist, self, requisito=requisito), "",
                       lambda: self.sig_mudou.emit(f"Análise gravada; candidatura {c['numero']}: "
                                                   f"{self.dialogo.resultado['motivo']}."))

    def _on_analisar_requisito(self, r: dict) -> None:
        """Enter ou duplo clique num requisito do checklist: a análise já nesse requisito."""
        self._on_analisar(requisito=r["requisito"])

    def _on_nota(self) -> None:
        if (c := self.selecionada()) and self.nota.isEnabled():
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
        self.nova = self.botao("No&va impugnação ou denúncia…", self._on_nova)
        self.etapa = self.botao("Próxima &etapa da selecionada…", self._on_etapa)
        # a tabela comum: a impugnação escolhida (pelo id) continua escolhida quando a lista é relida;
        # Enter ou duplo clique abre a próxima etapa dela
        self.lista_impugnacoes = lista_impugnacoes(self, ao_abrir=self._on_abrir)
        self.tabela = self.lista_impugnacoes.visao
        lay = QVBoxLayout(self)
        lay.addWidget(self.prazo)
        lay.addLayout(self.botoes)
        lay.addWidget(self.tabela, 1)
        self.recarregar()

    def recarregar(self) -> None:
        sessao, pid = self._sessao, self._pid
        servicos.consulta(self, lambda: (processo.obter_processo(sessao, pid), impugnacoes.listar(sessao, pid),
                                         processo.por_que_sem_impugnacao(sessao, pid),
                                         processo.por_que_sem_apresentacao(sessao, pid)),
                          lambda lido: self._on_lidas(*lido), titulo_erro="Impugnações", chave="lista")

    def _on_lidas(self, p: dict, lista: list[dict], sem_impugnacao: str | None = None,
                  sem_apresentacao: str | None = None) -> None:
        """O prazo de impugnação — ou, antes da lista de inscritos publicada, por que ainda não há impugnação (as
        denúncias de conduta vedada seguem aceitas). Com a lista homologada e o resultado publicado, nem uma nem
        outra: "Nova impugnação ou denúncia…" fica desligado com o motivo (arts. 11 §6º e 14 §1º) na dica."""
        self.nova.setEnabled(sem_apresentacao is None)
        self.nova.setToolTip(sem_apresentacao or "")
        if sem_impugnacao:
            self.prazo.setText(f"{sem_impugnacao} Denúncias de conduta vedada de candidato inscrito podem ser registradas.")
        else:
            self.prazo.setText(f"Prazo de impugnação: de {formato.data(p['publicacao_inscritos'])} a "
                               f"{formato.data(p['impugnacao_fim'])} (5 dias contados da publicação dos inscritos, "
                               "Lei 320/2023, art. 11 §2º)." + (f" {sem_apresentacao}" if sem_apresentacao else ""))
        self.lista = lista
        self.lista_impugnacoes.definir_linhas(lista)

    def _on_nova(self) -> None:
        if not self.nova.isEnabled():
            return
        sessao, pid = self._sessao, self._pid
        self.abrir(lambda: (processo.obter_processo(sessao, pid), candidaturas.listar_candidaturas(sessao, pid)),
                   lambda lido: DialogoApresentar(sessao, *lido, parent=self),
                   "Impugnação registrada; o candidato fica sub judice até a decisão final (art. 11 §§3º-5º).")

    def _on_abrir(self, i: dict) -> None:
        self.lista_impugnacoes.selecionar(i["id"])
        if self.pode_editar:
            self._on_etapa()

    def _on_etapa(self) -> None:
        i = self.lista_impugnacoes.selecionada()  # a escolhida na tabela, pelo id (a tabela pode estar ordenada)
        if i is None:
            self.sig_mudou.emit("Selecione a impugnação na tabela.")
            return
        if not impugnacoes.etapas_possiveis(i):
            self.sig_mudou.emit("Esta impugnação já teve decisão final (recurso julgado pelo CMDCA).")
            return
        self.exibir(DialogoEtapa(self._sessao, i, self), "Etapa da impugnação registrada.")


class AbaSecoes(_Aba):
    def __init__(self, sessao, processo_id: str, parent: QWidget | None = None):
        super().__init__(sessao, processo_id, parent)
        self.lista = Lista(COLUNAS_SECOES, self, nome="Seções de votação")
        self.tabela = self.lista.visao
        self.tabela.setObjectName("secoes")
        self.nova = self.botao("No&va seção…", self._on_nova)
        self.nova.setEnabled(False)  # até a leitura dizer se a fase admite seção nova
        # por que não se cadastra seção agora (edital não publicado, apuração começada), do serviço, com o artigo: antes
        # o formulário abria, a comissão digitava número, local e aptos, e só ao gravar vinha a recusa
        self.motivo = QLabel(self)
        self.motivo.setObjectName("motivo")
        self.motivo.setWordWrap(True)
        if self.pode_editar:
            reservar_linhas(self.motivo)
        else:
            self.motivo.setVisible(False)
        lay = QVBoxLayout(self)
        lay.addLayout(self.botoes)
        lay.addWidget(self.motivo)
        lay.addWidget(self.tabela, 1)
        self.recarregar()

    def recarregar(self) -> None:
        sessao, pid = self._sessao, self._pid
        servicos.consulta(self, lambda: (votacao.listar_secoes(sessao, pid), votacao.por_que_sem_secao(sessao, pid)),
                          lambda lido: self._on_lidas(*lido), titulo_erro="Seções", chave="lista")

    def _on_lidas(self, secoes: list[dict], sem_secao: str | None = None) -> None:
        self.nova.setEnabled(sem_secao is None)
        self.nova.setToolTip(sem_secao or "")
        self.motivo.setText(sem_secao or "")
        self.lista.definir_linhas(secoes)

    def _on_nova(self) -> None:
        if self.nova.isEnabled():
            self.exibir(DialogoSecao(self._sessao, self._pid, self), "Seção cadastrada.")
