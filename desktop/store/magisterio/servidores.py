"""Servidores do magistério na base: inserir, alterar, obter e listar com filtros.

O servidor é uma linha de ``magisterio_servidores`` ligada a uma pessoa (nome, CPF, nascimento
ficam em ``pessoas``). A lista traz a lotação e a jornada em vigor numa data, numa só consulta.
"""
from __future__ import annotations

import unicodedata
from datetime import date

import sqlite_utils

from ..ids import agora, novo_id
from ..cadastros import pessoa
from ..linhas import um

CAMPOS_PESSOA = ("nome", "nascimento", "sexo", "telefone", "email", "endereco", "bairro", "municipio", "uf")


def sem_acento(texto: str | None) -> str:
    """Texto em minúsculas, sem acentos e com espaços simples (para buscas e comparações)."""
    if texto is None:
        return ""
    decomposto = unicodedata.normalize("NFKD", str(texto))
    return " ".join("".join(c for c in decomposto if not unicodedata.combining(c)).lower().split())


def _funcao_sem_acento(db: sqlite_utils.Database) -> None:
    db.conn.create_function("paco_sem_acento", 1, sem_acento, deterministic=True)


# -- pessoas ----------------------------------------------------------------------------------------
obter_pessoa = pessoa  # o nome que a folha e o pagamento usam (a pessoa é do cadastro comum, store/cadastros)


# -- servidores -------------------------------------------------------------------------------------
def linha_nova(*, pessoa_id: str, matricula: str, cargo: str, admissao: date, dependentes_irrf: int = 0) -> dict:
    """A linha de ``magisterio_servidores`` de um servidor admitido (o serviço a grava com ``Mudanca.inserir``)."""
    momento = agora()
    return {"id": novo_id(), "pessoa_id": pessoa_id, "matricula": matricula, "cargo": cargo,
            "admissao": admissao.isoformat(), "desligamento": None, "motivo_desligamento": None,
            "ato_desligamento": None, "dependentes_irrf": dependentes_irrf, "ativo": 1,
            "criado_em": momento, "atualizado_em": momento}


def linha(db: sqlite_utils.Database, servidor_id: str) -> dict | None:
    """A linha de ``magisterio_servidores`` como gravada."""
    return um(db, "SELECT * FROM magisterio_servidores WHERE id = ?", [servidor_id])


def obter(db: sqlite_utils.Database, servidor_id: str) -> dict | None:
    """Servidor com nome, CPF e nascimento da pessoa; datas como ``date``."""
    for r in db.query(
        "SELECT s.*, p.nome, p.cpf, p.nascimento FROM magisterio_servidores s "
        "JOIN pessoas p ON p.id = s.pessoa_id WHERE s.id = ?", [servidor_id]
    ):
        return _com_datas(r)
    return None


def por_matricula(db: sqlite_utils.Database, matricula: str) -> dict | None:
    for r in db.query(
        "SELECT s.*, p.nome, p.cpf FROM magisterio_servidores s JOIN pessoas p ON p.id = s.pessoa_id "
        "WHERE s.matricula = ?", [matricula]
    ):
        return r
    return None


def da_pessoa(db: sqlite_utils.Database, pessoa_id: str) -> list[dict]:
    return list(db.query("SELECT * FROM magisterio_servidores WHERE pessoa_id = ? ORDER BY admissao",
                         [pessoa_id]))


def ids(db: sqlite_utils.Database) -> list[str]:
    """Os ids de todos os servidores (vínculos), ativos ou não."""
    return [r[0] for r in db.execute("SELECT id FROM magisterio_servidores")]


def matriculas_existentes(db: sqlite_utils.Database) -> dict[str, str]:
    """Matrícula → nome do servidor, de todos (para conferir uma planilha inteira de uma vez)."""
    return {r["matricula"]: r["nome"] for r in db.query(
        "SELECT s.matricula, p.nome FROM magisterio_servidores s JOIN pessoas p ON p.id = s.pessoa_id")}


