"""Emissores (tabelas ``emissores*``): quem emite cada documento, com timbre, CNPJ, calendário e signatários.

O emissor ``'orgao'`` é o órgão da instalação (tabela ``escritorio``); os outros são linhas de
``emissores``. ``emissores_modulos`` diz o emissor de cada módulo; ``emissores_unidades``, o de cada
unidade certificadora (que prevalece sobre o do módulo).
"""
from __future__ import annotations

import sqlite_utils

from .linhas import um as _um

ORGAO = "orgao"


def obter(db: sqlite_utils.Database, emissor_id: str) -> dict | None:
    """O emissor como dicionário (id, nome, cnpj, municipio, uf, endereco, brasao)."""
    if emissor_id == ORGAO:
        o = _um(db, "SELECT nome, cnpj, municipio, uf, brasao FROM escritorio WHERE id = 1", [])
        return None if o is None else {"id": ORGAO, "endereco": "", **o}
    return _um(db, "SELECT id, nome, cnpj, municipio, uf, endereco, brasao FROM emissores WHERE id = ?", [emissor_id])


def listar(db: sqlite_utils.Database) -> list[dict]:
    orgao = obter(db, ORGAO)
    outros = list(db.query("SELECT id, nome, cnpj, municipio, uf, endereco, brasao FROM emissores ORDER BY nome"))
    return ([orgao] if orgao else []) + outros


def do_modulo(db: sqlite_utils.Database, modulo: str) -> str:
    linha = db.execute("SELECT emissor_id FROM emissores_modulos WHERE modulo = ?", [modulo]).fetchone()
    return linha[0] if linha else ORGAO


def resumo_dos_modulos(db: sqlite_utils.Database) -> dict[str, dict]:
    """Módulo → nome, município e UF do emissor, só dos módulos que não emitem como o órgão da instalação."""
    return {l.pop("modulo"): l for l in db.query(
        "SELECT m.modulo, e.nome, e.municipio, e.uf FROM emissores_modulos m JOIN emissores e ON e.id = m.emissor_id "
        "ORDER BY m.modulo")}


def da_unidade(db: sqlite_utils.Database, unidade_id: str) -> str | None:
    linha = db.execute("SELECT emissor_id FROM emissores_unidades WHERE unidade_id = ?", [unidade_id]).fetchone()
    return linha[0] if linha else None


def atribuir_unidade(db: sqlite_utils.Database, unidade_id: str, emissor_id: str) -> None:
    db["emissores_unidades"].upsert({"unidade_id": unidade_id, "emissor_id": emissor_id}, pk="unidade_id")


def signatarios(db: sqlite_utils.Database, emissor_id: str) -> list[dict]:
    return list(db.query("SELECT * FROM emissores_signatarios WHERE emissor_id = ? AND ativo = 1 ORDER BY ordem, nome",
                         [emissor_id]))


def feriados_ativos(db: sqlite_utils.Database, emissor_id: str) -> list[dict]:
    """Feriados municipais ativos do emissor (os do órgão têm ``emissor_id`` nulo)."""
    if emissor_id == ORGAO:
        return list(db.query("SELECT * FROM feriados_municipais WHERE ativo = 1 AND "
                             "coalesce(emissor_id, 'orgao') = 'orgao' ORDER BY data"))
    return list(db.query("SELECT * FROM feriados_municipais WHERE ativo = 1 AND emissor_id = ? ORDER BY data",
                         [emissor_id]))


def signatario(db: sqlite_utils.Database, signatario_id: str) -> dict | None:
    return _um(db, "SELECT * FROM emissores_signatarios WHERE id = ?", [signatario_id])


def gravar_certificado(db: sqlite_utils.Database, linha: dict) -> None:
    """O .pfx (e a sua senha) do emissor, no lugar do anterior — na base cifrada, nunca no diário."""
    db["emissores_certificados"].upsert(linha, pk="emissor_id")


def certificado(db: sqlite_utils.Database, emissor_id: str) -> dict | None:
    """pfx, senha, titular e validade do certificado A1 do emissor, ou None."""
    return _um(db, "SELECT pfx, senha, titular, validade FROM emissores_certificados WHERE emissor_id = ?", [emissor_id])
