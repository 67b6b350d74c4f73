"""Relógio muito atrasado (issue 15, "clock far off"): o adiantado é recusado (test_pacotes.py); o atrasado não
perde nada — o relógio lógico híbrido (HLC) de quem viu uma alteração passa a ser maior que o dela, então a
edição feita depois de receber vence sem conflito, mesmo com a máquina em 2001."""
from desktop.services import cadastros
from desktop.services import sincronizacao as sx
from desktop.store import sync_registro as reg


def _editar(sessao, pessoa_id, nome):
    with sessao.mudanca(None) as m:
        m.db.execute("UPDATE pessoas SET nome = ? WHERE id = ?", [nome, pessoa_id])
        m.registrar("pessoas", pessoa_id, "alterar", depois={"nome": nome})


def _nome(sessao, pessoa_id):
    return sessao.db.execute("SELECT nome FROM pessoas WHERE id = ?", [pessoa_id]).fetchone()[0]


def test_maquina_com_relogio_atrasado_nao_perde_a_edicao(orgao, tmp_path, monkeypatch):
    sede, note = orgao.entrar("Sede"), orgao.entrar("Notebook")
    p = cadastros.cadastrar_pessoa(note, nome="Gravada no notebook")
    sx.importar(sede, sx.exportar(note, tmp_path / "pen", "Sede"))
    monkeypatch.setattr(reg, "_ms", lambda: 978307200000)  # o relógio da sede em 1º/1/2001
    _editar(sede, p["id"], "Corrigida na sede atrasada")
    pacote = sx.exportar(sede, tmp_path / "pen", "Notebook")
    monkeypatch.undo()
    resumo = sx.importar(note, pacote)
    assert resumo["conflitos"] == 0 and _nome(note, p["id"]) == "Corrigida na sede atrasada"
    _editar(note, p["id"], "De novo no notebook")  # e a edição seguinte, no relógio certo, também vale
    sx.importar(sede, sx.exportar(note, tmp_path / "pen", "Sede"))
    assert _nome(sede, p["id"]) == "De novo no notebook" and not sx.conflitos(sede)
    assert sx.conferir(sede) == sx.conferir(note)
