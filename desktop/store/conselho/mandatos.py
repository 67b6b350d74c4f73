"""Conselheiros, exercícios, afastamentos, funções e penalidades na base."""
from __future__ import annotations

import sqlite_utils

from ..linhas import um

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


def vaga_ocupada(db: sqlite_utils.Database, inicio_mandato: str, condicao: str, ordem: int) -> bool:
    """Se já há conselheiro com essa condição e ordem no mandato."""
    return um(db, "SELECT 1 AS x FROM conselho_conselheiros WHERE inicio_mandato = ? AND condicao = ? AND ordem = ?",
              [inicio_mandato, condicao, ordem]) is not None


def eleito_cadastrado(db: sqlite_utils.Database, eleito_id: str) -> bool:
    return um(db, "SELECT 1 AS x FROM conselho_conselheiros WHERE eleito_id = ?", [eleito_id]) is not None


def eleitos(db: sqlite_utils.Database, processo_id: str, *, com_nome: bool = False) -> list[dict]:
    """Os eleitos entregues pelo processo de escolha: titulares e depois suplentes, cada grupo pela ordem."""
    if com_nome:
        return list(db.query("SELECT e.*, p.nome FROM conselheiros_eleitos e JOIN pessoas p ON p.id = e.pessoa_id "
                             "WHERE e.processo_id = ? ORDER BY e.condicao DESC, e.ordem", [processo_id]))
    return list(db.query("SELECT * FROM conselheiros_eleitos WHERE processo_id = ? ORDER BY condicao DESC, ordem",
                         [processo_id]))


def funcoes_abertas(db: sqlite_utils.Database, *, funcao: str | None = None, conselheiro_id: str) -> list[dict]:
    """Funções sem fim do conselheiro — e, com ``funcao``, também as de quem a ocupa."""
    if funcao is None:
        return list(db.query("SELECT * FROM conselho_funcoes WHERE conselheiro_id = ? AND fim IS NULL",
                             [conselheiro_id]))
    return list(db.query("SELECT * FROM conselho_funcoes WHERE fim IS NULL AND (funcao = ? OR conselheiro_id = ?)",
                         [funcao, conselheiro_id]))


def substituicao_ate(db: sqlite_utils.Database, conselheiro_id: str, data: str) -> dict | None:
    """O exercício mais recente de quem substitui o conselheiro que ainda vai até ``data`` ou depois."""
    return um(db, "SELECT * FROM conselho_exercicios WHERE substitui_id = ? AND fim >= ? ORDER BY inicio DESC LIMIT 1",
              [conselheiro_id, data])


def afastamento(db: sqlite_utils.Database, afastamento_id: str) -> dict | None:
    return um(db, "SELECT * FROM conselho_afastamentos WHERE id = ?", [afastamento_id])


def exercicio_na_suplencia(db: sqlite_utils.Database, suplente_id: str, titular_id: str, inicio: str) -> dict | None:
    """O exercício (o mais recente) do suplente que substitui o titular desde ``inicio``."""
    return um(db, "SELECT * FROM conselho_exercicios WHERE conselheiro_id = ? AND substitui_id = ? "
                  "AND inicio = ? ORDER BY criado_em DESC LIMIT 1", [suplente_id, titular_id, inicio])


def afastamentos_vencidos(db: sqlite_utils.Database, hoje: str) -> list[dict]:
    """Afastamentos com fim antes de ``hoje`` de conselheiros ainda gravados como afastados e sem outro
    afastamento em curso (o titular já devia ter voltado)."""
    return list(db.query(
        "SELECT a.* FROM conselho_afastamentos a JOIN conselho_conselheiros c ON c.id = a.conselheiro_id "
        "WHERE a.tipo <> 'vacancia' AND a.fim IS NOT NULL AND a.fim < ? AND c.situacao = 'afastado' "
        "AND NOT EXISTS (SELECT 1 FROM conselho_afastamentos b WHERE b.conselheiro_id = a.conselheiro_id "
        "AND b.tipo <> 'vacancia' AND b.inicio <= ? AND (b.fim IS NULL OR b.fim >= ?))", [hoje, hoje, hoje]))


def afastado_em(db: sqlite_utils.Database, conselheiro_id: str, data: str) -> bool:
    """Se um afastamento (não a vacância) do conselheiro cobre a data."""
    return um(db, "SELECT 1 AS x FROM conselho_afastamentos WHERE conselheiro_id = ? AND tipo <> 'vacancia' "
                  "AND inicio <= ? AND (fim IS NULL OR fim >= ?)", [conselheiro_id, data, data]) is not None


def exercendo_em(db: sqlite_utils.Database, conselheiro_id: str, data: str) -> bool:
    """Se um exercício do conselheiro cobre a data."""
    return um(db, "SELECT 1 AS x FROM conselho_exercicios WHERE conselheiro_id = ? AND inicio <= ? "
                  "AND (fim IS NULL OR fim >= ?)", [conselheiro_id, data, data]) is not None
