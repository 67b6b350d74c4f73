"""Suplência, penalidades e validações do atendimento (Lei 320/2023, arts. 16, 44-49; ECA, arts. 2º, 101, 129)."""
from datetime import date

import pytest

from desktop.rules.conselho import atendimentos as at
from desktop.rules.conselho import mandatos as mand
from desktop.rules.validacao import EntradaInvalida

from ..casos_toml import vigente_padrao

PRAZOS = vigente_padrao("conselho_prazos")
FOLHA = vigente_padrao("folha_geral")


def test_proximo_suplente_pela_ordem():
    s = [mand.Suplente("c", "C", 3, True), mand.Suplente("a", "A", 1, False), mand.Suplente("b", "B", 2, True)]
    assert mand.proximo_suplente(s).id == "b"
    assert mand.proximo_suplente([mand.Suplente("a", "A", 1, False)]) is None


def test_alerta_e_escolha_indireta():
    assert mand.alerta_suplentes(3, PRAZOS) is None
    assert "art. 16 §2º" in mand.alerta_suplentes(2, PRAZOS)
    fim = date(2028, 1, 9)
    assert not mand.escolha_indireta_permitida(date(2026, 1, 9), fim, PRAZOS)
    assert mand.escolha_indireta_permitida(date(2026, 1, 10), fim, PRAZOS)


def test_dias_no_mes_comercial():
    assert mand.dias_no_mes([(date(2026, 2, 15), date(2026, 3, 31))], date(2026, 2, 1), FOLHA) == 16
    assert mand.dias_no_mes([(date(2026, 3, 1), date(2026, 3, 10)), (date(2026, 3, 5), date(2026, 3, 20))],
                            date(2026, 3, 1), FOLHA) == 20
    assert mand.dias_no_mes([(date(2026, 1, 1), date(2026, 12, 31))], date(2026, 3, 1), FOLHA) == 30


def test_penalidade_exige_processo_e_periodo():
    with pytest.raises(EntradaInvalida, match="art. 49"):
        mand.validar_penalidade("advertencia", "Faltou a três sessões deliberativas", "", None, None)
    with pytest.raises(EntradaInvalida, match="suspensão"):
        mand.validar_penalidade("suspensao", "Faltou a três sessões deliberativas", "PAD 1/2026", None, None)
    with pytest.raises(EntradaInvalida):
        mand.validar_penalidade("multa", "x" * 20, "PAD", None, None)


def test_crianca_e_medidas():
    with pytest.raises(EntradaInvalida, match="nome"):
        at.validar_crianca(at.Crianca(" ", None), date(2026, 3, 1))
    with pytest.raises(EntradaInvalida, match="posterior"):
        at.validar_crianca(at.Crianca("Ana", date(2026, 3, 2)), date(2026, 3, 1))
    with pytest.raises(EntradaInvalida, match="21 anos"):
        at.validar_crianca(at.Crianca("Ana", date(1990, 1, 1)), date(2026, 3, 1))
    assert at.validar_medida("101-ii") == "101-II"
    for ruim in ("101-VIII", "129-X", "136-I", ""):
        with pytest.raises(EntradaInvalida, match="ECA"):
            at.validar_medida(ruim)
    assert at.faixa_etaria(date(2014, 3, 2), date(2026, 3, 1)) == "6 a 11 anos"
    assert at.faixa_etaria(date(2014, 3, 1), date(2026, 3, 1)) == "12 a 14 anos"


def test_suplente_com_parente_no_mandato_e_passado():
    """Art. 15: quem tem parente ocupando o mandato (mesmo afastado) é passado; os motivos vêm em ordem."""
    irmao = mand.Parente("Raimundo", "irmãos", True)
    saiu = mand.Parente("Raimundo", "irmãos", False)
    s = [mand.Suplente("k", "Kelly", 1, True, (irmao,)), mand.Suplente("c", "Conceição", 2, True),
         mand.Suplente("a", "Antônio", 3, True)]
    assert mand.proximo_suplente(s).id == "c"
    assert [x.id for x in mand.convocaveis(s)] == ["c", "a"]
    ((pulada, texto),) = mand.pulados(s)
    assert pulada.id == "k" and texto.startswith("Kelly (suplente nº 1) não foi convocado(a): Raimundo (irmãos)")
    assert "art. 15" in texto
    # Parente fora do mandato (vago): volta a ser a primeira.
    s[0] = mand.Suplente("k", "Kelly", 1, True, (saiu,))
    assert mand.proximo_suplente(s).id == "k" and mand.pulados(s) == []
    # Impedida depois do convocado não é "passada"; sem ninguém convocável, todos os impedidos aparecem.
    s = [mand.Suplente("c", "Conceição", 1, True), mand.Suplente("k", "Kelly", 2, True, (irmao,))]
    assert mand.proximo_suplente(s).id == "c" and mand.pulados(s) == []
    s = [mand.Suplente("c", "Conceição", 1, False), mand.Suplente("k", "Kelly", 2, True, (irmao,))]
    assert mand.proximo_suplente(s) is None and [p.id for p, _ in mand.pulados(s)] == ["k"]


def test_alerta_conta_so_os_convocaveis():
    """Três disponíveis, um com parente no mandato: dois convocáveis → alerta do art. 16 §2º."""
    s = [mand.Suplente("a", "A", 1, True, (mand.Parente("T", "cônjuges", True),)),
         mand.Suplente("b", "B", 2, True), mand.Suplente("c", "C", 3, True)]
    assert "Restam 2 suplente(s)" in mand.alerta_suplentes(len(mand.convocaveis(s)), PRAZOS)
