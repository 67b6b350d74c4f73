"""Turmas por curso e ano e códigos do Sistec viajam entre as réplicas (migração 0027: tinham chave composta e a
captura não os via). O id é a própria chave, igual em toda réplica: a mesma chave gravada em duas máquinas sem
se verem é o mesmo registro — o mesmo valor não é conflito, valores diferentes viram conflito — e a importação
nunca quebra no UNIQUE."""
import sqlite3

import pytest

from desktop.services import auditoria, sincronizacao as sx
from desktop.services.certificacao import acompanhamento, cursos
from desktop.store import base, migracoes, sync_registro

from ..certificacao.apoio import montar_cenario
from .conftest import montar_orgao


@pytest.fixture
def certificacao(tmp_path, escritorio):
    cenario = {}
    o = montar_orgao(tmp_path / "orgao", escritorio, {"Notebook": False},
                     preparar=lambda s: cenario.update(montar_cenario(s)))
    yield o, cenario
    o.fechar()


def _trocar(a, b, pasta):
    resumos = [sx.importar(b, sx.exportar(a, pasta, "Notebook"))]
    resumos.append(sx.importar(a, sx.exportar(b, pasta, "Sede")))
    return resumos


def _turmas(s, curso_id):
    return dict(s.db.execute("SELECT ano, turmas FROM cert_curso_turmas WHERE curso_id = ?", [curso_id]))


def _codigos(s):
    return {(r["tipo"], r["referencia_id"]): r["codigo"] for r in acompanhamento.codigos_sistec(s) if r["codigo"]}


def test_turmas_e_codigo_do_sistec_chegam_a_outra_replica(certificacao, tmp_path):
    orgao, c = certificacao
    sede, note = orgao.entrar("Sede"), orgao.entrar("Notebook")
    curso, unidade = c["curso"]["id"], c["unidade"]["id"]
    for tabela in ("cert_curso_turmas", "cert_sistec_codigos"):
        assert sync_registro.colunas(sede.db, "main", tabela)[0] == "id"
    cursos.registrar_turmas(sede, curso, 2025, 3)
    acompanhamento.definir_codigo_sistec(sede, "unidade", unidade, "45123")
    acompanhamento.definir_codigo_sistec(note, "curso", curso, "1023")  # e no sentido contrário
    _trocar(sede, note, tmp_path / "pen")
    for s in (sede, note):
        assert _turmas(s, curso) == {2025: 3}
        assert _codigos(s) == {("unidade", unidade): "45123", ("curso", curso): "1023"}
        assert sorted(r[0] for r in s.db.execute("SELECT id FROM cert_sistec_codigos")) == [
            f"curso:{curso}", f"unidade:{unidade}"]
    # a edição depois de receber substitui, sem conflito, e volta à outra máquina
    cursos.registrar_turmas(note, curso, 2025, 5)
    acompanhamento.definir_codigo_sistec(note, "unidade", unidade, "45124")
    _trocar(sede, note, tmp_path / "pen")
    for s in (sede, note):
        assert _turmas(s, curso) == {2025: 5} and _codigos(s)[("unidade", unidade)] == "45124"
        assert sx.conflitos(s) == []
    assert sx.conferir(sede) == sx.conferir(note)