def cpfs_existentes(db: sqlite_utils.Database) -> dict[str, dict]:
    """CPF → {nome, pessoa_id, matricula do vínculo ativo ou None}, de todas as pessoas com CPF."""
    resultado: dict[str, dict] = {}
    for r in db.query(
        "SELECT p.id, p.cpf, p.nome, (SELECT s.matricula FROM magisterio_servidores s "
        "WHERE s.pessoa_id = p.id AND s.ativo = 1 ORDER BY s.admissao LIMIT 1) AS matricula "
        "FROM pessoas p WHERE p.cpf IS NOT NULL"
    ):
        resultado[r["cpf"]] = {"nome": r["nome"], "pessoa_id": r["id"], "matricula": r["matricula"]}
    return resultado


def _com_datas(r: dict) -> dict:
    r = dict(r)
    for campo in ("admissao", "desligamento", "nascimento"):
        if r.get(campo):
            r[campo] = date.fromisoformat(r[campo])
    return r


def listar(db: sqlite_utils.Database, *, data: date, nome: str | None = None, cpf: str | None = None,
           matricula: str | None = None, unidade_id: str | None = None, cargo: str | None = None,
           ativo: bool | None = True) -> list[dict]:
    """Servidores com a lotação e a jornada em vigor em ``data``, em ordem de nome.

    ``nome`` busca parte do nome sem distinguir maiúsculas nem acentos; ``cpf`` e ``matricula``
    buscam pelo começo; ``unidade_id`` filtra pela lotação em vigor na data.
    """
    _funcao_sem_acento(db)
    d = data.isoformat()
    condicoes, args = [], {"d": d}
    if nome:
        condicoes.append("paco_sem_acento(p.nome) LIKE '%' || :nome || '%'")
        args["nome"] = sem_acento(nome)
    if cpf:
        condicoes.append("p.cpf LIKE :cpf || '%'")
        args["cpf"] = "".join(ch for ch in cpf if ch.isdigit())
    if matricula:
        condicoes.append("s.matricula LIKE :matricula || '%'")
        args["matricula"] = matricula.strip()
    if unidade_id:
        condicoes.append("lot.unidade_id = :unidade")
        args["unidade"] = unidade_id
    if cargo:
        condicoes.append("s.cargo = :cargo")
        args["cargo"] = str(cargo)
    if ativo is not None:
        condicoes.append("s.ativo = :ativo")
        args["ativo"] = 1 if ativo else 0
    onde = ("WHERE " + " AND ".join(condicoes)) if condicoes else ""
    sql = f"""
        WITH lot AS (SELECT servidor_id, unidade_id FROM magisterio_lotacoes
                     WHERE inicio <= :d AND (fim IS NULL OR fim >= :d)),
             jor AS (SELECT servidor_id, horas, motivo FROM magisterio_jornadas
                     WHERE inicio <= :d AND (fim IS NULL OR fim >= :d))
        SELECT s.id, s.matricula, s.cargo, s.admissao, s.desligamento, s.motivo_desligamento, s.ativo,
               s.dependentes_irrf, s.pessoa_id, p.nome, p.cpf, p.nascimento,
               lot.unidade_id, u.nome AS unidade_nome, jor.horas AS jornada, jor.motivo AS motivo_jornada
        FROM magisterio_servidores s
        JOIN pessoas p ON p.id = s.pessoa_id
        LEFT JOIN lot ON lot.servidor_id = s.id
        LEFT JOIN unidades u ON u.id = lot.unidade_id
        LEFT JOIN jor ON jor.servidor_id = s.id
        {onde}
        ORDER BY paco_sem_acento(p.nome), s.matricula
    """
    return [_com_datas(r) for r in db.query(sql, args)]


def pis_por_servidor(db: sqlite_utils.Database) -> dict[str, str]:
    """id do servidor → PIS/PASEP/NIT (só dígitos) do cadastro de pagamento da pessoa, quando houver."""
    return dict(db.execute(
        "SELECT s.id, d.pis FROM magisterio_servidores s JOIN pagamento_dados d ON d.pessoa_id = s.pessoa_id "
        "WHERE d.pis IS NOT NULL").fetchall())
