"""Coletor de lixo e trabalho em segundo plano: nenhuma coleta longa enquanto o trabalho roda.

Uma coleta completa do Python (geração 2) percorre os objetos do processo segurando o GIL; com
milhares de servidores carregados ela leva 100-500 ms e, disparada pela thread de um trabalho
pesado (prévia, fechamento, lote de PDFs), trava a interface esse tempo todo (issue 16).

``vigiar`` roda na thread da interface ao iniciar um trabalho: se nenhum outro está em andamento,
coleta as gerações jovens, passa os objetos que já vivem (módulos, telas, dados carregados) para a
geração permanente (``gc.freeze``) e suspende a coleta automática; ``durante_trabalho`` envolve o
trabalho na thread dele; ao fim do último, ``religar`` (na thread da interface, quando a tarefa ou a
leitura termina, ou no tique seguinte) coleta o lixo jovem, congela o que ficou vivo (o resultado) e
religa a coleta. Enquanto há trabalho, a thread da
interface coleta as gerações jovens a cada ``INTERVALO_MS``: só o que foi criado desde o tique
anterior (poucos ms). Antes, todo o lixo do trabalho ficava para uma coleta só no fim, na thread do
trabalho — no lote de 3.000 contracheques, 97 mil objetos e 139 ms de GIL de uma vez —, e a memória
crescia até lá. Coletar ou congelar só na thread da interface: deixar as coletas jovens automáticas
ligadas (disparadas na thread do trabalho), ou congelar lá com uma coleta em curso aqui, derrubou o
processo nos testes da entrada (o PySide solta o GIL no meio de uma coleta).
Custo: um ciclo que já era lixo antes do congelamento e sobreviveu às coletas jovens não é mais
recolhido — pouca memória, trocada por uma janela que não trava.
"""
from __future__ import annotations

import gc
import threading
import time
from contextlib import contextmanager

_trava = threading.Lock()
_em_andamento = 0
_timer = None
_vigiar_ate = 0.0
_vigiando = False  # o timer da thread da interface está ligado: é ela que religa a coleta
_coletando = 0  # coletas em curso noutra thread (gc.callbacks): congelar no meio de uma derruba o processo

INTERVALO_MS = 100
"""De quanto em quanto tempo a thread da interface coleta o lixo jovem enquanto há trabalho."""


def _on_coleta(fase: str, _info: dict) -> None:
    global _coletando
    _coletando += 1 if fase == "start" else -1


gc.callbacks.append(_on_coleta)


@contextmanager
def durante_trabalho():
    """Na thread do trabalho: a coleta automática fica desligada enquanto houver trabalho. Só liga e
    desliga (uma marca): coletar ou congelar aqui, com uma coleta em curso na thread da interface
    (um destrutor do PySide solta o GIL no meio dela), derruba o processo."""
    global _em_andamento
    with _trava:
        _em_andamento += 1
        gc.disable()
    try:
        yield
    finally:
        with _trava:
            _em_andamento -= 1
            if _em_andamento == 0 and not _vigiando:
                gc.enable()  # sem a thread da interface vigiando (fora do Qt): religa aqui mesmo
    # Com a vigia, quem religa é a thread da interface (``religar``, no fim da tarefa ou no próximo tique):
    # religada aqui, a primeira alocação desta thread depois disso podia disparar uma coleta completa
    # sobre tudo o que o trabalho deixou vivo — 440 ms de GIL numa leitura depois do fechamento da folha
    # (benchmarks/travamentos.py --culpados, issue 16).


def religar() -> None:
    """Na thread da interface, quando um trabalho termina: se nenhum outro está em andamento, coleta o lixo
    jovem, congela o que ficou vivo (o resultado do trabalho: as coletas completas seguintes não o
    percorrem de novo) e religa a coleta automática."""
    with _trava:
        if _em_andamento or gc.isenabled():
            return
        gc.collect(1)
        if not _coletando:
            gc.freeze()
        gc.enable()


def vigiar() -> None:
    """Na thread da interface, ao iniciar um trabalho: coleta o lixo jovem e congela o que vive (se
    nenhum trabalho está em andamento) e, enquanto houver trabalho, coleta o lixo jovem aos poucos
    (fora da thread da interface, não faz nada)."""
    global _timer, _vigiar_ate, _vigiando
    from PySide6.QtCore import QCoreApplication, QThread, QTimer

    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return
    with _trava:
        if _em_andamento == 0 and gc.isenabled():
            gc.collect(1)  # gerações jovens: rápido; o lixo recente não fica congelado
            if not _coletando:
                gc.freeze()
            gc.disable()  # até o trabalho começar (e então até o último terminar)
    _vigiar_ate = time.monotonic() + 2 * INTERVALO_MS / 1000  # o trabalho pode ainda não ter começado
    if _timer is None:
        _timer = QTimer()
        _timer.setInterval(INTERVALO_MS)
        _timer.timeout.connect(_on_tique)
    with _trava:
        _vigiando = True
    if not _timer.isActive():
        _timer.start()


def _on_tique() -> None:
    global _vigiando
    gc.collect(1)
    if _em_andamento == 0 and time.monotonic() > _vigiar_ate:
        _timer.stop()
        religar()  # um trabalho pedido que não chegou a começar não deixa a coleta desligada
        with _trava:
            _vigiando = _em_andamento > 0 or not gc.isenabled()
        if _vigiando:
            _timer.start()  # um trabalho começou entre a conferência e a parada
