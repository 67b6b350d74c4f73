"""Atualização de uma base de antes do sigilo (esquema 7, casos na base geral): os casos vão para o arquivo
sigiloso sem perda, a base geral fica sem eles, e uma queda no meio não perde nem duplica nada."""
import os

import pytest
import sqlcipher3

from desktop.store import diario, sigilo
from desktop.store.integridade_dados import conferir_tabelas
from desktop.store.base import Base, migracoes
from desktop.store.conselho import atendimentos as armazem
from desktop.store.migracoes import aplicar_migracoes

CHAVE, CHAVE_SIGILO = os.urandom(32), os.urandom(32)
MARCA = "ZZCRIANCAANTIGA"


def _base_versao_7(caminho, n=30):
    con = sqlcipher3.connect(str(caminho), isolation_level=None)
    con.execute(f"PRAGMA key = \"x'{CHAVE.hex()}'\"")
    con.execute("PRAGMA foreign_keys = ON")
    aplicar_migracoes(con, "main", migracoes()[:7])
    con.execute("BEGIN")
    con.execute("INSERT INTO usuarios VALUES ('u1', 'ct', 'Ct', 'conselheiro_tutelar', 1, 0, 'x', 'x')")
    for i in range(1, n + 1):
        at = f"at{i:03d}"
        con.execute("INSERT INTO conselho_atendimentos (id, numero, ano, tipo, recebido_em, relato, bairro, criado_em, "
                    "atualizado_em) VALUES (?, ?, 2025, 'denuncia', ?, ?, ?, 'x', 'x')",
                    [at, i, f"2025-01-{1 + i % 28:02d}T10:{i % 60:02d}", f"relato {MARCA} {i}", f"Bairro{i % 3}"])
        con.execute("INSERT INTO conselho_criancas (id, atendimento_id, nome) VALUES (?, ?, ?)",
                    [f"cr{i}", at, f"Criança {MARCA} {i}"])
        con.execute("INSERT INTO conselho_familiares (id, atendimento_id, nome, telefone) VALUES (?, ?, ?, ?)",
                    [f"fa{i}", at, f"Mãe {i}", "(92) 90000-1234"])
        con.execute("INSERT INTO conselho_decisoes (id, atendimento_id, descricao, motivacao, decidida_em, comunicar_ate, "
                    "criado_em) VALUES (?, ?, 'decisão', 'motivo', 'x', 'x', 'x')", [f"de{i}", at])
        con.execute("INSERT INTO conselho_medidas (id, atendimento_id, decisao_id, crianca_id, codigo, aplicada_em) "
                    "VALUES (?, ?, ?, ?, '101-I', 'x')", [f"me{i}", at, f"de{i}", f"cr{i}"])
        con.execute("INSERT INTO conselho_busca (atendimento_id, nomes, bairro) VALUES (?, ?, ?)",
                    [at, f"Criança {MARCA} {i} Mãe {i}", f"Bairro{i % 3}"])
    con.execute("INSERT INTO conselho_rascunhos VALUES ('r1', 'u1', 'plantao', x'00', 'x')")
    con.execute("COMMIT")
    con.close()


CONTAGENS = {"conselho_atendimentos": 30, "conselho_criancas": 30, "conselho_familiares": 30,
             "conselho_decisoes": 30, "conselho_medidas": 30, "conselho_rascunhos": 1}


def _contagens(db):
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in CONTAGENS}


def _texto_da_base_geral(caminho) -> str:
    con = sqlcipher3.connect(str(caminho))
    con.execute(f"PRAGMA key = \"x'{CHAVE.hex()}'\"")
    partes = []
    for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        partes += [str(v) for linha in con.execute(f"SELECT * FROM [{t}]") for v in linha]
    livres = con.execute("PRAGMA freelist_count").fetchone()[0]
    con.close()
    return " ".join(partes), livres


