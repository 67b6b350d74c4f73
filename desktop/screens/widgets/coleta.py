"""Coletor de lixo e trabalho em segundo plano: nenhuma coleta longa enquanto o trabalho roda.

Uma coleta completa do Python (geração 2) percorre os objetos do processo segurando o GIL; com
milhares de servidores carregados ela leva 100-500 ms e, disparada pela thread de um trabalho
pesado (prévia, fechamento, lote de PDFs), trava a interface esse tempo todo (issue 16).

``durante_trabalho`` envolve cada trabalho em segundo plano: antes, os objetos que já vivem (módulos,
telas, dados carregados) passam para a geração permanente (``gc.freeze``) e a coleta automática é
suspensa; ao fim do último trabalho em andamento, ela volta e as gerações jovens (o que o trabalho
criou e ainda vive) são coletadas ali mesmo, fora da thread da interface. Custo: um ciclo de
referências criado durante o trabalho só é recolhido no fim dele, e um ciclo que já era lixo antes
do congelamento e sobreviveu às coletas jovens não é mais recolhido — pouca memória, trocada por
uma janela que não trava.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

_trava = threading.Lock()
_em_andamento = 0


@contextmanager
def durante_trabalho():
    global _em_andamento
    with _trava:
        if _em_andamento == 0:
            gc.collect(1)  # gerações jovens: rápido; o lixo recente não fica congelado
            gc.freeze()
            gc.disable()
        _em_andamento += 1
    try:
        yield
    finally:
        with _trava:
            _em_andamento -= 1
            ultimo = _em_andamento == 0
            if ultimo:
                gc.enable()
        if ultimo:
            gc.collect(1)
