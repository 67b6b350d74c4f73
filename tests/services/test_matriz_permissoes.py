"""Matriz de permissões gerada (issue 10, item 3): toda função pública de ``desktop.services`` é
chamada sob cada papel, com uma sessão de verdade numa base de verdade, e é recusada com
``SemPermissao`` exatamente onde a matriz de docs/seguranca.md manda.

* ``EXIGE`` diz o que cada função exige (uma ou mais permissões de ``desktop.rules.papeis``, o
  conteúdo dos casos do Conselho, ou ``LIVRE`` para quem entrou); a matriz papel × permissão é
  ``papeis.PERMISSOES``, e a tabela de docs/seguranca.md é conferida contra ela.
* ``ISENTAS`` lista as funções cujo primeiro parâmetro não é uma sessão, com o motivo.
* ``ARGUMENTOS`` dá os argumentos de quem precisa de mais que os genéricos (por anotação).

Uma função pública nova sem entrada em ``EXIGE`` ou ``ISENTAS`` faz o teste falhar.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import random
import re
import typing
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

import desktop.services
from desktop.rules.papeis import PERMISSOES, ROTULOS, Papel, Permissao, pode
from desktop.services import acesso, chaveiro
from desktop.services.conselho import mandatos
from desktop.services.sessao import SemPermissao, Sessao, Usuario

from .matriz_permissoes import ARGUMENTOS, CASOS_EDITAR, CASOS_LER, EXIGE, ISENTAS, LIVRE

SENHA = "fivela-jabuti-moringa"
DOC = Path(__file__).resolve().parents[2] / "docs" / "seguranca.md"


def funcoes_publicas() -> dict[str, typing.Callable]:
    """Toda função pública definida num módulo de ``desktop.services`` (nome ``modulo.funcao``)."""
    achadas = {}
    for info in pkgutil.walk_packages(desktop.services.__path__, "desktop.services."):
        modulo = importlib.import_module(info.name)
        for nome, f in vars(modulo).items():
            if nome.startswith("_") or not inspect.isfunction(f) or f.__module__ != modulo.__name__:
                continue
            achadas[f"{info.name.removeprefix('desktop.services.')}.{nome}"] = f
    return achadas


FUNCOES = funcoes_publicas()


def _primeiro_parametro(f) -> str | None:
    ps = list(inspect.signature(f).parameters)
    return ps[0] if ps else None


COM_SESSAO = sorted(n for n, f in FUNCOES.items() if _primeiro_parametro(f) == "sessao")


def test_toda_funcao_publica_tem_entrada():
    sem_entrada = sorted(n for n in FUNCOES if n not in EXIGE and n not in ISENTAS)
    assert not sem_entrada, ("Funções públicas de desktop.services sem entrada na matriz "
                             f"(tests/services/matriz_permissoes.py, EXIGE ou ISENTAS): {sem_entrada}")
    sobrando = sorted((set(EXIGE) | set(ISENTAS)) - set(FUNCOES))
    assert not sobrando, f"Entradas da matriz para funções que não existem mais: {sobrando}"
    assert not set(EXIGE) & set(ISENTAS)


def test_isentas_nao_recebem_sessao_e_tem_motivo():
    for nome, motivo in ISENTAS.items():
        assert _primeiro_parametro(FUNCOES[nome]) != "sessao", f"{nome} recebe sessão: ponha-a em EXIGE"
        assert len(motivo) > 15, f"{nome}: diga por que a função é isenta"


def test_nenhuma_funcao_recebe_permissao_papel_ou_usuario_de_quem_chama():
    """O papel e o usuário vêm só da sessão (``login`` só como alvo de uma ação de administrador
    ou como credencial conferida por senha)."""
    proibidos = {"permissao", "permissoes", "papel_da_sessao", "usuario_id", "autor_login", "como"}
    alvo_de_admin = {"acesso.criar_usuario", "acesso.desativar_usuario", "acesso.reativar_usuario",
                     "acesso.redefinir_senha", "tentativas.zerar", "conselho.mandatos.vincular_usuario",
                     "usuarios_replicas.aceitar"}  # aceitar o usuário recebido de outra réplica (alvo)
    credencial = {"acesso.outra_sessao"}
    alvo_da_comissao = {"eleicao.designacoes.designar"}  # designa um usuário como mesário (alvo)  # login e senha conferidos no arquivo de chaves
    for nome, f in FUNCOES.items():
        parametros = set(inspect.signature(f).parameters)
        assert not parametros & proibidos, f"{nome} recebe {parametros & proibidos}"
        if nome in EXIGE and ({"login", "papel"} & parametros) and nome not in credencial:
            assert nome in alvo_de_admin or nome in alvo_da_comissao, f"{nome} recebe login/papel de quem chama"
            assert EXIGE[nome] == (Permissao.USUARIOS_GERENCIAR if nome in alvo_de_admin
                                   else Permissao.ELEICAO_EDITAR), nome


# -- a matriz em docs/seguranca.md --------------------------------------------------------------
def _tabela_do_doc() -> dict[str, dict[str, bool]]:
    texto = DOC.read_text(encoding="utf-8")
    bloco = texto.split("<!-- matriz:inicio -->")[1].split("<!-- matriz:fim -->")[0]
    linhas = [l.strip() for l in bloco.strip().splitlines() if l.strip().startswith("|")]
    cabecalho = [c.strip() for c in linhas[0].strip("|").split("|")]
    tabela = {}
    for linha in linhas[2:]:
        celulas = [c.strip() for c in linha.strip("|").split("|")]
        acao = re.search(r"`([^`]+)`", celulas[0]).group(1)
        tabela[acao] = {papel: celula == "✔" for papel, celula in zip(cabecalho[1:], celulas[1:])}
    return tabela


def test_tabela_do_documento_e_a_matriz_do_codigo():
    tabela = _tabela_do_doc()
    assert set(tabela) == {p.value for p in Permissao}, "docs/seguranca.md: uma linha por permissão"
    for permissao in Permissao:
        for papel in Papel:
            assert tabela[permissao.value][ROTULOS[papel]] == pode(papel, permissao), (permissao, papel)


# -- chamar cada função sob cada papel ---------------------------------------------------------
@dataclass
class Contexto:
    sessoes: dict[Papel, Sessao]
    pasta: Path
    admin: Sessao


@pytest.fixture(scope="module")
def contexto(tmp_path_factory):
    import os

    os.environ["PACO_KDF_RAPIDO"] = "1"
    pasta = tmp_path_factory.mktemp("matriz")
    escritorio = acesso.DadosEscritorio(nome="Prefeitura de Teste", municipio="Itapiranga", uf="AM",
                                        cnpj="11.222.333/0001-81")
    admin, recuperacao = acesso.criar_instalacao(pasta / "base" / "paco.db", escritorio, login="admin",
                                                 nome="Administradora", senha=SENHA)
    # como a demonstração e tests/conftest: com a recuperação, conselheiro e consulta já recebem o sigilo
    chaveiro.usar_recuperacao(admin, recuperacao)
    sessoes = {}
    conselheiro = mandatos.cadastrar_conselheiro(
        admin, nome="Conselheira de Teste", condicao="titular", ordem=1,
        inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9))
    for papel in Papel:
        if papel is Papel.ADMINISTRADOR:
            # o administrador testado entra com a senha (sem a chave de recuperação desta sessão)
            sessoes[papel] = acesso.outra_sessao(admin, "admin", SENHA)
            continue
        login = papel.value.replace("_", "")[:20]
        u = acesso.criar_usuario(admin, login=login, nome=ROTULOS[papel], papel=papel.value,
                                 senha=SENHA, trocar_senha=False)
        if papel is Papel.CONSELHEIRO_TUTELAR:
            mandatos.vincular_usuario(admin, conselheiro["id"], login)
        # a trava impede abrir a base duas vezes: outra conexão, com a senha e as chaves do usuário
        sessoes[papel] = acesso.outra_sessao(admin, login, SENHA)
    yield Contexto(sessoes, pasta, admin)
    for s in sessoes.values():
        s.base.fechar()
    admin.fechar()


_ID_INEXISTENTE = "01900000-0000-7000-8000-000000000000"


def _valor(parametro: inspect.Parameter, ctx: Contexto):
    """Um valor do tipo anotado que passa da conferência de tipos e aponta para nada."""
    anotacao = str(parametro.annotation)
    if "random" in anotacao:
        return random.Random(1)
    if "datetime" in anotacao:
        return datetime(2026, 3, 2, 10, 0)
    if "date" in anotacao:
        return date(2026, 3, 2)
    if "Path" in anotacao:
        return ctx.pasta / "saida" / f"{parametro.name}.bin"
    if "bool" in anotacao:
        return False
    if "Decimal" in anotacao:
        return Decimal("1.00")
    if anotacao.startswith(("dict", "Dict")):
        return {}
    if anotacao.startswith(("list", "List")):
        return []
    if "Callable" in anotacao:
        return lambda *a, **k: b"%PDF-1.4"
    if anotacao.startswith("int") or parametro.name in ("ano", "trimestre", "numero", "n"):
        return 1
    if anotacao in ("str", "str | None"):
        return _ID_INEXISTENTE if parametro.name.endswith("_id") else "x"
    return 0


def _argumentos(nome: str, f, ctx: Contexto) -> tuple[list, dict]:
    if nome in ARGUMENTOS:
        return ARGUMENTOS[nome](ctx)
    args, kwargs = [], {}
    for p in list(inspect.signature(f).parameters.values())[1:]:
        if p.default is not inspect.Parameter.empty or p.kind in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
            continue
        if p.kind is p.KEYWORD_ONLY:
            kwargs[p.name] = _valor(p, ctx)
        else:
            args.append(_valor(p, ctx))
    return args, kwargs


def _permitido(exige, papel: Papel) -> bool:
    if exige is LIVRE:
        return True
    if exige is CASOS_LER:
        return papel in (Papel.CONSELHEIRO_TUTELAR, Papel.CONSULTA)
    if exige is CASOS_EDITAR:
        return papel is Papel.CONSELHEIRO_TUTELAR
    if isinstance(exige, frozenset):  # qualquer uma
        return any(pode(papel, p) for p in exige)
    exigidas = exige if isinstance(exige, tuple) else (exige,)
    return all(pode(papel, p) for p in exigidas)


def _recusado(f, sessao: Sessao, args, kwargs) -> bool:
    try:
        resultado = f(sessao, *args, **kwargs)
        if inspect.isgenerator(resultado):
            next(resultado, None)
    except SemPermissao:
        return True
    except Exception:  # noqa: BLE001 — argumentos que apontam para nada: recusa por outro motivo
        return False
    return False


@pytest.mark.parametrize("nome", COM_SESSAO)
def test_cada_papel_recusado_exatamente_onde_a_matriz_manda(nome, contexto):
    f, exige = FUNCOES[nome], EXIGE.get(nome)
    assert exige is not None, f"{nome} sem entrada em EXIGE"
    errados = []
    for papel in Papel:
        args, kwargs = _argumentos(nome, f, contexto)
        recusado = _recusado(f, contexto.sessoes[papel], args, kwargs)
        if recusado == _permitido(exige, papel):
            errados.append(f"{papel.value}: {'recusado' if recusado else 'permitido'}")
    assert not errados, f"{nome} (exige {exige}): {', '.join(errados)}"
