"""Aba Folha mensal: prévia da competência, pendências, rubricas de cada servidor, fechamento e reabertura.

O cálculo, as conferências e a gravação são de ``desktop.services.magisterio.folha``; cada rubrica
mostra o artigo da Lei 1.613/2004 que a gerou. Os PDFs e o CSV ficam em ``folha_documentos``.
"""
from __future__ import annotations

import html
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QTabWidget,
                               QVBoxLayout, QWidget)

from desktop.rules.folha.tipos import Natureza
from desktop.rules.papeis import Papel, Permissao
from desktop.screens.widgets import avisos, formato, servicos, soltura
from desktop.screens.widgets.formato import decimal_br
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.situacao import reservar_linhas
from desktop.services.magisterio import folha
from desktop.screens.widgets.divisor import criar_divisor

from . import comum
from .folha_documentos import BarraDocumentos

_DIREITA = "direita"
_ABA_CONTRACHEQUE, _ABA_PENDENCIAS, _ABA_EMITIDOS = range(3)  # as abas embaixo da lista (AbaFolha.detalhe)
# a 1366×768 as oito colunas de antes passavam da largura e o Líquido (e parte dos Descontos) só se via rolando
# para o lado: a jornada vai junto do nível e da classe, a matrícula tem o título curto e a lotação cede a sobra
# (a escola inteira na dica)
_COLUNAS_SERVIDORES = [
    Coluna("Nome", lambda i: i.servidor.nome, largura=240),
    Coluna("Matr.", lambda i: i.servidor.matricula, titulo_longo="Matrícula"),
    Coluna("Lotação", lambda i: i.servidor.lotacao, largura=130, esticar=True, dica=lambda i: i.servidor.lotacao),
    Coluna("Nível / classe / jornada", lambda i: f"{i.servidor.nivel_classe} · {i.servidor.jornada} h"),
    Coluna("Proventos", lambda i: comum.dinheiro(i.contracheque.proventos), ordenar=lambda i: i.contracheque.proventos,
           alinhamento=_DIREITA, largura=115),
    Coluna("Descontos", lambda i: comum.dinheiro(i.contracheque.descontos), ordenar=lambda i: i.contracheque.descontos,
           alinhamento=_DIREITA, largura=115),
    Coluna("Líquido", lambda i: comum.dinheiro(i.contracheque.liquido), ordenar=lambda i: i.contracheque.liquido,
           alinhamento=_DIREITA, largura=125, cor=lambda i: "#b00020" if i.contracheque.liquido < 0 else None),
]
_COLUNAS_PENDENCIAS = [
    Coluna("Pendência", lambda p: p.rotulo, largura=200,
           cor=lambda p: "#b00020" if not p.aceitavel else "#8a5a00"),
    Coluna("Servidor", lambda p: f"{p.nome} ({p.matricula})" if p.nome else "toda a folha", largura=240),
    Coluna("O que fazer", lambda p: p.mensagem, esticar=True, dica=lambda p: p.mensagem + (
        f" — {p.fundamento}" if p.fundamento else "")),
]
_COLUNAS_RUBRICAS = [
    Coluna("Código", lambda l: l.codigo, alinhamento="centro", largura=70),
    Coluna("Descrição", lambda l: l.descricao, largura=360),
    Coluna("Base", lambda l: comum.dinheiro(l.base), alinhamento=_DIREITA, largura=105),
    Coluna("%", lambda l: _percentual(l.percentual), alinhamento=_DIREITA, largura=65),
    Coluna("Qtd.", lambda l: decimal_br(l.quantidade), alinhamento=_DIREITA, largura=55),
    Coluna("Provento", lambda l: comum.dinheiro(l.valor) if l.natureza is Natureza.PROVENTO else "",
           alinhamento=_DIREITA, largura=105),
    Coluna("Desconto", lambda l: comum.dinheiro(l.valor) if l.natureza is Natureza.DESCONTO else "",
           alinhamento=_DIREITA, largura=105),
    Coluna("Fundamento", lambda l: l.fundamento, esticar=True),
]


def _totais(itens: list) -> tuple[Decimal, Decimal]:
    """(proventos, descontos) da lista de contracheques."""
    return (sum((i.contracheque.proventos for i in itens), Decimal("0.00")),
            sum((i.contracheque.descontos for i in itens), Decimal("0.00")))


