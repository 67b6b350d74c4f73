"""Resultado (arts. 6º e 15): casos feitos à mão e propriedades."""
from datetime import date
from decimal import Decimal

from hypothesis import given, settings, strategies as st

from desktop.rules.eleicao.resultado import Candidato, Parentesco, apurar


def _c(n, votos, nasc=date(1980, 1, 1), nota=None):
    return Candidato(n, f"Candidato {n}", votos, nasc, Decimal(nota) if nota else None)


def test_caso_simples():
    cs = [_c(n, v) for n, v in zip(range(1, 13), [500, 400, 300, 250, 200, 150, 100, 90, 80, 70, 60, 50])]
    r = apurar(cs, minimo_habilitados=10)
    assert [c.numero for c in r.titulares] == [1, 2, 3, 4, 5]
    assert [c.numero for c in r.suplentes] == [6, 7, 8, 9, 10, 11, 12]
    assert r.validos == 2250 and r.colocados[0].percentual == Decimal("22.22")  # 500/2250
    assert r.empates == () and r.impedimentos == () and r.avisos == ()


def test_empate_no_quinto_lugar_pelo_mais_velho_e_pela_nota():
    cs = [_c(1, 500), _c(2, 400), _c(3, 300), _c(4, 250),
          _c(5, 200, date(1985, 6, 1), "90"), _c(6, 200, date(1970, 6, 1), "70"), _c(7, 100)]
    r = apurar(cs)
    assert [c.numero for c in r.titulares] == [1, 2, 3, 4, 6]  # 6 é mais velho
    assert r.empates[0].numeros == (6, 5) and "01/06/1970" in r.empates[0].explicacao
    r = apurar(cs, criterio="nota")
    assert [c.numero for c in r.titulares] == [1, 2, 3, 4, 5]  # 5 tem nota maior
    assert r.suplentes[0].numero == 6


def test_par_de_parentes_entre_os_cinco_mais_votados():
    cs = [_c(n, v) for n, v in zip(range(1, 9), [500, 400, 300, 250, 200, 150, 100, 50])]
    r = apurar(cs, [Parentesco(2, 4, "irmãos")])
    assert [c.numero for c in r.titulares] == [1, 2, 3, 5, 6]
    assert [c.numero for c in r.suplentes] == [4, 7, 8]  # 4 fica na próxima posição livre de suplente
    quarto = next(c for c in r.colocados if c.numero == 4)
    assert quarto.impedimento and "art. 15" in quarto.impedimento and quarto.ordem == 1


def test_menos_de_dez_habilitados_avisa_o_art_13():
    r = apurar([_c(n, 10 * n) for n in range(1, 8)], minimo_habilitados=10)
    assert len(r.titulares) == 5 and len(r.suplentes) == 2
    assert any("art. 13 §1º" in a for a in r.avisos)


candidatos_st = st.lists(st.tuples(st.integers(0, 50), st.dates(date(1950, 1, 1), date(2000, 1, 1))),
                         min_size=1, max_size=15)


@settings(max_examples=150, deadline=None)
@given(candidatos_st, st.lists(st.tuples(st.integers(0, 14), st.integers(0, 14)), max_size=4),
       st.sampled_from(["idade", "nota"]))
def test_propriedades(dados, pares, criterio):
    cs = [Candidato(i + 1, f"C{i + 1}", v, nasc, Decimal(i % 7 * 10)) for i, (v, nasc) in enumerate(dados)]
    n = len(cs)
    parentescos = [Parentesco(a + 1, b + 1, "parentes") for a, b in pares if a < n and b < n and a != b]
    r = apurar(cs, parentescos, criterio=criterio)
    # titulares + suplentes = habilitados, cada um uma vez
    assert sorted(c.numero for c in r.titulares + r.suplentes) == sorted(c.numero for c in cs)
    assert len(r.titulares) <= 5
    # a ordem de votação nunca contradiz os votos
    votos = [c.votos for c in r.colocados]
    assert votos == sorted(votos, reverse=True)
    # um suplente só passa à frente de um titular por impedimento
    for t in r.titulares:
        for s in r.suplentes:
            if s.votos > t.votos:
                assert s.impedimento
            if s.votos == t.votos and not s.impedimento:
                assert any(t.numero in e.numeros and s.numero in e.numeros for e in r.empates)
    # nunca dois parentes entre os titulares
    tit = {c.numero for c in r.titulares}
    assert not any(p.a in tit and p.b in tit for p in parentescos)
    # suplentes em ordem decrescente de votação
    assert [s.votos for s in r.suplentes] == sorted((s.votos for s in r.suplentes), reverse=True)
