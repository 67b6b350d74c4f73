"""Nenhum ciclo de importação em desktop/: um módulo nunca depende, direta ou indiretamente, de quem
depende dele (issue 18, item 7). Conta também as importações dentro de funções — a importação tardia
esconde o ciclo, não o fecha —; só as de ``if TYPE_CHECKING:`` (anotações) ficam de fora.

Um passeio pela AST de cada arquivo monta o grafo de módulos; os componentes fortemente conexos com
mais de um módulo (Tarjan) são os ciclos.
"""
import ast
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent / "desktop"


def _modulos() -> dict[str, Path]:
    mods = {}
    for p in RAIZ.rglob("*.py"):
        partes = ("desktop",) + p.relative_to(RAIZ).with_suffix("").parts
        mods[".".join(partes[:-1] if partes[-1] == "__init__" else partes)] = p
    return mods


def _eh_type_checking(no: ast.If) -> bool:
    t = no.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or \
        (isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def _importacoes(arvore: ast.AST):
    pilha = [arvore]
    while pilha:
        no = pilha.pop()
        if isinstance(no, ast.If) and _eh_type_checking(no):
            pilha.extend(no.orelse)
            continue
        if isinstance(no, (ast.Import, ast.ImportFrom)):
            yield no
        pilha.extend(ast.iter_child_nodes(no))


def _alvos(nome: str, caminho: Path, no, mods) -> set[str]:
    if isinstance(no, ast.Import):
        return {a.name for a in no.names if a.name in mods}
    if no.level:
        pacote = nome if caminho.name == "__init__.py" else nome.rsplit(".", 1)[0]
        for _ in range(no.level - 1):
            pacote = pacote.rsplit(".", 1)[0]
        alvo = pacote + (f".{no.module}" if no.module else "")
    else:
        alvo = no.module
    submodulos = {f"{alvo}.{a.name}" for a in no.names if f"{alvo}.{a.name}" in mods}
    if len(submodulos) < len(no.names) and alvo in mods:
        submodulos.add(alvo)  # importa nomes do próprio módulo (ou do __init__ do pacote)
    return submodulos


def grafo() -> dict[str, set[str]]:
    mods = _modulos()
    g = {}
    for nome, caminho in mods.items():
        arvore = ast.parse(caminho.read_text(encoding="utf-8"), str(caminho))
        g[nome] = {a for no in _importacoes(arvore) for a in _alvos(nome, caminho, no, mods)} - {nome}
    return g


def ciclos(g: dict[str, set[str]]) -> list[list[str]]:
    """Componentes fortemente conexos com mais de um módulo (Tarjan, iterativo)."""
    indice, baixo, na_pilha, pilha, saida, contador = {}, {}, set(), [], [], 0
    for raiz in g:
        if raiz in indice:
            continue
        trabalho = [(raiz, iter(sorted(g[raiz])))]
        indice[raiz] = baixo[raiz] = contador
        contador += 1
        pilha.append(raiz)
        na_pilha.add(raiz)
        while trabalho:
            v, filhos = trabalho[-1]
            for w in filhos:
                if w not in indice:
                    indice[w] = baixo[w] = contador
                    contador += 1
                    pilha.append(w)
                    na_pilha.add(w)
                    trabalho.append((w, iter(sorted(g[w]))))
                    break
                if w in na_pilha:
                    baixo[v] = min(baixo[v], indice[w])
            else:
                trabalho.pop()
                if trabalho:
                    baixo[trabalho[-1][0]] = min(baixo[trabalho[-1][0]], baixo[v])
                if baixo[v] == indice[v]:
                    comp = []
                    while True:
                        w = pilha.pop()
                        na_pilha.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        saida.append(sorted(comp))
    return saida


def test_o_detector_acha_um_ciclo():
    assert ciclos({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert ciclos({"a": {"b"}, "b": set()}) == []


def test_nenhum_ciclo_de_importacao_em_desktop():
    g = grafo()
    achados = ciclos(g)
    detalhe = "\n".join(" ↔ ".join(c) + "\n    " + "; ".join(f"{v} → {sorted(g[v] & set(c))}" for v in c)
                        for c in achados)
    assert not achados, f"Ciclos de importação em desktop/:\n{detalhe}"


def test_os_tres_ciclos_da_issue_18_seguem_fechados():
    """Os três círculos que a issue 18 (item 7) nomeou: a ida existe (ou existia) e a volta não existe mais,
    nem por importação dentro de função."""
    g = grafo()
    demos = [f"desktop.services.{m}.demo" for m in ("magisterio", "eleicao", "conselho", "certificacao")]
    for m in demos:
        assert m in g["desktop.services.demo"] and "desktop.services.demo" not in g[m], m
    assert "desktop.store.copias" not in g["desktop.store.base"]
    assert "desktop.screens.conselho.painel" not in g["desktop.screens.conselho.funcionamento.abas"]
