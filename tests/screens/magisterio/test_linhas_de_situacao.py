"""Linhas de situação com espaço reservado: mudar o texto ou escondê-las não faz os botões pularem (issue 16)."""
from PySide6.QtWidgets import QApplication

from desktop.screens.magisterio.folha import AbaFolha


def test_situacao_e_aviso_nao_empurram_os_botoes(qtbot, sessao_admin):
    aba = AbaFolha(sessao_admin)
    qtbot.addWidget(aba)
    aba.resize(1280, 800)
    aba.show()
    qtbot.waitExposed(aba)
    barra = aba.documentos

    def posicoes():
        QApplication.processEvents()
        return (aba.tabela.mapTo(aba, aba.tabela.rect().topLeft()).y(),
                barra.botao_lote.mapTo(aba, barra.botao_lote.rect().topLeft()).y(), barra.height())

    antes = posicoes()
    aba.situacao.setText("<b>Outubro de 2026: fechada</b> em 31/10/2026 por admin. " * 4)  # duas linhas
    aba.totais.setText("")
    barra.aviso.setVisible(False)
    assert posicoes() == antes
    aba.situacao.setText("curta")
    aba.totais.setText("3000 servidor(es) · líquido R$ 1,00")
    barra.aviso.setVisible(True)
    barra.aviso.setText("Salvo em /um/caminho/bem/comprido/" + "pasta/" * 30 + "contracheques.pdf.")
    assert posicoes() == antes
