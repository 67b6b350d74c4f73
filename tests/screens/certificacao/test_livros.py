"""Aba Livros de registro: abrir um livro com as folhas escolhidas, o título lançado nele, encerrar e imprimir."""
from PySide6.QtCore import Qt

from desktop.screens.certificacao.painel import PainelCertificacao
from desktop.services.certificacao import processos
from tests.screens.apoio_tabelas import textos
from tests.services.certificacao.apoio import ate_avaliacao, montar_cenario


def test_abrir_encerrar_e_imprimir_livro_pela_tela(qtbot, sessao_admin, tmp_path, monkeypatch):
    s = sessao_admin
    c = montar_cenario(s)
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    al = painel.livros
    # as unidades são lidas fora da thread da interface: Abrir livro espera a lista
    assert al.unidade.itemText(0) == "Carregando…" and not al.botao_abrir.isEnabled()
    qtbot.waitUntil(lambda: al.unidade.findData(c["unidade"]["id"]) >= 0, timeout=30000)
    assert al.botao_abrir.isEnabled()
    al.unidade.setCurrentIndex(al.unidade.findData(c["unidade"]["id"]))
    al.tipo.setCurrentIndex(al.tipo.findData("cert_diploma_tecnico"))
    al.folhas.setValue(3)
    qtbot.mouseClick(al.botao_abrir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: al.tarefa is None and not al.lendo, timeout=60_000)  # grava e relê fora da interface
    assert al.tabela.model().rowCount() == 1 and "3 folhas" in al.situacao.text()
    p = ate_avaliacao(s, c, 3)
    processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "SISTEC-7"})
    painel._on_processo_mudou(p["id"])
    qtbot.waitUntil(lambda: not al.lendo, timeout=30000)  # relê fora da thread da interface
    assert textos(al.tabela)[0][3] == "1"  # uma folha usada
    al.tabela.selectRow(0)
    assert al.botao_encerrar.isEnabled()
    qtbot.mouseClick(al.botao_encerrar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: al.tarefa is None and not al.lendo, timeout=60_000)  # grava e relê fora da interface
    assert "1 de 3 folhas utilizadas; as folhas 2 a 3 ficam inutilizadas" in al.situacao.text()
    al.tabela.selectRow(0)
    assert not al.botao_encerrar.isEnabled() and al.botao_imprimir.isEnabled()
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))  # não salvar
    qtbot.mouseClick(al.botao_imprimir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: al.tarefa is None, timeout=60_000)  # grava fora da thread da interface
    assert "Livro nº 1 emitido" in al.situacao.text() and "Não foi salvo em arquivo" in al.situacao.text()
    assert s.db.execute("SELECT count(*) FROM documentos WHERE tipo = 'cert_livro_registro'").fetchone()[0] == 1
