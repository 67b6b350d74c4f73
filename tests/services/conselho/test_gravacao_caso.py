"""Gravar um caso (issue 16, meta 3): uma transação só, confirmada só no arquivo sigiloso — um commit, um
fsync do -wal do sigilo; a base geral não é tocada (nem numa réplica, em que o relógio da sincronização
andaria)."""
from datetime import datetime

import pytest

from desktop.services import replicas
from desktop.services.conselho import atendimentos


def _caso(i: int = 0) -> dict:
    return {"tipo": "denuncia", "recebido_em": datetime(2026, 3, 6, 22, i), "bairro": "Centro",
            "relato": "Relato.", "criancas": [{"nome": "Ana Souza", "nascimento": "2016-04-02"}],
            "familiares": [{"nome": "Maria Souza", "vinculo": "mãe"}],
            "violacoes": [{"especifico": "CFC.1.1", "agente": "pais_responsaveis"}]}


@pytest.fixture
def ct(conselho, entrar):
    return entrar("ct1", "conselheiro_tutelar", conselho[0])


def _gravar_observando(ct, dados):
    """Grava e devolve (comandos de transação da conexão, {esquema: mudou?} visto de outra conexão)."""
    observador = ct.base.paralela()
    try:
        def versoes():
            return {e: observador.conexao.execute(f"PRAGMA {e}.data_version").fetchone()[0]
                    for e in ("main", "sigilo")}
        antes = versoes()
        comandos = []
        ct.base.conexao.set_trace_callback(comandos.append)
        try:
            atendimentos.registrar_atendimento(ct, dados)
        finally:
            ct.base.conexao.set_trace_callback(None)
        depois = versoes()
    finally:
        observador.fechar()
    transacao = [c for c in comandos if c.split()[0].upper() in ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT",
                                                                 "RELEASE")
                 and "sqlite_utils_query" not in c]
    return transacao, {e: depois[e] != antes[e] for e in antes}


def test_gravar_um_caso_e_uma_transacao_so_no_arquivo_sigiloso(ct):
    atendimentos.registrar_atendimento(ct, _caso(0))  # o primeiro do ano (e os caches) fora da medida
    transacao, mudou = _gravar_observando(ct, _caso(1))
    assert transacao == ["BEGIN IMMEDIATE", "COMMIT"]
    assert mudou == {"main": False, "sigilo": True}


def test_numa_replica_o_caso_tambem_so_toca_o_arquivo_sigiloso(sessao_admin, ct):
    replicas.iniciar(sessao_admin, "Sede")
    atendimentos.registrar_atendimento(ct, _caso(0))
    transacao, mudou = _gravar_observando(ct, _caso(1))
    assert transacao == ["BEGIN IMMEDIATE", "COMMIT"]
    assert mudou == {"main": False, "sigilo": True}


def test_numa_replica_o_relogio_segue_pelo_sigilo_e_volta_a_base_geral(sessao_admin, ct):
    """O relógio (HLC) de uma transação só do sigilo fica na alteração gravada lá; a próxima alteração
    desta réplica na base geral vem depois dela (o relógio nunca volta)."""
    from desktop.store import sync_registro

    replicas.iniciar(sessao_admin, "Sede")
    atendimentos.registrar_atendimento(ct, _caso(0))
    db = ct.base.db
    ultima_sigilo = db.execute("SELECT max(hlc) FROM sigilo.sync_alteracoes").fetchone()[0]
    assert ultima_sigilo > db.execute("SELECT hlc FROM main.sync_local").fetchone()[0]
    assert sync_registro.local(db)[1] == ultima_sigilo
    with ct.mudanca(None) as m:
        m.inserir("configuracoes", {"chave": "teste-relogio", "valor": "1"}, pk="chave")
    geral = db.execute("SELECT hlc FROM main.sync_alteracoes WHERE registro_id = 'teste-relogio'").fetchone()[0]
    assert geral > ultima_sigilo
    assert db.execute("SELECT hlc FROM main.sync_local").fetchone()[0] == geral
