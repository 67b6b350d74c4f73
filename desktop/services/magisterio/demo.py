"""Dados de demonstração do magistério: a rede de escolas com porte datado e uns 300 servidores.

Chamado por ``desktop.services.demo`` depois de criar as escolas (unidades de tipo 'escola') e a
Secretaria de Educação. Nomes, CPFs e códigos INEP são fictícios. Há professores dos níveis 1 a 4
admitidos de 1995 a 2024 (alguns em estágio probatório), pedagogos nas escolas e na SMEC,
auxiliares de ensino, diretores e vices (e ex-diretores com a FG incorporável, art. 40),
transferências entre escolas, difícil acesso e zona rural, desdobramento, regência com alunos com
necessidades especiais, cursos, averbações, adicional noturno, afastamentos, faltas, férias de 2026 e
aposentados.

Os dados (nomes, situação das escolas, atos, datas e textos) estão em ``resources/demo/magisterio.toml``;
aqui ficam só os passos. Tudo numa só transação (``Sessao.mudanca``): o diário continua com uma linha por
mudança, como nos casos de uso, e a demonstração inteira sai em poucos segundos.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.rules.pagamento.banco import dv_modulo11_bb
from desktop.rules.papeis import Permissao
from desktop.store import cadastros as armazem_cadastros
from desktop.store.magisterio import escolas as armazem_escolas

from .. import parametros
from ..sessao import Mudanca, Sessao
from . import cadastro
from .historicos import adicionar_em

from ..demo_comum import dados_demo

_D = dados_demo("magisterio")
_NOMES_F, _NOMES_M, _SOBRENOMES = _D["nomes"]["femininos"], _D["nomes"]["masculinos"], _D["nomes"]["sobrenomes"]
SITUACAO_ESCOLAS: dict[str, tuple[str, bool]] = {
    e["nome"]: (e["porte"], e["dificil_acesso"]) for e in _D["escolas"]["situacao"]}
"""Porte desde a lei e difícil acesso de cada escola da demonstração (ordem de desktop.services.demo.ESCOLAS)."""
_RODIZIO = _D["escolas"]["rodizio"]  # escolas fora da lista acima
_PESO = _D["escolas"]["peso"]  # servidores por escola, em proporção
_ETAPAS = _D["regencia"]["etapas"]
_LEI = _D["lei"]


@dataclass
class _Plano:
    """O que a demonstração decide de um servidor antes de gravá-lo."""

    i: int
    cargo: str
    admissao: date
    titulo: str
    escola: dict
    lotacao: dict
    jornada: int
    anterior: dict | None = None   # escola de antes da transferência de 2019
    funcao: str | None = None      # diretor, vice_diretor ou ex_diretor
    aposentado: bool = False       # aposenta-se em 30/06/2025

    @property
    def dirigente(self) -> bool:
        return self.funcao in ("diretor", "vice_diretor")


def criar_demo_magisterio(sessao: Sessao, rnd: random.Random, servidores: int = 300) -> list[str]:
    """Cria os dados de demonstração do magistério; devolve os ids dos servidores criados."""
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        escolas, smec, portes = _escolas(sessao)
        if not escolas:
            return []
        planos = _planejar(rnd, escolas, smec, portes, servidores)
        hoje = date.today()
        return [_gravar(m, rnd, p, hoje) for p in planos]


# -- escolas ----------------------------------------------------------------------------------------
def _escolas(sessao: Sessao) -> tuple[list[dict], dict | None, dict[str, str]]:
    """Grava a situação datada de cada escola; devolve as escolas, a SMEC e o porte de hoje de cada uma."""
    escolas = armazem_escolas.escolas(sessao.db)
    portes: dict[str, str] = {}
    for n, e in enumerate(escolas):
        porte, dificil = SITUACAO_ESCOLAS.get(e["nome"], (_RODIZIO[n % len(_RODIZIO)], e["zona"] == "rural"))
        cadastro.definir_situacao(sessao, e["id"], inicio=_LEI, porte=porte, dificil_acesso=dificil,
                                  ato=_D["escolas"]["ato"])
        portes[e["id"]] = porte
        for mud in (x for x in _D["escolas"]["mudancas"] if x["nome"] == e["nome"]):
            cadastro.definir_situacao(sessao, e["id"], inicio=mud["inicio"], porte=mud["porte"],
                                      dificil_acesso=mud.get("dificil_acesso", False), ato=mud["ato"])
            portes[e["id"]] = mud["porte"]
    smec = armazem_cadastros.primeira_unidade(sessao.db, "secretaria")
    return escolas, smec, portes


# -- planejamento -----------------------------------------------------------------------------------
def _planejar(rnd: random.Random, escolas: list[dict], smec: dict | None, portes: dict[str, str],
              n: int) -> list[_Plano]:
    """Cargo, admissão, titulação, escola e jornada de cada servidor; depois, direção e vice de cada escola.

    Os primeiros servidores vão um para cada escola (nenhuma fica vazia); os demais, em proporção ao porte.
    """
    anos = [1995 + (k * 29) // max(n - 1, 1) for k in range(n)]  # admissões de 1995 a 2024, bem espalhadas
    resto = anos[1:]
    rnd.shuffle(resto)
    anos[1:] = resto
    pesos = [_PESO[portes[e["id"]]] for e in escolas]
    planos = []
    for i in range(n):
        cargo = "auxiliar_ensino" if i % 150 == 0 else "pedagogo" if i % 6 == 1 else "professor"
        ano = anos[i]
        admissao = date(ano, rnd.choice((2, 3, 8)), rnd.randint(1, 28))
        if cargo == "auxiliar_ensino":  # quadro em extinção: só os admitidos antes da lei (art. 69)
            admissao, titulo = date(1995 + i % 8, 3, 1), "leigo"
        elif cargo == "pedagogo":
            titulo = rnd.choice(("licenciatura_plena", "licenciatura_plena", "pos_lato_sensu"))
        elif ano < 2005:
            titulo = rnd.choice(("medio_normal", "medio_normal", "licenciatura_plena"))
        else:
            titulo = rnd.choice(("licenciatura_plena", "licenciatura_plena", "pos_lato_sensu")
                                + (("mestrado",) if ano > 2015 and i % 9 == 0 else ()))
        escola = escolas[i] if i < len(escolas) else rnd.choices(escolas, pesos)[0]
        na_smec = cargo == "pedagogo" and smec is not None and i >= len(escolas) and i % 24 == 7
        jornada = 40 if cargo == "pedagogo" or rnd.random() < 0.45 else 20
        p = _Plano(i, cargo, admissao, titulo, escola, smec if na_smec else escola, jornada)
        if i % 9 == 4 and admissao.year <= 2015 and not na_smec and len(escolas) > 1:
            p.anterior = rnd.choice([e for e in escolas if e is not escola])
        planos.append(p)
    _direcao(planos, escolas, portes)
    livres = [p for p in planos if p.cargo == "professor" and p.funcao is None]
    for p in sorted(livres, key=lambda p: (p.admissao, p.i))[:n // 100]:  # os mais antigos se aposentam
        p.aposentado = True
    return planos


def _direcao(planos: list[_Plano], escolas: list[dict], portes: dict[str, str]) -> None:
    """Em cada escola: diretor e (exceto porte especial, Anexo III) vice entre os professores admitidos até
    2015; em uma de cada três, um terceiro, admitido até 2007, foi diretor de 2008 a 2019 (FG incorporável,
    art. 40)."""
    for n, e in enumerate(escolas):
        da_escola = [p for p in planos if p.cargo == "professor" and p.lotacao is e and p.admissao.year <= 2015]
        if da_escola:
            da_escola[0].funcao = "diretor"
        if len(da_escola) > 1 and portes[e["id"]] != "especial":
            da_escola[1].funcao = "vice_diretor"
        antigos = [p for p in da_escola[2:] if p.admissao < date(2008, 2, 1) and p.anterior is None]
        if antigos and n % 3 == 0:
            antigos[0].funcao = "ex_diretor"


# -- gravação ---------------------------------------------------------------------------------------
def _pessoa(rnd: random.Random, admissao: date) -> dict:
    from desktop.services.demo_comum import cpf_ficticio

    feminino = rnd.random() < 0.75
    nome = " ".join([rnd.choice(_NOMES_F if feminino else _NOMES_M), *rnd.sample(_SOBRENOMES, 2)])
    nascimento = admissao - timedelta(days=rnd.randint(21 * 365, 36 * 365))
    return {"nome": nome, "cpf": cpf_ficticio(rnd), "nascimento": nascimento, "sexo": "F" if feminino else "M",
            "municipio": _D["municipio"], "uf": _D["uf"]}


def _cpf_livre(m: Mudanca, rnd: random.Random, admissao: date) -> dict:
    """Dados de uma pessoa nova (sorteia de novo o raro CPF já usado)."""
    while True:
        pessoa = _pessoa(rnd, admissao)
        if armazem_cadastros.pessoa_por_cpf(m.db, pessoa["cpf"]) is None:
            return pessoa


def _conta_demo(i: int) -> dict | None:
    """Conta fictícia (sem sortear: a sequência aleatória da demonstração não muda): Banco do Brasil na
    maioria, poupança na Caixa a cada quatro, e um servidor em 25 sem conta (para ver o arquivo do banco
    pedir confirmação)."""
    if i % 25 == 24:
        return None
    if i % 4 == 3:
        return {**_D["contas"]["poupanca"], "conta": f"013{i:08d}", "conta_dv": str(i % 10), "tipo_conta": "poupanca"}
    conta = str(300000 + i)
    return {**_D["contas"]["corrente"], "conta": conta, "conta_dv": dv_modulo11_bb(conta.zfill(8)),
            "tipo_conta": "corrente"}


def _gravar(m: Mudanca, rnd: random.Random, p: _Plano, hoje: date) -> str:
    s = cadastro.cadastrar_em(m, matricula=str(10001 + p.i), cargo=p.cargo, admissao=p.admissao, jornada=p.jornada,
                              titulo=p.titulo, dependentes_irrf=rnd.choice((0, 0, 1, 2, 3)),
                              pagamento=_conta_demo(p.i), **_cpf_livre(m, rnd, p.admissao))
    sid = s["id"]
    _lotacoes(m, rnd, sid, p)
    _carreira(m, rnd, sid, p, hoje)
    _funcao(m, sid, p)
    if p.aposentado:
        _aposentar(m, sid, p)
        return sid
    if p.cargo == "professor" and p.jornada == 20 and not p.dirigente and p.i % 5 == 0:
        desd = _D["desdobramento"]
        adicionar_em(m, "jornadas", sid, {"inicio": desd["inicio"], "fim": min(desd["fim"], hoje + timedelta(days=30)),
                                          "motivo": "desdobramento", "ato": desd["ato"]})
    if p.cargo != "pedagogo" and not p.dirigente:
        etapa = "educacao_infantil" if "Educação Infantil" in p.escola["nome"] else rnd.choice(_ETAPAS)
        nee = rnd.choice((0, 0, 0, 1, 3, 4)) if etapa != "educacao_especial" else 5
        adicionar_em(m, "regencias", sid, {"inicio": max(p.admissao, _D["regencia"]["inicio"]), "etapa": etapa,
                                           "alunos_nee": nee})
        if p.cargo == "professor" and etapa == "fundamental_finais" and p.i % 4 == 3:  # EJA noturna (art. 50)
            for mes in (9, 10):
                if date(2026, mes, 1) >= date(p.admissao.year, p.admissao.month, 1):
                    adicionar_em(m, "horas_noturnas", sid, {"competencia": date(2026, mes, 1),
                                                            "horas": rnd.choice((8, 12, 16))})
    _ano_de_2026(m, rnd, p.i, sid, hoje)
    return sid


def _aposentar(m: Mudanca, sid: str, p: _Plano) -> None:
    """Aposentadoria em 30/06/2025, depois de um ano letivo de regência: os períodos em aberto terminam na data."""
    apos = _D["aposentadoria"]
    adicionar_em(m, "regencias", sid, {"inicio": _D["regencia"]["inicio"], "etapa": "fundamental_iniciais",
                                       "alunos_nee": 0})
    cadastro.desligar(m.sessao, sid, data=apos["data"], motivo="aposentadoria",
                      ato=apos["ato"].format(numero=40 + p.i % 50))


def _lotacoes(m: Mudanca, rnd: random.Random, sid: str, p: _Plano) -> None:
    """Lotação desde a admissão; transferidos em 2019. Em escola de difícil acesso, quase todos residem em
    outro local (art. 42 §3º); na zona rural, alguns fixaram residência lá (art. 49)."""
    inicio = p.admissao
    if p.anterior is not None:
        adicionar_em(m, "lotacoes", sid, {"unidade_id": p.anterior["id"], "inicio": p.admissao})
        inicio = _D["remocao"]["data"]
    rural = p.lotacao.get("zona") == "rural"
    adicionar_em(m, "lotacoes", sid, {
        "unidade_id": p.lotacao["id"], "inicio": inicio, "reside_em_local_diverso": rural and rnd.random() < 0.8,
        "fixou_residencia_rural": rural and rnd.random() < 0.3,
        "ato": _D["remocao"]["ato"] if p.anterior is not None else ""})


def _funcao(m: Mudanca, sid: str, p: _Plano) -> None:
    """Diretor (jornada de 40 h, art. 39), vice ou ex-diretor (2008 a 2019)."""
    if p.funcao is None:
        return
    ato = _D["funcoes"][p.funcao]
    periodo = {"inicio": ato["inicio"], **({"fim": ato["fim"]} if "fim" in ato else {})}
    funcao = "vice_diretor" if p.funcao == "vice_diretor" else "diretor"
    adicionar_em(m, "funcoes", sid, {"unidade_id": p.escola["id"], "funcao": funcao, **periodo, "ato": ato["ato"]})
    if funcao == "diretor" and p.jornada == 20:  # direção de escola com mais de um turno: 40 h (art. 39)
        adicionar_em(m, "jornadas", sid, {**periodo, "motivo": "direcao", "ato": ato["ato"]})


def _carreira(m: Mudanca, rnd: random.Random, sid: str, p: _Plano, hoje: date) -> None:
    """Progressões por titulação (art. 19), cursos de aperfeiçoamento (arts. 46-47) e averbação (art. 53)."""
    titulo, admissao, c = p.titulo, p.admissao, _D["carreira"]
    if p.cargo == "professor" and titulo == "medio_normal" and rnd.random() < 0.6:
        quando = min(admissao + timedelta(days=rnd.randint(4, 12) * 365), hoje - timedelta(days=60))
        adicionar_em(m, "titulacoes", sid, {"titulo": "licenciatura_plena", "data_requerimento": quando,
                                            **c["licenciatura"]})
        titulo = "licenciatura_plena"
    if p.cargo != "auxiliar_ensino" and titulo == "licenciatura_plena" and rnd.random() < 0.35:
        quando = min(admissao + timedelta(days=rnd.randint(10, 20) * 365), hoje - timedelta(days=30))
        if quando > admissao:
            adicionar_em(m, "titulacoes", sid, {"titulo": "pos_lato_sensu", "data_requerimento": quando,
                                                **c["especializacao"]})
    if p.cargo != "auxiliar_ensino" and rnd.random() < 0.5:
        conclusao = max(admissao, date(2015, 1, 1)) + timedelta(days=rnd.randint(30, 900))
        if conclusao < hoje - timedelta(days=120):
            adicionar_em(m, "cursos", sid, {
                "tipo": "aperfeicoamento", "conclusao": conclusao, "carga_horaria": rnd.choice((80, 120, 180)),
                "descricao": c["aperfeicoamento"]["descricao"], "instituicao": c["aperfeicoamento"]["instituicao"],
                "concessao": conclusao + timedelta(days=90), "ato": c["aperfeicoamento"]["ato"]})
    if p.i % 11 == 5 and admissao.year >= 2000:
        fim = admissao - timedelta(days=rnd.randint(30, 200))
        inicio = fim - timedelta(days=rnd.randint(2, 6) * 365)
        adicionar_em(m, "averbacoes", sid, {
            "dias": (fim - inicio).days + 1, "descricao": c["averbacao"]["descricao"], "origem_inicio": inicio,
            "origem_fim": fim, "data_averbacao": admissao + timedelta(days=200), "ato": c["averbacao"]["ato"]})


def _dia_util(m: Mudanca, rnd: random.Random, ano: int, meses: tuple[int, ...], hoje: date) -> date | None:
    for _ in range(30):
        d = date(ano, rnd.choice(meses), rnd.randint(1, 28))
        if d <= hoje and parametros.eh_dia_util(m.sessao, d):
            return d
    return None


def _ano_de_2026(m: Mudanca, rnd: random.Random, i: int, sid: str, hoje: date) -> None:
    """Férias em janeiro (ou julho), alguns afastamentos e faltas de 2026."""
    ano = _D["ano_2026"]
    if i % 3 != 2:
        inicio = ano["ferias_julho"] if i % 7 == 0 and i % 13 != 6 else ano["ferias_janeiro"]
        adicionar_em(m, "ferias", sid, {"inicio": inicio, "fim": inicio + timedelta(days=29)})
    if i % 10 == 4:
        adicionar_em(m, "afastamentos", sid, {"tipo": "LTS", **ano["lts"]})
    if i % 13 == 6:
        adicionar_em(m, "afastamentos", sid, {"tipo": "LMA", **ano["lma"]})
    if i % 4 == 1 and (dia := _dia_util(m, rnd, 2026, (9, 10), hoje)):
        adicionar_em(m, "faltas", sid, {"data": dia, "codigo": rnd.choice(("FI", "AM", "FI", None, "TRE"))})
    if i % 7 == 3 and (dia := _dia_util(m, rnd, 2026, (11,), hoje)):
        adicionar_em(m, "faltas", sid, {"data": dia, "horas": 2, "codigo": "FI"})

