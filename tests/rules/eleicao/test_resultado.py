"""Resultado (arts. 6º, 13 e 15): casos feitos à mão (tests/rules/eleicao/casos/resultado.toml) e propriedades."""
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from desktop.rules.eleicao.resultado import Candidato, Parentesco, apurar

from ..casos_toml import casos


def _candidato(d: dict) -> Candidato:
    return Candidato(d["numero"], f"Candidato {d['numero']}", d["votos"], d["nascimento"],
                     Decimal(d["nota"]) if "nota" in d else None)


@pytest.mark.parametrize("caso", casos("eleicao/resultado"))
def test_caso(caso):
    opcoes = {k: caso[k] for k in ("criterio", "minimo_habilitados") if k in caso}
    r = apurar([_candidato(d) for d in caso["candidatos"]],
               [Parentesco(a, b, rotulo) for a, b, rotulo in caso.get("parentescos", [])], **opcoes)
    e = caso["esperado"]
    assert [c.numero for c in r.titulares] == e["titulares"], caso["conta"]
    assert [c.numero for c in r.suplentes] == e["suplentes"], caso["conta"]
    if "validos" in e:
        assert r.validos == e["validos"]
    if "percentual_primeiro" in e:
        assert r.colocados[0].percentual == Decimal(e["percentual_primeiro"])
    if e.get("sem_avisos"):
        assert r.empates == () and r.impedimentos == () and r.avisos == ()
    for esperado, empate in zip(e.get("empates", []), r.empates):
        assert list(empate.numeros) == esperado["numeros"] and esperado["explicacao"] in empate.explicacao
    assert len(r.empates) >= len(e.get("empates", []))
    for imp in e.get("impedidos", []):
        c = next(c for c in r.colocados if c.numero == imp["numero"])
        assert c.impedimento and imp["texto"] in c.impedimento and c.ordem == imp["ordem"]
    for trecho in e.get("avisos", []):
        assert any(trecho in a for a in r.avisos), r.avisos


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
