"""Partida a frio do Paço empacotado (PyInstaller) contra uma janela PySide6 vazia empacotada do mesmo jeito, e o tamanho do pacote.

    .venv/bin/python benchmarks/instalador.py [--pares 10] [--pacote dist/paco] [--vazia PASTA]

Os dois lados são pacotes de uma pasta do PyInstaller, lançados direto (sem Python na frente):
o Paço (installer.spec; sem ``--pacote`` e sem ``dist/paco``, é gerado numa pasta temporária) até a
janela de entrada (``--medir-partida`` imprime LOGIN no primeiro giro do laço de eventos), e uma
janela vazia (QApplication + QWidget, a marca no primeiro giro do laço), empacotada aqui com o
mesmo PyInstaller (sem ``--vazia``, gerada numa pasta temporária: ~1-3 min). Os lados se alternam
par a par; imprime mediana e dispersão e a razão (meta da issue 16: ≤ 1,3×). Imprime números;
não é um teste com tempo-limite.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from comparar import alternar, linha, pasta_de_trabalho, razao  # noqa: E402
from partida import JANELA_VAZIA, RAIZ, _medir, casa_temporaria, criar_base  # noqa: E402


def _gerar_pacote(pasta: Path) -> Path:
    print("Gerando o pacote do Paço com o PyInstaller...", flush=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(pasta / "dist"), "--workpath", str(pasta / "trabalho"),
                    "installer.spec"], cwd=RAIZ, check=True)
    return pasta / "dist" / "paco"


def _gerar_vazia(pasta: Path) -> Path:
    """A janela vazia num pacote de uma pasta, pelo mesmo PyInstaller (só o PySide6 que ela usa)."""
    print("Gerando o pacote da janela vazia com o PyInstaller...", flush=True)
    script = pasta / "janela_vazia.py"
    script.write_text(JANELA_VAZIA, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--onedir",
                    "--name", "janela_vazia", "--distpath", str(pasta / "dist"),
                    "--workpath", str(pasta / "trabalho-vazia"), "--specpath", str(pasta), str(script)],
                   cwd=pasta, check=True)
    return pasta / "dist" / "janela_vazia"


def _tamanhos(pacote: Path, pasta: Path) -> tuple[float, float, int]:
    arquivos = [p for p in pacote.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in arquivos)
    tar = pasta / "paco.tar.gz"
    with tarfile.open(tar, "w:gz") as t:
        t.add(pacote, arcname="paco")
    return total / 2**20, tar.stat().st_size / 2**20, len(arquivos)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pares", type=int, default=10)
    p.add_argument("--pacote", type=Path, help="pasta do pacote do Paço (padrão: dist/paco, ou gera um)")
    p.add_argument("--vazia", type=Path, help="pasta do pacote da janela vazia (padrão: gera um)")
    args = p.parse_args()
    os.environ.pop("PACO_KDF_RAPIDO", None)
    sys.path.insert(0, str(RAIZ))

    # A pasta temporária (apagada no fim, também num erro) recebe PACO_CONFIG, PACO_DADOS e PACO_LOGS — o Paço
    # empacotado escrevia o registro na pasta de registros do usuário — e, nas medidas, HOME e as pastas XDG.
    # O PyInstaller gera os pacotes com a casa do usuário (o cache dele, ~/.cache/pyinstaller).
    with pasta_de_trabalho("paco-instalador-") as pasta:
        pacote = args.pacote or (RAIZ / "dist" / "paco")
        if not (pacote / "paco").exists():
            pacote = _gerar_pacote(pasta)
        vazia = args.vazia if args.vazia and (args.vazia / "janela_vazia").exists() else _gerar_vazia(pasta)
        exe_paco, exe_vazia = str(pacote.resolve() / "paco"), str(vazia.resolve() / "janela_vazia")
        caminho = criar_base(pasta)
        opcoes = ("--base", str(caminho), "--medir-partida")
        with casa_temporaria(pasta):
            _medir("", executavel=exe_vazia)  # aquece o cache de disco para os dois lados
            _medir("", *opcoes, executavel=exe_paco)
            paco, janela = alternar(lambda: _medir("", *opcoes, executavel=exe_paco)["LOGIN"],
                                    lambda: _medir("", executavel=exe_vazia)["LOGIN"], args.pares)
        escritos = sorted(str(p.relative_to(pasta)) for p in pasta.rglob("*") if p.is_file()
                          and p.parts[len(pasta.parts)] in ("registros", "casa"))
        pasta_mb, tar_mb, n = _tamanhos(pacote, pasta)

    print(f"Partida a frio dos pacotes até a janela na tela ({args.pares} pares alternados, "
          f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')}):")
    print(linha("janela vazia empacotada", janela))
    print(linha("Paço empacotado até a entrada", paco))
    print(f"Tamanho do pacote {pacote}: pasta {pasta_mb:.1f} MB ({n} arquivos), .tar.gz {tar_mb:.1f} MB")
    print(f"Escrito pelos processos medidos na pasta temporária (registros e casa), não na do usuário: "
          f"{', '.join(escritos) or 'nada'}")
    print(razao("Paço empacotado", paco, "janela vazia empacotada", janela, meta=1.3))


if __name__ == "__main__":
    main()
