"""As tabelas sincronizadas vistas pelo serviço da sincronização (issue 15): colunas BLOB, a existência de um
registro, o valor decidido de um campo em conflito e as chaves estrangeiras adiadas enquanto um pacote se aplica.

SQL na transação de quem chama; a permissão e o diário são do serviço (``services.sincronizacao``). As versões por
campo e os conflitos estão em ``sync_registro``.
"""
from __future__ import annotations

import sqlite_utils


def adiar_chaves_estrangeiras(db: sqlite_utils.Database) -> None:
    """Até o COMMIT desta transação, as chaves estrangeiras só são conferidas no fim: um pacote traz as
    alterações na ordem em que foram feitas, não na das tabelas."""
    db.execute("PRAGMA defer_foreign_keys = ON")


def colunas_blob(db: sqlite_utils.Database, esquema: str, tabela: str) -> frozenset[str]:
    """As colunas declaradas BLOB da tabela."""
    return frozenset(r[1] for r in db.execute(f'PRAGMA {esquema}.table_info("{tabela}")')
                     if (r[2] or "").upper() == "BLOB")


def existe(db: sqlite_utils.Database, esquema: str, tabela: str, pk: str, registro_id: str) -> bool:
    return db.execute(f'SELECT 1 FROM {esquema}."{tabela}" WHERE "{pk}" = ?', [registro_id]).fetchone() is not None


def gravar_campo(db: sqlite_utils.Database, esquema: str, tabela: str, pk: str, registro_id: str, coluna: str,
                 valor) -> None:
    """O valor (como veio, sem conversão) de uma coluna do registro."""
    db.execute(f'UPDATE {esquema}."{tabela}" SET "{coluna}" = ? WHERE "{pk}" = ?', [valor, registro_id])
