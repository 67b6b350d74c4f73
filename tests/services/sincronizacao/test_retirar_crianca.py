"""A criança retirada do caso por emenda numa réplica (o plantão) sai do caso e da busca também na sede depois
da troca de pacotes; o histórico da emenda viaja com o motivo (issue 14, capacidade 4)."""
from datetime import datetime

import pytest

from desktop.services import sincronizacao as sx
from desktop.services.conselho import atendimentos, emendas

from .conftest import montar_orgao


@pytest.fixture
def conselho(tmp_path, escritorio):
    o = montar_orgao(tmp_path / "orgao", escritorio, {"Plantao": True}, conselheira=True)
    yield o
    o.fechar()


def test_retirada_no_plantao_chega_a_sede(conselho, tmp_path):
    ct_sede = conselho.entrar("Sede", "ct1")
    ct_plantao = conselho.entrar("Plantao", "ct1")
    sx.importar(ct_sede, sx.exportar(ct_plantao, tmp_path / "pen", "Sede"))  # a chave do sigilo do plantão
    caso = atendimentos.registrar_atendimento(ct_sede, {
        "tipo": "denuncia", "recebido_em": datetime(2026, 3, 6, 22, 30), "bairro": "Centro",
        "criancas": [{"nome": "Kaua Tavares", "nascimento": "2016-04-02"},
                     {"nome": "Yasmin Engano", "nascimento": "2012-05-01"}]})
    sx.importar(ct_plantao, sx.exportar(ct_sede, tmp_path / "pen", "Plantao"))
    engano = next(c["id"] for c in caso["criancas"] if c["nome"] == "Yasmin Engano")
    emendas.retirar_crianca(ct_plantao, engano, "homônima: é de outro caso")
    assert [x["id"] for x in atendimentos.listar_atendimentos(ct_sede, busca="yasmin")] == [caso["id"]]
    sx.importar(ct_sede, sx.exportar(ct_plantao, tmp_path / "pen", "Sede"))
    visto = atendimentos.obter_atendimento(ct_sede, caso["id"])
    assert [c["nome"] for c in visto["criancas"]] == ["Kaua Tavares"]
    assert atendimentos.listar_atendimentos(ct_sede, busca="yasmin") == []  # o índice da sede foi refeito
    h = emendas.historico(ct_sede, caso["id"])
    assert [(x["tipo"], x["motivo"]) for x in h] == [("crianca_retirada", "homônima: é de outro caso")]
    assert sx.conferir(ct_sede) == sx.conferir(ct_plantao)
