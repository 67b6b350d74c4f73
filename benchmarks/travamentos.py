"""Travamentos da interface com 3.000 servidores: o maior intervalo da thread da interface em cada fase, nas telas reais.

    .venv/bin/python benchmarks/travamentos.py [--servidores 3000] [--casos 100000] [--pasta /tmp/x] [--culpados]
        [--so magisterio|conselho]

Cria (ou reaproveita, com ``--pasta``) uma base cifrada com N servidores de carreiras variadas
(``services.magisterio.demo``) e conduz as telas de verdade, na plataforma offscreen: abrir a janela
principal (o Magistério abre na aba Servidores), a cópia diária que ela dispara, uma cópia manual,
trocar de aba e voltar a Servidores, a prévia da folha, o fechamento, o lote de contracheques em PDF
e fechar a janela (com a cópia ao fechar). Depois, a conselheira numa base com ``--casos`` atendimentos no
arquivo sigiloso (``benchmarks/travamentos_conselho.py``, criada uma vez na mesma pasta): abrir a janela, a
cópia diária, a aba Atendimentos, buscas digitadas tecla a tecla, uma cópia manual e fechar. Um QTimer de 10 ms anota o intervalo entre os seus
disparos; o maior intervalo de cada fase é o maior tempo em que a janela ficou sem responder (meta
da issue 16: ≤ 100 ms). Os diálogos que pediriam um clique (confirmar, onde salvar, avisos) são
respondidos pelo próprio benchmark. Antes de abrir a janela principal, espera a importação em
segundo plano que a tela de entrada faz enquanto a pessoa digita a senha (``app.precarregar``).
Com ``--culpados``, uma thread vigia (``benchmarks/culpados.py``) amostra as pilhas nos intervalos longos e
separa trabalho do Paço na thread da interface de GIL retido por outra thread. Imprime números; não é um
teste com tempo-limite.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PACO_KDF_RAPIDO", "1")  # a derivação da senha não é o que se mede aqui
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SENHA = "senha-do-benchmark"
META_MS = 100
TICK_MS = 10
CAUDA_S = 0.3  # depois de a fase terminar, ainda se mede um pouco (o que a conclusão agenda)


class Medidor(QObject):
    """Dispara a cada 10 ms e guarda os intervalos entre disparos da fase em curso."""

    def __init__(self):
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._on_tique)
        self.intervalos: list[float] = []
        self._ultimo = time.perf_counter()
        self._pronto = lambda: True
        self._fim_em: float | None = None
        self._laco: QEventLoop | None = None
        self._limite = 0.0
        self._erro: Exception | None = None

    def _on_tique(self) -> None:
        agora = time.perf_counter()
        self.intervalos.append(agora - self._ultimo)
        self._ultimo = agora
        try:
            pronto = self._fim_em is None and (self._pronto() or agora > self._limite)
        except Exception as e:  # noqa: BLE001 — a tela mudou (um atributo sumiu): a fase para e o erro sobe
            self._erro, pronto = e, False
            self._laco.quit()
        if pronto:
            self._fim_em = agora
        if self._fim_em is not None and agora - self._fim_em >= CAUDA_S and self._laco is not None:
            self._laco.quit()

    def fase(self, acao, pronto, limite_s: float = 900) -> tuple[float, float, float]:
        """Roda ``acao`` dentro do laço de eventos e mede até ``pronto()``: (maior intervalo, p99, duração)."""
        self.intervalos, self._pronto, self._fim_em, self._erro = [], pronto, None, None
        self._laco = QEventLoop()
        inicio = self._ultimo = time.perf_counter()
        self._limite = inicio + limite_s
        self.timer.start()
        QTimer.singleShot(0, acao)
        self._laco.exec()
        self.timer.stop()
        if self._erro is not None:
            raise self._erro
        duracao = (self._fim_em or time.perf_counter()) - inicio
        ordenados = sorted(self.intervalos)
        p99 = ordenados[int(0.99 * (len(ordenados) - 1))] if ordenados else 0.0
        return (max(self.intervalos) if self.intervalos else 0.0), p99, duracao


def preparar(pasta: Path, servidores: int):
    """Entra na base da pasta, ou cria uma com as escolas da demonstração e ``servidores`` servidores."""
    from desktop.services import acesso, cadastros, demo
    from desktop.services.magisterio.demo import criar_demo_magisterio

    caminho = pasta / "paco.db"
    if caminho.exists():
        return acesso.entrar(caminho, "admin", SENHA)
    escritorio = acesso.DadosEscritorio(nome="Secretaria Municipal de Educação", municipio="Jequié", uf="BA",
                                        cnpj="11.222.333/0001-81")
    sessao, _ = acesso.criar_instalacao(caminho, escritorio, login="admin", nome="Administrador", senha=SENHA)
    with sessao.base.transacao():
        cadastros.cadastrar_unidade(sessao, tipo="secretaria", nome="Secretaria Municipal de Educação")
        for nome, bairro, zona in demo.ESCOLAS:
            cadastros.cadastrar_unidade(sessao, tipo="escola", nome=nome, bairro=bairro, zona=zona)
        criar_demo_magisterio(sessao, random.Random(2026), servidores=servidores)
    return sessao


def _competencia_aberta(sessao) -> date:
    from desktop.services.magisterio import folha

    comp = date(2026, 10, 1)
    while folha.esta_fechada(sessao, comp):  # base reaproveitada: a próxima competência ainda aberta
        comp = date(comp.year + comp.month // 12, comp.month % 12 + 1, 1)
    return comp


def _responder_dialogos(pasta: Path) -> list[str]:
    """Os diálogos modais esperariam um clique: o benchmark responde como o usuário responderia."""
    from desktop.screens.widgets import avisos
    from desktop.screens.principal import janela
    from desktop.screens.widgets import emissao

    vistos: list[str] = []
    avisos.confirmar = lambda *a, **k: True
    avisos.erro = lambda _p, titulo, problema: vistos.append(f"{titulo}: {problema}")
    janela.avisar = lambda _p, titulo, texto, **k: vistos.append(f"{titulo}: {texto}")
    emissao.escolher_destino = lambda _p, nome, **_k: pasta / nome
    emissao.abrir_arquivo = lambda _c: None
    return vistos


def _carregando(painel) -> bool:
    """Alguma aba do Magistério ainda carregando em segundo plano."""
    return any(getattr(painel.aba(c), "carregando", False)  # só as já montadas (a aba nasce na 1ª visita)
               for c in ("servidores", "folha", "simulador") if painel.montada(c))


def _fases_magisterio(medir, sessao, estado: dict) -> None:
    """Magistério com 3.000 servidores: janela, cópias, abas, prévia, fechamento, lote de PDF e fechar."""
    from desktop.screens.principal import JanelaPrincipal

    comp = _competencia_aberta(sessao)

    def abrir():
        estado["janela"] = j = JanelaPrincipal(sessao)
        j.resize(1280, 800)
        j.show()

    def aberta():
        j = estado.get("janela")
        return j is not None and "magisterio" in j.paineis and not _carregando(j.paineis["magisterio"])

    medir("abrir a janela principal (Servidores)", abrir, aberta)
    janela = estado["janela"]
    painel = janela.paineis["magisterio"]
    medir("cópia de segurança diária (ao abrir)", lambda: None, lambda: janela._tarefa is None)
    medir("cópia de segurança manual", janela._on_copia_manual, lambda: janela._tarefa is None)

    def trocar():
        painel.abas.setCurrentWidget(painel.escolas)
        QTimer.singleShot(50, lambda: painel.abas.setCurrentWidget(painel.servidores))

    medir("trocar de aba e voltar a Servidores", trocar,
          lambda: painel.abas.currentWidget() is painel.servidores and not _carregando(painel))
    aba = painel.folha

    def ir_para_folha():
        painel.abas.setCurrentWidget(aba)
        aba.definir_competencia(comp)

    medir("abrir a aba Folha mensal", ir_para_folha, lambda: not _carregando(painel))
    medir(f"prévia da folha ({comp:%m/%Y})", aba._on_previa, lambda: aba.tarefa is None and aba.previa is not None)
    medir("fechar a competência", aba._on_fechar,
          lambda: aba.tarefa is None and aba.fechada is not None and not _carregando(painel))
    barra = aba.documentos
    medir("lote de contracheques em PDF", barra._on_lote,
          lambda: barra.tarefa is None and barra.ultimo_arquivo is not None)
    medir("fechar a janela (cópia ao fechar)", janela.close,
          lambda: not janela.isVisible() and janela._tarefa is None)
    if janela.sessao is not None:
        janela.sessao.fechar()


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--servidores", type=int, default=3000)
    argumentos.add_argument("--casos", type=int, default=100_000, help="atendimentos do Conselho (0: sem as fases dele)")
    argumentos.add_argument("--so", choices=("magisterio", "conselho"), default=None, help="só as fases de um módulo")
    argumentos.add_argument("--pasta", type=Path, default=None,
                            help="onde criar a base (ou reaproveitar a que já está lá); padrão: temporária")
    argumentos.add_argument("--culpados", action="store_true",
                            help="amostra as pilhas das threads nos intervalos longos e imprime as linhas mais vistas")
    opcoes = argumentos.parse_args()
    temporaria = tempfile.mkdtemp(prefix="paco-travamentos-")
    try:
        pasta = opcoes.pasta or Path(temporaria)
        pasta.mkdir(parents=True, exist_ok=True)
        os.environ["PACO_CONFIG"] = os.environ["PACO_DADOS"] = str(Path(temporaria) / "config")
        app = QApplication.instance() or QApplication([])
        from desktop import app as paco

        paco.configurar_aplicacao(app)
        magisterio = opcoes.so in (None, "magisterio")
        conselho = opcoes.so in (None, "conselho") and opcoes.casos > 0
        sessao = sessao_ct = None
        if magisterio:
            inicio = time.perf_counter()
            sessao = preparar(pasta, opcoes.servidores)
            print(f"base pronta em {time.perf_counter() - inicio:.1f} s ({pasta / 'paco.db'})", flush=True)
        if conselho:
            from benchmarks import travamentos_conselho

            inicio = time.perf_counter()
            sessao_ct = travamentos_conselho.preparar(pasta / "conselho", opcoes.casos)
            print(f"base do Conselho ({opcoes.casos} casos) pronta em {time.perf_counter() - inicio:.1f} s",
                  flush=True)
        vistos = _responder_dialogos(Path(temporaria))

        m = Medidor()
        vigia = None
        if opcoes.culpados:
            from benchmarks.culpados import Vigia

            vigia = Vigia(m)
            vigia.start()
        resultados: list[tuple[str, tuple[float, float, float]]] = []
        estado: dict = {}

        def medir(nome, acao, pronto):
            if vigia is not None:
                vigia.inicio_fase, vigia.fase = time.perf_counter(), nome
            r = m.fase(acao, pronto)
            if vigia is not None:
                vigia.fase = None
            resultados.append((nome, r))
            print(f"  {nome:<42} maior intervalo {r[0] * 1000:7.0f} ms   p99 {r[1] * 1000:5.0f} ms   "
                  f"fase {r[2]:6.1f} s", flush=True)

        # como no Paço: a tela de entrada importa em segundo plano o que a janela principal usa enquanto a
        # pessoa digita a senha (app.precarregar); aqui se espera essa importação antes de medir
        paco.precarregar().join()
        print(f"Maior intervalo da thread da interface por fase (tique de {TICK_MS} ms; meta ≤ {META_MS} ms):")
        if magisterio:
            _fases_magisterio(medir, sessao, estado)
        if conselho:
            travamentos_conselho.fases(medir, sessao_ct, opcoes.casos, estado)
        if vigia is not None:
            vigia.parar()
            print(vigia.relatorio())
        if vistos:
            print("avisos mostrados durante a medida:", *vistos, sep="\n  ")
        piores = [r[0] for _, r in resultados]
        acima = [nome for nome, r in resultados if r[0] * 1000 > META_MS]
        print(f"RESUMO: maior intervalo {max(piores) * 1000:.0f} ms (mediana das fases "
              f"{statistics.median(piores) * 1000:.0f} ms); fases acima de {META_MS} ms: "
              f"{', '.join(acima) if acima else 'nenhuma'} (meta ≤ {META_MS} ms: "
              f"{'atingida' if not acima else 'NÃO atingida'})")
        if vigia is not None and vigia.sem_fila():  # máquina carregada: o que sobra tirando a espera por CPU
            fase, pior = max(vigia.sem_fila().items(), key=lambda x: x[1])
            print(f"RESUMO sem a fila da CPU (--culpados): maior intervalo {pior * 1000:.0f} ms ({fase}); "
                  f"meta ≤ {META_MS} ms: {'atingida' if pior * 1000 <= META_MS else 'NÃO atingida'}")
            fase, cpu = max(vigia.cpu_maxima().items(), key=lambda x: x[1])
            print(f"RESUMO CPU da interface (--culpados): no máximo {cpu * 1000:.0f} ms de CPU num só intervalo "
                  f"({fase})")
    finally:
        shutil.rmtree(temporaria, ignore_errors=True)


if __name__ == "__main__":
    main()
