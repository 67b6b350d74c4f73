"""O emissor selecionado na aba Emissores: brasão do timbre, signatários (nome, cargo, ato) e feriados.

O brasão vai no timbre de todas as páginas dos documentos do emissor; os signatários, no bloco de
assinaturas ao fim deles; os feriados municipais do emissor contam nos prazos dos documentos dele
(junto com os nacionais e os da UF do emissor).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop.rules import formato, validacao
from desktop.rules.papeis import Permissao
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.data import CampoData
from desktop.services import emissores, parametros

from desktop.screens.widgets import avisos, servicos
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada
from desktop.screens.widgets.situacao import reservar_linhas

_COLUNAS_SIGNATARIOS = [
    Coluna("Nome", lambda s: s["nome"], largura=150),
    Coluna("Cargo", lambda s: s["cargo"], largura=120),
    Coluna("Ato de designação", lambda s: s["ato"], esticar=True),
]
_COLUNAS_FERIADOS = [
    Coluna("Data", lambda f: (date.fromisoformat(f["data"]).strftime("%d/%m") if f["anual"]
                              else formato.data(date.fromisoformat(f["data"]))), largura=90),
    Coluna("Descrição", lambda f: f["descricao"], esticar=True),
    Coluna("Repete", lambda f: "todo ano" if f["anual"] else f"só em {f['data'][:4]}", largura=110),
]


class PainelEmissor(QWidget):
    sig_alterado = Signal()  # o brasão mudou: a aba relê a lista

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.emissor = None
        self.tarefa = None  # a gravação em andamento (servicos.operacao)
        self.lendo = False  # signatários e feriados do emissor vêm fora da thread da interface
        editar = sessao.pode(Permissao.ESCRITORIO_EDITAR)
        feriados = sessao.pode(Permissao.FERIADOS_EDITAR)
        # brasão
        self.brasao = QLabel("Sem brasão", self)
        self.brasao.setFixedSize(84, 84)
        self.brasao.setWordWrap(True)  # "Sem brasão" numa linha passa dos 84 pontos com a letra de 11 pt
        self.brasao.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.brasao.setFrameShape(QLabel.Shape.StyledPanel)
        self.botao_brasao = QPushButton("&Brasão (PNG ou JPEG)…", self)
        self.botao_tirar_brasao = QPushButton("Tirar brasão", self)
        caixa_brasao = QGroupBox("Brasão do timbre", self)
        lb = QVBoxLayout(caixa_brasao)
        lb.addWidget(self.brasao, 0, Qt.AlignmentFlag.AlignHCenter)
        lb.addWidget(self.botao_brasao)
        lb.addWidget(self.botao_tirar_brasao)
        lb.addStretch(1)
        # signatários
        self.modelo_signatarios = ModeloTabela(_COLUNAS_SIGNATARIOS, self)
        self.tabela_signatarios = criar_visao(ProxyFiltro(self.modelo_signatarios, self), self, nome="Signatários")
        self.sig_nome, self.sig_cargo, self.sig_ato = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.sig_nome.setPlaceholderText("Nome")
        self.sig_cargo.setPlaceholderText("Cargo (ex.: Secretária de Educação)")
        self.sig_ato.setPlaceholderText("Ato de designação (ex.: Decreto 12/2025)")
        self.botao_signatario = QPushButton("Adicionar &signatário", self)
        self.botao_remover_signatario = QPushButton("Remover signatário", self)
        caixa_sig = QGroupBox("Signatários (impressos ao fim dos documentos)", self)
        ls = QGridLayout(caixa_sig)
        # campos em duas colunas: numa linha só, a 1366 pontos de largura, cada um mostrava 3 letras
        ls.addWidget(self.tabela_signatarios, 0, 0, 1, 2)
        ls.addWidget(self.sig_nome, 1, 0)
        ls.addWidget(self.sig_cargo, 1, 1)
        ls.addWidget(self.sig_ato, 2, 0)
        ls.addWidget(self.botao_signatario, 2, 1)
        ls.addWidget(self.botao_remover_signatario, 3, 1)
        # feriados
        self.modelo_feriados = ModeloTabela(_COLUNAS_FERIADOS, self)
        self.tabela_feriados = criar_visao(ProxyFiltro(self.modelo_feriados, self), self, nome="Feriados do emissor")
        self.fer_data = CampoData(placeholder="dd/mm/aaaa", parent=self)
        self.fer_descricao = CampoValidado(lambda t: validacao.obrigatorio(t, "a descrição do feriado"),
                                           placeholder="ex.: Aniversário do município", parent=self)
        self.fer_anual = QCheckBox("Todo ano", self)
        self.fer_anual.setChecked(True)
        self.botao_feriado = QPushButton("Adicionar &feriado", self)
        self.botao_desativar_feriado = QPushButton("Desativar feriado", self)
        self.caixa_feriados = QGroupBox("Feriados municipais do emissor (contam nos prazos)", self)
        lf = QGridLayout(self.caixa_feriados)
        lf.addWidget(self.tabela_feriados, 0, 0, 1, 2)
        lf.addWidget(self.fer_data, 1, 0)
        lf.addWidget(self.fer_anual, 1, 1)
        lf.addWidget(self.fer_descricao, 2, 0, 1, 2)
        lf.addWidget(self.botao_feriado, 3, 0)
        lf.addWidget(self.botao_desativar_feriado, 3, 1)
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        reservar_linhas(self.situacao)  # a mensagem muda; os botões não pulam
        linha = QHBoxLayout()
        linha.addWidget(caixa_brasao)
        linha.addWidget(caixa_sig, 3)
        linha.addWidget(self.caixa_feriados, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(linha)
        lay.addWidget(self.situacao)
        self._editar, self._feriados = editar, feriados
        self.botao_brasao.clicked.connect(self._on_brasao)
        self.botao_tirar_brasao.clicked.connect(self._on_tirar_brasao)
        self.botao_signatario.clicked.connect(self._on_signatario)
        self.botao_remover_signatario.clicked.connect(self._on_remover_signatario)
        self.botao_feriado.clicked.connect(self._on_feriado)
        self.botao_desativar_feriado.clicked.connect(self._on_desativar_feriado)
        self.definir(None)

    # -- dados ---------------------------------------------------------------------------------
    def definir(self, emissor) -> None:
        """Mostra o emissor (``services.emissores.Emissor``) ou nada (None)."""
        self.emissor = emissor
        tem = emissor is not None
        for w in (self.botao_brasao, self.botao_signatario, self.sig_nome, self.sig_cargo, self.sig_ato,
                  self.botao_remover_signatario):
            w.setEnabled(tem and self._editar)
        self.botao_tirar_brasao.setEnabled(tem and self._editar and bool(emissor.brasao))
        for w in (self.fer_data, self.fer_descricao, self.fer_anual, self.botao_feriado, self.botao_desativar_feriado):
            w.setEnabled(tem and self._feriados)
        self._mostrar_brasao(emissor.brasao if tem else None)
        self.modelo_signatarios.definir_linhas([])
        self.modelo_feriados.definir_linhas([])
        if tem:
            self.lendo = True
            sessao = self._sessao
            servicos.consulta(self, lambda: (emissores.listar_signatarios(sessao, emissor.id),
                                             emissores.listar_feriados(sessao, emissor.id)),
                              lambda listas: self._on_listas(emissor, *listas), titulo_erro="Emissor",
                              ao_falhar=lambda _e: setattr(self, "lendo", False))
        self.caixa_feriados.setTitle(f"Feriados municipais de {emissor.municipio}–{emissor.uf} (contam nos prazos)"
                                     if tem else "Feriados municipais do emissor")

    def _mostrar_brasao(self, imagem: bytes | None) -> None:
        mapa = QPixmap()
        if imagem and mapa.loadFromData(imagem):
            self.brasao.setPixmap(mapa.scaled(80, 80, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
        else:
            self.brasao.clear()
            self.brasao.setText("Sem brasão")

    def _on_listas(self, emissor, signatarios: list[dict], feriados: list[dict]) -> None:
        self.lendo = False
        if emissor is self.emissor:  # outro emissor escolhido enquanto lia: a leitura dele vem depois
            self.modelo_signatarios.definir_linhas(signatarios)
            self.modelo_feriados.definir_linhas(feriados)

    def _gravar(self, titulo: str, funcao, ao_gravar) -> None:
        """``funcao()`` (os valores da tela já lidos) fora da thread da interface; a recusa vira aviso."""
        servicos.gravar(self, "Gravando…", funcao, ao_gravar, titulo_erro=titulo)

    # -- brasão --------------------------------------------------------------------------------
    def definir_brasao_arquivo(self, caminho: Path) -> None:
        try:
            dados = Path(caminho).read_bytes()
        except OSError as erro:
            avisos.erro(self, "Brasão", f"Não foi possível ler {caminho}: {erro.strerror or erro}.")
            return
        sessao, emissor_id = self._sessao, self.emissor.id
        self._gravar("Brasão", lambda: emissores.definir_brasao(sessao, emissor_id, dados), self._on_brasao_definido)

    def _on_brasao_definido(self, e) -> None:
        self.definir(e)
        self.sig_alterado.emit()
        self.situacao.setText(f"Brasão de {e.nome} definido: vai no timbre dos próximos documentos.")

    def _on_brasao(self) -> None:
        if self.emissor is None:
            return
        caminho, _ = QFileDialog.getOpenFileName(self, "Brasão do emissor", str(Path.home()),
                                                 "Imagem (*.png *.jpg *.jpeg)")
        if caminho:
            self.definir_brasao_arquivo(Path(caminho))

    def _on_tirar_brasao(self) -> None:
        if self.emissor is None:
            return
        sessao, emissor_id = self._sessao, self.emissor.id
        self._gravar("Brasão", lambda: emissores.definir_brasao(sessao, emissor_id, None), self._on_brasao_retirado)

    def _on_brasao_retirado(self, e) -> None:
        self.definir(e)
        self.sig_alterado.emit()
        self.situacao.setText("Brasão retirado: os próximos documentos saem com o timbre só em texto.")

    # -- signatários ---------------------------------------------------------------------------
    def _on_signatario(self) -> None:
        if self.emissor is None:
            return
        sessao, emissor_id, nome, cargo, ato, ordem = (self._sessao, self.emissor.id, self.sig_nome.text(),
                                                       self.sig_cargo.text(), self.sig_ato.text(),
                                                       self.modelo_signatarios.rowCount())
        self._gravar("Signatário", lambda: emissores.adicionar_signatario(
            sessao, emissor_id, nome=nome, cargo=cargo, ato=ato, ordem=ordem), self._on_signatario_gravado)

    def _on_signatario_gravado(self, feito: dict) -> None:
        for w in (self.sig_nome, self.sig_cargo, self.sig_ato):
            w.clear()
        self.definir(self.emissor)
        self.situacao.setText(f"{feito['nome']} assina os próximos documentos de {self.emissor.nome}.")

    def _on_remover_signatario(self) -> None:
        s = linha_selecionada(self.tabela_signatarios)
        if s is None or self.emissor is None:
            return
        sessao = self._sessao
        self._gravar("Signatário", lambda: emissores.remover_signatario(sessao, s["id"]), lambda _r: (
            self.definir(self.emissor),
            self.situacao.setText(f"{s['nome']} não assina mais os próximos documentos (os emitidos não mudam).")))

    # -- feriados ------------------------------------------------------------------------------
    def _on_feriado(self) -> None:
        if self.emissor is None:
            return
        try:
            valores = (self.emissor.id, self.fer_data.valor(), self.fer_descricao.valor(), self.fer_anual.isChecked())
        except validacao.EntradaInvalida as e:
            avisos.erro(self, "Feriado", e)
            return
        sessao = self._sessao
        self._gravar("Feriado", lambda: emissores.adicionar_feriado(sessao, *valores), self._on_feriado_gravado)

    def _on_feriado_gravado(self, feito: dict) -> None:
        self.fer_data.edit.clear()
        self.fer_descricao.edit.clear()
        self.definir(self.emissor)
        self.situacao.setText(f"Feriado {feito['descricao']} cadastrado para {self.emissor.nome}: conta nos prazos "
                              "dos documentos deste emissor.")

    def _on_desativar_feriado(self) -> None:
        f = linha_selecionada(self.tabela_feriados)
        if f is None:
            return
        sessao = self._sessao
        self._gravar("Feriado", lambda: parametros.desativar_feriado_municipal(sessao, f["id"]), lambda _r: (
            self.definir(self.emissor), self.situacao.setText(f"Feriado {f['descricao']} desativado.")))
