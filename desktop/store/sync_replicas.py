"""As réplicas do órgão e a identidade desta máquina (issue 15): tabelas ``sync_replicas`` e ``sync_local``
(a da base geral, com as chaves privadas desta réplica, e a do arquivo sigiloso, com a privada do sigilo).

SQL na transação de quem chama; a permissão e o diário são dos serviços (``services.replicas``,
``services.sincronizacao``). O relógio (HLC) e as alterações estão em ``sync_registro``.
"""
from __future__ import annotations

import sqlite_utils

from .linhas import um
from .sigilo import ESQUEMA as ESQUEMA_SIGILO


def identidade(db: sqlite_utils.Database) -> tuple[str, bytes, bytes] | None:
    """(replica_id, privada X25519, privada Ed25519) desta máquina, ou None se a base não é uma réplica."""
    linha = db.execute("SELECT replica_id, privada_x25519, privada_ed25519 FROM main.sync_local "
                       "WHERE id = 1").fetchone()
    return (linha[0], linha[1], linha[2]) if linha else None


def gravar_identidade(db: sqlite_utils.Database, replica_id: str, privada_x25519: bytes, privada_ed25519: bytes,
                      hlc: str) -> None:
    """A linha única de ``main.sync_local`` (a tabela deve estar vazia: ver ``apagar_identidade``)."""
    db.execute("INSERT INTO main.sync_local (id, replica_id, privada_x25519, privada_ed25519, hlc) "
               "VALUES (1, ?, ?, ?, ?)", [replica_id, privada_x25519, privada_ed25519, hlc])


def apagar_identidade(db: sqlite_utils.Database, esquema: str = "main") -> None:
    """Esvazia o ``sync_local`` do esquema (``main`` ou o do sigilo)."""
    db.execute(f"DELETE FROM {esquema}.sync_local")


def identidade_sigilo(db: sqlite_utils.Database) -> tuple[str, bytes] | None:
    """(replica_id, privada X25519 do sigilo) gravados no arquivo sigiloso (anexado), ou None."""
    linha = db.execute(f"SELECT replica_id, privada_x25519 FROM {ESQUEMA_SIGILO}.sync_local").fetchone()
    return (linha[0], linha[1]) if linha else None


def gravar_identidade_sigilo(db: sqlite_utils.Database, replica_id: str, privada_x25519: bytes) -> None:
    """A linha única do ``sync_local`` do arquivo sigiloso (a tabela deve estar vazia)."""
    db.execute(f"INSERT INTO {ESQUEMA_SIGILO}.sync_local (id, replica_id, privada_x25519) VALUES (1, ?, ?)",
               [replica_id, privada_x25519])


def replica(db: sqlite_utils.Database, id_ou_nome: str) -> dict | None:
    """A réplica (linha inteira, com as chaves públicas) pelo id ou pelo nome — a ativa primeiro —, ou None."""
    return um(db, "SELECT * FROM sync_replicas WHERE id = ? OR nome = ? ORDER BY ativa DESC LIMIT 1",
              [id_ou_nome, id_ou_nome])


def proxima_faixa(db: sqlite_utils.Database) -> int:
    """A faixa de números da próxima réplica convidada (uma a mais que a maior já dada; ver
    ``sync_registro.faixa_de_numeros``)."""
    return db.execute("SELECT coalesce(max(faixa), 0) + 1 FROM sync_replicas").fetchone()[0]


def listar(db: sqlite_utils.Database) -> list[dict]:
    """As réplicas sem chaves (id, nome, domínios, ativa, criada e removida em), em ordem de criação; ``esta``
    diz a desta máquina."""
    return list(db.query(
        "SELECT id, nome, dominios, ativa, criada_em, removida_em, "
        "(SELECT replica_id FROM main.sync_local WHERE id = 1) = id AS esta FROM sync_replicas ORDER BY criada_em"))
