"""Seções, digitações, boletins apurados e a composição eleita na base (tabelas ``eleicao_*`` e ``conselheiros_eleitos``).

Sem permissão nem diário: isso é dos serviços. Os votos ficam em JSON {"numero": votos}.
"""
from __future__ import annotations

import json

import sqlite_utils


def votos_de_json(texto: str) -> dict[int, int]:
    return {int(k): int(v) for k, v in json.loads(texto).items()}


def votos_para_json(votos: dict[int, int]) -> str:
    return json.dumps({str(k): v for k, v in sorted(votos.items())}, separators=(",", ":"))


def secao(db: sqlite_utils.Database, secao_id: str) -> dict | None:
    linhas = list(db.query("SELECT * FROM eleicao_secoes WHERE id = ?", [secao_id]))
    return linhas[0] if linhas else None


def secoes(db: sqlite_utils.Database, processo_id: str) -> list[dict]:
    """Seções com a situação da apuração: quantas digitações e se o boletim já conta."""
    return list(db.query(
        "SELECT s.*, (SELECT count(*) FROM eleicao_digitacoes d WHERE d.secao_id = s.id) AS digitacoes, "
        "EXISTS (SELECT 1 FROM eleicao_boletins b WHERE b.secao_id = s.id) "
        "AND NOT EXISTS (SELECT 1 FROM eleicao_auditorias a WHERE a.secao_id = s.id AND a.situacao = 'pendente') "
        "AS apurada, "
        "EXISTS (SELECT 1 FROM eleicao_auditorias a WHERE a.secao_id = s.id AND a.situacao = 'pendente') "
        "AS em_auditoria "
        "FROM eleicao_secoes s WHERE s.processo_id = ? ORDER BY s.numero", [processo_id]))


def digitacoes(db: sqlite_utils.Database, secao_id: str) -> list[dict]:
    linhas = list(db.query(
        "SELECT d.*, u.login, u.nome AS usuario_nome FROM eleicao_digitacoes d "
        "JOIN usuarios u ON u.id = d.usuario_id WHERE d.secao_id = ? ORDER BY d.digitado_em, d.rowid",
        [secao_id]))
    for l in linhas:
        l["votos"] = votos_de_json(l["votos"])
    return linhas


def boletim(db: sqlite_utils.Database, secao_id: str) -> dict | None:
    linhas = list(db.query("SELECT * FROM eleicao_boletins WHERE secao_id = ?", [secao_id]))
    if not linhas:
        return None
    linhas[0]["votos"] = votos_de_json(linhas[0]["votos"])
    return linhas[0]


def boletins(db: sqlite_utils.Database, processo_id: str) -> list[dict]:
    """Boletins que contam na apuração (fora da fila de auditoria), com o número e os aptos da seção."""
    linhas = list(db.query(
        "SELECT b.*, s.numero AS secao, s.aptos, s.local, s.tipo, s.processo_id FROM eleicao_boletins b "
        "JOIN eleicao_secoes s ON s.id = b.secao_id WHERE s.processo_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM eleicao_auditorias a WHERE a.secao_id = s.id AND a.situacao = 'pendente') "
        "ORDER BY s.numero",
        [processo_id]))
    for l in linhas:
        l["votos"] = votos_de_json(l["votos"])
    return linhas


def eleitos(db: sqlite_utils.Database, processo_id: str) -> list[dict]:
    return list(db.query(
        "SELECT e.*, p.nome, c.numero FROM conselheiros_eleitos e JOIN pessoas p ON p.id = e.pessoa_id "
        "JOIN eleicao_candidaturas c ON c.id = e.candidatura_id WHERE e.processo_id = ? "
        "ORDER BY e.condicao DESC, e.ordem", [processo_id]))


def auditorias(db: sqlite_utils.Database, processo_id: str, *, pendentes: bool = False) -> list[dict]:
    """A fila de auditoria do processo (com o número da seção), as pendentes primeiro."""
    linhas = list(db.query(
        "SELECT a.*, s.numero AS secao, u.nome AS liberada_por_nome FROM eleicao_auditorias a "
        "JOIN eleicao_secoes s ON s.id = a.secao_id LEFT JOIN usuarios u ON u.id = a.liberada_por "
        "WHERE s.processo_id = ?" + (" AND a.situacao = 'pendente'" if pendentes else "")
        + " ORDER BY a.situacao DESC, s.numero, a.aberta_em", [processo_id]))
    for l in linhas:
        l["alertas"] = json.loads(l["alertas"])
    return linhas


def recontagens(db: sqlite_utils.Database, processo_id: str) -> list[dict]:
    linhas = list(db.query(
        "SELECT r.*, s.numero AS secao, u.nome AS feita_por_nome FROM eleicao_recontagens r "
        "JOIN eleicao_secoes s ON s.id = r.secao_id JOIN usuarios u ON u.id = r.feita_por "
        "WHERE s.processo_id = ? ORDER BY r.feita_em", [processo_id]))
    for l in linhas:
        l["depois"] = json.loads(l["depois"])
        l["antes"] = json.loads(l["antes"]) if l["antes"] else None
    return linhas


def numero_de_secao_em_uso(db: sqlite_utils.Database, processo_id: str, numero: int) -> bool:
    return bool(db.execute("SELECT 1 FROM eleicao_secoes WHERE processo_id = ? AND numero = ?",
                           [processo_id, numero]).fetchone())


def secoes_com_duas_digitacoes(db: sqlite_utils.Database) -> list[str]:
    """Seções ainda sem boletim que já têm digitações de pelo menos dois usuários diferentes."""
    return [r[0] for r in db.execute(
        "SELECT d.secao_id FROM eleicao_digitacoes d WHERE NOT EXISTS "
        "(SELECT 1 FROM eleicao_boletins b WHERE b.secao_id = d.secao_id) "
        "GROUP BY d.secao_id HAVING count(DISTINCT d.usuario_id) >= 2")]


def auditoria(db: sqlite_utils.Database, auditoria_id: str) -> dict | None:
    """O item da fila de auditoria como gravado (alertas em JSON)."""
    linhas = list(db.query("SELECT * FROM eleicao_auditorias WHERE id = ?", [auditoria_id]))
    return linhas[0] if linhas else None


def auditorias_pendentes_da_secao(db: sqlite_utils.Database, secao_id: str) -> list[dict]:
    return list(db.query("SELECT * FROM eleicao_auditorias WHERE secao_id = ? AND situacao = 'pendente'",
                         [secao_id]))
