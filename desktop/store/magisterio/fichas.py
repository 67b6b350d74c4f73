"""Fichas funcionais lidas da base: ``FichaFuncional`` com todos os históricos, para as regras.

``carregar_fichas`` faz um número fixo de consultas (servidores, uma por histórico, unidades,
situações das escolas, tipos e códigos), seja um servidor ou três mil. A lotação e a função
gratificada são fatiadas nas datas em que muda a situação da escola: o porte muda a FG
automaticamente (Lei 1.613/2004, art. 38 §1º) e o difícil acesso vale enquanto o ato o
define (art. 42 §4º).
"""
from __future__ import annotations

import json
from datetime import date, timedelta

import sqlite_utils

from desktop.rules.magisterio.tipos import (
    Afastamento, Averbacao, Cargo, Curso, Etapa, Falta, Ferias, FichaFuncional, Funcao,
    FuncaoGratificada, JornadaPeriodo, Lotacao, MotivoJornada, Porte, Regencia, Titulacao, Titulo,
    TipoCurso,
)

from . import escolas as armazem_escolas
from . import tabelas
from .escolas import SituacaoEscola
from .historicos import HISTORICOS, listar_de_varios
from desktop.rules import formato


def carregar_ficha(db: sqlite_utils.Database, servidor_id: str) -> FichaFuncional | None:
    """A ficha de um servidor, ou None se não existe."""
    fichas = carregar_fichas(db, [servidor_id])
    return fichas[0] if fichas else None


def carregar_fichas(db: sqlite_utils.Database, ids: list[str] | None = None) -> list[FichaFuncional]:
    """Fichas dos servidores ``ids`` (todos, com None), em ordem de nome e matrícula."""
    if ids is not None:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return []
    sql = ("SELECT s.*, p.nome, p.cpf, p.nascimento FROM magisterio_servidores s "
           "JOIN pessoas p ON p.id = s.pessoa_id")
    args: list = []
    if ids is not None:
        sql, args = sql + " WHERE s.id IN (SELECT value FROM json_each(?))", [json.dumps(ids)]
    servidores = list(db.query(sql + " ORDER BY p.nome, s.matricula", args))
    if not servidores:
        return []
    hist = {nome: listar_de_varios(db, h, ids) for nome, h in HISTORICOS.items()}
    unidades = armazem_escolas.unidades(db)
    situacoes = armazem_escolas.situacoes(db)
    tipos = {t["codigo"]: t for t in tabelas.tipos_afastamento(db, incluir_inativos=True)}
    codigos = {c["codigo"]: c for c in tabelas.codigos_falta(db, incluir_inativos=True)}

    fichas = []
    for s in servidores:
        sid = s["id"]
        h = {nome: por_servidor.get(sid, []) for nome, por_servidor in hist.items()}
        fichas.append(FichaFuncional(
            id=sid, nome=s["nome"], cpf=s["cpf"] or "", matricula=s["matricula"], cargo=Cargo(s["cargo"]),
            admissao=date.fromisoformat(s["admissao"]),
            nascimento=date.fromisoformat(s["nascimento"]) if s["nascimento"] else None,
            dependentes_irrf=s["dependentes_irrf"],
            desligamento=date.fromisoformat(s["desligamento"]) if s["desligamento"] else None,
            titulacoes=[Titulacao(Titulo(t["titulo"]), t["data_requerimento"], t["curso"], t["instituicao"],
                                  t["carga_horaria"], t["area_educacao"]) for t in h["titulacoes"]],
            lotacoes=[lot for x in h["lotacoes"] for lot in _lotacoes(x, unidades, situacoes)],
            regencias=[Regencia(r["inicio"], r["fim"], Etapa(r["etapa"]), r["alunos_nee"]) for r in h["regencias"]],
            jornadas=[JornadaPeriodo(j["inicio"], j["fim"], j["horas"], MotivoJornada(j["motivo"]))
                      for j in h["jornadas"]],
            funcoes=[f for x in h["funcoes"] for f in _funcoes(x, s["nome"], unidades, situacoes)],
            cursos=[Curso(TipoCurso(c["tipo"]), c["conclusao"], c["carga_horaria"], c["descricao"],
                          c["area_educacao"], c["usado_para_nivel"], c["concessao"]) for c in h["cursos"]],
            afastamentos=[_afastamento(a, tipos[a["tipo"]]) for a in h["afastamentos"]],
            faltas=[Falta(f["data"], f["horas"], f["codigo"],
                          bool(f["codigo"] and codigos[f["codigo"]]["justificada"]),
                          date.fromisoformat(f["liquidar_em"] + "-01") if f.get("liquidar_em") else None)
                    for f in h["faltas"]],
            ferias=[Ferias(f["inicio"], f["fim"]) for f in h["ferias"]],
            averbacoes=[Averbacao(a["dias"], a["descricao"], a["data_averbacao"]) for a in h["averbacoes"]],
            horas_noturnas={n["competencia"]: n["horas"] for n in h["horas_noturnas"]},
        ))
    return fichas


