"""Apuração na tela: dupla digitação dos boletins, divergências lado a lado e resolução pelo supervisor; painel ao vivo.

A tela só chama os serviços (desktop.services.eleicao.votacao e .resultado), sempre fora da thread da
interface (``widgets.servicos``); as contas e as permissões são conferidas lá, e a mensagem de recusa
(com o artigo) aparece abaixo do formulário. As três tabelas são a tabela comum (``widgets.tabela.Lista``): os
votos por candidato são uma grade de entrada (digitar o número já edita; Enter grava e desce ao próximo
candidato), a comparação das digitações pinta de vermelho os campos que diferem e a classificação ordena pelo
cabeçalho.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QComboBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from desktop.rules import formato
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.screens.widgets import servicos
from desktop.screens.widgets.campos import CampoValidado
from desktop.services.eleicao import candidaturas, resultado, votacao

from desktop.screens.widgets.situacao import reservar_linhas
from desktop.screens.widgets.tabela import Coluna, Lista, ajustar_colunas
from .grafico import GraficoBarras

_ARTIGO_BOLETIM = "Lei 320/2023, art. 9º e §ún.: boletim da urna ou mapa da apuração manual"


def _contagem(rotulo: str):
    """Validador enquanto se digita: contagem com algarismos, zero ou mais."""
    def validar(texto: str) -> int:
        t = (texto or "").strip()
        if t.startswith("-") and t[1:].isdigit():
            raise EntradaInvalida(f"{rotulo} não pode ser negativo ({_ARTIGO_BOLETIM}).")
        if not t.isdigit():
            raise EntradaInvalida(f"{rotulo}: informe um número inteiro, só com algarismos ({_ARTIGO_BOLETIM}).")
        return int(t)
    return validar


_DIFERENTE = "#b3261e"  # o texto dos campos em que as duas digitações diferem


def _inteiro(texto: str):
    """A chave de ordenação de uma contagem digitada: o número; o que não é número (ainda) vem antes."""
    t = (texto or "").strip()
    return int(t) if t.isdigit() else None


def _colunas_comparacao(login1: str = "", login2: str = "") -> list[Coluna]:
    """As colunas da comparação, com quem fez cada digitação no título."""
    return [Coluna("Campo", lambda l: l["campo"], largura=140),
            Coluna(f"1ª digitação ({login1})" if login1 else "1ª digitação", lambda l: str(l["primeira"]),
                   lambda l: l["primeira"], alinhamento="direita", largura=120),
            Coluna(f"2ª digitação ({login2})" if login2 else "2ª digitação", lambda l: str(l["segunda"]),
                   lambda l: l["segunda"], alinhamento="direita", largura=120),
            # além da cor, em texto: o que difere (ordenar por esta coluna põe as diferenças juntas)
            Coluna("Confere", lambda l: "confere" if l["primeira"] == l["segunda"] else "DIFERE", esticar=True,
                   largura=80, titulo_longo="As duas digitações dão o mesmo valor?")]


COLUNAS_RANKING = [
    Coluna("Pos.", lambda l: str(l["posicao"]), lambda l: l["posicao"], alinhamento="direita", largura=45,
           titulo_longo="Posição na classificação"),
    Coluna("Nº", lambda l: str(l["numero"]), lambda l: l["numero"], alinhamento="direita", largura=45),
    Coluna("Candidato", lambda l: l["nome"], largura=200),
    Coluna("Votos", lambda l: formato.numero(l["votos"]), lambda l: l["votos"], alinhamento="direita", largura=70),
    Coluna("Situação", lambda l: l["situacao"], lambda l: l["posicao"], esticar=True, largura=150),
]


def _digitar(sessao, processo_id: str, secao_id: str, valores: dict) -> dict:
    """Grava a digitação (fora da thread da interface) e devolve o que a tela mostra, em dados simples."""
    r = votacao.digitar(sessao, secao_id, **valores)
    auditoria = any(s["em_auditoria"] for s in votacao.listar_secoes(sessao, processo_id) if s["id"] == secao_id)
    return {"mensagem": r.mensagem(), "conferido": r.situacao == votacao.CONFERIDO, "em_auditoria": auditoria}


def _painel(sessao, processo_id: str) -> dict:
    """A apuração parcial em dados simples para o painel (lida fora da thread da interface)."""
    a = resultado.apurar(sessao, processo_id)
    t = a.totais
    parcial = "" if a.completa else " — resultado PARCIAL"
    cols = a.resultado.colocados
    return {
        "resumo": (f"Seções apuradas: {a.secoes_apuradas} de {a.secoes_total} (divergentes: {a.secoes_divergentes}; "
                   f"na fila de auditoria: {a.secoes_em_auditoria}). "
                   f"Comparecimento {t.comparecimento}, brancos {t.brancos}, nulos {t.nulos}{parcial}."),
        "linhas": [{"posicao": c.posicao, "numero": c.numero, "nome": c.nome, "votos": c.votos,
                    "situacao": f"{c.ordem}º {c.situacao}" + (" (impedido, art. 15)" if c.impedimento else "")}
                   for c in cols],
        "barras": ([(f"{c.numero} {c.nome}", c.votos, c.situacao == "titular") for c in cols]
                   if a.secoes_apuradas else []),
    }


class DigitacaoBoletim(QWidget):
    """Digitação de um boletim de seção; a mesma tela mostra a divergência e a resolução do supervisor."""

    sig_apurada = Signal()

    def __init__(self, sessao, processo_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao, self._processo_id = sessao, processo_id
        self.tarefa = None  # a gravação do boletim em andamento (servicos.operacao)
        self.carregando = False
        self._secoes: list[dict] = []  # as da última leitura
        self._cands: list[dict] = []  # os candidatos habilitados da última leitura
        self._recusa: str | None = None  # por que a fase não admite digitar (do serviço), ou None
        self.secao = QComboBox()
        self.secao.setObjectName("secao")
        self.comparecimento, self.brancos, self.nulos = (
            CampoValidado(_contagem(rotulo), placeholder="só algarismos", parent=self)
            for rotulo in ("O comparecimento", "Os brancos", "Os nulos"))
        self._digitados: dict[str, str] = {}  # id da candidatura → votos digitados (texto; o serviço confere)
        self.votos = Lista([
            Coluna("Nº", lambda c: str(c["numero"]), lambda c: c["numero"], alinhamento="direita", largura=50),
            Coluna("Candidato", lambda c: c["nome_urna"], esticar=True, largura=220),
            Coluna("Votos", lambda c: self._digitados.get(c["id"], ""), lambda c: _inteiro(self._digitados.get(c["id"])),
                   alinhamento="direita", largura=80, editar=self._on_voto,
                   pode_editar=lambda _c: self._recusa is None,  # a fase ou o dia não admitem digitar: só leitura
                   titulo_longo="Votos do candidato no boletim (digite o número; Enter grava e desce)"),
        ], self, nome="Votos por candidato habilitado")
        visao = self.votos.visao
        # como na planilha: digitar o número já edita a célula, e Enter grava e desce ao próximo candidato
        visao.setEditTriggers(visao.editTriggers() | QAbstractItemView.EditTrigger.AnyKeyPressed)
        visao.itemDelegate().closeEditor.connect(self._on_voto_fechado)
        self.gravar = QPushButton("&Gravar digitação")
        self.mensagem = QLabel()
        self.mensagem.setWordWrap(True)
        reservar_linhas(self.mensagem)  # a mensagem muda; os botões não pulam
        self.mensagem.setObjectName("mensagem")
        self.comparacao = Lista(_colunas_comparacao(), self, nome="Comparação das digitações", chave="campo",
                                cor_linha=lambda l: _DIFERENTE if l["primeira"] != l["segunda"] else None)
        self.boletim_papel = QLineEdit()
        self.boletim_papel.setObjectName("boletim_papel")
        self.boletim_papel.setPlaceholderText("Boletim de papel recontado (ex.: boletim impresso da urna, via da comissão)")
        self.justificativa = QLineEdit()
        self.justificativa.setPlaceholderText("Por que estes valores (ex.: conferido com o boletim impresso)")
        self.resolver = QPushButton("Resol&ver como supervisor")
        self.grupo_divergencia = QGroupBox("Divergência entre as digitações")
        gl = QVBoxLayout(self.grupo_divergencia)
        explica = QLabel("Campos em vermelho diferem. O supervisor designado (quem não digitou a seção) reconta o "
                         "boletim de papel, digita acima os valores recontados, diz qual papel conferiu e resolve:")
        explica.setWordWrap(True)
        gl.addWidget(explica)
        gl.addWidget(self.comparacao.visao)
        gl.addWidget(self.boletim_papel)
        linha = QHBoxLayout()
        linha.addWidget(self.justificativa, 1)
        linha.addWidget(self.resolver)
        gl.addLayout(linha)
        form = QFormLayout()
        form.addRow("S&eção:", self.secao)
        form.addRow("Comparecimento:", self.comparecimento)
        form.addRow("B&rancos:", self.brancos)
        form.addRow("Nu&los:", self.nulos)
        conteudo = QWidget()
        lay = QVBoxLayout(conteudo)
        lay.addLayout(form)
        lay.addWidget(QLabel("Votos por candidato habilitado (votos para outro número são nulos):"))
        lay.addWidget(self.votos.visao, 1)
        lay.addWidget(self.gravar)
        lay.addWidget(self.mensagem)
        lay.addWidget(self.grupo_divergencia)
        rolagem = QScrollArea()  # com a divergência à mostra a digitação passa de 768 px de altura: rola
        rolagem.setWidgetResizable(True)
        rolagem.setFrameShape(QScrollArea.Shape.NoFrame)
        rolagem.setWidget(conteudo)
        externo = QVBoxLayout(self)
        externo.setContentsMargins(0, 0, 0, 0)
        externo.addWidget(rolagem)
        pode = sessao.pode(Permissao.ELEICAO_EDITAR)
        self.gravar.setEnabled(pode)
        self.gravar.setVisible(pode)  # consulta (MP, juízo): só leitura
        self.resolver.setVisible(pode)
        self.secao.currentIndexChanged.connect(self._on_secao)
        self.gravar.clicked.connect(self._on_gravar)
        self.resolver.clicked.connect(self._on_resolver)
        self.recarregar()

    # -- dados ------------------------------------------------------------------------------
    def recarregar(self) -> None:
        """Relê as seções e os candidatos habilitados fora da thread da interface (``carregando``)."""
        sessao, pid = self._sessao, self._processo_id
        servicos.consulta(self, lambda: (votacao.listar_secoes(sessao, pid),
                                         candidaturas.listar_candidaturas(sessao, pid, "habilitado"),
                                         resultado.situacao_da_apuracao(sessao, pid)["recusas"].get("digitar")),
                          lambda lido: self._on_lido(*lido), titulo_erro="Apuração", chave="lista")

    def _on_lido(self, secoes: list[dict], candidatos: list[dict], recusa: str | None = None) -> None:
        self._secoes, self._cands, self._recusa = secoes, candidatos, recusa
        # a fase não admite digitar (ex.: processo encerrado): desabilitado, com o motivo do serviço
        self.gravar.setEnabled(self._sessao.pode(Permissao.ELEICAO_EDITAR) and recusa is None)
        self.gravar.setToolTip(recusa or "")
        for campo in (self.comparecimento.edit, self.brancos.edit, self.nulos.edit, self.boletim_papel,
                      self.justificativa):  # e os campos só leitura (os votos, pela coluna: pode_editar)
            campo.setReadOnly(recusa is not None)
        if recusa:
            self.mensagem.setText(recusa)
        atual = self.secao.currentData()
        self.secao.blockSignals(True)
        self.secao.clear()
        for s in secoes:
            estado = ("na fila de auditoria" if s["em_auditoria"] else "apurada" if s["apurada"] else
                      "divergente" if s["digitacoes"] >= 2 else f"{s['digitacoes']} digitação(ões)")
            self.secao.addItem(f"Seção {s['numero']} — {s['local']} ({estado})", s["id"])
        self.secao.blockSignals(False)
        i = self.secao.findData(atual)
        self.secao.setCurrentIndex(max(i, 0))
        self._on_secao()

    def _on_secao(self, *_args) -> None:
        self._digitados = {}  # outra seção (ou a mesma relida depois de gravar): a digitação recomeça vazia
        self.votos.definir_linhas(self._cands)
        for campo in (self.comparecimento, self.brancos, self.nulos):
            campo.edit.clear()
        self.justificativa.clear()
        self.boletim_papel.clear()
        self._mostrar_divergencia()

    def _mostrar_divergencia(self) -> None:
        secao_id, sessao = self.secao.currentData(), self._sessao
        if not secao_id:
            self.grupo_divergencia.hide()
            return
        servicos.consulta(self, lambda: votacao.divergencias(sessao, secao_id), self._on_divergencia,
                          titulo_erro="Apuração", chave="divergencia")

    def _on_divergencia(self, info: dict | None) -> None:
        if not info or len(info["digitacoes"]) < 2 or info["boletim"]:
            self.grupo_divergencia.hide()
            return
        d1, d2 = info["digitacoes"]
        colunas = _colunas_comparacao(d1["login"], d2["login"])
        if [c.titulo for c in colunas] != [c.titulo for c in self.comparacao.modelo.colunas]:
            self.comparacao.modelo.definir_colunas(colunas)
            ajustar_colunas(self.comparacao.visao)
        linhas = [("Comparecimento", d1["comparecimento"], d2["comparecimento"]),
                  ("Brancos", d1["brancos"], d2["brancos"]), ("Nulos", d1["nulos"], d2["nulos"])]
        for n in sorted(set(d1["votos"]) | set(d2["votos"])):
            linhas.append((f"Candidato {n}", d1["votos"].get(n, 0), d2["votos"].get(n, 0)))
        self.comparacao.definir_linhas([{"campo": r, "primeira": a, "segunda": b} for r, a, b in linhas])
        digitou = self._sessao.usuario.id in (d1["usuario_id"], d2["usuario_id"])
        self.resolver.setEnabled(self._sessao.pode(Permissao.ELEICAO_EDITAR) and not digitou and self._recusa is None)
        self.resolver.setToolTip(self._recusa or ("Quem digitou a seção não pode resolver a divergência."
                                                  if digitou else ""))
        self.grupo_divergencia.show()

    def _on_voto(self, c: dict, texto: str) -> None:
        self._digitados[c["id"]] = texto.strip()

    def _on_voto_fechado(self, _editor, dica) -> None:
        """Enter no editor dos votos (SubmitModelCache) grava e desce ao próximo candidato, na coluna dos votos."""
        if dica != QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            return
        visao = self.votos.visao
        atual = visao.currentIndex()
        if atual.isValid() and atual.row() + 1 < visao.model().rowCount():
            visao.setCurrentIndex(atual.sibling(atual.row() + 1, atual.column()))

    def _valores(self) -> dict:
        votos = {int(c["numero"]): self._digitados.get(c["id"], "") or "0" for c in self.votos.linhas()}
        return {"comparecimento": self.comparecimento.texto(), "brancos": self.brancos.texto(),
                "nulos": self.nulos.texto(), "votos": votos}

    # -- ações ------------------------------------------------------------------------------
    def _gravar(self, acao, ao_gravar) -> None:
        """Roda ``acao()`` (os valores da tela já lidos) fora da thread da interface (servicos.operacao);
        a recusa vai para o rótulo de mensagem, como antes."""
        servicos.gravar(self, "Gravando o boletim…", acao, ao_gravar, titulo_erro="Apuração",
                        ao_recusar=lambda erro: self.mensagem.setText(str(erro)))

    def _on_gravar(self) -> None:
        sessao, pid, secao, valores = self._sessao, self._processo_id, self.secao.currentData(), self._valores()
        self._gravar(lambda: _digitar(sessao, pid, secao, valores), self._on_digitado)

    def _on_digitado(self, r: dict) -> None:
        self.recarregar()
        self.mensagem.setText(r["mensagem"] + (" Atenção: o boletim foi à fila de auditoria (limites de "
                                               "plausibilidade); conta depois que o supervisor o liberar."
                                               if r["conferido"] and r["em_auditoria"] else ""))
        if r["conferido"]:
            self.sig_apurada.emit()

    def _on_resolver(self) -> None:
        sessao, secao, valores = self._sessao, self.secao.currentData(), self._valores()
        justificativa, papel = self.justificativa.text(), self.boletim_papel.text()
        self._gravar(lambda: votacao.resolver(sessao, secao, **valores, justificativa=justificativa,
                                              boletim_papel=papel), self._on_resolvido)

    def _on_resolvido(self, _r) -> None:
        self.recarregar()
        self.mensagem.setText("Divergência resolvida pelo supervisor: o boletim da seção entrou na apuração.")
        self.sig_apurada.emit()


class PainelApuracao(QWidget):
    """Seções apuradas, classificação parcial e gráfico; atualiza a cada seção que entra."""

    def __init__(self, sessao, processo_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao, self._processo_id = sessao, processo_id
        self.carregando = False
        self.resumo = QLabel()
        self.resumo.setObjectName("resumo")
        self.resumo.setWordWrap(True)
        self.ranking = Lista(COLUNAS_RANKING, self, nome="Classificação parcial", chave="numero")
        self.grafico = GraficoBarras()
        atualizar = QPushButton("Atua&lizar")
        atualizar.clicked.connect(self.recarregar)
        lay = QVBoxLayout(self)
        topo = QHBoxLayout()
        topo.addWidget(self.resumo, 1)
        topo.addWidget(atualizar)
        lay.addLayout(topo)
        corpo = QHBoxLayout()
        corpo.addWidget(self.ranking.visao, 2)  # a tabela lê-se inteira (nome e situação); o gráfico, o resto
        corpo.addWidget(self.grafico, 1)
        lay.addLayout(corpo, 1)
        self.recarregar()

    def dados_recebidos(self) -> None:
        """Um pacote de sincronização foi importado (a janela avisa): as seções que ele trouxe entram no painel."""
        self.recarregar()

    def recarregar(self) -> None:
        """Apura (parcial) fora da thread da interface; o painel mostra ao chegar (``carregando`` até lá)."""
        sessao, pid = self._sessao, self._processo_id
        servicos.consulta(self, lambda: _painel(sessao, pid), self._on_apurado, titulo_erro="Painel da apuração",
                          chave="painel")

    def _on_apurado(self, painel: dict) -> None:
        self.resumo.setText(painel["resumo"])
        self.ranking.definir_linhas(painel["linhas"])
        self.grafico.definir(painel["barras"])
