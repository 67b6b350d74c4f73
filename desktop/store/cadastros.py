"""Cadastros comuns a todos os módulos: pessoas (tabela ``pessoas``) e unidades (``unidades``: escolas,
secretaria, unidades certificadoras…)."""
from __future__ import annotations

import sqlite_utils

from .linhas import um


def pessoa(db: sqlite_utils.Database, pessoa_id: str) -> dict | None:
    return um(db, "SELECT * FROM pessoas WHERE id = ?", [pessoa_id])


def pessoa_por_cpf(db: sqlite_utils.Database, cpf: str) -> dict | None:
    """A pessoa com esse CPF (só dígitos), ou None."""
    return um(db, "SELECT * FROM pessoas WHERE cpf = ?", [cpf])


def cpf_em_uso(db: sqlite_utils.Database, cpf: str) -> bool:
    return um(db, "SELECT 1 AS x FROM pessoas WHERE cpf = ?", [cpf]) is not None


def contar_pessoas(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM pessoas").fetchone()[0]


def nome_de_unidade_em_uso(db: sqlite_utils.Database, tipo: str, nome: str, *, exceto: str | None = None) -> bool:
    """Há outra unidade do ``tipo`` com esse nome (sem contar a de id ``exceto``)?"""
    return um(db, "SELECT 1 AS x FROM unidades WHERE tipo = ? AND nome = ? AND id IS NOT ?",
              [tipo, nome, exceto]) is not None


def unidades_ativas(db: sqlite_utils.Database, tipo: str | None = None) -> list[dict]:
    """As unidades ativas (de um tipo, se dado), por tipo e nome."""
    sql, args = "SELECT * FROM unidades WHERE ativo = 1", []
    if tipo:
        sql, args = sql + " AND tipo = ?", [tipo]
    return list(db.query(sql + " ORDER BY tipo, nome", args))


def primeira_unidade(db: sqlite_utils.Database, tipo: str) -> dict | None:
    """A primeira unidade do tipo (ativa ou não), por nome — p.ex. a secretaria."""
    return um(db, "SELECT * FROM unidades WHERE tipo = ? ORDER BY nome", [tipo])


def unidade(db: sqlite_utils.Database, unidade_id: str) -> dict | None:
    return um(db, "SELECT * FROM unidades WHERE id = ?", [unidade_id])


def unidade_por_nome(db: sqlite_utils.Database, nome: str) -> dict | None:
    """A primeira unidade (de qualquer tipo) com esse nome, ou None."""
    return um(db, "SELECT * FROM unidades WHERE nome = ?", [nome])
