"""Migrações atômicas: uma migração que falha no meio deixa a base exatamente como estava."""
import shutil

import pytest

from desktop.services import acesso
from desktop.store import base as store_base
from desktop.store.base import Base
from tests.conftest import chave_geral
from desktop.store.copias import listar_copias
from desktop.store.erros import ErroBase
from desktop.store.migracoes import dividir_sql

from ..conftest import SENHA_ADMIN

MIGRACAO_QUEBRADA = """
-- cria coisas, altera dados e só então falha: nada disso pode sobrar
CREATE TABLE sobra_da_migracao (id INTEGER PRIMARY KEY, texto TEXT);
INSERT INTO sobra_da_migracao (texto) VALUES ('ponto; e vírgula dentro do texto');
CREATE TRIGGER sobra_gatilho BEFORE DELETE ON sobra_da_migracao
BEGIN SELECT RAISE(ABORT, 'não apaga; nunca'); END;
UPDATE escritorio SET nome = 'Nome trocado pela migração';
ALTER TABLE usuarios ADD COLUMN coluna_nova TEXT;
INSERT INTO tabela_que_nao_existe VALUES (1);
CREATE TABLE depois_da_falha (id INTEGER);
"""


def _esquema(db) -> list[tuple]:
    return [tuple(r) for r in db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()]


def test_dividir_sql_respeita_gatilhos_e_texto_com_ponto_e_virgula():
    comandos = dividir_sql(MIGRACAO_QUEBRADA)
    assert len(comandos) == 7
    assert comandos[1].endswith("('ponto; e vírgula dentro do texto');")
    assert comandos[2].startswith("CREATE TRIGGER") and comandos[2].endswith("END;")
    with pytest.raises(ValueError, match="incompleto"):
        dividir_sql("CREATE TABLE a (x); CREATE TRIGGER t BEFORE DELETE ON a BEGIN SELECT 1;")
    assert dividir_sql("CREATE TABLE a (x); CREATE TABLE b (y)") == ["CREATE TABLE a (x);", "CREATE TABLE b (y)"]


def test_migracao_que_falha_no_meio_deixa_a_base_como_estava(instalacao, tmp_path, monkeypatch):
    caminho, recuperacao = instalacao
    chave = chave_geral(caminho, recuperacao)
    b = Base.abrir(caminho, chave)
    versao_antes, esquema_antes = b.versao, _esquema(b.conexao)
    nome_antes = b.db["escritorio"].get(1)["nome"]
    usuarios_antes = b.conexao.execute("SELECT count(*) FROM usuarios").fetchone()[0]
    b.fechar()

    pasta = tmp_path / "migracoes-novas"
    pasta.mkdir()
    for _, arquivo in store_base.migracoes():
        shutil.copy(arquivo, pasta / arquivo.name)
    (pasta / f"{versao_antes + 1:04d}_quebrada.sql").write_text(MIGRACAO_QUEBRADA, encoding="utf-8")
    monkeypatch.setattr(store_base, "PASTA_MIGRACOES", pasta)

    with pytest.raises(ErroBase) as e:
        acesso.entrar(caminho, "admin", SENHA_ADMIN)
    copias = listar_copias(caminho.parent / "copias")
    assert [c.tipo for c in copias] == ["antes-de-atualizar"]
    mensagem = str(e.value)
    assert f"migração {versao_antes + 1}" in mensagem and "_quebrada.sql" in mensagem
    assert "Nada foi alterado" in mensagem
    assert str(copias[0].caminho) in mensagem  # diz onde está a cópia feita antes
    assert "versão anterior do Paço" in mensagem

    # o programa de antes abre a base intacta: mesmo esquema, mesma versão, mesmos dados
    monkeypatch.setattr(store_base, "PASTA_MIGRACOES", store_base.PASTA_DB / "migrations")
    b = Base.abrir(caminho, chave)
    try:
        assert b.versao == versao_antes
        assert _esquema(b.conexao) == esquema_antes
        assert b.db["escritorio"].get(1)["nome"] == nome_antes
        assert b.conexao.execute("SELECT count(*) FROM usuarios").fetchone()[0] == usuarios_antes
        assert b.verificar_integridade_sqlite() == "ok"
    finally:
        b.fechar()


def test_migracao_correta_aplica_tudo_com_a_versao(instalacao, tmp_path, monkeypatch):
    caminho, recuperacao = instalacao
    pasta = tmp_path / "migracoes-novas"
    pasta.mkdir()
    for _, arquivo in store_base.migracoes():
        shutil.copy(arquivo, pasta / arquivo.name)
    n = len(store_base.migracoes()) + 1
    (pasta / f"{n:04d}_boa.sql").write_text(MIGRACAO_QUEBRADA.split("INSERT INTO tabela_que")[0],
                                           encoding="utf-8")
    monkeypatch.setattr(store_base, "PASTA_MIGRACOES", pasta)
    b = Base.abrir(caminho, chave_geral(caminho, recuperacao))
    try:
        assert b.versao == n
        assert b.db["sobra_da_migracao"].get(1)["texto"] == "ponto; e vírgula dentro do texto"
        assert b.db["escritorio"].get(1)["nome"] == "Nome trocado pela migração"
    finally:
        b.fechar()
