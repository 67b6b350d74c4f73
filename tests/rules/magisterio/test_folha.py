"""Contracheques do magistério calculados à mão (tests/rules/magisterio/casos/folha.toml)."""
from decimal import Decimal

import pytest

from desktop.rules.folha.tipos import Natureza
from desktop.rules.magisterio.folha import calcular_contracheque

from .apoio_folha import config_de, ficha_de, ler_casos, parametros

ARQUIVO = ler_casos("folha")
CASOS = [pytest.param(c, id=c["descricao"]) for c in ARQUIVO["caso"]]


@pytest.mark.parametrize("caso", CASOS)
def test_caso(caso):
    assert caso["conta"].strip() and caso["fundamento"].strip()
    c = calcular_contracheque(ficha_de(caso["ficha"]), caso["competencia"],
                              parametros(caso["competencia"], ARQUIVO["anexo1_teste"]), config_de(caso.get("config")))
    e = caso["esperado"]
    assert [(l.codigo, str(l.valor)) for l in c.linhas] == [tuple(x) for x in e["linhas"]], caso["conta"]
    assert (c.proventos, c.descontos, c.liquido) == (
        Decimal(e["proventos"]), Decimal(e["descontos"]), Decimal(e["liquido"])), caso["conta"]
    assert c.avisos == e.get("avisos", [])
    for linha in c.linhas:
        assert linha.valor > 0 and linha.fundamento, linha
    assert all(l.natureza is Natureza.PROVENTO for l in c.linhas if l.codigo < "100")
    assert all(l.natureza is Natureza.DESCONTO for l in c.linhas if l.codigo >= "100")
