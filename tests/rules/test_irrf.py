"""IRRF mensal: casos de tests/rules/casos/irrf.toml sobre as tabelas de db/parametros."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.irrf import TabelaIRRF, calcular_irrf
from desktop.rules.validacao import EntradaInvalida

from .casos_toml import casos, vigente_padrao


def tabela_em(data) -> TabelaIRRF:
    return vigente_padrao("irrf", data)


@pytest.mark.parametrize("caso", casos("irrf"))
def test_caso(caso):
    r = calcular_irrf(
        Decimal(caso["rendimento"]), Decimal(caso["inss"]), caso["dependentes"], tabela_em(caso["data"]),
        outras_deducoes=Decimal(caso.get("outras_deducoes", "0")),
    )
    e = caso["esperado"]
    obtido = {"modo": r.modo, "deducao": r.deducao, "base": r.base, "aliquota": r.aliquota,
              "imposto_bruto": r.imposto_bruto, "reducao": r.reducao, "imposto": r.imposto}
    esperado = {k: (v if k == "modo" else Decimal(v)) for k, v in e.items()}
    assert obtido == esperado, caso["conta"]
    assert r.valor == r.imposto_bruto - r.reducao
    assert caso["ato"] in r.fundamento
    assert "Lei 13.149/2015" in r.fundamento  # dedução por dependente


def test_tabela_de_2026_tem_reducao_e_a_de_2025_nao():
    assert tabela_em(date(2025, 12, 31)).reducao is None
    r = tabela_em(date(2026, 1, 1)).reducao
    assert (r.limite_isencao, r.reducao_maxima, r.limite_reducao, r.constante, r.coeficiente) == (
        Decimal("5000.00"), Decimal("312.89"), Decimal("7350.00"), Decimal("978.62"), Decimal("0.133145"))


def test_antes_de_maio_de_2023_nao_ha_desconto_simplificado():
    """R$ 3.000,00 em março de 2023, INSS 2023 (jan–abr) de 263,33: só deduções legais.

    INSS: 97,65 + (2.571,29 − 1.302,00) × 9% = 114,2361 + (3.000,00 − 2.571,29) × 12% = 51,4452
    → 263,3313 → 263,33. Base 3.000,00 − 263,33 = 2.736,67; × 7,5% = 205,25025 − 142,80
    = 62,45025 → 62,45 (Lei 13.149/2015).
    """
    r = calcular_irrf(Decimal("3000.00"), Decimal("263.33"), 0, tabela_em(date(2023, 3, 1)))
    assert (r.modo, r.base, r.imposto) == ("legais", Decimal("2736.67"), Decimal("62.45"))
    assert r.desconto_simplificado is None


@pytest.mark.parametrize("args, mensagem", [
    ((Decimal("-1"), Decimal("0"), 0), "negativo"),
    ((Decimal("1000"), Decimal("0"), -1), "dependentes"),
    ((Decimal("1000"), Decimal("0"), 1.5), "dependentes"),
])
def test_entradas_invalidas(args, mensagem):
    with pytest.raises(EntradaInvalida, match=mensagem):
        calcular_irrf(*args, tabela_em(date(2026, 1, 1)))


def test_tabela_malformada_recusada():
    faixas = [{"ate": "3000.00", "percentual": "0"}, {"ate": "2000.00", "percentual": "7.5"},
              {"percentual": "15"}]
    with pytest.raises(EntradaInvalida, match="ordem crescente"):
        TabelaIRRF.de_valor({"faixas": faixas}, dependente=Decimal("189.59"), inicio=None, fundamento="x")
    with pytest.raises(EntradaInvalida, match="última faixa"):
        TabelaIRRF.de_valor({"faixas": [{"ate": "1.00", "percentual": "0"}]},
                            dependente=Decimal("189.59"), inicio=None, fundamento="x")
