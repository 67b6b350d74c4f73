"""Leituras em segundo plano (widgets.leitura): threads de trabalho que ficam, reaproveitadas de uma leitura
para a outra — iniciar uma thread nova a cada leitura punha ~1-4 ms no caminho do Enter à lista da busca
(issue 16, meta 3) —, sem que uma leitura longa faça outra esperar, e sem thread ociosa segurando a base."""
import gc
import threading

from PySide6.QtWidgets import QWidget

from desktop.screens.widgets import leitura


def _dono(qtbot) -> QWidget:
    dono = QWidget()
    qtbot.addWidget(dono)
    return dono


def _esperar(qtbot) -> None:
    qtbot.waitUntil(lambda: leitura.em_andamento() == 0, timeout=10000)


def test_a_mesma_thread_atende_leituras_seguidas(qtbot):
    """Duas leituras, uma depois da outra: a segunda roda na thread da primeira (uma marca numa variável local
    da thread ainda está lá) — antes, cada leitura iniciava um QThread novo."""
    dono = _dono(qtbot)
    _esperar(qtbot)
    marca = threading.local()
    vistos = []

    def primeira():
        marca.vista = True
        return threading.get_ident()

    def segunda():
        return getattr(marca, "vista", False), threading.get_ident()

    leitura.ler(dono, primeira, vistos.append)
    qtbot.waitUntil(lambda: len(vistos) == 1, timeout=10000)
    _esperar(qtbot)
    leitura.ler(dono, segunda, vistos.append)
    qtbot.waitUntil(lambda: len(vistos) == 2, timeout=10000)
    _esperar(qtbot)
    assert vistos[1] == (True, vistos[0])
    assert vistos[0] != threading.get_ident()  # fora da thread da interface


def test_leituras_longas_nao_atrasam_a_curta(qtbot):
    """Mais leituras longas presas (o relatório) do que threads ociosas guardadas: uma leitura curta pedida
    depois responde sem esperar nenhuma delas (nada fica na fila atrás de uma leitura longa)."""
    dono = _dono(qtbot)
    _esperar(qtbot)
    soltar = threading.Event()
    longas, curtas = [], []
    for i in range(leitura.MAX_OCIOSAS + 2):
        leitura.ler(dono, lambda i=i: (soltar.wait(10), i)[1], longas.append)
    leitura.ler(dono, lambda: "curta", curtas.append)
    try:
        qtbot.waitUntil(lambda: curtas == ["curta"], timeout=5000)
        assert longas == []  # as longas ainda esperam
    finally:
        soltar.set()
    qtbot.waitUntil(lambda: sorted(longas) == list(range(leitura.MAX_OCIOSAS + 2)), timeout=10000)
    _esperar(qtbot)
    assert leitura.threads_ociosas() <= leitura.MAX_OCIOSAS  # as que sobraram saíram


def test_resultado_sem_dono_e_sessao_encerrada_descartados_e_falha_entregue(qtbot):
    """O contrato de sempre, com as threads reaproveitadas: o dono destruído não recebe nada; a SessaoEncerrada
    some calada; outra falha vai ao ``ao_falhar``; e a coleta automática volta ligada no fim."""
    from desktop.services.sessao import ErroNegocio, SessaoEncerrada

    _esperar(qtbot)
    soltar = threading.Event()
    recebidos, falhas = [], []
    morto = QWidget()
    leitura.ler(morto, lambda: (soltar.wait(10), "tarde")[1], recebidos.append, falhas.append)
    morto.deleteLater()
    qtbot.waitUntil(lambda: not _vivo(morto), timeout=5000)
    soltar.set()
    dono = _dono(qtbot)

    def encerrada():
        raise SessaoEncerrada("A sessão foi encerrada.")

    def recusada():
        raise ErroNegocio("recusada")

    leitura.ler(dono, encerrada, recebidos.append, falhas.append)
    leitura.ler(dono, recusada, recebidos.append, falhas.append)
    qtbot.waitUntil(lambda: len(falhas) == 1, timeout=10000)
    _esperar(qtbot)
    qtbot.wait(10)
    assert recebidos == [] and [str(e) for e in falhas] == ["recusada"]
    assert gc.isenabled()


def _vivo(obj) -> bool:
    from shiboken6 import isValid

    return isValid(obj)


def test_thread_ociosa_nao_segura_a_conexao_da_sessao(qtbot, sessao_admin):
    """Terminada a leitura, a conexão paralela volta à sessão (livre) antes de a resposta chegar à interface;
    ao fechar a sessão, nenhuma conexão fica aberta por uma thread de trabalho que continua viva."""
    from desktop.services import acesso

    dono = _dono(qtbot)
    _esperar(qtbot)
    livres_na_resposta = []

    def _on_lidos(_usuarios):
        livres_na_resposta.append([t for t in sessao_admin._paralelas.values()])

    leitura.ler(dono, lambda: acesso.listar_usuarios(sessao_admin), _on_lidos)
    qtbot.waitUntil(lambda: bool(livres_na_resposta), timeout=10000)
    _esperar(qtbot)
    assert livres_na_resposta[0] and all(t is None for t in livres_na_resposta[0])
    paralelas = list(sessao_admin._paralelas)
    sessao_admin.fechar()
    assert sessao_admin._paralelas == {} and all(b.fechada for b in paralelas)
    assert leitura.threads_ociosas() >= 1  # a thread ficou, sem conexão
