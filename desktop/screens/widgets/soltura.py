"""Soltar dados grandes fora da thread da interface: a memória de milhares de objetos volta aos poucos, noutra thread.

Soltar a última referência a uma prévia da folha de 3.000 servidores (contracheques, rubricas, fichas) desaloca
centenas de milhares de objetos de uma vez — ~16 ms na thread da interface, mais ~10 ms pelas linhas antigas da
tabela, somados ao que a tela faz quando o fechamento chega (issue 16, meta 1). ``soltar(objeto)`` entrega o objeto a
uma thread que copia as listas e dicionários grandes dele (ele mesmo e os seus atributos) e os solta em lotes de
``LOTE``, depois de ``ESPERA``: entre um lote e outro a interface pega o GIL de volta. Só para dados das camadas sem
Qt (``sem_qt``: regras, serviços, base, relatórios — nenhuma importa o PySide6, ``tests/test_camadas.py``): um
objeto do Qt não pode ser destruído fora da thread dele.
"""
from __future__ import annotations

import queue
import threading
import time
from typing import Any, Iterable

from desktop.screens.widgets.coleta import durante_trabalho, vigiar

LOTE = 200
"""Objetos soltos de cada vez (~1 ms de GIL nas linhas da folha); entre um lote e outro a thread dorme 1 ms e solta o
GIL, e a interface não espera por ele mais que um lote."""
ESPERA = 0.2
"""Segundos depois da entrega antes de começar a soltar: a interface termina primeiro o que faz com o que chegou
(montar a tabela, medir, pintar) sem disputar o GIL com esta thread."""
_CAMADAS_SEM_QT = ("desktop.rules.", "desktop.services.", "desktop.store.", "desktop.reports.")

_fila: queue.Queue = queue.Queue()  # esperas em queue/threading (não SimpleQueue, time.sleep): parada em Python
_nunca = threading.Event()  # ``_nunca.wait(s)`` dorme; benchmarks/culpados vê a thread ociosa, não segurando o GIL
_thread: threading.Thread | None = None
_trava = threading.Lock()
_pendentes = 0


def sem_qt(objetos: Iterable[Any]) -> bool:
    """Todos os objetos são de tipos das camadas sem Qt (e podem, portanto, ser soltos noutra thread)."""
    return all(tipo.__module__.startswith(_CAMADAS_SEM_QT) for tipo in {type(o) for o in objetos})


def soltar(objeto: Any) -> None:
    """Solta ``objeto`` noutra thread, aos poucos. Quem chama não guarda outra referência a ele (nem às partes).
    Na thread da interface, como uma leitura: a coleta automática fica desligada enquanto a soltura trabalha e é a
    interface que a religa depois (``coleta.vigiar``) — religada na thread da soltura, uma coleta podia começar lá."""
    global _thread, _pendentes
    vigiar()
    with _trava:
        _pendentes += 1
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_trabalhar, name="paco-soltura", daemon=True)
            _thread.start()
    _fila.put((time.monotonic() + ESPERA, objeto))


def pendentes() -> int:
    """Quantos objetos entregues ainda não foram soltos (para os testes esperarem)."""
    with _trava:
        return _pendentes


def _pedacos(objeto: Any) -> list[list]:
    """Cópias das listas, tuplas e dicionários grandes do objeto e dos atributos dele: com elas, soltar o objeto não
    desaloca nada de pesado, e as cópias se soltam em lotes."""
    partes = [objeto]
    if hasattr(objeto, "__dict__"):
        partes += vars(objeto).values()
    copias = []
    for parte in partes:
        if isinstance(parte, (list, tuple)) and len(parte) > LOTE:
            copias.append(list(parte))
        elif isinstance(parte, dict) and len(parte) > LOTE:
            copias.append(list(parte.values()))
    return copias


def _trabalhar() -> None:
    global _pendentes
    while True:
        quando, objeto = _fila.get()
        try:
            with durante_trabalho():  # a cópia aloca: nenhuma coleta automática nesta thread (widgets.coleta);
                _nunca.wait(max(0.0, quando - time.monotonic()))  # já marcada na espera: a vigia não para antes
                copias = _pedacos(objeto)
                del objeto  # o objeto sem as partes pesadas (que as cópias seguram)
                for copia in copias:
                    while copia:
                        del copia[-LOTE:]
                        _nunca.wait(0.001)  # solta o GIL: a interface pega-o sem esperar os 5 ms da troca do Python
                del copias
        except Exception:  # noqa: BLE001 — soltar memória não tem a quem avisar; a thread segue para o próximo
            pass
        finally:
            with _trava:
                _pendentes -= 1