def _percentual(valor) -> str:
    """Percentual da rubrica sempre com duas casas: 10,00 · 63,12 · 14,00 (vazio se não há)."""
    return "" if valor is None else decimal_br(Decimal(str(valor)).quantize(Decimal("0.01")))


class DialogoReabrir(DialogoFormulario):
    def __init__(self, sessao, competencia: date, parent: QWidget | None = None):
        super().__init__("Reabrir competência", "Reabrir competência", parent,
                         f"Reabrir {comum.competencia_extenso(competencia)} apaga os contracheques gravados para "
                         "recalcular. Quem reabriu, quando e o motivo ficam no diário de auditoria.")
        self._sessao, self._competencia = sessao, competencia
        self.motivo = self.adicionar("Motivo:", CampoValidado(self._motivo, parent=self,
                                                              placeholder="ex.: falta de 12/03 lançada depois"))
        self.motivo.setFocus()

    @staticmethod
    def _motivo(texto: str) -> str:
        t = " ".join(texto.split())
        if len(t) < folha.MOTIVO_MINIMO:
            raise comum.EntradaInvalida(f"Explique o motivo com pelo menos {folha.MOTIVO_MINIMO} caracteres.")
        return t

    def chamada(self):
        sessao, comp, motivo = self._sessao, self._competencia, self.motivo.valor()
        return lambda: folha.reabrir(sessao, comp, motivo)


