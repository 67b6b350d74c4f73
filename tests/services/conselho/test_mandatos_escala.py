"""Mandatos, suplência e escala com a base real (Lei 320/2023, arts. 16, 19, 20, 40, 45-49)."""
from datetime import date, datetime, timedelta
from decimal import Decimal as D

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services import parametros
from desktop.services.conselho import escala, mandatos, remuneracao
from desktop.services.sessao import ErroNegocio


def _diario(sessao, tabela):
    return sessao.db.execute("SELECT count(*) FROM diario WHERE tabela = ?", [tabela]).fetchone()[0]


def test_convocacao_na_ordem_alerta_e_retorno(sessao_admin, conselho):
    t1, t2, t3, *_, s1, s2 = conselho
    r = mandatos.afastar(sessao_admin, t1, "candidatura", date(2026, 7, 1))
    assert r["convocado"]["id"] == s1 and r["afastamento"]["remunerado"] == 1
    assert r["quantidade"] == 1 and "art. 16 §2º" in r["alerta"]
    assert r["indireta_permitida"]  # 2026-07 está nos dois últimos anos do mandato 2024-2028
    r2 = mandatos.registrar_vacancia(sessao_admin, t2, "renuncia", date(2026, 7, 10))
    assert r2["convocado"]["id"] == s2 and r2["quantidade"] == 0
    r3 = mandatos.registrar_vacancia(sessao_admin, t3, "falecimento", date(2026, 7, 20))
    assert r3["convocado"] is None
    mandatos.encerrar_afastamento(sessao_admin, r["afastamento"]["id"], date(2026, 10, 4))
    comp = {c["id"]: c["situacao"] for c in mandatos.composicao(sessao_admin)}
    assert comp[t1] == "em_exercicio" and comp[s1] == "disponivel" and comp[t2] == "vago" and comp[s2] == "em_exercicio"
    assert _diario(sessao_admin, "conselho_exercicios") >= 5


def test_pagamento_proporcional_do_suplente(sessao_admin, conselho):
    """Suplente convocado em 19/06/2025: 12 dias de 30 → 3.036,00 × 12/30 = 1.214,40 (art. 16 §1º)."""
    t1, s1 = conselho[0], conselho[5]
    mandatos.afastar(sessao_admin, t1, "licenca_maternidade", date(2025, 6, 19))
    cc = remuneracao.calcular_contracheque(sessao_admin, s1, date(2025, 6, 1))
    assert {l.codigo: l.valor for l in cc.linhas}["001"] == D("1214.40")
    cc_t = remuneracao.calcular_contracheque(sessao_admin, t1, date(2025, 6, 1))
    assert {l.codigo: l.valor for l in cc_t.linhas}["001"] == D("3036.00")  # licença remunerada (art. 39, III)


def test_suspensao_sem_remuneracao_e_destituicao(sessao_admin, conselho):
    t1, t2, s1 = conselho[0], conselho[1], conselho[5]
    with pytest.raises(EntradaInvalida, match="art. 49"):
        mandatos.aplicar_penalidade(sessao_admin, t1, "suspensao", "Descumprimento reiterado", "", date(2026, 3, 1))
    mandatos.aplicar_penalidade(sessao_admin, t1, "suspensao", "Descumprimento reiterado de prazos", "PAD 3/2026",
                                date(2026, 3, 1), date(2026, 3, 1), date(2026, 3, 10))
    cc = remuneracao.calcular_contracheque(sessao_admin, t1, date(2026, 3, 1))
    assert {l.codigo: l.valor for l in cc.linhas}["001"] == D("2161.33")  # 3.242,00 × 20/30
    mandatos.aplicar_penalidade(sessao_admin, t2, "destituicao", "Conduta incompatível com a função", "PAD 4/2026",
                                date(2026, 4, 1))
    assert mandatos.historico(sessao_admin, t2)["conselheiro"]["situacao"] == "vago"


