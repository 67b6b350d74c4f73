"""Toda leitura de conteúdo do Conselho vai ao diário: caso aberto, lista e busca, painel, documento do
caso, estatísticas e relatório trimestral, CSV do SIPIA e rascunho do plantão."""
import json
from datetime import datetime

import pytest

from desktop.services.conselho import atendimentos, decisoes, documentos, rascunhos, relatorio
from desktop.store import diario

from .test_atendimentos import caso


def _leituras(db) -> list[dict]:
    saida = []
    for esquema in diario.esquemas(db):
        for (depois,) in db.execute(
                f"SELECT depois FROM {esquema}.diario WHERE tabela = 'conselho_atendimentos' AND acao = 'evento'"):
            saida.append(json.loads(depois)["leitura"])
    return saida


@pytest.fixture
def ct(conselho, entrar):
    return entrar("ct1", "conselheiro_tutelar", conselho[0])


@pytest.mark.parametrize("ler, acao", [
    (lambda s, a: atendimentos.obter_atendimento(s, a["id"]), "abrir"),
    (lambda s, a: atendimentos.listar_atendimentos(s, busca="Conceição"), "listar"),
    (lambda s, a: decisoes.painel_prazos(s, datetime(2026, 3, 9, 19, 0)), "painel_prazos"),
    (lambda s, a: documentos.emitir_notificacao(s, a["id"], "Josefa da Conceição", datetime(2026, 3, 20, 9, 0)),
     "emitir"),
    (lambda s, a: relatorio.estatisticas(s, 2026, 1), "estatisticas"),
    (lambda s, a: relatorio.emitir_relatorio_trimestral(s, 2026, 1), "estatisticas"),
    (lambda s, a: relatorio.csv_sipia(s, 2026, 1), "csv_sipia"),
])
def test_cada_leitura_entra_no_diario(ct, ler, acao):
    a = atendimentos.registrar_atendimento(ct, caso())
    antes = len(_leituras(ct.db))
    ler(ct, a)
    novas = _leituras(ct.db)[antes:]
    assert [l["acao"] for l in novas] == [acao]


def test_restaurar_o_rascunho_entra_no_diario(ct):
    rascunhos.salvar_rascunho(ct, {"relato": "Rascunho com nome de criança"})
    antes = len(_leituras(ct.db))
    assert rascunhos.restaurar_rascunho(ct)["relato"] == "Rascunho com nome de criança"
    assert [l["acao"] for l in _leituras(ct.db)[antes:]] == ["restaurar_rascunho"]


def test_busca_da_tela_devolve_a_pagina_e_a_leitura_chega_ao_diario_pela_thread_de_gravacoes(
        ct, sessao_admin):
    """A busca da tela (``diario_depois``) não espera o fsync do diário (issue 16): a página volta já e
    a leitura é gravada pela thread de gravações da sessão, na corrente do diário sigiloso; fechar a
    sessão espera o que ainda estava na fila."""
    import threading

    from desktop.services import acesso
    from desktop.services.sessao import liberar_thread

    from .conftest import SENHA

    a = atendimentos.registrar_atendimento(ct, caso())
    antes = len(_leituras(ct.db))
    caixa = {}

    def na_thread():  # como a tela: numa tarefa em segundo plano
        try:
            caixa["linhas"] = atendimentos.listar_atendimentos(ct, busca="Conceição", diario_depois=True)
        finally:
            liberar_thread()

    t = threading.Thread(target=na_thread)
    t.start()
    t.join()
    assert [l["id"] for l in caixa["linhas"]] == [a["id"]]
    ct.aguardar_gravacoes()
    [leitura] = _leituras(ct.db)[antes:]
    assert leitura["acao"] == "listar" and leitura["busca"] == "Conceição" and leitura["resultados"] == 1
    assert diario.verificar(ct.db, esquema="sigilo").ok

    for _ in range(5):  # várias na fila; fechar espera todas antes de fechar a base
        atendimentos.listar_atendimentos(ct, busca="Josefa", diario_depois=True)
    ct.fechar()
    outra = acesso.outra_sessao(sessao_admin, "ct1", SENHA)
    try:
        assert [l["busca"] for l in _leituras(outra.db)[antes + 1:]] == ["Josefa"] * 5
        assert diario.verificar(outra.db, esquema="sigilo").ok
    finally:
        outra.fechar()
