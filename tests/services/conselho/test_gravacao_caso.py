"""Gravar um caso (issue 16, meta 3): uma transação só, confirmada só no arquivo sigiloso — um commit, um
fsync do -wal do sigilo; a base geral não é tocada."""
from datetime import datetime

import pytest

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
