"""Aba Emissores: quem emite os documentos de cada módulo (timbre, CNPJ, calendário), certificado A1
para a assinatura PAdES e a chave pública do selo para quem confere os documentos fora daqui."""
from __future__ import annotations

from functools import partial

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop.rules import validacao
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import formatar_cnpj
from desktop.screens.widgets.campos import CampoValidado
from desktop.services import documentos, emissores, selo

from desktop.screens.widgets import arquivo, avisos, servicos
from .emissor_detalhe import PainelEmissor
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada
from desktop.screens.widgets.situacao import reservar_linhas


def _obrigatorio(rotulo: str):
    return lambda t: validacao.obrigatorio(t, rotulo)


class DialogoNovoEmissor(DialogoFormulario):
    """Cadastra um emissor (conselho, instituto, outra secretaria) com o seu município e a sua UF."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__("Novo emissor", "Cadastrar emissor", parent,
                         "O município e a UF decidem os feriados e os prazos dos documentos deste emissor.")
        self._sessao = sessao
        self.nome = self.adicionar("Nome:", CampoValidado(_obrigatorio("o nome"), parent=self,
                                                          placeholder="Conselho Tutelar de …"))
        self.cnpj = self.adicionar("CNPJ:", CampoValidado(validacao.cnpj, parent=self, placeholder="00.000.000/0000-00"))
        self.municipio = self.adicionar("Município:", CampoValidado(_obrigatorio("o município"), parent=self))
        self.uf = self.adicionar("UF:", CampoValidado(validacao.uf, parent=self, placeholder="BA"))
        self.endereco = self.adicionar("Endereço:", QLineEdit(self))

    def chamada(self) -> partial:
        return partial(emissores.criar, self._sessao, nome=self.nome.valor(), cnpj=self.cnpj.valor(),
                               municipio=self.municipio.valor(), uf=self.uf.valor(), endereco=self.endereco.text())


class AbaEmissores(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.tarefa = None  # a gravação em andamento (servicos.operacao)
        self.dialogo: DialogoNovoEmissor | None = None
        self._modulos: dict[str, str] = {}
        self.modelo = ModeloTabela([
            Coluna("Emissor", lambda e: e.nome, esticar=True),
            Coluna("CNPJ", lambda e: formatar_cnpj(e.cnpj), largura=140),
            Coluna("Município", lambda e: f"{e.municipio} – {e.uf}", largura=160),
            Coluna("Módulos", lambda e: ", ".join(emissores.MODULOS[m] for m, x in self._modulos.items() if x == e.id),
                   largura=280),
        ], self)
        self.proxy = ProxyFiltro(self.modelo, self)
        self.tabela = criar_visao(self.proxy, self, nome="Emissores")
        editar = sessao.pode(Permissao.ESCRITORIO_EDITAR)
        self.botao_novo = QPushButton("&Novo emissor…", self)
        self.modulo = QComboBox(self)
        for chave, rotulo in emissores.MODULOS.items():
            self.modulo.addItem(rotulo, chave)
        self.botao_atribuir = QPushButton("Emite os documentos do &módulo", self)
        self.botao_certificado = QPushButton("&Certificado A1 (.pfx)…", self)
        self.botao_chave = QPushButton("E&xportar chave pública…", self)
        for b in (self.botao_novo, self.botao_atribuir, self.botao_certificado):
            b.setEnabled(editar)
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        reservar_linhas(self.situacao)  # a mensagem muda; os botões não pulam
        barra = QHBoxLayout()
        for w in (self.botao_novo, self.botao_certificado, self.botao_chave):
            barra.addWidget(w)
        barra.addStretch(1)
        barra_modulo = QHBoxLayout()
        barra_modulo.addWidget(self.modulo)
        barra_modulo.addWidget(self.botao_atribuir)
        barra_modulo.addStretch(1)
        self.detalhe = PainelEmissor(sessao, self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabela, 1)
        lay.addLayout(barra)
        lay.addLayout(barra_modulo)
        lay.addWidget(self.situacao)
        lay.addWidget(self.detalhe, 2)
        self.botao_novo.clicked.connect(self._on_novo)
        self.botao_atribuir.clicked.connect(self._on_atribuir)
        self.botao_certificado.clicked.connect(self._on_certificado)
        self.botao_chave.clicked.connect(self._on_exportar_chave)
        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        self.detalhe.sig_alterado.connect(self.atualizar)
        self.atualizar()

    def atualizar(self) -> None:
        """Relê os emissores fora da thread da interface (``carregando`` até chegar)."""
        atual = self.selecionado() if hasattr(self, "tabela") and self.tabela.selectionModel() else None
        sessao = self._sessao
        servicos.consulta(self, lambda: (emissores.modulos(sessao), emissores.listar(sessao)),
                          lambda lido: self._on_lidos(atual, *lido), titulo_erro="Emissores", chave="lista")

    def _on_lidos(self, atual, modulos: dict[str, str], linhas: list) -> None:
        self._modulos = modulos
        self.modelo.definir_linhas(linhas)
        for i in range(self.proxy.rowCount()):  # mantém a seleção
            if atual is not None and self.proxy.linha_origem(self.proxy.index(i, 0)).id == atual.id:
                self.tabela.selectRow(i)
        self._on_selecao()

    def _on_selecao(self, *_args) -> None:
        atual = self.selecionado()
        if getattr(self.detalhe, "emissor", None) != atual:
            self.detalhe.definir(atual)

    def selecionado(self):
        return linha_selecionada(self.tabela)

    def _gravar(self, titulo: str, funcao, ao_gravar) -> None:
        """``funcao()`` (os valores da tela já lidos) fora da thread da interface; a recusa vira aviso."""
        servicos.gravar(self, "Gravando…", funcao, lambda _r: ao_gravar(), titulo_erro=titulo)

    def _on_novo(self) -> None:
        self.dialogo = DialogoNovoEmissor(self._sessao, self)
        self.dialogo.accepted.connect(self._on_criado)
        self.dialogo.open()

    def _on_criado(self) -> None:
        self.atualizar()
        self.situacao.setText(f"Emissor {self.dialogo.resultado.nome} cadastrado.")

    def _on_atribuir(self) -> None:
        e = self.selecionado()
        if e is None:
            return
        modulo = self.modulo.currentData()
        sessao = self._sessao
        self._gravar("Emissor do módulo", lambda: emissores.atribuir_modulo(sessao, modulo, e.id), lambda: (
            self.atualizar(),
            self.situacao.setText(f"{emissores.MODULOS[modulo]}: os próximos documentos saem como {e.nome}.")))

    def instalar_certificado(self, caminho: Path, senha: str) -> None:
        """Instala o A1 fora da thread da interface (abrir o PKCS#12 e conferir a senha levam tempo)."""
        e = self.selecionado()
        if e is None:
            return
        try:
            dados = Path(caminho).read_bytes()
        except OSError as erro:
            avisos.erro(self, "Certificado A1", f"Não foi possível ler {caminho}: {erro.strerror or erro}.")
            return
        sessao = self._sessao
        self._gravar("Certificado A1", lambda: emissores.instalar_certificado(sessao, e.id, dados, senha),
                     lambda: self.situacao.setText(
                         f"Certificado instalado: os documentos de {e.nome} saem com assinatura digital PAdES."))

    def _on_certificado(self) -> None:
        if self.selecionado() is None:
            return
        caminho, _ = QFileDialog.getOpenFileName(self, "Certificado A1", str(Path.home()), "Certificado (*.pfx *.p12)")
        if not caminho:
            return
        senha, ok = QInputDialog.getText(self, "Certificado A1", "Senha do certificado:", QLineEdit.EchoMode.Password)
        if ok:
            self.instalar_certificado(Path(caminho), senha)

    def _on_exportar_chave(self) -> None:
        e = self.selecionado()
        if e is None:
            return
        caminho, _ = QFileDialog.getSaveFileName(self, "Exportar chave pública", f"chave-publica{selo.EXTENSAO}",
                                                 f"Chave pública do Paço (*{selo.EXTENSAO})")
        if not caminho:
            return
        sessao, titulo = self._sessao, "Exportar chave pública"

        def _on_lida(dados: bytes) -> None:  # e gravada também fora da thread da interface, inteira ou nada
            arquivo.gravar(self, Path(caminho), dados,
                           lambda destino: self.situacao.setText(f"Chave pública de {e.nome} exportada em {destino}."),
                           titulo_erro=titulo)

        servicos.gravar(self, "Gravando…", lambda: documentos.exportar_chave_publica(sessao, e.id), _on_lida,
                        titulo_erro=titulo)
