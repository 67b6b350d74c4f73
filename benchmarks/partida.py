"""Partida a frio: até a janela de entrada e até a janela principal, comparada a uma janela PySide6
vazia na mesma execução; memória (RSS) depois da entrada.

    .venv/bin/python benchmarks/partida.py [--vezes 5]

Cada medida é um processo novo (o tempo conta desde o lançamento do processo até a janela estar
pintada). A base é criada com o custo real do argon2id, como numa instalação de verdade.
Imprime números; não é um teste com tempo-limite.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
SENHA = "senha-do-benchmark"

JANELA_VAZIA = """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.resize(400, 300); w.show()
app.processEvents()
print("PRONTO", flush=True)
"""

PACO = """
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


def _medir(codigo: str, *args: str) -> dict[str, float]:
    """Roda ``codigo`` num processo novo; devolve o instante (s) de cada marca impressa."""
    ambiente = os.environ | {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                            "PYTHONPATH": str(RAIZ)}
    inicio = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", codigo, *args], stdout=subprocess.PIPE,
                            text=True, env=ambiente, cwd=RAIZ)
    marcas: dict[str, float] = {}
    for linha in proc.stdout:
        partes = linha.split()
        if partes and partes[0] == "RSS":
            marcas["RSS_kB"] = float(partes[1])
        elif partes:
            marcas[partes[0]] = time.perf_counter() - inicio
    proc.wait()
    if proc.returncode:
        raise SystemExit(f"o processo de medida falhou (código {proc.returncode})")
    return marcas


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--vezes", type=int, default=5)
    args = p.parse_args()
    os.environ.pop("PACO_KDF_RAPIDO", None)
    sys.path.insert(0, str(RAIZ))
    from desktop.services import acesso

    with tempfile.TemporaryDirectory() as pasta:
        os.environ["PACO_CONFIG"] = os.environ["PACO_DADOS"] = pasta
        caminho = Path(pasta) / "paco.db"
        escritorio = acesso.DadosEscritorio("Secretaria de Benchmark", "Jequié", "BA", "11.222.333/0001-81")
        sessao, _ = acesso.criar_instalacao(caminho, escritorio, login="admin", nome="Admin", senha=SENHA)
        sessao.fechar()
        _medir(JANELA_VAZIA)  # aquece o cache de disco do sistema para as duas medidas
        vazia = [_medir(JANELA_VAZIA)["PRONTO"] for _ in range(args.vezes)]
        paco = [_medir(PACO, str(caminho), SENHA) for _ in range(args.vezes)]

    med = statistics.median
    login, principal = med(m["LOGIN"] for m in paco), med(m["PRINCIPAL"] for m in paco)
    print(f"Partida a frio (mediana de {args.vezes} processos, QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')}):")
    print(f"  janela PySide6 vazia ............ {med(vazia) * 1000:7.0f} ms")
    print(f"  Paço até a janela de entrada .... {login * 1000:7.0f} ms  ({login / med(vazia):.2f}× a janela vazia)")
    print(f"  Paço até a janela principal ..... {principal * 1000:7.0f} ms  (inclui argon2id e abrir a base)")
    print(f"  RSS depois da entrada ........... {med(m['RSS_kB'] for m in paco) / 1024:7.1f} MiB")


if __name__ == "__main__":
    main()
