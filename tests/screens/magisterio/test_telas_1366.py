"""Telas do Magistério a 1366×768 (a tela dos notebooks velhos dos usuários, janela maximizada): com a folha de
estilo da aplicação e o painel do tamanho que ele tem na janela (menos a lista de módulos, o menu e a barra de
estado), nada de texto cortado com reticências nas colunas."""
import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.screens.magisterio.painel import PainelMagisterio
from tests.screens.apoio_tela import cortadas, estilo  # noqa: F401 — a folha de estilo da aplicação

LARGURA, ALTURA = 1366 - 230, 768 - 60  # 230: a lista de módulos; 60: menu e barra de estado


def _painel(qtbot, sessao):
    p = PainelMagisterio(sessao)
    qtbot.addWidget(p)
    p.resize(LARGURA, ALTURA)
    p.show()
    return p


def test_servidores_sem_colunas_cortadas(qtbot, sessao_demo, estilo):  # noqa: F811
    """A escola saía 'Escola Municipal Santos Du…' com o nome, o cargo e a situação de hoje em colunas mais largas
    que o que mostram (250, 140 e 230 pontos fixos), e 'Nível Especial · classe F · 20 h', que chega depois da
    lista, saía cortado. Agora só o nome de escola mais longo da demonstração ('Centro Municipal de Educação
    Infantil Pequeno Príncipe') não cabe, e sai cortado no meio, com o fim que distingue as escolas (e inteiro na
    dica); as outras colunas inteiras, sem rolar na horizontal."""
    painel = _painel(qtbot, sessao_demo)
    aba = painel.servidores
    qtbot.waitUntil(lambda: not aba.carregando, timeout=15000)
    QApplication.processEvents()
    visao = aba.tabela
    situacoes = {visao.model().index(i, 5).data() for i in range(visao.model().rowCount())}
    assert "calculando…" not in situacoes and any(s.startswith("Nível ") for s in situacoes)
    assert [c for c in cortadas(visao) if not c.startswith("Escola")] == []
    assert visao.horizontalScrollBar().maximum() == 0
    escolas = {visao.model().index(i, 3).data() for i in range(visao.model().rowCount())}
    assert visao.columnWidth(3) >= 240  # antes, 227
    # o que a célula pinta (o texto cortado no modo da tabela, na largura da coluna menos as margens) termina como o
    # nome da escola: 'Escola Municipal…Fazenda Boa Vista', não 'Escola Municipal Fazenda B…'
    pintado = {e: visao.fontMetrics().elidedText(e, visao.textElideMode(), visao.columnWidth(3) - 12) for e in escolas}
    assert any("…" in p for p in pintado.values())
    assert [p for e, p in pintado.items() if not p.endswith(e[-12:])] == []



def test_escolas_com_o_nome_inteiro(qtbot, sessao_demo, estilo):  # noqa: F811
    """O nome mais longo ('Centro Municipal de Educação Infantil Pequeno Príncipe') saía 'Pequeno Prínc…' com a
    sobra da largura indo para 'Desde' (uma data): a escola é que estica."""
    painel = _painel(qtbot, sessao_demo)
    aba = painel.escolas
    painel.abas.setCurrentWidget(aba)
    qtbot.waitUntil(lambda: aba.tabela.model().rowCount() > 0, timeout=15000)
    QApplication.processEvents()
    assert cortadas(aba.tabela) == []
    assert aba.tabela.horizontalScrollBar().maximum() == 0


def _linhas_a_vista(visao) -> int:
    """Quantas linhas inteiras a tabela mostra sem rolar."""
    return visao.viewport().height() // visao.verticalHeader().defaultSectionSize()