def test_mesma_chave_gravada_nas_duas_maquinas_vira_conflito_sem_quebrar(certificacao, tmp_path):
    orgao, c = certificacao
    sede, note = orgao.entrar("Sede"), orgao.entrar("Notebook")
    curso, unidade, oferta = c["curso"]["id"], c["unidade"]["id"], c["oferta"]["id"]
    # nenhuma máquina viu a outra: as duas incluem o mesmo curso/ano e os mesmos códigos
    cursos.registrar_turmas(sede, curso, 2026, 2)
    cursos.registrar_turmas(note, curso, 2026, 4)
    acompanhamento.definir_codigo_sistec(sede, "curso", curso, "1023")
    acompanhamento.definir_codigo_sistec(note, "curso", curso, "1099")
    acompanhamento.definir_codigo_sistec(sede, "ciclo", oferta, "7788001")  # o mesmo valor nas duas
    acompanhamento.definir_codigo_sistec(note, "ciclo", oferta, "7788001")
    acompanhamento.definir_codigo_sistec(note, "unidade", unidade, "45123")  # só numa
    resumos = _trocar(sede, note, tmp_path / "pen")
    assert all(r["conflitos"] == 2 for r in resumos)
    assert sx.conferir(sede) == sx.conferir(note)  # a mesma linha (a de maior HLC) nas duas
    for s in (sede, note):
        assert s.db.execute("SELECT count(*) FROM cert_curso_turmas WHERE curso_id = ? AND ano = 2026",
                            [curso]).fetchone()[0] == 1
        assert _codigos(s)[("ciclo", oferta)] == "7788001" and _codigos(s)[("unidade", unidade)] == "45123"
        por_coluna = {(k["tabela"], k["coluna"]): sorted(h["valor"] for h in k["cabecas"]) for k in sx.conflitos(s)}
        assert por_coluna == {("cert_curso_turmas", "turmas"): [2, 4],
                              ("cert_sistec_codigos", "codigo"): ["1023", "1099"]}  # os dois valores guardados
    # quem tem o papel decide no notebook; a decisão chega à sede
    k = next(k for k in sx.conflitos(note) if k["tabela"] == "cert_curso_turmas")
    escolhida = next(h for h in k["cabecas"] if h["valor"] == 4)
    sx.decidir(note, "cert_curso_turmas", k["registro_id"], "turmas", escolhida["versao"])
    _trocar(sede, note, tmp_path / "pen")
    for s in (sede, note):
        assert _turmas(s, curso)[2026] == 4
        assert [k["tabela"] for k in sx.conflitos(s)] == ["cert_sistec_codigos"]
        assert auditoria.verificar_integridade(s).ok
    assert sx.conferir(sede) == sx.conferir(note)


def test_linha_de_antes_da_migracao_vai_inteira_na_primeira_alteracao(certificacao, tmp_path):
    """Uma linha gravada no notebook antes da 0027 nunca foi capturada (a tabela não viajava): a primeira
    alteração depois dela a leva inteira, e a sede a cria em vez de ignorar a edição de uma linha que não tem."""
    orgao, c = certificacao
    sede, note = orgao.entrar("Sede"), orgao.entrar("Notebook")
    curso = c["curso"]["id"]
    with note.base.transacao():
        note.db.execute("INSERT INTO cert_curso_turmas (id, curso_id, ano, turmas) VALUES (?, ?, 2023, 1)",
                        [f"{curso}:2023", curso])
    cursos.registrar_turmas(note, curso, 2023, 2)
    _trocar(sede, note, tmp_path / "pen")
    assert _turmas(sede, curso) == _turmas(note, curso) == {2023: 2}
    assert sx.conferir(sede) == sx.conferir(note) and sx.conflitos(sede) == []


def test_migracao_da_a_linhas_antigas_o_mesmo_id_em_toda_replica(tmp_path):
    """As linhas gravadas antes da 0027 ganham como id a própria chave (a migração roda em cada máquina e dá o
    mesmo id à mesma linha); o par continua único e o CHECK não deixa o id e o par se desencontrarem."""
    lista = migracoes.listar(base.PASTA_MIGRACOES)
    con = sqlite3.connect(tmp_path / "antiga.db", isolation_level=None)
    migracoes.aplicar_migracoes(con, "main", [(n, a) for n, a in lista if n < 27])
    con.execute("INSERT INTO cert_curso_turmas (curso_id, ano, turmas) VALUES ('c1', 2024, 3), ('c1', 2025, 0)")
    con.execute("INSERT INTO cert_sistec_codigos VALUES ('unidade', 'u1', '45123', '2026-01-02T10:00:00')")
    migracoes.aplicar_migracoes(con, "main", lista)
    assert con.execute("SELECT id, curso_id, ano, turmas FROM cert_curso_turmas ORDER BY ano").fetchall() == [
        ("c1:2024", "c1", 2024, 3), ("c1:2025", "c1", 2025, 0)]
    assert con.execute("SELECT id, codigo FROM cert_sistec_codigos").fetchall() == [("unidade:u1", "45123")]
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO cert_curso_turmas (id, curso_id, ano, turmas) VALUES ('outro', 'c1', 2026, 1)")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO cert_sistec_codigos VALUES ('unidade:u1', 'unidade', 'u1', '1', 'x')")
    con.close()
