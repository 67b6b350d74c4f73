"""Cifragem: nem a base, nem o seu -wal, nem as cópias guardam texto legível; chave errada não abre."""
import os
import sqlite3

import pytest

from desktop.services import acesso
from desktop.services import copias as servico
from desktop.store import copias
from desktop.store.base import Base
from desktop.store.chaves import ErroChaves
from tests.conftest import chave_geral
from desktop.store.erros import BaseCorrompida

from ..conftest import CNPJ_TESTE, SENHA_ADMIN

MARCA = "ZZTESTEPLANO"


def contem_marca(caminho) -> bool:
    dados = caminho.read_bytes()
    return any(MARCA.encode(cod) in dados for cod in ("utf-8", "utf-16-le", "utf-16-be"))


@pytest.fixture
def instalacao_marcada(tmp_path):
    escritorio = acesso.DadosEscritorio(nome=f"Prefeitura {MARCA}", municipio="Itapiranga", uf="AM",
                                        cnpj=CNPJ_TESTE)
    caminho = tmp_path / "base" / "paco.db"
    s, recuperacao = acesso.criar_instalacao(caminho, escritorio, login="admin", nome="Ana", senha=SENHA_ADMIN)
    s.fechar()
    return caminho, recuperacao


def test_o_teste_enxerga_a_marca_num_arquivo_sem_cifra(tmp_path):
    """Controle: a mesma busca acha a marca numa base SQLite comum."""
    comum = tmp_path / "comum.db"
    con = sqlite3.connect(comum)
    con.execute("CREATE TABLE t (x TEXT)")
    con.execute("INSERT INTO t VALUES (?)", [f"Prefeitura {MARCA}"])
    con.commit()
    con.close()
    assert contem_marca(comum)


def test_base_wal_e_copias_nao_tem_texto_legivel(instalacao_marcada, tmp_path):
    caminho, _ = instalacao_marcada
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    with s.mudanca(None) as m:
        m.db["configuracoes"].insert({"chave": "segredo", "valor": f"Conselho {MARCA} atendimento"})
        m.registrar("configuracoes", "segredo", "inserir", depois={"valor": f"Conselho {MARCA} atendimento"})
    wal = caminho.with_name("paco.db-wal")
    assert wal.stat().st_size > 0  # a mudança está no -wal, ainda não na base
    assert not contem_marca(caminho)
    assert not contem_marca(wal)

    copia = servico.fazer_copia(s).copia
    s.fechar()

    assert not contem_marca(caminho)  # depois do checkpoint, tudo na base
    assert not contem_marca(copia)
    assert not copia.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(copia).execute("SELECT * FROM sqlite_master").fetchall()


def test_chave_errada_nao_abre_base_nem_copia(instalacao_marcada):
    caminho, _ = instalacao_marcada
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    copia = servico.fazer_copia(s).copia
    s.fechar()
    errada = os.urandom(32)

    with pytest.raises(BaseCorrompida) as e:
        Base.abrir(caminho, errada)
    assert "a chave não confere" in str(e.value)
    assert e.value.oferecer_restauracao
    with pytest.raises(copias.ErroCopia, match="não abre com esta chave"):
        copias.verificar_copia(copia, errada)
    # O erro soltou a trava: a chave certa abre em seguida.
    acesso.entrar(caminho, "admin", SENHA_ADMIN).fechar()


def test_chave_de_recuperacao_abre_a_copia_sem_o_arquivo_de_chaves(instalacao_marcada):
    caminho, recuperacao = instalacao_marcada
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    copia = servico.fazer_copia(s).copia
    s.fechar()
    copia.with_name(copia.name + ".chaves").unlink()

    with copias.abrir_copia(copia, chave_geral(caminho, recuperacao.replace("-", ""))) as db:
        assert db.execute("SELECT nome FROM escritorio").fetchone()[0] == f"Prefeitura {MARCA}"
    with pytest.raises(ErroChaves, match="chave de recuperação"):
        servico.restaurar(caminho, copia, login="admin", senha=SENHA_ADMIN)

    resultado = servico.restaurar_com_recuperacao(caminho, copia, recuperacao)

    assert resultado.guardada_em is not None
    # Sem .chaves na cópia, o da base atual (mesma chave) continua valendo para as senhas.
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    evento = s.db.execute(
        "SELECT usuario, depois FROM diario WHERE tabela = 'copias' ORDER BY seq DESC LIMIT 1").fetchone()
    s.fechar()
    assert evento[0] == "chave-de-recuperacao"
    assert "chave de recuperação" in evento[1]
