"""A sessão do colegiado viaja inteira: presenças e votos (migração sigilosa 0007 deu-lhes um id; com a chave
composta de antes a captura não os via) chegam à réplica do plantão no pacote, pela parte sigilosa."""
from datetime import date, datetime

import pytest

from desktop.services import sincronizacao as sx
from desktop.services.conselho import atendimentos, colegiado, mandatos
from desktop.store import sync_registro

from ..conselho.test_atendimentos import caso
from .conftest import montar_orgao


def _mais_titulares(s) -> None:
    for ordem, nome in ((2, "Conselheira Dois"), (3, "Conselheiro Três")):
        mandatos.cadastrar_conselheiro(s, nome=nome, condicao="titular", ordem=ordem,
                                       inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9))


@pytest.fixture
def conselho(tmp_path, escritorio):
    o = montar_orgao(tmp_path / "orgao", escritorio, {"Plantao": True}, conselheira=True, preparar=_mais_titulares)
    yield o
    o.fechar()


def _votos(db, item_id) -> dict:
    return dict(db.execute("SELECT conselheiro_id, voto FROM conselho_sessao_votos WHERE item_id = ?", [item_id]))


def test_presencas_e_votos_da_sessao_chegam_a_outra_replica(conselho, tmp_path):
    ct_sede = conselho.entrar("Sede", "ct1")
    ct_plantao = conselho.entrar("Plantao", "ct1")
    sx.importar(ct_sede, sx.exportar(ct_plantao, tmp_path / "pen", "Sede"))  # a chave do sigilo do plantão
    ids = [r[0] for r in ct_sede.db.execute("SELECT id FROM conselho_conselheiros ORDER BY ordem")]
    assert sync_registro.colunas(ct_sede.db, "sigilo", "conselho_sessao_votos")[0] == "id"
    assert sync_registro.colunas(ct_sede.db, "sigilo", "conselho_sessao_presencas")[0] == "id"
    medida = atendimentos.registrar_atendimento(ct_sede, caso())["decisoes"][0]
    s = colegiado.abrir_sessao(ct_sede, tipo="ordinaria", realizada_em=datetime(2026, 3, 9, 9, 0), presentes=ids,
                               local="Sede")
    votos = {ids[0]: "ratificar", ids[1]: "ratificar", ids[2]: "retificar"}
    item = colegiado.deliberar_item(ct_sede, s["id"], medida["id"], votos)
    assert item["resultado"] == "ratificada"
    capturadas = dict(ct_sede.db.execute(
        "SELECT tabela, count(*) FROM sigilo.sync_alteracoes WHERE tabela LIKE 'conselho_sess%' GROUP BY tabela"))
    assert capturadas == {"conselho_sessoes": 1, "conselho_sessao_presencas": 3, "conselho_sessao_itens": 1,
                          "conselho_sessao_votos": 3}
    # um voto por linha no diário sigiloso, nenhum no geral
    assert ct_sede.db.execute("SELECT count(*) FROM sigilo.diario WHERE tabela = 'conselho_sessao_votos'"
                              ).fetchone()[0] == 3
    assert ct_sede.db.execute("SELECT count(*) FROM main.diario WHERE tabela LIKE 'conselho_sess%'").fetchone()[0] == 0

    resumo = sx.importar(ct_plantao, sx.exportar(ct_sede, tmp_path / "pen", "Plantao"))
    assert not resumo.get("conflitos")
    no_plantao = colegiado.obter_sessao(ct_plantao, s["id"])
    assert sorted(p["conselheiro_id"] for p in no_plantao["presentes"]) == sorted(ids)
    assert [it["resultado"] for it in no_plantao["itens"]] == ["ratificada"]
    assert _votos(ct_plantao.db, item["id"]) == votos == _votos(ct_sede.db, item["id"])
    ids_sede = sorted(r[0] for r in ct_sede.db.execute("SELECT id FROM conselho_sessao_votos"))
    assert sorted(r[0] for r in ct_plantao.db.execute("SELECT id FROM conselho_sessao_votos")) == ids_sede
    # no plantão o item já votado não volta à pauta e a ata sai de lá com os votos
    assert colegiado.pauta(ct_plantao, s["id"]) == []
    assert ct_plantao.db.execute("SELECT colegiado FROM conselho_decisoes WHERE id = ?",
                                 [medida["id"]]).fetchone()[0] == "ratificada"
