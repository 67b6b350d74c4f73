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
SERVICOS_AINDA_COM_SQL: tuple[str, ...] = ()  # em limpeza: vazia desde que o último serviço passou ao store


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


# -- telas chamam serviços só por widgets.servicos (issue 18, item 3) ---------------------------
EMBRULHOS = {"consulta": (1, "funcao"), "operacao": (2, "funcao"), "gravar": (2, "funcao"), "ler": (1, "funcao"),
             "gravar_sozinho": (1, "funcao"),
             "emitir_em_segundo_plano": (3, "emitir"), "DialogoAcao": (3, "acao"), "DialogoGravacao": (3, "acao")}
"""Quem roda fora da thread da interface a função que recebe (posição e nome do argumento):
``widgets.servicos``, ``widgets.leitura``, o PDF salvo do Conselho e os diálogos que gravam com
``servicos.operacao`` (``gravar_sozinho``: o rascunho do plantão, sem diálogo). Funções das telas que repassam um parâmetro a um destes entram sozinhas
(``embrulhos_das_telas``)."""
SERVICOS_SEM_BASE = {
    # Funções dos serviços que não leem a base: texto de erro, pastas, tabelas fixas, formatação.
    "mensagem", "motivo", "senha_incorreta", "oferece_restauracao", "problema_nas_chaves",
    "pasta_dados_padrao", "arquivo_config", "pasta_registros", "registrar_excecao", "excecao_em_thread",
    "liberar_thread", "tabela_sipia", "gravado_em_local", "texto_valor", "normalizar_codigo",
    "pasta_copias_da_base", "pasta_copias", "validar_chave_recuperacao", "requisitos_da_lei", "ler_nota",
    "etapas_possiveis",
    # folha_ciclo.mes (reexportada pelas folhas): só lê o texto "mm/aaaa" da competência, sem sessão nem base.
    "mes",
}
DEVOLVEM_A_CHAMADA = {"chamada", "leitor_para_imprimir"}
"""Métodos que devolvem a função que outro roda num embrulho (``DialogoFormulario``, o Ctrl+P)."""
TELAS_ISENTAS = {
    # Antes de haver sessão (abrir, criar ou restaurar a base): widgets.tarefa com diálogo de progresso,
    # sem aba a travar nem ``sessao`` a passar.
    "login/janela.py", "login/recuperacao.py", "login/restauracao.py", "login/senha.py",
    "assistente/assistente.py", "assistente/conclusao.py", "assistente/juntar.py", "assistente/orgao.py",
    "assistente/paginas.py", "principal/restauracao.py",
    # O tratamento geral de exceções grava o registro (arquivo de log), não a base.
    "widgets/falhas.py",
    # Ao montar o painel, a aba Sincronização só aparece numa réplica (uma linha da tabela de réplicas).
    "administracao/painel.py",
    # Receber pela rede liga o servidor (socket) que vive com a aba; esperar e aplicar rodam noutra thread.
    "administracao/rede.py",
    # As cópias de segurança (diária, manual, ao fechar) já rodam em widgets.tarefa, uma de cada vez com a
    # restauração, e o fechar da janela espera por elas: a operacao travaria a janela inteira e avisaria as
    # falhas (qualquer erro de E/S, não só as recusas previstas) sem "a cópia não foi feita".
    "principal/janela.py",
}

def _nome_chamado(no: ast.Call) -> str | None:
    f = no.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _nomes_em(no: ast.AST | None) -> set[str]:
    return set() if no is None else {s.id if isinstance(s, ast.Name) else s.attr for s in ast.walk(no)
                                     if isinstance(s, (ast.Name, ast.Attribute))}


def _funcoes_passadas(no: ast.Call, embrulhos: dict[str, set[tuple[int, str]]]) -> list[ast.AST]:
    """Os argumentos que um embrulho roda fora da interface (nenhum se a chamada não é a um embrulho)."""
    achados = []
    for posicao, chave in embrulhos.get(_nome_chamado(no), ()):
        if len(no.args) > posicao and not any(isinstance(a, ast.Starred) for a in no.args[:posicao + 1]):
            achados.append(no.args[posicao])
        achados += [k.value for k in no.keywords if k.arg == chave]
    return achados


