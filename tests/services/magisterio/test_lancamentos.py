"""Grade de lançamentos do mês por escola: faltas (dias e horas) e horas noturnas de todos os lotados
gravadas de uma vez, com diário; célula errada recusada sem gravar nada; regravar com menos dias exclui."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.magisterio import lancamento_mensal as regras
from desktop.rules.validacao import EntradaInvalida
from desktop.services.magisterio import cadastro, folha, lancamentos

from .conftest import CPF_JOSE, maria

OUTUBRO = date(2026, 10, 1)


def test_grade_grava_altera_e_recusa(sessao, escolas):
    m = maria(sessao, escolas)
    j = maria(sessao, escolas, nome="José Santos", cpf=CPF_JOSE, matricula="1002")
    cadastro.adicionar(sessao, "regencias", m["id"], inicio=date(2001, 3, 1), etapa="fundamental_finais")
    g = lancamentos.grade(sessao, escolas["castro"], "10/2026")
    assert {l.servidor_id for l in g} == {m["id"], j["id"]} and all(not l.dias for l in g)
    with pytest.raises(EntradaInvalida, match="José Santos: Dia 32 não existe"):
        lancamentos.gravar_grade(sessao, escolas["castro"], "10/2026", [
            {"servidor_id": m["id"], "dias": "5"}, {"servidor_id": j["id"], "dias": "32"}])
    assert cadastro.itens(sessao, "faltas", m["id"]) == []  # nada gravado
    r = lancamentos.gravar_grade(sessao, escolas["castro"], "10/2026", [
        {"servidor_id": m["id"], "dias": "5, 7-8", "horas": "14:2", "noturnas": "6,5"},
        {"servidor_id": j["id"], "dias": "", "horas": "", "noturnas": ""}])
    assert r["alterados"] == 5
    g = {l.servidor_id: l for l in lancamentos.grade(sessao, escolas["castro"], "10/2026")}
    assert (g[m["id"]].dias, g[m["id"]].horas, g[m["id"]].noturnas) == ([5, 7, 8], {14: 2}, Decimal("6.5"))
    cc = next(i.contracheque for i in folha.previa(sessao, OUTUBRO).itens if i.contracheque.pessoa_id == m["id"])
    assert any(l.codigo == "101" and l.quantidade == 3 for l in cc.linhas)
    assert any(l.codigo == "102" and l.quantidade == 2 for l in cc.linhas)
    # regravar sem o dia 8 e sem as noturnas: exclui (com diário)
    lancamentos.gravar_grade(sessao, escolas["castro"], "10/2026", [
        {"servidor_id": m["id"], "dias": "5, 7", "horas": "14:2", "noturnas": ""}])
    g = {l.servidor_id: l for l in lancamentos.grade(sessao, escolas["castro"], "10/2026")}
    assert (g[m["id"]].dias, g[m["id"]].noturnas) == ([5, 7], None)
    acoes = [r["acao"] for r in sessao.db.query("SELECT acao FROM diario WHERE tabela IN "
                                               "('magisterio_faltas', 'magisterio_horas_noturnas') ORDER BY seq")]
    assert acoes.count("inserir") == 5 and acoes.count("excluir") == 2


@pytest.mark.parametrize("texto, erro", [("0", "não existe"), ("3-1", "ao contrário"), ("a", "não é um dia")])
def test_dias_invalidos(texto, erro):
    with pytest.raises(EntradaInvalida, match=erro):
        regras.dias(texto, date(2026, 2, 1))


def test_horas_e_noturnas():
    assert regras.horas("14:2, 3:8", OUTUBRO) == {14: 2, 3: 8}
    with pytest.raises(EntradaInvalida, match="de 1 a 8 horas"):
        regras.horas("14:9", OUTUBRO)
    assert regras.noturnas("7,5") == Decimal("7.5") and regras.noturnas(" ") is None
    with pytest.raises(EntradaInvalida):
        regras.noturnas("-1")
    assert regras.dias("29", date(2028, 2, 1)) == [29]  # ano bissexto


def test_desconto_avulso_maior_que_o_liquido_recusado_na_grade(sessao, escolas):
    """Como na ficha: o desconto avulso que deixa o líquido negativo é recusado com os números, e a linha
    inteira (a falta junto) não é gravada; um desconto que cabe passa."""
    from desktop.services.magisterio import descontos

    m = maria(sessao, escolas)
    linha = {"servidor_id": m["id"], "dias": "5", "avulsa_valor": "-9000", "avulsa_descricao": "Reposição ao erário",
             "avulsa_fundamento": "Processo adm. 12/2026"}
    with pytest.raises(EntradaInvalida, match=r"Nada foi gravado\. Maria da Silva Souza: Desconto avulso recusado em "
                                              r"10/2026: Reposição ao erário de R\$ 9\.000,00 não cabe no mês\. O líquido "
                                              r"ficou negativo \(-R\$ [\d.,]+\): os descontos \(R\$ [\d.,]+\) passam dos "
                                              r"proventos"):
        lancamentos.gravar_grade(sessao, escolas["castro"], "10/2026", [linha])
    assert cadastro.itens(sessao, "faltas", m["id"]) == [] and descontos.listar(sessao, m["id"]) == []
    r = lancamentos.gravar_grade(sessao, escolas["castro"], "10/2026", [linha | {"avulsa_valor": "-10"}])
    assert (r["faltas"], r["avulsas"]) == (1, 1)
