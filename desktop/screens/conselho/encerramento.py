"""Aba "Auditoria e posse" do processo de escolha: designações, sessão de apuração, fila de auditoria,
recontagem de boletim aceito, publicação do resultado e "Encerrar e dar posse".

Só chama os serviços (desktop.services.eleicao.*); as travas de data, de função designada e de prazo
estão lá, e a recusa (com o artigo) aparece na mensagem. Quem só consulta (MP, juízo) vê as tabelas e
a situação, sem os botões de gravar. As designações e a fila de auditoria são a tabela comum
(``widgets.tabela.Lista``): ordenam pelo cabeçalho e o boletim a liberar é o escolhido (pelo id), mesmo com a fila
ordenada ou relida.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QSize, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout,
                               QWidget)

from desktop.rules.papeis import NOMES_CURTOS_FUNCAO, ROTULOS_FUNCAO, FuncaoApuracao, Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.services.eleicao import auditoria, candidaturas, designacoes, processo, resultado, votacao
from desktop.services.sessao import ErroNegocio, SemPermissao

from desktop.screens.widgets import formato, servicos

from desktop.screens.widgets.situacao import isolar_texto, reservar_linhas
from desktop.screens.widgets.tabela import Coluna, Lista

_ERROS = (EntradaInvalida, ErroNegocio, SemPermissao)
_LINHAS_PRESENTES = 5  # as linhas à vista no campo dos presentes da sessão de apuração


def _funcao_curta(d: dict) -> str:
    """'Mesário' ou 'Supervisor' (o título do quadro já diz 'da apuração'); o rótulo inteiro fica na dica."""
    return NOMES_CURTOS_FUNCAO[FuncaoApuracao(d["funcao"])]


def _decisao(a: dict) -> str:
    return "pendente" if a["situacao"] == "pendente" else f"liberada por {a['liberada_por_nome']}: {a['motivo']}"


def _alertas(a: dict) -> str:
    return "; ".join(x["mensagem"] for x in a["alertas"])


def _lista(colunas: list[Coluna], nome: str, parent: QWidget, **opcoes) -> Lista:
    """A tabela com altura mínima de três linhas e o título (medidos com a fonte da folha de estilo)."""
    lista = Lista(colunas, parent, nome=nome, **opcoes)
    visao = lista.visao
    visao.ensurePolished()
    visao.horizontalHeader().ensurePolished()
    visao.setMinimumHeight(visao.horizontalHeader().sizeHint().height()
                           + 3 * visao.verticalHeader().defaultSectionSize() + 2 * visao.frameWidth())
    return lista


class _Presentes(QPlainTextEdit):
    """O campo dos presentes da sessão de apuração, um por linha. O mínimo que pede é o mínimo dado (duas linhas, com
    a barra de rolagem): o de qualquer área de rolagem conta a altura de uma barra horizontal que aqui nunca aparece
    (as linhas quebram) e, numa janela baixa, tirava da aba a altura que ela não tem."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 — nome do Qt
        return QSize(super().minimumSizeHint().width(), self.minimumHeight())


def _grupo(titulo: str, tipo) -> QGroupBox:
    """Um quadro com título e layout ``tipo`` sem margens próprias: o espaço por dentro é o ``padding`` da folha de
    estilo (com as margens do layout somadas, cada quadro gastava ~20 pontos a mais de altura)."""
    g = QGroupBox(titulo)
    lay = tipo(g)
    lay.setContentsMargins(0, 0, 0, 0)
    return g


def _apuracao(a) -> str:
    """As seções aceitas; as divergentes e as da auditoria só quando há (com tudo aceito, "(divergentes: 0; na
    auditoria: 0)" era a quarta linha da situação do processo encerrado, num espaço de três)."""
    pendencias = [f"{rotulo}: {n}" for rotulo, n in (("divergentes", a.secoes_divergentes),
                                                      ("na auditoria", a.secoes_em_auditoria)) if n]
    return f"Seções aceitas: {a.secoes_apuradas} de {a.secoes_total}" + (
        f" ({'; '.join(pendencias)})." if pendencias else ".")


