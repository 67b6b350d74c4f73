"""Registro dos documentos emitidos (tabela ``documentos``): numeração, inclusão, buscas, cancelamento.

Um documento emitido nunca é apagado (um gatilho recusa o DELETE): o erro se corrige cancelando,
com data, autor e motivo, e emitindo outro.
"""
from __future__ import annotations

import sqlite_utils

COLUNAS = ("id", "tipo", "numero", "ano", "via", "titulo", "referencia", "emitido_em",
           "emitido_por", "sha256", "codigo", "paginas", "cancelado_em", "cancelado_por",
           "motivo_cancelamento", "ancora_seq", "ancora_hash", "ancora_sigilo_seq", "ancora_sigilo_hash")


def _um(db: sqlite_utils.Database, sql: str, params: list) -> dict | None:
    linhas = list(db.query(sql, params))
    return linhas[0] if linhas else None


def proximo_numero(db: sqlite_utils.Database, tipo: str, ano: int) -> int:
    """O próximo número da série (tipo, ano); a numeração recomeça em 1 a cada ano."""
    return db.execute(
        "SELECT coalesce(max(numero), 0) + 1 FROM documentos WHERE tipo = ? AND ano = ?",
        [tipo, ano],
    ).fetchone()[0]


def primeira_via(db: sqlite_utils.Database, tipo: str, referencia: str) -> dict | None:
    """O documento original (1ª via) mais recente do tipo com a referência dada."""
    return _um(db, "SELECT * FROM documentos WHERE tipo = ? AND referencia = ? AND via = 1 "
                   "ORDER BY emitido_em DESC LIMIT 1", [tipo, referencia])


def via_existe(db: sqlite_utils.Database, tipo: str, ano: int, numero: int, via: int) -> bool:
    return db.execute(
        "SELECT 1 FROM documentos WHERE tipo = ? AND ano = ? AND numero = ? AND via = ?",
        [tipo, ano, numero, via],
    ).fetchone() is not None


def codigo_existe(db: sqlite_utils.Database, codigo: str) -> bool:
    return db.execute("SELECT 1 FROM documentos WHERE codigo = ?", [codigo]).fetchone() is not None


def inserir(db: sqlite_utils.Database, linha: dict) -> None:
    db["documentos"].insert({c: linha.get(c) for c in COLUNAS})


def por_id(db: sqlite_utils.Database, id_: str) -> dict | None:
    return _um(db, "SELECT * FROM documentos WHERE id = ?", [id_])


def por_codigo(db: sqlite_utils.Database, codigo: str) -> dict | None:
    return _um(db, "SELECT * FROM documentos WHERE codigo = ?", [codigo])


def por_sha256(db: sqlite_utils.Database, sha256: str) -> dict | None:
    return _um(db, "SELECT * FROM documentos WHERE sha256 = ? ORDER BY emitido_em LIMIT 1",
               [sha256])


def listar(db: sqlite_utils.Database, *, tipo: str | None = None, ano: int | None = None,
           de: str | None = None, ate: str | None = None, texto: str | None = None,
           cancelados: bool | None = None, limite: int = 1000) -> list[dict]:
    """Documentos do mais recente ao mais antigo.

    ``de``/``ate``: limites ISO (UTC) de ``emitido_em``, ``ate`` exclusivo. ``texto`` procura no
    título, na referência, no código e em quem emitiu. ``cancelados``: True só os cancelados,
    False só os válidos, None todos.
    """
    condicoes, params = [], []
    if tipo:
        condicoes.append("tipo = ?")
        params.append(tipo)
    if ano:
        condicoes.append("ano = ?")
        params.append(ano)
    if de:
        condicoes.append("emitido_em >= ?")
        params.append(de)
    if ate:
        condicoes.append("emitido_em < ?")
        params.append(ate)
    if texto:
        condicoes.append("(titulo LIKE ? OR coalesce(referencia, '') LIKE ? OR codigo LIKE ? "
                         "OR emitido_por LIKE ?)")
        params.extend([f"%{texto}%"] * 4)
    if cancelados is True:
        condicoes.append("cancelado_em IS NOT NULL")
    elif cancelados is False:
        condicoes.append("cancelado_em IS NULL")
    onde = f"WHERE {' AND '.join(condicoes)}" if condicoes else ""
    return list(db.query(
        f"SELECT * FROM documentos {onde} ORDER BY emitido_em DESC, numero DESC LIMIT ?",
        [*params, limite],
    ))


def tipos(db: sqlite_utils.Database) -> list[str]:
    """Os tipos que já foram emitidos nesta base (para o filtro da tela)."""
    return [r[0] for r in db.execute("SELECT DISTINCT tipo FROM documentos ORDER BY tipo")]


def marcar_cancelado(db: sqlite_utils.Database, id_: str, *, momento: str, por: str,
                     motivo: str) -> None:
    db.execute(
        "UPDATE documentos SET cancelado_em = ?, cancelado_por = ?, motivo_cancelamento = ? "
        "WHERE id = ? AND cancelado_em IS NULL",
        [momento, por, motivo, id_],
    )
