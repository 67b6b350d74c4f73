"""A escala e o exercício seguem os mandatos (issue 14): a vacância tira quem saiu de todo turno futuro e a
escala é refeita da data em diante (trocas mantidas); as férias com data de fim fecham o exercício do
suplente nesse dia — ele deixa de ser escalado e pago; vacância, afastamento e penalidade são da
administração municipal (Lei 320/2023, arts. 16 e 49), não do conselheiro."""
from datetime import date
from decimal import Decimal as D

import pytest

from desktop.services.conselho import escala, folha, mandatos, remuneracao
from desktop.services.sessao import SemPermissao


def _de(sessao, conselheiro_id, inicio, fim):
    return escala.listar(sessao, inicio, fim, conselheiro_id)


def test_vacancia_tira_quem_saiu_da_escala_futura_e_mantem_as_trocas(sessao_admin, conselho):
    t1, t2, t3, t4, t5, s1, s2 = conselho
    escala.gerar_escala(sessao_admin, date(2026, 7, 1), date(2026, 9, 30))
    antes = {p["inicio"]: p["conselheiro_id"] for p in escala.listar(sessao_admin, date(2026, 7, 1), date(2026, 7, 20))}
    # troca manual em agosto, para quem continua: deve sobreviver à regeneração
    troca = next(p for p in escala.listar(sessao_admin, date(2026, 8, 10), date(2026, 8, 10)) if p["conselheiro_id"] != t2)
    para = next(c for c in (t1, t2, t4, t5) if c != troca["conselheiro_id"]
                and not escala.listar(sessao_admin, date(2026, 8, 9), date(2026, 8, 11), c))
    escala.trocar_plantao(sessao_admin, troca["id"], para, "Consulta médica marcada")
    assert _de(sessao_admin, t3, date(2026, 7, 21), date(2026, 9, 30))  # a que vai sair tinha turnos futuros

    r = mandatos.registrar_vacancia(sessao_admin, t3, "renuncia", date(2026, 7, 20))
    assert r["convocado"]["id"] == s1 and r["escala"]["refeitos"] > 0 and r["escala"]["aviso"] == ""
    assert _de(sessao_admin, t3, date(2026, 7, 21), date(2026, 9, 30)) == []  # nenhum turno depois da saída
    assert _de(sessao_admin, s1, date(2026, 7, 21), date(2026, 9, 30))  # a suplente convocada entra na escala
    assert _de(sessao_admin, s1, date(2026, 7, 1), date(2026, 7, 20)) == []
    assert {p["inicio"]: p["conselheiro_id"] for p in escala.listar(sessao_admin, date(2026, 7, 1),
                                                                      date(2026, 7, 20))} == antes  # passado intacto
    assert sessao_admin.db.execute("SELECT conselheiro_id FROM conselho_plantoes WHERE id = ?",
                                   [troca["id"]]).fetchone()[0] == para  # a troca manual ficou
    carga = escala.carga(sessao_admin, date(2026, 7, 21), date(2026, 9, 30))
    assert set(carga) == {t1, t2, t4, t5, s1}
    noites = [c["noites"] for c in carga.values()]
    assert max(noites) - min(noites) <= 2  # carga igual (art. 20), com a troca manual mantida
    # cada turno refeito tem o seu registro no diário, com o motivo
    assert sessao_admin.db.execute("SELECT count(*) FROM diario WHERE tabela = 'conselho_plantoes' AND acao = 'alterar' "
                                   "AND depois LIKE '%vacância%'").fetchone()[0] == r["escala"]["refeitos"]
    # gerar de novo um período já gravado não é mais um beco sem saída
    r2 = escala.gerar_escala(sessao_admin, date(2026, 9, 1), date(2026, 10, 31))
    assert r2["refeitos"] == 0 and _de(sessao_admin, t3, date(2026, 10, 1), date(2026, 10, 31)) == []


