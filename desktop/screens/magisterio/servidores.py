"""Aba Servidores: lista filtrável com a situação de hoje, novo servidor, ficha funcional e desligamento.

Com milhares de servidores, a situação de hoje (a carreira de cada um) é calculada em segundo plano e
aparece na coluna quando fica pronta; a lista e as situações só são relidas quando a base mudou
(``consultas.versao_dos_dados``): voltar à aba não recalcula nada. A lista também é lida em segundo
plano (``carregando`` enquanto isso) — a consulta leva ~150 ms com 3.000 servidores (issue 16).
"""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from desktop.rules import validacao
from desktop.rules.magisterio.tipos import Cargo, Titulo
from desktop.rules.magisterio.titulacao import recusa_de_ingresso
from desktop.rules.papeis import Permissao
from desktop.screens.widgets import avisos, formato, servicos
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.tabela import (Coluna, ModeloTabela, ProxyFiltro, alargar_para, criar_visao,
                                            linha_selecionada)
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.data import CampoData
from desktop.screens.widgets.leitura import ler
from desktop.screens.widgets.situacao import isolar_texto
from desktop.services.magisterio import cadastro, consultas

from . import comum
from .ficha import abrir_ficha

_DATA = "dd/mm/aaaa"


def _matricula(texto: str) -> str:
    t = (texto or "").strip()
    if not t:
        raise validacao.EntradaInvalida("Informe a matrícula.")
    if len(t) > 20:
        raise validacao.EntradaInvalida("A matrícula tem no máximo 20 caracteres.")
    return t


class DialogoNovoServidor(DialogoFormulario):
    """Cadastro de um servidor com a jornada, a titulação de ingresso e a lotação (arts. 8º, 14 e 23)."""

    def __init__(self, sessao, escolas: list[dict], parent: QWidget | None = None):
        """``escolas``: as escolas ativas (``cadastro.listar_escolas``), lidas antes de abrir."""
        super().__init__("Novo servidor do magistério", "Cadastrar servidor", parent,
                         "A titulação define o nível (Lei 1.613/2004, art. 14); a classe sai do tempo de "
                         "exercício. Os demais históricos se lançam depois, na ficha funcional.")
        self._sessao = sessao
        self.nome = self.adicionar("Nome completo:", CampoValidado(
            lambda t: validacao.obrigatorio(t, "o nome"), parent=self, placeholder="como nos documentos"))
        self.cpf = self.adicionar("CPF:", CampoValidado(validacao.cpf, parent=self, placeholder="000.000.000-00"))
        self.matricula = self.adicionar("Matrícula:", CampoValidado(_matricula, parent=self))
        self.cargo = QComboBox(self)
        for valor, rotulo in comum.ROTULOS_CARGO.items():
            self.cargo.addItem(rotulo, valor)
        self.adicionar("Cargo:", self.cargo)
        self.admissao = self.adicionar("Admissão:", CampoData(parent=self, placeholder=_DATA))
        self.jornada = QComboBox(self)
        self.jornada.addItem("20 horas semanais", 20)
        self.jornada.addItem("40 horas semanais", 40)
        self.adicionar("Jornada:", self.jornada)
        self.titulo = QComboBox(self)
        for valor, rotulo in comum.ROTULOS_TITULO.items():
            self.titulo.addItem(rotulo, valor)
        self.titulo.setCurrentIndex(self.titulo.findData("licenciatura_plena"))
        self.adicionar("Titulação:", self.titulo)
        # cargo, titulação e admissão juntos, conferidos enquanto se escolhe: quem entra depois da lei não entra
        # nos quadros em extinção (arts. 14 §§1º e 2º, 69 e 71); antes o cadastro aceitava e a folha travava
        self.erro_ingresso = QLabel(self)
        self.erro_ingresso.setWordWrap(True)
        self.erro_ingresso.setStyleSheet("color: #b00020;")
        self.erro_ingresso.hide()
        self.form.addRow("", self.erro_ingresso)
        self.data_titulacao = self.adicionar("Data da titulação (opcional):", CampoData(
            obrigatorio=False, parent=self, placeholder=f"{_DATA} — em branco = a admissão"))
        self.escola = QComboBox(self)
        self.escola.addItem("(sem lotação por enquanto)", None)
        for e in escolas:
            self.escola.addItem(e["nome"], e["id"])
        self.adicionar("Escola:", self.escola)
        self.nascimento = self.adicionar("Nascimento (opcional):", CampoData(
            obrigatorio=False, parent=self, placeholder=_DATA))
        self.dependentes = self.adicionar("Dependentes para o IRRF:", CampoValidado(comum.inteiro, parent=self))
        self.dependentes.definir_texto("0")
        self.cargo.currentIndexChanged.connect(self._on_ingresso)
        self.titulo.currentIndexChanged.connect(self._on_ingresso)
        self.admissao.edit.textChanged.connect(self._on_ingresso)
        self.atualizar_botao()
        self.nome.setFocus()

    def _recusa_de_ingresso(self) -> str | None:
        if not self.admissao.valido():
            return None  # a data errada já tem o seu aviso
        return recusa_de_ingresso(Cargo(self.cargo.currentData()), Titulo(self.titulo.currentData()),
                                  self.admissao.valor())

    def _on_ingresso(self, *_args) -> None:
        recusa = self._recusa_de_ingresso()
        self.erro_ingresso.setText(recusa or "")
        self.erro_ingresso.setVisible(bool(recusa))
        self.atualizar_botao()
        self._ajustar_altura()

    def campos_validos(self) -> bool:
        return super().campos_validos() and self._recusa_de_ingresso() is None

    def chamada(self) -> partial:
        return partial(cadastro.cadastrar_servidor,
            self._sessao, nome=self.nome.valor(), cpf=self.cpf.valor(), matricula=self.matricula.valor(),
            cargo=self.cargo.currentData(), admissao=self.admissao.valor(), jornada=self.jornada.currentData(),
            titulo=self.titulo.currentData(), data_titulacao=self.data_titulacao.valor(),
            escola_id=self.escola.currentData(), nascimento=self.nascimento.valor(),
            dependentes_irrf=self.dependentes.valor())


