"""Sessões do colegiado, pauta, votos e comunicações do acolhimento ao juiz, no arquivo sigiloso."""
from __future__ import annotations

import sqlite_utils

ACOLHIMENTO = "101-VII"  # ECA, art. 101, VII: acolhimento institucional

_DECISAO = """
    SELECT d.*, a.numero, a.ano,
           (SELECT group_concat(codigo, ',') FROM conselho_medidas m WHERE m.decisao_id = d.id) AS medidas
    FROM conselho_decisoes d JOIN conselho_atendimentos a ON a.id = d.atendimento_id"""
_PENDENTES = _DECISAO + """
    WHERE d.colegiado IS NULL
      AND (d.emergencial = 1 OR EXISTS (SELECT 1 FROM conselho_medidas m WHERE m.decisao_id = d.id))"""


def pendentes(db: sqlite_utils.Database, *, ate: str | None = None, excluir_de: str | None = None) -> list[dict]:
    """Decisões individuais ainda não levadas ao colegiado: as de plantão e as que aplicaram medidas dos
    arts. 101 e 129 do ECA (Lei 320/2023, art. 21 §1º e art. 43 §ún., XII), até ``ate`` (ISO local)."""
    sql, args = _PENDENTES, []
    if ate:
        sql, args = sql + " AND d.decidida_em <= ?", [ate]
    if excluir_de:
        sql += " AND a.id NOT IN (SELECT atendimento_id FROM conselho_impedimentos WHERE conselheiro_id = ?)"
        args.append(excluir_de)
    return list(db.query(sql + " ORDER BY d.decidida_em", args))


def decisao(db: sqlite_utils.Database, decisao_id: str) -> dict | None:
    linhas = list(db.query(_DECISAO + " WHERE d.id = ?", [decisao_id]))
    return linhas[0] if linhas else None


def impedidos_no_caso(db: sqlite_utils.Database, atendimento_id: str) -> set[str]:
    return {r[0] for r in db.execute("SELECT conselheiro_id FROM conselho_impedimentos WHERE atendimento_id = ?",
                                     [atendimento_id]).fetchall()}


def sessao(db: sqlite_utils.Database, sessao_id: str) -> dict | None:
    linhas = list(db.query("SELECT * FROM conselho_sessoes WHERE id = ?", [sessao_id]))
    return linhas[0] if linhas else None


def sessoes(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query(
        "SELECT s.*, (SELECT count(*) FROM conselho_sessao_presencas p WHERE p.sessao_id = s.id) AS presentes, "
        "(SELECT count(*) FROM conselho_sessao_itens i WHERE i.sessao_id = s.id) AS itens "
        "FROM conselho_sessoes s ORDER BY s.realizada_em DESC"))


def presencas(db: sqlite_utils.Database, sessao_id: str) -> list[dict]:
    return list(db.query("SELECT * FROM conselho_sessao_presencas WHERE sessao_id = ? ORDER BY nome", [sessao_id]))


def itens(db: sqlite_utils.Database, sessao_id: str, excluir_de: str | None = None) -> list[dict]:
    sql = ("SELECT i.*, d.descricao, d.decidida_em, d.emergencial, d.conselheiro_id AS decidida_por, "
           "d.atendimento_id, a.numero, a.ano, "
           "(SELECT group_concat(codigo, ',') FROM conselho_medidas m WHERE m.decisao_id = d.id) AS medidas "
           "FROM conselho_sessao_itens i JOIN conselho_decisoes d ON d.id = i.decisao_id "
           "JOIN conselho_atendimentos a ON a.id = d.atendimento_id WHERE i.sessao_id = ?")
    args = [sessao_id]
    if excluir_de:
        sql += " AND a.id NOT IN (SELECT atendimento_id FROM conselho_impedimentos WHERE conselheiro_id = ?)"
        args.append(excluir_de)
    saida = list(db.query(sql + " ORDER BY i.deliberado_em, i.rowid", args))
    for it in saida:
        it["votos"] = list(db.query("SELECT * FROM conselho_sessao_votos WHERE item_id = ?", [it["id"]]))
    return saida


def item_da_sessao(db: sqlite_utils.Database, sessao_id: str, decisao_id: str) -> dict | None:
    linhas = list(db.query("SELECT * FROM conselho_sessao_itens WHERE sessao_id = ? AND decisao_id = ?",
                           [sessao_id, decisao_id]))
    return linhas[0] if linhas else None


def acolhimentos(db: sqlite_utils.Database, excluir_de: str | None = None) -> list[dict]:
    """Decisões com acolhimento institucional (ECA, art. 101, VII) e a comunicação ao juiz, se feita."""
    sql = ("SELECT d.id, d.atendimento_id, d.decidida_em, d.descricao, d.emergencial, a.numero, a.ano, "
           "cj.id AS comunicacao_id, cj.comunicada_em, cj.oficio, cj.juizo, cj.documento_id "
           "FROM conselho_decisoes d JOIN conselho_atendimentos a ON a.id = d.atendimento_id "
           "LEFT JOIN conselho_comunicacoes_juizo cj ON cj.decisao_id = d.id "
           "WHERE EXISTS (SELECT 1 FROM conselho_medidas m WHERE m.decisao_id = d.id AND m.codigo = ?)")
    args = [ACOLHIMENTO]
    if excluir_de:
        sql += " AND a.id NOT IN (SELECT atendimento_id FROM conselho_impedimentos WHERE conselheiro_id = ?)"
        args.append(excluir_de)
    return list(db.query(sql + " ORDER BY d.decidida_em", args))


def comunicacao_juizo_registrada(db: sqlite_utils.Database, decisao_id: str) -> bool:
    """Se a comunicação do acolhimento da decisão ao juiz (ECA, art. 93) já foi registrada."""
    return db.execute("SELECT 1 FROM conselho_comunicacoes_juizo WHERE decisao_id = ?", [decisao_id]).fetchone() is not None
