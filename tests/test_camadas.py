"""As camadas do DESIGN.md: rules, store, reports e services não carregam o Qt; rules não faz E/S."""
import ast
import re
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


# -- SQL só no store (issue 18, item 4) ---------------------------------------------------------
_SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA|CREATE|ALTER|DROP|ATTACH|DETACH)\s", re.I)
_METODOS_DE_BANCO = {"execute", "executemany", "executescript", "query", "table", "insert_all", "upsert",
                     "upsert_all", "rows_where", "count_where"}
SERVICOS_AINDA_COM_SQL = (  # em limpeza (cada um sai daqui quando as suas consultas forem para o store)
    "conselho/", "pagamento/",
)


def sql_cru(fonte: str) -> list[tuple[int, str]]:
    """(linha, o quê) de cada acesso direto ao banco num módulo: ``.execute``/``.query``/… , ``db[tabela]``
    e textos que começam por um comando SQL (docstrings não contam)."""
    arvore = ast.parse(fonte)
    docstrings = {id(no.body[0].value) for no in ast.walk(arvore)
                  if isinstance(no, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and no.body and isinstance(no.body[0], ast.Expr) and isinstance(no.body[0].value, ast.Constant)}
    achados = []
    for no in ast.walk(arvore):
        if isinstance(no, ast.Call) and isinstance(no.func, ast.Attribute) and no.func.attr in _METODOS_DE_BANCO:
            achados.append((no.lineno, f".{no.func.attr}(…)"))
        elif isinstance(no, ast.Subscript) and (
                (isinstance(no.value, ast.Attribute) and no.value.attr == "db")
                or (isinstance(no.value, ast.Name) and no.value.id == "db")):
            achados.append((no.lineno, "db[…]"))
        elif (isinstance(no, ast.Constant) and isinstance(no.value, str) and id(no) not in docstrings
              and _SQL.match(no.value)):
            achados.append((no.lineno, repr(no.value[:40])))
    return sorted(achados)


def test_sql_cru_acha_os_acessos_diretos():
    fonte = ('"""SELECT na docstring não conta."""\n'
             'def f(db, m):\n'
             '    db.execute("SELECT 1")\n'
             '    m.db["pessoas"].insert({})\n'
             '    return "UPDATE x SET y = 1", "Selecione a pessoa"\n')
    assert set(sql_cru(fonte)) == {(3, ".execute(…)"), (3, "'SELECT 1'"), (4, "db[…]"), (5, "'UPDATE x SET y = 1'")}


def test_servicos_nao_tem_sql():
    """Os serviços chamam funções com nome do store; gravar com diário é ``Mudanca.inserir``/``alterar``."""
    ruins = {}
    for arq in sorted((RAIZ / "services").rglob("*.py")):
        nome = arq.relative_to(RAIZ / "services").as_posix()
        if nome.startswith(SERVICOS_AINDA_COM_SQL):
            continue
        if achados := sql_cru(arq.read_text(encoding="utf-8")):
            ruins[nome] = achados
    assert ruins == {}
