"""Diálogo Códigos do Sistec: o código digitado na tabela é gravado e vai na exportação; código inválido é recusado."""
from desktop.screens.certificacao.sistec import DialogoCodigosSistec
from desktop.services.certificacao import acompanhamento
from tests.services.certificacao.apoio import ate_avaliacao, montar_cenario


def test_tabela_de_codigos_do_sistec(qtbot, sessao_admin, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    avisos = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: avisos.append(a[2]))
    s = sessao_admin
    c = montar_cenario(s)
    ate_avaliacao(s, c, 3)
    dlg = DialogoCodigosSistec(s)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.tabela.rowCount() == 3, timeout=30000)  # lidos fora da thread da interface
    i = next(k for k, l in enumerate(dlg.linhas) if l["tipo"] == "curso")
    dlg.tabela.item(i, 2).setText("1023")
    qtbot.waitUntil(lambda: dlg.tarefa is None and not dlg.lendo, timeout=30000)  # grava e relê fora da interface
    assert "gravado" in dlg.situacao.text()
    i = next(k for k, l in enumerate(dlg.linhas) if l["tipo"] == "unidade")
    dlg.tabela.item(i, 2).setText("abc")
    qtbot.waitUntil(lambda: dlg.tarefa is None and not dlg.lendo, timeout=30000)
    assert avisos and "só dígitos" in avisos[0]
    linha = acompanhamento.csv_sistec(s).splitlines()[1].split(";")
    assert linha[3:6] == ["", "1023", ""]
