"""Lê a tabela de direitos violados do SIPIA CT de ``db/sipia/direitos_violados.toml`` (uma vez por processo)."""
from __future__ import annotations

import tomllib
from functools import lru_cache

from desktop import PASTA_DB
from desktop.rules.conselho.sipia import Taxonomia, montar

ARQUIVO = PASTA_DB / "sipia" / "direitos_violados.toml"


@lru_cache(maxsize=1)
def taxonomia() -> Taxonomia:
    with open(ARQUIVO, "rb") as f:
        return montar(tomllib.load(f))
