"""Diferenças de reajuste retroativo (casos à mão em casos/reajuste_retroativo.toml) e o custo anual do
impacto (12 meses + 13º + terço de férias)."""
from dataclasses import replace
from decimal import Decimal

import pytest

from desktop.rules.magisterio import reajuste
from desktop.rules.magisterio.folha import calcular_contracheque
from desktop.rules.magisterio.reajuste_impacto import (ImpactoMes, diferenca_reajuste, impacto,
                                                       remuneracao_bruta)
from desktop.rules.folha.tipos import Linha, Natureza

from ..casos_toml import casos
from .apoio_ficha import config_de, ficha_de
from .apoio_folha import ARQUIVO_ANEXO1, parametros


@pytest.mark.parametrize("caso", casos("magisterio/reajuste_retroativo"))
def test_diferencas_de_tres_meses_fechados(caso):
    ficha, config = ficha_de(caso["ficha"]), config_de(None)
    total = Decimal("0.00")
    for mes in caso["meses"]:
        p = parametros(mes, ARQUIVO_ANEXO1)
        nova = reajuste.reajuste_linear(p.matriz, Decimal(caso["percentual"]), fundamento="teste")
        pago = remuneracao_bruta(calcular_contracheque(ficha, mes, p, config).linhas)
        devido = remuneracao_bruta(calcular_contracheque(ficha, mes, replace(p, matriz=nova), config).linhas)
        assert (pago, devido) == (Decimal(caso["esperado"]["pago"]), Decimal(caso["esperado"]["devido"]))
        chave = f"{mes:%Y-%m}"
        linha = diferenca_reajuste(mes, devido, pago, Decimal(caso["ja_pago"].get(chave, "0")))
        valor = linha.valor if linha else Decimal("0.00")
        assert valor == Decimal(caso["esperado"]["por_mes"][chave])
        if linha:
            assert linha.codigo == "065" and linha.referencia == f"reajuste:{chave}"
            assert f"competência {mes:%m/%Y}" in linha.descricao and "art. 37, §3º" in linha.fundamento
        total += valor
    assert total == Decimal("759.00")


def test_impacto_mensal_e_anual_a_mao():
    """Dois servidores: 3.795,00 → 4.174,50 (+379,50) e 2.000,00 → 2.000,00; mensal 379,50;
    anual = 379,50 × (12 + 1 + 1/3) = 379,50 × 13,3333… = 5.060,00."""
    def l(v):
        return [Linha("001", "v", Natureza.PROVENTO, Decimal(v), "t")]
    imp = impacto(None, None, [("a", "A", "1", "E", l("3795.00")), ("b", "B", "2", "E", l("2000.00"))],
                  {"a": l("4174.50"), "b": l("2000.00")},
                  [ImpactoMes(None, 2, Decimal("5795.00"), Decimal("6174.50"))])
    assert (imp.servidores, imp.afetados, imp.mensal, imp.anual) == (2, 1, Decimal("379.50"), Decimal("5060.00"))
    assert imp.total_antes == Decimal("5795.00") and imp.retroativo == Decimal("379.50")
    assert imp.percentual == Decimal("6.55")  # 379,50 / 5.795,00 = 6,5487… %
