"""Migração sigilosa 0011: o índice (situação, recebimento, número) dos atendimentos sai — nenhuma consulta o usa
desde 0010 e cada caso gravado pagava uma folha dele (issue 16, meta 3); os índices que as consultas usam ficam."""
import sqlcipher3

from desktop.store import sigilo
from desktop.store.migracoes import aplicar_migracoes


def _indices(con) -> set[str]:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                      "AND tbl_name = 'conselho_atendimentos' AND sql IS NOT NULL")}


def test_migracao_apaga_o_indice_de_situacao_antigo_e_mantem_os_da_lista(tmp_path):
    con = sqlcipher3.connect(str(tmp_path / "paco.db.sigilo"), isolation_level=None)
    con.execute("PRAGMA key = \"x'" + "cd" * 32 + "'\"")
    lista = sigilo.migracoes()
    aplicar_migracoes(con, "main", [m for m in lista if m[0] <= 10])
    con.execute("INSERT INTO conselho_atendimentos (id, busca_rowid, numero, ano, tipo, recebido_em, situacao, "
                "criado_em, atualizado_em) VALUES ('a1', 1048577, 1, 2026, 'denuncia', '2026-03-06T22:30', "
                "'aberto', 'x', 'x')")
    assert "conselho_atendimentos_situacao" in _indices(con)
    assert 11 in aplicar_migracoes(con, "main", lista)
    assert _indices(con) == {"conselho_atendimentos_ordem", "conselho_atendimentos_situacao_lista"}
    assert con.execute("SELECT id FROM conselho_atendimentos WHERE situacao = 'aberto'").fetchall() == [("a1",)]
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
