"""Uma tarefa em segundo plano usa a sua própria conexão: a tela continua lendo e gravando ao mesmo
tempo sem misturar transações, e o diário continua uma corrente só."""
import threading

from desktop.services import acesso, copias
from desktop.services.sessao import MAX_OCIOSAS, liberar_thread
from desktop.store import diario


def test_tarefa_em_outra_thread_nao_mistura_transacoes_com_a_tela(sessao_admin):
    erros: list[BaseException] = []
    feitas = []

    def trabalho():
        try:
            for i in range(15):
                with sessao_admin.mudanca(None) as m:
                    m.registrar("sessoes", f"fundo-{i}", "evento", depois={"i": i})
            feitas.append(copias.fazer_copia(sessao_admin))
            assert sessao_admin.base is not sessao_admin._base  # conexão paralela
        except BaseException as e:  # noqa: BLE001 — o teste relata qualquer falha da thread
            erros.append(e)
        finally:
            liberar_thread()

    t = threading.Thread(target=trabalho)
    t.start()
    for i in range(15):  # a "tela", na thread principal, lê e grava enquanto isso
        acesso.listar_usuarios(sessao_admin)
        acesso.criar_usuario(sessao_admin, login=f"u{i}", nome=f"Usuário {i}", papel="consulta",
                             senha="provisoria1")
    t.join(60)
    assert not t.is_alive() and erros == []
    assert feitas and feitas[0].copia.exists()
    [(paralela, dona)] = sessao_admin._paralelas.items()
    assert dona is None and not paralela.fechada  # liberar_thread: livre para a próxima tarefa
    n = sessao_admin.db.execute("SELECT count(*) FROM diario WHERE registro_id LIKE 'fundo-%'").fetchone()[0]
    assert n == 15
    assert len(acesso.listar_usuarios(sessao_admin)) == 16
    assert diario.verificar(sessao_admin.db).ok


def test_proxima_tarefa_reaproveita_a_conexao_livre_e_fechar_a_fecha(instalacao):
    """A busca em segundo plano não reabre (e redecifra) a base a cada vez: a tarefa seguinte usa a
    conexão livre da anterior; duas tarefas ao mesmo tempo nunca dividem uma conexão."""
    caminho, _ = instalacao
    sessao = acesso.entrar(caminho, "admin", "senha-do-admin")
    usadas, juntas, barreira = [], [], threading.Barrier(2)

    def tarefa(destino, esperar=False):
        try:
            destino.append(sessao.base)
            acesso.listar_usuarios(sessao)
            if esperar:
                barreira.wait(10)
        finally:
            liberar_thread()

    for _ in range(3):
        t = threading.Thread(target=tarefa, args=(usadas,))
        t.start()
        t.join(30)
    assert len({id(b) for b in usadas}) == 1 and not usadas[0].fechada
    ts = [threading.Thread(target=tarefa, args=(juntas, True)) for _ in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(30)
    assert juntas[0] is not juntas[1]
    assert sum(1 for d in sessao._paralelas.values() if d is None) == len(sessao._paralelas) <= MAX_OCIOSAS
    livres = list(sessao._paralelas)
    sessao.fechar()
    assert all(b.fechada for b in livres)


def test_fechar_a_sessao_nao_fecha_a_conexao_de_uma_tarefa_em_andamento(instalacao):
    """Fechar uma conexão no meio da consulta de outra thread derruba o processo; a tarefa fecha a sua."""
    caminho, _ = instalacao
    sessao = acesso.entrar(caminho, "admin", "senha-do-admin")
    pronta, terminar = threading.Event(), threading.Event()
    conexoes = []

    def tarefa():
        try:
            conexoes.append(sessao.base)
            sessao.db.execute("SELECT count(*) FROM diario").fetchone()
            pronta.set()
            terminar.wait(10)
            assert sessao.db.execute("SELECT count(*) FROM usuarios").fetchone()[0] == 1  # ainda aberta
        finally:
            liberar_thread()

    t = threading.Thread(target=tarefa)
    t.start()
    assert pronta.wait(10)
    sessao.fechar()  # a tela saiu enquanto a tarefa ainda trabalha
    assert not conexoes[0].fechada
    terminar.set()
    t.join(10)
    assert conexoes[0].fechada  # liberar_thread fechou ao fim da tarefa


def test_thread_que_pede_a_base_depois_de_fechar_a_sessao_e_recusada(instalacao):
    """Como atacaria uma tarefa atrasada: depois de ``fechar`` (sair, trocar de usuário), nenhuma thread
    abre a base em nome da sessão — nem as que disputam com o fechamento. A recusa é uma
    ``SessaoEncerrada`` (mensagem para o usuário), nunca um defeito, e nenhuma conexão nova fica aberta."""
    from desktop.services.sessao import SessaoEncerrada

    caminho, _ = instalacao
    sessao = acesso.entrar(caminho, "admin", "senha-do-admin")
    largada = threading.Barrier(9)
    resultados: list[object] = []

    def tarefa():
        try:
            largada.wait(10)
            resultados.append(len(acesso.listar_usuarios(sessao)))
        except BaseException as e:  # noqa: BLE001 — o teste classifica o que a thread recebeu
            resultados.append(e)
        finally:
            liberar_thread()

    threads = [threading.Thread(target=tarefa) for _ in range(8)]
    for t in threads:
        t.start()
    largada.wait(10)
    sessao.fechar()  # enquanto as oito disputam a conexão
    for t in threads:
        t.join(30)
    assert len(resultados) == 8
    assert all(r == 1 or isinstance(r, SessaoEncerrada) for r in resultados), resultados
    assert sessao._paralelas == {}  # tudo devolvido e fechado
    depois = []
    t = threading.Thread(target=lambda: (depois.append(_pedir(sessao)), liberar_thread()))
    t.start()
    t.join(10)
    assert isinstance(depois[0], SessaoEncerrada)
    assert sessao._base.chave is None


def _pedir(sessao):
    try:
        return sessao.base
    except BaseException as e:  # noqa: BLE001
        return e
