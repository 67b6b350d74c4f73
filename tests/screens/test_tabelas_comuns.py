"""Nenhuma tela monta a sua própria tabela (QTableWidget ou QTableView criada ou herdada) fora de
``desktop/screens/widgets/``: as listas e as grades de entrada são a tabela comum (``widgets.tabela``: ordenar,
filtrar, escolher pelo id, teclado, colunas legíveis) — issue 18, item 3.

``PENDENTES`` são as telas que ainda têm a sua, de outros módulos, a trocar; a lista só diminui: quem trocar a tabela
de uma tela tira a tela daqui (o teste acusa a entrada que sobrou), e uma tela nova com QTableWidget falha.
"""
import ast
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[2] / "desktop" / "screens"
CLASSES = {"QTableWidget", "QTableView"}

PENDENTES = {  # tela → quantas tabelas próprias ainda tem (grades de entrada e listas, a trocar)
}


def _nome(no: ast.AST) -> str | None:
    if isinstance(no, ast.Name):
        return no.id
    if isinstance(no, ast.Attribute):
        return no.attr
    return None


def tabelas_proprias(codigo: str) -> int:
    """Quantas QTableWidget/QTableView o código cria (chamada) ou herda (classe)."""
    n = 0
    for no in ast.walk(ast.parse(codigo)):
        if isinstance(no, ast.Call) and _nome(no.func) in CLASSES:
            n += 1
        elif isinstance(no, ast.ClassDef) and any(_nome(b) in CLASSES for b in no.bases):
            n += 1
    return n


def test_o_detector_ve_criacao_e_heranca():
    assert tabelas_proprias("from PySide6 import QtWidgets\nt = QtWidgets.QTableWidget(0, 3)") == 1
    assert tabelas_proprias("class G(QTableWidget):\n    pass\nv = QTableView()") == 2
    assert tabelas_proprias("from PySide6.QtWidgets import QTableWidget  # só importar não conta") == 0


def test_nenhuma_tela_monta_a_propria_tabela_fora_de_widgets():
    achadas = {}
    for arquivo in sorted(RAIZ.rglob("*.py")):
        relativo = arquivo.relative_to(RAIZ).as_posix()
        if relativo.startswith("widgets/"):
            continue
        n = tabelas_proprias(arquivo.read_text(encoding="utf-8"))
        if n:
            achadas[relativo] = n
    novas = {a: n for a, n in achadas.items() if n > PENDENTES.get(a, 0)}
    assert not novas, f"tela com tabela própria (use widgets.tabela.Lista): {novas}"
    trocadas = {a: n for a, n in PENDENTES.items() if achadas.get(a, 0) < n}
    assert not trocadas, f"tabela trocada pela comum: tire ou diminua em PENDENTES {trocadas} (agora {achadas})"
    assert not any(a.startswith("certificacao/") for a in PENDENTES)