class DialogoDesligar(DialogoFormulario):
    """Desligamento (exoneração, aposentadoria...): os períodos em aberto terminam na data."""

    def __init__(self, sessao, servidor: dict, parent: QWidget | None = None):
        super().__init__("Desligar servidor", "Desligar…", parent,
                         f"Desligar {servidor['nome']} (matrícula {servidor['matricula']}). Lotação, jornada e "
                         "demais períodos em aberto terminam na data do desligamento. Nada é apagado.")
        self._sessao, self._servidor = sessao, servidor
        self.data = self.adicionar("Data do desligamento:", CampoData(parent=self,
                                                                          placeholder=_DATA))
        self.motivo = QComboBox(self)
        for valor, rotulo in cadastro.MOTIVOS_DESLIGAMENTO.items():
            self.motivo.addItem(rotulo, valor)
        self.adicionar("Motivo:", self.motivo)
        self.ato = self.adicionar("Ato (opcional):", CampoValidado(lambda t: t.strip(), obrigatorio=False, parent=self,
                                                                    placeholder="decreto, portaria"))
        self.data.setFocus()

    def chamada(self) -> partial:
        s = self._servidor
        if not avisos.confirmar(self, "Desligar servidor",
                                f"Confirma o desligamento de {s['nome']} em {formato.data(self.data.valor())} "
                                f"({self.motivo.currentText().lower()})?", sim="Desligar", perigoso=True,
                                detalhe="Ele deixa de entrar nas folhas seguintes. O desligamento fica no diário."):
            raise validacao.EntradaInvalida("Desligamento não confirmado; nada foi gravado.")
        return partial(cadastro.desligar, self._sessao, s["id"], data=self.data.valor(), motivo=self.motivo.currentData(),
                                 ato=self.ato.valor() or "")


