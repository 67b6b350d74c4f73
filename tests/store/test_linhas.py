"""``store.linhas.inserir`` (o INSERT de ``Mudanca.inserir``): grava o mesmo que o ``table.insert`` do sqlite-utils,
sem a introspecção da tabela a cada linha; tabela do sigilo sem o arquivo anexado é recusada como antes."""
from datetime import date, datetime
from decimal import Decimal

import pytest
import sqlite_utils

from desktop.store import linhas, sigilo

_TABELA = "CREATE TABLE {} (id TEXT PRIMARY KEY, texto TEXT, inteiro INTEGER, real REAL, quantia TEXT, " \
          "lista TEXT, dados TEXT, dia TEXT, momento TEXT, bloco BLOB, marca INTEGER, \"order\" TEXT)"


def _linha(id_: str) -> dict:
    return {"id": id_, "texto": "São João", "inteiro": 7, "real": 1.5, "quantia": Decimal("350.10"),
            "lista": ["a", "ç"], "dados": {"b": 1, "a": [2]}, "dia": date(2026, 3, 1),
            "momento": datetime(2026, 3, 1, 9, 30), "bloco": b"\x00\xff", "marca": True, "order": None}


def test_grava_o_mesmo_que_o_sqlite_utils():
    db = sqlite_utils.Database(memory=True)
    db.execute(_TABELA.format("pelo_sqlite_utils"))
    db.execute(_TABELA.format("pelo_store"))
    db["pelo_sqlite_utils"].insert(_linha("1"))
    linha = _linha("1")
    assert linhas.inserir(db, "pelo_store", linha) is linha
    esperado = db.execute("SELECT *, typeof(quantia), typeof(dia) FROM pelo_sqlite_utils").fetchall()
    obtido = db.execute("SELECT *, typeof(quantia), typeof(dia) FROM pelo_store").fetchall()
    assert obtido == esperado
    assert obtido[0][4] == "350.1" and obtido[0][5] == '["a", "ç"]' and obtido[0][8] == "2026-03-01T09:30:00"
    # só as colunas da linha: as outras ficam com o padrão da tabela
    linhas.inserir(db, "pelo_store", {"id": "2"})
    assert db.execute("SELECT texto FROM pelo_store WHERE id = '2'").fetchone() == (None,)


def test_nada_cria_nem_altera():
    """Ao contrário do ``insert`` do sqlite-utils (que criaria a tabela), a tabela tem de existir."""
    db = sqlite_utils.Database(memory=True)
    with pytest.raises(Exception, match="no such table"):
        linhas.inserir(db, "inexistente", {"id": "1"})
    assert "inexistente" not in db.table_names()
    db.execute("CREATE TABLE t (id TEXT PRIMARY KEY)")
    with pytest.raises(Exception, match="no column named extra"):
        linhas.inserir(db, "t", {"id": "1", "extra": 2})
    linhas.inserir(db, "t", {"id": "1"})
    with pytest.raises(Exception, match="UNIQUE"):
        linhas.inserir(db, "t", {"id": "1"})


def test_tabela_de_caso_sem_o_sigilo_anexado():
    db = sigilo.BancoPaco(memory=True)
    with pytest.raises(sigilo.SemSigilo):
        linhas.inserir(db, "conselho_criancas", {"id": "1", "atendimento_id": "a", "nome": "Ana"})
    with pytest.raises(sigilo.SemSigilo):  # o mesmo de antes, pelo sqlite-utils
        db["conselho_criancas"].insert({"id": "1", "atendimento_id": "a", "nome": "Ana"})
