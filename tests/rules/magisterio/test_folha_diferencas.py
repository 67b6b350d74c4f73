"""Falta lançada depois do fechamento (casos à mão em casos/diferencas.toml): rubrica 105 na competência
seguinte, com a remuneração do mês da falta; no mês da falta, não é descontada de novo."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.magisterio.folha import calcular_contracheque, faltas_de_mes_fechado

from ..casos_toml import casos
from .apoio_ficha import config_de, ficha_de
from .apoio_folha import ARQUIVO_ANEXO1, parametros


@pytest.mark.parametrize("caso", casos("magisterio/diferencas"))
def test_falta_de_mes_fechado_descontada_no_seguinte(caso):
    ficha = ficha_de(caso["ficha"])
    config = config_de(caso.get("config"))
    comp = caso["competencia"]
    meses = sorted({date(f.data.year, f.data.month, 1) for f in ficha.faltas})
    diferencas = [l for m in meses
                  for l in faltas_de_mes_fechado(ficha, m, parametros(m, ARQUIVO_ANEXO1), config, comp)]
    cc = calcular_contracheque(ficha, comp, parametros(comp, ARQUIVO_ANEXO1), config, diferencas=diferencas)
    esperado = caso["esperado"]
    assert [[l.codigo, str(l.valor)] for l in cc.linhas] == esperado["linhas"]
    assert cc.proventos == Decimal(esperado["proventos"]) and cc.liquido == Decimal(esperado["liquido"])
    for l in cc.linhas:
        if l.codigo == "105":
            assert "faltas de 04/2026 lançadas após o fechamento" in l.descricao
            assert "Lei 1.613/2004, art. 34, §1º" in l.fundamento and "(05/2026)" in l.fundamento
    # o mês da falta recalculado (reaberto) não desconta de novo
    for m in meses:
        proprio = calcular_contracheque(ficha, m, parametros(m, ARQUIVO_ANEXO1), config)
        assert not any(l.codigo in ("101", "102") for l in proprio.linhas)
        # e na competência errada não há diferença
        assert faltas_de_mes_fechado(ficha, m, parametros(m, ARQUIVO_ANEXO1), config, date(2026, 6, 1)) == []
