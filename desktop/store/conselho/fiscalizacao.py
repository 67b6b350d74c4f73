"""Entidades de atendimento e visitas de fiscalização na base geral (ECA, art. 90; Lei 320/2023, art. 34)."""
from __future__ import annotations

import sqlite_utils

from ..linhas import um

_VISITA = "SELECT v.*, e.nome{mais} FROM conselho_visitas v JOIN conselho_entidades e ON e.id = v.entidade_id"


def entidade_com_nome(db: sqlite_utils.Database, nome: str) -> bool:
    return um(db, "SELECT 1 AS x FROM conselho_entidades WHERE nome = ?", [nome]) is not None


def entidades_ativas(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM conselho_entidades WHERE ativo = 1 ORDER BY nome"))


def contar_entidades_ativas(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM conselho_entidades WHERE ativo = 1").fetchone()[0]


def contar_visitas_do_semestre(db: sqlite_utils.Database, semestre: str) -> int:
    return db.execute("SELECT count(*) FROM conselho_visitas WHERE semestre = ?", [semestre]).fetchone()[0]


def plano(db: sqlite_utils.Database, semestre: str) -> list[dict]:
    """As visitas do semestre, com nome e regime da entidade, pela data prevista."""
    return list(db.query(_VISITA.format(mais=", e.regime") + " WHERE v.semestre = ? ORDER BY v.prevista_para",
                         [semestre]))


def visita(db: sqlite_utils.Database, visita_id: str) -> dict | None:
    return um(db, "SELECT * FROM conselho_visitas WHERE id = ?", [visita_id])


def visita_com_entidade(db: sqlite_utils.Database, visita_id: str) -> dict | None:
    return um(db, _VISITA.format(mais="") + " WHERE v.id = ?", [visita_id])


def visitas(db: sqlite_utils.Database) -> list[dict]:
    """Todas as visitas, com o nome da entidade, pela data prevista."""
    return list(db.query(_VISITA.format(mais="") + " ORDER BY v.prevista_para"))
