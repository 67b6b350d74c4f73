"""Partida a frio até a janela de entrada, comparada a uma janela PySide6 vazia, lados alternados na mesma execução.

    .venv/bin/python benchmarks/partida.py [--pares 10] [--principal [N]]

Cada medida é um processo novo, do lançamento até a janela estar na tela: o Paço pelo caminho real
(``desktop.app.main(["--base", ..., "--medir-partida"])``, que imprime LOGIN no primeiro giro do laço
de eventos depois de a janela de entrada aparecer) e uma janela vazia pelo mesmo caminho (QApplication,
um QWidget mostrado, a marca no primeiro giro do laço). Os lados se alternam par a par (A B, B A...),
com ≥ 10 pares; imprime mediana, mínimo, máximo e IQR de cada lado e uma linha com a razão (meta da
issue 16: ≤ 1,3×). Com ``--principal [N]``, mede também (à parte, sem comparação, em N processos; 3) o tempo até a janela
principal, com o argon2id de verdade, e a memória. Imprime números; não é um teste com tempo-limite.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from comparar import alternar, linha, pasta_de_trabalho, razao  # noqa: E402
from desktop.ambiente import variaveis  # noqa: E402 (comparar pôs a raiz no caminho)

RAIZ = Path(__file__).resolve().parent.parent
SENHA = "senha-do-benchmark"

JANELA_VAZIA = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.resize(600, 400); w.show()
QTimer.singleShot(0, lambda: (print("LOGIN", flush=True), app.quit()))
app.exec()
"""

FONTE = "import sys; from desktop import app; sys.exit(app.main(sys.argv[1:]))"

PRINCIPAL = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from desktop import app as paco
caminho = Path(sys.argv[1])
qapp = QApplication([])
paco.configurar_aplicacao(qapp)
fluxo = paco.Fluxo(qapp)
janela = fluxo.mostrar_login(caminho)
qapp.processEvents()
print("LOGIN", flush=True)
from desktop.services import acesso
sessao = acesso.entrar(caminho, "admin", sys.argv[2])
principal = fluxo.mostrar_principal(sessao)
qapp.processEvents()
print("PRINCIPAL", flush=True)
rss = next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1]
print("RSS", rss, flush=True)
principal.close()  # espera a cópia diária em andamento e faz a cópia ao fechar, como o usuário
while principal.isVisible() or principal._tarefa is not None:
    qapp.processEvents()
"""


_CASA = ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")


@contextmanager
def casa_temporaria(pasta: Path):
    """HOME e as pastas XDG dentro de ``pasta`` enquanto dura (valem para os processos medidos): o Qt, o
    fontconfig e o platformdirs não escrevem na pasta do usuário (``pasta_de_trabalho`` já aponta
    PACO_CONFIG, PACO_DADOS e PACO_LOGS para dentro dela). Os dois lados medidos rodam com a mesma casa."""
    casa = pasta / "casa"
    valores = {}
    for nome, sub in zip(_CASA, ("", ".config", ".cache", ".local/share", ".local/state")):
        (casa / sub).mkdir(parents=True, exist_ok=True)
        valores[nome] = str(casa / sub)
    with variaveis(valores):
        yield casa


def _medir(codigo: str, *args: str, executavel: str | None = None) -> dict[str, float]:
    """Roda ``codigo`` (ou ``executavel args``) num processo novo; devolve o instante (s) de cada marca."""
    ambiente = os.environ | {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                            "PYTHONPATH": str(RAIZ)}
    comando = [executavel, *args] if executavel else [sys.executable, "-c", codigo, *args]
    inicio = time.perf_counter()
    proc = subprocess.Popen(comando, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=ambiente,
                            cwd=RAIZ)
    marcas: dict[str, float] = {}
    for texto in proc.stdout:
        partes = texto.split()
        if partes and partes[0] == "RSS":
            marcas["RSS_kB"] = float(partes[1])
        elif partes:
            marcas.setdefault(partes[0], time.perf_counter() - inicio)
    proc.wait()
    if proc.returncode:
        raise SystemExit(f"o processo de medida falhou (código {proc.returncode}): {comando[:3]}")
    return marcas


def criar_base(pasta: Path) -> Path:
    from desktop.services import acesso

    caminho = pasta / "paco.db"
    escritorio = acesso.DadosEscritorio("Secretaria de Benchmark", "Jequié", "BA", "11.222.333/0001-81")
    sessao, _ = acesso.criar_instalacao(caminho, escritorio, login="admin", nome="Admin", senha=SENHA)
    sessao.fechar()
    return caminho


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pares", type=int, default=10)
    p.add_argument("--principal", type=int, nargs="?", const=3, default=0, metavar="N",
                   help="mede também até a janela principal e a memória, em N processos (padrão 3)")
    args = p.parse_args()
    os.environ.pop("PACO_KDF_RAPIDO", None)
    sys.path.insert(0, str(RAIZ))

    with pasta_de_trabalho("paco-partida-") as pasta, casa_temporaria(pasta):  # nada vai à pasta do usuário
        caminho = criar_base(pasta)
        opcoes = ("--base", str(caminho), "--medir-partida")
        _medir(JANELA_VAZIA)  # aquece o cache de disco para os dois lados
        _medir(FONTE, *opcoes)
        paco, vazia = alternar(lambda: _medir(FONTE, *opcoes)["LOGIN"], lambda: _medir(JANELA_VAZIA)["LOGIN"],
                               args.pares)
        principal = [_medir(PRINCIPAL, str(caminho), SENHA) for _ in range(args.principal)]

    print(f"Partida a frio até a janela na tela ({args.pares} pares alternados, "
          f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')}, {os.cpu_count()} núcleos):")
    print(linha("janela PySide6 vazia", vazia))
    print(linha("Paço até a janela de entrada", paco))
    if principal:
        med = statistics.median
        print(f"  Paço até a janela principal (inclui argon2id e abrir a base; {len(principal)} processos): "
              f"{med(m['PRINCIPAL'] for m in principal) * 1000:.0f} ms; RSS depois da entrada "
              f"{med(m['RSS_kB'] for m in principal) / 1024:.1f} MiB")
    print(razao("Paço até a entrada", paco, "janela vazia", vazia, meta=1.3))


if __name__ == "__main__":
    main()
