"""Contracheques do magistério calculados à mão (tests/rules/magisterio/casos/folha.toml)."""
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.folha.tipos import Natureza
from desktop.rules.magisterio.folha import calcular_contracheque
from desktop.rules.parametros import ValorLegal

from .apoio_ficha import config_de, ficha_de
from ..casos_toml import ler
from .apoio_folha import parametros

ARQUIVO = ler("magisterio/folha")
CASOS = [pytest.param(c, id=c["descricao"]) for c in ARQUIVO["caso"]]


@pytest.mark.parametrize("caso", CASOS)
def test_caso(caso):
    assert caso["conta"].strip() and caso["fundamento"].strip()
    p = parametros(caso["competencia"], None if caso.get("anexo1") == "lei" else ARQUIVO["anexo1_teste"])
    if "teto" in caso:  # teto de teste (subsídio do Prefeito), para o abate-teto caber na matriz × 10
        p = replace(p, teto_remuneratorio=ValorLegal(Decimal(caso["teto"]), date(2026, 1, 1),
                                                     "Lei municipal de teste", "NV"))
    c = calcular_contracheque(ficha_de(caso["ficha"]), caso["competencia"], p, config_de(caso.get("config")))
    e = caso["esperado"]
    assert [(l.codigo, str(l.valor)) for l in c.linhas] == [tuple(x) for x in e["linhas"]], caso["conta"]
    assert (c.proventos, c.descontos, c.liquido) == (
        Decimal(e["proventos"]), Decimal(e["descontos"]), Decimal(e["liquido"])), caso["conta"]
    assert c.avisos == e.get("avisos", [])
    for linha in c.linhas:
        assert linha.valor > 0 and linha.fundamento, linha
    assert all(l.natureza is Natureza.PROVENTO for l in c.linhas if l.codigo < "100")
    assert all(l.natureza is Natureza.DESCONTO for l in c.linhas if l.codigo >= "100")
