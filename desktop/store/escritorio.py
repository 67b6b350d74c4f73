"""O órgão dono da base (tabela ``escritorio``, uma linha só, id 1): nome, município, UF e o id da base.

O emissor ``'orgao'`` dos documentos lê a mesma linha em ``store.emissores``.
"""
from __future__ import annotations

import sqlite_utils

from .linhas import um


def base_id(db: sqlite_utils.Database) -> str:
    """O id desta base (UUIDv7 gravado na instalação): prende o arquivo de chaves, as cópias e as réplicas a ela."""
    return db.execute("SELECT base_id FROM escritorio").fetchone()[0]


def resumo(db: sqlite_utils.Database) -> dict | None:
    """Nome, município e UF do órgão, ou None numa base ainda sem órgão."""
    return um(db, "SELECT nome, municipio, uf FROM escritorio WHERE id = 1")