def test_escala_refeita_a_mao_e_periodo_completado_sem_quem_saiu(sessao_admin, conselho):
    t1 = conselho[0]
    escala.gerar_escala(sessao_admin, date(2026, 3, 1), date(2026, 3, 31))
    # uma vacância registrada numa base antiga (sem refazer) deixaria t1 na escala: simulamos o resto gravado
    sessao_admin.db.execute("UPDATE conselho_conselheiros SET situacao = 'vago' WHERE id = ?", [t1])
    sessao_admin.db.execute("UPDATE conselho_exercicios SET fim = '2026-03-15' WHERE conselheiro_id = ?", [t1])
    r = escala.gerar_escala(sessao_admin, date(2026, 3, 1), date(2026, 4, 30))
    assert r["refeitos"] > 0 and _de(sessao_admin, t1, date(2026, 3, 16), date(2026, 4, 30)) == []
    assert _de(sessao_admin, t1, date(2026, 3, 1), date(2026, 3, 15))  # antes da saída, continua


def test_ferias_com_fim_fecham_o_exercicio_do_suplente_e_o_pagamento(sessao_admin, conselho):
    """Abril de 2026, salário mínimo 1.621,00 (Decreto 12.797/2025), salário base 2 × 1.621,00 = 3.242,00.

    Titular nº 1 em férias de 10/04 a 24/04 (registradas com o fim); o suplente nº 1 cobre 15 dias
    (10 a 24/04) e cumpre todos os seus plantões:
      subsídio 3.242,00 × 15/30 = 1.621,00 (324.200 × 15 / 30 = 162.100 centavos);
      plantão 50 % × 3.242,00 = 1.621,00 × (cumpridos/escalados = 1) × 15/30 = 810,50 (81.050 centavos).
    A titular recebe o mês inteiro (férias remuneradas, art. 39, II; art. 16 §1º "sem prejuízo da remuneração
    dos titulares"): 3.242,00 e o plantão dos turnos que cumpriu, 1.621,00. Em maio, o suplente não tem
    exercício: nada (nem plantão, que ele não tem mais).
    """
    t1, s1 = conselho[0], conselho[5]
    escala.gerar_escala(sessao_admin, date(2026, 4, 1), date(2026, 5, 31))
    r = mandatos.afastar(sessao_admin, t1, "ferias", date(2026, 4, 10), date(2026, 4, 24))
    assert r["convocado"]["id"] == s1
    ex = sessao_admin.db.execute("SELECT inicio, fim FROM conselho_exercicios WHERE conselheiro_id = ?", [s1]).fetchall()
    assert ex == [("2026-04-10", "2026-04-24")]
    # a data já passou: cada um volta à sua situação
    situacoes = {c["id"]: c["situacao"] for c in mandatos.composicao(sessao_admin)}
    assert situacoes[t1] == "em_exercicio" and situacoes[s1] == "disponivel"
    # escala: o suplente só nos dias da cobertura; a titular fora deles
    meus = _de(sessao_admin, s1, date(2026, 4, 1), date(2026, 5, 31))
    assert meus and all("2026-04-10" <= p["inicio"][:10] <= "2026-04-24" for p in meus)
    assert _de(sessao_admin, t1, date(2026, 4, 10), date(2026, 4, 24)) == []
    assert _de(sessao_admin, t1, date(2026, 4, 25), date(2026, 5, 31))

    cc = remuneracao.calcular_contracheque(sessao_admin, s1, date(2026, 4, 1))
    linhas = {l.codigo: l.valor for l in cc.linhas}
    assert linhas["001"] == D("1621.00") and linhas["010"] == D("810.50")
    assert cc.proventos == D("2431.50")
    cc_t = remuneracao.calcular_contracheque(sessao_admin, t1, date(2026, 4, 1))
    assert {l.codigo: l.valor for l in cc_t.linhas}["001"] == D("3242.00")
    assert {l.codigo: l.valor for l in cc_t.linhas}["010"] == D("1621.00")
    maio = remuneracao.calcular_contracheque(sessao_admin, s1, date(2026, 5, 1))
    assert maio.proventos == D("0") and maio.liquido == D("0")


