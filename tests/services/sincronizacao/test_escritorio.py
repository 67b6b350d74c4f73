"""O brasão do órgão (tabela escritorio, uma linha por base; migração 0028 deu-lhe chave TEXT) e o de um emissor
trocados na sede chegam às réplicas: os documentos impressos no notebook saem com o mesmo timbre."""
import io

from PIL import Image

from desktop.services import auditoria, emissores, sincronizacao as sx
from desktop.store import sync_registro


def _png(cor) -> bytes:
    saida = io.BytesIO()
    Image.new("RGB", (40, 40), cor).save(saida, "PNG")
    return saida.getvalue()


def _brasao(s, emissor_id):
    return emissores.obter(s.db, emissor_id).brasao


def test_brasao_do_orgao_e_de_um_emissor_chegam_as_replicas(orgao, tmp_path):
    sede, note, folha = orgao.entrar("Sede"), orgao.entrar("Notebook"), orgao.entrar("Folha")
    assert sync_registro.colunas(sede.db, "main", "escritorio")[0] == "id"
    assert sede.db["escritorio"].get(1)["nome"]  # os ``WHERE id = 1`` continuam achando a linha
    outro = emissores.criar(sede, nome="Câmara Municipal", cnpj="11.222.333/0001-81", municipio="Jequié", uf="BA")
    azul, verde = _png((0, 0, 200)), _png((0, 160, 0))
    emissores.definir_brasao(sede, emissores.ORGAO, azul)
    emissores.definir_brasao(sede, outro.id, verde)
    r = auditoria.verificar_integridade(sede)  # o diário registra as linhas que o brasão muda
    assert r.ok, r.achados
    for s, nome in ((note, "Notebook"), (folha, "Folha")):
        sx.importar(s, sx.exportar(sede, tmp_path / "pen", nome))
        assert _brasao(s, emissores.ORGAO) == azul and _brasao(s, outro.id) == verde
        assert s.db.execute("SELECT brasao_tipo FROM escritorio WHERE id = 1").fetchone()[0] == "png"
    emissores.definir_brasao(note, emissores.ORGAO, None)  # retirado no notebook: volta à sede
    sx.importar(sede, sx.exportar(note, tmp_path / "pen", "Sede"))
    assert _brasao(sede, emissores.ORGAO) is None
    assert sx.conferir(sede) == sx.conferir(note) and sx.conflitos(sede) == []
    for s in (sede, note, folha):
        r = auditoria.verificar_integridade(s); assert r.ok, (s.base.caminho, r.achados)
