"""Partida a frio do pacote congelado (PyInstaller) até a janela de entrada, contra o código-fonte, e o tamanho do pacote.

    .venv/bin/python benchmarks/instalador.py [--vezes 5] [--pacote dist/paco]

Sem ``--pacote`` e sem ``dist/paco``, gera o pacote numa pasta temporária com installer.spec.
Cada medida é um processo novo, como em benchmarks/partida.py (de onde vêm as funções de medida):
do lançamento até a janela de entrada pintada (``--medir-partida`` imprime LOGIN e sai). O
executável congelado é lançado por um ``python -c`` que faz ``exec`` nele; o custo desse Python
(medido à parte, na mesma execução) é descontado. Imprime números; não é um teste com tempo-limite.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from partida import JANELA_VAZIA, RAIZ, SENHA, _medir  # noqa: E402

FONTE = "import sys; from desktop import app; sys.exit(app.main(sys.argv[1:]))"
LANCAR = "import os, sys; os.execv(sys.argv[1], sys.argv[1:])"
SO_PYTHON = "import os, sys; print('PRONTO', flush=True)"


def _gerar_pacote(pasta: Path) -> Path:
    print("Gerando o pacote com o PyInstaller...", flush=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(pasta / "dist"), "--workpath", str(pasta / "trabalho"),
                    "installer.spec"], cwd=RAIZ, check=True)
    return pasta / "dist" / "paco"


def _tamanhos(pacote: Path, pasta: Path) -> tuple[float, float, int]:
    arquivos = [p for p in pacote.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in arquivos)
    tar = pasta / "paco.tar.gz"
    with tarfile.open(tar, "w:gz") as t:
        t.add(pacote, arcname="paco")
    return total / 2**20, tar.stat().st_size / 2**20, len(arquivos)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--vezes", type=int, default=5)
    p.add_argument("--pacote", type=Path, help="pasta do pacote (padrão: dist/paco, ou gera um)")
    args = p.parse_args()
    os.environ.pop("PACO_KDF_RAPIDO", None)
    sys.path.insert(0, str(RAIZ))
    from desktop.services import acesso

    with tempfile.TemporaryDirectory() as pasta:
        pasta = Path(pasta)
        pacote = args.pacote or (RAIZ / "dist" / "paco")
        if not (pacote / "paco").exists():
            pacote = _gerar_pacote(pasta)
        executavel = str(pacote.resolve() / "paco")
        os.environ["PACO_CONFIG"] = os.environ["PACO_DADOS"] = str(pasta)
        caminho = pasta / "paco.db"
        escritorio = acesso.DadosEscritorio("Secretaria de Benchmark", "Jequié", "BA", "11.222.333/0001-81")
        sessao, _ = acesso.criar_instalacao(caminho, escritorio, login="admin", nome="Admin", senha=SENHA)
        sessao.fechar()
        opcoes = ("--base", str(caminho), "--medir-partida")
        _medir(JANELA_VAZIA)  # aquece o cache de disco para todas as medidas
        _medir(FONTE, *opcoes)
        _medir(LANCAR, executavel, *opcoes)
        vazia, python, fonte, congelado = [], [], [], []
        for _ in range(args.vezes):  # intercaladas: a mesma condição da máquina para todas
            vazia.append(_medir(JANELA_VAZIA)["PRONTO"])
            python.append(_medir(SO_PYTHON)["PRONTO"])
            fonte.append(_medir(FONTE, *opcoes)["LOGIN"])
            congelado.append(_medir(LANCAR, executavel, *opcoes)["LOGIN"])
        pasta_mb, tar_mb, n = _tamanhos(pacote, pasta)

    med = statistics.median
    lancador = med(python)
    c = med(congelado) - lancador
    print(f"Partida a frio até a janela de entrada (mediana de {args.vezes} processos, "
          f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')}):")
    print(f"  janela PySide6 vazia (código-fonte) .... {med(vazia) * 1000:7.0f} ms")
    print(f"  Paço do código-fonte ................... {med(fonte) * 1000:7.0f} ms")
    print(f"  Paço do pacote congelado ............... {c * 1000:7.0f} ms  ({c / med(fonte):.2f}× o código-fonte; "
          f"descontados {lancador * 1000:.0f} ms do Python lançador)")
    print(f"Tamanho do pacote {pacote}: pasta {pasta_mb:.1f} MB ({n} arquivos), .tar.gz {tar_mb:.1f} MB")


if __name__ == "__main__":
    main()
