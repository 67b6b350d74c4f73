"""Reabrir uma competência fechada pela tela: só o administrador vê o botão; motivo obrigatório; diário."""
import json
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.rules.papeis import Papel
from desktop.screens.magisterio.painel import PainelMagisterio
from desktop.services.magisterio import folha
from desktop.services.sessao import Sessao, Usuario

from ..apoio_janelas import digitar

OUTUBRO = date(2026, 10, 1)


def _painel(qtbot, sessao):
    p = PainelMagisterio(sessao)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    p.abas.setCurrentWidget(p.folha)
    p.folha.definir_competencia(OUTUBRO)
    qtbot.waitUntil(lambda: not p.folha.carregando, timeout=15000)  # os gravados chegam em segundo plano
    return p


def test_quem_nao_e_administrador_nao_ve_reabrir(qtbot, sessao_demo):
    folha.fechar(sessao_demo, OUTUBRO, aceitar_pendencias=True)
    rh = Sessao(sessao_demo.base, Usuario("id-rh", "rh", "Rita Helena Souza", Papel.FOLHA_RH))
    aba = _painel(qtbot, rh).folha
    assert aba.fechada is not None and "fechada" in aba.situacao.text()
    assert aba.botao_reabrir.isHidden() and not aba.botao_reabrir.isEnabled()
    assert aba.documentos.botao_lote.isEnabled()  # a folha do RH emite os documentos da competência fechada


def test_administrador_reabre_com_motivo_e_vai_ao_diario(qtbot, sessao_demo):
    fechada = folha.fechar(sessao_demo, OUTUBRO, aceitar_pendencias=True)
    aba = _painel(qtbot, sessao_demo).folha
    assert aba.botao_reabrir.isVisible() and aba.botao_reabrir.isEnabled()
    assert not aba.botao_previa.isEnabled()
    qtbot.mouseClick(aba.botao_reabrir, Qt.MouseButton.LeftButton)
    dlg = aba.dialogo
    qtbot.waitUntil(dlg.isVisible)
    # a explicação do diálogo (um QLabel; o rótulo de erro, também QLabel, está vazio e oculto)
    assert any("outubro de 2026" in r.text() for r in dlg.findChildren(QLabel) if r.isVisible())
    qtbot.keyClicks(dlg.motivo.edit, "erro")  # curto demais
    assert dlg.motivo.erro.isVisible() and "15 caracteres" in dlg.motivo.erro.text()
    assert not dlg.botao_ok.isEnabled()
    motivo = "Falta de 14/10 lançada depois do fechamento"
    dlg.motivo.edit.clear()
    digitar(qtbot, dlg.motivo.edit, motivo)
    assert dlg.botao_ok.isEnabled()
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=15000)  # a situação é relida em segundo plano
    assert not folha.esta_fechada(sessao_demo, OUTUBRO)
    assert aba.fechada is None and "aberta" in aba.situacao.text()
    assert aba.botao_previa.isEnabled() and not aba.botao_reabrir.isEnabled()
    assert aba.modelo.rowCount() == 0 and not aba.documentos.botao_lote.isEnabled()
    [r] = folha.obter_competencia(sessao_demo, OUTUBRO)["reaberturas"]
    assert (r["reaberta_por"], r["motivo"]) == ("admin", motivo)
    diario = list(sessao_demo.db.query(
        "SELECT tabela, acao, usuario, depois FROM diario WHERE tabela IN "
        "('magisterio_reaberturas', 'magisterio_competencias') ORDER BY seq"))
    assert [(d["tabela"], d["acao"], d["usuario"]) for d in diario] == [
        ("magisterio_competencias", "inserir", "admin"), ("magisterio_reaberturas", "inserir", "admin"),
        ("magisterio_competencias", "alterar", "admin")]
    depois = json.loads(diario[-1]["depois"])
    assert depois["situacao"] == "aberta" and depois["motivo_reabertura"] == motivo
    assert depois["contracheques_apagados"] == fechada["servidores"]
