"""Propriedades do resultado e da totalização (hypothesis): a ordem só contraria os votos por impedimento ou desempate registrado."""
import random
from datetime import date
from decimal import Decimal

from hypothesis import given, settings, strategies as st

from desktop.rules.eleicao import apuracao
from desktop.rules.eleicao.resultado import Candidato, Parentesco, apurar

candidatos_st = st.lists(st.tuples(st.integers(0, 30), st.dates(date(1950, 1, 1), date(2000, 1, 1)),
                                   st.integers(0, 10)), min_size=1, max_size=16)
pares_st = st.lists(st.tuples(st.integers(0, 15), st.integers(0, 15)), max_size=5)


def _montar(dados, pares):
    cs = [Candidato(i + 1, f"C{i + 1}", v, nasc, Decimal(nota * 10)) for i, (v, nasc, nota) in enumerate(dados)]
    n = len(cs)
    return cs, [Parentesco(a + 1, b + 1, "parentes") for a, b in pares if a < n and b < n and a != b]


@settings(max_examples=200, deadline=None)
@given(candidatos_st, pares_st, st.sampled_from(["idade", "nota"]), st.integers(0, 10**6))
def test_ordem_so_contraria_votos_por_impedimento_ou_desempate_registrado(dados, pares, criterio, semente):
    cs, parentescos = _montar(dados, pares)
    r = apurar(cs, parentescos, criterio=criterio)
    # titulares + suplentes = habilitados, sem repetição; ordens 1..k e 1..m na ordem de votação
    assert sorted(c.numero for c in r.titulares + r.suplentes) == sorted(c.numero for c in cs)
    assert [c.ordem for c in r.titulares] == list(range(1, len(r.titulares) + 1))
    assert [c.ordem for c in r.suplentes] == list(range(1, len(r.suplentes) + 1))
    assert [c.posicao for c in r.colocados] == list(range(1, len(cs) + 1))
    assert sorted(r.titulares, key=lambda c: c.posicao) == r.titulares
    assert sorted(r.suplentes, key=lambda c: c.posicao) == r.suplentes
    # empatados vizinhos: sempre num empate registrado, na ordem em que ficaram
    grupos = {e.numeros: e for e in r.empates}
    for x, y in zip(r.colocados, r.colocados[1:]):
        assert x.votos >= y.votos
        if x.votos == y.votos:
            g = next(g for g in grupos if x.numero in g)
            assert y.numero in g and g.index(x.numero) + 1 == g.index(y.numero)
    for e in r.empates:
        assert len(e.numeros) > 1 and len({next(c.votos for c in cs if c.numero == n) for n in e.numeros}) == 1
    # sem impedimento, titulares são exatamente os primeiros da votação
    impedidos = {c.numero for c in r.colocados if c.impedimento}
    livres = [c for c in r.colocados if c.numero not in impedidos]
    assert r.titulares == [c for c in livres[:5]]
    # impedido só quem tem parente titular à sua frente
    tit = {c.numero: c for c in r.titulares}
    for c in r.colocados:
        if c.impedimento:
            assert c.situacao == "suplente"
            assert any((p.a == c.numero and p.b in tit and tit[p.b].posicao < c.posicao)
                       or (p.b == c.numero and p.a in tit and tit[p.a].posicao < c.posicao) for p in parentescos)
    # reproduzível: a ordem de entrada não muda o resultado
    embaralhados = cs[:]
    random.Random(semente).shuffle(embaralhados)
    assert apurar(embaralhados, parentescos, criterio=criterio) == r


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.integers(0, 40), min_size=4, max_size=4), min_size=1, max_size=30),
       st.integers(0, 20), st.integers(0, 20))
def test_totalizacao_soma_os_boletins_e_confere_as_contas(secoes, brancos, nulos):
    numeros = [11, 12, 13, 14]
    bs = []
    for i, votos in enumerate(secoes, start=1):
        v = dict(zip(numeros, votos))
        comp = sum(votos) + brancos + nulos
        b = apuracao.montar(i, comp + 10, str(comp), brancos, nulos, {str(k): x for k, x in v.items()})
        assert apuracao.conferir(b, set(numeros)) == []
        assert apuracao.comparar(b, b) == []
        bs.append(b)
    t = apuracao.totalizar(bs, numeros)
    assert t.votos == {n: sum(s[j] for s in secoes) for j, n in enumerate(numeros)}
    assert t.comparecimento == t.validos + t.brancos + t.nulos and t.abstencao == 10 * len(secoes)
    um_a_mais = apuracao.Boletim(1, bs[0].aptos, bs[0].comparecimento + 1, brancos, nulos, bs[0].votos)
    assert any("diferente do comparecimento" in e for e in apuracao.conferir(um_a_mais, set(numeros)))
