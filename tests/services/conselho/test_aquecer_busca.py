"""A preparação da busca (``aquecer_busca``): lê as páginas da busca na conexão de trabalho, que a sessão dá à busca
seguinte antes das outras; não devolve conteúdo nem vai ao diário; só quem lê os casos a faz."""
import threading
from datetime import datetime

import pytest

from desktop.rules.papeis import Papel
from desktop.services.conselho import atendimentos
from desktop.services.sessao import MAX_OCIOSAS, SemPermissao, liberar_thread
from desktop.store.conselho import atendimentos as armazem
from tests.apoio_threads import numa_thread


@pytest.fixture
def conselheira(conselho, entrar):
    return entrar("ct1", Papel.CONSELHEIRO_TUTELAR, conselho[0])


def _caso(conselheira, nome, dia):
    return atendimentos.registrar_atendimento(conselheira, {
        "tipo": "denuncia", "recebido_em": datetime(2025, 1, dia, 8, 0), "bairro": "Centro",
        "criancas": [{"nome": nome}]})


def _leituras(sessao) -> int:
    sessao.aguardar_gravacoes()
    return sessao.db.execute("SELECT count(*) FROM sigilo.diario WHERE acao = 'evento'").fetchone()[0]


def test_a_conexao_aquecida_e_a_da_busca_seguinte(conselheira):
    _caso(conselheira, "Lia Souza", 2)
    leituras = _leituras(conselheira)

    def aquecer():
        kib = atendimentos.aquecer_busca(conselheira)
        base = conselheira.base
        return kib, base, int(base.conexao.execute("PRAGMA sigilo.cache_size").fetchone()[0])

    kib, aquecida, cache = numa_thread(aquecer)
    assert isinstance(kib, int) and kib >= armazem.CACHE_DA_BUSCA_KIB // 64  # só o tamanho do cache: nada de caso
    assert cache == -kib and aquecida.aquecida and not conselheira.base_principal.aquecida
    assert _leituras(conselheira) == leituras  # não leu caso algum para ninguém: nada no diário

    # duas tarefas ao mesmo tempo (a primeira recebe a aquecida, a outra uma conexão nova) e a aquecida volta antes:
    # a devolvida por último é a outra, e a busca seguinte ainda recebe a aquecida
    dentro, sair, usadas, threads = [], [], [], []
    for _ in range(2):
        dentro.append(threading.Event())
        sair.append(threading.Event())

        def tarefa(d=dentro[-1], s=sair[-1]):
            usadas.append(conselheira.base)
            d.set()
            s.wait(10)
            liberar_thread()

        threads.append(threading.Thread(target=tarefa))
        threads[-1].start()
        dentro[-1].wait(10)
    assert usadas[0] is aquecida and usadas[1] is not aquecida
    for s, t in zip(sair, threads):
        s.set()
        t.join()
    assert list(conselheira._paralelas)[-1] is usadas[1]  # a outra foi devolvida por último

    def buscar():
        linhas = atendimentos.listar_atendimentos(conselheira, busca="lia", limite=51)
        return linhas, conselheira.base

    linhas, usada = numa_thread(buscar)
    assert [l["criancas"] for l in linhas] == ["Lia Souza"] and usada is aquecida


def test_a_aquecida_nao_e_fechada_por_sobra(conselheira):
    numa_thread(lambda: atendimentos.aquecer_busca(conselheira))
    [aquecida] = [b for b in conselheira._paralelas if b.aquecida]
    # MAX_OCIOSAS + 1 tarefas ao mesmo tempo, cada uma numa conexão; a aquecida volta primeiro
    n = MAX_OCIOSAS + 1
    todas_dentro, sair = threading.Barrier(n + 1), [threading.Event() for _ in range(n)]
    usadas = []

    def tarefa(i):
        usadas.append(conselheira.base)
        todas_dentro.wait(10)
        sair[i].wait(10)
        liberar_thread()

    threads = [threading.Thread(target=tarefa, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    todas_dentro.wait(10)
    assert aquecida in usadas
    primeiro = usadas.index(aquecida)
    for i in [primeiro] + [i for i in range(n) if i != primeiro]:  # a aquecida devolvida antes das outras
        sair[i].set()
        threads[i].join()
    livres = [b for b, t in conselheira._paralelas.items() if t is None]
    assert len(livres) == MAX_OCIOSAS and aquecida in livres and not aquecida.fechada


@pytest.mark.parametrize("papel", [Papel.ADMINISTRADOR, Papel.FOLHA_RH])
def test_quem_nao_le_os_casos_nao_aquece(sessao_admin, conselheira, entrar, papel):
    _caso(conselheira, "Lia Souza", 2)
    sessao = sessao_admin if papel == Papel.ADMINISTRADOR else entrar("folha", papel)
    with pytest.raises(SemPermissao):
        numa_thread(lambda: atendimentos.aquecer_busca(sessao))
    assert not any(b.aquecida for b in sessao._paralelas)