def fatias(inicio: date, fim: date | None, lista: list[SituacaoEscola]) -> list[tuple[date, date | None, SituacaoEscola | None]]:
    """Divide o período nas situações da escola; o trecho antes da primeira fica com None."""
    pedacos = []
    if not lista or inicio < lista[0].inicio:
        ate = lista[0].inicio - timedelta(days=1) if lista else None
        fim_trecho = ate if fim is None else (min(fim, ate) if ate else fim)
        if fim_trecho is None or fim_trecho >= inicio:
            pedacos.append((inicio, fim_trecho, None))
    for s in lista:
        a = max(inicio, s.inicio)
        b = s.fim if fim is None else (fim if s.fim is None else min(fim, s.fim))
        if b is None or b >= a:
            pedacos.append((a, b, s))
    # Juntam-se trechos vizinhos iguais (uma situação regravada sem mudança de porte nem de acesso).
    juntos: list = []
    for a, b, s in pedacos:
        if juntos and _mesma(juntos[-1][2], s) and juntos[-1][1] is not None and juntos[-1][1] + timedelta(days=1) == a:
            juntos[-1] = (juntos[-1][0], b, juntos[-1][2])
        else:
            juntos.append((a, b, s))
    return juntos


def _mesma(x: SituacaoEscola | None, y: SituacaoEscola | None) -> bool:
    if x is None or y is None:
        return x is y
    return (x.porte, x.dificil_acesso) == (y.porte, y.dificil_acesso)


def _lotacoes(x: dict, unidades: dict, situacoes: dict) -> list[Lotacao]:
    u = unidades[x["unidade_id"]]
    comuns = dict(escola=u["nome"], reside_em_local_diverso=x["reside_em_local_diverso"],
                  zona_rural=u["zona"] == "rural", fixou_residencia_rural=x["fixou_residencia_rural"],
                  unidade_tecnica_smec=u["tipo"] == "secretaria")
    return [Lotacao(a, b, porte=Porte(s.porte) if s else None, dificil_acesso=bool(s and s.dificil_acesso), **comuns)
            for a, b, s in fatias(x["inicio"], x["fim"], situacoes.get(x["unidade_id"], []))]


def _funcoes(x: dict, nome: str, unidades: dict, situacoes: dict) -> list[FuncaoGratificada]:
    u = unidades[x["unidade_id"]]
    resultado = []
    for a, b, s in fatias(x["inicio"], x["fim"], situacoes.get(x["unidade_id"], [])):
        if s is None:
            raise ValueError(
                f"A escola {u['nome']} não tem porte cadastrado em {formato.data(a)}, quando {nome} já exerce a "
                "função gratificada. Cadastre o porte da escola (Lei 1.613/2004, art. 38).")
        resultado.append(FuncaoGratificada(a, b, Funcao(x["funcao"]), Porte(s.porte), u["nome"]))
    return resultado


def _afastamento(a: dict, tipo: dict) -> Afastamento:
    return Afastamento(a["inicio"], a["fim"], tipo["descricao"], tipo["remunerado"], tipo["conta_exercicio"],
                       tipo["suspende_dificil_acesso"])
