"""Calendário do processo de escolha: datas calculadas à mão (Lei 320/2023, arts. 5º, 7º, 11 §2º, 14 §2º)."""
from dataclasses import replace
from datetime import date

import pytest

from desktop.rules.eleicao import calendario as cal
from desktop.rules.validacao import EntradaInvalida

from ..casos_toml import casos, vigente_padrao


@pytest.fixture(scope="module")
def regras():
    return vigente_padrao("eleicao_regras")


@pytest.mark.parametrize("ano, eleicao", [(2015, date(2015, 10, 4)), (2019, date(2019, 10, 6)),
                                          (2023, date(2023, 10, 1)), (2027, date(2027, 10, 3)),
                                          (2031, date(2031, 10, 5))])
def test_primeiro_domingo_de_outubro_do_ano_seguinte_ao_presidencial(regras, ano, eleicao):
    # tabelas-oficiais.md §7
    assert cal.data_eleicao(ano, regras) == eleicao


def test_2027_posse_mandato_e_edital(regras):
    assert cal.data_posse(2027, regras) == date(2028, 1, 10)
    assert cal.fim_mandato(date(2028, 1, 10), regras) == date(2032, 1, 9)
    assert cal.limite_edital(date(2027, 10, 3), regras) == date(2027, 4, 3)
    assert cal.fim_impugnacao(date(2027, 5, 18), regras) == date(2027, 5, 23)


def test_ano_que_nao_e_de_pleito_e_recusado_com_o_artigo(regras):
    with pytest.raises(EntradaInvalida, match=r"art\. 5º I.*2027"):
        cal.data_eleicao(2026, regras)


def test_calendario_sugerido_e_admitido(regras):
    s = cal.sugerido(2027, regras)
    assert s.eleicao == date(2027, 10, 3) and s.posse == date(2028, 1, 10)
    assert cal.conferir(s, regras) == []


def test_edital_tardio_e_eleicao_fora_do_domingo_sao_recusados(regras):
    s = replace(cal.sugerido(2027, regras), data_edital=date(2027, 4, 4))
    with pytest.raises(EntradaInvalida, match=r"até 03/04/2027 \(Lei 320/2023, art\. 7º\)"):
        cal.exigir_admitido(s, regras)
    s = replace(cal.sugerido(2027, regras), eleicao=date(2027, 10, 10))
    problemas = cal.conferir(s, regras)
    assert [p.artigo for p in problemas if p.campo == "eleicao"] == ["Lei 320/2023, art. 5º I"]


def test_prazo_de_impugnacao_errado_e_ordem_das_etapas(regras):
    s = replace(cal.sugerido(2027, regras), impugnacao_fim=date(2027, 5, 30))
    assert any(p.artigo == "Lei 320/2023, art. 11 §2º" for p in cal.conferir(s, regras))
    s = replace(cal.sugerido(2027, regras), prova=date(2027, 5, 1))
    assert any(p.campo == "prova" and "anterior" in p.mensagem for p in cal.conferir(s, regras))


def test_posse_em_outra_data_e_so_aviso(regras):
    s = replace(cal.sugerido(2027, regras), posse=date(2028, 1, 20))
    avisos = cal.exigir_admitido(s, regras)
    assert len(avisos) == 1 and "14 §2º" in avisos[0].artigo


@pytest.mark.parametrize("caso", casos("eleicao/momento"))
def test_momento_no_calendario(regras, caso):
    m = cal.momento(cal.sugerido(2027, regras), caso["dia"], caso.get("fim_mandato"))
    assert (m.texto, m.fundamento) == (caso["texto"], caso["fundamento"])
