"""Lê os catálogos de rubricas de ``db/rubricas`` (um por folha) e o texto das leis de ``db/legislacao``."""
from __future__ import annotations

import tomllib
from functools import cache

from desktop import PASTA_DB
from desktop.rules.folha.catalogo import Catalogo, montar

PASTA_RUBRICAS = PASTA_DB / "rubricas"
PASTA_LEGISLACAO = PASTA_DB / "legislacao"
FOLHAS = ("magisterio", "conselho")


def _ler(nome: str) -> dict:
    with open(PASTA_RUBRICAS / f"{nome}.toml", "rb") as f:
        return tomllib.load(f)


@cache
def catalogo(folha: str) -> Catalogo:
    """O catálogo da folha (``magisterio`` ou ``conselho``), com as rubricas do motor comum."""
    dados = _ler(folha)
    herda = dados.get("herda")
    return montar(dados, _ler(herda) if herda else None)


@cache
def texto_da_lei(arquivo: str) -> str:
    return (PASTA_LEGISLACAO / arquivo).read_text(encoding="utf-8")
