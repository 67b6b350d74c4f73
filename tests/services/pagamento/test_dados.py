"""Dados de pagamento do servidor e do conselheiro: gravados conferidos, conta de duas pessoas recusada."""
from datetime import date

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services.magisterio import cadastro
from desktop.services.pagamento import dados
from desktop.services.sessao import ErroNegocio
from tests.services.magisterio.conftest import CPF_JOSE, maria

CONTA_BB = dict(banco="001", agencia="0001", agencia_dv="9", conta="210169", conta_dv="6", tipo_conta="corrente",
                pis="408.84561.36-3")


def _jose(sessao, escolas, **extra):
    return cadastro.cadastrar_servidor(sessao, nome="José Pereira", cpf=CPF_JOSE, matricula="1002", cargo="professor",
                                       admissao=date(2005, 2, 1), titulo="licenciatura_plena",
                                       escola_id=escolas["castro"], **extra)


def test_grava_le_e_vai_ao_diario(sessao, escolas):
    s = maria(sessao, escolas)
    gravado = dados.definir_do_servidor(sessao, s["id"], **CONTA_BB)
    assert gravado["pis"] == "40884561363" and gravado["conta"] == "210169"
    assert dados.do_servidor(sessao, s["id"])["agencia_dv"] == "9"
    linhas = list(sessao.db.query("SELECT * FROM diario WHERE tabela = 'pagamento_dados'"))
    assert len(linhas) == 1


def test_digito_errado_nao_grava_nada(sessao, escolas):
    s = maria(sessao, escolas)
    with pytest.raises(EntradaInvalida, match="informado 7, .* dá 6") as e:
        dados.definir_do_servidor(sessao, s["id"], **(CONTA_BB | {"conta_dv": "7"}))
    assert e.value.campo == "conta_dv"
    assert dados.do_servidor(sessao, s["id"])["banco"] is None
    assert sessao.db["pagamento_dados"].count == 0


def test_conta_de_duas_pessoas_recusada_com_os_dois_nomes(sessao, escolas):
    m = maria(sessao, escolas)
    j = _jose(sessao, escolas)
    dados.definir_do_servidor(sessao, m["id"], **CONTA_BB)
    with pytest.raises(ErroNegocio, match="já é de Maria da Silva Souza; não pode ser também de José Pereira"):
        dados.definir_do_servidor(sessao, j["id"], **(CONTA_BB | {"pis": ""}))
    assert dados.do_servidor(sessao, j["id"])["conta"] is None


def test_cadastro_com_pagamento_e_tudo_ou_nada(sessao, escolas):
    m = maria(sessao, escolas, pagamento=CONTA_BB)
    assert dados.do_servidor(sessao, m["id"])["tipo_conta"] == "corrente"
    with pytest.raises(ErroNegocio, match="já é de Maria"):
        _jose(sessao, escolas, pagamento=CONTA_BB | {"pis": ""})
    assert cadastro.listar_servidores(sessao, nome="José") == []  # nada meio gravado


def test_conselheiro_usa_o_mesmo_cadastro(sessao, escolas):
    from desktop.services.conselho import mandatos

    c = mandatos.cadastrar_conselheiro(sessao, nome="Ana Beatriz Souza", condicao="titular", ordem=1,
                                       inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9))
    d = dados.definir_do_conselheiro(sessao, c["id"], banco="104", agencia="2345", conta="00100012345", conta_dv="7",
                                     tipo_conta="poupança")
    assert d["banco"] == "104" and dados.do_conselheiro(sessao, c["id"])["tipo_conta"] == "poupanca"
    m = maria(sessao, escolas)
    with pytest.raises(ErroNegocio, match="já é de Ana Beatriz Souza; não pode ser também de Maria"):
        dados.definir_do_servidor(sessao, m["id"], banco="104", agencia="2345", conta="00100012345", conta_dv="7",
                                  tipo_conta="corrente")
