"""Descontos da folha na base: SQL apenas. Magistério em ``magisterio_descontos`` (migração 0016, dono
``servidor_id``); conselheiros tutelares em ``conselho_descontos`` (migração 0022, dono ``conselheiro_id``),
com as mesmas colunas — ``folha`` escolhe a tabela; o código é um só.

Lê os lançamentos vigentes numa competência e os devolve como os tipos de ``rules.folha.descontos``;
monta a linha nova e o encerramento (grava-os ``Mudanca.inserir``/``alterar``, com permissão e diário, nos
serviços). Vigência por competência 'aaaa-mm'.
"""
from __future__ import annotations

from decimal import Decimal

import sqlite_utils

from desktop.rules.folha.descontos import (FUND_SINDICAL, FUND_SINDICAL_CONSELHO, Consignacao, ContribuicaoSindical,
                                           Descontos, PensaoAlimenticia, RubricaAvulsa)
from desktop.rules.folha.tipos import Natureza

from ..ids import agora, novo_id

FOLHAS = {"magisterio": ("magisterio_descontos", "servidor_id"), "conselho": ("conselho_descontos", "conselheiro_id")}
CAMPOS = ("tipo", "descricao", "forma", "quantidade", "prioridade", "documento", "fundamento",
          "incide_previdencia", "incide_irrf", "inicio", "fim", "beneficiario_cpf", "banco", "agencia", "agencia_dv",
          "conta", "conta_dv", "tipo_conta")


def _tabela(folha: str) -> tuple[str, str]:
    if folha not in FOLHAS:
        raise ValueError(f"Folha desconhecida: {folha!r}.")
    return FOLHAS[folha]


def obter(db: sqlite_utils.Database, desconto_id: str, folha: str = "magisterio") -> dict | None:
    for r in db.query(f"SELECT * FROM {_tabela(folha)[0]} WHERE id = ?", [desconto_id]):
        return r
    return None


def do_servidor(db: sqlite_utils.Database, servidor_id: str, folha: str = "magisterio") -> list[dict]:
    """Todos os lançamentos do servidor (ou conselheiro), dos mais recentes aos mais antigos."""
    tabela, dono = _tabela(folha)
    return list(db.query(f"SELECT * FROM {tabela} WHERE {dono} = ? ORDER BY inicio DESC, criado_em DESC",
                         [servidor_id]))


def linha_nova(valores: dict, por: str, folha: str = "magisterio") -> tuple[str, dict]:
    """(tabela, linha) de um lançamento novo, com id, autoria e momento, como a tabela a guarda (textos vazios
    em vez de None nas colunas NOT NULL DEFAULT '', incidências 0/1): grava-a ``Mudanca.inserir``."""
    tabela, dono = _tabela(folha)
    momento = agora()
    linha = {"id": novo_id(), dono: valores[dono]} | {k: valores.get(k) for k in CAMPOS} | {
        "criado_por": por, "criado_em": momento, "atualizado_em": momento}
    linha["agencia_dv"] = linha["agencia_dv"] or ""
    linha["conta_dv"] = linha["conta_dv"] or ""
    linha["documento"] = linha["documento"] or ""
    linha["fundamento"] = linha["fundamento"] or ""
    linha["incide_previdencia"] = int(bool(linha["incide_previdencia"]))
    linha["incide_irrf"] = int(bool(linha["incide_irrf"]))
    return tabela, linha


def encerramento(fim: str) -> dict:
    """Os valores que encerram um lançamento na competência ``fim`` ('aaaa-mm'): para ``Mudanca.alterar``."""
    return {"fim": fim, "atualizado_em": agora()}


def _linhas_do_mes(db: sqlite_utils.Database, competencia: str, servidor_id: str | None = None,
                   folha: str = "magisterio") -> list[dict]:
    tabela, dono = _tabela(folha)
    filtro, args = "", [competencia, competencia]
    if servidor_id is not None:
        filtro, args = f" AND {dono} = ?", args + [servidor_id]
    return list(db.query(f"SELECT * FROM {tabela} WHERE inicio <= ? AND (fim IS NULL OR fim >= ?)"
                         f"{filtro} ORDER BY criado_em, id", args))


def como_regra(linhas: list[dict], excluir: str | None = None, folha: str = "magisterio") -> Descontos:
    """Os lançamentos como ``rules.folha.descontos.Descontos`` (``excluir``: um id a deixar de fora)."""
    fund_sindical = FUND_SINDICAL_CONSELHO if folha == "conselho" else FUND_SINDICAL
    pensoes, sindicais, consignacoes, avulsas = [], [], [], []
    for r in linhas:
        if r["id"] == excluir:
            continue
        q = Decimal(r["quantidade"])
        if r["tipo"] == "pensao":
            pensoes.append(PensaoAlimenticia(r["id"], r["descricao"], r["forma"], q, r["documento"]))
        elif r["tipo"] == "sindical":
            sindicais.append(ContribuicaoSindical(r["id"], r["descricao"], r["forma"], q, fund_sindical))
        elif r["tipo"] == "consignacao":
            consignacoes.append(Consignacao(r["id"], r["descricao"], q, r["prioridade"], r["documento"]))
        else:
            avulsas.append(RubricaAvulsa(r["id"], Natureza.PROVENTO if r["forma"] == "provento" else Natureza.DESCONTO,
                                         r["descricao"], r["fundamento"], q, bool(r["incide_previdencia"]),
                                         bool(r["incide_irrf"])))
    return Descontos(tuple(pensoes), tuple(sindicais), tuple(consignacoes), tuple(avulsas))


def do_mes(db: sqlite_utils.Database, competencia: str) -> dict[str, Descontos]:
    """Servidor → descontos vigentes na competência 'aaaa-mm' (numa consulta)."""
    por: dict[str, list[dict]] = {}
    for r in _linhas_do_mes(db, competencia):
        por.setdefault(r["servidor_id"], []).append(r)
    return {sid: como_regra(linhas) for sid, linhas in por.items()}


def do_servidor_no_mes(db: sqlite_utils.Database, servidor_id: str, competencia: str,
                       folha: str = "magisterio") -> list[dict]:
    return _linhas_do_mes(db, competencia, servidor_id, folha)


def pensoes_pagas(db: sqlite_utils.Database, competencia: str) -> list[dict]:
    """As pensões descontadas na competência FECHADA, com o beneficiário e a conta dele; ``valor`` em centavos."""
    return list(db.query(
        "SELECT l.valor, d.id AS desconto_id, d.descricao AS nome, d.beneficiario_cpf AS cpf, d.documento, "
        "d.banco, d.agencia, d.agencia_dv, d.conta, d.conta_dv, d.tipo_conta, c.matricula, c.nome AS servidor "
        "FROM magisterio_contracheque_linhas l JOIN magisterio_contracheques c ON c.id = l.contracheque_id "
        "JOIN magisterio_competencias k ON k.id = c.competencia_id "
        "JOIN magisterio_descontos d ON d.id = l.referencia "
        "WHERE k.competencia = ? AND k.situacao = 'fechada' AND d.tipo = 'pensao' AND l.natureza = 'D' "
        "ORDER BY d.descricao, c.matricula", [competencia]))