def test_casos_vao_para_o_sigilo_sem_perda(tmp_path):
    caminho = tmp_path / "paco.db"
    _base_versao_7(caminho)

    base = Base.abrir(caminho, CHAVE)  # quem não tem a chave do sigilo: nada se perde, nada se move
    try:
        assert base.versao == len(migracoes()) and not base.tem_sigilo
        assert base.db.execute("SELECT count(*) FROM legado_conselho_criancas").fetchone()[0] == 30
        assert not sigilo.caminho_para(caminho).exists()
    finally:
        base.fechar()

    base = Base.abrir(caminho, CHAVE, chave_sigilo=CHAVE_SIGILO)
    try:
        assert base.tem_sigilo and _contagens(base.db) == CONTAGENS
        assert [r["id"] for r in armazem.listar(base.db, busca="zzcriancaantiga 7")] == ["at007"]
        assert len(armazem.listar(base.db, busca="bairro1", campo="bairro")) == 10
        # Cada linha trazida é uma inclusão no diário sigiloso (mais o evento da mudança): a conferência
        # das tabelas contra o diário não acusa nada, e a corrente está íntegra.
        assert base.db.execute("SELECT count(*) FROM sigilo.diario").fetchone()[0] == sum(CONTAGENS.values()) + 1
        achados, conferidas = conferir_tabelas(base.db, "sigilo")
        assert achados == [] and conferidas >= 5
        assert diario.verificar(base.db, esquema="sigilo").ok
    finally:
        base.fechar()
    texto, livres = _texto_da_base_geral(caminho)
    assert MARCA not in texto and "90000-1234" not in texto and livres == 0  # VACUUM: nem páginas soltas

    base = Base.abrir(caminho, CHAVE, chave_sigilo=CHAVE_SIGILO)  # de novo: nada a mover, nada duplicado
    try:
        assert _contagens(base.db) == CONTAGENS
    finally:
        base.fechar()


def test_queda_entre_copiar_e_apagar_termina_na_proxima(tmp_path, monkeypatch):
    caminho = tmp_path / "paco.db"
    _base_versao_7(caminho)
    verdadeira = sigilo._apagar_legadas

    def queda(*_a):
        raise KeyboardInterrupt("apagão")

    monkeypatch.setattr(sigilo, "_apagar_legadas", queda)
    with pytest.raises(KeyboardInterrupt):
        Base.abrir(caminho, CHAVE, chave_sigilo=CHAVE_SIGILO)
    monkeypatch.setattr(sigilo, "_apagar_legadas", verdadeira)

    base = Base.abrir(caminho, CHAVE)  # as linhas continuam na base geral (nada apagado antes de conferir)
    try:
        assert base.db.execute("SELECT count(*) FROM legado_conselho_atendimentos").fetchone()[0] == 30
    finally:
        base.fechar()
    base = Base.abrir(caminho, CHAVE, chave_sigilo=CHAVE_SIGILO)
    try:
        assert _contagens(base.db) == CONTAGENS  # sem duplicar
        assert not base.db.execute("SELECT name FROM main.sqlite_master WHERE name LIKE 'legado_%'").fetchall()
    finally:
        base.fechar()


def test_base_nova_nao_tem_tabelas_de_caso(tmp_path):
    caminho = tmp_path / "nova.db"
    base = Base.criar(caminho, CHAVE)
    try:
        nomes = {r[0] for r in base.db.execute("SELECT name FROM main.sqlite_master")}
        assert not nomes & sigilo.TABELAS and not any(n.startswith("legado_") for n in nomes)
        with pytest.raises(sigilo.SemSigilo):
            base.db["conselho_atendimentos"].insert({"id": "x"})  # nunca cria tabela de caso na base geral
    finally:
        base.fechar()


def test_arquivo_sigiloso_mais_novo_e_recusado(tmp_path):
    caminho = tmp_path / "paco.db"
    Base.criar(caminho, CHAVE, chave_sigilo=CHAVE_SIGILO).fechar()
    con = sigilo.conectar(sigilo.caminho_para(caminho), CHAVE_SIGILO)
    con.execute("PRAGMA user_version = 99")
    con.close()
    with pytest.raises(Exception, match="versão mais nova"):
        Base.abrir(caminho, CHAVE, chave_sigilo=CHAVE_SIGILO)
