"""Aba "Processo de escolha": calendário, candidatos, impugnações, seções, apuração por dupla digitação, painel e documentos."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.rules.papeis import Permissao
from desktop.screens.widgets import formato, servicos
from desktop.screens.widgets.descarte import descartar
from desktop.screens.widgets.emissao import emitir_em_segundo_plano
from desktop.services.eleicao import processo, relatorios

from desktop.screens.widgets.situacao import reservar_linhas
from desktop.screens.widgets.tabela import Coluna, Lista
from .abas_eleicao import AbaCandidatos, AbaImpugnacoes, AbaSecoes
from .apuracao import DigitacaoBoletim, PainelApuracao
from .dialogos_candidatura import DialogoPublicacao, DialogoRetificacao
from .encerramento import AbaEncerramento

# "Encerrar e dar posse" fica na aba "Auditoria e posse" (encerramento.py).

COLUNAS_CALENDARIO = [  # a etapa ordena pela ordem da lei (art. 7º §1º); a data, pela data
    Coluna("Etapa (art. 7º §1º)", lambda e: e["rotulo"], lambda e: e["ordem"], esticar=True, largura=260),
    Coluna("Data", lambda e: formato.data(e["data"]), lambda e: e["data"], largura=100),
]


def _cabecalho(sessao, pid: str) -> tuple:
    """O processo, onde está no calendário de hoje, a fase gravada em palavras e, para cada publicação, por que não
    se registra hoje e por que a data registrada não se retifica mais (lidos fora da thread da interface; a tela só
    chama serviços por ``widgets.servicos``)."""
    p = processo.obter_processo(sessao, pid)
    return (p, processo.momento(sessao, pid), processo.nome_da_fase(p), processo.por_que_sem_publicacao(sessao, pid),
            processo.por_que_sem_retificacao(sessao, pid), processo.dia_de_registro())


def ms_ate_a_virada(agora: datetime) -> int:
    """Milissegundos de ``agora`` (hora local) até a meia-noite seguinte, mais meio segundo de folga: o ``QTimer``
    da virada do dia dispara já no dia novo."""
    amanha = datetime.combine(agora.date() + timedelta(days=1), datetime.min.time(), agora.tzinfo)
    return int((amanha - agora).total_seconds() * 1000) + 500


COLUNAS_RETIFICACOES = [  # a trilha das retificações de data (processo.retificacoes, do diário)
    Coluna("Quando", lambda r: formato.momento(r["momento"]), lambda r: r["momento"], largura=120),
    Coluna("Por", lambda r: r["por"], largura=150, dica=lambda r: f"login {r['login']}"),
    Coluna("Publicação", lambda r: r["rotulo"].removeprefix("da ").removeprefix("do ").capitalize(), largura=140),
    Coluna("Data antiga → nova", lambda r: f"{formato.data(r['antes'])} → {formato.data(r['depois'])}", largura=160),
    Coluna("Motivo", lambda r: r["motivo"], esticar=True, largura=200, dica=lambda r: r["motivo"]),
]
_LINHAS_RETIFICACOES = 3  # à vista sem rolar; mais que isso, a lista rola (o calendário fica inteiro a 1366×768)


def _processo_e_calendario(sessao, pid: str) -> tuple:
    """O processo, onde está no calendário, os problemas do calendário e as retificações de data das publicações
    (lidos fora da thread da interface)."""
    cabecalho = _cabecalho(sessao, pid)
    return (cabecalho, [str(x) for x in processo.conferir_calendario(sessao, processo.calendario(sessao, pid))],
            processo.retificacoes(sessao, pid))


def _emitir_documento(sessao, pid: str, qual: str, secao: str | None):
    """Emite o documento pedido (roda fora da thread da interface)."""
    if qual in ("inscritos", "habilitados"):
        return relatorios.emitir_lista(sessao, pid, habilitados=qual == "habilitados")
    if qual == "boletim":
        return relatorios.emitir_boletim(sessao, secao)
    return relatorios.emitir_ata(sessao, pid) if qual == "ata" else relatorios.emitir_resultado(sessao, pid)


_DICA_DOCUMENTOS = "Documento desligado ainda não sai: aponte o mouse para ele e o motivo, com o artigo, aparece aqui."


class ProcessoEscolha(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.tarefa = None  # gravação ou emissão em andamento (servicos.operacao)
        self.carregando = False
        self.processos = QComboBox()
        # o texto inteiro ("2027 — eleição em 03/10/2027"): a fase ao lado esticava e cortava o ano e a data
        self.processos.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.fase = QLabel()
        self.fase.setWordWrap(True)
        self.mensagem = QLabel()
        self.mensagem.setWordWrap(True)
        reservar_linhas(self.mensagem)  # a mensagem muda; os botões não pulam
        self.abrir = QPushButton("A&brir processo de escolha")
        self.abrir.setVisible(sessao.pode(Permissao.ELEICAO_EDITAR))
        self.abas = QTabWidget()
        topo = QHBoxLayout()
        topo.addWidget(QLabel("Processo:"))
        topo.addWidget(self.processos)
        topo.addWidget(self.fase, 1)
        topo.addWidget(self.abrir)
        lay = QVBoxLayout(self)
        lay.addLayout(topo)
        lay.addWidget(self.mensagem)
        lay.addWidget(self.abas, 1)
        self.digitacao = self.painel = self.candidatos = self.impugnacoes = self.secoes = self.encerramento = None
        self.documentos: dict[str, QPushButton] = {}  # os botões da aba Documentos, pelo documento
        self.calendario: Lista | None = None  # a lista do calendário do processo escolhido
        self.publicar_edital = self.publicar_inscritos = self.retificar = None  # os atos, na aba do calendário
        self.retificacoes: Lista | None = None  # e a trilha das retificações de data, embaixo do calendário
        self.titulo_retificacoes: QLabel | None = None
        # na virada do dia (um prazo que termina à meia-noite), o cabeçalho e as abas são relidos: os botões da
        # eleição seguem as travas de data do dia novo sem esperar outra releitura (_on_virada)
        self.dia: date | None = None  # o "hoje" dos serviços na última leitura do cabeçalho
        self.agora = datetime.now  # o relógio que arma a virada (os testes trocam; o "hoje" é o dos serviços)
        self.virada = QTimer(self)
        self.virada.setSingleShot(True)
        self.virada.setTimerType(Qt.TimerType.VeryCoarseTimer)  # ao segundo (o "coarse" erra até 5%: 3 min em 1 h)
        self.virada.timeout.connect(self._on_virada)
        self.processos.currentIndexChanged.connect(self._on_processo)
        self.abrir.clicked.connect(self._on_abrir)
        self.recarregar()

    def recarregar(self) -> None:
        """Relê os processos fora da thread da interface (as abas do escolhido vêm depois, ``_on_processo``)."""
        sessao = self._sessao
        servicos.consulta(self, lambda: processo.listar_processos(sessao), self._on_processos,
                          titulo_erro="Processo de escolha", chave="processos")

    def _on_processos(self, processos: list[dict]) -> None:
        self.processos.blockSignals(True)
        self.processos.clear()
        for p in processos:
            self.processos.addItem(f"{p['ano']} — eleição em {formato.data(p['eleicao'])}", p["id"])
        self.processos.blockSignals(False)
        self._on_processo()

    def _on_abrir(self) -> None:
        sessao = self._sessao

        def abrir() -> int:
            ano = processo.proximo_ano(sessao)
            processo.abrir_processo(sessao, processo.calendario_sugerido(sessao, ano), nota_corte="60")
            return ano

        servicos.gravar(self, "Abrindo o processo de escolha…", abrir, self._on_aberto, titulo_erro="Abrir processo",
                        ao_recusar=self._on_recusado)

    def _on_aberto(self, ano: int) -> None:
        self.mensagem.setText(f"Processo de {ano} aberto com o calendário que a lei admite; a comissão "
                              "publica o edital até a data indicada (art. 7º) e registra a publicação na aba "
                              "Calendário — só então as inscrições abrem.")
        self.recarregar()

    def _on_processo(self, *_a) -> None:
        self.virada.stop()  # o cabeçalho do processo escolhido arma de novo (_on_fase)
        while self.abas.count():
            w = self.abas.widget(0)
            self.abas.removeTab(0)
            descartar(w)  # as abas têm modelos de tabela criados no Python (widgets.descarte)
        self.digitacao = self.painel = self.candidatos = self.impugnacoes = self.secoes = self.encerramento = None
        self.calendario = self.publicar_edital = self.publicar_inscritos = self.retificar = None
        self.retificacoes = self.titulo_retificacoes = None
        self.documentos: dict[str, QPushButton] = {}  # os botões da aba Documentos, pelo documento
        pid = self.processos.currentData()
        if not pid:
            self.fase.setText("Nenhum processo de escolha cadastrado.")
            return
        sessao = self._sessao
        servicos.consulta(self, lambda: _processo_e_calendario(sessao, pid), lambda lido: self._montar(pid, *lido),
                          titulo_erro="Processo de escolha", chave="processo")

    def _montar(self, pid: str, cabecalho: tuple, problemas: list[str], retificacoes: list[dict]) -> None:
        self.abas.addTab(self._calendario(pid, cabecalho[0], problemas, retificacoes), "&Calendário")
        self._on_fase(cabecalho)
        self.candidatos = AbaCandidatos(self._sessao, pid)
        self.impugnacoes = AbaImpugnacoes(self._sessao, pid)
        self.secoes = AbaSecoes(self._sessao, pid)
        for aba in (self.candidatos, self.impugnacoes, self.secoes):
            aba.sig_mudou.connect(self._on_mudou)
        self.abas.addTab(self.candidatos, "Ca&ndidatos")
        self.abas.addTab(self.impugnacoes, "&Impugnações")
        self.abas.addTab(self.secoes, "&Seções")
        self.digitacao = DigitacaoBoletim(self._sessao, pid)
        self.painel = PainelApuracao(self._sessao, pid)
        self.digitacao.sig_apurada.connect(self.painel.recarregar)
        self.digitacao.sig_apurada.connect(lambda: self.encerramento.recarregar())
        self.abas.addTab(self.digitacao, "&Dupla digitação")
        self.abas.addTab(self.painel, "&Painel da apuração")
        self.encerramento = AbaEncerramento(self._sessao, pid, mensagem=self.mensagem)  # a barra do processo
        self.encerramento.sig_mudou.connect(self._on_mudou)
        self.abas.addTab(self.encerramento, "Audi&toria e posse")
        self.abas.addTab(self._documentos(pid), "D&ocumentos")

    def _calendario(self, pid: str, p: dict, problemas: list[str], retificacoes: list[dict]) -> QWidget:
        from desktop.rules.eleicao.calendario import ETAPAS

        w = QWidget()
        botoes = QHBoxLayout()
        self.publicar_edital = QPushButton("Registrar a publicação do &edital…", w)
        self.publicar_inscritos = QPushButton("Registrar a publicação da &lista de inscritos…", w)
        for botao, qual in ((self.publicar_edital, "edital"), (self.publicar_inscritos, "inscritos")):
            botao.setVisible(self._sessao.pode(Permissao.ELEICAO_EDITAR))
            botao.clicked.connect(lambda _=False, qual=qual: self._on_publicar(pid, qual))
            botoes.addWidget(botao)
        # a data registrada de uma publicação que saiu em outro dia, enquanto nada depende dela (_on_fase habilita)
        self.retificar = QPushButton("Reti&ficar a data de uma publicação…", w)
        self.retificar.setVisible(self._sessao.pode(Permissao.ELEICAO_EDITAR))
        self.retificar.setEnabled(False)
        self.retificar.clicked.connect(lambda: self._on_retificar(pid))
        botoes.addWidget(self.retificar)
        botoes.addStretch(1)
        self.calendario = Lista(COLUNAS_CALENDARIO, w, nome="Calendário do processo de escolha", chave="campo")
        self.calendario.definir_linhas([{"ordem": i, "campo": campo, "rotulo": rotulo.capitalize(), "data": p[campo]}
                                        for i, (campo, rotulo) in enumerate(ETAPAS)])
        lay = QVBoxLayout(w)
        lay.addLayout(botoes)
        lay.addWidget(self.calendario.visao)
        # quem retificou a data de uma publicação, quando, a data antiga e a nova e o motivo (a trilha do diário)
        self.titulo_retificacoes = QLabel(f"Retificações de data de publicação ({len(retificacoes)}):", w)
        self.retificacoes = Lista(COLUNAS_RETIFICACOES, w, nome="Retificações de data de publicação", chave="momento")
        self.retificacoes.definir_linhas(retificacoes)
        visao = self.retificacoes.visao
        linha = visao.verticalHeader().defaultSectionSize()
        visao.setMaximumHeight(min(len(retificacoes), _LINHAS_RETIFICACOES) * linha
                               + visao.horizontalHeader().sizeHint().height() + 2 * visao.frameWidth() + 2)
        for x in (self.titulo_retificacoes, visao):
            x.setVisible(bool(retificacoes))
            lay.addWidget(x)
        aviso = QLabel("\n".join(problemas) or "Calendário conforme a Lei 320/2023 (arts. 5º, 7º, 11 §2º e 14 §2º).")
        aviso.setWordWrap(True)
        lay.addWidget(aviso)
        return w

    def _on_publicar(self, pid: str, qual: str) -> None:
        """Registra a publicação do edital ou da lista de inscritos (o formulário lê o processo antes, fora da
        thread da interface); gravado, a fase, o calendário e as abas são relidos."""
        sessao = self._sessao

        def _on_lido(lido: tuple) -> None:
            self.dialogo = DialogoPublicacao(sessao, pid, lido[0], qual, self, hoje=lido[1])
            if self.dialogo.exec() == DialogoPublicacao.DialogCode.Accepted:
                self.mensagem.setText(
                    "Edital publicado: as inscrições estão abertas no prazo do edital." if qual == "edital" else
                    "Lista de inscritos publicada: as inscrições fecharam e corre o prazo de impugnação.")
                self._on_processo()

        servicos.consulta(self, lambda: (processo.obter_processo(sessao, pid), processo.dia_de_registro()), _on_lido,
                          titulo_erro="Processo de escolha")

    def _on_retificar(self, pid: str) -> None:
        """Retifica a data registrada de uma publicação (o formulário lê o processo e as publicações que ainda se
        retificam antes, fora da thread da interface); gravado, a fase, o calendário e as abas são relidos."""
        sessao = self._sessao

        def _on_lido(lido: tuple) -> None:
            p, sem = lido
            self.dialogo = DialogoRetificacao(sessao, pid, p, [q for q, m in sem.items() if m is None], self)
            if self.dialogo.exec() == DialogoRetificacao.DialogCode.Accepted:
                substituidos = (self.dialogo.resultado or {}).get("substituidos") or []
                self.mensagem.setText("Data da publicação retificada; a data antiga, a nova e o motivo estão no diário."
                                      + (f" Deixou de valer (citava a data antiga): {'; '.join(substituidos)} — emita "
                                         "de novo na aba Documentos." if substituidos else ""))
                self._on_processo()

        servicos.consulta(self, lambda: (processo.obter_processo(sessao, pid), processo.por_que_sem_retificacao(sessao, pid)),
                          _on_lido, titulo_erro="Processo de escolha")

    def _on_virada(self) -> None:
        """Meia-noite: se o "hoje" dos serviços mudou, relê o cabeçalho e as abas (tudo fora da thread da interface,
        por ``servicos.consulta``); se o relógio disparou cedo, só arma de novo (``_on_fase`` arma na releitura)."""
        if not self.processos.currentData() or self.dia is None:
            return

        def _on_dia(hoje: date) -> None:
            if self.candidatos is None:  # as abas estão sendo remontadas: a remontagem relê tudo e arma de novo
                return
            if hoje != self.dia:
                self._on_mudou("")
            else:
                self.virada.start(ms_ate_a_virada(self.agora()))

        servicos.consulta(self, processo.dia_de_registro, _on_dia, titulo_erro="Processo de escolha", chave="virada")

    def _on_mudou(self, mensagem: str) -> None:
        """Algo foi gravado numa aba: atualiza a fase e as outras abas, sem perder a aba atual."""
        if mensagem:
            self.mensagem.setText(mensagem)
        sessao, pid = self._sessao, self.processos.currentData()
        servicos.consulta(self, lambda: _cabecalho(sessao, pid), self._on_fase,
                          titulo_erro="Processo de escolha", chave="fase")
        for aba in (self.candidatos, self.impugnacoes, self.secoes, self.digitacao, self.painel, self.encerramento):
            if aba is not self.sender():
                aba.recarregar()
        self._ler_documentos(pid)  # publicar o resultado ou registrar a sessão libera documentos

    def _on_fase(self, lido: tuple) -> None:
        """O cabeçalho: a fase gravada (o que a comissão e o CMDCA já fizeram: edital, lista de inscritos,
        homologação…) e onde o processo está no calendário de hoje, corrigido pelos atos (ambos do serviço)."""
        p, momento, fase, sem_publicacao, sem_retificacao, self.dia = lido
        self.virada.start(ms_ate_a_virada(self.agora()))
        partes = [f"Fase: {fase[:1].upper()}{fase[1:]}", str(momento)]
        # a posse e o fim do mandato, se o calendário do dia ainda não os disse (depois da posse: "Mandato de … a …")
        for rotulo, campo in (("posse", "posse"), ("mandato até", "fim_mandato")):
            if (dia := formato.data(p[campo])) not in partes[1]:
                partes.append(f"{rotulo} {dia}")
        self.fase.setText(" · ".join(partes))
        for botao, ato in ((self.publicar_edital, "edital"), (self.publicar_inscritos, "inscritos")):
            if botao is not None:  # nenhuma data cabe hoje: desabilitado com o motivo do serviço (com o artigo) na dica
                botao.setEnabled(sem_publicacao[ato] is None)
                botao.setToolTip(sem_publicacao[ato] or "")
        if self.retificar is not None:  # nenhuma cabe: desabilitado com os motivos do serviço (com o artigo) na dica
            self.retificar.setEnabled(any(m is None for m in sem_retificacao.values()))
            self.retificar.setToolTip("" if self.retificar.isEnabled() else "\n".join(sem_retificacao.values()))

    def _documentos(self, pid: str) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.addWidget(QLabel("Documentos registrados e verificáveis pelo código no rodapé:"))
        acoes = [("&Edital — lista de inscritos", "inscritos"), ("Lista de &habilitados", "habilitados"),
                 ("Bo&letim da seção escolhida na dupla digitação", "boletim"), ("Ata de apu&ração", "ata"),
                 ("Resultado o&ficial", "resultado")]
        self.documentos = {}
        for rotulo, qual in acoes:
            b = QPushButton(rotulo)
            b.setEnabled(self._sessao.pode(Permissao.DOCUMENTOS_EMITIR))
            b.clicked.connect(lambda _=False, qual=qual: self._emitir(pid, qual))
            lay.addWidget(b)
            self.documentos[qual] = b
        # o documento que ainda não sai fica desligado com o motivo (com o artigo, do serviço) na dica; a linha
        # abaixo mostra o do botão que o mouse aponta (antes: clicava-se, e a recusa vinha depois)
        self.motivo_documento = QLabel(w)
        self.motivo_documento.setWordWrap(True)
        reservar_linhas(self.motivo_documento)
        lay.addWidget(self.motivo_documento)
        self._motivos_documentos: dict[str, str] = {}
        for b in self.documentos.values():
            b.installEventFilter(self)
        lay.addStretch(1)
        self._ler_documentos(pid)
        return w

    def _ler_documentos(self, pid: str) -> None:
        if not self._sessao.pode(Permissao.DOCUMENTOS_EMITIR):
            return
        sessao = self._sessao
        servicos.consulta(self, lambda: relatorios.por_que_sem_documento(sessao, pid), self._on_documentos,
                          titulo_erro="Documentos", chave="documentos")

    def _on_documentos(self, motivos: dict[str, str]) -> None:
        if not self.documentos:
            return
        self._motivos_documentos = motivos
        for qual, b in self.documentos.items():
            b.setEnabled(qual not in motivos)
            b.setToolTip(motivos.get(qual, ""))
        self.motivo_documento.setText(_DICA_DOCUMENTOS if motivos else "")

    def eventFilter(self, obj, evento) -> bool:  # noqa: N802 — nome do Qt
        """O mouse (ou o foco) num botão de documento desligado traz o motivo dele à linha da aba Documentos."""
        qual = next((q for q, b in self.documentos.items() if b is obj), None)
        if qual is not None:
            if evento.type() in (QEvent.Type.Enter, QEvent.Type.FocusIn):
                self.motivo_documento.setText(self._motivos_documentos.get(qual) or (
                    _DICA_DOCUMENTOS if self._motivos_documentos else ""))
            elif evento.type() in (QEvent.Type.Leave, QEvent.Type.FocusOut):
                self.motivo_documento.setText(_DICA_DOCUMENTOS if self._motivos_documentos else "")
        return super().eventFilter(obj, evento)

    def _emitir(self, pid: str, qual: str) -> None:
        """Monta e registra o documento fora da thread da interface, com progresso, e depois pergunta onde salvar
        (``widgets.emissao``, a forma de todas as telas). A recusa vai para a barra de mensagem. A seção do
        boletim é a escolhida na dupla digitação (lida aqui). Um pedido por vez (``self.tarefa``)."""
        if self.tarefa is not None:
            return
        sessao, secao = self._sessao, self.digitacao.secao.currentData() if self.digitacao else None

        def _on_fim(_emitido) -> None:
            self.tarefa = None

        self.tarefa = emitir_em_segundo_plano(
            self, self.mensagem, "Emitir documento", lambda _p: _emitir_documento(sessao, pid, qual, secao),
            lambda emitido: f"{emitido.codigo}.pdf", ao_terminar=_on_fim, ao_recusar=self._on_recusado)

    def _on_recusado(self, erro: BaseException) -> None:
        self.mensagem.setText(str(erro))
