"""Instituição, unidades certificadoras, cursos de referência, PPCPs, ofertas e trabalhadores na base."""
from __future__ import annotations

import json

import sqlite_utils

from .. import linhas
from ..linhas import um


def instituicao(db, instituicao_id: str) -> dict | None:
    return um(db, "SELECT * FROM cert_instituicoes WHERE id = ?", [instituicao_id])


def curso(db, curso_id: str) -> dict | None:
    """A linha do curso de referência (sem a unidade), ou None."""
    return um(db, "SELECT * FROM cert_cursos WHERE id = ?", [curso_id])


def unidades_sem_instituicao(db) -> list[dict]:
    """Unidades ativas do tipo unidade_certificadora ainda não vinculadas a uma instituição (id, nome)."""
    return list(db.query("SELECT id, nome FROM unidades WHERE tipo = 'unidade_certificadora' AND ativo = 1 "
                         "AND id NOT IN (SELECT unidade_id FROM cert_unidades) ORDER BY nome"))


def instituicoes(db) -> list[dict]:
    return list(db.query("SELECT * FROM cert_instituicoes ORDER BY nome"))


def unidades_certificadoras(db, instituicao_id: str | None = None) -> list[dict]:
    sql = ("SELECT u.id, u.nome, c.instituicao_id, i.nome AS instituicao FROM cert_unidades c "
           "JOIN unidades u ON u.id = c.unidade_id JOIN cert_instituicoes i ON i.id = c.instituicao_id")
    if instituicao_id:
        return list(db.query(sql + " WHERE c.instituicao_id = ? ORDER BY u.nome", [instituicao_id]))
    return list(db.query(sql + " ORDER BY u.nome"))


def instituicao_da_unidade(db, unidade_id: str) -> dict | None:
    return um(db, "SELECT i.* FROM cert_unidades c JOIN cert_instituicoes i ON i.id = c.instituicao_id "
                  "WHERE c.unidade_id = ?", [unidade_id])


def cursos(db) -> list[dict]:
    return list(db.query("SELECT c.*, u.nome AS unidade FROM cert_cursos c JOIN unidades u ON u.id = c.unidade_id "
                         "ORDER BY c.nome"))


def turmas(db, curso_id: str) -> dict[int, int]:
    return {r["ano"]: r["turmas"] for r in db.query(
        "SELECT ano, turmas FROM cert_curso_turmas WHERE curso_id = ?", [curso_id])}


def id_turmas(curso_id: str, ano: int) -> str:
    """O id da linha de turmas do curso no ano: a própria chave (migração 0027), igual em toda réplica."""
    return f"{curso_id}:{int(ano)}"


def linha_turmas(curso_id: str, ano: int, n: int) -> dict:
    """A linha das turmas do curso no ano (o serviço a insere ou troca com ``Mudanca.gravar``)."""
    return {"id": id_turmas(curso_id, ano), "curso_id": curso_id, "ano": int(ano), "turmas": n}


def ppcps(db) -> list[dict]:
    return [_ppcp(l) for l in db.query(
        "SELECT p.*, c.nome AS curso, c.unidade_id, u.nome AS unidade FROM cert_ppcps p "
        "JOIN cert_cursos c ON c.id = p.curso_id JOIN unidades u ON u.id = c.unidade_id ORDER BY p.perfil")]


def _ppcp(l: dict) -> dict:
    l["conteudos"] = json.loads(l["conteudos"])
    return l


def ppcp(db, ppcp_id: str) -> dict | None:
    l = um(db, "SELECT p.*, c.nome AS curso, c.unidade_id, u.nome AS unidade FROM cert_ppcps p "
               "JOIN cert_cursos c ON c.id = p.curso_id JOIN unidades u ON u.id = c.unidade_id WHERE p.id = ?",
           [ppcp_id])
    return _ppcp(l) if l else None


def competencias(db, ppcp_id: str) -> list[dict]:
    return list(db.query("SELECT * FROM cert_competencias WHERE ppcp_id = ? ORDER BY ordem", [ppcp_id]))


def equipe(db, ppcp_id: str) -> list[dict]:
    return list(db.query("SELECT * FROM cert_equipe WHERE ppcp_id = ? ORDER BY area, nome", [ppcp_id]))


def ofertas(db) -> list[dict]:
    lidas = list(db.query("SELECT o.*, p.perfil, p.tipo FROM cert_ofertas o JOIN cert_ppcps p ON p.id = o.ppcp_id "
                          "ORDER BY o.inscricoes_de DESC"))
    for l in lidas:
        l["conteudos"] = json.loads(l["conteudos"])
    return lidas


def oferta(db, oferta_id: str) -> dict | None:
    l = um(db, "SELECT o.*, p.perfil, p.tipo FROM cert_ofertas o JOIN cert_ppcps p ON p.id = o.ppcp_id "
               "WHERE o.id = ?", [oferta_id])
    if l:
        l["conteudos"] = json.loads(l["conteudos"])
    return l


def trabalhadores(db) -> list[dict]:
    return list(db.query("SELECT t.*, p.nome, p.cpf, p.nascimento FROM cert_trabalhadores t "
                         "JOIN pessoas p ON p.id = t.pessoa_id ORDER BY p.nome"))


def trabalhador(db, trabalhador_id: str) -> dict | None:
    return um(db, "SELECT t.*, p.nome, p.cpf, p.nascimento FROM cert_trabalhadores t "
                  "JOIN pessoas p ON p.id = t.pessoa_id WHERE t.id = ?", [trabalhador_id])


def componentes_curso(db, curso_id: str) -> list[dict]:
    """A matriz curricular do curso de referência, na ordem."""
    return list(db.query("SELECT * FROM cert_curso_componentes WHERE curso_id = ? ORDER BY ordem", [curso_id]))


def trocar_componentes_curso(db, curso_id: str, componentes: list[tuple[str, int]]) -> list[dict]:
    """Substitui a matriz inteira (a anterior vai ao diário pelo serviço); devolve as linhas novas."""
    db.execute("DELETE FROM cert_curso_componentes WHERE curso_id = ?", [curso_id])
    return [linhas.inserir(db, "cert_curso_componentes", linhas.linha_nova(
                db, "cert_curso_componentes", {"curso_id": curso_id, "ordem": i, "nome": nome, "carga_horaria": horas}))
            for i, (nome, horas) in enumerate(componentes, start=1)]


def excluir_competencia(db, competencia_id: str) -> None:
    db.execute("DELETE FROM cert_competencias WHERE id = ?", [competencia_id])
