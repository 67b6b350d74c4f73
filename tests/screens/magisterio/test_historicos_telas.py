"""Correções nos históricos da ficha funcional pela tela: corrigir, encerrar e excluir um item, com diário."""
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.screens.magisterio.painel import PainelMagisterio
from desktop.services.magisterio import cadastro

from ..apoio_janelas import clicar_botao, esperar_gravacao, esperar_leituras, quando_modal


def _diario(sessao, registro_id):
    return [(d["tabela"], d["acao"], d["usuario"]) for d in sessao.db.query(
        "SELECT * FROM diario WHERE registro_id = ? ORDER BY seq", [registro_id])]


def _ficha(qtbot, sessao, historico, condicao):
    """A ficha aberta pela aba Servidores do primeiro servidor com um item de ``historico`` que atende à
    ``condicao``; devolve o id do servidor, o item e a ficha."""
    sid, item = next((s["id"], x) for s in cadastro.listar_servidores(sessao)
                     for x in cadastro.itens(sessao, historico, s["id"]) if condicao(x))
    painel = PainelMagisterio(sessao)
    qtbot.addWidget(painel)
    painel.resize(1280, 800)
    painel.show()
    aba = painel.servidores
    aba.recarregar(sid)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=15000)
    qtbot.mouseClick(aba.botao_ficha, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.dialogo is not None and aba.dialogo.isVisible(), timeout=15000)  # lê antes de abrir
    ficha = aba.dialogo
    qtbot.waitUntil(lambda: not ficha.lendo, timeout=15000)  # a ficha lê fora da thread da interface
    esperar_leituras(qtbot)  # e os itens de cada histórico
    assert ficha.servidor_id == sid
    ficha.painel_do_teste = painel  # a ficha é filha do painel: ele tem de viver enquanto o teste a usa
    return sid, item, ficha


def _selecionar(aba, item_id):
    for i in range(aba.proxy.rowCount()):
        if aba.proxy.linha_origem(aba.proxy.index(i, 0))["id"] == item_id:
            aba.tabela.selectRow(i)
            return
    raise AssertionError(f"item {item_id} não está na tabela")


def test_corrigir_ferias(qtbot, sessao_demo):
    sid, item, ficha = _ficha(qtbot, sessao_demo, "ferias", lambda x: x["inicio"] == date(2026, 1, 5))
    aba = ficha.historicos["ferias"]
    ficha.abas.setCurrentWidget(aba)
    assert not aba.botao_corrigir.isEnabled()  # nada selecionado
    _selecionar(aba, item["id"])
    assert aba.botao_corrigir.isEnabled() and aba.botao_excluir.isEnabled()
    qtbot.mouseClick(aba.botao_corrigir, Qt.MouseButton.LeftButton)
    dlg = aba.dialogo
    qtbot.waitUntil(dlg.isVisible)
    assert dlg.windowTitle() == "Corrigir férias" and dlg.botao_ok.text() == "Salvar correção"
    assert (dlg.widgets["inicio"].texto(), dlg.widgets["fim"].texto()) == ("05/01/2026", "03/02/2026")
    dlg.widgets["fim"].edit.clear()
    qtbot.keyClicks(dlg.widgets["fim"].edit, "24/01/2026")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    esperar_leituras(qtbot)  # a lista é relida fora da thread da interface
    corrigido = next(x for x in cadastro.itens(sessao_demo, "ferias", sid) if x["id"] == item["id"])
    assert (corrigido["inicio"], corrigido["fim"]) == (date(2026, 1, 5), date(2026, 1, 24))
    assert _diario(sessao_demo, item["id"])[-1] == ("magisterio_ferias", "alterar", "admin")
    linha = next(i for i in range(aba.modelo.rowCount()) if aba.modelo.linha(i)["id"] == item["id"])
    assert aba.modelo.index(linha, 1).data() == "24/01/2026"
    ficha.reject()
    esperar_leituras(qtbot)  # a aba Servidores relê ao fechar a ficha


def test_encerrar_regencia(qtbot, sessao_demo):
    sid, item, ficha = _ficha(qtbot, sessao_demo, "regencias", lambda x: x["fim"] is None)
    aba = ficha.historicos["regencias"]
    ficha.abas.setCurrentWidget(aba)
    _selecionar(aba, item["id"])
    assert aba.botao_encerrar.isVisible() and aba.botao_encerrar.isEnabled()
    qtbot.mouseClick(aba.botao_encerrar, Qt.MouseButton.LeftButton)
    dlg = aba.dialogo
    qtbot.waitUntil(dlg.isVisible)
    qtbot.keyClicks(dlg.fim.edit, "01/01/2020")  # antes do início: o serviço recusa e o diálogo fica aberto
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    esperar_gravacao(qtbot, dlg)
    assert dlg.isVisible() and dlg.rotulo_erro.isVisible() and dlg.rotulo_erro.text()
    dlg.fim.edit.clear()
    qtbot.keyClicks(dlg.fim.edit, "30/10/2026")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    esperar_leituras(qtbot)  # a lista é relida fora da thread da interface
    encerrado = next(x for x in cadastro.itens(sessao_demo, "regencias", sid) if x["id"] == item["id"])
    assert encerrado["fim"] == date(2026, 10, 30)
    assert _diario(sessao_demo, item["id"])[-1] == ("magisterio_regencias", "alterar", "admin")
    _selecionar(aba, item["id"])
    assert not aba.botao_encerrar.isEnabled()  # já encerrada
    ficha.reject()
    esperar_leituras(qtbot)  # a aba Servidores relê ao fechar a ficha


def test_excluir_falta_pede_confirmacao(qtbot, sessao_demo):
    sid, item, ficha = _ficha(qtbot, sessao_demo, "faltas", lambda x: True)
    aba = ficha.historicos["faltas"]
    ficha.abas.setCurrentWidget(aba)
    assert aba.botao_encerrar.isHidden()  # falta não é período
    _selecionar(aba, item["id"])
    perguntas = []
    quando_modal(lambda c: (perguntas.append(c.text()), clicar_botao(c, "Cancelar")), tipo=QMessageBox)
    qtbot.mouseClick(aba.botao_excluir, Qt.MouseButton.LeftButton)
    assert perguntas == [f"Excluir este registro de falta ({item['data']:%d/%m/%Y})?"]
    assert any(x["id"] == item["id"] for x in cadastro.itens(sessao_demo, "faltas", sid))  # desistiu: nada muda
    quando_modal(lambda c: clicar_botao(c, "Excluir"), tipo=QMessageBox)
    qtbot.mouseClick(aba.botao_excluir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.tarefa is None, timeout=15000)  # exclui fora da thread da interface
    esperar_leituras(qtbot)  # e relê a lista fora dela
    assert all(x["id"] != item["id"] for x in cadastro.itens(sessao_demo, "faltas", sid))
    assert all(aba.modelo.linha(i)["id"] != item["id"] for i in range(aba.modelo.rowCount()))
    assert _diario(sessao_demo, item["id"])[-1] == ("magisterio_faltas", "excluir", "admin")
    ficha.reject()
    esperar_leituras(qtbot)  # a aba Servidores relê ao fechar a ficha
