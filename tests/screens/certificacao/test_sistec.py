"""Diálogo Códigos do Sistec: o código digitado na tabela (pelo teclado: Enter ou F2 na linha) é gravado e vai na
exportação; código inválido é recusado e a célula volta ao gravado."""
from PySide6.QtCore import Qt

from desktop.screens.certificacao.sistec import DialogoCodigosSistec
from desktop.services.certificacao import acompanhamento
from tests.screens.apoio_tabelas import editar_celula, textos
from tests.services.certificacao.apoio import ate_avaliacao, montar_cenario


def test_tabela_de_codigos_do_sistec(qtbot, sessao_admin, monkeypatch):
    from desktop.screens.widgets import avisos as caixas

    avisos = []  # a caixa de aviso comum (widgets.avisos.erro), com o título do módulo
    monkeypatch.setattr(caixas, "erro", lambda _p, titulo, erro: avisos.append(f"{titulo}: {erro}"))
    s = sessao_admin
    c = montar_cenario(s)
    ate_avaliacao(s, c, 3)
    dlg = DialogoCodigosSistec(s)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.tabela.model().rowCount() == 3, timeout=30000)  # lidos fora da thread da interface
    i = next(k for k, t in enumerate(textos(dlg.tabela)) if t[0] == "Curso")
    editar_celula(qtbot, dlg.tabela, i, 2, "1023", tecla=Qt.Key.Key_Return)  # Enter na linha abre o código
    qtbot.waitUntil(lambda: dlg.tarefa is None and not dlg.lendo, timeout=30000)  # grava e relê fora da interface
    assert "gravado" in dlg.situacao.text()
    assert textos(dlg.tabela)[i][2] == "1023"  # relido da base
    i = next(k for k, t in enumerate(textos(dlg.tabela)) if t[0] == "Unidade certificadora")
    editar_celula(qtbot, dlg.tabela, i, 2, "abc")  # F2
    qtbot.waitUntil(lambda: dlg.tarefa is None and not dlg.lendo, timeout=30000)
    assert avisos and avisos[0].startswith("Certificação: ") and "só dígitos" in avisos[0]
    assert textos(dlg.tabela)[i][2] == ""  # recusado: relido, a célula volta ao que está gravado
    linha = acompanhamento.csv_sistec(s).splitlines()[1].split(";")
    assert linha[3:6] == ["", "1023", ""]
