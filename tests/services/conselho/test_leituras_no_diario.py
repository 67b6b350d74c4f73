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


def test_o_lote_do_diario_e_gravado_pela_conexao_da_busca_que_a_busca_seguinte_reusa(ct):
    """O lote do diário de leitura vai ao arquivo sigiloso pela conexão em que a busca leu (a livre devolvida por
    último), e a busca seguinte volta a ela: uma transação gravada por outra conexão faz esta descartar todas as
    páginas do sigilo já decifradas (a busca seguinte lia tudo de novo, ~4-6 ms a mais; issue 16, meta 3); as
    gravadas por ela mesma não. Antes, a thread de gravações ficava com uma conexão sua. Nada do diário se perde:
    cada busca está lá, na corrente sigilosa."""
    import threading

    from desktop.services.sessao import liberar_thread

    atendimentos.registrar_atendimento(ct, caso())
    antes = len(_leituras(ct.db))
    usadas, gravadas = [], []

    def buscar(texto):
        def na_thread():  # como a tela: uma leitura em segundo plano, que devolve a conexão no fim
            try:
                usadas.append(ct.base)
                atendimentos.listar_atendimentos(ct, busca=texto, diario_depois=True)
                ct.depois(lambda: gravadas.append(ct.base))  # na transação do lote, com as leituras
            finally:
                liberar_thread()
        t = threading.Thread(target=na_thread)
        t.start()
        t.join(30)
        ct.aguardar_gravacoes()

    for texto in ("Conceição", "Josefa", "Maria"):
        buscar(texto)
    assert len({id(b) for b in usadas + gravadas}) == 1  # uma conexão só: a da busca grava o lote e volta a ela
    assert not usadas[0].fechada and ct._paralelas == {usadas[0]: None}  # e, entre um e outro, está livre
    assert [l["busca"] for l in _leituras(ct.db)[antes:]] == ["Conceição", "Josefa", "Maria"]
    assert diario.verificar(ct.db, esquema="sigilo").ok


def test_conexao_livre_mais_recente_e_a_proxima_e_a_mais_antiga_e_a_fechada(ct):
    """Com mais conexões livres que ``MAX_OCIOSAS``, fecha-se a que está livre há mais tempo (não a que acabou de
    trabalhar, com o cache quente); a próxima tarefa recebe a devolvida por último."""
    import threading

    from desktop.services.sessao import MAX_OCIOSAS, liberar_thread

    n = MAX_OCIOSAS + 1
    usadas, barreira = [], threading.Barrier(n)
    devolvida = [threading.Event() for _ in range(n)]

    def tarefa(i):
        try:
            usadas.append((i, ct.base))
            ct.base.db.execute("SELECT count(*) FROM sigilo.conselho_atendimentos").fetchone()
            barreira.wait(10)  # todas com a sua conexão ao mesmo tempo
            if i:
                devolvida[i - 1].wait(10)  # devolvem na ordem 0, 1, 2...
        finally:
            liberar_thread()
            devolvida[i].set()

    ts = [threading.Thread(target=tarefa, args=(i,)) for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(30)
    por_ordem = [b for _, b in sorted(usadas, key=lambda x: x[0])]
    assert por_ordem[0].fechada and not any(b.fechada for b in por_ordem[1:])
    assert list(ct._paralelas) == por_ordem[1:] and all(d is None for d in ct._paralelas.values())
    proxima = []
    t = threading.Thread(target=lambda: (proxima.append(ct.base), liberar_thread()))
    t.start()
    t.join(30)
    assert proxima == [por_ordem[-1]]