def test_escala_gerada_igual_com_feriados_e_trocas(sessao_admin, conselho):
    parametros.adicionar_feriado_municipal(sessao_admin, date(2000, 6, 13), "Santo Antônio")
    r = escala.gerar_escala(sessao_admin, date(2026, 1, 1), date(2026, 12, 31))
    noites = [v["noites"] for v in r["carga"].values()]
    dias = [v["dias"] for v in r["carga"].values()]
    assert len(r["carga"]) == 5 and max(noites) - min(noites) <= 1 and max(dias) - min(dias) <= 1
    junho = escala.listar(sessao_admin, date(2026, 6, 13), date(2026, 6, 13))
    assert {p["tipo"] for p in junho} == {"dia", "noite"}  # sábado e feriado municipal
    assert any(p["tipo"] == "dia" for p in escala.listar(sessao_admin, date(2026, 7, 2), date(2026, 7, 2)))  # 2 de Julho (BA)
    # Período que já tem escala: não há mais o beco "Já há escala" (issue 14) — dezembro fica como está
    # (todos em exercício), janeiro de 2027 é gerado.
    dezembro = [(p["inicio"], p["conselheiro_id"]) for p in escala.listar(sessao_admin, date(2026, 12, 1),
                                                                        date(2026, 12, 31))]
    r2 = escala.gerar_escala(sessao_admin, date(2026, 12, 1), date(2027, 1, 31))
    assert r2["refeitos"] == 0 and r2["plantoes"] == len(escala.listar(sessao_admin, date(2027, 1, 1), date(2027, 1, 31)))
    assert [(p["inicio"], p["conselheiro_id"]) for p in escala.listar(sessao_admin, date(2026, 12, 1),
                                                                      date(2026, 12, 31))] == dezembro
    noite = escala.listar(sessao_admin, date(2026, 3, 2), date(2026, 3, 2))[0]
    vizinha = escala.listar(sessao_admin, date(2026, 3, 3), date(2026, 3, 3))[0]
    # quem já está de plantão na mesma hora não pode receber a troca; outro dia não conflita
    dia_sab = [p for p in escala.listar(sessao_admin, date(2026, 3, 7), date(2026, 3, 7)) if p["tipo"] == "dia"][0]
    noite_sab = [p for p in escala.listar(sessao_admin, date(2026, 3, 7), date(2026, 3, 7)) if p["tipo"] == "noite"][0]
    sessao_admin.db.execute("UPDATE conselho_plantoes SET inicio = '2026-03-07T12:00' WHERE id = ?", [noite_sab["id"]])
    with pytest.raises(ErroNegocio, match="dois plantões"):
        escala.trocar_plantao(sessao_admin, noite_sab["id"], dia_sab["conselheiro_id"], "Consulta médica")
    outro = next(c for c in conselho[:5] if c not in (noite["conselheiro_id"], vizinha["conselheiro_id"]))
    escala.trocar_plantao(sessao_admin, noite["id"], outro, "Consulta médica")
    assert escala.trocas(sessao_admin, noite["id"])[0]["para_id"] == outro
    assert sessao_admin.db.execute("SELECT count(*) FROM diario WHERE tabela = 'conselho_trocas'").fetchone()[0] == 1
    agora = escala.plantonista_agora(sessao_admin, datetime(2026, 3, 3, 1, 30))
    assert agora["id"] == noite["id"] and agora["conselheiro_id"] == outro
    assert escala.plantonista_agora(sessao_admin, datetime(2026, 3, 3, 10, 0)) is None


def test_escala_manual_com_noite_descoberta_nao_grava_nada(sessao_admin, conselho):
    ts = escala.turnos(sessao_admin, date(2026, 3, 2), date(2026, 3, 8))
    plantoes = [{"inicio": t.inicio, "fim": t.fim, "conselheiro_id": conselho[i % 5]} for i, t in enumerate(ts)]
    with pytest.raises(EntradaInvalida, match="sem plantonista"):
        escala.gravar_escala(sessao_admin, date(2026, 3, 2), date(2026, 3, 8), plantoes[:-1])
    assert sessao_admin.db.execute("SELECT count(*) FROM conselho_plantoes").fetchone()[0] == 0
    assert sessao_admin.db.execute("SELECT count(*) FROM conselho_escalas").fetchone()[0] == 0
    r = escala.gravar_escala(sessao_admin, date(2026, 3, 2), date(2026, 3, 8), plantoes)
    assert r["plantoes"] == len(ts)


def test_gratificacao_so_pelos_plantoes_cumpridos(sessao_admin, conselho):
    escala.gerar_escala(sessao_admin, date(2026, 3, 1), date(2026, 3, 31))
    t1 = conselho[0]
    meus = escala.listar(sessao_admin, date(2026, 3, 1), date(2026, 3, 31), t1)
    escala.registrar_cumprimento(sessao_admin, meus[0]["id"], False)
    cc = remuneracao.calcular_contracheque(sessao_admin, t1, date(2026, 3, 1))
    n = len(meus)
    esperado = (D("1621.00") * (n - 1) / n).quantize(D("0.01"))
    assert {l.codigo: l.valor for l in cc.linhas}["010"] == esperado


def test_importar_eleitos_do_processo_de_escolha_e_candidatura(sessao_admin):
    import random

    from desktop.services.eleicao.demo import criar_demo_eleicao

    proc = criar_demo_eleicao(sessao_admin, random.Random(3))
    eleitos = list(sessao_admin.db.query("SELECT * FROM conselheiros_eleitos WHERE processo_id = ?", [proc["id"]]))
    feitos = mandatos.importar_eleitos(sessao_admin, proc["id"])
    assert len(feitos) == len(eleitos) == 12  # o impedido do art. 15 também entra, como suplente
    titulares = [c for c in feitos if c["condicao"] == "titular"]
    assert [c["ordem"] for c in titulares] == [1, 2, 3, 4, 5]
    assert all(c["situacao"] == "em_exercicio" and c["inicio_mandato"] == proc["posse"] for c in titulares)
    assert mandatos.importar_eleitos(sessao_admin, proc["id"]) == []  # não duplica
    suplentes = sorted((c for c in feitos if c["condicao"] == "suplente"), key=lambda c: c["ordem"])
    posse = date.fromisoformat(proc["posse"])
    r = mandatos.registrar_candidatura(sessao_admin, titulares[0]["id"], posse + timedelta(days=200), "vereador")
    # A suplente nº 1 tem o irmão titular em exercício (art. 15): é passada; vem a nº 2.
    assert r["convocado"]["id"] == suplentes[1]["id"] and r["afastamento"]["remunerado"] == 1
    assert len(r["pulados"]) == 1 and suplentes[0]["nome"] in r["pulados"][0]
