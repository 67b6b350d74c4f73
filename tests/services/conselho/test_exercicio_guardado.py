"""A conferência de que o usuário é conselheiro em exercício fica guardada na conexão enquanto vale (issue 16,
meta 3): gravar ou abrir um caso não refaz as consultas a cada vez, e qualquer mudança que possa tirá-lo do
exercício — feita por outra sessão, pela própria conexão, ou a virada do dia — a refaz."""
from datetime import date, datetime, timedelta

import pytest

from desktop.services.conselho import atendimentos, comum, mandatos
from desktop.services.sessao import SemPermissao


def _caso(i: int = 0) -> dict:
    return {"tipo": "denuncia", "recebido_em": datetime(2026, 3, 6, 22, i), "bairro": "Centro",
            "relato": "Relato.", "criancas": [{"nome": "Ana Souza", "nascimento": "2016-04-02"}],
            "violacoes": [{"especifico": "CFC.1.1", "agente": "pais_responsaveis"}]}


@pytest.fixture
def ct(conselho, entrar):
    return entrar("ct1", "conselheiro_tutelar", conselho[0])


def _consultas_do_exercicio(ct, funcao) -> list[str]:
    """Os SELECTs às tabelas que decidem o exercício feitos pela conexão da sessão durante ``funcao()``."""
    comandos = []
    ct.base.conexao.set_trace_callback(comandos.append)
    try:
        funcao()
    finally:
        ct.base.conexao.set_trace_callback(None)
    return [c for c in comandos if any(t in c for t in ("conselho_conselheiros", "conselho_exercicios",
                                                          "conselho_afastamentos"))]


def test_a_conferencia_fica_guardada_entre_gravacoes(ct):
    assert _consultas_do_exercicio(ct, lambda: atendimentos.registrar_atendimento(ct, _caso(0)))
    assert _consultas_do_exercicio(ct, lambda: atendimentos.registrar_atendimento(ct, _caso(1))) == []
    caso = atendimentos.listar_atendimentos(ct)[0]
    assert _consultas_do_exercicio(ct, lambda: atendimentos.obter_atendimento(ct, caso["id"])) == []


def test_afastamento_registrado_por_outra_sessao_vale_ja(sessao_admin, conselho, ct):
    atendimentos.registrar_atendimento(ct, _caso(0))
    atendimentos.registrar_atendimento(ct, _caso(1))  # guardada
    mandatos.afastar(sessao_admin, conselho[0], "ferias", date.today(), date.today() + timedelta(days=29))
    with pytest.raises(SemPermissao, match="em exercício"):
        atendimentos.registrar_atendimento(ct, _caso(2))


def test_mudanca_gravada_pela_propria_conexao_vale_ja(conselho, ct):
    """A própria conexão não vê o ``data_version`` mudar com o que ela confirma: a cabeça do diário geral, sim."""
    atendimentos.registrar_atendimento(ct, _caso(0))
    atendimentos.registrar_atendimento(ct, _caso(1))
    with ct.mudanca(None) as m:  # como se a sessão mexesse no cadastro (a tela não deixa; a conferência não supõe)
        m.alterar("conselho_conselheiros", conselho[0], {"situacao": "vago"})
    with pytest.raises(SemPermissao, match="em exercício"):
        atendimentos.registrar_atendimento(ct, _caso(2))


def test_a_virada_do_dia_refaz_a_conferencia(sessao_admin, conselho, ct, monkeypatch):
    """Férias que começam amanhã: hoje grava (e a conferência fica guardada); amanhã, sem nada mudar na
    base, a conferência é refeita e recusa."""
    amanha = date.today() + timedelta(days=1)
    mandatos.afastar(sessao_admin, conselho[0], "ferias", amanha, amanha + timedelta(days=29))
    atendimentos.registrar_atendimento(ct, _caso(0))
    atendimentos.registrar_atendimento(ct, _caso(1))

    class Amanha(date):
        @classmethod
        def today(cls):
            return amanha

    monkeypatch.setattr(comum, "date", Amanha)
    with pytest.raises(SemPermissao, match="em exercício"):
        atendimentos.registrar_atendimento(ct, _caso(2))

