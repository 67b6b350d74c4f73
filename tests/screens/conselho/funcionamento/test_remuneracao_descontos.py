"""Aba Remuneração → Descontos do conselheiro (issue 13, item 8), pelo teclado e pelo mouse como o usuário:
a consignação além da margem é recusada no formulário com os números e nada é gravado; a que cabe vai
para a lista e para a prévia do contracheque; a rubrica avulsa sem fundamento não habilita o Salvar.

Caso à mão (tests/services/conselho/test_descontos_folha.py): conselheira com a remuneração do cargo
(Lei 320/2023, art. 41) de R$ 6.000,00 em 06/2025: INSS 649,60, IRRF 562,63, líquido 4.787,77; margem
consignável 30 % × 4.787,77 = 1.436,33; com a consignação de 1.436,33, líquido 3.351,44."""
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from desktop.screens.conselho.funcionamento.remuneracao import AbaRemuneracao
from desktop.services.conselho import descontos, folha, mandatos

from ...apoio_janelas import digitar


def test_descontos_do_conselheiro_pela_aba(qtbot, sessao_admin):
    s = sessao_admin
    cid = mandatos.cadastrar_conselheiro(
        s, nome="Carla Dias Moreira", condicao="titular", ordem=1, inicio_mandato=date(2024, 1, 10),
        fim_mandato=date(2028, 1, 9), cpf="529.982.247-25", servidor_municipal=True,
        remuneracao_cargo=Decimal("6000.00"))["id"]
    folha.fechar(s, date(2025, 6, 1))  # já fechada: o lançamento pede reabrir e fechar de novo
    aba = AbaRemuneracao(s)
    qtbot.addWidget(aba)
    aba.show()
    aba.mes.setValue(6)
    aba.ano.setValue(2025)
    qtbot.waitUntil(lambda: aba.conselheiro.findData(cid) >= 0)
    aba.conselheiro.setCurrentIndex(aba.conselheiro.findData(cid))
    assert aba.botao_descontos.isVisible()
    qtbot.mouseClick(aba.botao_descontos, Qt.MouseButton.LeftButton)
    lista = aba.dialogo_descontos
    qtbot.waitUntil(lista.isVisible)
    assert lista.modelo.rowCount() == 0

    # além da margem por 1 centavo: recusada no formulário, com os números; nada gravado
    qtbot.mouseClick(lista.botoes_novos["consignacao"], Qt.MouseButton.LeftButton)
    f = lista.formulario
    qtbot.waitUntil(f.isVisible)
    assert f.inicio.texto() == "06/2025"
    digitar(qtbot, f.nome.edit, "Banco do Povo")
    digitar(qtbot, f.quantidade.edit, "1.436,34")
    qtbot.waitUntil(f.botao_ok.isEnabled)
    qtbot.mouseClick(f.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(f.rotulo_erro.isVisible, timeout=20000)
    erro = f.rotulo_erro.text()
    assert "Consignação recusada em 06/2025" in erro and "margem consignável de R$ 1.436,33" in erro
    assert "30 % de R$ 4.787,77" in erro
    assert f.isVisible() and descontos.listar(s, cid) == []

    # no limite: gravada, na lista e na prévia do contracheque
    f.quantidade.edit.clear()
    digitar(qtbot, f.quantidade.edit, "1.436,33")
    qtbot.waitUntil(f.botao_ok.isEnabled)
    qtbot.mouseClick(f.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lista.modelo.rowCount() == 1, timeout=20000)
    assert not f.isVisible()
    assert "já está fechada" in lista.aviso.text() and "reabra-a" in lista.aviso.text()
    (r,) = descontos.listar(s, cid)
    assert (r["tipo"], r["quantidade"], r["prioridade"], r["inicio"]) == ("consignacao", "1436.33", 1, "2025-06")

    # a avulsa sem fundamento legal não habilita o Salvar
    qtbot.mouseClick(lista.botoes_novos["avulsa"], Qt.MouseButton.LeftButton)
    f = lista.formulario
    qtbot.waitUntil(f.isVisible)
    digitar(qtbot, f.nome.edit, "Reposição ao erário")
    digitar(qtbot, f.quantidade.edit, "10,00")
    assert not f.botao_ok.isEnabled()
    f.reject()

    lista.reject()  # fechar a lista recalcula a prévia com o desconto
    qtbot.waitUntil(lambda: "3.351,44" in aba.previa.toPlainText(), timeout=20000)
    texto = aba.previa.toPlainText()
    assert "Consignação — Banco do Povo" in texto and "1.436,33" in texto
