"""Rascunhos do plantão no arquivo sigiloso (``conselho_rascunhos``): o conteúdo chega e sai já cifrado."""
from __future__ import annotations

import sqlite_utils

from ..linhas import um


def todos(db: sqlite_utils.Database) -> list[dict]:
    """Todos os rascunhos (id, chave, conteudo, usuario_id), para recifrar na troca da chave do sigilo."""
    return list(db.query("SELECT id, chave, conteudo, usuario_id FROM conselho_rascunhos"))


def id_do_rascunho(db: sqlite_utils.Database, usuario_id: str, chave: str) -> str | None:
    linha = um(db, "SELECT id FROM conselho_rascunhos WHERE usuario_id = ? AND chave = ?", [usuario_id, chave])
    return linha["id"] if linha else None


def rascunho(db: sqlite_utils.Database, usuario_id: str, chave: str) -> dict | None:
    """``conteudo`` (cifrado) e ``atualizado_em`` do rascunho do usuário, ou None."""
    return um(db, "SELECT conteudo, atualizado_em FROM conselho_rascunhos WHERE usuario_id = ? AND chave = ?",
              [usuario_id, chave])


def do_usuario(db: sqlite_utils.Database, usuario_id: str) -> list[dict]:
    """Chaves e momentos dos rascunhos do usuário, os mais recentes primeiro (sem o conteúdo)."""
    return list(db.query("SELECT chave, atualizado_em FROM conselho_rascunhos WHERE usuario_id = ? "
                         "ORDER BY atualizado_em DESC", [usuario_id]))


def trocar_conteudo(db: sqlite_utils.Database, rascunho_id: str, conteudo: bytes, atualizado_em: str | None = None) -> None:
    """Grava o conteúdo cifrado novo (e o momento, se dado)."""
    if atualizado_em is None:
        db.execute("UPDATE conselho_rascunhos SET conteudo = ? WHERE id = ?", [conteudo, rascunho_id])
    else:
        db.execute("UPDATE conselho_rascunhos SET conteudo = ?, atualizado_em = ? WHERE id = ?",
                   [conteudo, atualizado_em, rascunho_id])


def apagar(db: sqlite_utils.Database, rascunho_id: str) -> None:
    db.execute("DELETE FROM conselho_rascunhos WHERE id = ?", [rascunho_id])
