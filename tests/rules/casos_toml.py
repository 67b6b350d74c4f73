"""Carrega os casos de teste escritos como dados (tests/rules/casos/*.toml) e os parâmetros padrão."""
import tomllib
from pathlib import Path

import pytest

from desktop import PASTA_DB
from desktop.rules.parametros import Parametro, parametro_de

PASTA_CASOS = Path(__file__).parent / "casos"


def casos(nome: str) -> list:
    """Os casos do arquivo, como parâmetros do pytest com id = descrição do caso."""
    with open(PASTA_CASOS / f"{nome}.toml", "rb") as f:
        lista = tomllib.load(f)["caso"]
    for c in lista:
        assert c.get("descricao") and c.get("conta") and c.get("fundamento"), c
    return [pytest.param(c, id=c["descricao"]) for c in lista]


def parametro_padrao(nome: str) -> Parametro:
    """O parâmetro como distribuído em db/parametros/<nome>.toml."""
    with open(PASTA_DB / "parametros" / f"{nome}.toml", "rb") as f:
        return parametro_de(tomllib.load(f))
