"""Consulta do MP e do juízo (Lei 320/2023, art. 21 §4º) nas abas Conselheiros, Escala e Remuneração: vê tudo o
que lê, os botões que gravam aparecem desligados com o aviso "Somente leitura"; os outros papéis não mudam."""
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.rules.papeis import Papel
from desktop.services.conselho import escala
from desktop.screens.conselho.funcionamento.conselheiros import AbaConselheiros
from desktop.screens.conselho.funcionamento.escala import AbaEscala
from desktop.screens.conselho.funcionamento.remuneracao import AbaRemuneracao


def _aba(qtbot, classe, sessao):
    aba = classe(sessao)
    qtbot.addWidget(aba)
    aba.resize(1366, 720)
    aba.show()
    qtbot.waitUntil(lambda: not getattr(aba, "ocupada", False), timeout=10000)  # leitura fora da thread da interface
    return aba


def _ligados(aba) -> set[str]:
    return {b.text().replace("&", "") for b in aba.findChildren(QPushButton) if b.isVisible() and b.isEnabled()}


def _aviso(aba) -> str:
    return " ".join(r.text() for r in aba.findChildren(QLabel) if "Somente leitura" in r.text() and r.isVisible())


def test_consulta_nos_conselheiros_ve_a_composicao_com_os_atos_desligados(qtbot, conselho, entrar, sessao_admin):
    mp = entrar("mp", Papel.CONSULTA)
    aba = _aba(qtbot, AbaConselheiros, mp)
    assert aba.modelo.rowCount() == 7 and aba.somente_leitura
    assert {"Cadastrar", "Função", "Vacância", "Afastamento", "Penalidade", "Dados de pagamento"} <= set(aba.botoes)
    assert "Vincular usuário" not in aba.botoes
    assert all(b.isVisible() and not b.isEnabled() and "Somente leitura" in b.toolTip() for b in aba.botoes.values())
    assert _ligados(aba) == set() and "administração municipal" in _aviso(aba)
    qtbot.mouseClick(aba.botoes["Vacância"], Qt.MouseButton.LeftButton)  # desligado: nada acontece
    assert aba.resultado.text() == ""
    # o administrador continua com os atos ligados e sem aviso
    adm = _aba(qtbot, AbaConselheiros, sessao_admin)
    assert not adm.somente_leitura and adm.botoes["Vacância"].isEnabled() and _aviso(adm) == ""


def test_consulta_na_escala_ve_e_nao_gera_troca_nem_imprime(qtbot, conselho, entrar, sessao_admin):
    escala.gerar_escala(sessao_admin, date(2024, 2, 5), date(2024, 2, 11))
    mp = entrar("mp", Papel.CONSULTA)
    aba = _aba(qtbot, AbaEscala, mp)
    aba.inicio.definir_data(date(2024, 2, 5))
    aba.fim.definir_data(date(2024, 2, 11))
    qtbot.mouseClick(aba.botao_ver, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not aba.ocupada, timeout=10000)
    assert aba.modelo.rowCount() > 0 and len(aba.modelo_carga.linhas()) == 5
    for b in (aba.botao_gerar, aba.botao_trocar, aba.botao_imprimir):
        assert b.isVisible() and not b.isEnabled() and "Somente leitura" in b.toolTip()
    assert _ligados(aba) == {"Ver período"} and "arts. 19 e 20" in _aviso(aba)
    ct = entrar("ct1", Papel.CONSELHEIRO_TUTELAR, conselho[0])
    da_ct = _aba(qtbot, AbaEscala, ct)
    assert da_ct.botao_gerar.isEnabled() and da_ct.botao_imprimir.isEnabled() and _aviso(da_ct) == ""


def test_consulta_na_remuneracao_calcula_e_nao_emite(qtbot, conselho, entrar):
    mp = entrar("mp", Papel.CONSULTA)
    aba = _aba(qtbot, AbaRemuneracao, mp)
    for b in (aba.botao_emitir, aba.botao_banco, aba.botao_esocial):
        assert b.isVisible() and not b.isEnabled() and "Somente leitura" in b.toolTip()
    assert _ligados(aba) == {"Calcular"} and "art. 40" in _aviso(aba)
    qtbot.waitUntil(lambda: aba.conselheiro.count() > 0)  # a composição é lida fora da thread da interface
    assert aba.conselheiro.count() == 7  # lê a composição, como o serviço permite
    aba.mes.setValue(3)
    aba.ano.setValue(2024)
    qtbot.mouseClick(aba.botao_calcular, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Líquido" in aba.previa.toPlainText())
    # a conselheira continua vendo só o próprio, sem emitir e sem aviso de consulta
    ct = entrar("ct1", Papel.CONSELHEIRO_TUTELAR, conselho[0])
    da_ct = _aba(qtbot, AbaRemuneracao, ct)
    qtbot.waitUntil(lambda: da_ct.conselheiro.count() > 0)
    assert da_ct.conselheiro.count() == 1 and da_ct.botao_emitir.isHidden() and _aviso(da_ct) == ""
