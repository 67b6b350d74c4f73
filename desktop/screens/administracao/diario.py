"""Aba Diário: o diário de auditoria filtrado (só metadados e hash), integridade e relatório PDF.

Quem audita vê quem, quando, em que máquina, que tabela e registro, a ação e o hash de cada linha,
nunca o conteúdo antes/depois (nomes, relatos, telefones). A verificação da corrente de hashes e a
geração do relatório rodam fora da thread da interface.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from desktop.rules import validacao
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.data import CampoData
from desktop.screens.widgets.impressao import oferecer_documento
from desktop.screens.widgets.mensagem import Mensagem
from desktop.services import auditoria

from desktop.screens.widgets import arquivo, formato
from desktop.screens.widgets.servicos import consulta, operacao
from desktop.screens.widgets.tabela import (Coluna, ModeloTabela, ProxyFiltro, alargar_para, criar_visao,
                                           linha_selecionada)

ACOES = {"inserir": "Inclusão", "alterar": "Alteração", "excluir": "Exclusão", "evento": "Evento"}
TODOS = "(todos)"
MAX_LINHAS_VEREDITO = 12
TODAS = "(todas)"

# A 1366×768 (~1.100 pontos de tabela) cada coluna de texto curto cabe inteira e a tabela não rola na horizontal:
# antes o registro saía '01a23abf-0cca-7960-8f9a-dc2b6d10…', a tabela 'cert_curso_compo…' e o hash ficava fora, à
# direita. As larguras são o mínimo (a medida pelo conteúdo alarga), a tabela cabe o nome mais longo do diário
# (``alargar_para``, com as tabelas do filtro) e o registro, o texto longo, estica na sobra, cortado no meio (o começo
# e o fim do id à vista) e inteiro na dica, como o hash.
COLUNAS = [
    Coluna("Nº", lambda d: str(d["seq"]), ordenar=lambda d: d["seq"], alinhamento="direita",
           largura=50),
    Coluna("Momento", lambda d: formato.momento(d["momento"]), ordenar=lambda d: d["momento"],
           largura=140),
    Coluna("Usuário", lambda d: d["usuario"], largura=80),
    Coluna("Máquina", lambda d: d["maquina"], largura=80),
    Coluna("Ação", lambda d: ACOES.get(d["acao"], d["acao"]), largura=80),
    Coluna("Tabela", lambda d: d["tabela"], largura=120),
    Coluna("Registro", lambda d: d["registro_id"], esticar=True, largura=100, dica=lambda d: d["registro_id"]),
    Coluna("Hash", lambda d: f"{d['hash'][:8]}…", largura=90, dica=lambda d: f"SHA-256: {d['hash']}"),
]
COLUNA_TABELA = 5


class AbaDiario(QWidget):
    """O diário de auditoria: filtros, tabela, detalhes, integridade e exportação."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.filtros_aplicados = auditoria.FiltrosDiario()

        caixa = QGroupBox("Filtros", self)
        self.usuario = QComboBox(caixa)
        self.tabela_filtro = QComboBox(caixa)
        self.de = CampoData(obrigatorio=False, placeholder="dd/mm/aaaa",
                                parent=caixa)
        self.ate = CampoData(obrigatorio=False, placeholder="dd/mm/aaaa",
                                 parent=caixa)
        self.texto = QLineEdit(caixa)
        self.texto.setPlaceholderText("registro, máquina, usuário ou tabela")
        self.esquema = QComboBox(caixa)
        self.esquema.setAccessibleName("Diário")
        self.esquema.addItem("Geral", "main")  # os demais diários chegam com a primeira leitura
        self.texto.setClearButtonEnabled(True)
        self.botao_filtrar = QPushButton("&Filtrar", caixa)
        self.botao_limpar = QPushButton("&Limpar filtros", caixa)
        grade = QGridLayout(caixa)
        for col, (rotulo, campo) in enumerate([("&Usuário:", self.usuario),
                                               ("&Tabela:", self.tabela_filtro),
                                               ("&De:", self.de), ("&Até:", self.ate)]):
            r = QLabel(rotulo, caixa)
            r.setBuddy(campo.edit if isinstance(campo, CampoValidado) else campo)
            grade.addWidget(r, 0, 2 * col)
            grade.addWidget(campo, 0, 2 * col + 1)
        r = QLabel("Te&xto:", caixa)
        r.setBuddy(self.texto)
        grade.addWidget(r, 1, 0)
        grade.addWidget(self.texto, 1, 1, 1, 3)
        if self.esquema.count() > 1:  # o sigiloso só numa sessão do Conselho ou da consulta
            r = QLabel("Diá&rio:", caixa)
            r.setBuddy(self.esquema)
            grade.addWidget(r, 2, 0)
            grade.addWidget(self.esquema, 2, 1)
        else:
            self.esquema.hide()
        acoes = QHBoxLayout()
        acoes.addStretch(1)
        acoes.addWidget(self.botao_filtrar)
        acoes.addWidget(self.botao_limpar)
        grade.addLayout(acoes, 1, 4, 1, 4)
        grade.setColumnStretch(1, 1)
        grade.setColumnStretch(3, 1)
        for campo in (self.de, self.ate):
            campo.setMinimumWidth(140)

        self.modelo = ModeloTabela(COLUNAS, self)
        self.proxy = ProxyFiltro(self.modelo, self)
        self.tabela = criar_visao(self.proxy, self, nome="Diário de auditoria")
        self.tabela.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # o id cortado mostra o começo e o fim
        self.contagem = QLabel(self)

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.detalhe = Mensagem(parent=self)
        self.detalhe.setFont(mono)
        self.detalhe.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detalhe.setAccessibleName("Hash da linha selecionada")

        self.botao_integridade = QPushButton("&Verificar integridade", self)
        self.botao_pdf = QPushButton("&Exportar PDF…", self)
        self.resultado_integridade = Mensagem(parent=self)
        self.situacao = Mensagem(parent=self)
        self.situacao.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        botoes = QHBoxLayout()
        botoes.addWidget(self.botao_integridade)
        botoes.addWidget(self.botao_pdf)
        botoes.addWidget(self.contagem, 1, Qt.AlignmentFlag.AlignRight)

        lay = QVBoxLayout(self)
        lay.addWidget(caixa)
        lay.addWidget(self.tabela, 1)
        # as mensagens (vazias, escondidas) ficam acima dos botões: aparecendo, a tabela encolhe e os botões não
        # saem do pé da aba (a 1366×768, guardar o lugar delas vazias deixava ~150 pontos em branco embaixo)
        lay.addWidget(self.detalhe)
        lay.addWidget(self.resultado_integridade)
        lay.addWidget(self.situacao)
        lay.addLayout(botoes)

        self.botao_filtrar.clicked.connect(self._on_filtrar)
        self.botao_limpar.clicked.connect(self._on_limpar)
        for campo in (self.de.edit, self.ate.edit, self.texto):
            campo.returnPressed.connect(self._on_filtrar)
        self.usuario.activated.connect(self._on_filtrar)
        self.esquema.activated.connect(self._on_filtrar)
        self.tabela_filtro.activated.connect(self._on_filtrar)
        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        self.botao_integridade.clicked.connect(self._on_verificar)
        self.botao_pdf.clicked.connect(self._on_exportar)
        self.recarregar()

    # -- dados -------------------------------------------------------------------------------
    def _preencher_opcoes(self, usuarios: list[str], tabelas: list[str]) -> None:
        for combo, vazio, itens in ((self.usuario, TODOS, usuarios),
                                    (self.tabela_filtro, TODAS, tabelas)):
            atual = combo.currentData()
            combo.clear()
            combo.addItem(vazio, None)
            for item in itens:
                combo.addItem(item, item)
            combo.setCurrentIndex(max(0, combo.findData(atual)) if atual else 0)

    def _preencher_esquemas(self, esquemas: list[tuple[str, str]]) -> None:
        atual = self.esquema.currentData()
        self.esquema.clear()
        for esquema, rotulo in esquemas:
            self.esquema.addItem(rotulo, esquema)
        self.esquema.setCurrentIndex(max(0, self.esquema.findData(atual)))

    def filtros(self) -> auditoria.FiltrosDiario:
        """Os filtros da tela; levanta EntradaInvalida se uma data estiver errada."""
        de, ate = self.de.valor(), self.ate.valor()
        if de and ate and de > ate:
            raise validacao.EntradaInvalida(
                "A data inicial do período é posterior à final; troque as datas.")
        return auditoria.FiltrosDiario(
            usuario=self.usuario.currentData(), tabela=self.tabela_filtro.currentData(),
            de=de, ate=ate, texto=self.texto.text().strip() or None,
            esquema=self.esquema.currentData() or "main")

    def recarregar(self) -> None:
        """Relê as opções dos filtros e as linhas fora da thread da interface (``carregando`` até chegar)."""
        f, sessao = self.filtros_aplicados, self._sessao
        campos = dict(usuario=f.usuario, tabela=f.tabela, de=f.de, ate=f.ate, texto=f.texto,
                      esquema=f.esquema)

        def _ler():
            return (auditoria.diarios_disponiveis(sessao), auditoria.opcoes_de_filtro(sessao, esquema=f.esquema),
                    auditoria.listar_diario(sessao, **campos), auditoria.contar_diario(sessao, **campos))

        consulta(self, _ler, lambda lido: self._on_lido(*lido), titulo_erro="Diário de auditoria",
                 chave="lista")

    def _on_lido(self, esquemas, opcoes, linhas: list[dict], total: int) -> None:
        self._preencher_esquemas(esquemas)
        self._preencher_opcoes(*opcoes)
        self.modelo.definir_linhas(linhas)
        alargar_para(self.tabela, COLUNA_TABELA, opcoes[1])  # todas as tabelas do diário, não só as da amostra
        if total > len(linhas):
            self.contagem.setText(f"Mostrando os {len(linhas)} registros mais recentes de {total}.")
        else:
            self.contagem.setText(f"{total} registro{'s' if total != 1 else ''}.")
        self._on_selecao()

    # -- slots -------------------------------------------------------------------------------
    def _on_filtrar(self, *_args) -> None:
        try:
            self.filtros_aplicados = self.filtros()
        except validacao.EntradaInvalida as e:
            for campo in (self.de, self.ate):
                if not campo.valido():
                    campo.validar()
            self.situacao.setText(str(e))
            return
        self.situacao.clear()
        self.recarregar()

    def _on_limpar(self) -> None:
        self.usuario.setCurrentIndex(0)
        self.tabela_filtro.setCurrentIndex(0)
        for campo in (self.de.edit, self.ate.edit, self.texto):
            campo.clear()
        self._on_filtrar()

    def _on_selecao(self, *_args) -> None:
        linha = linha_selecionada(self.tabela)
        self.detalhe.setText(f"Linha nº {linha['seq']} · hash SHA-256: {linha['hash']}" if linha else "")

    def _on_verificar(self) -> None:
        self.resultado_integridade.setText("Verificando a corrente de hashes, as âncoras e as tabelas…")
        self.resultado_integridade.setStyleSheet("")
        operacao(self, "Verificando a integridade do diário…",
                 lambda progresso: auditoria.verificar_integridade(self._sessao, progresso.informar),
                 self._on_integridade_verificada, titulo_erro="Verificar integridade",
                 ao_cancelar=self.resultado_integridade.clear)

    def _on_integridade_verificada(self, resultado) -> None:
        cor, simbolo = ("#2e7d32", "✔") if resultado.ok else ("#c62828", "✖")
        self.resultado_integridade.setStyleSheet(f"color: {cor}; font-weight: bold;")
        linhas = resultado.mensagem().splitlines()
        if len(linhas) > MAX_LINHAS_VEREDITO:  # o resto no terminal: paco integridade
            resto = len(linhas) - MAX_LINHAS_VEREDITO
            linhas = [*linhas[:MAX_LINHAS_VEREDITO],
                      f"… e mais {resto} achado{'s' if resto != 1 else ''} (a lista inteira: paco integridade)."]
        self.resultado_integridade.setText(f"{simbolo} " + "\n".join(linhas))

    def _on_exportar(self) -> None:
        filtros = self.filtros_aplicados
        destino = arquivo.escolher_destino(self, "relatorio-diario.pdf", titulo="Salvar relatório do diário",
                                           filtro="Documentos PDF (*.pdf)")
        if destino is None:
            return
        if destino.suffix.lower() != ".pdf":
            destino = destino.with_name(destino.name + ".pdf")
        sessao = self._sessao
        operacao(self, "Gerando o relatório do diário…",
                 lambda _progresso: auditoria.emitir_relatorio_diario(sessao, filtros),
                 lambda emitido: self._on_emitido(emitido, destino), titulo_erro="Exportar PDF")

    def _on_emitido(self, emitido, destino: Path) -> None:
        """Emitido e registrado: grava o arquivo fora da thread da interface, inteiro ou nada (``widgets.arquivo``)."""
        self.recarregar()
        arquivo.gravar(self, destino, emitido.pdf, lambda caminho: self._on_exportado(emitido, caminho),
                       titulo_erro="Exportar PDF",
                       feito=f"O relatório nº {emitido.numero}/{emitido.ano} foi emitido e registrado",
                       depois="Abra-o de novo em Administração › Documentos emitidos.")

    def _on_exportado(self, emitido, destino: Path) -> None:
        oferecer_documento(
            self.situacao, emitido.pdf, destino,
            f"Relatório nº {emitido.numero}/{emitido.ano} salvo em {destino}. "
            f"Código de verificação: {emitido.codigo}.")
