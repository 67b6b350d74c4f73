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

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
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


def _p95(ordenados: list[float]) -> float:
    return ordenados[max(0, int(round(0.95 * len(ordenados))) - 1)]


def _ocupada(aba) -> bool:
    """A aba ainda espera uma leitura (``servicos.consulta`` com chave marca ``carregando``)."""
    return bool(getattr(aba, "carregando", False)) or getattr(aba, "_tarefa", None) is not None


class Digitacao(QObject):
    """Digita cada busca na aba Atendimentos tecla a tecla (um QTimer), tecla Enter e espera a lista.

    O tempo de cada busca vai do Enter ao fim da pintura da tabela com a resposta (um filtro de eventos na área
    da tabela vê a pintura que a lista nova pede); antes, a chegada só era notada no tique seguinte do timer das
    teclas, e toda busca media pelo menos os 60 ms dele (mediana 60 ms com a lista pintada em ~30)."""

    def __init__(self, aba, buscas: list[tuple[str, str]]):
        super().__init__()
        self.aba, self.buscas = aba, list(buscas)
        self.feitas = 0
        self._teclas: list[str] = []
        self._esperando = False
        self.timer = QTimer()
        self.timer.setInterval(INTERVALO_TECLA_MS)
        self.timer.timeout.connect(self._on_tecla)
        self.tempos: list[float] = []  # do Enter até a lista pintada na tela, por busca
        self.sem_pintura = 0  # buscas cuja lista chegou sem pintura da tabela notada (medidas no tique do timer)
        self._pintada = False  # a pintura com a lista desta busca já foi vista (o tempo é tomado logo depois)
        self._enter_em = 0.0
        self._chegou_em: float | None = None
        self.respostas: list[float] = []  # do Enter até a resposta chegar à interface (thread de trabalho, sinal)
        self._resposta_em: float | None = None
        aba.visao.viewport().installEventFilter(self)
        on_lidas = aba._on_lidas  # a aba pede com self._on_lidas: anota quando a resposta chega à interface

        def _on_lidas(resposta, _original=on_lidas):
            if self._esperando and self._resposta_em is None:
                self._resposta_em = time.perf_counter()
            _original(resposta)
        aba._on_lidas = _on_lidas

    def comecar(self) -> None:
        self._proxima()

    def _proxima(self) -> None:
        if not self.buscas:
            self.timer.stop()
            self.aba.visao.viewport().removeEventFilter(self)
            return
        texto, campo = self.buscas.pop(0)
        self.aba.campo.setCurrentIndex(self.aba.campo.findData(campo))
        self.aba.busca.clear()
        self.aba.busca.setFocus()
        self._teclas = list(texto)
        self.timer.start()

    def eventFilter(self, _objeto, evento) -> bool:  # noqa: N802 (nome do Qt)
        if (evento.type() == QEvent.Type.Paint and self._esperando and not self._pintada
                and not _ocupada(self.aba)):
            self._pintada = True  # a pintura com a lista nova: o tempo é tomado logo depois dela
            QTimer.singleShot(0, self._on_pintada)
        return False

    def _on_pintada(self) -> None:
        if self._esperando:  # ainda esperando até aqui: um tique do timer das teclas no meio não tecla outro Enter
            self._terminar(time.perf_counter())

    def _terminar(self, quando: float) -> None:
        self.tempos.append(quando - self._enter_em)
        if self._resposta_em is not None:
            self.respostas.append(self._resposta_em - self._enter_em)
        self._resposta_em = None
        self._esperando = self._pintada = False
        self._chegou_em = None
        self.feitas += 1
        self.timer.stop()
        self._proxima()

    def _on_tecla(self) -> None:
        if self._esperando:
            if not _ocupada(self.aba) and not self._pintada:  # chegou e a tabela não pintou (não deveria): conta
                if self._chegou_em is None:
                    self._chegou_em = time.perf_counter()
                elif time.perf_counter() - self._chegou_em > 0.5:
                    self.sem_pintura += 1
                    self._terminar(self._chegou_em)
            return
        if self._teclas:
            QTest.keyClick(self.aba.busca, self._teclas.pop(0))
            return
        self.timer.stop()  # nenhum tique de tecla no meio da espera da lista
        self._resposta_em = None
        self._esperando, self._pintada = True, False  # antes da tecla: a resposta pode chegar dentro do keyClick
        self._enter_em = time.perf_counter()
        QTest.keyClick(self.aba.busca, Qt.Key.Key_Return)
        self.timer.start()

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
        p95 = _p95(ms)
        print(f"    do Enter à lista pintada na tela (thread de trabalho, sinal, tabela, pintura): mediana "
              f"{statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, máx {ms[-1]:.1f} ms ({digitacao.feitas} buscas"
              + (f", {digitacao.sem_pintura} sem pintura notada" if digitacao.sem_pintura else "")
              + "; meta issue 16: p95 < 20 ms; a consulta só pelo serviço em benchmarks/conselho.py)", flush=True)
        if len(digitacao.respostas) == len(digitacao.tempos):
            chegada = sorted(1000 * t for t in digitacao.respostas)
            tela = sorted(1000 * (t - r) for t, r in zip(digitacao.tempos, digitacao.respostas))
            print(f"      do Enter à resposta na interface (thread de trabalho, serviço, sinal): mediana "
                  f"{statistics.median(chegada):.1f} ms, p95 {_p95(chegada):.1f} ms; da resposta à lista pintada "
                  f"(tabela, pintura): mediana {statistics.median(tela):.1f} ms, p95 {_p95(tela):.1f} ms", flush=True)
    medir("Conselho: cópia de segurança manual (com o sigilo)", janela._on_copia_manual,
          lambda: janela._tarefa is None)
    medir("Conselho: fechar a janela (cópia ao fechar)", janela.close,
          lambda: not janela.isVisible() and janela._tarefa is None)
    if janela.sessao is not None:
        janela.sessao.fechar()
