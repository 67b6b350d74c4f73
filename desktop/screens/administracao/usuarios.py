"""Aba Usuários: lista, novo usuário, desativar, reativar e redefinir senha (senha provisória).

Tudo passa por desktop.services.acesso, que confere a permissão e registra no diário.
"""
from __future__ import annotations

from functools import partial

from typing import Callable

from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop.rules import validacao
from desktop.rules.papeis import ROTULOS, Papel
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets import servicos
from desktop.services import acesso, chaveiro, usuarios_replicas

from desktop.screens.widgets import avisos
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.mensagem import Mensagem
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada

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

    def chamada(self) -> partial:
        return partial(acesso.criar_usuario,
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

    def chamada(self) -> partial:
        return partial(self._acao, self.senhas.valor())


def _informar_sem_cancelar(progresso) -> Callable[[int, int], None]:
    """O progresso da troca de chave: a recifragem não se interrompe no meio (é uma transação)."""
    def informar(feito: int, total: int) -> None:
        progresso.sig_andamento.emit(feito, total, "Recifrando a base com a chave nova…")
    return informar


class DialogoLiberarSigilo(DialogoFormulario):
    """A chave de recuperação libera o sigilo a quem aguarda (p.ex. os primeiros conselheiros)."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(
            "Liberar o sigilo do Conselho", "Liberar", parent,
            "O administrador não tem a chave do sigilo. Quando ainda não há nenhum conselheiro "
            "ou consulta com acesso para liberá-lo, digite a chave de recuperação impressa na "
            "instalação: o sigilo é liberado a quem aguarda e fica registrado no diário.")
        self._sessao = sessao
        self.chave = QLineEdit(self)
        self.chave.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.adicionar("Chave de recuperação:", self.chave)
        self.chave.textChanged.connect(self._on_mudou)
        self.chave.setFocus()
        self.atualizar_botao()

    def chamada(self) -> Callable[[], dict]:
        sessao, chave = self._sessao, self.chave.text()
        return lambda: {"login": None, "liberados": chaveiro.usar_recuperacao(sessao, chave)}


def _desativar(sessao, login: str, progresso) -> bool:
    """Desativa e troca as chaves (fora da thread da interface); devolve se a troca do sigilo ficou pendente."""
    acesso.desativar_usuario(sessao, login, progresso=_informar_sem_cancelar(progresso))
    return bool(chaveiro.rotacao_pendente(sessao.base.caminho))


class AbaUsuarios(QWidget):
    """Lista dos usuários da base e as ações do administrador sobre eles."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.dialogo: DialogoFormulario | None = None
        self.tarefa = None
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
        self.botao_sigilo = QPushButton("&Liberar o sigilo…", self)
        self.botao_aceitar = QPushButton("&Aceitar recebido…", self)  # criado noutra máquina do órgão
        self.botao_aceitar.setToolTip("Usuário criado (ou com a senha redefinida) noutra máquina do órgão: "
                                      "passa a entrar nesta com a senha que tem lá.")
        self._recebidos: set[str] = set()
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        self.situacao_chaves = Mensagem(parent=self)  # "rotação pendente", quem aguarda o sigilo

        botoes = QHBoxLayout()
        for b in (self.botao_novo, self.botao_desativar, self.botao_reativar, self.botao_senha,
                  self.botao_sigilo, self.botao_aceitar):
            botoes.addWidget(b)
        botoes.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filtro)
        lay.addWidget(self.tabela, 1)
        # as linhas de situação ficam entre a lista e os botões: aparecer ou mudar de altura encolhe a lista,
        # e os botões, presos embaixo, não saem do lugar (issue 16)
        lay.addWidget(self.situacao)
        lay.addWidget(self.situacao_chaves)
        lay.addLayout(botoes)

        self.botao_novo.clicked.connect(self._on_novo)
        self.botao_desativar.clicked.connect(self._on_desativar)
        self.botao_reativar.clicked.connect(self._on_reativar)
        self.botao_senha.clicked.connect(self._on_redefinir)
        self.botao_sigilo.clicked.connect(self._on_liberar_sigilo)
        self.botao_aceitar.clicked.connect(self._on_aceitar)
        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        self.recarregar()

    # -- dados -------------------------------------------------------------------------------
    def recarregar(self, login_selecionar: str | None = None) -> None:
        """Relê os usuários, a situação das chaves e os recebidos fora da thread da interface
        (``carregando`` até chegar)."""
        atual = login_selecionar or (self.selecionado() or {}).get("login")
        sessao = self._sessao
        servicos.consulta(self, lambda: (acesso.listar_usuarios(sessao), chaveiro.situacao(sessao),
                                         [r["login"] for r in usuarios_replicas.recebidos(sessao)]),
                          lambda lido: self._on_lidos(atual, *lido), titulo_erro="Usuários", chave="lista")

    def _on_lidos(self, atual: str | None, usuarios: list[dict], texto: str, recebidos: list[str]) -> None:
        self.modelo.definir_linhas(usuarios)
        self._recebidos = set(recebidos)
        if self._recebidos:
            texto = (texto + " " if texto else "") + (
                "Criados noutra máquina do órgão, aguardando o seu aceite: " + ", ".join(sorted(self._recebidos))
                + " (selecione e use Aceitar recebido…).")
        self.botao_aceitar.setVisible(bool(self._recebidos))
        self.situacao_chaves.setText(texto)
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
        self.botao_aceitar.setEnabled(bool(u and u["login"] in self._recebidos))

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
        # Desativar troca as chaves e recifra a base (pode levar segundos numa base grande):
        # fora da thread da interface, com o diálogo de progresso.
        sessao, login = self._sessao, u["login"]
        self.tarefa = servicos.operacao(
            self, "Desativando e trocando as chaves da base…",
            lambda progresso: _desativar(sessao, login, progresso),
            lambda pendente: self._on_desativado(login, pendente), titulo_erro="Desativar usuário")

    def _on_desativado(self, login: str, pendente: bool) -> None:
        self.recarregar(login)
        extra = (" A troca da chave do sigilo ficou pendente (rotação pendente): será feita na "
                 "próxima entrada de um conselheiro ou da consulta.") if pendente else ""
        self._informar(f"Usuário {login} desativado; as chaves da base foram trocadas.{extra}")

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

    def _on_liberar_sigilo(self) -> None:
        self._abrir(DialogoLiberarSigilo(self._sessao, self),
                    lambda r: ("Sigilo liberado para: " + ", ".join(r["liberados"]) + ".")
                    if r["liberados"] else "Ninguém aguardava a liberação do sigilo.")

    def _on_aceitar(self) -> None:
        u = self.selecionado()
        if not u or u["login"] not in self._recebidos:
            return
        if not avisos.confirmar(
                self, "Aceitar usuário recebido",
                f"Aceitar {u['nome']} ({u['login']}), {_rotulo_papel(u['papel'])}, criado noutra máquina do órgão?",
                sim="Aceitar",
                detalhe="Ele passa a entrar nesta máquina com a senha que tem lá e recebe só as chaves do seu "
                        "papel (o sigilo do Conselho é liberado na próxima entrada de um conselheiro). Se você "
                        "não reconhece este usuário, não aceite: fale com o administrador da sede."):
            return
        login = u["login"]
        self.tarefa = servicos.operacao(self, "Aceitando o usuário recebido…",
                                        lambda _progresso: usuarios_replicas.aceitar(self._sessao, login),
                                        self._on_aceito, titulo_erro="Aceitar usuário recebido")

    def _on_aceito(self, resultado: dict) -> None:
        self.recarregar(resultado["login"])
        self._informar(f"Usuário {resultado['login']} aceito: já entra nesta máquina.")

    def _on_redefinir(self) -> None:
        u = self.selecionado()
        if not u:
            return

        def conferir(senha: str) -> dict:
            validacao.senha(senha)  # a regra da senha responde no próprio diálogo
            return {"login": u["login"], "senha": senha}

        self._abrir(DialogoSenhaProvisoria(
            "Redefinir senha",
            f"Nova senha provisória para {u['nome']} ({u['login']}). A senha antiga deixa de "
            "valer agora; ele escolherá uma nova no próximo acesso.", "Redefinir senha",
            conferir, self),
            lambda r: self._redefinir_em_tarefa(r["login"], r["senha"]))

    def _redefinir_em_tarefa(self, login: str, senha: str) -> str:
        """Redefinir troca as chaves e recifra a base: fora da thread da interface."""
        sessao = self._sessao
        self.tarefa = servicos.operacao(
            self, "Redefinindo a senha e trocando as chaves da base…",
            lambda progresso: acesso.redefinir_senha(sessao, login, senha, progresso=_informar_sem_cancelar(progresso)),
            lambda _r: self._on_redefinida(login), titulo_erro="Redefinir senha")
        return "Redefinindo a senha e trocando as chaves da base…"

    def _on_redefinida(self, login: str) -> None:
        self.recarregar(login)
        self._informar(f"Senha de {login} redefinida. Entregue a senha provisória ao usuário.")
