"""Aba Usuários: lista, novo usuário, desativar, reativar e redefinir senha (senha provisória).

Tudo passa por desktop.services.acesso, que confere a permissão e registra no diário.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop.rules import validacao
from desktop.rules.papeis import ROTULOS, Papel
from desktop.screens.widgets.campos import CampoValidado
from desktop.services import acesso

from . import avisos
from .formulario import DialogoFormulario
from .tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada

_SIM_NAO = {True: "Sim", False: "Não"}


def _rotulo_papel(papel: str) -> str:
    try:
        return ROTULOS[Papel(papel)]
    except ValueError:
        return papel


COLUNAS = [
    Coluna("Nome", lambda u: u["nome"], esticar=True),
    Coluna("Login", lambda u: u["login"], largura=130),
    Coluna("Papel", lambda u: _rotulo_papel(u["papel"]), largura=210),
    Coluna("Ativo", lambda u: _SIM_NAO[bool(u["ativo"])], alinhamento="centro", largura=70),
    Coluna("Precisa trocar a senha", lambda u: _SIM_NAO[bool(u["trocar_senha"])],
           alinhamento="centro", largura=190),
]


class CamposSenha:
    """Senha provisória + confirmação; a confirmação é reavaliada quando a senha muda."""

    def __init__(self, dialogo: DialogoFormulario, rotulo: str = "Senha provisória:"):
        self.senha = CampoValidado(validacao.senha, senha=True, parent=dialogo,
                                   placeholder=f"pelo menos {validacao.SENHA_MINIMA} caracteres")
        self.confirmacao = CampoValidado(
            lambda t: validacao.senha(self.senha.texto(), t), senha=True, parent=dialogo,
            placeholder="digite a mesma senha")
        dialogo.adicionar(rotulo, self.senha)
        dialogo.adicionar("Confirmação:", self.confirmacao)
        self.senha.edit.textChanged.connect(self._on_senha_mudou)

    def _on_senha_mudou(self, _texto: str) -> None:
        if self.confirmacao.texto():
            self.confirmacao.validar()

    def valor(self) -> str:
        return validacao.senha(self.senha.texto(), self.confirmacao.texto())


class DialogoNovoUsuario(DialogoFormulario):
    """Cadastro de um usuário com senha provisória (ele a troca ao entrar)."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__("Novo usuário", "Criar usuário", parent,
                         "O novo usuário entra com a senha provisória e escolhe a sua própria "
                         "senha no primeiro acesso.")
        self._sessao = sessao
        self.nome = self.adicionar("Nome completo:", CampoValidado(
            lambda t: validacao.obrigatorio(t, "o nome"), parent=self,
            placeholder="como deve aparecer nos documentos"))
        self.login = self.adicionar("Login:", CampoValidado(
            validacao.login, parent=self, placeholder="ex.: maria.souza"))
        self.papel = QComboBox(self)
        for papel, rotulo in ROTULOS.items():
            self.papel.addItem(rotulo, papel.value)
        self.papel.setCurrentIndex(self.papel.findData(Papel.CONSULTA.value))
        self.adicionar("Papel:", self.papel)
        self.senhas = CamposSenha(self)
        self.nome.setFocus()

    def executar(self) -> dict:
        return acesso.criar_usuario(
            self._sessao, login=self.login.valor(), nome=self.nome.valor(),
            papel=self.papel.currentData(), senha=self.senhas.valor())


class DialogoSenhaProvisoria(DialogoFormulario):
    """Pede uma senha provisória e a entrega a ``acao`` (reativar ou redefinir senha)."""

    def __init__(self, titulo: str, explicacao: str, confirmar: str,
                 acao: Callable[[str], dict], parent: QWidget | None = None):
        super().__init__(titulo, confirmar, parent, explicacao)
        self._acao = acao
        self.senhas = CamposSenha(self)
        self.senhas.senha.setFocus()

    def executar(self) -> dict:
        return self._acao(self.senhas.valor())


