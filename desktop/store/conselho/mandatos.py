"""Conselheiros, exercícios, afastamentos, funções e penalidades na base."""
from __future__ import annotations

import sqlite_utils

from ..linhas import atualizar, um  # noqa: F401 — os serviços do Conselho as usam por aqui

# ``impedimento``: o texto do art. 15 gravado pelo processo de escolha (``conselheiros_eleitos``), se houver.
_CONSELHEIRO = ("SELECT c.*, p.nome, p.cpf, p.nascimento, e.impedimento FROM conselho_conselheiros c "
                "JOIN pessoas p ON p.id = c.pessoa_id LEFT JOIN conselheiros_eleitos e ON e.id = c.eleito_id")


def conselheiro(db: sqlite_utils.Database, conselheiro_id: str) -> dict | None:
    return um(db, _CONSELHEIRO + " WHERE c.id = ?", [conselheiro_id])


def por_usuario(db: sqlite_utils.Database, usuario_id: str) -> dict | None:
    return um(db, _CONSELHEIRO + " WHERE c.usuario_id = ?", [usuario_id])


def conselheiros(db: sqlite_utils.Database, inicio_mandato: str | None = None) -> list[dict]:
    """Titulares e depois suplentes, cada grupo pela ordem; ``inicio_mandato`` filtra o mandato."""
    sql, args = _CONSELHEIRO, []
    if inicio_mandato:
        sql, args = sql + " WHERE c.inicio_mandato = ?", [inicio_mandato]
    return list(db.query(sql + " ORDER BY c.inicio_mandato, c.condicao DESC, c.ordem", args))


def parentescos(db: sqlite_utils.Database, inicio_mandato: str) -> list[dict]:
    """Parentescos declarados no processo de escolha (``eleicao_parentescos``, art. 15) entre dois
    conselheiros do mandato, ligados pela candidatura do eleito: ``a_id``, ``b_id`` e ``vinculo``.
    Quem foi cadastrado à mão não tem candidatura e não aparece aqui."""
    return list(db.query(
        "SELECT ca.id AS a_id, cb.id AS b_id, r.vinculo FROM eleicao_parentescos r "
        "JOIN conselheiros_eleitos ea ON ea.candidatura_id = r.candidatura_a "
        "JOIN conselheiros_eleitos eb ON eb.candidatura_id = r.candidatura_b "
        "JOIN conselho_conselheiros ca ON ca.eleito_id = ea.id "
        "JOIN conselho_conselheiros cb ON cb.eleito_id = eb.id "
        "WHERE ca.inicio_mandato = ? AND cb.inicio_mandato = ?", [inicio_mandato, inicio_mandato]))


def exercicios(db: sqlite_utils.Database, conselheiro_id: str | None = None) -> list[dict]:
    sql, args = "SELECT * FROM conselho_exercicios", []
    if conselheiro_id:
        sql, args = sql + " WHERE conselheiro_id = ?", [conselheiro_id]
    return list(db.query(sql + " ORDER BY inicio", args))


def exercicio_aberto(db: sqlite_utils.Database, conselheiro_id: str) -> dict | None:
    return um(db, "SELECT * FROM conselho_exercicios WHERE conselheiro_id = ? AND fim IS NULL", [conselheiro_id])


def substituto_de(db: sqlite_utils.Database, conselheiro_id: str) -> dict | None:
    """O exercício aberto do suplente que substitui o conselheiro."""
    return um(db, "SELECT * FROM conselho_exercicios WHERE substitui_id = ? AND fim IS NULL", [conselheiro_id])


def afastamentos(db: sqlite_utils.Database, conselheiro_id: str | None = None) -> list[dict]:
    sql, args = "SELECT * FROM conselho_afastamentos", []
    if conselheiro_id:
        sql, args = sql + " WHERE conselheiro_id = ?", [conselheiro_id]
    return list(db.query(sql + " ORDER BY inicio", args))


def afastamento_aberto(db: sqlite_utils.Database, conselheiro_id: str) -> dict | None:
    return um(db, "SELECT * FROM conselho_afastamentos WHERE conselheiro_id = ? AND fim IS NULL "
                  "AND tipo <> 'vacancia'", [conselheiro_id])


def funcoes(db: sqlite_utils.Database, conselheiro_id: str | None = None) -> list[dict]:
    sql, args = "SELECT * FROM conselho_funcoes", []
    if conselheiro_id:
        sql, args = sql + " WHERE conselheiro_id = ?", [conselheiro_id]
    return list(db.query(sql + " ORDER BY inicio", args))


def penalidades(db: sqlite_utils.Database, conselheiro_id: str | None = None) -> list[dict]:
    sql, args = "SELECT * FROM conselho_penalidades", []
    if conselheiro_id:
        sql, args = sql + " WHERE conselheiro_id = ?", [conselheiro_id]
    return list(db.query(sql + " ORDER BY aplicada_em", args))


def eleito(db: sqlite_utils.Database, eleito_id: str) -> dict | None:
    return um(db, "SELECT * FROM conselheiros_eleitos WHERE id = ?", [eleito_id])
