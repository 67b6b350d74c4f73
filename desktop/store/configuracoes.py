"""Configurações da instalação (tabela ``configuracoes``: chave → valor em texto)."""
from __future__ import annotations

import sqlite_utils


def valor(db: sqlite_utils.Database, chave: str) -> str | None:
    linha = db.execute("SELECT valor FROM configuracoes WHERE chave = ?", [chave]).fetchone()
    return linha[0] if linha else None


def gravar(db: sqlite_utils.Database, chave: str, valor_: str) -> None:
    db["configuracoes"].upsert({"chave": chave, "valor": valor_}, pk="chave")


def apagar(db: sqlite_utils.Database, chave: str) -> None:
    db["configuracoes"].delete(chave)
