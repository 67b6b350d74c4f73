"""O coletor único dos casos de teste escritos como dados (TOML) e os parâmetros padrão.

``ler("inss")`` lê tests/rules/casos/inss.toml; ``ler("conselho/remuneracao")`` lê
tests/rules/conselho/casos/remuneracao.toml. Cada caso tem descrição, fundamento e a conta feita à mão.
``vigente_padrao(nome, data)`` é o valor padrão (db/parametros) pela mesma leitura dos serviços.
"""
import copy
import tomllib
from datetime import date
from pathlib import Path

import pytest

from desktop.rules.parametros import Parametro, valor_vigente
from desktop.store.parametros import padrao

PASTA_RULES = Path(__file__).parent


def ler(nome: str) -> dict:
    """O arquivo de casos inteiro (com as seções além de [[caso]], como tabelas de teste)."""
    area, _, arquivo = nome.rpartition("/")
    with open(PASTA_RULES / area / "casos" / f"{arquivo}.toml", "rb") as f:
        dados = tomllib.load(f)
    for c in dados.get("caso", []):
        assert c.get("descricao") and c.get("conta", "").strip() and c.get("fundamento"), c
    return dados


def casos(nome: str) -> list:
    """Os casos do arquivo, como parâmetros do pytest com id = descrição do caso."""
    return [pytest.param(c, id=c["descricao"]) for c in ler(nome)["caso"]]


def parametro_padrao(nome: str) -> Parametro:
    """O parâmetro como distribuído em db/parametros/<nome>.toml (uma cópia: o teste pode mexer no valor)."""
    return copy.deepcopy(padrao(nome))


def vigente_padrao(nome: str, data: date | None = None):
    """O valor padrão de ``nome`` em vigor na data (sem data: o da vigência mais recente), pronto para as
    regras, pela leitura única (``rules.parametros.valor_vigente``: a classe do registro, ``ValorLegal``, o
    IRRF com o dependente)."""
    todos = {n: padrao(n) for n in ((nome, "irrf_dependente") if nome == "irrf" else (nome,))}
    return valor_vigente(todos, nome, data or todos[nome].vigencias[-1].inicio)
