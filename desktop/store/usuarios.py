"""Usuários (tabela ``usuarios``): as consultas que a entrada, o chaveiro, as cópias e a eleição fazem.

Quem pode ler e alterar, e o diário, são dos serviços (``services.acesso``, ``services.chaveiro``).
"""
from __future__ import annotations

import sqlite_utils

from .linhas import um


def por_login(db: sqlite_utils.Database, login: str) -> dict | None:
    """A linha inteira do usuário com esse login (ativo ou não), ou None."""
    return um(db, "SELECT * FROM usuarios WHERE login = ?", [login])


def login_existe(db: sqlite_utils.Database, login: str) -> bool:
    return um(db, "SELECT 1 AS x FROM usuarios WHERE login = ?", [login]) is not None


def nome_por_id(db: sqlite_utils.Database, usuario_id: str) -> str | None:
    linha = um(db, "SELECT nome FROM usuarios WHERE id = ?", [usuario_id])
    return linha["nome"] if linha else None


def todos(db: sqlite_utils.Database) -> list[dict]:
    """Todas as linhas, ativas ou não, por login."""
    return list(db.query("SELECT * FROM usuarios ORDER BY login"))


def para_listagem(db: sqlite_utils.Database) -> list[dict]:
    """Os campos que a tela de usuários mostra (nunca a fechadura), por nome."""
    return list(db.query(
        "SELECT id, login, nome, papel, ativo, trocar_senha, criado_em FROM usuarios ORDER BY nome"))


def ativos(db: sqlite_utils.Database) -> list[dict]:
    """Login e papel de cada usuário ativo, por login."""
    return list(db.query("SELECT login, papel FROM usuarios WHERE ativo = 1 ORDER BY login"))


def logins_ativos(db: sqlite_utils.Database, *, exceto: str | None = None) -> list[str]:
    """Os logins ativos, por login; sem ``exceto``, se dado."""
    return [u["login"] for u in ativos(db) if u["login"] != exceto]


def administradores_ativos(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM usuarios WHERE papel = 'administrador' AND ativo = 1").fetchone()[0]


def fechadura_viajante(db: sqlite_utils.Database, usuario_id: str) -> dict | None:
    """A fechadura do usuário que viaja entre réplicas (``sync_fechaduras``: pública e privada embrulhada), ou
    None. Ver services.usuarios_replicas."""
    return um(db, "SELECT id, login, papel, publica, privada FROM sync_fechaduras WHERE id = ?", [usuario_id])
