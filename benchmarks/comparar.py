"""Apoio dos benchmarks: medir dois lados alternados na mesma execução e resumir com mediana e dispersão.

Cada par mede os dois lados um logo depois do outro, invertendo a ordem a cada par (A B, B A, A B...):
a carga da máquina, o cache de disco e o aquecimento pesam igualmente nos dois. O resumo dá, de cada
lado, a mediana, o mínimo, o máximo e o intervalo interquartil, e UMA linha com a razão das medianas
(e a mediana das razões par a par, que resiste melhor a um par ruim).
"""
from __future__ import annotations

import os
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

if str(Path(__file__).resolve().parent.parent) not in sys.path:  # partida.py e instalador.py põem a raiz depois
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from desktop.ambiente import variaveis  # noqa: E402

_AMBIENTE = (("PACO_CONFIG", "config"), ("PACO_DADOS", "dados"), ("PACO_LOGS", "registros"))


_A_APAGAR: list[str] = []  # as pastas temporárias abertas agora, que um SIGTERM apaga


def _ao_sigterm(numero, _quadro) -> None:
    """Um SIGTERM (``kill PID``, ``timeout``) mata o processo na hora, sem rodar os ``finally``: antes de morrer
    do mesmo jeito (a ação padrão do sinal, o mesmo código de saída), apaga as pastas temporárias — sem isso
    elas ficavam em /tmp. Não levanta exceção: uma exceção num slot do Qt seria engolida e o processo seguiria."""
    for pasta in _A_APAGAR:
        shutil.rmtree(pasta, ignore_errors=True)
    signal.signal(numero, signal.SIG_DFL)
    os.kill(os.getpid(), numero)


@contextmanager
def _apagar_no_sigterm(pasta: str) -> Iterator[None]:
    """Enquanto dura, um SIGTERM apaga ``pasta`` antes de matar o processo (só na thread principal, que é onde o
    Python trata sinais, e se ninguém já trata o SIGTERM)."""
    if threading.current_thread() is not threading.main_thread() or (
            signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, _ao_sigterm)):
        yield
        return
    _A_APAGAR.append(pasta)
    signal.signal(signal.SIGTERM, _ao_sigterm)
    try:
        yield
    finally:
        _A_APAGAR.remove(pasta)
        if not _A_APAGAR:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextmanager
def pasta_de_trabalho(prefixo: str, pasta: Path | None = None) -> Iterator[Path]:
    """A pasta do benchmark: temporária e apagada ao sair — também num erro, num Ctrl+C ou num SIGTERM —, ou
    ``pasta`` (``--pasta``), que fica. ``PACO_CONFIG``, ``PACO_DADOS`` e ``PACO_LOGS`` apontam para dentro dela
    enquanto dura (e valem para os processos filhos): o benchmark não escreve na configuração, nos dados (chaves
    públicas, documentos) nem nos registros do usuário."""
    with tempfile.TemporaryDirectory(prefix=prefixo) as temporaria, _apagar_no_sigterm(temporaria):
        raiz = Path(pasta) if pasta is not None else Path(temporaria)
        raiz.mkdir(parents=True, exist_ok=True)
        with variaveis({nome: str(raiz / sub) for nome, sub in _AMBIENTE}):
            yield raiz


def cronometrar(funcao: Callable, *args, **kwargs) -> tuple[float, object]:
    """(segundos, resultado) de uma chamada."""
    inicio = time.perf_counter()
    resultado = funcao(*args, **kwargs)
    return time.perf_counter() - inicio, resultado


def alternar(a: Callable[[], float], b: Callable[[], float], pares: int) -> tuple[list[float], list[float]]:
    """Mede ``a`` e ``b`` (cada chamada devolve a sua medida) ``pares`` vezes, alternando a ordem."""
    amostras_a, amostras_b = [], []
    for i in range(pares):
        if i % 2 == 0:
            amostras_a.append(a())
            amostras_b.append(b())
        else:
            amostras_b.append(b())
            amostras_a.append(a())
    return amostras_a, amostras_b


def repetir(funcao: Callable[[], float], vezes: int) -> list[float]:
    """Mede ``funcao`` (cada chamada devolve a sua medida) ``vezes`` vezes."""
    return [funcao() for _ in range(vezes)]


def dispersao(amostras: list[float]) -> tuple[float, float, float, float]:
    """(mediana, mínimo, máximo, intervalo interquartil)."""
    med = statistics.median(amostras)
    if len(amostras) >= 4:
        q = statistics.quantiles(amostras, n=4)
        iqr = q[2] - q[0]
    else:
        iqr = max(amostras) - min(amostras)
    return med, min(amostras), max(amostras), iqr


def linha(rotulo: str, amostras: list[float], unidade: str = "ms", escala: float = 1000.0) -> str:
    med, mi, ma, iqr = dispersao(amostras)
    return (f"  {rotulo:<44} mediana {med * escala:8.1f} {unidade}   mín {mi * escala:8.1f}   "
            f"máx {ma * escala:8.1f}   IQR {iqr * escala:7.1f}   (n={len(amostras)})")


def razao(rotulo_a: str, a: list[float], rotulo_b: str, b: list[float], meta: float | None = None) -> str:
    """A linha de resumo: razão das medianas a/b, mediana das razões par a par e a meta, se houver."""
    r = statistics.median(a) / statistics.median(b)
    por_par = statistics.median(x / y for x, y in zip(a, b))
    texto = (f"RESUMO: {rotulo_a} / {rotulo_b} = {r:.2f}× (mediana das razões por par {por_par:.2f}×, "
             f"{len(a)} pares alternados)")
    if meta is not None:
        texto += f" — meta ≤ {meta:.2f}×: {'atingida' if r <= meta else 'NÃO atingida'}"
    return texto


def contra_meta(rotulo: str, amostras: list[float], meta: float, unidade: str = "s", escala: float = 1.0) -> str:
    """A linha de resumo de um lado medido contra uma meta absoluta (sem outro lado a comparar): a razão
    mediana / meta e a do pior caso."""
    med, _mi, ma, _iqr = dispersao(amostras)
    r = med / meta
    return (f"RESUMO: {rotulo} / meta = {r:.2f}× (mediana {med * escala:.2f} {unidade}, pior {ma * escala:.2f} "
            f"{unidade}, meta {meta * escala:.2f} {unidade}, n={len(amostras)}) — "
            f"{'atingida' if r <= 1 else 'NÃO atingida'}")
