"""O campo de data único do Paço: dd/mm/aaaa com barras postas ao digitar e erro ao lado."""
from datetime import date

import pytest

from desktop.screens.widgets.data import CampoData


@pytest.mark.parametrize("digitado, mostrado, valor", [
    ("01032026", "01/03/2026", date(2026, 3, 1)),
    ("01/03/2026", "01/03/2026", date(2026, 3, 1)),
    ("1/3/2026", "1/3/2026", date(2026, 3, 1)),
    ("01.03.2026ab", "01032026", None),  # só dígitos e barras entram; aqui faltam as barras finais
])
def test_digitar_datas(qtbot, digitado, mostrado, valor):
    campo = CampoData()
    qtbot.addWidget(campo)
    qtbot.keyClicks(campo.edit, digitado)
    if valor is None:
        assert campo.texto() == "01/03/2026"  # as barras entraram sozinhas
        return
    assert campo.texto() == mostrado
    assert campo.valido() and campo.valor() == valor
    assert not campo.erro.isVisible()


def test_data_errada_diz_o_que_esta_errado(qtbot):
    campo = CampoData()
    qtbot.addWidget(campo)
    campo.show()
    qtbot.keyClicks(campo.edit, "31022026")
    assert campo.texto() == "31/02/2026"
    assert campo.erro.isVisible() and campo.erro.text() == "Data inexistente: 31/02/2026."
    campo.edit.clear()
    qtbot.keyClicks(campo.edit, "0103")
    assert campo.erro.text() == "Data deve estar no formato dd/mm/aaaa."


def test_opcional_vazio_e_definir_data(qtbot):
    campo = CampoData(obrigatorio=False)
    qtbot.addWidget(campo)
    assert campo.valor() is None and campo.valido()
    campo.definir_data(date(2026, 12, 25))
    assert campo.texto() == "25/12/2026" and campo.valor() == date(2026, 12, 25)
    assert campo.edit.placeholderText() == "dd/mm/aaaa"
    campo.definir_texto("2026-03-01")  # colado de outro lugar
    assert campo.valor() == date(2026, 3, 1)