class AbaFolha(QWidget):
    sig_lancamentos = Signal(object)  # competência (date): abrir a grade do mês por escola (painel)

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.previa: folha.Previa | None = None
        self.pendencias: list = []
        self.fechada: dict | None = None
        self.tarefa = self.dialogo = None
        self.carregando = False  # os contracheques gravados estão sendo lidos em segundo plano
        self._pedido = 0  # cada carga nova invalida a resposta de uma leitura anterior
        hoje = date.today()
        self.mes = QComboBox(self)
        for i, nome in enumerate(comum.MESES, start=1):
            self.mes.addItem(nome, i)
        self.mes.setCurrentIndex(hoje.month - 1)
        self.mes.setAccessibleName("Mês da competência")
        self.ano = QSpinBox(self)
        self.ano.setRange(2004, 2100)
        self.ano.setValue(hoje.year)
        self.ano.setAccessibleName("Ano da competência")
        self.botao_previa = QPushButton("&Calcular prévia", self)
        self.botao_fechar = QPushButton("&Fechar competência…", self)
        self.botao_reabrir = QPushButton("&Reabrir…", self)
        self.botao_lancamentos = QPushButton("Lançamentos &do mês…", self)  # Alt+M é do menu Módulos
        self.botao_lancamentos.setToolTip("Faltas, horas noturnas e rubricas avulsas da competência, escola por escola")
        self.situacao = reservar_linhas(QLabel(self), 2)  # o texto muda; a tabela e os botões não pulam
        self.situacao.setWordWrap(True)
        self.totais = reservar_linhas(QLabel(self), 1)
        rotulo_comp = QLabel("Competência:", self)
        rotulo_comp.setBuddy(self.mes)
        topo = QHBoxLayout()
        for w in (rotulo_comp, self.mes, self.ano, self.botao_previa, self.botao_fechar, self.botao_reabrir,
                  self.botao_lancamentos):
            topo.addWidget(w)
        topo.addStretch(1)
        self.modelo = ModeloTabela(_COLUNAS_SERVIDORES, self)
        self.proxy = ProxyFiltro(self.modelo, self)
        self.filtro = QLineEdit(self)
        self.filtro.setPlaceholderText("Filtrar por nome, matrícula, lotação ou nível")
        self.filtro.setClearButtonEnabled(True)
        self.filtro.textChanged.connect(self.proxy.definir_texto)
        self.tabela = criar_visao(self.proxy, self, nome="Servidores da folha")
        self.tabela.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # 'Escola…Santos Dumont': o fim distingue
        self.modelo_pendencias = ModeloTabela(_COLUNAS_PENDENCIAS, self)
        self.tabela_pendencias = criar_visao(ProxyFiltro(self.modelo_pendencias, self), self, nome="Pendências")
        self.modelo_rubricas = ModeloTabela(_COLUNAS_RUBRICAS, self)
        self.tabela_rubricas = criar_visao(ProxyFiltro(self.modelo_rubricas, self), self, nome="Rubricas")
        self.tabela_rubricas.setSortingEnabled(False)
        self.documentos = BarraDocumentos(sessao, self)
        # embaixo da lista, uma aba de cada vez: o contracheque do selecionado, as pendências da prévia e os
        # documentos emitidos da competência fechada. Empilhados (dois quadros e o dos emitidos embaixo dos botões),
        # a 1366×768 a lista mostrava uma linha na prévia e nenhuma na competência fechada, o contracheque uma só,
        # e a janela passava da altura da tela
        self.detalhe = QTabWidget(self)
        self.detalhe.setDocumentMode(True)
        self.detalhe.addTab(self.tabela_rubricas, "")
        self.detalhe.addTab(self.tabela_pendencias, "")
        self.documentos.emitidos.hide()  # a aba dos emitidos só existe com a competência fechada
        esquerda = QWidget(self)
        lay_esq = QVBoxLayout(esquerda)
        lay_esq.setContentsMargins(0, 0, 0, 0)
        lay_esq.addWidget(self.filtro)
        lay_esq.addWidget(self.tabela, 1)
        lay_esq.addWidget(self.totais)
        divisor = criar_divisor(Qt.Orientation.Vertical, self)
        divisor.addWidget(esquerda)
        divisor.addWidget(self.detalhe)
        divisor.setStretchFactor(0, 4)
        divisor.setStretchFactor(1, 3)
        divisor.setSizes([400, 300])
        lay = QVBoxLayout(self)
        lay.addLayout(topo)
        lay.addWidget(self.situacao)
        lay.addWidget(divisor, 1)
        lay.addWidget(self.documentos)
        self.botao_previa.clicked.connect(self._on_previa)
        self.botao_fechar.clicked.connect(self._on_fechar)
        self.botao_reabrir.clicked.connect(self._on_reabrir)
        self.botao_lancamentos.clicked.connect(lambda: self.sig_lancamentos.emit(self.competencia()))
        self.mes.currentIndexChanged.connect(lambda *_: self.carregar())
        self.ano.valueChanged.connect(lambda *_: self.carregar())
        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        self.tabela_pendencias.activated.connect(self._on_pendencia)  # duplo clique ou Enter
        self.carregar()

    # -- estado ------------------------------------------------------------------------------
    def competencia(self) -> date:
        return date(self.ano.value(), self.mes.currentData(), 1)

    def definir_competencia(self, comp: date) -> None:
        self.ano.blockSignals(True)
        self.ano.setValue(comp.year)
        self.ano.blockSignals(False)
        self.mes.setCurrentIndex(comp.month - 1)
        self.carregar()

    def carregar(self) -> None:
        """Mostra a competência escolhida: os contracheques gravados, se fechada; senão, nada até a prévia.

        A situação da competência e depois os contracheques gravados (milhares) são lidos em segundo plano
        (``servicos.consulta``) e aparecem quando chegam (``carregando`` enquanto isso)."""
        comp = self.competencia()
        self._trocar_previa(None)
        self._pedido += 1
        pedido, sessao = self._pedido, self._sessao
        self.carregando = True
        self.fechada = None
        self.situacao.setText(f"<b>{comum.competencia_extenso(comp).capitalize()}</b>: lendo a situação…")
        self._mostrar([])  # nada da competência anterior fica na tela (nem os botões dela)
        servicos.consulta(self, lambda: folha.obter_competencia(sessao, comp),
                          lambda fechada: self._on_situacao(pedido, comp, fechada), titulo_erro="Folha mensal",
                          ao_falhar=self._on_leitura_falhou)

    def _on_situacao(self, pedido: int, comp: date, fechada: dict | None) -> None:
        if pedido != self._pedido:
            return  # o usuário já trocou de competência (ou calculou a prévia)
        if fechada and fechada["situacao"] == "fechada":
            self._exibir_fechada(fechada, None)
            sessao = self._sessao
            servicos.consulta(self, lambda: folha.contracheques(sessao, comp),
                              lambda itens: self._on_gravados(pedido, fechada, itens), titulo_erro="Folha mensal",
                              ao_falhar=self._on_leitura_falhou)
            return
        self.fechada = None
        self.carregando = False
        self.situacao.setText(f"<b>{comum.competencia_extenso(comp).capitalize()}: aberta.</b> Calcule a prévia "
                              "para conferir; nada é gravado até o fechamento.")
        self._mostrar([])

    def _exibir_fechada(self, f: dict, itens: list | None) -> None:
        self.fechada = f
        self.situacao.setText(f"<b>{comum.competencia_extenso(f['competencia']).capitalize()}: fechada</b> em "
                              f"{formato.data(f['fechada_em'])} por {html.escape(f.get('fechada_por_nome') or f['fechada_por'])}. Os contracheques abaixo "
                              "são os gravados e não mudam mais.")
        self._mostrar(itens or [], (f["proventos"], f["descontos"]) if itens else None)

    def _on_gravados(self, pedido: int, fechada: dict, itens: list) -> None:
        if pedido != self._pedido:
            return  # o usuário já trocou de competência
        self.carregando = False
        self._exibir_fechada(fechada, itens)

    def _on_leitura_falhou(self, _erro: BaseException) -> None:
        self.carregando = False  # o aviso já foi mostrado por servicos.consulta

    def _mostrar(self, itens: list, totais: tuple | None = None) -> None:
        """``totais`` (proventos, descontos), se já somados fora da thread da interface."""
        self.modelo.definir_linhas(itens)
        self.modelo_pendencias.definir_linhas(self.pendencias)
        self._titulo_pendencias()
        if itens and totais is None:
            totais = _totais(itens)
        if itens:
            proventos, descontos = totais
            self.totais.setText(f"{len(itens)} servidor(es) · proventos {comum.dinheiro(proventos)} · descontos "
                                f"{comum.dinheiro(descontos)} · <b>líquido {comum.dinheiro(proventos - descontos)}</b>")
        else:
            self.totais.setText("")
        self._on_selecao()
        self._atualizar_botoes()

    def _atualizar_botoes(self) -> None:
        editar = self._sessao.pode(Permissao.MAGISTERIO_EDITAR)
        fechada = self.fechada is not None
        self.botao_previa.setEnabled(not fechada)
        self.botao_fechar.setEnabled(editar and not fechada and self.previa is not None)
        admin = Papel(self._sessao.usuario.papel) is Papel.ADMINISTRADOR
        self.botao_reabrir.setVisible(admin)
        self.botao_reabrir.setEnabled(admin and fechada)
        self.documentos.definir(self.competencia() if fechada else None, self.selecionado())
        self._aba_emitidos(fechada)

    def _aba_emitidos(self, fechada: bool) -> None:
        """A terceira aba, 'Documentos emitidos', só com a competência fechada (antes dela não há documentos)."""
        quadro = self.documentos.emitidos
        if fechada and self.detalhe.indexOf(quadro) < 0:
            self.detalhe.insertTab(_ABA_EMITIDOS, quadro, "Documentos emit&idos")
            self.detalhe.setTabToolTip(_ABA_EMITIDOS, "Reabrir, reimprimir ou emitir nova via dos documentos "
                                                      "desta competência")
        elif not fechada and self.detalhe.indexOf(quadro) >= 0:
            if self.detalhe.currentWidget() is quadro:
                self.detalhe.setCurrentIndex(_ABA_CONTRACHEQUE)  # sem ela, a aba atual seria a das pendências
            self.detalhe.removeTab(_ABA_EMITIDOS)
            quadro.hide()

    def _titulo_pendencias(self) -> None:
        """'Pendências (n)' na aba, em vermelho se alguma impede o fechamento, em ocre se todas são aceitáveis."""
        n = len(self.pendencias)
        self.detalhe.setTabText(_ABA_PENDENCIAS, f"Pe&ndências ({n}) — conferidas no fechamento")
        cor = ("#b00020" if any(not p.aceitavel for p in self.pendencias) else "#8a5a00") if n else None
        self.detalhe.tabBar().setTabTextColor(_ABA_PENDENCIAS, QColor(cor) if cor else QColor())

    def _trocar_previa(self, previa: folha.Previa | None, pendencias: list | None = None) -> None:
        """A prévia que sai (3.000 contracheques, fichas e identidades) é solta noutra thread (``soltura``): soltá-la
        aqui eram ~16 ms na thread da interface, no mesmo instante em que a tela mostra o fechamento (issue 16)."""
        antiga, self.previa, self.pendencias = self.previa, previa, pendencias or []
        if antiga is not None and antiga is not previa:
            soltura.soltar(antiga)

    def selecionado(self):
        return linha_selecionada(self.tabela)

    # -- slots -------------------------------------------------------------------------------
    def _on_selecao(self, *_args) -> None:
        item = self.selecionado()
        self.modelo_rubricas.definir_linhas(item.contracheque.linhas if item else [])
        nome = item.servidor.nome.replace("&", "&&") if item else ""
        self.detalhe.setTabText(_ABA_CONTRACHEQUE, f"Contrac&heque de {nome} — líquido "
                                f"{comum.dinheiro(item.contracheque.liquido)}" if item else
                                "Contrac&heque do servidor selecionado (escolha um servidor na lista)")
        self.documentos.definir(self.competencia() if self.fechada else None, item)

    def _on_pendencia(self, indice) -> None:
        p = self.tabela_pendencias.model().linha_origem(indice)
        for i in range(self.proxy.rowCount()):
            if self.proxy.linha_origem(self.proxy.index(i, 0)).contracheque.pessoa_id == p.servidor_id:
                self.tabela.selectRow(i)
                self.detalhe.setCurrentIndex(_ABA_CONTRACHEQUE)  # o contracheque dele, no lugar das pendências
                return

    def _on_previa(self) -> None:
        comp = self.competencia()

        def _trabalho(progresso):
            p = folha.previa(self._sessao, comp, lambda f, t: progresso.informar(f, t, f"Calculando {f} de {t}…"))
            return p, folha.pendencias(p), _totais(p.itens)  # tudo fora da thread da interface

        self.tarefa = servicos.operacao(self, f"Calculando a prévia de {comum.competencia_extenso(comp)}…",
                                        _trabalho, self._on_previa_pronta, titulo_erro="Calcular prévia")

    def _on_previa_pronta(self, resultado) -> None:
        self.tarefa = None
        self._pedido += 1  # uma leitura ainda em andamento não sobrescreve a prévia
        self.carregando = False
        previa, pendencias, totais = resultado
        self._trocar_previa(previa, pendencias)
        self.situacao.setText(f"<b>Prévia de {comum.competencia_extenso(self.previa.competencia)}</b> (nada gravado). "
                              f"{len(self.pendencias)} pendência(s). Confira e feche a competência.")
        self._mostrar(self.previa.itens, totais)
        if any(not p.aceitavel for p in self.pendencias):  # o que impede o fechamento fica à vista
            self.detalhe.setCurrentIndex(_ABA_PENDENCIAS)

    def _on_fechar(self) -> None:
        if self.previa is None:
            return
        comp, n = self.previa.competencia, len(self.pendencias)
        impedem = [p for p in self.pendencias if not p.aceitavel]
        if impedem:
            self.detalhe.setCurrentIndex(_ABA_PENDENCIAS)
            avisos.erro(self, "Fechar competência", f"{len(impedem)} servidor(es) com erro no cálculo impedem o "
                        "fechamento. Corrija o cadastro (veja as pendências em vermelho) e calcule a prévia de novo.")
            return
        detalhe = ("Depois de fechada, a competência não muda mais; só um administrador pode reabri-la, com motivo.")
        if n:
            detalhe = f"As {n} pendência(s) listadas serão aceitas e registradas com o seu nome. " + detalhe
        if not avisos.confirmar(self, "Fechar competência", f"Fechar a folha de {comum.competencia_extenso(comp)} "
                                f"com {len(self.previa.itens)} servidor(es)?", sim="Fechar competência",
                                detalhe=detalhe, perigoso=bool(n)):
            return

        def _trabalho(progresso):
            folha.fechar(self._sessao, comp, lambda f, t: progresso.informar(f, t, f"Fechando {f} de {t}…"),
                         aceitar_pendencias=bool(n))
            # os gravados, relidos ainda fora da thread da interface: a tela mostra o que foi gravado
            return folha.obter_competencia(self._sessao, comp), folha.contracheques(self._sessao, comp)

        self.tarefa = servicos.operacao(self, "Fechando a competência…", _trabalho, self._on_fechada,
                                        titulo_erro="Fechar competência")

    def _on_fechada(self, resultado) -> None:
        self.tarefa = None
        self._pedido += 1
        self.carregando = False
        self._trocar_previa(None)
        fechada, itens = resultado
        self._exibir_fechada(fechada, itens)

    def _on_reabrir(self) -> None:
        self.dialogo = DialogoReabrir(self._sessao, self.competencia(), self)
        self.dialogo.accepted.connect(self.carregar)
        self.dialogo.open()
