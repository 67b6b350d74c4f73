"""A busca pelo vocabulário do índice (``preparar_termos``, feito ao aquecer): cada palavra vira os termos exatos que
começam com ela — os mesmos casos do prefixo do FTS5 —, e uma gravação no índice faz a busca voltar ao prefixo até o
vocabulário ser lido de novo (nenhum caso novo fica de fora)."""
from datetime import datetime

import pytest

from desktop.rules.papeis import Papel
from desktop.services.conselho import atendimentos
from desktop.store.conselho import atendimentos as armazem
from desktop.store.conselho.atendimentos import expressao_fts
from tests.apoio_threads import numa_thread


def test_expressao_pelos_termos():
    termos = ["ana", "anabela", "costa", "costinha", "cruz", "joao", "otavio", "sao"]
    assert expressao_fts("cost") == '"cost"*'  # sem vocabulário, o prefixo de sempre
    assert expressao_fts("cost", termos) == '("costa" OR "costinha")'
    assert expressao_fts("Otávio Cos", termos) == '("otavio") AND ("costa" OR "costinha")'
    assert expressao_fts("SÃO JOÃO", termos) == '("sao") AND ("joao")'
    assert expressao_fts("Ana zz", termos) == ""  # "zz" não começa termo algum: nada a achar
    assert expressao_fts("straße", termos) == '"straße"*'  # dobra incerta: fica o prefixo do FTS5
    assert expressao_fts("ﬁlho", termos) == '"ﬁlho"*'
    assert expressao_fts("a", [f"a{i:03d}" for i in range(65)]) == '"a"*'  # muitos termos: o prefixo
    assert expressao_fts("  ", termos) is None


@pytest.fixture
def ct(conselho, entrar):
    return entrar("ct1", Papel.CONSELHEIRO_TUTELAR, conselho[0])


def _caso(ct, nome, dia, bairro="Centro"):
    return atendimentos.registrar_atendimento(ct, {"tipo": "denuncia", "recebido_em": datetime(2025, 1, dia, 8, 0),
                                                   "bairro": bairro, "criancas": [{"nome": nome}]})


def _nomes(ct, texto, campo="nomes"):
    return [l["criancas"] for l in atendimentos.listar_atendimentos(ct, busca=texto, campo=campo)]


def test_mesmos_casos_que_o_prefixo_e_o_indice_gravado_volta_ao_prefixo(ct):
    for dia, nome, bairro in ((2, "Lia Costa", "São Judas"), (3, "Rui Costinha", "Centro"), (4, "Otávio Cruz", "Sãozinho"),
                              (5, "Ana Lima", "Centro")):
        _caso(ct, nome, dia, bairro)
    buscas = [("cost", "nomes"), ("Otávio", "nomes"), ("ota cru", "nomes"), ("sao", "bairro"), ("zz", "nomes"),
              ("li co", "nomes"), ("centro", "bairro"), ("costa", "bairro")]
    pelo_prefixo = numa_thread(lambda: [_nomes(ct, t, c) for t, c in buscas])

    def aquecida():
        atendimentos.aquecer_busca(ct)
        return ct.base

    base = numa_thread(aquecida)
    assert armazem._termos[base.db][2] == sorted(armazem._termos[base.db][2])  # o vocabulário guardado, em ordem
    pelos_termos = numa_thread(lambda: [_nomes(ct, t, c) for t, c in buscas])
    assert pelos_termos == pelo_prefixo
    assert pelos_termos[0] == ["Rui Costinha", "Lia Costa"] and pelos_termos[4] == []
    ct.aguardar_gravacoes()  # as leituras no diário (gravadas pela conexão da busca) não mexem no índice
    assert base.db in armazem._termos

    # um caso novo com um termo que o vocabulário guardado não tem: a busca o acha (volta ao prefixo do FTS5)
    _caso(ct, "Zacarias Costelo", 6)
    assert numa_thread(lambda: (_nomes(ct, "zac"), _nomes(ct, "cost"))) == (
        ["Zacarias Costelo"], ["Zacarias Costelo", "Rui Costinha", "Lia Costa"])
    assert base.db not in armazem._termos  # esquecido: o índice mudou