def _situacao(sessao, processo_id: str) -> dict:
    """O que a aba mostra, lido fora da thread da interface, em dados simples."""
    a = resultado.apurar(sessao, processo_id)
    return {
        "designados": designacoes.listar(sessao, processo_id), "fila": auditoria.fila(sessao, processo_id),
        "secoes": votacao.listar_secoes(sessao, processo_id), "processo": processo.obter_processo(sessao, processo_id),
        "escrita": resultado.situacao_da_apuracao(sessao, processo_id),  # o que a fase admite (e por que não)
        "habilitados": [c["numero"] for c in candidaturas.listar_candidaturas(sessao, processo_id, "habilitado")],
        "apuracao": _apuracao(a),
    }


class AbaEncerramento(QWidget):
    """A 1366×768 a aba cabe sem rolar (antes pedia ~640 pontos de altura e tinha ~506): designações e sessão de
    apuração à esquerda, fila de auditoria e recontagem à direita, o resultado e a posse numa faixa embaixo, os
    formulários com o botão na última linha; a mensagem vai à barra do processo (``mensagem``), como nas outras abas."""

    sig_mudou = Signal(str)

    def __init__(self, sessao, processo_id: str, parent: QWidget | None = None, *, mensagem: QLabel | None = None):
        super().__init__(parent)
        self._sessao, self._pid = sessao, processo_id
        self.tarefa = None  # a gravação em andamento (servicos.operacao)
        self.carregando = False
        self._habilitados: list = []  # os números dos habilitados da última leitura
        self.pode_editar = sessao.pode(Permissao.ELEICAO_EDITAR)
        propria = mensagem is None  # sozinha, a aba tem a sua linha de mensagem; no processo, usa a barra dele
        if propria:
            mensagem = QLabel()
            mensagem.setObjectName("mensagem")
            mensagem.setWordWrap(True)
            reservar_linhas(mensagem)  # a mensagem muda; os botões não pulam
        self.mensagem = mensagem
        self.botoes: list[QPushButton] = []

        # designações
        self.lista_designados = _lista([
            # o nome e a função inteiros na metade da aba (a 1366×768, ~490 pontos; 'Otávio Lins Cordeiro (…' e
            # 'Supervisor d…' antes): o login e a função por extenso vão à dica e o ato, o texto mais longo, estica e
            # fica inteiro na dica
            Coluna("Usuário", lambda d: d["nome"], largura=150, dica=lambda d: f"{d['nome']} (login {d['login']})"),
            Coluna("Função", _funcao_curta, largura=80, dica=lambda d: ROTULOS_FUNCAO[FuncaoApuracao(d["funcao"])]),
            Coluna("Ato", lambda d: d["ato"], esticar=True, largura=100),
        ], "Mesários e supervisores designados", self)
        self.designados = self.lista_designados.visao
        self.login, self.funcao, self.ato = QLineEdit(), QComboBox(), QLineEdit()
        self.login.setPlaceholderText("login")
        for f in FuncaoApuracao:  # 'Mesário', 'Supervisor' (cabe na linha do login e do ato); por extenso na dica
            self.funcao.addItem(NOMES_CURTOS_FUNCAO[f], str(f))
            self.funcao.setItemData(self.funcao.count() - 1, ROTULOS_FUNCAO[f], Qt.ItemDataRole.ToolTipRole)
        self.ato.setPlaceholderText("ato da comissão")
        self.ato.setToolTip("O ato da comissão que designa, ex.: Resolução 03/2027")
        self.designar = self._botao("Desi&gnar", self._on_designar)
        g1 = _grupo("Mesários e supervisores da apuração (art. 9º)", QVBoxLayout)
        l1 = g1.layout()
        l1.addWidget(self.designados, 1)
        linha = QHBoxLayout()  # login, função, ato e o botão numa linha só
        linha.addWidget(self.login, 1)
        linha.addWidget(self.funcao)
        linha.addWidget(self.ato, 2)
        linha.addWidget(self.designar)
        for w in (self.login, self.funcao, self.ato):
            w.setVisible(self.pode_editar)
        l1.addLayout(linha)

        # sessão de apuração
        self.inicio, self.fim = QDateTimeEdit(), QDateTimeEdit()
        for w in (self.inicio, self.fim):
            w.setDisplayFormat("dd/MM/yyyy HH:mm")
            w.setCalendarPopup(True)
        self.local = QLineEdit()
        self.membros = _Presentes()
        self.membros.setPlaceholderText("um por linha: nome — função")
        self.membros.setToolTip("Os presentes, um por linha: nome — função (presidente da comissão, membro, MP...)")
        # os presentes de uma sessão (três da comissão e o MP, art. 7º §§1º d e 3º) à vista sem rolar: até cinco linhas
        # quando a janela tem a altura (1366×768); numa janela mais baixa (a barra de tarefas come ~48 pontos) o campo
        # encolhe até duas linhas e rola, e a aba continua sem rolar. Antes: 60 pontos no máximo (~2 linhas)
        self.membros.ensurePolished()
        borda = 2 * (self.membros.frameWidth() + round(self.membros.document().documentMargin()))
        linha = self.membros.fontMetrics().lineSpacing()
        self.membros.setMinimumHeight(2 * linha + borda)
        self.membros.setMaximumHeight(_LINHAS_PRESENTES * linha + borda)
        self.membros.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # as linhas quebram
        self.membros.setTabChangesFocus(True)  # Tab vai ao campo seguinte (era tabulação no texto); Enter, outra linha
        self.registrar_sessao = self._botao("Registrar sessão", self._on_sessao)
        g2 = _grupo("Sessão de apuração (para a ata)", QFormLayout)
        f2 = g2.layout()
        horas = QHBoxLayout()
        horas.addWidget(self.inicio)
        horas.addWidget(QLabel("até"))
        horas.addWidget(self.fim)
        horas.addStretch(1)
        f2.addRow("Horário:", horas)
        local = QHBoxLayout()  # o botão ao lado do local: os presentes ficam com a largura toda, um por linha
        local.addWidget(self.local, 1)
        local.addWidget(self.registrar_sessao)
        f2.addRow("Local:", local)
        f2.addRow("Presentes:", self.membros)
        g2.setEnabled(self.pode_editar)

        # fila de auditoria
        # Enter (ou duplo clique) num boletim da fila leva ao motivo da liberação
        self.lista_fila = _lista([
            Coluna("Seção", lambda a: str(a["secao"]), ordenar=lambda a: a["secao"], alinhamento="direita", largura=60),
            Coluna("Alertas", _alertas, esticar=True, largura=170),  # estica; na coluna mais estreita, sem rolar
            Coluna("Situação / decisão", _decisao, largura=170, ordenar=lambda a: (a["situacao"] != "pendente", _decisao(a)),
                   cor=lambda a: "#b00020" if a["situacao"] == "pendente" else None),
        ], "Fila de auditoria", self, ao_abrir=self._on_boletim)
        self.fila = self.lista_fila.visao
        self.motivo_auditoria = QLineEdit()
        self.motivo_auditoria.setPlaceholderText("motivo da liberação, ex.: conferido no papel")
        self.motivo_auditoria.setToolTip("O motivo da liberação, ex.: conferido com o boletim de papel")
        self.motivo_auditoria.setVisible(self.pode_editar)
        self.liberar = self._botao("&Liberar boletim", self._on_liberar)
        g3 = _grupo("Fila de auditoria (limites de plausibilidade)", QVBoxLayout)
        l3 = g3.layout()
        l3.addWidget(self.fila, 1)
        linha3 = QHBoxLayout()
        linha3.addWidget(self.motivo_auditoria, 1)
        linha3.addWidget(self.liberar)
        l3.addLayout(linha3)

        # recontagem
        self.secao = QComboBox()
        self.recontagem = QLineEdit()
        self.recontagem.setPlaceholderText("comparecimento; brancos; nulos; nº=votos … ex.: 200; 10; 5; 11=45; 12=45")
        self.recontagem.setToolTip(self.recontagem.placeholderText())
        self.papel, self.motivo_recontagem = QLineEdit(), QLineEdit()
        self.papel.setPlaceholderText("boletim de papel")
        self.papel.setToolTip("O boletim de papel recontado")
        self.motivo_recontagem.setPlaceholderText("motivo")
        self.motivo_recontagem.setToolTip("O motivo da recontagem: quem pediu, o que se conferiu")
        self.recontar = self._botao("Recontar", self._on_recontar)
        self.recontar.setToolTip("Recontar o boletim aceito da seção escolhida")
        g4 = _grupo("Recontagem de boletim aceito (supervisor)", QFormLayout)
        f4 = g4.layout()
        f4.addRow("Seção:", self.secao)
        f4.addRow("Números:", self.recontagem)
        papel = QHBoxLayout()  # papel, motivo e o botão numa linha só
        papel.addWidget(self.papel, 1)
        papel.addWidget(self.motivo_recontagem, 1)
        papel.addWidget(self.recontar)
        f4.addRow("Papel:", papel)
        g4.setVisible(self.pode_editar)

        # resultado e posse: uma faixa na largura toda, a situação à esquerda e os botões à direita
        self.situacao = QLabel()
        self.situacao.setObjectName("situacao")
        self.situacao.setWordWrap(True)
        # a mensagem muda; os botões não pulam. Apuração, publicação e posse somam ~190 letras: três linhas na
        # largura da faixa (com duas, numa coluna estreita, 'contestação até …' e 'Posse dada' ficavam fora)
        reservar_linhas(self.situacao, 3)
        self.publicar = self._botao("Publicar &resultado", self._on_publicar)
        self.posse = self._botao("&Encerrar e dar posse", self._on_posse)
        g5 = _grupo("Resultado e posse (art. 14)", QHBoxLayout)
        l5 = g5.layout()
        # numa caixa de altura fixa (isolar_texto): o rótulo que quebra linhas dá ao corpo "altura pela largura", e a
        # rolagem passava a medi-lo pelo tamanho preferido das tabelas (~570 pontos), não pelo mínimo (~480): rolava
        l5.addWidget(isolar_texto(self.situacao), 1)
        l5.addWidget(self.publicar, 0, Qt.AlignmentFlag.AlignVCenter)
        l5.addWidget(self.posse, 0, Qt.AlignmentFlag.AlignVCenter)

        # cada botão de escrita e a ação da apuração que o serviço confere (a fase gravada admite? se não, o motivo)
        self._acoes = {self.designar: "designar", self.registrar_sessao: "sessao", self.liberar: "digitar",
                       self.recontar: "digitar", self.publicar: "publicar", self.posse: "posse"}
        self._dicas = {b: b.toolTip() for b in self._acoes}
        # e os campos de cada uma: só leitura quando a ação não cabe (no processo encerrado, a sessão gravada fica à
        # vista, sem parecer editável)
        self._campos = {"sessao": (self.inicio, self.fim, self.local, self.membros),
                        "designar": (self.login, self.funcao, self.ato),
                        "digitar": (self.motivo_auditoria, self.recontagem, self.papel, self.motivo_recontagem)}

        colunas = QHBoxLayout()
        colunas.setContentsMargins(0, 0, 0, 0)
        esquerda, direita = QVBoxLayout(), QVBoxLayout()
        # a altura vai primeiro aos presentes (até cinco linhas) e o que sobra às designações: a tabela pede só o
        # mínimo (três linhas à vista) e estica com a sobra
        self.designados.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        esquerda.addWidget(g1, 1)
        esquerda.addWidget(g2)
        direita.addWidget(g3, 1)
        direita.addWidget(g4)
        # a esquerda um pouco mais larga: "Maria do Socorro Lima — presidente da Comissão Especial" numa linha só nos
        # presentes (a 1366×768, meio a meio, quebrava); a recontagem, à direita, ainda cabe
        colunas.addLayout(esquerda, 6)
        colunas.addLayout(direita, 5)
        corpo = QWidget()
        tudo = QVBoxLayout(corpo)
        tudo.setContentsMargins(0, 0, 0, 0)
        tudo.addLayout(colunas, 1)
        tudo.addWidget(g5)
        rolagem = QScrollArea()  # numa tela menor que 1366×768 o conteúdo rola em vez de empurrar a janela
        rolagem.setWidgetResizable(True)
        rolagem.setFrameShape(QScrollArea.Shape.NoFrame)
        rolagem.setWidget(corpo)
        lay = QVBoxLayout(self)
        if propria:
            lay.addWidget(self.mensagem)
        lay.addWidget(rolagem, 1)
        self.recarregar()

    def _botao(self, rotulo: str, slot) -> QPushButton:
        b = QPushButton(rotulo)
        b.setVisible(self.pode_editar)  # consulta (MP, juízo): só leitura
        b.clicked.connect(slot)
        self.botoes.append(b)
        return b

    # -- dados ------------------------------------------------------------------------------
    def recarregar(self) -> None:
        """Relê designações, fila, seções, processo e apuração fora da thread da interface (``carregando``)."""
        sessao, pid = self._sessao, self._pid
        servicos.consulta(self, lambda: _situacao(sessao, pid), self._on_lido, titulo_erro="Processo de escolha",
                          chave="situacao")

    def _on_lido(self, lido: dict) -> None:
        ds, fila, p = lido["designados"], lido["fila"], lido["processo"]
        self._habilitados = lido["habilitados"]
        self.lista_designados.definir_linhas(ds)
        self.lista_fila.definir_linhas(fila)  # o boletim escolhido continua escolhido (pelo id)
        atual = self.secao.currentData()
        self.secao.clear()
        for s in lido["secoes"]:
            if s["apurada"] or s["em_auditoria"]:
                self.secao.addItem(f"Seção {s['numero']} — {s['local']}", s["id"])
        self.secao.setCurrentIndex(max(0, self.secao.findData(atual)))
        eleicao = datetime.fromisoformat(p["eleicao"] + "T17:00")
        if p["apuracao_inicio"]:
            self.inicio.setDateTime(QDateTime(datetime.fromisoformat(p["apuracao_inicio"])))
            self.local.setText(p["apuracao_local"] or "")
        else:
            self.inicio.setDateTime(QDateTime(eleicao))
        self.fim.setDateTime(QDateTime(datetime.fromisoformat(p["apuracao_fim"]) if p["apuracao_fim"] else eleicao))
        escrita = lido["escrita"]
        if escrita["presentes"]:  # os gravados na sessão de apuração, um por linha
            self.membros.setPlainText("\n".join(escrita["presentes"]))
        recusas = escrita["recusas"]
        for botao, acao in self._acoes.items():  # a fase ou o dia não admitem: desabilitado, com o motivo na dica
            botao.setEnabled(acao not in recusas)
            botao.setToolTip(recusas.get(acao) or self._dicas[botao])
        for acao, campos in self._campos.items():
            for campo in campos:
                if isinstance(campo, QComboBox):
                    campo.setEnabled(acao not in recusas)
                else:
                    campo.setReadOnly(acao in recusas)
        partes = [lido["apuracao"]]
        if p["resultado_publicado_em"]:
            partes.append(f"Resultado publicado em {formato.data(p['resultado_publicado_em'])}; "
                          f"contestação até {formato.data(p['contestacao_fim'])}.")
        if escrita["aviso"]:
            partes.append(escrita["aviso"])
        elif p["posse_dada_em"]:
            partes.append("Posse dada: os mandatos estão no cadastro do Conselho.")
        elif motivo := recusas.get("posse" if p["resultado_publicado_em"] else "publicar"):
            partes.append(motivo)  # o próximo ato e por que ainda não (a eleição não chegou, a contestação corre…)
        self.situacao.setText(" ".join(partes))

    def _fazer(self, acao, mensagem) -> None:
        """Roda ``acao()`` (os valores da tela já lidos) fora da thread da interface (servicos.operacao);
        a recusa vai para o rótulo de mensagem, como antes."""
        servicos.gravar(self, "Gravando…", acao, lambda r: self._on_feito(r, mensagem), titulo_erro="Processo de escolha",
                        ao_recusar=lambda erro: self.mensagem.setText(str(erro)))

    def _on_feito(self, r, mensagem) -> None:
        self.recarregar()
        texto = mensagem(r) if callable(mensagem) else mensagem
        self.mensagem.setText(texto)
        self.sig_mudou.emit(texto)

    # -- ações ------------------------------------------------------------------------------
    def _on_designar(self) -> None:
        sessao, pid, login, funcao, ato = (self._sessao, self._pid, self.login.text(), self.funcao.currentData(),
                                           self.ato.text())
        self._fazer(lambda: designacoes.designar(sessao, pid, login=login, funcao=funcao, ato=ato),
                    "Designação registrada (Lei 320/2023, art. 9º).")

    def _on_sessao(self) -> None:
        membros = [m for m in self.membros.toPlainText().splitlines() if m.strip()]
        sessao, pid, inicio, fim, local = (self._sessao, self._pid, self.inicio.dateTime().toPython(),
                                           self.fim.dateTime().toPython(), self.local.text())
        self._fazer(lambda: resultado.registrar_sessao_apuracao(
            sessao, pid, inicio=inicio, fim=fim, local=local, membros=membros), "Sessão de apuração registrada; ela vai à ata.")

    def _on_boletim(self, item: dict) -> None:
        """Enter ou duplo clique num boletim: ele fica escolhido e o cursor vai ao motivo da liberação."""
        self.lista_fila.selecionar(item["id"])
        if self.pode_editar:
            self.motivo_auditoria.setFocus()

    def _on_liberar(self) -> None:
        item = self.lista_fila.selecionada()  # o da tabela, pelo id (a fila pode estar ordenada de outro jeito)
        if item is None:
            self.mensagem.setText("Escolha na tabela o boletim da fila de auditoria.")
            return
        sessao, item_id, motivo = self._sessao, item["id"], self.motivo_auditoria.text()
        self._fazer(lambda: auditoria.liberar(sessao, item_id, motivo=motivo),
                    "Boletim liberado da auditoria: entrou na apuração.")

    def _numeros(self) -> dict:
        partes = [p.strip() for p in self.recontagem.text().split(";") if p.strip()]
        if len(partes) < 3:
            raise EntradaInvalida("Informe comparecimento; brancos; nulos; e os votos como número=votos "
                                  "(Lei 320/2023, art. 9º).")
        votos = {}
        for p in partes[3:]:
            numero, _, v = p.partition("=")
            votos[numero.strip()] = v.strip()
        habilitados = {str(n) for n in self._habilitados}  # os da última leitura
        return {"comparecimento": partes[0], "brancos": partes[1], "nulos": partes[2],
                "votos": {n: votos.get(n, "0") for n in habilitados} | votos}

    def _on_recontar(self) -> None:
        try:
            numeros = self._numeros()
        except _ERROS as e:
            self.mensagem.setText(str(e))
            return
        sessao, secao, papel, motivo = (self._sessao, self.secao.currentData(), self.papel.text(),
                                        self.motivo_recontagem.text())
        self._fazer(lambda: auditoria.recontar(sessao, secao, **numeros, boletim_papel=papel, motivo=motivo),
                    "Recontagem registrada: os números recontados passaram a contar (com trilha no diário).")

    def _on_publicar(self) -> None:
        sessao, pid = self._sessao, self._pid
        self._fazer(lambda: resultado.publicar_resultado(sessao, pid),
                    lambda p: f"Resultado publicado; prazo de contestação até {formato.data(p['contestacao_fim'])} "
                              "(art. 14 §1º).")

    def _on_posse(self) -> None:
        if QMessageBox.question(self, "Encerrar e dar posse",
                                "Encerrar o processo de escolha e criar os mandatos no Conselho Tutelar? "
                                "Isso não se desfaz.") != QMessageBox.StandardButton.Yes:
            return
        sessao, pid = self._sessao, self._pid
        self._fazer(lambda: resultado.encerrar_e_dar_posse(sessao, pid),
                    lambda feitos: f"Processo encerrado e posse dada: {len(feitos)} conselheiro(s) cadastrados no "
                                   "Conselho, titulares em exercício e suplentes na ordem (arts. 6º e 14 §2º).")
