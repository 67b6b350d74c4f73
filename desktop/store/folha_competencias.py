"""O ciclo de uma competência de folha na base, o mesmo para o Magistério e para os conselheiros tutelares.

SQL apenas (permissão e diário são dos serviços). Cada folha tem as suas tabelas (``Tabelas``: migrações
0004 e 0030, na mesma forma) — a competência, as reaberturas, os contracheques e as rubricas — e estas
funções servem às duas: ler a competência, criá-la, registrar a reabertura e voltá-la a "aberta" apagando
os contracheques gravados. O que muda de uma folha para a outra (o que o fechamento grava, a
identificação do contracheque) fica no store de cada módulo.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import sqlite_utils

from .ids import agora, novo_id


@dataclass(frozen=True)
class Tabelas:
    """As tabelas de uma folha e o que as distingue."""
    competencias: str
    reaberturas: str
    contracheques: str
    linhas: str
    contagem: str                 # coluna com quantos contracheques o fechamento gravou
    campos_json: tuple[str, ...]  # colunas gravadas como JSON no fechamento (apagadas ao reabrir)


def chave(competencia: date) -> str:
    """'2026-10' (coluna ``competencia``)."""
    return f"{competencia.year:04d}-{competencia.month:02d}"


def _com_json(t: Tabelas, r: dict | None) -> dict | None:
    if r is None:
        return None
    r = dict(r)
    for campo in t.campos_json:
        if r.get(campo):
            r[campo] = json.loads(r[campo])
    return r


def competencia(t: Tabelas, db: sqlite_utils.Database, comp: date) -> dict | None:
    for r in db.query(f"SELECT * FROM {t.competencias} WHERE competencia = ?", [chave(comp)]):
        return _com_json(t, r)
    return None


def competencias(t: Tabelas, db: sqlite_utils.Database) -> list[dict]:
    """Todas, da mais recente à mais antiga, com o número de reaberturas."""
    return [_com_json(t, r) for r in db.query(
        f"SELECT k.*, (SELECT count(*) FROM {t.reaberturas} r WHERE r.competencia_id = k.id) AS reaberturas "
        f"FROM {t.competencias} k ORDER BY k.competencia DESC")]


def criar_competencia(t: Tabelas, db: sqlite_utils.Database, comp: date) -> dict:
    momento = agora()
    db[t.competencias].insert({"id": novo_id(), "competencia": chave(comp), "situacao": "aberta",
                               "criado_em": momento, "atualizado_em": momento})
    return competencia(t, db, comp)


def linha_reabertura(t: Tabelas, comp: dict, *, por: str, motivo: str) -> dict:
    """A reabertura da competência fechada ``comp`` — o fechamento que se desfaz (quando, quem, SHA-256,
    quantos, líquido), quem reabriu e por quê —, para o serviço gravar com ``Mudanca.inserir``."""
    return {"id": novo_id(), "competencia_id": comp["id"], "fechada_em": comp["fechada_em"],
            "fechada_por": comp["fechada_por"], "conteudo_sha256": comp["conteudo_sha256"],
            t.contagem: comp[t.contagem], "liquido": comp["liquido"], "reaberta_em": agora(),
            "reaberta_por": por, "motivo": motivo}


def marcar_aberta(t: Tabelas, db: sqlite_utils.Database, competencia_id: str) -> None:
    """Volta a 'aberta' (o gatilho exige a reabertura registrada antes) e apaga os contracheques."""
    db[t.competencias].update(competencia_id, {
        "situacao": "aberta", "fechada_em": None, "fechada_por": None, "conteudo_sha256": None,
        **dict.fromkeys(t.campos_json), t.contagem: 0, "proventos": 0, "descontos": 0, "liquido": 0,
        "atualizado_em": agora()})
    db.execute(f"DELETE FROM {t.linhas} WHERE contracheque_id IN "
               f"(SELECT id FROM {t.contracheques} WHERE competencia_id = ?)", [competencia_id])
    db.execute(f"DELETE FROM {t.contracheques} WHERE competencia_id = ?", [competencia_id])


def reaberturas(t: Tabelas, db: sqlite_utils.Database, competencia_id: str) -> list[dict]:
    return list(db.query(f"SELECT * FROM {t.reaberturas} WHERE competencia_id = ? ORDER BY reaberta_em",
                         [competencia_id]))
