"""Checkpoint do WAL em segundo plano (store.consolidacao): quem grava só confirma a sua transação; a cópia
das páginas do -wal para o arquivo da base é pedida a uma thread de fundo (issue 16, meta 3)."""
import threading

from desktop.services.sessao import liberar_thread
from desktop.store import consolidacao
from desktop.store.consolidacao import quadros_por_consolidar


def _gravar(sessao, n: int = 1) -> None:
    for i in range(n):
        with sessao.mudanca(None) as m:
            m.db["configuracoes"].insert({"chave": f"teste-{i}-{threading.get_ident()}", "valor": "x" * 500})


def test_o_checkpoint_automatico_das_conexoes_e_so_a_rede_de_seguranca(sessao_admin):
    base = sessao_admin.base
    assert base.conexao.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == consolidacao.LIMITE_SEGURANCA
    paralela = base.paralela()
    try:
        assert paralela.conexao.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == consolidacao.LIMITE_SEGURANCA
        assert paralela.consolidador is base.consolidador is not None
    finally:
        paralela.fechar()


def test_quadros_por_consolidar_le_o_indice_do_wal(sessao_admin):
    base = sessao_admin.base
    base.conexao.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert quadros_por_consolidar(base.caminho) == 0
    _gravar(sessao_admin)
    pendentes = quadros_por_consolidar(base.caminho)
    _busy, no_wal, copiados = base.conexao.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert pendentes == no_wal > 0  # o -shm diz o mesmo que o SQLite (nada copiado desde o TRUNCATE)
    assert copiados == no_wal
    assert quadros_por_consolidar(base.caminho) == 0
    assert quadros_por_consolidar(base.caminho.with_name("nao-existe.db")) == 0


def test_quem_grava_nao_faz_o_checkpoint_a_thread_de_fundo_faz(sessao_admin, monkeypatch):
    monkeypatch.setattr(consolidacao, "LIMITE", 1)  # qualquer transação passa do limite
    base = sessao_admin.base
    consolidador = base.consolidador
    antes = consolidador.feitos
    with consolidador.pausado():  # a thread de fundo espera: o que se vê é só o que o commit fez
        _gravar(sessao_admin)
        assert quadros_por_consolidar(base.caminho) > 0  # confirmada e ainda no -wal: ninguém copiou no commit
    assert consolidador.aguardar(10)
    assert consolidador.feitos > antes
    assert quadros_por_consolidar(base.caminho) == 0  # copiada para o arquivo da base, em segundo plano
    # E de uma thread de trabalho (conexão paralela), como gravam as telas
    t = threading.Thread(target=lambda: (_gravar(sessao_admin), liberar_thread()))
    with consolidador.pausado():
        t.start()
        t.join()
        assert quadros_por_consolidar(base.caminho) > 0
    assert consolidador.aguardar(10)
    assert quadros_por_consolidar(base.caminho) == 0


def test_abaixo_do_limite_nada_e_pedido(sessao_admin):
    consolidador = sessao_admin.base.consolidador
    sessao_admin.base.conexao.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    antes = consolidador.feitos
    _gravar(sessao_admin, 3)
    assert consolidador.aguardar(10)
    assert consolidador.feitos == antes
    assert quadros_por_consolidar(sessao_admin.base.caminho) > 0
