"""Ficha do servidor: dados de pagamento digitados, conferidos enquanto se digita e gravados."""
from PySide6.QtCore import Qt

from desktop.screens.magisterio.ficha import DialogoFicha, ler_abertura
from desktop.services.magisterio import cadastro
from desktop.services.pagamento import dados

from ..apoio_janelas import digitar


def test_dados_de_pagamento_pela_ficha(qtbot, sessao_demo):
    s = cadastro.listar_servidores(sessao_demo)[0]
    ficha = DialogoFicha(sessao_demo, ler_abertura(sessao_demo, s["id"]))  # a aba Servidores lê fora da interface
    qtbot.addWidget(ficha)
    ficha.show()
    qtbot.waitUntil(lambda: not ficha.lendo, timeout=15000)  # a ficha lê fora da thread da interface
    assert "sem conta bancária" in ficha.cabecalho.text() or "agência" in ficha.cabecalho.text()
    qtbot.mouseClick(ficha.botao_pagamento, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(ficha, "dialogo_pagamento", None) is not None, timeout=15000)
    dlg = ficha.dialogo_pagamento
    qtbot.waitUntil(dlg.isVisible)
    for campo in (dlg.banco, dlg.agencia, dlg.agencia_dv, dlg.conta, dlg.conta_dv, dlg.pis):
        campo.edit.clear()
    digitar(qtbot, dlg.banco.edit, "001")
    digitar(qtbot, dlg.agencia.edit, "1234")
    digitar(qtbot, dlg.agencia_dv.edit, "4")
    assert dlg.agencia_dv.erro.isVisible() and "dá 3" in dlg.agencia_dv.erro.text()
    assert not dlg.botao_ok.isEnabled()
    dlg.agencia_dv.edit.clear()
    digitar(qtbot, dlg.agencia_dv.edit, "3")
    assert not dlg.agencia_dv.erro.isVisible()
    dlg.tipo.setCurrentIndex(dlg.tipo.findData("corrente"))
    digitar(qtbot, dlg.conta.edit, "210169")
    digitar(qtbot, dlg.conta_dv.edit, "6")
    digitar(qtbot, dlg.pis.edit, "408.84561.36-4")
    assert "dígito verificador" in dlg.pis.erro.text()
    dlg.pis.edit.clear()
    digitar(qtbot, dlg.pis.edit, "408.84561.36-3")
    qtbot.waitUntil(dlg.botao_ok.isEnabled)
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    d = dados.do_servidor(sessao_demo, s["id"])
    assert (d["banco"], d["agencia"], d["agencia_dv"], d["conta"], d["conta_dv"], d["pis"]) == (
        "001", "1234", "3", "210169", "6", "40884561363")
    qtbot.waitUntil(lambda: "conta-corrente 210169-6" in ficha.cabecalho.text())
    assert "PIS/PASEP/NIT 408.84561.36-3" in ficha.cabecalho.text()
