"""Item 4: escolher a réplica designada para os atos únicos. Só o administrador da designada a passa; ela para
de fazer os atos na hora; a nova começa quando recebe o pacote; quem ainda não recebeu continua recusando;
removida a designada, a designação volta à sede. No diário."""
import pytest

from desktop.services import replicas
from desktop.services import sincronizacao as sx
from desktop.services.sessao import ErroNegocio, SemPermissao
from desktop.store import sync_registro as reg


def _pode(sessao) -> bool:
    try:
        replicas.exigir_designada(sessao.db, "Fechar a competência")
    except ErroNegocio as e:
        assert "ato único do órgão" in str(e)
        return False
    return True


def _designada(sessao) -> str:
    return next(r["nome"] for r in replicas.replicas(sessao) if r["designada"])


def test_passar_a_designacao_a_outra_replica(orgao, tmp_path):
    sede, note, folha = orgao.entrar("Sede"), orgao.entrar("Notebook"), orgao.entrar("Folha")
    assert (_pode(sede), _pode(note), _pode(folha)) == (True, False, False)
    with pytest.raises(ErroNegocio, match=r"Só a máquina designada \(Sede\) passa a designação"):
        replicas.designar(folha, "Folha")  # a folha não se designa sozinha
    feito = replicas.designar(sede, "Folha")
    assert feito["antes"] == "Sede" and _designada(sede) == "Folha"
    assert not _pode(sede)  # a sede para na hora: nenhum momento com duas designadas
    with pytest.raises(ErroNegocio, match=r"só a máquina designada \(Folha\) o faz, e esta é a réplica Sede"):
        replicas.exigir_designada(sede.db, "Fechar a competência")
    assert not _pode(folha)  # ainda não recebeu
    sx.importar(folha, sx.exportar(sede, tmp_path / "pen", "Folha"))
    assert _pode(folha) and _designada(folha) == "Folha"
    assert not _pode(note)
    sx.importar(note, sx.exportar(folha, tmp_path / "pen", "Notebook"))  # chega também de mão em mão
    assert _designada(note) == "Folha" and not _pode(note)
    evento = sede.db.execute("SELECT usuario, json_extract(depois, '$.antes') FROM diario WHERE acao = 'evento' AND "
                             "json_extract(depois, '$.evento') = 'réplica designada para os atos únicos'").fetchall()
    assert evento == [("admin", "Sede")]
    # e a folha passa adiante; a designação mais recente vale em toda máquina, qualquer que seja o relógio
    replicas.designar(folha, "Sede")
    sx.importar(sede, sx.exportar(folha, tmp_path / "pen", "Sede"))
    assert _pode(sede) and not _pode(folha)
    assert sx.conferir(sede) == sx.conferir(folha)


def test_designada_removida_volta_a_sede_e_so_admin_designa(orgao, tmp_path):
    sede = orgao.entrar("Sede")
    replicas.designar(sede, "Notebook")
    assert not _pode(sede)
    replicas.remover_replica(sede, "Notebook")  # o notebook se perdeu
    assert _pode(sede) and reg.replica_designada(sede.db)[1] == "Sede"
    with pytest.raises(ErroNegocio, match="removida"):
        replicas.designar(sede, "Notebook")
    with pytest.raises(ErroNegocio, match="já é a máquina designada"):
        replicas.designar(sede, "Sede")


def test_so_o_administrador_designa(orgao):
    from desktop.services import acesso

    sede = orgao.entrar("Sede")
    acesso.criar_usuario(sede, login="rh1", nome="Rita", papel="folha_rh", senha="caqui-sabia-lagoa-7",
                         trocar_senha=False)
    rh = acesso.outra_sessao(sede, "rh1", "caqui-sabia-lagoa-7")
    try:
        with pytest.raises(SemPermissao):
            replicas.designar(rh, "Folha")
    finally:
        rh.base.fechar()
