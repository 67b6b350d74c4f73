"""Linhas de qualquer tabela: ler uma, inserir, alterar, conferir se existe — as peças genéricas que as consultas de cada domínio usam.

Não conferem permissão nem escrevem no diário: isso é dos serviços (``services.sessao.Mudanca.inserir``,
``alterar`` e ``gravar`` gravam e registram no diário numa chamada só).
"""
from __future__ import annotations

from functools import lru_cache

import sqlite_utils
from sqlite_utils.db import jsonify_if_needed, quote_identifier

from . import sigilo
from .ids import agora, novo_id


def um(db: sqlite_utils.Database, sql: str, params: list | None = None) -> dict | None:
    """A primeira linha da consulta, ou None."""
    linhas = list(db.query(sql, params or []))
    return linhas[0] if linhas else None


def por_chave(db: sqlite_utils.Database, tabela: str, id_: str, pk: str = "id") -> dict | None:
    """A linha da tabela com a chave ``pk`` igual a ``id_``, ou None."""
    return um(db, f"SELECT * FROM {tabela} WHERE {pk} = ?", [id_])


def inserir(db: sqlite_utils.Database, tabela: str, linha: dict) -> dict:
    """INSERT da linha como veio (as colunas são as chaves dela); devolve-a.

    O mesmo INSERT do ``table.insert`` do sqlite-utils — valores por ``jsonify_if_needed`` (listas e
    dicionários em JSON, Decimal em float, datas em ISO), e uma tabela do sigilo só com o arquivo
    anexado (``sigilo.SemSigilo``, como ``BancoPaco.table``) —, mas sem a introspecção da tabela a cada
    linha (lista de tabelas, colunas, chave): a tabela tem de existir, nada é criado nem alterado."""
    try:
        db.execute(_sql_inserir(tabela, tuple(linha)), [jsonify_if_needed(v) for v in linha.values()])
    except Exception:
        # Sem o arquivo anexado, a tabela de caso não existe (a base geral só tem as legado_*, renomeadas):
        # a mensagem do sigilo, não "no such table". Conferido só no erro: nada a pagar no caminho comum.
        if tabela in sigilo.TABELAS and not _sigilo_anexado(db):
            raise sigilo.SemSigilo(sigilo.MENSAGEM_SEM_SIGILO) from None
        raise
    return linha


@lru_cache(maxsize=512)
def _sql_inserir(tabela: str, colunas: tuple[str, ...]) -> str:
    if not colunas:
        return f"INSERT INTO {quote_identifier(tabela)} DEFAULT VALUES"
    return (f"INSERT INTO {quote_identifier(tabela)} ({', '.join(quote_identifier(c) for c in colunas)}) "
            f"VALUES ({', '.join('?' for _ in colunas)})")


def _sigilo_anexado(db: sqlite_utils.Database) -> bool:
    tem = getattr(db, "tem_sigilo", None)  # BancoPaco
    if tem is not None:
        return tem()
    return any(r[1] == sigilo.ESQUEMA for r in db.execute("PRAGMA database_list"))


def atualizar(db: sqlite_utils.Database, tabela: str, id_: str, valores: dict, pk: str = "id") -> dict:
    """UPDATE dos ``valores`` na linha de chave ``pk``; devolve a linha nova (None se não houver).

    Listas e dicionários vão como JSON, como no ``update`` do sqlite-utils."""
    if valores:
        db.execute(f"UPDATE {tabela} SET " + ", ".join(f"{k} = ?" for k in valores) + f" WHERE {pk} = ?",
                   [*(jsonify_if_needed(v) for v in valores.values()), id_])
    return por_chave(db, tabela, id_, pk)


def gravar(db: sqlite_utils.Database, tabela: str, linha: dict, chave: str = "id",
           so_na_inclusao: tuple[str, ...] = ()) -> None:
    """Insere a linha ou, se a ``chave`` já existe, altera as outras colunas dela (uma instrução: INSERT …
    ON CONFLICT DO UPDATE). As colunas ``so_na_inclusao`` (p.ex. ``criado_em``) só valem na inclusão.
    Valores como em ``inserir`` (``jsonify_if_needed``)."""
    db.execute(_sql_gravar(tabela, tuple(linha), chave, tuple(so_na_inclusao)),
               [jsonify_if_needed(v) for v in linha.values()])


@lru_cache(maxsize=256)
def _sql_gravar(tabela: str, colunas: tuple[str, ...], chave: str, so_na_inclusao: tuple[str, ...]) -> str:
    alterar = [c for c in colunas if c != chave and c not in so_na_inclusao]
    acao = ("DO UPDATE SET " + ", ".join(f"{quote_identifier(c)} = excluded.{quote_identifier(c)}" for c in alterar)
            if alterar else "DO NOTHING")
    return f"{_sql_inserir(tabela, colunas)} ON CONFLICT ({quote_identifier(chave)}) {acao}"


def existe(db: sqlite_utils.Database, tabela: str, id_: str, pk: str = "id", *, esquema: str = "main") -> bool:
    """Se a tabela (do ``esquema``: ``main`` ou ``sigilo``) tem a linha de chave ``pk`` igual a ``id_``."""
    return db.execute(f'SELECT 1 FROM {esquema}."{tabela}" WHERE "{pk}" = ?', [id_]).fetchone() is not None


def gravar_campo(db: sqlite_utils.Database, tabela: str, id_: str, coluna: str, valor, pk: str = "id", *,
                 esquema: str = "main") -> None:
    """UPDATE de uma coluna só, com o valor como veio (sem a conversão para JSON de ``atualizar``)."""
    db.execute(f'UPDATE {esquema}."{tabela}" SET "{coluna}" = ? WHERE "{pk}" = ?', [valor, id_])


def colunas_blob(db: sqlite_utils.Database, tabela: str, *, esquema: str = "main") -> frozenset[str]:
    """As colunas declaradas BLOB da tabela."""
    return frozenset(r[1] for r in db.execute(f'PRAGMA {esquema}.table_info("{tabela}")')
                     if (r[2] or "").upper() == "BLOB")


def adiar_chaves_estrangeiras(db: sqlite_utils.Database) -> None:
    """Até o COMMIT da transação em andamento, as chaves estrangeiras só são conferidas no fim (p.ex. um pacote
    de sincronização traz as alterações na ordem em que foram feitas, não na das tabelas)."""
    db.execute("PRAGMA defer_foreign_keys = ON")


def linha_nova(db: sqlite_utils.Database, tabela: str, dados: dict, *, com_id: bool = True) -> dict:
    """A linha a inserir: os dados com id novo e os carimbos de tempo que a tabela tiver (o serviço a grava
    com ``Mudanca.inserir``)."""
    momento = agora()
    linha = dict(dados)
    if com_id:
        linha.setdefault("id", novo_id())
    colunas = set(db[tabela].columns_dict)
    for campo in ("criado_em", "atualizado_em"):
        if campo in colunas:
            linha.setdefault(campo, momento)
    return linha


def carimbado(db: sqlite_utils.Database, tabela: str, mudancas: dict) -> dict:
    """As colunas a alterar com o ``atualizado_em`` de agora, se a tabela o tiver (para ``Mudanca.alterar``)."""
    if "atualizado_em" in db[tabela].columns_dict:
        return {**mudancas, "atualizado_em": agora()}
    return dict(mudancas)
