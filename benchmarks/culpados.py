"""Vigia dos travamentos (``travamentos.py --culpados``): quem segura a thread da interface nos intervalos longos.

Uma thread à parte amostra ``sys._current_frames()`` a cada ``PASSO_S`` e guarda as amostras desde o último
tique do medidor de 10 ms; quando o tique atrasa mais de ``LIMIAR_S``, as amostras desse intervalo (desde o
começo dele) entram na conta. Cada amostra é classificada:

- ``interface no Paço``: a thread principal está dentro de código do Paço (a linha mais interna do Paço
  na pilha dela, e a função de biblioteca em que ela está, se houver) — trabalho na thread da interface;
- ``interface no laço do Qt``: a pilha Python da thread principal termina no ``exec()`` do laço (ela
  está em C++ do Qt: desenho, layout — ou esperando o GIL para chamar um slot); o estado da thread em
  ``/proc`` separa ``rodando C++`` (R) de ``parada`` (S), e a parada diz em que chamada ao sistema ela
  espera (``/proc/.../syscall`` e a pilha do núcleo: futex é o GIL ou uma trava; fsync, pread, nanosleep
  seriam disco ou a espera do SQLite por uma trava de arquivo); anota-se o que as outras threads Python
  estão fazendo, pois uma delas pode estar com o GIL;
- ``GIL retido``: a própria vigia acordou bem depois do passo (dormiu 5 ms e voltou ≥ 25 ms depois):
  alguém segurou o GIL (uma chamada longa em C que não o solta: zlib, reportlab, sqlite, json...) ou a
  máquina não deu CPU; anota-se a linha das outras threads na amostra seguinte.

No fim, por fase, imprime as linhas mais vistas (cada amostra vale ~``PASSO_S``).
"""
from __future__ import annotations

import collections
import gc
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


_SYSCALLS = {0: "read", 1: "write", 3: "close", 7: "poll", 17: "pread64", 18: "pwrite64", 23: "select",
             35: "nanosleep", 72: "fcntl", 73: "flock", 74: "fsync", 75: "fdatasync", 82: "rename", 87: "unlink",
             202: "futex", 230: "clock_nanosleep", 232: "epoll_wait", 257: "openat", 270: "pselect6", 271: "ppoll"}
