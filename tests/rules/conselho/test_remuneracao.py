"""Contracheques de conselheiros calculados à mão (Lei 320/2023, arts. 16 §1º, 39-41): os casos estão
em tests/rules/conselho/casos/remuneracao.toml, cada um com a conta e o artigo."""
from datetime import date
from decimal import Decimal as D

import pytest

from desktop.rules.conselho.remuneracao import EntradaConselheiro, calcular
from desktop.rules.parametros import interpretar, nova_vigencia
from desktop.rules.validacao import EntradaInvalida

from ..casos_toml import casos, parametro_padrao, vigente_padrao

MANDATO = ((date(2024, 1, 10), date(2028, 1, 9)),)


def _calc(e: EntradaConselheiro, **troca):
    """O contracheque com os parâmetros padrão vigentes na competência (``troca``: campos de
    conselho_remuneracao trocados, validados pela classe do registro)."""
    comp = e.competencia
    regras = vigente_padrao("conselho_remuneracao", comp)
    if troca:
        p = parametro_padrao("conselho_remuneracao")
        regras = interpretar(p.definicao, nova_vigencia(p.definicao, comp, p.vigente_em(comp).valor | troca,
                                                       "caso de teste"))
    sm = vigente_padrao("salario_minimo", comp)
    return calcular(e, regras, sm.valor, "SM", vigente_padrao("folha_geral", comp), vigente_padrao("inss", comp),
                    vigente_padrao("irrf", comp))


def _valores(cc):
    return {l.codigo: l.valor for l in cc.linhas}


def _entrada(dados: dict) -> EntradaConselheiro:
    d = dict(dados)
    d["exercicio"] = tuple(tuple(p) for p in d.get("exercicio", ()))
    d["funcoes"] = tuple(tuple(f) for f in d.get("funcoes", ()))
    for campo in ("adiantamento_13_pago", "remuneracao_cargo"):
        if campo in d:
            d[campo] = D(d[campo])
    return EntradaConselheiro(**d)


@pytest.mark.parametrize("caso", casos("conselho/remuneracao"))
def test_caso(caso):
    cc = _calc(_entrada(caso["entrada"]), **caso.get("regras", {}))
    e, valores = caso["esperado"], _valores(cc)
    if "linhas" in e:
        assert valores == {k: D(v) for k, v in e["linhas"].items()}, caso["conta"]
    for codigo, valor in e.get("contem", {}).items():
        assert valores.get(codigo) == D(valor), (codigo, caso["conta"])
    assert not set(e.get("ausentes", ())) & set(valores), caso["conta"]
    if "liquido" in e:
        assert cc.liquido == D(e["liquido"]), caso["conta"]
    if "grupo_13" in e:
        assert {l.grupo for l in cc.linhas if l.codigo in e["grupo_13"]} == {"13"}


def test_entrada_invalida():
    with pytest.raises(EntradaInvalida):
        _calc(EntradaConselheiro(date(2026, 3, 1), MANDATO, (), 2, 3))
    with pytest.raises(EntradaInvalida):
        _calc(EntradaConselheiro(date(2026, 3, 2), MANDATO))


def test_ferias_alem_do_periodo_aquisitivo_recusadas():
    with pytest.raises(EntradaInvalida, match=r"art\. 39, II"):
        _calc(EntradaConselheiro(date(2026, 7, 1), MANDATO, ferias_dias=400))
    with pytest.raises(EntradaInvalida, match=r"art\. 39, II"):
        _calc(EntradaConselheiro(date(2026, 7, 1), MANDATO, ferias_dias=31))
    assert any(l.codigo == "030" for l in _calc(EntradaConselheiro(date(2026, 7, 1), MANDATO, ferias_dias=30)).linhas)


def test_presidente_e_vice_ao_mesmo_tempo_recusados():
    funcoes = ((date(2026, 1, 1), date(2026, 12, 31), "presidente"), (date(2026, 3, 15), date(2026, 12, 31), "vice"))
    with pytest.raises(EntradaInvalida, match=r"uma função por vez.*art\. 40 §1º"):
        _calc(EntradaConselheiro(date(2026, 3, 1), MANDATO, funcoes))
    # em sequência (vice até 14/03, presidente desde 15/03) é permitido e paga cada uma pelos seus dias
    seguidas = ((date(2026, 1, 1), date(2026, 3, 14), "vice"), (date(2026, 3, 15), date(2026, 12, 31), "presidente"))
    acrescimos = [l.valor for l in _calc(EntradaConselheiro(date(2026, 3, 1), MANDATO, seguidas)).linhas
                  if l.codigo == "011"]
    assert sorted(acrescimos) == [D("75.65"), D("172.91")]  # 162,10 × 14/30 e 324,20 × 16/30
