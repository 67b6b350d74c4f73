"""Grade do mês por escola (services.magisterio.lancamentos) na base de demonstração: a conferência por coluna
com o artigo, a rubrica avulsa, o salvamento numa transação só (um erro em qualquer linha e nada é gravado), a
competência fechada (falta aceita e descontada na seguinte; horas noturnas e avulsa recusadas com o caminho) e
os números do contracheque, em centavos (Lei 1.613/2004, art. 34, §1º, I e II; art. 50)."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.dinheiro import centavos
from desktop.rules.validacao import EntradaInvalida
from desktop.services import acesso, demo
from desktop.services.magisterio import cadastro, folha, historicos
from desktop.services.magisterio import lancamentos as lm
from desktop.services.sessao import ErroNegocio

OUTUBRO = date(2026, 10, 1)  # 06 e 07/10/2026: terça e quarta; 08/10: quinta; 04/10: domingo
ENTRADA = {"dias": "6-7", "horas": "8:2", "noturnas": "3", "avulsa_valor": "150,00",
           "avulsa_descricao": "Abono de regência", "avulsa_fundamento": "Decreto municipal 10/2026, art. 2º",
           "avulsa_incidencias": "PI"}


@pytest.fixture(scope="module")
def base(tmp_path_factory):  # os testes usam servidores diferentes (o que grava deixa o servidor fora do seguinte)
    caminho = tmp_path_factory.mktemp("grade") / "demo.db"
    demo.criar_demo(caminho, pessoas=3, servidores=12)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    yield s
    s.fechar()


def _escola_e_linha(s, comp=OUTUBRO, entrada=ENTRADA):
    """Uma escola e um servidor dela sem falta no mês em que a ``entrada`` inteira é aceita."""
    for e in cadastro.listar_escolas(s):
        for g in lm.grade(s, e["id"], comp):
            if not g.dias and not g.horas and not lm.conferir(s, e["id"], comp, {"servidor_id": g.servidor_id} | entrada):
                return e["id"], g
    pytest.fail("nenhum servidor da demonstração aceita a entrada")


def _cc(s, servidor_id, comp=OUTUBRO):
    return next(i.contracheque for i in folha.previa(s, comp).itens if i.contracheque.pessoa_id == servidor_id)


def test_conferir_diz_a_coluna_e_o_artigo_sem_gravar(base):
    escola, g = _escola_e_linha(base)
    linha = {"servidor_id": g.servidor_id}
    erros = lm.conferir(base, escola, OUTUBRO, linha | {"dias": "4, 40", "noturnas": "-2", "avulsa_valor": "80",
                                                        "avulsa_descricao": "Ajuda"})
    assert erros["dias"] == "Dia 40 não existe em 10/2026 (1 a 31) (Lei 1.613/2004, art. 34, §1º, I)."
    assert "Lei 1.613/2004, art. 50" in erros["noturnas"]
    assert "fundamento legal" in erros["avulsa_fundamento"]
    domingo = lm.conferir(base, escola, OUTUBRO, linha | {"dias": "4"})
    assert domingo == {"dias": "Falta: 04/10/2026 é domingo, dia sem expediente (Lei 1.613/2004, art. 34, §1º, I)."}
    horas = lm.conferir(base, escola, OUTUBRO, linha | {"dias": "6", "horas": "6:2"})
    assert "um dia tem uma falta só" in horas["horas"] and "art. 34, §1º, II" in horas["horas"]
    assert lm.conferir(base, escola, OUTUBRO, linha | {"avulsa_valor": "10", "avulsa_incidencias": "X"}
                       )["avulsa_incidencias"].startswith("Incidências: P para previdência")
    assert historicos.itens(base, "faltas", g.servidor_id) == []


def test_um_erro_em_qualquer_linha_e_nada_e_gravado(base):
    escola, g = _escola_e_linha(base)
    outras = [x for x in lm.grade(base, escola, OUTUBRO) if x.servidor_id != g.servidor_id]
    outra = outras[0] if outras else g
    ruim = {"servidor_id": outra.servidor_id, "avulsa_valor": "-50,00", "avulsa_descricao": "Desconto sem base"}
    with pytest.raises(EntradaInvalida, match=f"Nada foi gravado.*{outra.nome}: Rubrica avulsa: .*fundamento legal"):
        lm.gravar_grade(base, escola, OUTUBRO, [{"servidor_id": g.servidor_id} | ENTRADA, ruim])
    depois = {x.servidor_id: x for x in lm.grade(base, escola, OUTUBRO)}[g.servidor_id]
    assert (depois.dias, depois.horas, depois.noturnas, depois.avulsas) == ([], {}, None, "")
    assert historicos.itens(base, "horas_noturnas", g.servidor_id) == []


def test_gravar_e_a_previa_em_centavos(base):
    escola, g = _escola_e_linha(base)
    antes = _cc(base, g.servidor_id)
    assert not any(l.codigo in ("101", "102", "011", "060") for l in antes.linhas)
    r = lm.gravar_grade(base, escola, OUTUBRO, [{"servidor_id": g.servidor_id} | ENTRADA])
    assert (r["alterados"], r["faltas"], r["horas_noturnas"], r["avulsas"], r["avisos"]) == (5, 3, 1, 1, [])
    depois = {x.servidor_id: x for x in lm.grade(base, escola, OUTUBRO)}[g.servidor_id]
    assert (depois.texto_dias, depois.texto_horas, depois.texto_noturnas) == ("6, 7", "8:2", "3")
    assert depois.avulsas == "+R$ 150,00 Abono de regência"
    faltas = historicos.itens(base, "faltas", g.servidor_id)
    assert [(f["data"], f["horas"], f["codigo"]) for f in faltas] == [
        (date(2026, 10, 6), None, "FI"), (date(2026, 10, 7), None, "FI"), (date(2026, 10, 8), 2, "FI")]

    cc = _cc(base, g.servidor_id)
    por = {l.codigo: l for l in cc.linhas}
    dias, horas, noturno, avulsa = por["101"], por["102"], por["011"], por["060"]
    # art. 34, §1º, I: o dia = remuneração mensal / 30; II: a hora = 1/100 da remuneração mensal
    assert dias.quantidade == 2 and int(dias.valor * 100) == int(centavos(dias.base * 2 / 30) * 100)
    assert horas.quantidade == 2 and int(horas.valor * 100) == int(centavos(horas.base * 2 / 100) * 100)
    # art. 50: 20 % sobre 3 horas; hora = vencimento / (jornada × 5 semanas)
    assert noturno.quantidade == 3 and abs(noturno.valor - centavos(3 * noturno.base * Decimal("0.20"))) <= Decimal("0.01")
    assert int(avulsa.valor * 100) == 15000 and avulsa.fundamento.startswith("Decreto municipal 10/2026")
    assert cc.liquido != antes.liquido

    # corrigir pela grade: tirar o dia 7, trocar as horas do dia 8, apagar as horas noturnas
    r = lm.gravar_grade(base, escola, OUTUBRO, [{"servidor_id": g.servidor_id, "dias": "6", "horas": "8:1",
                                                 "noturnas": ""}])
    assert (r["faltas"], r["horas_noturnas"], r["avulsas"]) == (2, 1, 0)
    faltas = historicos.itens(base, "faltas", g.servidor_id)
    assert [(f["data"], f["horas"]) for f in faltas] == [(date(2026, 10, 6), None), (date(2026, 10, 8), 1)]
    assert historicos.itens(base, "horas_noturnas", g.servidor_id) == []


def test_competencia_fechada_falta_vai_para_a_seguinte_e_o_resto_e_recusado(base):
    setembro = date(2026, 9, 1)
    escola, g = _escola_e_linha(base, setembro, {"dias": "8"})  # terça-feira
    folha.fechar(base, setembro, aceitar_pendencias=True)
    aviso = lm.situacao(base, setembro)
    assert "09/2026 já está fechada" in aviso and "Reabrir" in aviso and lm.situacao(base, OUTUBRO) == ""
    linha = {"servidor_id": g.servidor_id}
    assert lm.conferir(base, escola, setembro, linha | {"dias": "8"}) == {}  # a falta ainda é aceita
    erros = lm.conferir(base, escola, setembro, linha | {"dias": "8", "noturnas": "3", "avulsa_valor": "10"})
    assert set(erros) == {"noturnas", "avulsa_valor"} and "Folha mensal › Reabrir" in erros["noturnas"]
    with pytest.raises(EntradaInvalida, match="Nada foi gravado.*09/2026 já está fechada"):
        lm.gravar_grade(base, escola, setembro, [linha | {"dias": "8", "noturnas": "3"}])
    assert [f for f in historicos.itens(base, "faltas", g.servidor_id) if f["data"].month == 9] == []

    r = lm.gravar_grade(base, escola, setembro, [linha | {"dias": "8"}])
    assert r["faltas"] == 1 and "descontada como diferença de mês anterior na competência 10/2026" in r["avisos"][0]
    cc = _cc(base, g.servidor_id)
    assert [l.quantidade for l in cc.linhas if l.codigo == "105"] == [1]  # art. 34, na competência aberta seguinte
    with pytest.raises(ErroNegocio, match="fora da grade"):
        lm.gravar_grade(base, escola, setembro, [{"servidor_id": "nao-existe", "dias": "8"}])
