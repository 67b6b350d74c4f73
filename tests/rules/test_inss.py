"""Contribuição ao INSS: casos de tests/rules/casos/inss.toml sobre as tabelas de db/parametros."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.inss import TabelaINSS, calcular_inss
from desktop.rules.validacao import EntradaInvalida

from .casos_toml import casos, vigente_padrao


def tabela_em(data) -> TabelaINSS:
    return vigente_padrao("inss", data)


@pytest.mark.parametrize("caso", casos("inss"))
def test_caso(caso):
    r = calcular_inss(Decimal(caso["base"]), tabela_em(caso["data"]))
    assert r.valor == Decimal(caso["valor"]), caso["conta"]
    assert r.teto_aplicado is caso["teto_aplicado"]
    assert caso["ato"] in r.fundamento
    assert "EC 103/2019" in r.fundamento


def test_detalhe_por_faixa_soma_exata_e_arredonda_no_fim():
    """R$ 6.000,00 em 2026: quatro parcelas exatas; a soma 641,5144 vira 641,51."""
    r = calcular_inss(Decimal("6000.00"), tabela_em(date(2026, 3, 1)))
    assert [p.contribuicao for p in r.parcelas] == [
        Decimal("121.575"), Decimal("115.3656"), Decimal("174.1716"), Decimal("230.4022")]
    assert [p.base for p in r.parcelas] == [
        Decimal("1621.00"), Decimal("1281.84"), Decimal("1451.43"), Decimal("1645.73")]
    assert sum(p.contribuicao for p in r.parcelas) == Decimal("641.5144")
    assert r.valor == Decimal("641.51") and r.base_contribuicao == Decimal("6000.00")


def test_base_negativa_recusada():
    with pytest.raises(EntradaInvalida, match="negativa"):
        calcular_inss(Decimal("-1"), tabela_em(date(2026, 1, 1)))


@pytest.mark.parametrize("faixas, mensagem", [
    ([], "lista de faixas"),
    ([{"ate": "2000.00", "percentual": "7.5"}, {"ate": "1500.00", "percentual": "9"}], "ordem crescente"),
    ([{"ate": "2000.00", "percentual": "0"}], "percentual: entre 0 e 100, maior que zero"),
    ([{"ate": "dois mil", "percentual": "7.5"}], "não é um número"),
])
def test_tabela_malformada_recusada(faixas, mensagem):
    with pytest.raises(EntradaInvalida, match=mensagem):
        TabelaINSS.de_valor({"faixas": faixas}, inicio=None, fundamento="x")