def _seguir_nomes(classe: ast.ClassDef, nomes: set[str]) -> set[str]:
    """Os nomes de que os dados ``nomes`` dependem na classe: o corpo das funções internas com esses nomes
    e o lado direito das atribuições a eles (``consultar = self._consultar``)."""
    nomes = set(nomes)
    nos = [no for no in ast.walk(classe) if isinstance(no, (ast.FunctionDef, ast.Assign))]  # a classe não muda
    while True:
        novos = set()
        for no in nos:
            if isinstance(no, ast.FunctionDef) and no.name in nomes and no not in classe.body:
                novos |= _nomes_em(no)
            elif isinstance(no, ast.Assign) and len(no.targets) == 1:
                alvo, valor = no.targets[0], no.value
                pares = (zip(alvo.elts, valor.elts) if isinstance(alvo, ast.Tuple) and isinstance(valor, ast.Tuple)
                         and len(alvo.elts) == len(valor.elts) else [(alvo, valor)])
                for a, v in pares:
                    if isinstance(a, ast.Name) and a.id in nomes:
                        novos |= _nomes_em(v)
        if novos <= nomes:
            return nomes
        nomes |= novos


def embrulhos_das_telas(arvores: list[ast.AST], base: dict | None = None) -> dict[str, set[tuple[int, str]]]:
    """``EMBRULHOS`` mais as funções que passam um dos seus parâmetros como a função de um embrulho, e os
    diálogos cujo ``chamada()`` devolve a função dada ao construtor (nome → posições e nomes do argumento)."""
    embrulhos = {nome: set(pos) for nome, pos in base.items()} if base else {n: {p} for n, p in EMBRULHOS.items()}
    defs = [no for arv in arvores for no in ast.walk(arv) if isinstance(no, (ast.FunctionDef, ast.AsyncFunctionDef))]
    classes = [no for arv in arvores for no in ast.walk(arv) if isinstance(no, ast.ClassDef)]
    # as árvores não mudam entre as voltas: as chamadas e as funções internas (com os nomes nelas) de cada função,
    # listadas uma vez — percorrer a função de novo a cada chamada dela custava ~60 s (quadrático no tamanho)
    chamadas = {id(d): [no for no in ast.walk(d) if isinstance(no, ast.Call)] for d in defs}
    chamadas_das_classes = {id(c): [no for no in ast.walk(c) if isinstance(no, ast.Call)] for c in classes}
    internas = {id(d): [(f.name, _nomes_em(f)) for f in ast.walk(d) if isinstance(f, ast.FunctionDef) and f is not d]
                for d in defs}
    mudou = True
    while mudou:
        mudou = False
        for classe in classes:  # o construtor guarda a função, que a classe dá a um embrulho ou devolve
            metodos = {m.name: m for m in classe.body if isinstance(m, ast.FunctionDef)}
            if "__init__" not in metodos:
                continue
            params = [a.arg for a in metodos["__init__"].args.args[1:]]
            rodadas = set().union(*(_nomes_em(f) for no in chamadas_das_classes[id(classe)]
                                    for f in _funcoes_passadas(no, embrulhos)))
            rodadas |= set().union(*(_nomes_em(m) for nome, m in metodos.items() if nome in DEVOLVEM_A_CHAMADA))
            rodadas = _seguir_nomes(classe, rodadas)
            bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", None) for b in classe.bases}
            for no in ast.walk(metodos["__init__"]):  # super().__init__(…, acao, …) de uma base que é embrulho
                if (isinstance(no, ast.Call) and isinstance(no.func, ast.Attribute) and no.func.attr == "__init__"
                        and isinstance(no.func.value, ast.Call) and _nome_chamado(no.func.value) == "super"):
                    for base in bases & set(embrulhos):
                        copia = ast.Call(func=ast.Name(id=base), args=no.args, keywords=no.keywords)
                        for f in _funcoes_passadas(copia, embrulhos):
                            if isinstance(f, ast.Name) and f.id in params and (
                                    pos := (params.index(f.id), f.id)) not in embrulhos.get(classe.name, set()):
                                embrulhos.setdefault(classe.name, set()).add(pos)
                                mudou = True
            for no in ast.walk(metodos["__init__"]):
                if (isinstance(no, ast.Assign) and isinstance(no.value, ast.Name) and no.value.id in params
                        and isinstance(no.targets[0], ast.Attribute) and no.targets[0].attr in rodadas
                        and (pos := (params.index(no.value.id), no.value.id)) not in embrulhos.get(classe.name, set())):
                    embrulhos.setdefault(classe.name, set()).add(pos)
                    mudou = True
        for d in defs:
            params = [a.arg for a in d.args.args if a.arg != "self"]
            for no in chamadas[id(d)]:
                usados = set().union(*map(_nomes_em, _funcoes_passadas(no, embrulhos)))
                usados |= set().union(*(nomes for nome, nomes in internas[id(d)]  # funções internas dadas ao embrulho
                                        if nome in usados))
                for param in usados & set(params):
                    if (params.index(param), param) not in embrulhos.get(d.name, set()):
                        embrulhos.setdefault(d.name, set()).add((params.index(param), param))
                        mudou = True
    return embrulhos


