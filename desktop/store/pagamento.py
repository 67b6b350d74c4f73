"""Dados de pagamento das pessoas (tabela ``pagamento_dados``): conta bancária e PIS."""
from __future__ import annotations

import sqlite_utils

from desktop.store.ids import agora

CAMPOS = ("banco", "agencia", "agencia_dv", "conta", "conta_dv", "tipo_conta", "pis")


def obter(db: sqlite_utils.Database, pessoa_id: str) -> dict | None:
    for r in db.query("SELECT * FROM pagamento_dados WHERE pessoa_id = ?", [pessoa_id]):
        return r
    return None


def dono_da_conta(db: sqlite_utils.Database, banco: str, agencia: str, conta: str) -> dict | None:
    """A pessoa (id e nome) que já tem essa conta, ou None."""
    for r in db.query("SELECT d.pessoa_id, p.nome FROM pagamento_dados d JOIN pessoas p ON p.id = d.pessoa_id "
                      "WHERE d.banco = ? AND d.agencia = ? AND d.conta = ?", [banco, agencia, conta]):
        return r
    return None


def dono_do_pis(db: sqlite_utils.Database, pis: str) -> dict | None:
    for r in db.query("SELECT d.pessoa_id, p.nome FROM pagamento_dados d JOIN pessoas p ON p.id = d.pessoa_id "
                      "WHERE d.pis = ?", [pis]):
        return r
    return None


def gravar(db: sqlite_utils.Database, pessoa_id: str, valores: dict) -> tuple[dict | None, dict]:
    """Insere ou substitui os dados da pessoa; devolve (antes, depois)."""
    antes = obter(db, pessoa_id)
    agora_ = agora()
    linha = {k: valores.get(k) for k in CAMPOS} | {"pessoa_id": pessoa_id, "atualizado_em": agora_,
                                                   "criado_em": antes["criado_em"] if antes else agora_}
    linha["agencia_dv"] = linha["agencia_dv"] or ""
    linha["conta_dv"] = linha["conta_dv"] or ""
    db["pagamento_dados"].upsert(linha, pk="pessoa_id")
    return antes, obter(db, pessoa_id)


def de_pessoas(db: sqlite_utils.Database, pessoa_ids: list[str]) -> dict[str, dict]:
    """Dados de pagamento por pessoa, numa consulta (as que não têm ficam de fora)."""
    if not pessoa_ids:
        return {}
    marcas = ",".join("?" * len(pessoa_ids))
    if len(pessoa_ids) > 900:
        return {r["pessoa_id"]: r for r in db.query("SELECT * FROM pagamento_dados") if r["pessoa_id"] in set(pessoa_ids)}
    return {r["pessoa_id"]: r for r in db.query(f"SELECT * FROM pagamento_dados WHERE pessoa_id IN ({marcas})", pessoa_ids)}
