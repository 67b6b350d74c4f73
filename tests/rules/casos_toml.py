"""O coletor único dos casos de teste escritos como dados (TOML) e os parâmetros padrão.

``ler("inss")`` lê tests/rules/casos/inss.toml; ``ler("conselho/remuneracao")`` lê
tests/rules/conselho/casos/remuneracao.toml. Cada caso tem descrição, fundamento e a conta feita à mão.
"""
import tomllib
from pathlib import Path

import pytest

from desktop import PASTA_DB
from desktop.rules.parametros import Parametro, parametro_de

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
    """O parâmetro como distribuído em db/parametros/<nome>.toml."""
    with open(PASTA_DB / "parametros" / f"{nome}.toml", "rb") as f:
        return parametro_de(tomllib.load(f))