def chamadas_diretas(arvore: ast.AST, embrulhos: dict[str, set[tuple[int, str]]]) -> list[tuple[int, str]]:
    """(linha, serviço) de cada uso de uma função de ``desktop.services`` fora de um embrulho: só vale como a
    função dada a um embrulho, dentro de um lambda ou função dados a um, ou no que ``chamada()`` devolve
    (``DialogoFormulario``). Classes e constantes (nome com maiúscula) não contam."""
    modulos, funcoes = set(), set()
    for no in ast.walk(arvore):
        if isinstance(no, ast.ImportFrom) and no.level == 0 and (no.module or "").startswith("desktop.services"):
            base = RAIZ.joinpath(*no.module.split(".")[1:])
            for a in no.names:
                e_modulo = (base / f"{a.name}.py").exists() or (base / a.name / "__init__.py").exists()
                (modulos if e_modulo else funcoes).add(a.asname or a.name)
    pais = {filho: no for no in ast.walk(arvore) for filho in ast.iter_child_nodes(no)}
    # um nome definido neste módulo vale pela definição daqui (outro módulo pode ter um homônimo que embrulha)
    locais = {no.name for no in ast.walk(arvore) if isinstance(no, (ast.FunctionDef, ast.ClassDef))} - set(EMBRULHOS)
    de_fora = {k: v for k, v in embrulhos.items() if k not in locais}
    embrulhos = de_fora | {k: v for k, v in embrulhos_das_telas([arvore], de_fora).items() if k in locais}

    def _chama_servico(no: ast.Call) -> bool:
        f = no.func
        return ((isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in modulos)
                or (isinstance(f, ast.Name) and f.id in funcoes))

    def _nomes_da_tela(no: ast.AST) -> set[str]:
        """Os nomes em ``no`` que podem ser funções da tela (não as funções de serviço chamadas nele)."""
        return {s.id if isinstance(s, ast.Name) else s.attr for s in ast.walk(no)
                if (isinstance(s, ast.Name) and s.id not in funcoes)
                or (isinstance(s, ast.Attribute) and not (isinstance(s.value, ast.Name) and s.value.id in modulos))}

    dadas = {}  # id do nó dado como função a um embrulho → os nomes de funções da tela nele
    for no in ast.walk(arvore):
        if isinstance(no, ast.Call) and not _chama_servico(no):
            dadas |= {id(f): _nomes_da_tela(f) for f in _funcoes_passadas(no, embrulhos)}
    passados = set().union(*dadas.values())

    def _acima(no: ast.AST):
        while (no := pais.get(no)) is not None:
            yield no

    def _fora_da_interface(no: ast.AST) -> bool:
        for pai in [no, *_acima(no)]:
            if id(pai) in dadas:
                return True
            if isinstance(pai, (ast.FunctionDef, ast.AsyncFunctionDef)) and pai.name in passados:
                return True
            if isinstance(pai, ast.Lambda):
                destino = pais.get(pai)
                if isinstance(destino, ast.Assign) and _nomes_em(destino.targets[0]) & passados:
                    return True
        return False

    def _devolvido_por_chamada(no: ast.AST) -> bool:
        """Em ``chamada()`` (``DEVOLVEM_A_CHAMADA``): a função dada a ``partial``, ou chamada num lambda ou
        função interna."""
        adiado = not (isinstance(pais.get(no), ast.Call) and pais[no].func is no)
        for pai in _acima(no):
            if isinstance(pai, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if pai.name in DEVOLVEM_A_CHAMADA:
                    return adiado
                adiado = True  # função interna
            adiado = adiado or isinstance(pai, ast.Lambda)
        return False

    achados = []
    for no in ast.walk(arvore):
        if isinstance(no, ast.Attribute) and isinstance(no.value, ast.Name) and no.value.id in modulos:
            nome, ref = no.attr, f"{no.value.id}.{no.attr}"
        elif isinstance(no, ast.Name) and no.id in funcoes and isinstance(no.ctx, ast.Load):
            nome = ref = no.id
        else:
            continue
        if nome[:1].isupper() or nome in SERVICOS_SEM_BASE or _fora_da_interface(no) or _devolvido_por_chamada(no):
            continue
        achados.append((no.lineno, ref))
    return sorted(achados)


def test_chamadas_diretas_acha_servico_fora_de_consulta():
    fonte = ("from desktop.services.conselho import atendimentos\n"
             "from desktop.services.eleicao.processo import obter_processo\n"
             "class Aba:\n"
             "    def recarregar(self):\n"
             "        consulta(self, lambda: atendimentos.listar_atendimentos(self.s), self._on_lidos, titulo_erro='x')\n"
             "        consulta(self, self._ler, self._on_lidos, titulo_erro='x')\n"
             "        self._fazer(lambda: obter_processo(self.s, 1), 'Feito.')\n"
             "        return atendimentos.listar_atendimentos(self.s)\n"
             "    def _ler(self):\n"
             "        return obter_processo(self.s, 1)\n"
             "    def _fazer(self, acao, mensagem):\n"
             "        gravar(self, 'Gravando…', acao, lambda r: self._on_clique(), titulo_erro='x')\n"
             "    def _on_clique(self):\n"
             "        x = atendimentos.tabela_sipia(), atendimentos.Filtro()\n"
             "        obter_processo(self.s, 2)\n"
             "    def chamada(self):\n"
             "        return partial(obter_processo, self.s, 3), lambda: obter_processo(self.s, 4), obter_processo(self.s, 5)\n")
    arvore = ast.parse(fonte)
    assert chamadas_diretas(arvore, embrulhos_das_telas([arvore])) == [
        (8, "atendimentos.listar_atendimentos"), (15, "obter_processo"), (17, "obter_processo")]


def test_chamadas_diretas_homonimos_e_subclasse_de_dialogo():
    """Um nome definido na tela vale pela definição dela (o ``_mostrar`` de outra tela, que embrulha, não
    libera este); a subclasse que passa a ação a ``super().__init__`` de um diálogo que grava também embrulha."""
    outra = ast.parse("def _mostrar(self, f):\n    consulta(self, f, print, titulo_erro='x')\n")
    tela = ast.parse("from desktop.services import documentos\n"
                     "class D(DialogoGravacao):\n"
                     "    def __init__(self, titulo, acao):\n"
                     "        super().__init__(titulo, 'Gravar', [], acao)\n"
                     "    def _mostrar(self, v):\n"
                     "        pass\n"
                     "    def verificar(self, t):\n"
                     "        self._mostrar(documentos.verificar_codigo(self.s, t))\n"
                     "        D('Plano', lambda v: documentos.cancelar(self.s, v))\n")
    assert chamadas_diretas(tela, embrulhos_das_telas([outra, tela])) == [(8, "documentos.verificar_codigo")]


def test_telas_chamam_servicos_so_por_widgets_servicos():
    """Toda leitura e gravação de uma tela roda fora da thread da interface, com o resultado num callback
    (``widgets.servicos``: consulta, operacao, gravar) — nada de serviço chamado direto num slot."""
    telas = RAIZ / "screens"
    arvores = {arq.relative_to(telas).as_posix(): ast.parse(arq.read_text(encoding="utf-8"))
               for arq in sorted(telas.rglob("*.py"))}
    embrulhos = embrulhos_das_telas(list(arvores.values()))
    ruins = {nome: achados for nome, arvore in arvores.items()
             if nome not in TELAS_ISENTAS and (achados := chamadas_diretas(arvore, embrulhos))}
    assert ruins == {}
