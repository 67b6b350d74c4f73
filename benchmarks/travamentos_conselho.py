"""Fases do Conselho Tutelar em ``benchmarks/travamentos.py``: a conselheira com 100.000 casos no arquivo sigiloso.

A base grande é criada uma vez por execução (``benchmarks/conselho.py``: ``instalar`` e ``povoar``), numa
subpasta da pasta temporária do benchmark (apagada no fim), ou reaproveitada de ``--pasta``. Depois, nas
telas reais: abrir a janela principal como a conselheira (abre no Conselho, com as abas montadas), a cópia
diária que ela dispara, ir à aba Atendimentos, buscar digitando (nomes comuns e raros, bairros comuns e
raros; cada busca: as teclas uma a uma, Enter e a espera da lista), uma cópia de segurança manual (com o
arquivo sigiloso) e fechar a janela (com a cópia ao fechar).
"""
from __future__ import annotations

import random
import shutil
import statistics
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

SENHA = "senha-do-benchmark"  # a mesma de benchmarks/conselho.py
BUSCAS = 24  # seis de cada grupo
INTERVALO_TECLA_MS = 60  # alguém digitando depressa


def preparar(pasta: Path, casos: int):
    """A sessão da conselheira numa base com ``casos`` atendimentos (criada agora ou reaproveitada)."""
    from benchmarks import conselho
    from desktop.services import acesso

    caminho, pronta = pasta / "paco.db", pasta / "pronta"
    if not pronta.exists():  # uma carga interrompida não é reaproveitada
        shutil.rmtree(pasta, ignore_errors=True)
        pasta.mkdir(parents=True)
        admin, ct, conselheiro_id = conselho.instalar(caminho)
        try:
            conselho.povoar(ct, casos, conselheiro_id)
        finally:
            ct.fechar()
            admin.fechar()
        pronta.write_text(f"{casos}\n")
    return acesso.entrar(caminho, "ct", SENHA)


def consultas(n: int = BUSCAS) -> list[tuple[str, str]]:
    """(texto, campo): nomes comuns, nomes raros, bairros comuns, bairros raros, alternados."""
    from benchmarks import conselho

    rnd = random.Random(16)
    return [(texto, campo) for _grupo, texto, campo in conselho._consultas(rnd, n)]


def _ocupada(aba) -> bool:
    """A aba ainda espera uma leitura (``servicos.consulta`` com chave marca ``carregando``)."""
    return bool(getattr(aba, "carregando", False)) or getattr(aba, "_tarefa", None) is not None


class Digitacao:
    """Digita cada busca na aba Atendimentos tecla a tecla (um QTimer), tecla Enter e espera a lista."""

    def __init__(self, aba, buscas: list[tuple[str, str]]):
        self.aba, self.buscas = aba, list(buscas)
        self.feitas = 0
        self._teclas: list[str] = []
        self._esperando = False
        self.timer = QTimer()
        self.timer.setInterval(INTERVALO_TECLA_MS)
        self.timer.timeout.connect(self._on_tecla)
        self.tempos: list[float] = []  # do Enter até a lista na tela, por busca
        self._enter_em = 0.0

    def comecar(self) -> None:
        self._proxima()

    def _proxima(self) -> None:
        if not self.buscas:
            self.timer.stop()
            return
        texto, campo = self.buscas.pop(0)
        self.aba.campo.setCurrentIndex(self.aba.campo.findData(campo))
        self.aba.busca.clear()
        self.aba.busca.setFocus()
        self._teclas = list(texto)
        self.timer.start()

    def _on_tecla(self) -> None:
        if self._esperando:
            if not _ocupada(self.aba):  # a lista da busca chegou à tela
                self.tempos.append(time.perf_counter() - self._enter_em)
                self._esperando = False
                self.feitas += 1
                self._proxima()
            return
        if self._teclas:
            QTest.keyClick(self.aba.busca, self._teclas.pop(0))
            return
        self._enter_em = time.perf_counter()
        QTest.keyClick(self.aba.busca, Qt.Key.Key_Return)
        self._esperando = True

    def terminou(self) -> bool:
        return not self.buscas and not self._esperando and not self.timer.isActive()


def fases(medir, sessao, casos: int, estado: dict, buscas: int = BUSCAS) -> None:
    """Mede as fases do Conselho com ``medir(nome, acao, pronto)`` (o de travamentos.py), com ``buscas`` buscas
    digitadas."""
    from desktop.screens.principal import JanelaPrincipal

    # a cópia diária só sai uma vez por dia: sem a de hoje, cada repetição a mede (e as fases que correm junto
    # com ela, a janela e a aba Atendimentos, pegam a thread dela como no primeiro uso do dia)
    from desktop.services.copias import pasta_copias

    for diaria in pasta_copias(sessao).glob("*-diaria.*"):
        diaria.unlink()

    def abrir():
        estado["janela_ct"] = j = JanelaPrincipal(sessao)
        j.resize(1280, 800)
        j.show()

    medir(f"Conselho: abrir a janela principal ({casos} casos)", abrir,
          lambda: "janela_ct" in estado and "conselho" in estado["janela_ct"].paineis)
    janela = estado["janela_ct"]
    medir("Conselho: cópia diária (ao abrir, com o sigilo)", lambda: None, lambda: janela._tarefa is None)
    painel = janela.paineis["conselho"]
    # pelo índice, como o clique na aba: ler painel.widgets["Atendimentos"] antes montaria a aba fora da medida
    indice = next(i for i in range(painel.abas.count()) if painel.abas.tabText(i) == "Atendimentos")
    medir("Conselho: ir à aba Atendimentos", lambda: painel.abas.setCurrentIndex(indice),
          lambda: painel.abas.currentIndex() == indice and not _ocupada(painel.abas.currentWidget()))
    aba = painel.widgets["Atendimentos"]
    digitacao = Digitacao(aba, consultas(buscas))
    medir(f"Conselho: {buscas} buscas digitadas (nomes e bairros)", digitacao.comecar, digitacao.terminou)
    if digitacao.tempos:
        ms = sorted(1000 * t for t in digitacao.tempos)
        p95 = ms[max(0, int(round(0.95 * len(ms))) - 1)]
        print(f"    do Enter à lista na tela (thread de trabalho, sinal, tabela): mediana {statistics.median(ms):.0f} ms, "
              f"p95 {p95:.0f} ms, máx {ms[-1]:.0f} ms ({digitacao.feitas} buscas; a meta < 20 ms da consulta "
              f"pelo serviço é medida em benchmarks/conselho.py)", flush=True)
    medir("Conselho: cópia de segurança manual (com o sigilo)", janela._on_copia_manual,
          lambda: janela._tarefa is None)
    medir("Conselho: fechar a janela (cópia ao fechar)", janela.close,
          lambda: not janela.isVisible() and janela._tarefa is None)
    if janela.sessao is not None:
        janela.sessao.fechar()
