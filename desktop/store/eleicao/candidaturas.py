"""Processos, candidaturas, requisitos, impugnações e parentescos na base (tabelas ``eleicao_*``).

Estas funções não verificam permissão nem escrevem no diário: isso é dos serviços.
"""
from __future__ import annotations

import sqlite_utils

from ..linhas import um as _um


def processo(db: sqlite_utils.Database, processo_id: str) -> dict | None:
    return _um(db, "SELECT * FROM eleicao_processos WHERE id = ?", [processo_id])


def processo_do_ano(db: sqlite_utils.Database, ano: int) -> dict | None:
    return _um(db, "SELECT * FROM eleicao_processos WHERE ano = ?", [ano])


def processos(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM eleicao_processos ORDER BY ano DESC"))


def candidatura(db: sqlite_utils.Database, candidatura_id: str) -> dict | None:
    return _um(db, "SELECT c.*, p.nome, p.cpf, p.nascimento FROM eleicao_candidaturas c "
                   "JOIN pessoas p ON p.id = c.pessoa_id WHERE c.id = ?", [candidatura_id])


def candidaturas(db: sqlite_utils.Database, processo_id: str, situacao: str | None = None) -> list[dict]:
    sql = ("SELECT c.*, p.nome, p.cpf, p.nascimento FROM eleicao_candidaturas c "
           "JOIN pessoas p ON p.id = c.pessoa_id WHERE c.processo_id = ?")
    params = [processo_id]
    if situacao:
        sql += " AND c.situacao = ?"
        params.append(situacao)
    return list(db.query(sql + " ORDER BY c.numero", params))


def requisitos(db: sqlite_utils.Database, candidatura_id: str) -> list[dict]:
    return list(db.query("SELECT * FROM eleicao_requisitos WHERE candidatura_id = ? ORDER BY rowid",
                         [candidatura_id]))


def requisito(db: sqlite_utils.Database, candidatura_id: str, codigo: str) -> dict | None:
    return _um(db, "SELECT * FROM eleicao_requisitos WHERE candidatura_id = ? AND requisito = ?",
               [candidatura_id, codigo])


def impugnacao(db: sqlite_utils.Database, impugnacao_id: str) -> dict | None:
    return _um(db, "SELECT * FROM eleicao_impugnacoes WHERE id = ?", [impugnacao_id])


def impugnacoes(db: sqlite_utils.Database, *, candidatura_id: str | None = None,
                processo_id: str | None = None) -> list[dict]:
    if candidatura_id:
        return list(db.query("SELECT * FROM eleicao_impugnacoes WHERE candidatura_id = ? "
                             "ORDER BY apresentada_em, criado_em", [candidatura_id]))
    return list(db.query(
        "SELECT i.*, c.numero, p.nome FROM eleicao_impugnacoes i "
        "JOIN eleicao_candidaturas c ON c.id = i.candidatura_id JOIN pessoas p ON p.id = c.pessoa_id "
        "WHERE c.processo_id = ? ORDER BY i.apresentada_em, i.criado_em", [processo_id]))


def parentescos(db: sqlite_utils.Database, processo_id: str) -> list[dict]:
    return list(db.query(
        "SELECT r.*, a.numero AS numero_a, b.numero AS numero_b FROM eleicao_parentescos r "
        "JOIN eleicao_candidaturas a ON a.id = r.candidatura_a "
        "JOIN eleicao_candidaturas b ON b.id = r.candidatura_b WHERE r.processo_id = ? "
        "ORDER BY r.declarado_em", [processo_id]))


def inscrito_no_processo(db: sqlite_utils.Database, processo_id: str, pessoa_id: str) -> bool:
    return _um(db, "SELECT 1 AS x FROM eleicao_candidaturas WHERE processo_id = ? AND pessoa_id = ?",
               [processo_id, pessoa_id]) is not None


def numero_em_uso(db: sqlite_utils.Database, processo_id: str, numero: int) -> bool:
    return _um(db, "SELECT 1 AS x FROM eleicao_candidaturas WHERE processo_id = ? AND numero = ?",
               [processo_id, numero]) is not None


def decisoes_da_comissao(db: sqlite_utils.Database, candidatura_id: str) -> list[dict]:
    """As decisões da comissão sobre requisitos da candidatura (com o código do requisito), na ordem."""
    return list(db.query(
        "SELECT d.*, r.requisito FROM eleicao_decisoes_requisito d JOIN eleicao_requisitos r "
        "ON r.id = d.requisito_id WHERE r.candidatura_id = ? ORDER BY d.decidido_em", [candidatura_id]))


def parentesco_registrado(db: sqlite_utils.Database, candidatura_a: str, candidatura_b: str) -> bool:
    return _um(db, "SELECT 1 AS x FROM eleicao_parentescos WHERE candidatura_a = ? AND candidatura_b = ?",
               [candidatura_a, candidatura_b]) is not None


def retificacoes(db: sqlite_utils.Database, processo_id: str) -> list[dict]:
    """As retificações de data de publicação do processo, da mais antiga à mais recente, como o diário as guarda:
    quem (login), quando (UTC), o antes e o depois (com ``retificacao`` e ``motivo``), em JSON."""
    return list(db.query(
        "SELECT usuario, momento, antes, depois FROM diario WHERE tabela = 'eleicao_processos' AND registro_id = ? "
        "AND acao = 'alterar' AND json_extract(depois, '$.retificacao') IS NOT NULL ORDER BY seq", [processo_id]))
