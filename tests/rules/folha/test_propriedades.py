"""Propriedades do motor de folha (hypothesis): totais, líquido, linhas não negativas, 13º à parte."""
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.rules.folha import motor
from desktop.rules.folha.tipos import Linha, Natureza

from .apoio import inss, irrf, rpps

DATAS = st.sampled_from([date(2024, 6, 1), date(2025, 6, 1), date(2026, 1, 1), date(2026, 12, 1)])
VALOR = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("30000"), places=2)


@st.composite
def linhas(draw):
    saida = []
    for _ in range(draw(st.integers(0, 8))):
        natureza = draw(st.sampled_from([Natureza.PROVENTO, Natureza.DESCONTO]))
        codigo = "001" if natureza is Natureza.PROVENTO else "101"
        saida.append(Linha(codigo, "x", natureza, draw(VALOR), "f", incide_previdencia=draw(st.booleans()),
                           incide_irrf=draw(st.booleans()), grupo=draw(st.sampled_from(["mensal", "13"]))))
    return saida


@settings(max_examples=300, deadline=None)
@given(linhas(), DATAS, st.booleans(), st.integers(0, 5))
def test_fechamento(entrada, data, com_inss, dependentes):
    prev = inss(data) if com_inss else rpps(data)
    c = motor.fechar(data, "p", entrada, prev, irrf(data), dependentes)
    assert all(l.valor > 0 for l in c.linhas)
    assert c.proventos == sum((l.valor for l in c.linhas if l.natureza is Natureza.PROVENTO), Decimal(0))
    assert c.descontos == sum((l.valor for l in c.linhas if l.natureza is Natureza.DESCONTO), Decimal(0))
    assert c.liquido == c.proventos - c.descontos
    assert all(l.valor == l.valor.quantize(Decimal("0.01")) for l in c.linhas)
    assert (c.liquido < 0) == any("líquido ficou negativo" in a for a in c.avisos)
    # o 13º é tributado à parte: os tributos do grupo 13 são os mesmos sem as linhas mensais
    so_13 = motor.fechar(data, "p", [l for l in entrada if l.grupo == "13"], prev, irrf(data), dependentes)
    tributos_13 = lambda cc: [(l.codigo, l.valor) for l in cc.linhas if l.codigo in ("211", "215")]
    assert tributos_13(c) == tributos_13(so_13)
    # e cada tributo é o da sua base
    for grupo, cod_prev in (("mensal", "201"), ("13", "211")):
        base_prev, _ = motor.bases(entrada, grupo)
        esperado = prev.calcular(max(Decimal(0), base_prev)).valor
        obtido = next((l.valor for l in c.linhas if l.codigo == cod_prev), Decimal("0.00"))
        assert obtido == (esperado if any(l.grupo == grupo for l in entrada) else Decimal("0.00"))
