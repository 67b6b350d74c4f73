"""O formulário do registro rápido de plantão: os campos, o rascunho salvo sozinho e a gravação, em ordem.

O rascunho vai para a base, cifrado (``services.conselho.rascunhos``), a cada mudança de campo (meio
segundo depois da última tecla) e a cada poucos segundos; depois de gravado o atendimento, é descartado.
Tudo roda fora da thread da interface (``widgets.servicos``): o rascunho com ``gravar_sozinho`` (sem
diálogo: quem digita segue digitando), o atendimento com ``gravar`` (campos travados enquanto grava).

As escritas do formulário (salvar o rascunho, descartá-lo, gravar o atendimento) saem uma por vez, na
ordem pedida (``FormPlantao._escrever``): a seguinte só começa quando a resposta da anterior chega. Assim
um rascunho que ainda ia para a base quando se pediu "Gravar" chega antes de o atendimento ser gravado e
o rascunho descartado — nunca depois, ressuscitando o rascunho de um caso já gravado —, e enquanto o
atendimento grava nenhum rascunho é pedido. Enquanto a aba lê o rascunho guardado (``restaurando``),
nada é salvo por cima dele. Fechar a janela espera o que foi digitado chegar à base (``pode_sair``).
"""
from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from desktop.rules.conselho import atendimentos as regra
from desktop.rules.conselho.atendimentos import AGENTES, MEDIDAS, TIPOS
from desktop.services.conselho import atendimentos, rascunhos
from desktop.screens.widgets import avisos, formato
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.servicos import gravar, gravar_sozinho

from .comum import campo_data, combo, combo_sipia, texto_longo

INTERVALO_AUTOSALVAR_MS = 5000
ESPERA_APOS_TECLA_MS = 500


def _momento_da_chamada(texto: str) -> datetime:
    """A hora real da chamada, conferida enquanto se digita (formato; nem no futuro)."""
    m = regra.momento_br(texto)
    return regra.validar_momento_chamada(m, datetime.now(), datetime.now())


