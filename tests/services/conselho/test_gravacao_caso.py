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


def _cabecas(db) -> dict[str, dict]:
    saida = {}
    for e in ("main", "sigilo"):
        linha = db.execute(f"SELECT seq, hash FROM {e}.diario ORDER BY seq DESC LIMIT 1").fetchone()
        if linha:
            saida[e] = {"seq": linha[0], "hash": linha[1]}
    return saida


def _ancoras(ct) -> dict[str, dict]:
    from desktop.store import ancoras
    from desktop.store.chaves import ArquivoChaves

    assert ancoras.aguardar()
    return {e: {"seq": a["seq"], "hash": a["hash"]}
            for e, a in ancoras.ler(ArquivoChaves.caminho_para(ct.base.caminho)).items()}


def test_a_ancora_segue_a_cabeca_de_cada_diario_gravacao_apos_gravacao(sessao_admin, ct):
    """A âncora vem das linhas que a transação gravou, sem reler a cabeça (issue 16, meta 3): depois de cada
    uma de várias gravações seguidas — casos (diário sigiloso), uma alteração na base geral entre eles, e
    gravações na thread de trabalho, como a tela —, a âncora de cada diário é a cabeça dele (seq e hash),
    e a integridade confere."""
    import threading

    from desktop.services import integridade
    from desktop.services.sessao import liberar_thread

    def na_thread(funcao):
        def alvo():
            try:
                funcao()
            finally:
                liberar_thread()
        t = threading.Thread(target=alvo)
        t.start()
        t.join()

    inicio = _cabecas(ct.db)
    assert "sigilo" not in inicio  # o diário sigiloso começa aqui
    for i in range(6):
        if i % 2:
            na_thread(lambda i=i: atendimentos.registrar_atendimento(ct, _caso(i)))
        else:
            atendimentos.registrar_atendimento(ct, _caso(i))
        if i == 3:
            with ct.mudanca(None) as m:
                m.inserir("configuracoes", {"chave": "ancora-entre-casos", "valor": "1"}, pk="chave")
        assert _ancoras(ct) == _cabecas(ct.db), f"depois da gravação {i + 1}"
    fim = _cabecas(ct.db)
    assert fim["sigilo"]["seq"] == 6 * 4  # o caso, a criança, a família, a violação
    assert fim["main"]["seq"] > inicio["main"]["seq"]
    r = integridade.verificar(sessao_admin)
    assert r.ok, r.mensagem()


def test_mudanca_aninhada_que_volta_atras_nao_vai_para_a_ancora(ct):
    """Um savepoint (mudança aninhada) que volta atrás leva as suas linhas do diário: a âncora é a última
    linha que ficou — a da transação de fora, gravada depois no mesmo seq, ou a anterior."""
    from desktop.services.sessao import ErroNegocio

    caso = atendimentos.registrar_atendimento(ct, _caso(0))
    antes = _cabecas(ct.db)
    with ct.mudanca(None) as fora:
        fora.inserir("configuracoes", {"chave": "fora-1", "valor": "1"}, pk="chave")
        with pytest.raises(ErroNegocio):
            with ct.mudanca(None) as dentro:
                dentro.inserir("configuracoes", {"chave": "dentro-volta", "valor": "x"}, pk="chave")
                dentro.inserir("conselho_criancas", {"id": "crianca-que-volta", "atendimento_id": caso["id"],
                                                     "nome": "Volta"})
                raise ErroNegocio("desiste")
    assert _ancoras(ct) == _cabecas(ct.db)
    assert _cabecas(ct.db)["main"]["seq"] == antes["main"]["seq"] + 1
    assert _cabecas(ct.db)["sigilo"] == antes["sigilo"]

    with ct.mudanca(None) as fora:
        with ct.mudanca(None) as dentro:  # este confirma: as linhas dele valem
            dentro.inserir("configuracoes", {"chave": "dentro-fica", "valor": "1"}, pk="chave")
        with pytest.raises(ErroNegocio):
            with ct.mudanca(None) as dentro:
                dentro.inserir("configuracoes", {"chave": "dentro-volta-2", "valor": "x"}, pk="chave")
                raise ErroNegocio("desiste")
    assert _ancoras(ct) == _cabecas(ct.db)
    assert _cabecas(ct.db)["main"]["seq"] == antes["main"]["seq"] + 2


@pytest.mark.parametrize("com_decisao", [False, True])
def test_o_caso_devolvido_e_o_indice_sao_os_de_uma_leitura_completa(ct, com_decisao):
    """A gravação devolve o caso sem consultar as filhas que um caso novo não tem, e grava a linha de busca
    sem reler o caso (issue 16, meta 3): o devolvido é o que ``completo`` lê depois, e a linha de busca é a
    que ``indexar`` refaz."""
    from desktop.store.conselho import atendimentos as armazem

    from .test_atendimentos import caso

    dados = caso() if com_decisao else caso(medidas=[], decisao=None)
    dados["familiares"].append({"nome": "Joaquim da Conceição", "vinculo": "pai"})
    devolvido = atendimentos.registrar_atendimento(ct, dados)
    assert devolvido == armazem.completo(ct.db, devolvido["id"])
    assert len(devolvido["medidas"]) == (2 if com_decisao else 0)

    def linha_de_busca():
        return ct.db.execute("SELECT rowid, nomes, bairro FROM conselho_busca WHERE rowid = ?",
                             [devolvido["busca_rowid"]]).fetchall()
    gravada = linha_de_busca()
    assert gravada == [(devolvido["busca_rowid"], "Maria José da Conceição Pedro Henrique da Conceição "
                        "Josefa da Conceição Joaquim da Conceição", "São João")]
    with ct.base.transacao() as db:
        armazem.indexar(db, devolvido["id"])
    assert linha_de_busca() == gravada
