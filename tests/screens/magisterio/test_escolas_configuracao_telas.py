"""Abas Escolas (nova escola, porte datado) e Configuração (percentual do art. 41) pela tela, com diário."""
import json
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.screens.magisterio.painel import PainelMagisterio
from desktop.services.magisterio import cadastro, configuracao

from ..apoio_janelas import clicar_botao, digitar, esperar_leituras, quando_modal


def _painel(qtbot, sessao):
    p = PainelMagisterio(sessao)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    return p


def _diario(sessao, tabela):
    return list(sessao.db.query("SELECT * FROM diario WHERE tabela = ? ORDER BY seq", [tabela]))


def test_nova_escola_e_mudanca_de_porte_datada(qtbot, sessao_demo):
    painel = _painel(qtbot, sessao_demo)
    aba = painel.escolas
    painel.abas.setCurrentWidget(aba)
    esperar_leituras(qtbot)  # as escolas e as situações são lidas fora da thread da interface
    antes = aba.modelo.rowCount()
    qtbot.mouseClick(aba.botao_nova, Qt.MouseButton.LeftButton)
    dlg = aba.dialogo
    qtbot.waitUntil(dlg.isVisible)
    digitar(qtbot, dlg.nome.edit, "Escola Municipal Povoado de Palmeiras")
    qtbot.keyClicks(dlg.bairro.edit, "Florestal")
    dlg.zona.setCurrentIndex(dlg.zona.findData("rural"))
    dlg.porte.setCurrentIndex(dlg.porte.findData("pequeno"))
    qtbot.mouseClick(dlg.dificil, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dlg.desde.edit, "31/02/2026")
    assert dlg.desde.erro.isVisible() and not dlg.botao_ok.isEnabled()
    dlg.desde.edit.clear()
    qtbot.keyClicks(dlg.desde.edit, "02/02/2026")
    qtbot.keyClicks(dlg.ato.edit, "Portaria SMEC 5/2026")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    esperar_leituras(qtbot)
    assert aba.modelo.rowCount() == antes + 1
    e = aba.selecionada()
    assert (e["nome"], e["zona"], e["porte"], e["dificil_acesso"], e["situacao_desde"]) == (
        "Escola Municipal Povoado de Palmeiras", "rural", "pequeno", True, date(2026, 2, 2))
    assert aba.situacao.text() == "Escola cadastrada."
    assert aba.modelo_situacoes.rowCount() == 1
    assert [d["acao"] for d in _diario(sessao_demo, "unidades") if d["registro_id"] == e["id"]] == ["inserir"]

    # cresceu: médio a partir de 03/08/2026, sem difícil acesso (linha de ônibus nova)
    qtbot.mouseClick(aba.botao_situacao, Qt.MouseButton.LeftButton)
    dlg = aba.dialogo
    qtbot.waitUntil(dlg.isVisible)
    assert dlg.porte.currentData() == "pequeno" and dlg.dificil.isChecked()  # parte da situação de hoje
    qtbot.keyClicks(dlg.inicio.edit, "03/08/2026")
    dlg.porte.setCurrentIndex(dlg.porte.findData("medio"))
    qtbot.mouseClick(dlg.dificil, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dlg.ato.edit, "Portaria SMEC 31/2026")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    esperar_leituras(qtbot)
    situacoes = cadastro.situacoes_escola(sessao_demo, e["id"])
    assert [(s["inicio"], s["fim"], s["porte"], bool(s["dificil_acesso"])) for s in situacoes] == [
        (date(2026, 2, 2), date(2026, 8, 2), "pequeno", True), (date(2026, 8, 3), None, "medio", False)]
    assert aba.selecionada()["id"] == e["id"] and aba.selecionada()["porte"] == "medio"
    assert aba.modelo_situacoes.rowCount() == 2
    assert [aba.modelo_situacoes.index(1, c).data() for c in range(3)] == ["03/08/2026", "em vigor", "médio"]
    assert aba.modelo_situacoes.index(0, 1).data() == "02/08/2026"
    inseridas = [d for d in _diario(sessao_demo, "magisterio_escolas")
                 if json.loads(d["depois"] or "{}").get("unidade_id") == e["id"]]
    assert [(d["acao"], json.loads(d["depois"])["porte"]) for d in inseridas] == [
        ("inserir", "pequeno"), ("inserir", "medio")]
    assert {d["usuario"] for d in inseridas} == {"admin"}


def test_configuracao_art41_dentro_da_faixa_salva_e_vai_ao_diario(qtbot, sessao_demo):
    painel = _painel(qtbot, sessao_demo)
    aba = painel.configuracao
    painel.abas.setCurrentWidget(aba)
    qtbot.waitUntil(lambda: not aba.lendo, timeout=15000)  # a configuração gravada vem fora da interface
    caixa = aba.widgets["art41_percentual"]
    assert (caixa.minimum(), caixa.maximum()) == (15, 30)
    virgula = caixa.locale().decimalPoint()
    # fora da faixa (Lei 1.613/2004, art. 41: de 15 % a 30 %): recusado, com a faixa na mensagem, nada gravado
    for fora in ("35", "10"):
        caixa.lineEdit().selectAll()
        qtbot.keyClicks(caixa.lineEdit(), fora)
        assert caixa.text() != "35"  # a caixa nem deixa digitar acima de 30
        avisos = []
        quando_modal(lambda c: (avisos.append(c.text()), clicar_botao(c, "Fechar")), tipo=QMessageBox)
        qtbot.mouseClick(aba.botao_salvar, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: aba.tarefa is None and bool(avisos), timeout=15000)  # grava fora da interface
        assert len(avisos) == 1 and "entre 15 % e 30 %" in avisos[0] and "art. 41" in avisos[0]
        assert configuracao.ler(sessao_demo).art41_percentual == Decimal("15")
        assert _diario(sessao_demo, "configuracoes") == [] and aba.situacao.text() == ""
    caixa.lineEdit().selectAll()
    qtbot.keyClicks(caixa.lineEdit(), f"22{virgula}5")
    assert aba.lida().art41_percentual == Decimal("22.50")
    qtbot.mouseClick(aba.botao_salvar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.tarefa is None, timeout=15000)
    assert configuracao.ler(sessao_demo).art41_percentual == Decimal("22.50")
    assert aba.situacao.text() == "Configuração salva; vale para as próximas prévias da folha."
    [d] = _diario(sessao_demo, "configuracoes")
    assert d["usuario"] == "admin" and d["acao"] == "inserir"
    assert Decimal(json.loads(d["depois"])["art41_percentual"]) == Decimal("22.50")
    # Desfazer volta ao que está gravado
    caixa.lineEdit().selectAll()
    qtbot.keyClicks(caixa.lineEdit(), "30")
    qtbot.mouseClick(aba.botao_desfazer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not aba.lendo, timeout=15000)
    assert aba.lida().art41_percentual == Decimal("22.50")
    assert len(_diario(sessao_demo, "configuracoes")) == 1
