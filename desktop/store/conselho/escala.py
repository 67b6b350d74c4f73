"""Escalas de plantão, plantões e trocas na base."""
from __future__ import annotations

import sqlite_utils

_PLANTAO = ("SELECT pl.*, p.nome FROM conselho_plantoes pl JOIN conselho_conselheiros c ON c.id = pl.conselheiro_id "
            "JOIN pessoas p ON p.id = c.pessoa_id")


def plantoes(db: sqlite_utils.Database, inicio: str, fim: str, conselheiro_id: str | None = None) -> list[dict]:
    """Plantões que começam de ``inicio`` até antes de ``fim`` (texto ISO local)."""
    sql, args = _PLANTAO + " WHERE pl.inicio >= ? AND pl.inicio < ?", [inicio, fim]
    if conselheiro_id:
        sql, args = sql + " AND pl.conselheiro_id = ?", args + [conselheiro_id]
    return list(db.query(sql + " ORDER BY pl.inicio", args))


def plantao(db: sqlite_utils.Database, plantao_id: str) -> dict | None:
    linhas = list(db.query(_PLANTAO + " WHERE pl.id = ?", [plantao_id]))
    return linhas[0] if linhas else None


def plantao_em(db: sqlite_utils.Database, momento: str) -> dict | None:
    linhas = list(db.query(_PLANTAO + " WHERE pl.inicio <= ? AND pl.fim > ? ORDER BY pl.inicio LIMIT 1",
                           [momento, momento]))
    return linhas[0] if linhas else None


def sobrepostos(db: sqlite_utils.Database, conselheiro_id: str, inicio: str, fim: str, exceto: str) -> list[dict]:
    return list(db.query("SELECT * FROM conselho_plantoes WHERE conselheiro_id = ? AND inicio < ? AND fim > ? "
                         "AND id <> ?", [conselheiro_id, fim, inicio, exceto]))


def trocas(db: sqlite_utils.Database, plantao_id: str | None = None) -> list[dict]:
    sql, args = "SELECT * FROM conselho_trocas", []
    if plantao_id:
        sql, args = sql + " WHERE plantao_id = ?", [plantao_id]
    return list(db.query(sql + " ORDER BY trocado_em", args))


def escalas(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM conselho_escalas ORDER BY inicio"))


def inserir_plantoes(db: sqlite_utils.Database, linhas: list[dict]) -> None:
    """Os plantões de uma escala de uma vez (o diário leva um resumo da escala, não cada linha)."""
    db["conselho_plantoes"].insert_all(linhas, batch_size=500)


