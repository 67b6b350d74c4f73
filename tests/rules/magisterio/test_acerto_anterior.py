"""Registro lançado depois do fechamento que alcança o mês do 13º ou do terço de férias (issue 13, item 3):
cada parte acertada numa linha própria que nomeia o mês, com a tributação da parte (casos à mão em
casos/acerto_anterior.toml)."""
from decimal import Decimal

import pytest

from desktop.rules.magisterio.acerto_anterior import JaAcertado, acertos_do_mes
from desktop.rules.magisterio.folha import calcular_contracheque

from ..casos_toml import casos
from .apoio_ficha import config_de, ficha_de
from .apoio_folha import ARQUIVO_ANEXO1, parametros


def _contracheque(ficha: dict, mes, config, **extra):
    return calcular_contracheque(ficha_de(ficha), mes, parametros(mes, ARQUIVO_ANEXO1), config, **extra)


@pytest.mark.parametrize("caso", casos("magisterio/acerto_anterior"))
def test_acerto_do_mes_do_13_e_do_terco(caso):
    config = config_de(caso.get("config"))
    mes, liquidar_em = caso["mes"], caso["liquidar_em"]
    pago_ficha, devido_ficha = caso["ficha"], caso["ficha"] | caso["mudanca"]
    adiantamento = Decimal(caso["adiantamento_13_pago"]) if "adiantamento_13_pago" in caso else None
    pago = _contracheque(pago_ficha, mes, config, adiantamento_13_pago=adiantamento)
    devido = _contracheque(devido_ficha, mes, config, adiantamento_13_pago=adiantamento)
    acertos = acertos_do_mes(mes, devido.linhas, pago.linhas, JaAcertado(), "registro de teste", liquidar_em,
                             terco_incide_previdencia=config.previdencia == "inss")
    esperado = caso["esperado"]
    assert [[l.codigo, str(l.valor), l.referencia] for l in acertos] == esperado["acertos"]
    for l in acertos:  # cada linha nomeia o mês e a parte, com o artigo do registro
        assert f"{mes:%m/%Y}" in l.descricao and "registro de teste" in l.fundamento
        assert l.grupo == ("13" if l.codigo in ("070", "107") else "mensal")
        assert l.incide_previdencia == (l.codigo not in ("071", "108"))  # RPPS: o terço não contribui

    # a competência do acerto, com os fatos novos (e o que ``pagamento`` muda nela)
    cc = _contracheque(devido_ficha | caso.get("pagamento", {}), liquidar_em, config, diferencas=acertos)
    assert [[l.codigo, str(l.valor)] for l in cc.linhas] == esperado["linhas"]
    assert cc.liquido == Decimal(esperado["liquido"])
    if "base_rpps" in esperado:
        assert next(l.base for l in cc.linhas if l.codigo == "201") == Decimal(esperado["base_rpps"])

    # já acertado: nada mais a pagar ou descontar do mesmo mês
    ja = JaAcertado(*(sum((l.valor if l.natureza.value == "P" else -l.valor for l in acertos if l.codigo in cods),
                          Decimal("0.00")) for cods in (("069", "106"), ("070", "107"), ("071", "108"))))
    assert acertos_do_mes(mes, devido.linhas, pago.linhas, ja, "x", liquidar_em,
                          terco_incide_previdencia=False) == []
