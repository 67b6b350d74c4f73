"""Ficha funcional de um servidor: dados, situação de hoje, linha do tempo e os históricos em sub-abas.

A situação e a linha do tempo vêm de ``desktop.services.magisterio.consultas`` (as regras da
carreira citam o artigo de cada mudança); o histórico funcional em PDF, do serviço de documentos.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from desktop.rules.magisterio.tabelas import nome_nivel
from desktop.rules.pagamento.banco import DadosBancarios, formatar_pis
from desktop.screens.widgets import formato, servicos
from desktop.screens.widgets.emissao import emitir_em_segundo_plano
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao
from desktop.screens.documentos.emitidos import QuadroEmitidos
from desktop.screens.pagamento.dados import DialogoPagamento
from desktop.services import cadastros
from desktop.services.magisterio import cadastro, consultas, documentos
from desktop.services.pagamento import dados as dados_pagamento

from . import campos_historico as ch
from .descontos import DialogoDescontos
from . import comum
from .historicos import AbaHistorico

_COLUNAS_TEMPO = [
    Coluna("Data", lambda m: formato.data(m.data), ordenar=lambda m: m.data, largura=100),
    Coluna("Acontecimento", lambda m: m.descricao, esticar=True,
           dica=lambda m: m.descricao + (" (previsto, se nada mudar no cadastro)" if m.data > date.today() else "")),
    Coluna("Fundamento", lambda m: m.fundamento, largura=290),
]


def ler_abertura(sessao, servidor_id: str) -> dict:
    """O que a ficha precisa para abrir: o servidor e as listas que vêm da base para os históricos (escolas,
    setores, tipos de afastamento, códigos de falta). Roda fora da thread da interface (``abrir_ficha``)."""
    escolas = {e["id"]: e["nome"] for e in cadastro.listar_escolas(sessao, incluir_inativas=True)}
    setores = {u["id"]: f"{u['nome']} (setor)" for u in cadastros.listar_unidades(sessao, "secretaria")}
    dinamicas = {
        "escolas": escolas, "lotacoes": escolas | setores,
        "tipos_afastamento": {t["codigo"]: f"{t['codigo']} — {t['descricao']}"
                              for t in cadastro.listar_tipos_afastamento(sessao)},
        "codigos_falta": {t["codigo"]: f"{t['codigo']} — {t['descricao']}"
                          for t in cadastro.listar_codigos_falta(sessao)},
    }
    return {"servidor": cadastro.obter(sessao, servidor_id), "dinamicas": dinamicas}


def abrir_ficha(dono: QWidget, sessao, servidor_id: str, ao_abrir, *, ao_falhar=None) -> None:
    """Lê ``ler_abertura`` fora da thread da interface e entrega a ficha pronta a ``ao_abrir(dialogo)``;
    uma recusa é avisada e vai a ``ao_falhar(erro)``."""
    servicos.consulta(dono, lambda: ler_abertura(sessao, servidor_id),
                      lambda abertura: ao_abrir(DialogoFicha(sessao, abertura, dono)),
                      titulo_erro="Ficha funcional", ao_falhar=ao_falhar)


class DialogoFicha(QDialog):
    """A ficha de um servidor; as mudanças nos históricos atualizam a situação e a linha do tempo."""

    def __init__(self, sessao, abertura: dict, parent: QWidget | None = None):
        """``abertura``: o que ``ler_abertura`` leu fora da thread da interface (o servidor e as listas da
        base dos históricos); ``abrir_ficha`` lê e abre."""
        super().__init__(parent)
        self.servidor = abertura["servidor"]
        servidor_id = self.servidor["id"]
        self._sessao, self.servidor_id = sessao, servidor_id
        self.ultimo_arquivo = None
        self.lendo = 0  # leituras em andamento (situação, linha do tempo e pagamento vêm fora da interface)
        self.setWindowTitle(f"Ficha funcional — {self.servidor['nome']}")
        self.resize(1320, 660)  # as 13 abas cabem sem rolar; com a barra de título, cabe em 1366×768
        self.cabecalho = QLabel(self)
        self.cabecalho.setWordWrap(True)
        self.cabecalho.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        self.mensagem = QLabel(self)  # o histórico emitido: onde foi salvo, o código, Abrir e Imprimir
        self.mensagem.setWordWrap(True)
        self.mensagem.hide()
        self.abas = QTabWidget(self)
        self.modelo_tempo = ModeloTabela(_COLUNAS_TEMPO, self,
                                         cor_linha=lambda m: "#6b6b6b" if m.data > date.today() else None)
        self.tabela_tempo = criar_visao(ProxyFiltro(self.modelo_tempo, self), self, nome="Linha do tempo")
        self.tabela_tempo.setSortingEnabled(False)
        pagina_tempo = QWidget(self)
        lay_tempo = QVBoxLayout(pagina_tempo)
        nota = QLabel("Todas as mudanças da carreira, da admissão em diante. As datas futuras (em cinza) são "
                      "previstas: valem se nada mudar no cadastro.", pagina_tempo)
        nota.setWordWrap(True)
        lay_tempo.addWidget(nota)
        lay_tempo.addWidget(self.tabela_tempo, 1)
        self.abas.addTab(pagina_tempo, "Linha do &tempo")
        dinamicas = abertura["dinamicas"]
        self.historicos: dict[str, AbaHistorico] = {}
        for h in ch.HISTORICOS:
            aba = AbaHistorico(sessao, h, servidor_id, dinamicas, self)
            aba.sig_alterado.connect(self._on_historico_alterado)
            self.historicos[h.nome] = aba
            self.abas.addTab(aba, h.titulo)
        self.emitidos = QuadroEmitidos(sessao, lambda: documentos.emitidos_do_servidor(sessao, servidor_id), self,
                                       "Históricos funcionais emitidos (reabrir, reimprimir, nova via)")
        pagina_emitidos = QWidget(self)
        lay_emitidos = QVBoxLayout(pagina_emitidos)
        nota_emitidos = QLabel("Corrigir a ficha deixa \"substituídos\" os históricos já emitidos (a verificação "
                               "avisa quem os conferir); emita um novo com os dados corrigidos.", pagina_emitidos)
        nota_emitidos.setWordWrap(True)
        lay_emitidos.addWidget(nota_emitidos)
        lay_emitidos.addWidget(self.emitidos)
        lay_emitidos.addStretch(1)
        self.pagina_emitidos = pagina_emitidos
        # 'Emitidos' e não 'Documentos emitidos': com a aba 'Horas noturnas' as treze abas passavam da largura e esta,
        # a última, ficava 'Docume…' atrás das setas de rolar (visto a 1366×768)
        self.abas.addTab(pagina_emitidos, "E&mitidos")  # Alt+E é de Encerrar… nas abas dos históricos
        for i in range(min(self.abas.count(), 9)):
            atalho = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
            atalho.activated.connect(lambda i=i: self.abas.setCurrentIndex(i))
            self.abas.setTabToolTip(i, f"Ctrl+{i + 1}")
        self.abas.setTabToolTip(self.abas.indexOf(pagina_emitidos),
                                "Documentos emitidos: os históricos funcionais do servidor (Alt+M)")
        self.botao_historico = QPushButton("Emitir &histórico funcional (PDF)…", self)
        self.botao_historico.clicked.connect(self._on_emitir_historico)
        # Alt+G: o Alt+P é o 'Reimprimir…' do histórico emitido, à vista na aba dos emitidos
        self.botao_pagamento = QPushButton("Dados de pa&gamento (banco e PIS)…", self)
        self.botao_pagamento.clicked.connect(self._on_pagamento)
        self.botao_descontos = QPushButton("&Descontos e rubricas avulsas…", self)
        self.botao_descontos.clicked.connect(self._on_descontos)
        botoes = QDialogButtonBox(self)
        botoes.addButton("Fechar", QDialogButtonBox.ButtonRole.RejectRole)
        botoes.rejected.connect(self.reject)
        rodape = QHBoxLayout()
        rodape.addWidget(self.botao_historico)
        rodape.addWidget(self.botao_pagamento)
        rodape.addWidget(self.botao_descontos)
        rodape.addStretch(1)
        rodape.addWidget(botoes)
        lay = QVBoxLayout(self)
        lay.addWidget(self.cabecalho)
        lay.addWidget(self.situacao)
        lay.addWidget(self.abas, 1)
        lay.addWidget(self.mensagem)
        lay.addLayout(rodape)
        self.recarregar()

    def recarregar(self) -> None:
        self.lendo += 1
        sessao, sid = self._sessao, self.servidor_id
        servicos.consulta(self, lambda: _ler_ficha(sessao, sid), self._on_lida, titulo_erro="Ficha funcional",
                          ao_falhar=self._on_fim_leitura)

    def _on_fim_leitura(self, *_args) -> None:
        self.lendo -= 1

    def _on_lida(self, lido: dict) -> None:
        """Mostra o que ``_ler_ficha`` leu; as recusas de cada parte, como antes: aviso para o pagamento e a
        linha do tempo, o motivo no lugar da situação."""
        self.lendo -= 1
        s = self.servidor = lido["servidor"]
        pagamento, erro = lido["pagamento"]
        if erro:
            comum.avisos.erro(self, "Dados de pagamento", erro)
        desligado = (f" — <b>desligado em {formato.data(s['desligamento'])}</b>" if s.get("desligamento") else "")
        self.cabecalho.setText(
            f"<span style='font-size:120%'><b>{s['nome']}</b></span>{desligado}<br>"
            f"CPF {comum.cpf(s['cpf'])} · matrícula {s['matricula']} · {comum.ROTULOS_CARGO[s['cargo']]} · "
            f"admissão em {formato.data(s['admissao'])}<br>{_texto_pagamento(pagamento)}")
        sit, erro = lido["situacao"]
        if erro:
            self.situacao.setText(f"Situação de hoje: {erro}")
        else:
            self.situacao.setText(
                f"Situação em {formato.data(sit.data)}: <b>{nome_nivel(sit.nivel)}, classe {sit.classe}, "
                f"jornada paga de {sit.jornada} h</b>" + (" · em estágio probatório (art. 9º)"
                                                          if sit.em_estagio_probatorio else ""))
        eventos, erro = lido["eventos"]
        if erro:
            comum.avisos.erro(self, "Linha do tempo", erro)
        self.modelo_tempo.definir_linhas(eventos or [])

    def eventos(self) -> list:
        return self.modelo_tempo.linhas()

    def _on_historico_alterado(self) -> None:
        self.recarregar()
        self.emitidos.atualizar()  # a correção substitui os históricos emitidos

    def _on_emitir_historico(self) -> None:
        sessao, sid = self._sessao, self.servidor_id

        def _salvo(caminho) -> None:
            self.ultimo_arquivo = caminho

        emitir_em_segundo_plano(self, self.mensagem, "Histórico funcional",
                                lambda _p: documentos.emitir_historico(sessao, sid),
                                f"historico-funcional-{comum.nome_arquivo(self.servidor['nome'])}",
                                andamento="Emitindo o histórico funcional…", abrir=True, ao_salvar=_salvo,
                                ao_terminar=lambda emitido: emitido is not None and self.emitidos.atualizar())

    def _on_pagamento(self) -> None:
        sessao, sid = self._sessao, self.servidor_id
        servicos.consulta(self, lambda: dados_pagamento.do_servidor(sessao, sid), self._abrir_pagamento,
                          titulo_erro="Dados de pagamento")

    def _abrir_pagamento(self, atuais: dict) -> None:
        self.dialogo_pagamento = DialogoPagamento(
            self.servidor["nome"], atuais,
            lambda **v: dados_pagamento.definir_do_servidor(self._sessao, self.servidor_id, **v), self)
        self.dialogo_pagamento.accepted.connect(self.recarregar)
        self.dialogo_pagamento.open()

    def _on_descontos(self) -> None:
        hoje = date.today()
        self.dialogo_descontos = DialogoDescontos(self._sessao, self.servidor_id, self.servidor["nome"],
                                                  f"{formato.competencia(hoje)}", self)
        self.dialogo_descontos.open()


def _ler_ficha(sessao, servidor_id: str) -> dict:
    """Tudo o que o cabeçalho e a linha do tempo mostram, lido fora da thread da interface. Cada parte que o
    serviço recusa vem como (None, mensagem) — só dados simples voltam à interface."""
    def parte(funcao):
        try:
            return funcao(), None
        except Exception as e:  # noqa: BLE001 — recusa prevista: a ficha mostra o motivo
            if not comum.avisos.previsto(e):
                raise
            return None, comum.avisos.mensagem_de(e)

    return {"servidor": cadastro.obter(sessao, servidor_id),
            "pagamento": parte(lambda: dados_pagamento.do_servidor(sessao, servidor_id)),
            "situacao": parte(lambda: consultas.situacao(sessao, servidor_id)),
            "eventos": parte(lambda: consultas.linha_do_tempo(sessao, servidor_id))}


def _texto_pagamento(d: dict | None) -> str:
    if d is None:
        return ""
    partes = []
    if d.get("banco"):
        partes.append(DadosBancarios(d["banco"], d["agencia"], d["agencia_dv"], d["conta"], d["conta_dv"],
                                     d["tipo_conta"]).descricao)
    else:
        partes.append("<b>sem conta bancária</b> (fica fora do arquivo do banco)")
    partes.append(f"PIS/PASEP/NIT {formatar_pis(d['pis'])}" if d.get("pis") else "sem PIS/PASEP/NIT")
    return " · ".join(partes)
