"""Dados de demonstração do magistério: porte das escolas e uns 40 servidores com carreiras variadas.

Chamado por ``desktop.services.demo`` depois de criar as escolas (unidades de tipo 'escola') e a
Secretaria de Educação. Nomes e CPFs são fictícios. Há professores dos níveis 1 a 4 admitidos de
1995 a 2024, pedagogos (um na SMEC), um auxiliar de ensino, diretores e vices, desdobramento,
regência com alunos com necessidades especiais, cursos, afastamentos, faltas e férias de 2026.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from desktop.store.magisterio import escolas as armazem_escolas

from .. import parametros
from ..sessao import Sessao
from . import cadastro

_NOMES_F = "Adriana Aline Cláudia Cristiane Denise Edna Elaine Gilvânia Ivone Jaqueline Lúcia Marta Neide Rosângela Sueli Valdete".split()
_NOMES_M = "Ademir Edson Gilmar Jailson Josué Marcelo Nilton Reginaldo Valter Wellington".split()
_SOBRENOMES = ("Andrade Barreto Brito Caldas Dantas Farias Guimarães Leal Macedo Matos Meira Novaes Pinheiro "
               "Queiroz Sampaio Santana Tavares Vieira").split()
# Porte de cada escola da demonstração, na ordem de desktop.services.demo.ESCOLAS; rurais: difícil acesso.
_PORTES = ["grande", "grande", "medio", "medio", "medio", "pequeno", "pequeno", "especial"]
_ETAPAS = ["educacao_infantil", "fundamental_iniciais", "fundamental_iniciais", "fundamental_finais",
           "fundamental_finais", "educacao_especial"]


def _pessoa(rnd: random.Random, admissao: date) -> dict:
    from desktop.services.demo import cpf_ficticio  # aqui: demo.py importa este módulo

    feminino = rnd.random() < 0.75
    nome = " ".join([rnd.choice(_NOMES_F if feminino else _NOMES_M), *rnd.sample(_SOBRENOMES, 2)])
    nascimento = admissao - timedelta(days=rnd.randint(21 * 365, 36 * 365))
    return {"nome": nome, "cpf": cpf_ficticio(rnd), "nascimento": nascimento, "sexo": "F" if feminino else "M",
            "municipio": "Jequié", "uf": "BA"}


def _dia_util(sessao: Sessao, rnd: random.Random, ano: int, meses: tuple[int, ...]) -> date | None:
    hoje = date.today()
    for _ in range(30):
        d = date(ano, rnd.choice(meses), rnd.randint(1, 28))
        if d <= hoje and parametros.eh_dia_util(sessao, d):
            return d
    return None


def _escolas(sessao: Sessao) -> tuple[list[dict], dict | None]:
    """Situação datada das escolas; uma cresceu de porte em 2020 (art. 38 §1º)."""
    escolas = armazem_escolas.escolas(sessao.db)
    for i, e in enumerate(escolas):
        porte = _PORTES[i % len(_PORTES)]
        rural = e["zona"] == "rural"
        cadastro.definir_situacao(sessao, e["id"], inicio=date(2004, 5, 21), porte="pequeno" if rural else porte,
                                  dificil_acesso=rural, ato="Portaria SMEC 01/2004 (demonstração)")
    if len(escolas) > 2:
        cadastro.definir_situacao(sessao, escolas[2]["id"], inicio=date(2020, 2, 1), porte="grande",
                                  ato="Portaria SMEC 07/2020 (demonstração): matrícula acima de 800 alunos")
    smec = next(iter(sessao.db.query("SELECT * FROM unidades WHERE tipo = 'secretaria' ORDER BY nome")), None)
    return escolas, smec


def criar_demo_magisterio(sessao: Sessao, rnd: random.Random, servidores: int = 40) -> list[str]:
    """Cria os dados de demonstração do magistério; devolve os ids dos servidores criados."""
    escolas, smec = _escolas(sessao)
    if not escolas:
        return []
    ids: list[str] = []
    diretores: set[str] = set()
    vices: set[str] = set()
    dirigentes: set[str] = set()  # servidores com função gratificada (sem regência de classe)
    hoje = date.today()
    for i in range(servidores):
        if i == 0:
            cargo = "auxiliar_ensino"
        elif i % 6 == 1:
            cargo = "pedagogo"
        else:
            cargo = "professor"
        ano = 1995 + (i * 29) // max(servidores - 1, 1)  # admissões de 1995 a 2024, bem espalhadas
        admissao = date(ano, rnd.choice((2, 3, 8)), rnd.randint(1, 28))
        if cargo == "auxiliar_ensino":
            admissao, titulo = date(1995, 3, 1), "leigo"
        elif cargo == "pedagogo":
            titulo = rnd.choice(("licenciatura_plena", "licenciatura_plena", "pos_lato_sensu"))
        else:
            titulo = rnd.choice(("medio_normal", "medio_normal", "licenciatura_plena")) if ano < 2005 else \
                rnd.choice(("licenciatura_plena", "licenciatura_plena", "pos_lato_sensu"))
        escola = escolas[i % len(escolas)]
        lotacao = smec if (cargo == "pedagogo" and smec and i % 12 == 7) else escola
        jornada = 40 if cargo == "pedagogo" or rnd.random() < 0.45 else 20
        s = cadastro.cadastrar_servidor(
            sessao, matricula=str(10001 + i), cargo=cargo, admissao=admissao, jornada=jornada, titulo=titulo,
            escola_id=lotacao["id"], dependentes_irrf=rnd.choice((0, 0, 1, 2, 3)), **_pessoa(rnd, admissao))
        sid = s["id"]
        ids.append(sid)
        _carreira(sessao, rnd, sid, cargo, titulo, admissao)
        # Direção: o primeiro professor admitido até 2015 em cada escola com porte; vice nas grandes e médias.
        pode_dirigir = cargo == "professor" and admissao.year <= 2015 and lotacao is escola
        if pode_dirigir and escola["id"] not in diretores:
            diretores.add(escola["id"])
            dirigentes.add(sid)
            cadastro.adicionar(sessao, "funcoes", sid, unidade_id=escola["id"], funcao="diretor",
                               inicio=date(2022, 1, 3), ato="Decreto 100/2022 (demonstração)")
            if jornada == 20:  # direção de escola com mais de um turno: 40 h (art. 39)
                cadastro.adicionar(sessao, "jornadas", sid, inicio=date(2022, 1, 3), motivo="direcao",
                                   ato="Decreto 100/2022 (demonstração)")
        elif pode_dirigir and escola["id"] not in vices and i % 8 < 5:
            vices.add(escola["id"])
            dirigentes.add(sid)
            cadastro.adicionar(sessao, "funcoes", sid, unidade_id=escola["id"], funcao="vice_diretor",
                               inicio=date(2023, 2, 1), ato="Decreto 120/2023 (demonstração)")
        elif cargo == "professor" and jornada == 20 and i % 5 == 0:
            fim = min(date(2026, 12, 18), hoje + timedelta(days=30))
            cadastro.adicionar(sessao, "jornadas", sid, inicio=date(2026, 2, 9), fim=fim, motivo="desdobramento",
                               ato="Portaria SMEC 15/2026 (demonstração)")
        if cargo != "pedagogo" and sid not in dirigentes:
            etapa = rnd.choice(_ETAPAS)
            nee = rnd.choice((0, 0, 0, 1, 3, 4)) if etapa != "educacao_especial" else 5
            cadastro.adicionar(sessao, "regencias", sid, inicio=max(admissao, date(2024, 2, 5)), etapa=etapa,
                               alunos_nee=nee)
        _ano_de_2026(sessao, rnd, i, sid, hoje)
    return ids


def _carreira(sessao: Sessao, rnd: random.Random, sid: str, cargo: str, titulo: str, admissao: date) -> None:
    """Progressões por titulação (art. 19) e cursos de aperfeiçoamento (arts. 46-47)."""
    hoje = date.today()
    if cargo == "professor" and titulo == "medio_normal" and rnd.random() < 0.6:
        quando = min(admissao + timedelta(days=rnd.randint(4, 12) * 365), hoje - timedelta(days=60))
        cadastro.adicionar(sessao, "titulacoes", sid, titulo="licenciatura_plena", data_requerimento=quando,
                           curso="Licenciatura em Pedagogia", instituicao="UESB")
        titulo = "licenciatura_plena"
    if cargo != "auxiliar_ensino" and titulo == "licenciatura_plena" and rnd.random() < 0.35:
        quando = min(admissao + timedelta(days=rnd.randint(10, 20) * 365), hoje - timedelta(days=30))
        if quando > admissao:
            cadastro.adicionar(sessao, "titulacoes", sid, titulo="pos_lato_sensu", data_requerimento=quando,
                               curso="Especialização em Psicopedagogia", instituicao="UESB", carga_horaria=360)
    if cargo != "auxiliar_ensino" and rnd.random() < 0.5:
        conclusao = max(admissao, date(2015, 1, 1)) + timedelta(days=rnd.randint(30, 900))
        if conclusao < hoje - timedelta(days=120):
            horas = rnd.choice((80, 120, 180))
            cadastro.adicionar(sessao, "cursos", sid, tipo="aperfeicoamento", conclusao=conclusao, carga_horaria=horas,
                               descricao="Formação continuada em alfabetização", instituicao="SMEC Jequié",
                               concessao=conclusao + timedelta(days=90), ato="Portaria SMEC de concessão (demonstração)")


def _ano_de_2026(sessao: Sessao, rnd: random.Random, i: int, sid: str, hoje: date) -> None:
    """Férias em janeiro, alguns afastamentos e faltas de 2026."""
    if i % 3 != 2:
        cadastro.adicionar(sessao, "ferias", sid, inicio=date(2026, 1, 5), fim=date(2026, 2, 3))
    if i % 10 == 4:
        cadastro.adicionar(sessao, "afastamentos", sid, tipo="LTS", inicio=date(2026, 3, 2), fim=date(2026, 3, 31),
                           ato="Laudo da junta médica (demonstração)")
    if i % 13 == 6:
        cadastro.adicionar(sessao, "afastamentos", sid, tipo="LMA", inicio=date(2026, 5, 4), fim=date(2026, 8, 31))
    if i % 4 == 1:
        codigo = rnd.choice(("FI", "AM", "FI", None, "TRE"))
        if (dia := _dia_util(sessao, rnd, 2026, (9, 10))):
            cadastro.adicionar(sessao, "faltas", sid, data=dia, codigo=codigo)
    if i % 7 == 3 and (dia := _dia_util(sessao, rnd, 2026, (11,))):
        cadastro.adicionar(sessao, "faltas", sid, data=dia, horas=2, codigo="FI")
