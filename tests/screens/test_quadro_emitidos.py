"""Quadro "Documentos emitidos" a 1366×768: sem faixa vazia embaixo, e a mensagem comprida numa linha só, com os links
inteiros e a mensagem inteira na dica, sem mexer nos botões."""
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget

from desktop.screens.documentos.emitidos import QuadroEmitidos, _sem_marcas
from desktop.screens.principal import JanelaPrincipal
from desktop.screens.widgets.impressao import oferecer_documento
from desktop.services import acesso, demo

from .apoio_janelas import esperar_copia_diaria, fechar_principal
from .apoio_tela import estilo  # noqa: F401 — a folha de estilo da aplicação

CAMINHO = ("/home/conselho/Documentos/Conselho Tutelar/2026/Fiscalização/oficio-fiscalizacao-1-2026-2a-via-"
           "ABCD-EFGH-JK23.pdf")


def test_quadro_de_emitidos_sem_vazio_embaixo_e_mensagem_numa_linha(qtbot, tmp_path, estilo):
    caminho = tmp_path / "demo" / "paco.db"
    demo.criar_demo(caminho, servidores=40)
    janela = JanelaPrincipal(acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO))
    qtbot.addWidget(janela)
    with qtbot.waitExposed(janela):
        janela.show()
    esperar_copia_diaria(qtbot, janela)
    try:
        janela.showNormal()
        janela.resize(1366, 768)
        qtbot.waitUntil(lambda: janela.size().height() == 768 and janela.width() == 1366)
        janela.modulos.setCurrentRow(next(i for i in range(janela.modulos.count())
                                          if "Conselho" in janela.modulos.item(i).text()))
        abas = next(a for a in janela.pilha.currentWidget().findChildren(QTabWidget)
                    if any(a.tabText(k) == "Fiscalização" for k in range(a.count())))
        abas.setCurrentIndex(next(k for k in range(abas.count()) if abas.tabText(k) == "Fiscalização"))
        quadro = abas.currentWidget().findChild(QuadroEmitidos)
        qtbot.waitUntil(lambda: len(quadro.documentos()) >= 1, timeout=10000)  # o ofício da demonstração
        QApplication.processEvents()
        rotulo = quadro.situacao
        linha = rotulo.fontMetrics().lineSpacing()
        # antes: duas linhas reservadas e 65 pontos do pé do "Emitir nova via" ao pé do quadro
        assert rotulo.height() < 2 * linha
        vazio = quadro.height() - quadro.botao_via.geometry().bottom()
        assert vazio < 50, vazio

        botoes = [quadro.botao_abrir, quadro.botao_imprimir, quadro.botao_via]

        def posicoes():
            QApplication.processEvents()
            return [b.mapTo(janela, QPoint(0, 0)) for b in botoes] + [rotulo.geometry()]

        antes = posicoes()
        texto = ("2ª via emitida (código ABCD-EFGH-JK23); a anterior ficou substituída. "
                 f"Salva em {CAMINHO}.")
        oferecer_documento(rotulo, b"%PDF-1.4", CAMINHO, texto)
        assert posicoes() == antes  # nada pula
        mostrado = QLabel.text(rotulo)  # o que está na tela (``text()`` devolve a mensagem inteira)
        assert rotulo.text() == rotulo.property("paco_pdf_texto")  # o Ctrl+P reconhece o documento oferecido
        assert mostrado != rotulo.text() and mostrado.startswith("2ª via emitida (código ABCD-EFGH-JK23)")
        assert mostrado.endswith('<a href="abrir">Abrir</a> · <a href="imprimir">Imprimir (Ctrl+P)</a>')
        assert "JK23.pdf." in mostrado and "…" in mostrado  # o meio do caminho encurtado, o nome do arquivo fica
        plano = rotulo.toolTip()
        assert plano.startswith(texto) and "Imprimir (Ctrl+P)" in plano  # a mensagem inteira na dica
        assert rotulo.fontMetrics().horizontalAdvance(plano) > rotulo.contentsRect().width()
        assert rotulo.fontMetrics().horizontalAdvance(_sem_marcas(mostrado)) <= rotulo.contentsRect().width()
        rotulo.setText("")
        assert posicoes() == antes and rotulo.toolTip() == ""
    finally:
        fechar_principal(qtbot, janela)
