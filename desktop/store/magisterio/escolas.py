"""Escolas do magistério na base: porte e difícil acesso datados (``magisterio_escolas``).

A escola é uma unidade (tabela ``unidades``, tipo 'escola'); cada linha de ``magisterio_escolas``
vale do seu início até a véspera da linha seguinte da mesma escola (Lei 1.613/2004, art. 38 §1º:
mudou o porte, muda a FG).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import sqlite_utils

from ..ids import agora, novo_id
from ..linhas import um


@dataclass(frozen=True)
class SituacaoEscola:
    """Porte e difícil acesso de uma escola de ``inicio`` a ``fim`` (None: em aberto)."""

    id: str
    unidade_id: str
    inicio: date
    fim: date | None
    porte: str
    dificil_acesso: bool
    ato: str


def obter_unidade(db: sqlite_utils.Database, unidade_id: str) -> dict | None:
    return um(db, "SELECT * FROM unidades WHERE id = ?", [unidade_id])


def unidades(db: sqlite_utils.Database) -> dict[str, dict]:
    """Todas as unidades por id (são poucas)."""
    return {r["id"]: r for r in db.query("SELECT id, tipo, nome, zona, ativo FROM unidades")}


def situacoes(db: sqlite_utils.Database, unidade_id: str | None = None) -> dict[str, list[SituacaoEscola]]:
    """Situações datadas por escola, em ordem, com o ``fim`` de cada uma já calculado."""
    sql, args = "SELECT * FROM magisterio_escolas", []
    if unidade_id:
        sql, args = sql + " WHERE unidade_id = ?", [unidade_id]
    brutas: dict[str, list[dict]] = {}
    for r in db.query(sql + " ORDER BY unidade_id, inicio", args):
        brutas.setdefault(r["unidade_id"], []).append(r)
    resultado: dict[str, list[SituacaoEscola]] = {}
    for uid, linhas in brutas.items():
        lista = []
        for i, r in enumerate(linhas):
            proxima = linhas[i + 1]["inicio"] if i + 1 < len(linhas) else None
            fim = date.fromisoformat(proxima) - timedelta(days=1) if proxima else None
            lista.append(SituacaoEscola(r["id"], uid, date.fromisoformat(r["inicio"]), fim, r["porte"],
                                        bool(r["dificil_acesso"]), r["ato"] or ""))
        resultado[uid] = lista
    return resultado


def situacao_em(lista: list[SituacaoEscola], dia: date) -> SituacaoEscola | None:
    for s in lista:
        if s.inicio <= dia and (s.fim is None or dia <= s.fim):
            return s
    return None


def linha_situacao(db: sqlite_utils.Database, situacao_id: str) -> dict | None:
    return um(db, "SELECT * FROM magisterio_escolas WHERE id = ?", [situacao_id])


def situacao_no_inicio(db: sqlite_utils.Database, unidade_id: str, inicio: date) -> dict | None:
    return um(db, "SELECT * FROM magisterio_escolas WHERE unidade_id = ? AND inicio = ?",
              [unidade_id, inicio.isoformat()])


def nova_situacao(*, unidade_id: str, inicio: date, porte: str, dificil_acesso: bool, ato: str = "") -> dict:
    """A linha de ``magisterio_escolas`` de uma situação nova (o serviço a grava com ``Mudanca.inserir``)."""
    momento = agora()
    return {"id": novo_id(), "unidade_id": unidade_id, "inicio": inicio.isoformat(), "porte": porte,
            "dificil_acesso": 1 if dificil_acesso else 0, "ato": ato or "",
            "criado_em": momento, "atualizado_em": momento}


def campos_situacao(*, porte: str, dificil_acesso: bool, ato: str = "") -> dict:
    """As colunas que a correção de uma situação altera (com o ``atualizado_em`` de agora)."""
    return {"porte": porte, "dificil_acesso": 1 if dificil_acesso else 0, "ato": ato or "", "atualizado_em": agora()}


def excluir_situacao(db: sqlite_utils.Database, situacao_id: str) -> None:
    db.execute("DELETE FROM magisterio_escolas WHERE id = ?", [situacao_id])


def funcoes_na_escola(db: sqlite_utils.Database, unidade_id: str) -> list[dict]:
    """Funções gratificadas exercidas na escola, com o nome do servidor."""
    return list(db.query(
        "SELECT f.*, p.nome FROM magisterio_funcoes f JOIN magisterio_servidores s ON s.id = f.servidor_id "
        "JOIN pessoas p ON p.id = s.pessoa_id WHERE f.unidade_id = ? ORDER BY f.inicio", [unidade_id]))


def escolas(db: sqlite_utils.Database, incluir_inativas: bool = False) -> list[dict]:
    sql = "SELECT * FROM unidades WHERE tipo = 'escola'"
    if not incluir_inativas:
        sql += " AND ativo = 1"
    return list(db.query(sql + " ORDER BY nome"))
