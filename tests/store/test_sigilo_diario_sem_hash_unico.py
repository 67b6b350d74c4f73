"""Migração sigilosa 0012: o diário sigiloso sem o índice único do hash e sem o AUTOINCREMENT (issue 16, meta 3:
cada caso gravado pagava uma folha ao acaso daquele índice por linha do diário, e a linha de sqlite_sequence). As
linhas ficam as mesmas — seq, hash e corrente —, e o diário continua sem poder ser alterado nem apagado."""
import pytest
import sqlcipher3
import sqlite_utils

from desktop.store import diario, sigilo
from desktop.store.migracoes import aplicar_migracoes


@pytest.fixture
def con(tmp_path):
    c = sqlcipher3.connect(str(tmp_path / "paco.db.sigilo"), isolation_level=None)
    c.execute("PRAGMA key = \"x'" + "ef" * 32 + "'\"")
    yield c
    c.close()


def _indices(con) -> set[str]:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'diario'")}


def test_migracao_mantem_as_linhas_e_a_corrente_sem_o_indice_do_hash(con):
    lista = sigilo.migracoes()
    aplicar_migracoes(con, "main", [m for m in lista if m[0] <= 11])
    db = sqlite_utils.Database(con)
    for i in range(30):
        diario.registrar(db, usuario="ct", maquina="m", versao="1", tabela=f"t{i % 4}", registro_id=str(i),
                         acao="inserir", depois={"i": i, "nome": "Ana Lúcia"})
    antes = con.execute("SELECT * FROM diario ORDER BY seq").fetchall()
    assert "sqlite_autoindex_diario_1" in _indices(con)
    assert con.execute("SELECT seq FROM sqlite_sequence WHERE name = 'diario'").fetchone() == (30,)

    assert 12 in aplicar_migracoes(con, "main", lista)
    assert con.execute("SELECT * FROM diario ORDER BY seq").fetchall() == antes
    assert _indices(con) == {"diario_tabela", "diario_momento"}
    assert con.execute("SELECT count(*) FROM sqlite_sequence WHERE name = 'diario'").fetchone() == (0,)
    r = diario.verificar(db)
    assert r.ok and r.linhas == 30
    nova = diario.registrar(db, usuario="ct", maquina="m", versao="1", tabela="t0", registro_id="x", acao="evento")
    assert (nova["seq"], nova["hash_anterior"]) == (31, antes[-1][-1])
    assert diario.verificar(db).ok
    with pytest.raises(sqlcipher3.IntegrityError, match="não pode ser alterado"):
        con.execute("UPDATE diario SET usuario = 'intruso' WHERE seq = 3")
    with pytest.raises(sqlcipher3.IntegrityError, match="não pode ser apagado"):
        con.execute("DELETE FROM diario WHERE seq = 31")
    plano = " ".join(r[3] for r in con.execute("EXPLAIN QUERY PLAN SELECT seq FROM diario WHERE tabela = 't1' "
                                               "ORDER BY registro_id, seq"))
    assert "diario_tabela" in plano
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
