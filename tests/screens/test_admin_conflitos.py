"""Tela de conflitos da sincronização (pytest-qt): o mesmo campo alterado em duas réplicas aparece com os
dois valores lado a lado; quem tem o papel escolhe um, a decisão vai ao diário e à outra réplica."""
import json

import pytest
from PySide6.QtCore import Qt

from desktop.screens.widgets import avisos
from desktop.screens.administracao.painel import PainelAdministracao
from desktop.services import cadastros
from desktop.services import sincronizacao as sx
from tests.services.sincronizacao.conftest import montar_orgao


def _editar(sessao, pessoa_id, nome):
    with sessao.mudanca(None) as m:
        m.db.execute("UPDATE pessoas SET nome = ? WHERE id = ?", [nome, pessoa_id])
        m.registrar("pessoas", pessoa_id, "alterar", depois={"nome": nome})


@pytest.fixture
def conflito(tmp_path, escritorio):
    o = montar_orgao(tmp_path / "orgao", escritorio, {"Notebook": False})
    sede, note = o.entrar("Sede"), o.entrar("Notebook")
    p = cadastros.cadastrar_pessoa(sede, nome="Ana Souza")
    sx.importar(note, sx.exportar(sede, tmp_path / "pen", "Notebook"))
    _editar(sede, p["id"], "Ana Souza Lima")
    _editar(note, p["id"], "Ana de Souza")
    sx.importar(note, sx.exportar(sede, tmp_path / "pen", "Notebook"))
    yield sede, note, p["id"], tmp_path
    o.fechar()


def test_conflito_lado_a_lado_e_decidido_na_tela(qtbot, conflito, monkeypatch):
    sede, note, pid, pasta = conflito
    painel = PainelAdministracao(note)
    qtbot.addWidget(painel)
    painel.show()
    assert painel.abas.tabText(painel.abas.count() - 1) == "Conflitos"
    aba = painel.conflitos
    qtbot.waitUntil(lambda: aba.modelo.rowCount() == 1)
    aba.tabela.selectRow(0)
    valores = sorted(aba.modelo_versoes.index(i, 0).data() for i in range(aba.modelo_versoes.rowCount()))
    assert valores == ["Ana Souza Lima", "Ana de Souza"]
    maquinas = {aba.modelo_versoes.index(i, 2).data() for i in range(2)}
    assert maquinas == {"Sede", "Notebook"}
    assert not aba.botao_decidir.isEnabled()
    linha = next(i for i in range(2) if aba.modelo_versoes.index(i, 0).data() == "Ana Souza Lima")
    aba.versoes.selectRow(linha)
    perguntas = []
    monkeypatch.setattr(avisos, "confirmar", lambda *a, **k: perguntas.append(a[2]) or True)
    qtbot.mouseClick(aba.botao_decidir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.modelo.rowCount() == 0)
    assert "Ana Souza Lima" in perguntas[0]
    assert note.db.execute("SELECT nome FROM pessoas WHERE id = ?", [pid]).fetchone()[0] == "Ana Souza Lima"
    eventos = [json.loads(d)["evento"] for (d,) in note.db.execute(
        "SELECT depois FROM diario WHERE acao = 'evento' AND registro_id = ?", [pid])]
    assert "conflito de sincronização decidido" in eventos
    sx.importar(sede, sx.exportar(note, pasta / "pen", "Sede"))  # a decisão chega à sede
    assert sx.conflitos(sede) == []
    assert sede.db.execute("SELECT nome FROM pessoas WHERE id = ?", [pid]).fetchone()[0] == "Ana Souza Lima"