def test_retorno_antecipado_e_ferias_futuras(sessao_admin, conselho):
    t2, s1 = conselho[1], conselho[5]
    r = mandatos.afastar(sessao_admin, t2, "ferias", date(2026, 6, 1), date(2026, 6, 30))
    mandatos.encerrar_afastamento(sessao_admin, r["afastamento"]["id"], date(2026, 6, 20))  # voltou antes
    assert sessao_admin.db.execute("SELECT fim FROM conselho_exercicios WHERE conselheiro_id = ?",
                                   [s1]).fetchone()[0] == "2026-06-20"
    cc = remuneracao.calcular_contracheque(sessao_admin, s1, date(2026, 6, 1))
    assert {l.codigo: l.valor for l in cc.linhas}["001"] == D("2161.33")  # 3.242,00 × 20/30


def test_vacancia_afastamento_e_penalidade_sao_da_administracao(sessao_admin, conselho, entrar):
    ct = entrar("ct1", "conselheiro_tutelar", conselho[0])
    for acao in (lambda s: mandatos.registrar_vacancia(s, conselho[1], "renuncia", date(2026, 7, 1)),
                 lambda s: mandatos.afastar(s, conselho[1], "ferias", date(2026, 7, 1), date(2026, 7, 30)),
                 lambda s: mandatos.aplicar_penalidade(s, conselho[1], "advertencia", "Faltou a dois plantões",
                                                       "PAD 1/2026", date(2026, 7, 1)),
                 lambda s: mandatos.registrar_candidatura(s, conselho[1], date(2026, 7, 1), "vereador")):
        with pytest.raises(SemPermissao):
            acao(ct)
    assert sessao_admin.db.execute("SELECT count(*) FROM conselho_afastamentos").fetchone()[0] == 0
    assert sessao_admin.db.execute("SELECT count(*) FROM conselho_penalidades").fetchone()[0] == 0
    mandatos.aplicar_penalidade(sessao_admin, conselho[1], "advertencia", "Faltou a dois plantões",
                                "PAD 1/2026", date(2026, 7, 1))
    assert sessao_admin.db.execute("SELECT count(*) FROM conselho_penalidades").fetchone()[0] == 1


def test_folha_da_administracao_e_conselheiro_ve_so_o_proprio(sessao_admin, conselho, entrar):
    ct = entrar("ct1", "conselheiro_tutelar", conselho[0])
    with pytest.raises(SemPermissao):
        remuneracao.emitir_contracheque(ct, conselho[0], date(2026, 3, 1))  # nem o próprio
    with pytest.raises(SemPermissao, match="só o próprio"):
        remuneracao.calcular_contracheque(ct, conselho[1], date(2026, 3, 1))
    assert remuneracao.calcular_contracheque(ct, conselho[0], date(2026, 3, 1)).proventos == D("3242.00")
    folha.fechar(sessao_admin, date(2026, 3, 1))
    for cid in conselho[:2]:
        remuneracao.emitir_contracheque(sessao_admin, cid, date(2026, 3, 1))
    assert len(remuneracao.contracheques_emitidos(sessao_admin, date(2026, 3, 1))) == 2
    assert [c["conselheiro_id"] for c in remuneracao.contracheques_emitidos(ct, date(2026, 3, 1))] == [conselho[0]]


def test_acesso_aos_casos_segue_os_periodos(sessao_admin, conselho, entrar):
    """A titular com férias marcadas para a semana que vem ainda atende (antes, o registro antecipado já
    a tirava dos casos); o suplente que cobriu uma licença já terminada não vê mais os casos (ECA, art. 17)."""
    from datetime import timedelta

    from desktop.services.conselho import atendimentos

    hoje = date.today()
    titular = entrar("ct1", "conselheiro_tutelar", conselho[0])
    mandatos.afastar(sessao_admin, conselho[0], "ferias", hoje + timedelta(days=7), hoje + timedelta(days=36))
    assert atendimentos.listar_atendimentos(titular) == []  # ainda em exercício: lê
    comp = {c["id"]: c for c in mandatos.composicao(sessao_admin)}
    assert comp[conselho[0]]["situacao_na_data"] == "em_exercicio"
    assert comp[conselho[5]]["situacao_na_data"] == "disponivel"  # a cobertura ainda não começou

    mandatos.afastar(sessao_admin, conselho[1], "licenca", hoje - timedelta(days=20), hoje - timedelta(days=5))
    suplente2 = entrar("sup2", "conselheiro_tutelar", conselho[6])
    with pytest.raises(SemPermissao, match="em exercício"):
        atendimentos.listar_atendimentos(suplente2)