class FormPlantao(QWidget):
    """Os poucos campos de uma emergência de plantão; salva rascunho sozinho e grava o atendimento."""

    sig_salvo = Signal(dict)

    def __init__(self, sessao, parent: QWidget | None = None, *, restaurando: bool = False):
        super().__init__(parent)
        self._sessao = sessao
        self.tarefa = None  # a gravação do atendimento em curso (``widgets.servicos.gravar``)
        self._sujo = False  # mudou depois do último rascunho pedido
        self.tocado = False  # alguém mexeu nos campos desde que o formulário abriu (ou foi preenchido)
        self.restaurando = restaurando  # a leitura do rascunho antigo não voltou: nada de salvar por cima
        self._fila: list[Callable[[], None]] = []  # escritas pedidas esperando a vez (``_escrever``)
        self._escrevendo = False  # uma escrita a caminho da base
        self._gravar_na_fila = False  # Ctrl+S esperando a escrita anterior chegar
        self._ao_ficar_em_dia: Callable[[], None] | None = None  # a janela fechando espera o rascunho (pode_sair)
        self.tipo = combo(TIPOS)
        self.tipo.setCurrentIndex(self.tipo.findData("denuncia"))
        self.chamada = CampoValidado(_momento_da_chamada, placeholder="dd/mm/aaaa hh:mm")
        self.chamada.definir_texto(formato.momento(datetime.now()))  # a hora em que a chamada chegou
        self.chamada.setToolTip("Quando a chamada ou a denúncia chegou (não a hora de gravar); corrija se preciso.")
        self.crianca = QLineEdit(placeholderText="Nome da criança ou do adolescente")
        self.nascimento = campo_data(obrigatorio=False, placeholder="dd/mm/aaaa (se souber)")
        self.sexo = combo([("F", "Feminino"), ("M", "Masculino")], vazio="Não informado")
        self.bairro = QLineEdit(placeholderText="Bairro ou comunidade")
        self.origem = QLineEdit(placeholderText="Quem comunicou (telefone, escola, vizinho...)")
        self.relato = texto_longo("O que aconteceu, onde está a criança agora", 90)
        self.direito = combo_sipia(vazio="(não informado)")
        self.agente = combo(AGENTES, vazio="(não informado)")
        self.medida = combo({k: f"Art. {k.replace('-', ', ')} — {v}" for k, v in MEDIDAS.items()},
                            vazio="(nenhuma medida agora)")
        self.medida.setMinimumContentsLength(30)
        self.medida.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.decisao = QLineEdit(placeholderText="O que foi decidido no plantão")
        self.motivacao = texto_longo("Por que (a decisão é motivada, art. 21 §2º)", 60)
        self.situacao = QLabel("Rascunho: nada digitado ainda.")
        self.situacao.setStyleSheet("color: #555;")
        self.botao_salvar = QPushButton("Gravar atendimento (Ctrl+S)")
        self.botao_descartar = QPushButton("Descartar rascunho")
        form = QFormLayout()
        for rotulo, w in (("&Tipo", self.tipo), ("C&hamada em", self.chamada), ("&Criança/adolescente", self.crianca),
                          ("Nasci&mento", self.nascimento), ("Se&xo", self.sexo), ("&Bairro", self.bairro),
                          ("&Origem", self.origem), ("&Relato", self.relato), ("&Direito violado", self.direito),
                          ("&Agente violador", self.agente), ("Medida (ECA)", self.medida),
                          ("D&ecisão", self.decisao), ("Moti&vação", self.motivacao)):
            form.addRow(rotulo, w)
        botoes = QHBoxLayout()
        botoes.addWidget(self.situacao, 1)
        botoes.addWidget(self.botao_descartar)
        botoes.addWidget(self.botao_salvar)
        # os campos rolam numa área e os botões ficam fixos embaixo: o formulário inteiro pede ~690 pontos e, a
        # 1366×720, o "Gravar" ficava abaixo da dobra (só o Ctrl+S gravava para quem não rolasse a tela)
        campos = QWidget()
        campos.setLayout(form)
        self.rolagem = QScrollArea()
        self.rolagem.setWidgetResizable(True)
        self.rolagem.setFrameShape(QFrame.Shape.NoFrame)
        self.rolagem.setWidget(campos)
        lay = QVBoxLayout(self)
        lay.addWidget(self.rolagem, 1)
        lay.addLayout(botoes)
        for w in (self.crianca, self.bairro, self.origem, self.decisao):
            w.textChanged.connect(self._on_mudou)
        self.nascimento.edit.textChanged.connect(self._on_mudou)
        self.chamada.edit.textChanged.connect(self._on_mudou)
        for w in (self.relato, self.motivacao):
            w.textChanged.connect(self._on_mudou)
        for w in (self.tipo, self.sexo, self.direito, self.agente, self.medida):
            w.currentIndexChanged.connect(self._on_mudou)
        self.botao_salvar.clicked.connect(self._on_gravar)
        self.botao_descartar.clicked.connect(self._on_descartar)
        QShortcut(QKeySequence("Ctrl+S"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
                  activated=self._on_gravar)
        self._apos_tecla = QTimer(self, singleShot=True, interval=ESPERA_APOS_TECLA_MS, timeout=self._on_autosalvar)
        self._periodico = QTimer(self, interval=INTERVALO_AUTOSALVAR_MS, timeout=self._on_autosalvar)
        self._periodico.start()
        self.setFocusProxy(self.crianca)

    # -- rascunho -------------------------------------------------------------------------------
    def conteudo(self) -> dict:
        return {"tipo": self.tipo.currentData(), "chamada": self.chamada.texto(), "crianca": self.crianca.text(),
                "nascimento": self.nascimento.texto(),
                "sexo": self.sexo.currentData(), "bairro": self.bairro.text(), "origem": self.origem.text(),
                "relato": self.relato.toPlainText(), "direito": self.direito.currentData(),
                "agente": self.agente.currentData(), "medida": self.medida.currentData(),
                "decisao": self.decisao.text(), "motivacao": self.motivacao.toPlainText()}

    def preencher(self, c: dict, *, mudou: bool = False) -> None:
        """Põe nos campos o rascunho restaurado — sem contar como mudança, ou contando (``mudou``: vai ao
        rascunho da base, como se digitado)."""
        for nome, w in (("tipo", self.tipo), ("sexo", self.sexo), ("direito", self.direito), ("agente", self.agente),
                        ("medida", self.medida)):
            i = w.findData(c.get(nome))
            w.setCurrentIndex(max(i, 0))
        if c.get("chamada"):
            self.chamada.definir_texto(c["chamada"])
        self.crianca.setText(c.get("crianca", ""))
        self.nascimento.definir_texto(c.get("nascimento", ""))
        self.bairro.setText(c.get("bairro", ""))
        self.origem.setText(c.get("origem", ""))
        self.relato.setPlainText(c.get("relato", ""))
        self.decisao.setText(c.get("decisao", ""))
        self.motivacao.setPlainText(c.get("motivacao", ""))
        self._sujo = self.tocado = mudou
        if mudou:
            self._apos_tecla.start()
        else:
            self._apos_tecla.stop()

    def restaurado(self) -> None:
        """A leitura do rascunho antigo voltou (aplicado ou não): o rascunho volta a ser salvo sozinho."""
        self.restaurando = False
        if self._sujo:
            self._apos_tecla.start()

    def _vazio(self) -> bool:
        c = self.conteudo()
        return not any(str(c[k] or "").strip() for k in ("crianca", "nascimento", "bairro", "origem", "relato",
                                                         "decisao", "motivacao", "direito", "agente", "medida"))

    @property
    def gravando(self) -> bool:
        """Gravação do atendimento pedida (esperando a vez) ou em andamento."""
        return self._gravar_na_fila or self.tarefa is not None

    def _on_mudou(self, *_args) -> None:
        self._sujo = self.tocado = True
        self._apos_tecla.start()

    def _on_autosalvar(self) -> None:
        """Pede o rascunho à base (fora da thread da interface). Com outra escrita a caminho, espera: quando
        ela chegar, o temporizador da tecla é religado (``_proxima``)."""
        if (not self._sujo or self._vazio() or self.restaurando or self.gravando or self._escrevendo
                or self._fila):
            return
        conteudo = {**self.conteudo(), "salvo_em": datetime.now().isoformat()}
        self._sujo = False
        sessao = self._sessao

        def _salvar() -> None:
            gravar_sozinho(self, lambda: rascunhos.salvar_rascunho(sessao, conteudo), self._on_rascunho_salvo,
                           ao_falhar=self._on_rascunho_nao_salvo)
        self._escrever(_salvar)

    def _on_rascunho_salvo(self, _momento: str) -> None:
        self.situacao.setText(f"Rascunho salvo às {datetime.now():%H:%M:%S}.")
        self._proxima()

    def _on_rascunho_nao_salvo(self, erro: BaseException) -> None:
        self._sujo = self._ao_ficar_em_dia is None  # tenta de novo no próximo ciclo (fechando: desiste)
        self.situacao.setText(f"Rascunho NÃO salvo: {avisos.mensagem_de(erro)}")
        self._proxima()

    def parar(self) -> None:
        self._periodico.stop()
        self._apos_tecla.stop()

    # -- uma escrita por vez --------------------------------------------------------------------
    def _escrever(self, iniciar: Callable[[], None]) -> None:
        """Põe a escrita na fila: ``iniciar()`` (que pede o serviço fora da thread da interface) roda já, ou
        quando a resposta da escrita anterior chegar. Toda escrita termina chamando ``_proxima``."""
        self._fila.append(iniciar)
        if not self._escrevendo:
            self._proxima()

    def _proxima(self) -> None:
        if self._fila:
            self._escrevendo = True
            self._fila.pop(0)()
            return
        self._escrevendo = False
        if self._sujo and not self.gravando and not self.restaurando and not self._vazio():
            if self._ao_ficar_em_dia is not None:
                self._on_autosalvar()  # a janela está fechando: já, sem esperar o temporizador
            else:
                self._apos_tecla.start()  # digitou-se enquanto a escrita ia para a base
            return
        if self._ao_ficar_em_dia is not None and not self.gravando:
            depois, self._ao_ficar_em_dia = self._ao_ficar_em_dia, None
            depois()

    def pode_sair(self, depois: Callable[[], None] | None = None) -> bool:
        """Antes de a janela fechar ou de trocar de usuário (``JanelaPrincipal``): True se tudo o que foi
        digitado já está na base; senão salva já (sem esperar o temporizador), devolve False e chama
        ``depois()`` quando o rascunho — ou a gravação em curso — chegar."""
        pendente = self.gravando or self._escrevendo or (self._sujo and not self._vazio() and not self.restaurando)
        if not pendente:
            return True
        self._ao_ficar_em_dia = depois or (lambda: None)
        if not self.gravando:
            self.situacao.setText("Salvando o rascunho antes de fechar…")
        if not self._escrevendo and not self.gravando:
            self._proxima()
        return False

    # -- gravar ---------------------------------------------------------------------------------
    def dados(self) -> dict:
        c = self.conteudo()
        dados = {"tipo": c["tipo"], "recebido_em": self.chamada.valor(), "plantao": True,
                 "origem": c["origem"], "relato": c["relato"], "bairro": c["bairro"],
                 "criancas": [{"nome": c["crianca"], "nascimento": self.nascimento.valor(), "sexo": c["sexo"]}]
                 if c["crianca"].strip() else []}
        if c["direito"] or c["agente"]:
            dados["violacoes"] = [{"especifico": c["direito"] or "", "agente": c["agente"] or ""}]
        if c["medida"]:
            dados["medidas"] = [{"codigo": c["medida"], "crianca": 0}]
        if c["medida"] or c["decisao"].strip() or c["motivacao"].strip():
            dados["decisao"] = {"descricao": c["decisao"], "motivacao": c["motivacao"]}
        return dados

    def _dados_ou_aviso(self) -> dict | None:
        try:
            return self.dados()
        except Exception as e:  # noqa: BLE001 — campo mal preenchido: aviso, nada gravado
            if not avisos.previsto(e):
                raise
            self._on_autosalvar()  # o que foi digitado fica no rascunho
            avisos.erro(self, "Atendimento não gravado", e)
            return None

    def _on_gravar(self) -> None:
        """Grava fora da thread da interface, depois de qualquer rascunho já pedido (``_escrever``): campos
        travados enquanto grava; o rascunho fica até a gravação dar certo. Ctrl+S de novo durante a gravação
        não grava duas vezes."""
        if self.restaurando:
            self.situacao.setText("Aguarde: o rascunho guardado ainda está sendo lido.")
            return
        if self.gravando or self._dados_ou_aviso() is None:
            return
        self.parar()  # nenhum rascunho pedido durante a gravação
        self._gravar_na_fila = True
        if self._escrevendo:
            self.situacao.setText("Gravando: esperando o rascunho terminar de salvar…")
        self._escrever(self._iniciar_gravacao)

    def _iniciar_gravacao(self) -> None:
        """A vez da gravação: lê os campos agora (o que se digitou enquanto esperava vai junto) e grava o
        rascunho (se mudou), o atendimento e o descarte do rascunho, nessa ordem, numa thread só."""
        self._gravar_na_fila = False
        dados = self._dados_ou_aviso()
        if dados is None:
            self._periodico.start()
            self._proxima()
            return
        rascunho = {**self.conteudo(), "salvo_em": datetime.now().isoformat()} if self._sujo and not self._vazio() \
            else None
        self._sujo = False
        sessao = self._sessao

        def _gravar() -> dict:
            if rascunho is not None:  # se a gravação for recusada, o rascunho tem tudo o que foi digitado
                rascunhos.salvar_rascunho(sessao, rascunho)
            at = atendimentos.registrar_atendimento(sessao, dados)
            rascunhos.descartar_rascunho(sessao)
            return at

        tarefa = gravar(self, "Gravando o atendimento…", _gravar, self._on_gravado,
                        titulo_erro="Atendimento não gravado", ao_recusar=self._on_recusado)
        if tarefa is not None:
            tarefa.sig_falhou.connect(self._on_falha_na_gravacao)

    def _on_gravado(self, at: dict) -> None:
        self._escrevendo = False
        depois, self._ao_ficar_em_dia = self._ao_ficar_em_dia, None
        self.sig_salvo.emit(at)
        if depois is not None:
            depois()

    def _on_falha_na_gravacao(self, erro: BaseException) -> None:
        if not avisos.previsto(erro):  # defeito (vai ao tratamento geral): o rascunho volta a ser salvo
            self._periodico.start()
            self._proxima()

    def _on_recusado(self, erro: BaseException) -> None:
        self._periodico.start()  # o rascunho volta a ser salvo sozinho
        avisos.erro(self, "Atendimento não gravado", erro)
        self._proxima()

    def _on_descartar(self) -> None:
        if self.gravando or not avisos.confirmar(
                self, "Descartar rascunho", "Apagar o que foi digitado neste registro de plantão?",
                sim="Descartar", perigoso=True):
            return
        self.preencher({"tipo": "denuncia"})
        sessao = self._sessao

        def _descartar() -> None:  # depois de um rascunho que ainda ia para a base, nunca antes
            gravar_sozinho(self, lambda: rascunhos.descartar_rascunho(sessao), self._on_descartado,
                           ao_falhar=self._on_rascunho_nao_descartado)
        self._escrever(_descartar)

    def _on_descartado(self, _havia: bool) -> None:
        self.situacao.setText("Rascunho descartado.")
        self._proxima()

    def _on_rascunho_nao_descartado(self, erro: BaseException) -> None:
        self.situacao.setText(f"Rascunho NÃO descartado: {avisos.mensagem_de(erro)}")
        self._proxima()
