"""Ficha do servidor → Descontos: a consignação além da margem é recusada no formulário com os números;
a pensão e a rubrica avulsa digitadas vão para a lista; a avulsa sem fundamento não habilita o Salvar."""
from PySide6.QtCore import Qt

from desktop.screens.magisterio.ficha import DialogoFicha, ler_abertura
from desktop.services.magisterio import cadastro, descontos

from ..apoio_janelas import digitar


def test_descontos_pela_ficha(qtbot, sessao_demo):
    s = cadastro.listar_servidores(sessao_demo)[0]
    ficha = DialogoFicha(sessao_demo, ler_abertura(sessao_demo, s["id"]))  # a aba Servidores lê fora da interface
    qtbot.addWidget(ficha)
    ficha.show()
    qtbot.mouseClick(ficha.botao_descontos, Qt.MouseButton.LeftButton)
    lista = ficha.dialogo_descontos
    qtbot.waitUntil(lista.isVisible)
    assert lista.modelo.rowCount() == 0

    qtbot.mouseClick(lista.botoes_novos["consignacao"], Qt.MouseButton.LeftButton)
    f = lista.formulario
    qtbot.waitUntil(f.isVisible)
    f.inicio.edit.clear()
    digitar(qtbot, f.inicio.edit, "10/2026")
    digitar(qtbot, f.nome.edit, "Banco Longe")
    digitar(qtbot, f.quantidade.edit, "99.999,00")
    qtbot.waitUntil(f.botao_ok.isEnabled)
    qtbot.mouseClick(f.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(f.rotulo_erro.isVisible)
    assert "Consignação recusada em 10/2026" in f.rotulo_erro.text() and "margem consignável de R$" in f.rotulo_erro.text()
    assert f.isVisible() and descontos.listar(sessao_demo, s["id"]) == []
    f.reject()

    qtbot.mouseClick(lista.botoes_novos["avulsa"], Qt.MouseButton.LeftButton)
    f = lista.formulario
    qtbot.waitUntil(f.isVisible)
    f.inicio.edit.clear()
    digitar(qtbot, f.inicio.edit, "10/2026")
    digitar(qtbot, f.nome.edit, "Reposição ao erário")
    digitar(qtbot, f.quantidade.edit, "12,34")
    assert not f.botao_ok.isEnabled()  # sem fundamento legal
    digitar(qtbot, f.fundamento.edit, "Processo administrativo 7/2026")
    f.forma.setCurrentIndex(f.forma.findData("desconto"))
    qtbot.waitUntil(f.botao_ok.isEnabled)
    qtbot.mouseClick(f.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lista.modelo.rowCount() == 1)
    r = descontos.listar(sessao_demo, s["id"])[0]
    assert (r["tipo"], r["forma"], r["quantidade"], r["inicio"], r["fim"]) == ("avulsa", "desconto", "12.34",
                                                                              "2026-10", "2026-10")
