"""Simulador: o contracheque com mudanças hipotéticas, lado a lado com o atual, sem gravar nada."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services import parametros
from desktop.services.magisterio import cadastro, simulador
from desktop.services.sessao import ErroNegocio

from .conftest import maria


def _diario(sessao) -> int:
    return sessao.db.execute("SELECT count(*) FROM diario").fetchone()[0]


def test_e_se_eu_concluir_a_especializacao(sessao, escolas):
    """Lei 1.613/2004, art. 47, III: especialização de 360 h concedida dá 15 % do vencimento (rubrica 009)."""
    sid = maria(sessao, escolas)["id"]
    antes = _diario(sessao)
    dia = date(2026, 8, 10)
    s = simulador.simular(sessao, sid, dia, [
        {"historico": "cursos", "tipo": "especializacao", "conclusao": date(2026, 6, 30), "carga_horaria": 360,
         "concessao": date(2026, 7, 1)}])
    assert _diario(sessao) == antes
    assert cadastro.itens(sessao, "cursos", sid) == []
    assert not any(l["codigo"] == "009" for l in s.atual["linhas"])
    venc = next(l for l in s.simulado["linhas"] if l["codigo"] == "001")
    esp = next(l for l in s.simulado["linhas"] if l["codigo"] == "009")
    assert (esp["percentual"], esp["base"]) == ("15", venc["base"])
    assert esp["valor"] == str((Decimal(venc["base"]) * Decimal("0.15")).quantize(Decimal("0.01")))
    assert esp["fundamento"] == "Lei 1.613/2004, arts. 46 e 47"
    assert s.simulado["situacao"]["data"] == "2026-08-10"
    # a tabela de 2004 deixa Maria abaixo do salário mínimo de 2026 nos dois cálculos: o complemento
    # (050, CF art. 7º, IV, com o art. 39, §3º) diminui exatamente o valor do 009 e o líquido não muda
    comp = [sum((Decimal(l["valor"]) for l in x["linhas"] if l["codigo"] == "050"), Decimal(0))
            for x in (s.atual, s.simulado)]
    assert comp[0] > 0 and comp[0] - comp[1] == Decimal(esp["valor"])
    assert s.diferenca_liquido == 0
    assert s.alteracoes == ["Curso de especializacao (360 h) concluído em 30/06/2026, concedido em 01/07/2026"]
    linha = next(c for c in s.comparacao() if c["codigo"] == "009")
    assert (linha["atual"], linha["simulado"]) == (Decimal("0.00"), Decimal(esp["valor"]))


def test_jornada_de_40_horas_troca_o_vencimento(sessao, escolas):
    """Art. 23 e Anexo I: a jornada base nova encerra a anterior na véspera; o vencimento é o da tabela de 40 h."""
    sid = maria(sessao, escolas)["id"]
    dia = date(2026, 3, 1)
    s = simulador.simular(sessao, sid, dia, [{"historico": "jornadas", "inicio": dia, "horas": 40}])
    assert (s.atual["situacao"]["jornada"], s.simulado["situacao"]["jornada"]) == (20, 40)
    classe = s.atual["situacao"]["classe"]
    matriz = parametros.vigente(sessao, "magisterio_anexo1", dia).para_valor()
    assert next(l for l in s.simulado["linhas"] if l["codigo"] == "001")["valor"] == matriz["nivel_3_40h"][classe]


def test_recusas(sessao, escolas):
    sid = maria(sessao, escolas)["id"]
    with pytest.raises(ErroNegocio, match="não tem vínculo em 01/01/2000"):
        simulador.simular(sessao, sid, date(2000, 1, 1), [])
    with pytest.raises(EntradaInvalida, match=r"alteração 1 \(curso\).carga_horaria: informe o campo"):
        simulador.simular(sessao, sid, date(2026, 3, 1), [{"historico": "cursos", "tipo": "mestrado",
                                                            "conclusao": "2026-01-01"}])
    with pytest.raises(EntradaInvalida, match="Alteração 1: diga o histórico"):
        simulador.simular(sessao, sid, date(2026, 3, 1), [{"historico": "salario"}])
