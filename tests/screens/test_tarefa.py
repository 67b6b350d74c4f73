"""Tarefa em segundo plano: o andamento chega à interface com folga (não um sinal por item) e o
último aviso e o cancelamento nunca se perdem (issue 16)."""
import threading

from desktop.screens.widgets import tarefa as modulo_tarefa
from desktop.screens.widgets.tarefa import Cancelado, executar

ITENS = 20000


def _muitos_avisos(progresso):
    for n in range(1, ITENS + 1):
        progresso.informar(n, ITENS, f"Item {n} de {ITENS}")
    return "pronto"


def test_andamento_limitado_e_ultimo_aviso_entregue(qtbot):
    t = executar(None, "Trabalhando…", _muitos_avisos)
    recebidos = []
    t.progresso.sig_andamento.connect(lambda f, tot, texto: recebidos.append((f, tot, texto)))
    with qtbot.waitSignal(t.sig_concluida, timeout=30000) as sinal:
        pass
    assert sinal.args == ["pronto"]
    qtbot.waitUntil(lambda: recebidos and recebidos[-1][0] == ITENS, timeout=5000)
    assert recebidos[-1] == (ITENS, ITENS, f"Item {ITENS} de {ITENS}")
    # no máximo um aviso a cada 50 ms (mais o primeiro e o último): bem menos que um por item
    assert len(recebidos) < ITENS / 20
    assert [f for f, *_ in recebidos] == sorted(f for f, *_ in recebidos)


def test_cancelar_vale_mesmo_entre_avisos_nao_emitidos(qtbot, monkeypatch):
    monkeypatch.setattr(modulo_tarefa, "INTERVALO_ANDAMENTO", 3600)  # só o primeiro aviso é emitido
    comecou, vistos = threading.Event(), []

    def trabalho(progresso):
        for n in range(1, 10**7):
            progresso.informar(n, 10**7)
            vistos.append(n)
            comecou.set()
        return "não devia terminar"

    t = executar(None, "Trabalhando…", trabalho)
    qtbot.waitUntil(comecou.is_set, timeout=10000)
    with qtbot.waitSignal(t.sig_cancelada, timeout=10000):
        t.dialogo.canceled.emit()  # o botão Cancelar do diálogo
    assert isinstance(t.erro, Cancelado) and t.resultado is None and len(vistos) < 10**7 - 1


def test_sem_coleta_automatica_durante_o_trabalho_e_de_volta_no_fim(qtbot):
    """Uma coleta completa do coletor de lixo, disparada na thread do trabalho, seguraria o GIL e
    travaria a interface: durante o trabalho ela fica suspensa; no fim, volta."""
    import gc

    assert gc.isenabled()
    t = executar(None, "Trabalhando…", lambda _p: gc.isenabled())
    with qtbot.waitSignal(t.sig_concluida, timeout=30000) as sinal:
        pass
    assert sinal.args == [False] and gc.isenabled()
    t = executar(None, "Falhando…", lambda _p: 1 / 0)
    with qtbot.waitSignal(t.sig_falhou, timeout=30000):
        pass
    assert gc.isenabled()


def test_lixo_do_trabalho_e_coletado_aos_poucos_na_thread_da_interface(qtbot):
    """Com a coleta automática suspensa, o lixo do trabalho ficava todo para uma coleta só no fim, na
    thread do trabalho (no lote de 3.000 contracheques, 97 mil objetos e 139 ms de GIL de uma vez —
    issue 16). Agora a thread da interface coleta o lixo jovem a cada tique enquanto o trabalho roda:
    um ciclo largado pelo trabalho some durante ele, e nenhuma coleta roda na thread do trabalho."""
    import gc
    import threading
    import time
    import weakref

    coletas_no_trabalho = []

    def anotar(fase, _info):
        if fase == "start" and threading.current_thread() is not threading.main_thread():
            coletas_no_trabalho.append(threading.current_thread().name)

    class No:
        pass

    def trabalho(_p):
        a, b = No(), No()
        a.outro, b.outro = b, a  # um ciclo que só o coletor recolhe
        ref = weakref.ref(a)
        del a, b
        limite = time.monotonic() + 5
        while ref() is not None and time.monotonic() < limite:
            time.sleep(0.02)
        return ref() is None

    gc.callbacks.append(anotar)
    try:
        t = executar(None, "Trabalhando…", trabalho)
        with qtbot.waitSignal(t.sig_concluida, timeout=30000) as sinal:
            pass
    finally:
        gc.callbacks.remove(anotar)
    assert sinal.args == [True]
    assert coletas_no_trabalho == []  # coletar fora da thread da interface pode derrubar o PySide


def test_resultado_do_trabalho_congelado_e_coleta_religada_na_interface(qtbot):
    """A coleta automática volta na thread da interface, que congela o que o trabalho deixou vivo: religada
    na thread do trabalho, a primeira alocação dela disparava uma coleta completa sobre os resultados
    (440 ms de GIL depois do fechamento da folha com 3.000 servidores — issue 16)."""
    import gc

    t = executar(None, "Trabalhando…", lambda _p: [[i] for i in range(1000)])
    with qtbot.waitSignal(t.sig_concluida, timeout=30000) as sinal:
        pass
    assert gc.isenabled()
    resultado = sinal.args[0]
    rastreados = {id(o) for o in gc.get_objects()}  # as gerações 0-2: o que uma coleta completa percorre
    assert id(resultado) not in rastreados and id(resultado[500]) not in rastreados
    assert gc.get_freeze_count() > 0
