"""Requisitos do art. 12 §2º, situação da candidatura e contas do boletim, com valores feitos à mão."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.eleicao import apuracao, requisitos, situacao
from desktop.rules.eleicao.regras import RegrasEleicao
from desktop.rules.validacao import EntradaInvalida

from ..casos_toml import vigente_padrao

R: RegrasEleicao = vigente_padrao("eleicao_regras")


def test_idade_superior_a_21_na_data_da_inscricao():
    # nascido em 20/04/2006 completa 21 em 20/04/2027: inscrição em 19/04 recusada, em 20/04 aceita
    motivo = requisitos.conferir_idade(date(2006, 4, 20), date(2027, 4, 19), R)
    assert "20 anos" in motivo and "art. 12 §2º II" in motivo
    assert requisitos.conferir_idade(date(2006, 4, 20), date(2027, 4, 20), R) is None


def test_residencia_mais_de_dois_anos_e_experiencia_24_meses():
    assert requisitos.conferir_residencia(date(2025, 4, 20), date(2027, 4, 20), R) is not None
    assert requisitos.conferir_residencia(date(2025, 4, 19), date(2027, 4, 20), R) is None
    assert "art. 12 §2º VII" in requisitos.conferir_experiencia(23, R)
    assert requisitos.conferir_experiencia(24, R) is None


def test_nota_invalida_e_recusada():
    assert requisitos.nota("72,5") == Decimal("72.5")
    for ruim in ("abc", "-1", "100.5", "7.123"):
        with pytest.raises(EntradaInvalida, match="art. 12 §9º"):
            requisitos.nota(ruim)


def _todos(s="deferido"):
    return {r.codigo: (s, None) for r in requisitos.REQUISITOS}


def test_situacao_da_candidatura():
    corte = Decimal(60)
    assert situacao.situacao(_todos(), Decimal(70), corte, []).habilitado
    assert situacao.situacao(_todos(), Decimal("59.99"), corte, []).codigo == "reprovado"
    a = _todos()
    a["ensino_medio"] = ("indeferido", "sem certificado")
    s = situacao.situacao(a, Decimal(90), corte, [])
    assert s.codigo == "indeferido" and "sem certificado" in s.motivo
    pendente = situacao.Impugnacao(None, None)
    assert situacao.situacao(_todos(), Decimal(70), corte, [pendente]).sub_judice
    procedente_revertida = situacao.Impugnacao("procedente", "provido", True)
    assert situacao.situacao(_todos(), Decimal(70), corte, [procedente_revertida]).habilitado
    mantida = situacao.Impugnacao("procedente", "desprovido", True)
    assert situacao.situacao(_todos(), Decimal(70), corte, [mantida]).codigo == "impugnado"


def test_contas_do_boletim():
    b = apuracao.montar(3, 500, "120", 5, 5, {"11": 60, 12: 50})
    assert apuracao.conferir(b, {11, 12}) == []
    ruim = apuracao.montar(3, 100, 121, 5, 5, {11: 60, 12: 50})
    erros = apuracao.conferir(ruim, {11, 12})
    assert any("= 120, diferente do comparecimento (121)" in e for e in erros)
    assert any("maior que os eleitores aptos" in e for e in erros)
    fora = apuracao.montar(3, 500, 120, 5, 5, {11: 60, 99: 50})
    assert any("art. 11 §6º" in e for e in apuracao.conferir(fora, {11, 12}))


@pytest.mark.parametrize("valor", [-1, "x", "1.5", True])
def test_contagem_negativa_ou_nao_numerica(valor):
    with pytest.raises(EntradaInvalida):
        apuracao.montar(1, 100, valor, 0, 0, {})


def test_comparar_digitacoes():
    a = apuracao.Boletim(1, 100, 50, 2, 3, {11: 25, 12: 20})
    b = apuracao.Boletim(1, 100, 50, 2, 3, {11: 20, 12: 25})
    difs = apuracao.comparar(a, b)
    assert [(d.campo, d.primeira, d.segunda) for d in difs] == [("candidato:11", 25, 20), ("candidato:12", 20, 25)]
