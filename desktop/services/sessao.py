"""A sessão de um usuário numa base aberta: quem é, o que pode, e como se grava uma mudança.

Toda mudança feita por um serviço passa por ``Sessao.mudanca()``: verifica a permissão, abre a
transação e acrescenta ao diário, na mesma transação, uma linha por registro alterado.
"""
from __future__ import annotations

import socket
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

import sqlite_utils

from desktop import __version__
from desktop.rules.papeis import DESCRICOES, ROTULOS, Papel, Permissao, pode
from desktop.store import diario
from desktop.store.base import Base


class SemPermissao(PermissionError):
    """O papel do usuário não permite a ação; a mensagem é para o usuário."""


class ErroNegocio(ValueError):
    """Ação recusada por uma regra; a mensagem é para o usuário."""


def maquina_atual() -> str:
    return socket.gethostname() or "desconhecida"


@dataclass
class Usuario:
    id: str
    login: str
    nome: str
    papel: Papel
    trocar_senha: bool = False

    @property
    def rotulo_papel(self) -> str:
        return ROTULOS[self.papel]


@dataclass
class Mudanca:
    """Uma transação em andamento; ``registrar`` escreve no diário."""

    db: sqlite_utils.Database
    sessao: "Sessao"
    linhas: list[dict] = field(default_factory=list)

    def registrar(self, tabela: str, registro_id: str, acao: str, antes=None, depois=None) -> None:
        self.linhas.append(
            diario.registrar(
                self.db, usuario=self.sessao.usuario.login, maquina=self.sessao.maquina,
                versao=__version__, tabela=tabela, registro_id=registro_id, acao=acao,
                antes=antes, depois=depois,
            )
        )


class Sessao:
    def __init__(self, base: Base, usuario: Usuario, maquina: str | None = None):
        self.base = base
        self.usuario = usuario
        self.maquina = maquina or maquina_atual()

    @property
    def db(self) -> sqlite_utils.Database:
        return self.base.db

    def pode(self, permissao: Permissao) -> bool:
        return pode(self.usuario.papel, permissao)

    def exigir(self, permissao: Permissao) -> None:
        if not self.pode(permissao):
            raise SemPermissao(
                f"O papel {self.usuario.rotulo_papel} não permite {DESCRICOES[permissao]}."
            )

    @contextmanager
    def mudanca(self, permissao: Permissao | None) -> Iterator[Mudanca]:
        """Transação com diário. ``permissao`` None só para eventos que todo usuário registra."""
        if permissao is not None:
            self.exigir(permissao)
        with self.base.transacao() as db:
            yield Mudanca(db, self)

    def fechar(self) -> None:
        self.base.fechar()