CALCULANDO = "calculando…"
COLUNA_SITUACAO = 5


def _colunas(situacoes: dict[str, str]) -> list[Coluna]:
    return [
        # larguras pelo conteúdo (a situação de hoje, quando chega: ``_on_situacoes``); a escola fica com a sobra
        # e, se o nome não cabe, sai cortado no meio (``Qt.ElideMiddle``), com o fim que distingue as escolas
        Coluna("Nome", lambda s: s["nome"]),
        Coluna("CPF", lambda s: comum.cpf(s["cpf"])),
        Coluna("Matrícula", lambda s: s["matricula"]),
        Coluna("Escola", lambda s: s.get("unidade_nome") or "", esticar=True, largura=200),
        Coluna("Cargo", lambda s: s["cargo_rotulo"]),
        Coluna("Situação hoje", lambda s: situacoes.get(s["id"], CALCULANDO) if s["ativo"] else
               f"desligado em {formato.data(s['desligamento'])}",
               cor=lambda s: "#b00020" if situacoes.get(s["id"], "").startswith("sem situação") else None),
    ]


class AbaServidores(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.dialogo = None
        self._situacoes: dict[str, str] = {}
        self._versao_lista = self._versao_situacoes = self._versao_pedida = self._lista_pedida = None
        self._selecionar_depois: str | None = None
        self._versoes_pedidas = 0  # leituras da versão dos dados pedidas; a esperada é a mais nova
        self._versao_esperada: int | None = None
        self._abrindo = False  # lendo o que um diálogo precisa antes de abrir: um clique de cada vez
        self.carregando = False  # a lista ou a situação de hoje estão sendo lidas em segundo plano
        self.modelo = ModeloTabela(_colunas(self._situacoes), self,
                                   cor_linha=lambda s: None if s["ativo"] else "#8a8a8a")
        self.proxy = ProxyFiltro(self.modelo, self)
        self.filtro = QLineEdit(self)
        self.filtro.setPlaceholderText("Filtrar por nome, CPF, matrícula, escola, cargo ou nível (sem acento também)")
        self.filtro.setClearButtonEnabled(True)
        self.filtro.textChanged.connect(self.proxy.definir_texto)
        self.desligados = QCheckBox("Mostrar também os desligados", self)
        self.desligados.toggled.connect(lambda *_: self.recarregar())
        self.tabela = criar_visao(self.proxy, self, nome="Servidores")
        # a 1366×768 os nomes longos de escola não cabem: 'Centro Municipal de E…Pequeno Príncipe' (o fim é que
        # distingue uma escola da outra), inteiro na dica
        self.tabela.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # activated: o duplo clique e também Enter na linha escolhida abrem a ficha (antes só o mouse, ou Alt+F)
        self.tabela.activated.connect(lambda *_: self._on_ficha())
        self.botao_novo = QPushButton("&Novo servidor…", self)
        self.botao_ficha = QPushButton("Abrir &ficha…", self)
        self.botao_desligar = QPushButton("&Desligar…", self)
        self.contagem = QLabel(self)
        editar = sessao.pode(Permissao.MAGISTERIO_EDITAR)
        self.botao_novo.setEnabled(editar)
        topo = QHBoxLayout()
        topo.addWidget(self.filtro, 1)
        topo.addWidget(self.desligados)
        barra = QHBoxLayout()
        for b in (self.botao_novo, self.botao_ficha, self.botao_desligar):
            barra.addWidget(b)
        # a contagem muda ao chegar a lista e a cada tecla do filtro: isolada, não leva a janela inteira a ser
        # redesenhada de novo junto com a tabela de 3.000 linhas (widgets.situacao.isolar_texto, issue 16)
        self.contagem.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        barra.addWidget(isolar_texto(self.contagem), 1)
        lay = QVBoxLayout(self)
        lay.addLayout(topo)
        lay.addWidget(self.tabela, 1)
        lay.addLayout(barra)
        self.botao_novo.clicked.connect(self._on_novo)
        self.botao_ficha.clicked.connect(self._on_ficha)
        self.botao_desligar.clicked.connect(self._on_desligar)
        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        self.proxy.rowsInserted.connect(self._on_contar)
        self.proxy.rowsRemoved.connect(self._on_contar)
        self.proxy.modelReset.connect(self._on_contar)
        self.recarregar()

    def recarregar(self, selecionar: str | None = None) -> None:
        """Relê a lista (em segundo plano) se a base mudou desde a última leitura; a situação de hoje
        vem depois, também em segundo plano. ``carregando`` fica True até as duas chegarem."""
        atual = selecionar or (self.selecionado() or {}).get("id")
        self._versoes_pedidas += 1
        pedido = self._versao_esperada = self._versoes_pedidas
        sessao = self._sessao
        self._atualizar_carregando()
        ler(self, lambda: consultas.versao_dos_dados(sessao),
            lambda versao: self._on_versao(pedido, versao, selecionar, atual), self._on_versao_falhou)

    def _on_versao(self, pedido: int, versao, selecionar: str | None, atual: str | None) -> None:
        """A versão dos dados chegou: relê a lista e a situação só se a base mudou desde a última leitura."""
        if pedido != self._versao_esperada:
            return  # pedida outra depois desta: a mais nova é que vale
        self._versao_esperada = None
        chave = (versao, self.desligados.isChecked())
        if chave != self._versao_lista and chave != self._lista_pedida:
            self._lista_pedida = chave
            self._ler_lista(chave, atual)
        elif selecionar and chave == self._versao_lista:
            self.selecionar(selecionar)
        elif selecionar:
            self._selecionar_depois = selecionar
        self._calcular_situacoes(versao)
        self._atualizar_carregando()
        self._on_selecao()
        self._on_contar()

    def _on_versao_falhou(self, erro: BaseException) -> None:
        self._versao_esperada = None  # (uma recusa da versão é da sessão, não do pedido: vale para todos)
        self._atualizar_carregando()
        if not avisos.previsto(erro):
            raise erro
        avisos.erro(self, "Servidores", erro)

    def _ler_lista(self, chave, atual: str | None) -> None:
        self._selecionar_depois = atual
        sessao, ativo = self._sessao, None if chave[1] else True
        ler(self, lambda: cadastro.listar_servidores(sessao, ativo=ativo),
            lambda linhas: self._on_lista(chave, linhas), self._on_lista_falhou)

    def _on_lista(self, chave, linhas: list[dict]) -> None:
        if chave != self._lista_pedida:
            return  # pedida outra lista depois desta (desligados, base mudou)
        self._versao_lista, self._lista_pedida = chave, None
        self.modelo.definir_linhas(linhas)
        self.selecionar(self._selecionar_depois)
        self._selecionar_depois = None
        self._atualizar_carregando()
        self._on_selecao()
        self._on_contar()

    def _on_lista_falhou(self, erro: BaseException) -> None:
        self._lista_pedida = None
        self._atualizar_carregando()
        if not avisos.previsto(erro):
            raise erro
        avisos.erro(self, "Servidores", erro)

    def _atualizar_carregando(self) -> None:
        self.carregando = (self._lista_pedida is not None or self._versao_pedida is not None
                           or self._versao_esperada is not None)

    def _calcular_situacoes(self, versao) -> None:
        if versao in (self._versao_situacoes, self._versao_pedida):
            return  # já calculadas (ou a caminho) para este estado da base
        self._versao_pedida = versao
        sessao = self._sessao
        ler(self, lambda: consultas.resumo_situacoes(sessao, versao[0]),
            lambda resumo: self._on_situacoes(versao, resumo), self._on_situacoes_falharam)

    def _on_situacoes(self, versao, resumo: dict[str, str]) -> None:
        if versao != self._versao_pedida:
            return  # a base mudou enquanto calculava: a leitura mais nova é que vale
        self._situacoes.clear()
        self._situacoes.update(resumo)
        self._versao_situacoes, self._versao_pedida = versao, None
        self._atualizar_carregando()
        self.modelo.coluna_mudou(COLUNA_SITUACAO)
        # a coluna foi medida com 'calculando…': alarga para as situações que chegaram (poucos textos diferentes);
        # a mensagem de 'sem situação' (em vermelho) pode ser longa e vai inteira na dica
        alargar_para(self.tabela, COLUNA_SITUACAO,
                     {t for t in resumo.values() if not t.startswith("sem situação")})

    def _on_situacoes_falharam(self, erro: BaseException) -> None:
        self._versao_pedida = None
        self._atualizar_carregando()
        if not avisos.previsto(erro):
            raise erro
        self._situacoes.clear()
        self._situacoes.update({s["id"]: f"sem situação: {avisos.mensagem_de(erro)}" for s in self.modelo.linhas()})
        self.modelo.coluna_mudou(COLUNA_SITUACAO)

    def selecionado(self) -> dict | None:
        return linha_selecionada(self.tabela)

    def selecionar(self, servidor_id: str | None) -> None:
        for i in range(self.proxy.rowCount()):
            if servidor_id and self.proxy.linha_origem(self.proxy.index(i, 0))["id"] == servidor_id:
                self.tabela.selectRow(i)
                return
        self.tabela.clearSelection()

    def _on_contar(self, *_args) -> None:
        self.contagem.setText(f"{self.proxy.rowCount()} de {self.modelo.rowCount()} servidor(es)")

    def _on_selecao(self, *_args) -> None:
        s = self.selecionado()
        self.botao_ficha.setEnabled(s is not None)
        self.botao_desligar.setEnabled(bool(s and s["ativo"] and self._sessao.pode(Permissao.MAGISTERIO_EDITAR)))

    def _abrir(self, dialogo) -> None:
        self.dialogo = dialogo
        dialogo.finished.connect(self._on_dialogo_fechado)
        dialogo.open()

    def _on_dialogo_fechado(self, _codigo: int) -> None:
        dialogo, self.dialogo = self.dialogo, None
        resultado = getattr(dialogo, "resultado", None)
        sid = resultado["id"] if isinstance(resultado, dict) else getattr(dialogo, "servidor_id", None)
        self.recarregar(sid)
        dialogo.deleteLater()

    def _on_novo(self) -> None:
        """Lê as escolas (a lotação) fora da thread da interface e abre o formulário com elas."""
        if self._abrindo:
            return
        self._abrindo, sessao = True, self._sessao
        servicos.consulta(self, lambda: cadastro.listar_escolas(sessao),
                          lambda escolas: self._on_pronto(DialogoNovoServidor(sessao, escolas, self)),
                          titulo_erro="Novo servidor", ao_falhar=self._on_pronto)

    def _on_ficha(self) -> None:
        if (s := self.selecionado()) and not self._abrindo:
            self._abrindo = True
            abrir_ficha(self, self._sessao, s["id"], self._on_pronto, ao_falhar=self._on_pronto)

    def _on_pronto(self, dialogo_ou_erro) -> None:
        """O diálogo pedido por ``_on_novo``/``_on_ficha`` está lido (ou a leitura foi recusada, já avisada)."""
        self._abrindo = False
        if isinstance(dialogo_ou_erro, QWidget):
            self._abrir(dialogo_ou_erro)

    def _on_desligar(self) -> None:
        if (s := self.selecionado()) and s["ativo"]:
            self._abrir(DialogoDesligar(self._sessao, s, self))
