"""Vigia dos travamentos (``travamentos.py --culpados``): quem segura a thread da interface nos intervalos longos.

Uma thread à parte amostra ``sys._current_frames()`` a cada ``PASSO_S`` e guarda as amostras desde o último
tique do medidor de 10 ms; quando o tique atrasa mais de ``LIMIAR_S``, as amostras desse intervalo (desde o
começo dele) entram na conta. Cada amostra é classificada:

- ``interface no Paço``: a thread principal está dentro de código do Paço (a linha mais interna do Paço
  na pilha dela, e a função de biblioteca em que ela está, se houver) — trabalho na thread da interface;
- ``interface no laço do Qt``: a pilha Python da thread principal termina no ``exec()`` do laço (ela
  está em C++ do Qt: desenho, layout — ou esperando o GIL para chamar um slot); então se anota o que as
  outras threads Python estão fazendo, pois uma delas pode estar com o GIL;
- ``GIL retido``: a própria vigia acordou bem depois do passo (dormiu 5 ms e voltou ≥ 25 ms depois):
  alguém segurou o GIL (uma chamada longa em C que não o solta: zlib, reportlab, sqlite, json...) ou a
  máquina não deu CPU; anota-se a linha das outras threads na amostra seguinte.

No fim, por fase, imprime as linhas mais vistas (cada amostra vale ~``PASSO_S``).
"""
from __future__ import annotations

import collections
import sys
import threading
import time
from pathlib import Path

LIMIAR_S = 0.060
PASSO_S = 0.005
ATRASO_GIL_S = 0.025
RAIZ = Path(__file__).resolve().parent.parent
PACO = str(RAIZ / "desktop")
ESTE = str(Path(__file__).resolve().parent)


def _linha(quadro) -> str:
    nome = quadro.f_code.co_filename
    for base in (str(RAIZ) + "/", "/site-packages/", "/lib/python3"):
        if base in nome:
            nome = nome.split(base, 1)[1]
            break
    return f"{nome}:{quadro.f_lineno} {quadro.f_code.co_name}"


def _descrever(quadro) -> tuple[str | None, str]:
    """(linha mais interna do Paço, linha mais interna de todas) de uma pilha."""
    interna = _linha(quadro)
    while quadro is not None:
        if quadro.f_code.co_filename.startswith(PACO):
            return _linha(quadro), interna
        quadro = quadro.f_back
    return None, interna


def _ociosa(quadro) -> bool:
    """Thread parada esperando (trava, fila, evento): não está com o GIL."""
    return quadro.f_code.co_filename.endswith(("/threading.py", "/queue.py", "/selectors.py"))


def _chave(quadro) -> str:
    paco, interna = _descrever(quadro)
    if paco is None:
        return interna
    return paco if paco == interna else f"{paco}  →  {interna}"


class Vigia(threading.Thread):
    """Amostra as pilhas quando o tique da interface atrasa; ``medidor._ultimo`` é o último tique."""

    def __init__(self, medidor):
        super().__init__(name="vigia-travamentos", daemon=True)
        self.medidor = medidor
        self.fase: str | None = None
        self.principal = threading.main_thread().ident
        self.contagens: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self._parar = threading.Event()

    def run(self) -> None:
        antes = time.perf_counter()
        tique, pendentes = None, []
        while not self._parar.is_set():
            time.sleep(PASSO_S)
            agora = time.perf_counter()
            gil = agora - antes > ATRASO_GIL_S
            antes = agora
            fase = self.fase
            if fase is None:
                tique, pendentes = None, []
                continue
            if self.medidor._ultimo != tique:  # houve tique: as amostras guardadas não eram de um intervalo longo
                tique, pendentes = self.medidor._ultimo, []
            # amostra sempre e guarda até saber se o intervalo ficou longo: assim se vê também o começo dele
            pendentes.extend(self._amostrar(gil))
            if agora - tique >= LIMIAR_S:
                self.contagens[fase].update(pendentes)
                pendentes = []

    def _amostrar(self, gil: bool) -> list[str]:
        quadros = sys._current_frames()
        meu = threading.get_ident()
        principal = quadros.get(self.principal)
        if principal is None:
            return []
        paco, _ = _descrever(principal)
        no_laco = paco is None and principal.f_code.co_filename.startswith(ESTE)
        chaves = [] if no_laco else [f"interface no Paço: {_chave(principal)}"]
        outras = [_chave(q) for ident, q in quadros.items()
                  if ident not in (meu, self.principal) and not _ociosa(q)]
        rotulo = "GIL retido (vigia atrasou)" if gil else ("interface no laço do Qt" if no_laco else None)
        if rotulo is None:
            return chaves
        if not outras:
            chaves.append(f"{rotulo}: nenhuma outra thread Python")
        chaves.extend(f"{rotulo}; outra thread em {linha}" for linha in outras)
        return chaves

    def parar(self) -> None:
        self._parar.set()

    def relatorio(self, maximo: int = 8) -> str:
        linhas = [f"Culpados (amostras a cada {PASSO_S * 1000:.0f} ms enquanto o tique atrasava > "
                  f"{LIMIAR_S * 1000:.0f} ms; n = amostras):"]
        for fase, contagem in self.contagens.items():
            linhas.append(f"  {fase}")
            for chave, n in contagem.most_common(maximo):
                linhas.append(f"    {n:5d}  {chave}")
        return "\n".join(linhas)