def test_folha_mensal_fechada_cabe_com_a_lista_e_o_contracheque(qtbot, sessao_demo, estilo):  # noqa: F811
    """Competência fechada, um servidor escolhido: a lista, o contracheque, os seis botões e o quadro dos emitidos
    empilhados passavam da altura (a janela crescia além da tela) e a lista não mostrava nenhuma linha inteira, o
    contracheque uma; o Líquido só se via rolando para o lado. Agora o contracheque, as pendências e os emitidos são
    abas embaixo da lista, os botões ficam numa linha e todas as colunas da lista cabem."""
    from datetime import date

    from desktop.services.magisterio import folha

    competencia = date(2026, 10, 1)
    folha.fechar(sessao_demo, competencia, aceitar_pendencias=True)
    painel = _painel(qtbot, sessao_demo)
    aba = painel.folha
    painel.abas.setCurrentWidget(aba)
    aba.definir_competencia(competencia)
    qtbot.waitUntil(lambda: not aba.carregando and aba.modelo.rowCount() > 0, timeout=15000)
    aba.tabela.selectRow(0)
    QApplication.processEvents()
    assert painel.minimumSizeHint().height() <= ALTURA
    assert painel.height() == ALTURA
    visao = aba.tabela
    assert visao.horizontalScrollBar().maximum() == 0  # Proventos, Descontos e Líquido à vista
    assert [c for c in cortadas(visao) if not c.startswith("Lotação")] == []
    assert _linhas_a_vista(visao) >= 6
    assert aba.detalhe.currentWidget() is aba.tabela_rubricas
    assert _linhas_a_vista(aba.tabela_rubricas) >= 5
    assert "Contracheque de " in aba.detalhe.tabText(0).replace("&", "")
    barra = aba.documentos
    botoes = [barra.botao_contracheque, barra.botao_lote, barra.botao_analitica, barra.botao_csv, barra.botao_banco,
              barra.botao_esocial]
    assert all(b.isVisible() and b.isEnabled() for b in botoes)
    assert len({b.y() for b in botoes}) == 1  # numa linha só
    assert all(b.geometry().bottom() < barra.height() for b in botoes)
    # os documentos emitidos da competência, na terceira aba (Alt+I), que só existe com a competência fechada
    assert aba.detalhe.count() == 3 and aba.detalhe.widget(2) is barra.emitidos
    qtbot.keyClick(aba.tabela, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(barra.emitidos.isVisible)
    aba.definir_competencia(date(2026, 12, 1))
    qtbot.waitUntil(lambda: not aba.carregando)
    assert aba.detalhe.count() == 2 and not barra.emitidos.isVisible()
    assert aba.detalhe.currentWidget() is aba.tabela_rubricas


def test_ficha_funcional_mostra_todas_as_abas_sem_rolar(qtbot, sessao_demo, estilo):  # noqa: F811
    """Com a aba 'Horas noturnas' as treze abas da ficha (1320 pontos de largura) passavam da barra: a última,
    'Documentos emitidos' (onde se reabre e reimprime o histórico), saía 'Docume…' atrás das setas de rolar. Agora
    se chama 'Emitidos' (o nome longo na dica; Alt+M) e todas aparecem inteiras."""
    from desktop.screens.magisterio.ficha import DialogoFicha, ler_abertura
    from desktop.services.magisterio import cadastro

    servidor = cadastro.listar_servidores(sessao_demo)[0]["id"]
    dlg = DialogoFicha(sessao_demo, ler_abertura(sessao_demo, servidor))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)  # os atalhos de Alt valem na janela ativa
    barra = dlg.abas.tabBar()
    assert dlg.width() <= 1366 and dlg.abas.count() == 13
    assert sum(barra.tabSizeHint(i).width() for i in range(barra.count())) <= dlg.abas.width()
    assert all(barra.tabRect(i).right() <= barra.width() for i in range(barra.count()))
    emitidos = dlg.abas.indexOf(dlg.pagina_emitidos)
    assert dlg.abas.tabText(emitidos) == "E&mitidos" and "Documentos emitidos" in dlg.abas.tabToolTip(emitidos)
    dlg.abas.setCurrentIndex(1)  # numa aba de histórico (Alt+E é o 'Encerrar…' dela), Alt+M vai aos emitidos
    qtbot.keyClick(dlg.abas.currentWidget(), Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert dlg.abas.currentWidget() is dlg.pagina_emitidos


def test_folha_mensal_cada_atalho_de_alt_aperta_um_botao_so(qtbot, sessao_demo, estilo, tmp_path,  # noqa: F811
                                                            salvar_em, monkeypatch):
    """Na Folha mensal com a competência fechada, as letras de Alt dos botões, das abas de baixo e dos menus da janela
    não se repetem: 'Contracheque do &servidor', 'C&SV' e 'e&Social' eram todos Alt+S (o Alt só passava o foco de um
    para outro), 'Folha &analítica' era o Alt+A do menu Arquivo e 'Lança&mentos' o Alt+M do menu Módulos. E Alt+L
    emite a folha analítica de fato (o 'Salvar como' respondido pelo teste): o PDF sai registrado."""
    from datetime import date

    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QPushButton

    from desktop.screens.principal import JanelaPrincipal
    from desktop.services.magisterio import folha

    from ..apoio_janelas import esperar_copia_diaria, fechar_principal

    competencia = date(2026, 10, 1)
    folha.fechar(sessao_demo, competencia, aceitar_pendencias=True)
    janela = JanelaPrincipal(sessao_demo)
    qtbot.addWidget(janela)
    janela.resize(1366, 720)
    with qtbot.waitExposed(janela):
        janela.show()
    esperar_copia_diaria(qtbot, janela)
    try:
        painel = janela.paineis["magisterio"]
        aba = painel.folha
        painel.abas.setCurrentWidget(aba)
        aba.definir_competencia(competencia)
        qtbot.waitUntil(lambda: not aba.carregando and aba.modelo.rowCount() > 0, timeout=15000)
        aba.tabela.selectRow(0)

        def letra(texto: str) -> str:
            return QKeySequence.mnemonic(texto).toString().lower()

        letras = [letra(a.text()) for a in janela.menuBar().actions()]
        letras += [letra(b.text()) for b in aba.findChildren(QPushButton) if b.isVisible() and "&" in b.text()]
        letras += [letra(aba.detalhe.tabText(i)) for i in range(aba.detalhe.count())]
        repetidas = sorted({x for x in letras if letras.count(x) > 1})
        assert repetidas == [], letras
        monkeypatch.setattr("desktop.screens.widgets.emissao.abrir_arquivo", lambda _c: None)
        destino = tmp_path / "analitica.pdf"
        salvar_em.append(destino)
        janela.activateWindow()
        qtbot.waitUntil(janela.isActiveWindow)  # os atalhos de Alt valem na janela ativa
        qtbot.keyClick(aba.tabela, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: aba.documentos.ultimo_arquivo == destino, timeout=30000)
        texto = " ".join((p.extract_text() or "") for p in pypdf.PdfReader(str(destino)).pages[:1])
        assert "Folha analítica" in " ".join(texto.split())
    finally:
        fechar_principal(qtbot, janela)


def test_nenhuma_aba_do_magisterio_repete_letra_de_alt(qtbot, sessao_demo, estilo):  # noqa: F811
    """Em cada aba do Magistério, na janela principal, as letras de Alt dos botões, rótulos e abas à vista e dos menus
    não se repetem — com letra repetida o Qt não aperta nenhum. Antes: Tabelas e reajuste tinha '&Mostrar tabela'
    (o Alt+M do menu Módulos), '&Aplicar a partir de…' (o Alt+A do menu Arquivo) e '&Conferir folha complementar'
    com 'Arquivo do ban&co da complementar'; o Simulador, '&Acrescentar' (Alt+A)."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget

    from desktop.screens.principal import JanelaPrincipal

    from ..apoio_janelas import esperar_copia_diaria, fechar_principal

    def letra(texto: str) -> str:
        return QKeySequence.mnemonic(texto).toString().lower()

    janela = JanelaPrincipal(sessao_demo)
    qtbot.addWidget(janela)
    janela.resize(1366, 720)
    with qtbot.waitExposed(janela):
        janela.show()
    esperar_copia_diaria(qtbot, janela)
    repetidas = {}
    try:
        painel = janela.paineis["magisterio"]
        menus = [letra(a.text()) for a in janela.menuBar().actions()]
        for i in range(painel.abas.count()):
            painel.abas.setCurrentIndex(i)
            aba = painel.abas.currentWidget()
            QApplication.processEvents()
            textos = [b.text() for b in aba.findChildren(QAbstractButton) if b.isVisible()]
            textos += [r.text() for r in aba.findChildren(QLabel) if r.isVisible() and r.buddy() is not None]
            textos += [t.tabText(k) for t in aba.findChildren(QTabWidget) if t.isVisible() for k in range(t.count())]
            letras = menus + [letra(t) for t in textos if letra(t)]
            if (dup := sorted({x for x in letras if letras.count(x) > 1})):
                repetidas[painel.abas.tabText(i)] = dup
        assert repetidas == {}
    finally:
        fechar_principal(qtbot, janela)


def test_ficha_funcional_nenhuma_aba_repete_letra_de_alt(qtbot, sessao_demo, estilo):  # noqa: F811
    """Na ficha funcional, em cada aba, as letras de Alt do que está à vista não se repetem. Antes, na aba dos
    emitidos, 'Dados de &pagamento' e o 'Reim&primir' do histórico emitido eram os dois Alt+P."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from desktop.screens.magisterio.ficha import DialogoFicha, ler_abertura
    from desktop.services.magisterio import cadastro

    def letra(texto: str) -> str:
        return QKeySequence.mnemonic(texto).toString().lower()

    servidor = cadastro.listar_servidores(sessao_demo)[0]["id"]
    dlg = DialogoFicha(sessao_demo, ler_abertura(sessao_demo, servidor))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    repetidas = {}
    for i in range(dlg.abas.count()):
        dlg.abas.setCurrentIndex(i)
        QApplication.processEvents()
        textos = [b.text() for b in dlg.findChildren(QAbstractButton) if b.isVisible()]
        textos += [r.text() for r in dlg.findChildren(QLabel) if r.isVisible() and r.buddy() is not None]
        textos += [dlg.abas.tabText(k) for k in range(dlg.abas.count())]
        letras = [letra(t) for t in textos if letra(t)]
        if (dup := sorted({x for x in letras if letras.count(x) > 1})):
            repetidas[dlg.abas.tabText(i)] = dup
    assert repetidas == {}
