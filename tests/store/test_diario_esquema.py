"""Diário numa base anexada (esquema ``sigilo``): corrente própria, gravada e conferida lá."""
import sqlite3

import pytest
import sqlite_utils

from desktop.store import consultas_diario, diario

_DDL = """
CREATE TABLE {e}.diario (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, momento TEXT NOT NULL, usuario TEXT NOT NULL,
    maquina TEXT NOT NULL, versao_programa TEXT NOT NULL, tabela TEXT NOT NULL,
    registro_id TEXT NOT NULL, acao TEXT NOT NULL, antes TEXT, depois TEXT,
    hash_anterior TEXT NOT NULL, hash TEXT NOT NULL UNIQUE);
"""


@pytest.fixture
def db():
    d = sqlite_utils.Database(sqlite3.connect(":memory:"))
    d.execute("ATTACH DATABASE ':memory:' AS sigilo")
    for e in ("main", "sigilo"):
        d.conn.executescript(_DDL.format(e=e))
    return d


def _gravar(db, n, **extra):
    for i in range(n):
        diario.registrar(db, usuario="u", maquina="m", versao="1", tabela="t", registro_id=str(i),
                         acao="evento", depois={"i": i}, **extra)


def test_cada_esquema_tem_a_sua_corrente(db):
    _gravar(db, 3)
    _gravar(db, 2, esquema="sigilo")
    assert db.execute("SELECT count(*) FROM main.diario").fetchone()[0] == 3
    assert db.execute("SELECT count(*) FROM sigilo.diario").fetchone()[0] == 2
    primeira = db.execute("SELECT seq, hash_anterior FROM sigilo.diario ORDER BY seq").fetchone()
    assert primeira == (1, diario.GENESE)
    assert diario.verificar(db).linhas == 3 and diario.verificar(db).ok
    assert diario.verificar(db, esquema="sigilo").linhas == 2
    assert consultas_diario.contar(db, esquema="sigilo") == 2
    assert [l["seq"] for l in consultas_diario.listar(db, esquema="sigilo")] == [2, 1]

    db.execute("UPDATE sigilo.diario SET depois = '{}' WHERE seq = 2")
    assert diario.verificar(db).ok
    assert diario.verificar(db, esquema="sigilo").primeira_quebrada == 2


def test_esquema_invalido_e_recusado(db):
    with pytest.raises(ValueError):
        diario.verificar(db, esquema="main; DROP TABLE diario")
