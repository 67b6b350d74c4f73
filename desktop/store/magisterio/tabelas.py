"""Tabelas de apoio do magistério: tipos de afastamento, códigos de falta e a configuração do órgão.

Os tipos e códigos vêm semeados pela migração 0003 e o órgão pode acrescentar outros. A
configuração (``ConfiguracaoMagisterio``) fica em ``configuracoes`` sob a chave
``magisterio.configuracao``, em JSON.
"""
from __future__ import annotations

import json

import sqlite_utils

CHAVE_CONFIGURACAO = "magisterio.configuracao"


def tipos_afastamento(db: sqlite_utils.Database, incluir_inativos: bool = False) -> list[dict]:
    sql = "SELECT * FROM magisterio_tipos_afastamento"
    if not incluir_inativos:
        sql += " WHERE ativo = 1"
    return [_logicos(r, "remunerado", "conta_exercicio", "suspende_dificil_acesso", "ativo")
            for r in db.query(sql + " ORDER BY descricao")]


def tipo_afastamento(db: sqlite_utils.Database, codigo: str) -> dict | None:
    for r in db.query("SELECT * FROM magisterio_tipos_afastamento WHERE codigo = ?", [codigo]):
        return _logicos(r, "remunerado", "conta_exercicio", "suspende_dificil_acesso", "ativo")
    return None


def codigos_falta(db: sqlite_utils.Database, incluir_inativos: bool = False) -> list[dict]:
    sql = "SELECT * FROM magisterio_codigos_falta"
    if not incluir_inativos:
        sql += " WHERE ativo = 1"
    return [_logicos(r, "justificada", "ativo") for r in db.query(sql + " ORDER BY codigo")]


def codigo_falta(db: sqlite_utils.Database, codigo: str) -> dict | None:
    for r in db.query("SELECT * FROM magisterio_codigos_falta WHERE codigo = ?", [codigo]):
        return _logicos(r, "justificada", "ativo")
    return None


def linha_com_logicos(valores: dict) -> dict:
    """A linha a gravar (tipo de afastamento, código de falta): os campos lógicos como 0/1 (o serviço a grava
    com ``Mudanca.gravar``; o diário leva os valores com True/False, como ``tipo_afastamento`` os lê)."""
    return {k: (int(v) if isinstance(v, bool) else v) for k, v in valores.items()}


def ler_configuracao(db: sqlite_utils.Database) -> dict | None:
    """O dicionário gravado da configuração, ou None se o órgão nunca a salvou."""
    r = db.execute("SELECT valor FROM configuracoes WHERE chave = ?", [CHAVE_CONFIGURACAO]).fetchone()
    return json.loads(r[0]) if r else None


def linha_configuracao(dados: dict) -> dict:
    """A linha de ``configuracoes`` com a configuração (o serviço a grava com ``Mudanca.gravar``)."""
    return {"chave": CHAVE_CONFIGURACAO, "valor": json.dumps(dados, ensure_ascii=False, sort_keys=True)}


def _logicos(r: dict, *campos: str) -> dict:
    r = dict(r)
    for c in campos:
        r[c] = bool(r[c])
    return r