class AbaUsuarios(QWidget):
    """Lista dos usuários da base e as ações do administrador sobre eles."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.dialogo: DialogoFormulario | None = None
        self.modelo = ModeloTabela(COLUNAS, self,
                                   cor_linha=lambda u: None if u["ativo"] else "#8a8a8a")
        self.proxy = ProxyFiltro(self.modelo, self)
        self.filtro = QLineEdit(self)
        self.filtro.setPlaceholderText("Filtrar por nome, login ou papel")
        self.filtro.setClearButtonEnabled(True)
        self.filtro.textChanged.connect(self.proxy.definir_texto)
        self.tabela = criar_visao(self.proxy, self, nome="Usuários")
        self.botao_novo = QPushButton("&Novo usuário…", self)
        self.botao_desativar = QPushButton("&Desativar…", self)
        self.botao_reativar = QPushButton("&Reativar…", self)
        self.botao_senha = QPushButton("Redefinir &senha…", self)
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)

        botoes = QHBoxLayout()
        for b in (self.botao_novo, self.botao_desativar, self.botao_reativar, self.botao_senha):
            botoes.addWidget(b)
        botoes.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filtro)
        lay.addWidget(self.tabela, 1)
        lay.addLayout(botoes)
        lay.addWidget(self.situacao)

        self.botao_novo.clicked.connect(self._on_novo)
        self.botao_desativar.clicked.connect(self._on_desativar)
        self.botao_reativar.clicked.connect(self._on_reativar)
        self.botao_senha.clicked.connect(self._on_redefinir)
        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        self.recarregar()

    # -- dados -------------------------------------------------------------------------------
    def recarregar(self, login_selecionar: str | None = None) -> None:
        atual = login_selecionar or (self.selecionado() or {}).get("login")
        self.modelo.definir_linhas(acesso.listar_usuarios(self._sessao))
        self.selecionar(atual)
        self._on_selecao()

    def selecionado(self) -> dict | None:
        return linha_selecionada(self.tabela)

    def selecionar(self, login: str | None) -> None:
        for i in range(self.proxy.rowCount()):
            if login and self.proxy.linha_origem(self.proxy.index(i, 0))["login"] == login:
                self.tabela.selectRow(i)
                return
        self.tabela.clearSelection()

    def _informar(self, texto: str) -> None:
        self.situacao.setText(texto)

    # -- slots -------------------------------------------------------------------------------
    def _on_selecao(self, *_args) -> None:
        u = self.selecionado()
        self.botao_desativar.setEnabled(bool(u and u["ativo"]))
        self.botao_reativar.setEnabled(bool(u and not u["ativo"]))
        self.botao_senha.setEnabled(bool(u and u["ativo"]))

    def _abrir(self, dialogo: DialogoFormulario, sucesso: Callable[[dict], str]) -> None:
        self.dialogo = dialogo

        def _on_aceito() -> None:
            self.recarregar(dialogo.resultado["login"])
            self._informar(sucesso(dialogo.resultado))

        dialogo.accepted.connect(_on_aceito)
        dialogo.finished.connect(self._on_dialogo_fechado)
        dialogo.open()

    def _on_dialogo_fechado(self, _codigo: int) -> None:
        self.dialogo.deleteLater()
        self.dialogo = None

    def _on_novo(self) -> None:
        self._abrir(DialogoNovoUsuario(self._sessao, self),
                    lambda u: f"Usuário {u['login']} criado. Entregue a senha provisória a "
                              f"{u['nome']}; ela será trocada no primeiro acesso.")

    def _on_desativar(self) -> None:
        u = self.selecionado()
        if not u:
            return
        if not avisos.confirmar(
                self, "Desativar usuário", f"Desativar o usuário {u['login']} ({u['nome']})?",
                sim="Desativar", perigoso=True,
                detalhe="Ele não conseguirá mais entrar no Paço. O cadastro e tudo o que ele "
                        "registrou continuam guardados; é possível reativá-lo depois."):
            return
        try:
            acesso.desativar_usuario(self._sessao, u["login"])
        except Exception as e:  # noqa: BLE001
            if not avisos.previsto(e):
                raise
            avisos.erro(self, "Desativar usuário", e)
            return
        self.recarregar(u["login"])
        self._informar(f"Usuário {u['login']} desativado.")

    def _on_reativar(self) -> None:
        u = self.selecionado()
        if not u:
            return
        self._abrir(DialogoSenhaProvisoria(
            "Reativar usuário",
            f"Para reativar {u['nome']} ({u['login']}), defina uma senha provisória. "
            "Ele a trocará no primeiro acesso.", "Reativar",
            lambda senha: acesso.reativar_usuario(self._sessao, u["login"], senha), self),
            lambda r: f"Usuário {r['login']} reativado com senha provisória.")

    def _on_redefinir(self) -> None:
        u = self.selecionado()
        if not u:
            return
        self._abrir(DialogoSenhaProvisoria(
            "Redefinir senha",
            f"Nova senha provisória para {u['nome']} ({u['login']}). A senha antiga deixa de "
            "valer agora; ele escolherá uma nova no próximo acesso.", "Redefinir senha",
            lambda senha: acesso.redefinir_senha(self._sessao, u["login"], senha), self),
            lambda r: f"Senha de {r['login']} redefinida. Entregue a senha provisória ao usuário.")
