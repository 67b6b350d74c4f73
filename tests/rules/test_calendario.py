"""Dias úteis: feriados nacionais, estaduais (AM, BA), Sexta-feira da Paixão e municipais."""
from datetime import date

import pytest

from desktop.rules.calendario import (
    FeriadoMunicipal, dias_uteis_entre, eh_dia_util, feriados, pontos_facultativos, somar_dias_uteis,
)
from desktop.rules.validacao import EntradaInvalida

SAO_JOAO = FeriadoMunicipal(date(2020, 6, 24), "São João (feriado municipal)", anual=True)
CARNAVAL_2025 = FeriadoMunicipal(date(2025, 3, 3), "Ponto facultativo de Carnaval (decreto)", anual=False)


def test_consciencia_negra_nacional_desde_2024():
    """Lei 14.759/2023: 20/11 é feriado nacional desde 2024; na BA, 20/11/2023 (segunda) era dia útil."""
    assert eh_dia_util(date(2023, 11, 20), "BA")
    assert not eh_dia_util(date(2024, 11, 20), "BA")
    assert "Consciência Negra" in feriados(2024, "BA")[date(2024, 11, 20)]


def test_feriados_estaduais():
    assert not eh_dia_util(date(2025, 9, 5), "AM")   # sexta: Elevação do Amazonas
    assert eh_dia_util(date(2025, 9, 5), "BA")
    assert not eh_dia_util(date(2025, 7, 2), "BA")   # quarta: Independência da Bahia
    assert eh_dia_util(date(2025, 7, 2), "AM")


def test_sexta_feira_da_paixao_e_nao_os_pontos_facultativos():
    for uf in ("AM", "BA"):
        assert not eh_dia_util(date(2026, 4, 3), uf)
    assert eh_dia_util(date(2026, 2, 17), "BA")      # terça de Carnaval: ponto facultativo
    assert pontos_facultativos(2026, "BA")[date(2026, 2, 17)] == "Carnaval"
    assert date(2026, 6, 4) in pontos_facultativos(2026, "AM")  # Corpus Christi


def test_feriados_nacionais_de_2026_na_bahia():
    assert sorted(feriados(2026, "BA")) == [
        date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 21), date(2026, 5, 1), date(2026, 7, 2),
        date(2026, 9, 7), date(2026, 10, 12), date(2026, 11, 2), date(2026, 11, 15),
        date(2026, 11, 20), date(2026, 12, 25),
    ]


def test_feriado_municipal_anual_e_de_um_ano_so():
    municipais = [SAO_JOAO, CARNAVAL_2025]
    assert not eh_dia_util(date(2025, 6, 24), "BA", municipais)  # terça
    assert eh_dia_util(date(2019, 6, 24), "BA", municipais)      # antes do primeiro ano
    assert not eh_dia_util(date(2025, 3, 3), "BA", municipais)   # segunda, só em 2025
    assert eh_dia_util(date(2026, 3, 3), "BA", municipais)       # terça de 2026: dia útil
    assert feriados(2025, "BA", municipais)[date(2025, 6, 24)] == "São João (feriado municipal)"


def test_feriado_municipal_no_mesmo_dia_de_um_nacional_junta_as_descricoes():
    padroeira = FeriadoMunicipal(date(2020, 10, 12), "Padroeira do município")
    assert feriados(2025, "AM", [padroeira])[date(2025, 10, 12)] == (
        "Nossa Senhora Aparecida; Padroeira do município")


def test_29_de_fevereiro_anual_so_nos_anos_bissextos():
    f = FeriadoMunicipal(date(2024, 2, 29), "Data fictícia")
    assert f.em(2025) is None and f.em(2028) == date(2028, 2, 29)


def test_somar_dias_uteis_atravessa_fim_de_semana_e_feriados():
    # quinta 02/04/2026 + 1: sexta da Paixão, sábado e domingo → segunda 06/04
    assert somar_dias_uteis(date(2026, 4, 2), 1, "BA") == date(2026, 4, 6)
    # sexta 17/04/2026 + 2: segunda 20, terça 21 é Tiradentes → quarta 22
    assert somar_dias_uteis(date(2026, 4, 17), 2, "BA") == date(2026, 4, 22)
    assert somar_dias_uteis(date(2026, 4, 6), -1, "BA") == date(2026, 4, 2)
    assert somar_dias_uteis(date(2026, 4, 4), 0, "BA") == date(2026, 4, 4)
    # terça 01/07/2025 + 1 na BA: 02/07 é feriado → quinta 03/07; no AM, 02/07
    assert somar_dias_uteis(date(2025, 7, 1), 1, "BA") == date(2025, 7, 3)
    assert somar_dias_uteis(date(2025, 7, 1), 1, "AM") == date(2025, 7, 2)
    # de 23/06/2025 (segunda) + 1 com São João municipal → quarta 25/06
    assert somar_dias_uteis(date(2025, 6, 23), 1, "BA", [SAO_JOAO]) == date(2025, 6, 25)


def test_somar_dias_uteis_vira_o_ano():
    # terça 30/12/2025 + 2: quarta 31, 01/01 feriado → sexta 02/01/2026
    assert somar_dias_uteis(date(2025, 12, 30), 2, "AM") == date(2026, 1, 2)


def test_dias_uteis_de_abril_de_2026():
    """22 dias de segunda a sexta, menos 03/04 (Paixão) e 21/04 (Tiradentes) = 20."""
    assert dias_uteis_entre(date(2026, 4, 1), date(2026, 4, 30), "BA") == 20
    assert dias_uteis_entre(date(2026, 4, 3), date(2026, 4, 3), "BA") == 0
    with pytest.raises(EntradaInvalida, match="anterior"):
        dias_uteis_entre(date(2026, 4, 30), date(2026, 4, 1), "BA")


def test_uf_invalida():
    with pytest.raises(EntradaInvalida, match="UF inválida"):
        feriados(2026, "XX")
