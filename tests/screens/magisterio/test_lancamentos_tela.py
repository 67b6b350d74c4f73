"""Aba Lançamentos do mês: a grade da escola — célula errada fica vermelha e trava o Gravar;
corrigida, grava todos de uma vez (conferido na base)."""
from PySide6.QtCore import Qt

from desktop.screens.magisterio.lancamentos import COL_DIAS, COL_HORAS, COL_NOTURNAS
from desktop.screens.magisterio.painel import PainelMagisterio
from desktop.services.magisterio import lancamentos


def test_grade_confere_e_grava(qtbot, sessao_demo):
    painel = PainelMagisterio(sessao_demo)
    qtbot.addWidget(painel)
    painel.resize(1280, 800)
    painel.show()
    aba = painel.lancamentos
    painel.abas.setCurrentWidget(aba)
    indice = next(i for i in range(aba.escola.count())
                  if lancamentos.grade(sessao_demo, aba.escola.itemData(i), "10/2026"))
    aba.escola.setCurrentIndex(indice)
    aba.competencia.edit.clear()
    qtbot.keyClicks(aba.competencia.edit, "10/2026")
    qtbot.mouseClick(aba.botao_carregar, Qt.MouseButton.LeftButton)
    assert aba.tabela.rowCount() >= 1
    t = aba.tabela
    t.item(0, COL_DIAS).setText("")
    t.item(0, COL_DIAS).setText("40")  # o mesmo sinal (itemChanged) que a edição confirmada com Enter
    assert (0, COL_DIAS) in aba.erros and "Dia 40 não existe" in aba.erros[(0, COL_DIAS)]
    assert not aba.botao_gravar.isEnabled() and "Dia 40" in aba.mensagem.text()
    t.item(0, COL_DIAS).setText("6, 20")
    t.item(0, COL_HORAS).setText("6:2")
    assert "já está como falta do dia inteiro" in aba.erros[(0, COL_HORAS)]
    t.item(0, COL_HORAS).setText("21:3")
    t.item(0, COL_NOTURNAS).setText("")
    assert not aba.erros and aba.botao_gravar.isEnabled()
    sid = aba.linhas[0].servidor_id
    escola = aba.escola.currentData()
    qtbot.mouseClick(aba.botao_gravar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Grade gravada" in aba.mensagem.text(), timeout=30000)
    gravada = {l.servidor_id: l for l in lancamentos.grade(sessao_demo, escola, "10/2026")}[sid]
    assert gravada.dias[:2] == [6, 20] or set([6, 20]) <= set(gravada.dias)
    assert gravada.horas.get(21) == 3
