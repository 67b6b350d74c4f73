"""Parâmetros legais e feriados municipais na base: padrões de db/parametros e consultas.

Os padrões vêm de ``db/parametros/*.toml`` (um arquivo por parâmetro). As vigências ficam na
tabela ``parametros`` com o valor em JSON (dinheiro como texto decimal); ``origem`` diz se a
vigência veio dos padrões do Paço ('padrao') ou foi cadastrada no órgão ('usuario').
Estas funções não verificam permissão nem escrevem no diário: isso é dos serviços.
"""
from __future__ import annotations

import json
import tomllib
from datetime import date
from functools import lru_cache
from pathlib import Path

import sqlite_utils

from desktop import PASTA_DB
from desktop.rules.calendario import FeriadoMunicipal
from desktop.rules.parametros import Definicao, Parametro, Vigencia, parametro_de
from desktop.rules.validacao import EntradaInvalida

from .ids import agora, novo_id

PASTA_PARAMETROS = PASTA_DB / "parametros"


# -- padrões (TOML) ----------------------------------------------------------------------------
def ler_arquivo(arquivo: Path) -> Parametro:
    """Lê e valida um arquivo de parâmetro; erro com o nome do arquivo se estiver malformado."""
    try:
        with open(arquivo, "rb") as f:
            dados = tomllib.load(f)
        parametro = parametro_de(dados)
    except (tomllib.TOMLDecodeError, EntradaInvalida) as e:
        raise EntradaInvalida(f"Arquivo de parâmetro {arquivo.name} malformado: {e}") from e
    if parametro.definicao.nome != arquivo.stem:
        raise EntradaInvalida(
            f"Arquivo de parâmetro {arquivo.name}: o nome na [definicao] deve ser {arquivo.stem!r}."
        )
    return parametro


@lru_cache(maxsize=4)
def padroes(pasta: Path = PASTA_PARAMETROS) -> tuple[Parametro, ...]:
    """Todos os parâmetros padrão, em ordem de nome (lidos uma vez por execução)."""
    return tuple(ler_arquivo(a) for a in sorted(Path(pasta).glob("*.toml")))


def padrao(nome: str) -> Parametro:
    """Um parâmetro padrão pelo nome (sem a base; útil a testes e à CLI)."""
    for p in padroes():
        if p.definicao.nome == nome:
            return p
    raise KeyError(nome)


# -- parâmetros na base ------------------------------------------------------------------------
def existentes(db: sqlite_utils.Database) -> tuple[set[str], set[tuple[str, str]]]:
    """Numa só consulta: nomes definidos e pares (nome, início ISO) com vigência na base."""
    nomes, pares = set(), set()
    for nome, inicio in db.execute(
        "SELECT d.nome, p.inicio FROM parametros_definicao d "
        "LEFT JOIN parametros p ON p.nome = d.nome"
    ).fetchall():
        nomes.add(nome)
        if inicio is not None:
            pares.add((nome, inicio))
    return nomes, pares


def linha_definicao(d: Definicao) -> dict:
    return {"nome": d.nome, "titulo": d.titulo, "descricao": d.descricao, "tipo": d.tipo}


def linha_vigencia(nome: str, v: Vigencia, origem: str) -> dict:
    """A linha de ``parametros`` de uma vigência já validada (o serviço a grava com ``Mudanca.inserir``)."""
    return {
        "id": novo_id(), "nome": nome, "inicio": v.inicio.isoformat(),
        "valor": json.dumps(v.valor, ensure_ascii=False), "fundamento": v.fundamento,
        "status": v.status, "origem": origem, "criado_em": agora(),
    }


def definicoes(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query(
        "SELECT d.nome, d.titulo, d.descricao, d.tipo, count(p.id) AS vigencias, "
        "max(p.inicio) AS ultima_inicio FROM parametros_definicao d "
        "LEFT JOIN parametros p ON p.nome = d.nome GROUP BY d.nome ORDER BY d.titulo"
    ))


def definicao(db: sqlite_utils.Database, nome: str) -> Definicao | None:
    linhas = list(db.query("SELECT nome, titulo, descricao, tipo FROM parametros_definicao WHERE nome = ?",
                           [nome]))
    return Definicao(**linhas[0]) if linhas else None


def vigencias_linhas(db: sqlite_utils.Database, nome: str) -> list[dict]:
    """As vigências do parâmetro como linhas da base (valor já decodificado do JSON)."""
    linhas = list(db.query(
        "SELECT id, nome, inicio, valor, fundamento, status, origem, criado_em FROM parametros "
        "WHERE nome = ? ORDER BY inicio", [nome]))
    for linha in linhas:
        linha["valor"] = json.loads(linha["valor"])
    return linhas


def vigencias(db: sqlite_utils.Database, nome: str) -> tuple[Vigencia, ...]:
    """As vigências do parâmetro para a camada de regras, em ordem de início."""
    return tuple(
        Vigencia(date.fromisoformat(l["inicio"]), l["valor"], l["fundamento"], l["status"])
        for l in vigencias_linhas(db, nome)
    )


def carregar(db: sqlite_utils.Database, nome: str) -> Parametro | None:
    d = definicao(db, nome)
    return Parametro(d, vigencias(db, nome)) if d else None


# -- feriados municipais -----------------------------------------------------------------------
def feriados_linhas(db: sqlite_utils.Database, *, incluir_inativos: bool = False) -> list[dict]:
    filtro = "" if incluir_inativos else "AND ativo = 1 "
    return list(db.query(  # só os do órgão; os de outros emissores, em store.emissores
        "SELECT id, data, descricao, anual, ativo, criado_em FROM feriados_municipais "
        f"WHERE coalesce(emissor_id, 'orgao') = 'orgao' {filtro}ORDER BY substr(data, 6), data"))


def feriado_linha(db: sqlite_utils.Database, feriado_id: str) -> dict | None:
    linhas = list(db.query("SELECT id, data, descricao, anual, ativo, criado_em FROM feriados_municipais "
                           "WHERE id = ?", [feriado_id]))
    return linhas[0] if linhas else None


def feriados_ativos(db: sqlite_utils.Database) -> tuple[FeriadoMunicipal, ...]:
    return tuple(FeriadoMunicipal(date.fromisoformat(l["data"]), l["descricao"], bool(l["anual"]))
                 for l in feriados_linhas(db))


def linha_feriado(f: FeriadoMunicipal) -> dict:
    """A linha de ``feriados_municipais`` de um feriado novo, ativo (o serviço a grava com ``Mudanca.inserir``)."""
    return {"id": novo_id(), "data": f.data.isoformat(), "descricao": f.descricao,
            "anual": int(f.anual), "ativo": 1, "criado_em": agora()}


def uf_do_escritorio(db: sqlite_utils.Database) -> str | None:
    linha = db.execute("SELECT uf FROM escritorio WHERE id = 1").fetchone()
    return linha[0] if linha else None
