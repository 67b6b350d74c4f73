"""As camadas do DESIGN.md: rules, store, reports e services não carregam o Qt; rules não faz E/S."""
import ast
import subprocess
import sys
from pathlib import Path

import desktop

RAIZ = Path(desktop.__file__).parent

_SCRIPT = """
import importlib, pkgutil, sys
import desktop
for pacote in ("rules", "store", "reports", "services"):
    mod = importlib.import_module("desktop." + pacote)
    for info in pkgutil.walk_packages(mod.__path__, mod.__name__ + "."):
        importlib.import_module(info.name)
import desktop.cli
carregados = sorted(m for m in sys.modules if m.split(".")[0] == "PySide6")
print(",".join(carregados))
"""


def test_camadas_de_baixo_e_cli_nao_carregam_pyside6():
    saida = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True,
                           cwd=RAIZ.parent, check=True)
    assert saida.stdout.strip() == ""


def _importados(pasta: Path) -> set[tuple[str, str]]:
    achados = set()
    for arq in pasta.rglob("*.py"):
        for no in ast.walk(ast.parse(arq.read_text(encoding="utf-8"))):
            if isinstance(no, ast.Import):
                achados |= {(arq.name, a.name) for a in no.names}
            elif isinstance(no, ast.ImportFrom) and no.module:
                achados.add((arq.name, ("." * no.level) + no.module))
    return achados


def test_rules_nao_importa_banco_qt_nem_outras_camadas():
    proibidos = ("PySide6", "sqlite", "sqlcipher3", "sqlite_utils", "desktop.store",
                 "desktop.services", "desktop.screens", "desktop.reports", "reportlab")
    ruins = {(a, m) for a, m in _importados(RAIZ / "rules") if m.startswith(proibidos)}
    assert ruins == set()


def test_telas_nao_tem_sql_nem_store():
    ruins = {(a, m) for a, m in _importados(RAIZ / "screens") if m.startswith(("desktop.store", "sqlite", "sqlcipher3"))}
    assert ruins == set()


def test_reports_nao_importa_banco_nem_qt():
    ruins = {(a, m) for a, m in _importados(RAIZ / "reports")
             if m.startswith(("PySide6", "desktop.store", "desktop.services", "sqlite"))}
    assert ruins == set()
