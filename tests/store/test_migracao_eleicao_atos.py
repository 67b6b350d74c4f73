"""Migração 0031: processos de escolha já gravados ganham a fase que o que já aconteceu prova (Lei 320/2023,
arts. 7º e 11 §2º) — candidatos provam o edital, impugnação ou lista homologada provam a lista de inscritos; sem
prova, "preparacao". O CHECK da fase passa a aceitar "preparacao" e continua recusando o que não é fase."""
import sqlite3

import pytest

from desktop.store import base as store_base
from desktop.store.migracoes import aplicar_migracoes

CAL = dict(data_edital="2027-04-03", inscricao_inicio="2027-04-13", inscricao_fim="2027-05-13",
           publicacao_inscritos="2027-05-18", impugnacao_fim="2027-05-23", analise_fim="2027-06-07",
           prova="2027-06-22", publicacao_habilitados="2027-07-22", eleicao="2027-10-03", formacao="2027-11-02",
           posse="2028-01-10", fim_mandato="2032-01-09")


def _inserir(db, tabela: str, linha: dict) -> None:
    db.execute(f"INSERT INTO {tabela} ({', '.join(linha)}) VALUES ({', '.join('?' * len(linha))})",  # noqa: S608
               list(linha.values()))


def _processo(db, pid: str, ano: int, fase: str) -> None:
    _inserir(db, "eleicao_processos", {"id": pid, "ano": ano, **CAL, "nota_corte": "60", "fase": fase,
                                       "criado_em": "2026-12-01", "atualizado_em": "2026-12-01"})


def _candidatura(db, pid: str, n: int) -> str:
    _inserir(db, "pessoas", {"id": f"p{pid}{n}", "nome": "Fulana", "criado_em": "x", "atualizado_em": "x"})
    _inserir(db, "eleicao_candidaturas", {
        "id": f"c{pid}{n}", "processo_id": pid, "pessoa_id": f"p{pid}{n}", "numero": n, "nome_urna": "Fulana",
        "inscrito_em": "2027-04-13", "residencia_desde": "2010-01-01", "experiencia_meses": 36,
        "criado_em": "x", "atualizado_em": "x"})
    return f"c{pid}{n}"


def test_fase_dos_processos_ja_gravados_segue_o_que_aconteceu():
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    todas = store_base.migracoes()
    aplicar_migracoes(db, "main", [(n, a) for n, a in todas if n <= 30])
    _processo(db, "vazio", 2027, "inscricoes")          # criado e nada mais: o edital não está provado
    _processo(db, "inscritos", 2031, "inscricoes")      # candidatos inscritos provam o edital
    _candidatura(db, "inscritos", 1)
    _processo(db, "impugnado", 2035, "inscricoes")      # uma impugnação prova a lista de inscritos
    c = _candidatura(db, "impugnado", 1)
    _inserir(db, "eleicao_impugnacoes", {"id": "i1", "candidatura_id": c, "tipo": "impugnacao", "autor": "A",
                                         "fundamento": "F", "apresentada_em": "2027-05-19",
                                         "prazo_defesa": "2027-05-25", "criado_em": "x"})
    _processo(db, "homologado", 2039, "homologado")     # homologado: os dois atos aconteceram
    assert aplicar_migracoes(db, "main", todas) == [n for n, _ in todas if n > 30]
    linhas = {r[0]: r[1:] for r in db.execute(
        "SELECT id, fase, edital_publicado_em, inscritos_publicados_em FROM eleicao_processos")}
    assert linhas == {"vazio": ("preparacao", None, None),
                      "inscritos": ("inscricoes", "2027-04-03", None),
                      "impugnado": ("analise", "2027-04-03", "2027-05-18"),
                      "homologado": ("homologado", "2027-04-03", "2027-05-18")}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.execute("UPDATE eleicao_processos SET fase = 'preparacao' WHERE id = 'inscritos'")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        db.execute("UPDATE eleicao_processos SET fase = 'qualquer' WHERE id = 'vazio'")
    _processo(db, "novo", 2043, "preparacao")
    db.execute("DELETE FROM eleicao_processos WHERE id = 'novo'")
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'eleicao_processos'").fetchone()[0]
    assert "fase_nova" not in sql and "'preparacao'" in sql
