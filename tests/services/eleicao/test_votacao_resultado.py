"""Dupla digitação, conferências, resultado reproduzível e passagem dos eleitos, com a base real."""
import random

import pytest

from desktop.rules.eleicao import apuracao
from desktop.rules.eleicao.resultado import apurar as regra_apurar
from desktop.rules.validacao import EntradaInvalida
from desktop.services.eleicao import candidaturas, demo, resultado, votacao
from desktop.services.sessao import ErroNegocio

from .conftest import designar, sessao_de

VOTOS = {11: 50, 12: 40, 13: 30, 14: 20, 15: 10, 16: 9, 17: 8, 18: 7, 19: 6, 20: 5}  # 185


def _digitacoes(sessao):
    return sessao.db.execute("SELECT count(*) FROM eleicao_digitacoes").fetchone()[0]


def test_dupla_digitacao_com_divergencia_e_supervisor(sessao_admin, homologado, dia_eleicao):
    proc, _ = homologado
    s = votacao.cadastrar_secao(sessao_admin, proc["id"], numero=1, local="Escola A", aptos=300)
    # mesa1 é mesário e também supervisor: mesmo assim não resolve a seção que digitou
    m1 = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "mesa1"), "mesario", "supervisor")
    m2 = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "mesa2"), "mesario")
    designar(sessao_admin, proc["id"], sessao_admin, "supervisor")
    certo = dict(comparecimento=200, brancos=10, nulos=5, votos=VOTOS)
    with pytest.raises(EntradaInvalida, match="diferente do comparecimento"):
        votacao.digitar(m1, s["id"], **{**certo, "comparecimento": 201})
    with pytest.raises(EntradaInvalida, match="não pode ser negativo"):
        votacao.digitar(m1, s["id"], **{**certo, "brancos": -1})
    with pytest.raises(EntradaInvalida, match=r"art\. 11 §6º"):
        votacao.digitar(m1, s["id"], **{**certo, "votos": {**VOTOS, 99: 0, 11: 40, 98: 10}})
    assert _digitacoes(sessao_admin) == 0  # nada meio gravado
    assert votacao.digitar(m1, s["id"], **certo).situacao == votacao.AGUARDANDO
    with pytest.raises(ErroNegocio, match="outro usuário"):
        votacao.digitar(m1, s["id"], **certo)
    errado = {**VOTOS, 11: 40, 12: 50}
    r = votacao.digitar(m2, s["id"], **{**certo, "votos": errado})
    assert r.situacao == votacao.DIVERGENTE
    assert [(d.campo, d.primeira, d.segunda) for d in r.diferencas] == [("candidato:11", 50, 40), ("candidato:12", 40, 50)]
    assert resultado.apurar(sessao_admin, proc["id"]).secoes_apuradas == 0
    papel = "Boletim impresso da urna da seção 1"
    with pytest.raises(ErroNegocio, match="supervisor"):
        votacao.resolver(m1, s["id"], **certo, justificativa="conferido com o boletim", boletim_papel=papel)
    with pytest.raises(PermissionError, match="supervisor"):  # m2 não foi designado supervisor
        votacao.resolver(m2, s["id"], **certo, justificativa="conferido com o boletim", boletim_papel=papel)
    with pytest.raises(EntradaInvalida, match="boletim de papel"):  # sem a recontagem do papel, não resolve
        votacao.resolver(sessao_admin, s["id"], **certo, justificativa="conferido com o boletim impresso",
                         boletim_papel="")
    votacao.resolver(sessao_admin, s["id"], **certo, justificativa="conferido com o boletim impresso",
                     boletim_papel=papel)
    rec = sessao_admin.db.execute("SELECT tipo, boletim_papel, feita_por FROM eleicao_recontagens").fetchall()
    assert rec == [("divergencia", papel, sessao_admin.usuario.id)]
    a = resultado.apurar(sessao_admin, proc["id"])
    assert a.completa and a.totais.votos[11] == 50 and a.totais.brancos == 10


def test_voto_para_candidato_indeferido_e_recusado(sessao_admin, homologado, dia_eleicao):
    proc, cands = homologado
    designar(sessao_admin, proc["id"], sessao_admin, "mesario")
    s = votacao.cadastrar_secao(sessao_admin, proc["id"], numero=2, local="Escola B", aptos=300)
    with pytest.raises(EntradaInvalida, match="não são de candidatos habilitados"):
        votacao.digitar(sessao_admin, s["id"], comparecimento=10, brancos=0, nulos=0, votos={77: 10})


def test_demo_2027_resultado_reproduzivel_e_passagem(sessao_admin):
    p = demo.criar_demo_eleicao(sessao_admin, random.Random(5))
    cands = candidaturas.listar_candidaturas(sessao_admin, p["id"])
    assert len(cands) == 14 and sum(c["situacao"] == "indeferido" for c in cands) == 2
    assert sessao_admin.db.execute("SELECT count(*) FROM eleicao_impugnacoes").fetchone()[0] == 1
    a = resultado.apurar(sessao_admin, p["id"])
    assert a.secoes_total == a.secoes_apuradas == 25
    assert len(a.resultado.empates) == 1 and len(a.resultado.impedimentos) == 1
    # reproduzível: recalculado das digitações/boletins gravados dá o mesmo
    boletins = [apuracao.Boletim(b["secao"], b["aptos"], b["comparecimento"], b["brancos"], b["nulos"], b["votos"])
                for b in __import__("desktop.store.eleicao.votacao", fromlist=["x"]).boletins(sessao_admin.db, p["id"])]
    totais = apuracao.totalizar(boletins, list(a.totais.votos))
    assert totais == a.totais
    assert resultado.apurar(sessao_admin, p["id"]).resultado == a.resultado
    eleitos = resultado.eleitos(sessao_admin, p["id"])
    tit = [e for e in eleitos if e["condicao"] == "titular"]
    sup = [e for e in eleitos if e["condicao"] == "suplente"]
    assert [e["ordem"] for e in tit] == [1, 2, 3, 4, 5] and [e["ordem"] for e in sup] == list(range(1, 8))
    assert {(e["inicio_mandato"], e["fim_mandato"]) for e in eleitos} == {("2028-01-10", "2032-01-09")}
    assert sup[0]["impedimento"] and "art. 15" in sup[0]["impedimento"]
    with pytest.raises(ErroNegocio, match="encerrado"):
        resultado.registrar_eleitos(sessao_admin, p["id"])
    assert p["resultado_publicado_em"] == p["eleicao"] and p["contestacao_fim"] > p["eleicao"]
    from desktop.services import auditoria

    assert auditoria.verificar_integridade(sessao_admin).ok
