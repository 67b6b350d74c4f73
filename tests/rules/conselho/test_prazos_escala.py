"""Prazos do art. 21 em volta de fins de semana e feriados; turnos e igualdade da escala (arts. 19-20)."""
from datetime import date, datetime

import pytest

from desktop.rules import calendario
from desktop.rules.calendario import FeriadoMunicipal
from desktop.rules.conselho import escala, prazos
from desktop.rules.validacao import EntradaInvalida

from ..casos_toml import vigente_padrao

EXP = vigente_padrao("conselho_expediente")
PRAZOS = vigente_padrao("conselho_prazos")
MUNICIPAL = (FeriadoMunicipal(date(2000, 6, 13), "Santo Antônio"),)


def util(d):
    return calendario.eh_dia_util(d, "BA", MUNICIPAL)


@pytest.mark.parametrize("decidida, esperado", [
    (datetime(2026, 3, 6, 22, 0), date(2026, 3, 9)),    # sexta à noite -> segunda
    (datetime(2026, 3, 7, 10, 0), date(2026, 3, 9)),    # sábado -> segunda
    (datetime(2026, 3, 10, 3, 0), date(2026, 3, 10)),   # madrugada de terça (dia útil) -> a própria terça
    (datetime(2026, 3, 10, 19, 0), date(2026, 3, 11)),  # terça à noite -> quarta
    (datetime(2026, 4, 2, 20, 0), date(2026, 4, 6)),    # quinta 02/04; 03/04 Paixão; fim de semana -> segunda 06/04
    (datetime(2026, 7, 1, 21, 0), date(2026, 7, 3)),    # 02/07 Independência da Bahia -> sexta 03/07
    (datetime(2026, 6, 12, 23, 0), date(2026, 6, 15)),  # sexta 12/06; sábado 13/06 (municipal) -> segunda
])
def test_ratificacao_no_primeiro_dia_util(decidida, esperado):
    """Lei 320/2023, art. 21 §1º."""
    assert prazos.ratificar_ate(decidida, util, EXP, PRAZOS) == esperado


@pytest.mark.parametrize("decidida, esperado", [
    (datetime(2026, 3, 10, 15, 0), datetime(2026, 3, 12, 15, 0)),  # terça -> quinta, mesma hora
    (datetime(2026, 3, 5, 15, 0), datetime(2026, 3, 9, 18, 0)),    # quinta -> sábado: prorroga ao fim do expediente de segunda
    (datetime(2026, 3, 6, 9, 0), datetime(2026, 3, 9, 18, 0)),     # sexta -> domingo -> segunda 18h
    (datetime(2026, 3, 7, 9, 0), datetime(2026, 3, 9, 9, 0)),      # sábado -> segunda, mesma hora (dia útil)
    (datetime(2026, 12, 23, 10, 0), datetime(2026, 12, 28, 18, 0)),  # 25/12 sexta; 26-27 fim de semana
    (datetime(2026, 11, 18, 12, 0), datetime(2026, 11, 23, 18, 0)),  # 20/11 (Consciência Negra) sexta
])
def test_comunicacao_em_48_horas(decidida, esperado):
    """Lei 320/2023, art. 21 §2º: 48 horas corridas; em dia não útil, até o fim do expediente do útil seguinte."""
    assert prazos.comunicar_ate(decidida, util, EXP, PRAZOS) == esperado


def test_situacao_do_prazo():
    limite = datetime(2026, 3, 12, 15, 0)
    assert prazos.situacao(limite, None, datetime(2026, 3, 11, 9, 0)) == prazos.NO_PRAZO
    assert prazos.situacao(limite, None, datetime(2026, 3, 12, 9, 0)) == prazos.VENCE_HOJE
    assert prazos.situacao(limite, None, datetime(2026, 3, 12, 15, 1)) == prazos.VENCIDO
    assert prazos.situacao(limite, datetime(2026, 3, 11), datetime(2026, 3, 20)) == prazos.CUMPRIDO
    assert prazos.situacao(date(2026, 3, 12), None, datetime(2026, 3, 12, 23, 0)) == prazos.VENCE_HOJE


def _membros(n=5, periodos=None):
    return [escala.Membro(f"c{i}", f"Conselheiro {i}", i, periodos or ((date(2024, 1, 10), date(2028, 1, 9)),))
            for i in range(1, n + 1)]


def test_turnos_noites_e_dias_nao_uteis():
    ts = escala.turnos(date(2026, 7, 1), date(2026, 7, 5), util, EXP)
    dias = [t.inicio.date() for t in ts if t.tipo == escala.DIA]
    assert dias == [date(2026, 7, 2), date(2026, 7, 4), date(2026, 7, 5)]  # 02/07 feriado na BA, sábado, domingo
    noites = [t for t in ts if t.tipo == escala.NOITE]
    assert len(noites) == 5 and noites[0].inicio == datetime(2026, 7, 1, 18) and noites[0].fim == datetime(2026, 7, 2, 8)


def test_carga_igual_num_ano():
    """Art. 20: no ano inteiro, cada tipo de turno difere no máximo um entre os cinco titulares."""
    ts = escala.turnos(date(2026, 1, 1), date(2026, 12, 31), util, EXP)
    at = escala.gerar(ts, _membros())
    escala.validar(at, ts, _membros())
    c = escala.carga(at)
    noites = [v["noites"] for v in c.values()]
    dias = [v["dias"] for v in c.values()]
    assert sum(noites) == 365 and max(noites) - min(noites) <= 1
    assert max(dias) - min(dias) <= 1
    assert max(v["horas"] for v in c.values()) - min(v["horas"] for v in c.values()) <= 14


def test_noite_descoberta_e_plantao_duplo_recusados():
    ts = escala.turnos(date(2026, 3, 1), date(2026, 3, 7), util, EXP)
    at = escala.gerar(ts, _membros())
    with pytest.raises(EntradaInvalida, match="sem plantonista"):
        escala.validar(at[:-1], ts)
    # o mesmo conselheiro no dia de domingo e na noite de sábado que termina às 08h: não se sobrepõem;
    # mas dois turnos sobrepostos (manual) são recusados
    t1 = escala.Turno(datetime(2026, 3, 1, 8), datetime(2026, 3, 1, 18), escala.DIA)
    t2 = escala.Turno(datetime(2026, 3, 1, 12), datetime(2026, 3, 2, 8), escala.NOITE)
    with pytest.raises(EntradaInvalida, match="dois plantões"):
        escala.recusar_sobreposicao([escala.Atribuicao(t1, "c1"), escala.Atribuicao(t2, "c1")])


def test_ninguem_em_exercicio_deixa_noite_descoberta():
    ts = escala.turnos(date(2028, 1, 9), date(2028, 1, 10), util, EXP)
    with pytest.raises(EntradaInvalida, match="descoberto"):
        escala.gerar(ts, _membros())


def test_plantonista_em():
    ts = escala.turnos(date(2026, 3, 2), date(2026, 3, 3), util, EXP)
    at = escala.gerar(ts, _membros())
    assert escala.plantonista_em(at, datetime(2026, 3, 3, 2, 0)).turno.inicio == datetime(2026, 3, 2, 18)
    assert escala.plantonista_em(at, datetime(2026, 3, 3, 10, 0)) is None
