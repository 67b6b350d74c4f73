"""Tipos do contracheque (desktop.rules.folha.tipos): os totais somados uma vez, ao criar.

A prévia da folha ordena 3.000 contracheques pelo líquido e pinta o líquido de cada linha: ler os totais não
pode somar as rubricas de novo a cada leitura. Valores calculados à mão.
"""
import dataclasses
from datetime import date
from decimal import Decimal as D

import pytest

from desktop.rules.folha.tipos import Contracheque, Linha, Natureza


class _Contado(D):
    """Um ``Decimal`` que conta quantas vezes entra numa soma (``Decimal + _Contado`` chama ``__radd__``)."""

    somas = 0

    def __radd__(self, outro):
        _Contado.somas += 1
        return D(outro) + D(self)


def _linha(codigo, natureza, valor):
    return Linha(codigo, f"Rubrica {codigo}", natureza, _Contado(valor), "teste")


def _contracheque():
    return Contracheque(date(2026, 3, 1), "p1", [
        _linha("001", Natureza.PROVENTO, "2431.50"),
        _linha("020", Natureza.PROVENTO, "364.73"),
        _linha("201", Natureza.DESCONTO, "391.48"),
        _linha("210", Natureza.DESCONTO, "0.01"),
    ])


def test_totais_ao_centavo():
    cc = _contracheque()
    # 2.431,50 + 364,73 = 2.796,23; 391,48 + 0,01 = 391,49; 2.796,23 − 391,49 = 2.404,74
    assert (cc.proventos, cc.descontos, cc.liquido) == (D("2796.23"), D("391.49"), D("2404.74"))
    assert str(cc.liquido) == "2404.74"
    vazio = Contracheque(date(2026, 3, 1), "p2")
    assert (vazio.proventos, vazio.descontos, vazio.liquido) == (D("0.00"), D("0.00"), D("0.00"))
    assert str(vazio.liquido) == "0.00"


def test_ler_os_totais_nao_soma_as_rubricas_de_novo():
    _Contado.somas = 0
    cc = _contracheque()
    for _ in range(3000):  # a prévia ordenada pelo líquido e pintada
        assert cc.liquido == D("2404.74")
        assert (cc.proventos, cc.descontos) == (D("2796.23"), D("391.49"))
    assert _Contado.somas == 4  # cada rubrica entrou uma vez no seu total, ao criar (antes: 4 a cada leitura)


def test_linhas_nao_mudam_depois_de_somadas():
    cc = _contracheque()
    with pytest.raises(AttributeError):
        cc.linhas.append(_linha("999", Natureza.DESCONTO, "1.00"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        cc.linhas = []
    with pytest.raises(dataclasses.FrozenInstanceError):
        cc.liquido = D("0")
    outro = dataclasses.replace(cc, linhas=[*cc.linhas, _linha("999", Natureza.DESCONTO, "1.00")])
    assert (outro.descontos, outro.liquido) == (D("392.49"), D("2403.74"))
    assert cc.liquido == D("2404.74")