"""Chamadas ao sistema (x86-64) em que a thread da interface costuma parar."""


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
        self.inicio_fase = 0.0  # ``fase`` e ``inicio_fase`` (perf_counter) são postos antes de a fase começar
        self.principal = threading.main_thread().ident
        self._estado = Path(f"/proc/self/task/{threading.main_thread().native_id}/stat")
        self._sched = Path(f"/proc/self/task/{threading.main_thread().native_id}/schedstat")
        self._syscall = Path(f"/proc/self/task/{threading.main_thread().native_id}/syscall")
        self._pilha = Path(f"/proc/self/task/{threading.main_thread().native_id}/stack")
        self._cpu_antes, self._delta = self._ler_sched(), (0, 0)
        self.contagens: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self.intervalos: dict[str, list[tuple[float, float, float]]] = collections.defaultdict(list)
        """Por fase, cada intervalo longo: (duração, s da interface na CPU, s na fila esperando CPU)."""
        self.tempos: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0])  # ms na CPU, na fila
        self._parar = threading.Event()
        self.coletas: dict[str, list[tuple[float, int, str]]] = collections.defaultdict(list)
        """Por fase, coletas de lixo de ≥ 10 ms: (duração, geração, thread) — seguram o GIL sem soltar."""
        self._coleta_desde = 0.0
        gc.callbacks.append(self._on_coleta)

    def _on_coleta(self, fase: str, info: dict) -> None:
        if fase == "start":
            self._coleta_desde = time.perf_counter()
            return
        duracao = time.perf_counter() - self._coleta_desde
        if self.fase is not None and duracao >= 0.010:
            self.coletas[self.fase].append((duracao, info.get("generation", -1), threading.current_thread().name))

    def run(self) -> None:
        antes = time.perf_counter()
        tique, pendentes, soma = None, [], [0.0, 0.0]
        while not self._parar.is_set():
            time.sleep(PASSO_S)
            agora = time.perf_counter()
            gil = agora - antes > ATRASO_GIL_S
            antes = agora
            fase = self.fase
            if fase is None or self.medidor._ultimo < self.inicio_fase:  # o medidor da fase ainda não começou
                tique, pendentes, soma = None, [], [0.0, 0.0]
                self._cpu_antes = self._ler_sched()
                continue
            if self.medidor._ultimo != tique:  # houve tique: as amostras guardadas não eram de um intervalo longo
                if tique is not None and self.medidor._ultimo - tique >= LIMIAR_S:
                    self.intervalos[fase].append((self.medidor._ultimo - tique, *soma))
                tique, pendentes, soma = self.medidor._ultimo, [], [0.0, 0.0]
            # amostra sempre e guarda até saber se o intervalo ficou longo: assim se vê também o começo dele
            pendentes.append((self._amostrar(gil), self._delta))
            soma[0] += self._delta[0] / 1e9
            soma[1] += self._delta[1] / 1e9
            if agora - tique >= LIMIAR_S:
                for chaves, (d_cpu, d_fila) in pendentes:
                    self.contagens[fase].update(chaves)
                    self.tempos[fase][0] += d_cpu / 1e6
                    self.tempos[fase][1] += d_fila / 1e6
                pendentes = []

    def _amostrar(self, gil: bool) -> list[str]:
        quadros = sys._current_frames()
        cpu, fila = self._ler_sched()  # o que a thread da interface fez desde a amostra anterior
        self._delta = (cpu - self._cpu_antes[0], fila - self._cpu_antes[1])
        self._cpu_antes = (cpu, fila)
        meu = threading.get_ident()
        principal = quadros.get(self.principal)
        if principal is None:
            return []
        paco, _ = _descrever(principal)
        no_laco = paco is None and principal.f_code.co_filename.startswith(ESTE)
        chaves = [] if no_laco else [f"interface no Paço: {_chave(principal)}"]
        outras = [_chave(q) for ident, q in quadros.items()
                  if ident not in (meu, self.principal) and not _ociosa(q)]
        rotulo = "GIL retido (vigia atrasou)" if gil else (self._no_laco() if no_laco else None)
        if rotulo is None:
            return chaves
        if not outras:
            chaves.append(f"{rotulo}: nenhuma outra thread Python")
        chaves.extend(f"{rotulo}; outra thread em {linha}" for linha in outras)
        return chaves

    def _ler_sched(self) -> tuple[int, int]:
        """(ns na CPU, ns na fila esperando CPU) da thread da interface (``/proc/.../schedstat``)."""
        try:
            na_cpu, na_fila, _ = self._sched.read_text().split()
            return int(na_cpu), int(na_fila)
        except (OSError, ValueError):
            return 0, 0

    def _no_laco(self) -> str:
        """No laço do Qt: rodando C++ do Qt, na fila da CPU (máquina carregada) ou parada (o GIL ou uma trava),
        conforme o que a thread da interface fez desde a amostra anterior (``schedstat``) e o estado dela."""
        d_cpu, d_fila = self._delta
        try:
            estado = self._estado.read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            estado = "?"
        if estado != "R" and d_cpu < PASSO_S * 1e9 / 4:
            return f"interface no laço do Qt, parada ({self._espera()})"
        if d_fila > d_cpu:
            return "interface no laço do Qt, na fila da CPU (máquina carregada)"
        return "interface no laço do Qt, rodando C++"

    def _espera(self) -> str:
        """Em que chamada ao sistema a thread da interface está parada (``/proc/.../syscall``) e, se legível
        (root), a função do núcleo mais interna fora do escalonador: futex (o GIL, uma trava do Qt ou do
        Python), fsync/fdatasync (disco), pread/pwrite (E/S de arquivo), nanosleep (a espera do SQLite por
        uma trava de arquivo)..."""
        try:
            numero = int(self._syscall.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return "?"
        nome = _SYSCALLS.get(numero, f"syscall {numero}")
        try:
            funcoes = [linha.split("] ", 1)[1].split("+", 1)[0] for linha in self._pilha.read_text().splitlines()]
        except (OSError, IndexError):
            funcoes = []
        internas = [f for f in funcoes if not f.startswith(("schedule", "__schedule", "io_schedule"))]
        return f"{nome}{' em ' + internas[0] if internas else ''}"

    def parar(self) -> None:
        self._parar.set()
        gc.callbacks.remove(self._on_coleta)

    def sem_fila(self) -> dict[str, float]:
        """Por fase, o maior intervalo longo sem o tempo que a thread da interface passou na fila da CPU (s):
        numa máquina carregada, o que o Paço e o GIL seguraram (os intervalos < ``LIMIAR_S`` não entram)."""
        return {fase: max(d - f for d, _c, f in v) for fase, v in self.intervalos.items() if v}

    def cpu_maxima(self) -> dict[str, float]:
        """Por fase, o maior tempo de CPU da thread da interface num só intervalo longo (s): o trabalho que a
        janela fez de uma vez, sem a fila nem as esperas — o número que menos depende da carga da máquina."""
        return {fase: max(c for _d, c, _f in v) for fase, v in self.intervalos.items() if v}

    def relatorio(self, maximo: int = 8) -> str:
        linhas = [f"Culpados (amostras a cada {PASSO_S * 1000:.0f} ms enquanto o tique atrasava > "
                  f"{LIMIAR_S * 1000:.0f} ms; n = amostras):"]
        for fase, contagem in self.contagens.items():
            na_cpu, na_fila = self.tempos[fase]
            linhas.append(f"  {fase}  (nos intervalos longos, a thread da interface: {na_cpu:.0f} ms na CPU, "
                          f"{na_fila:.0f} ms na fila esperando CPU)")
            for duracao, geracao, fio in sorted(self.coletas.get(fase, []), reverse=True)[:3]:
                linhas.append(f"    coleta de lixo (geração {geracao}) de {duracao * 1000:.0f} ms na thread {fio}")
            if self.intervalos.get(fase):
                pior = max(self.intervalos[fase])
                sem_fila = max(d - f for d, _c, f in self.intervalos[fase])
                linhas.append(f"    pior intervalo {pior[0] * 1000:.0f} ms = {pior[1] * 1000:.0f} ms na CPU + "
                              f"{pior[2] * 1000:.0f} ms na fila da CPU + {(pior[0] - pior[1] - pior[2]) * 1000:.0f} ms "
                              f"parada (GIL, trava); sem a fila da CPU, o maior seria {sem_fila * 1000:.0f} ms; "
                              f"a maior CPU da interface num só intervalo, {self.cpu_maxima()[fase] * 1000:.0f} ms")
            for chave, n in contagem.most_common(maximo):
                linhas.append(f"    {n:5d}  {chave}")
        return "\n".join(linhas)
