"""Configurações da instalação (tabela ``configuracoes``: chave → valor em texto)."""
from __future__ import annotations

import sqlite_utils


def valor(db: sqlite_utils.Database, chave: str) -> str | None:
    linha = db.execute("SELECT valor FROM configuracoes WHERE chave = ?", [chave]).fetchone()
    return linha[0] if linha else None


def apagar(db: sqlite_utils.Database, chave: str) -> None:
    db["configuracoes"].delete(chave)
