"""Migração sigilosa 0007: presenças e votos do colegiado gravados antes dela ganham um id (UUID, um por linha)
sem perder nada, e o par (sessão ou item, conselheiro) continua único — a sincronização passa a levá-los."""
import re

import pytest
import sqlcipher3

from desktop.store import sigilo
from desktop.store.migracoes import aplicar_migracoes

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def test_presencas_e_votos_antigos_ganham_id_unico(tmp_path):
    con = sqlcipher3.connect(str(tmp_path / "paco.db.sigilo"), isolation_level=None)
    con.execute("PRAGMA key = \"x'" + "ab" * 32 + "'\"")
    lista = sigilo.migracoes()
    assert [n for n, _ in lista][:7] == [1, 2, 3, 4, 5, 6, 7]
    aplicar_migracoes(con, "main", [m for m in lista if m[0] <= 6])
    con.execute("BEGIN")
    con.executemany("INSERT INTO conselho_sessao_presencas VALUES (?, ?, ?)",
                    [("s1", "c1", "Ana"), ("s1", "c2", "Bruno"), ("s1", "c3", "Carla")])
    con.executemany("INSERT INTO conselho_sessao_votos VALUES (?, ?, ?)",
                    [("i1", "c1", "ratificar"), ("i1", "c2", "ratificar"), ("i1", "c3", "abstencao")])
    con.execute("COMMIT")
    assert 7 in aplicar_migracoes(con, "main", lista)
    presencas = con.execute("SELECT id, sessao_id, conselheiro_id, nome FROM conselho_sessao_presencas "
                            "ORDER BY conselheiro_id").fetchall()
    votos = con.execute("SELECT id, item_id, conselheiro_id, voto FROM conselho_sessao_votos ORDER BY conselheiro_id"
                        ).fetchall()
    assert [p[1:] for p in presencas] == [("s1", "c1", "Ana"), ("s1", "c2", "Bruno"), ("s1", "c3", "Carla")]
    assert [v[1:] for v in votos] == [("i1", "c1", "ratificar"), ("i1", "c2", "ratificar"), ("i1", "c3", "abstencao")]
    ids = [r[0] for r in presencas + votos]
    assert all(UUID.fullmatch(i) for i in ids) and len(set(ids)) == 6
    pk = [r[1] for r in con.execute("PRAGMA table_info(conselho_sessao_votos)") if r[5]]
    assert pk == ["id"]
    with pytest.raises(sqlcipher3.IntegrityError, match="UNIQUE"):
        con.execute("INSERT INTO conselho_sessao_votos VALUES ('outro', 'i1', 'c1', 'retificar')")
    con.close()
