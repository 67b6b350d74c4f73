"""Aba Lançamentos do mês: a grade da escola dirigida só pelo teclado (digitar edita, Tab anda, Enter confirma e
desce, Ctrl+S grava): a célula errada fica vermelha com o artigo e nada é gravado; corrigida, grava as faltas, as
horas noturnas e a rubrica avulsa de uma vez (conferido na base e na prévia, em centavos); sair da aba com
alterações pergunta e grava."""
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from desktop.screens.magisterio.lancamentos import (CHAVES, COL_AVULSAS, COL_DESCRICAO, COL_DIAS, COL_FUNDAMENTO,
                                                   COL_HORAS, COL_NOTURNAS)
from desktop.screens.magisterio.painel import PainelMagisterio
from desktop.services.magisterio import folha, historicos, lancamentos

from ..apoio_janelas import digitar, quando_modal
from ..apoio_tabelas import dica
from ..apoio_tela import cortadas, estilo  # noqa: F401 — estilo: a folha de estilo da aplicação

OUTUBRO = date(2026, 10, 1)  # 04/10/2026 é domingo; 06 a 08, terça a quinta
ACEITA = {"dias": "6-7", "horas": "8:2", "noturnas": "3", "avulsa_valor": "150,00", "avulsa_descricao": "Abono",
          "avulsa_fundamento": "Decreto 10/2026, art. 2", "avulsa_incidencias": "PI"}


def _editor(tabela):
    editores = [w for w in tabela.viewport().findChildren(QLineEdit) if w.isVisible()]
    return editores[0] if len(editores) == 1 else None


def _ir(tabela, linha: int, coluna: int) -> None:
    tabela.setCurrentIndex(tabela.model().index(linha, coluna))


def _texto(tabela, linha: int, coluna: int) -> str:
    return tabela.model().index(linha, coluna).data()


def _celula(qtbot, tabela, texto: str, tecla=Qt.Key.Key_Tab) -> None:
    """Digita na célula atual como o usuário: se o Tab anterior já abriu o editor desta célula, nele; senão a
    primeira tecla na tabela abre o editor. Depois, Tab (ou a ``tecla``; None: o editor fica aberto)."""
    editor = _editor(tabela)
    if editor is None:
        qtbot.keyClicks(tabela, texto[0])
        editor = _editor(tabela)
        assert editor is not None and editor.text() == texto[0]  # digitar abriu o editor
        texto = texto[1:]
    digitar(qtbot, editor, texto)
    if tecla is not None:
        qtbot.keyClick(editor, tecla)


def _grade_aberta(qtbot, sessao):
    painel = PainelMagisterio(sessao)
    qtbot.addWidget(painel)
    painel.resize(1280, 800)
    painel.show()
    aba = painel.lancamentos
    painel.abas.setCurrentWidget(aba)
    painel.activateWindow()
    qtbot.waitUntil(painel.isActiveWindow)
    qtbot.waitUntil(lambda: aba.escola.count() > 0)  # as escolas chegam da leitura em segundo plano
    return painel, aba


def test_grade_pelo_teclado_grava_tudo_e_pergunta_ao_sair(qtbot, sessao_demo):
    painel, aba = _grade_aberta(qtbot, sessao_demo)
    escola, servidor = next((aba.escola.itemData(i), g.servidor_id) for i in range(aba.escola.count())
                            for g in lancamentos.grade(sessao_demo, aba.escola.itemData(i), OUTUBRO)
                            if not g.dias and not lancamentos.conferir(sessao_demo, aba.escola.itemData(i), OUTUBRO,
                                                                       {"servidor_id": g.servidor_id} | ACEITA))
    aba.escola.setCurrentIndex(aba.escola.findData(escola))
    aba.competencia.edit.setFocus()
    aba.competencia.edit.selectAll()
    qtbot.keyClicks(aba.competencia.edit, "10/2026")
    qtbot.keyClick(aba.competencia.edit, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # &Carregar
    qtbot.waitUntil(lambda: aba.tabela.model().rowCount() > 0 and aba._carga == (escola, OUTUBRO), timeout=30000)
    r = next(i for i, l in enumerate(aba.linhas) if l.servidor_id == servidor)
    t = aba.tabela
    t.setFocus()
    _ir(t, r, COL_DIAS)

    _celula(qtbot, t, "4")  # domingo
    qtbot.waitUntil(lambda: (r, COL_DIAS) in aba.erros, timeout=30000)
    assert "domingo" in dica(t, r, COL_DIAS) and "Lei 1.613/2004, art. 34, §1º, I" in dica(t, r, COL_DIAS)
    fundo = t.model().index(r, COL_DIAS).data(Qt.ItemDataRole.BackgroundRole)
    assert fundo.name() == "#f8d7da" and "domingo" in aba.mensagem.text() and _texto(t, r, COL_DIAS) == "4"
    assert t.currentIndex().column() == COL_HORAS and not aba.botao_gravar.isEnabled()  # Tab andou; gravar travado
    qtbot.keyClick(t, Qt.Key.Key_Escape)
    qtbot.keyClick(t, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "vermelho" in aba.mensagem.text()
    assert historicos.itens(sessao_demo, "faltas", servidor) == []  # nada gravado com erro

    _ir(t, r, COL_DIAS)
    colunas = sorted(CHAVES)
    for c in colunas:
        assert t.currentIndex().column() == c
        _celula(qtbot, t, ACEITA[CHAVES[c]])
    qtbot.waitUntil(lambda: not aba.conferindo(), timeout=30000)
    assert aba.erros == {} and aba.botao_gravar.isEnabled()
    assert dica(t, r, COL_DIAS) == "6-7"  # sem erro: a dica é o próprio texto, sem a mensagem
    assert t.model().index(r, COL_DIAS).data(Qt.ItemDataRole.BackgroundRole) is None
    qtbot.keyClick(t, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Grade gravada" in aba.mensagem.text(), timeout=30000)
    assert aba.mensagem.text().startswith("Grade gravada: 3 falta(s), 1 lançamento(s) de horas noturnas, 1 rubrica")
    faltas = historicos.itens(sessao_demo, "faltas", servidor)
    assert [(f["data"].day, f["horas"], f["codigo"]) for f in faltas] == [(6, None, "FI"), (7, None, "FI"), (8, 2, "FI")]
    assert _texto(t, r, COL_DIAS) == "6, 7" and "+R$ 150,00 Abono" in _texto(t, r, COL_AVULSAS)

    cc = next(i.contracheque for i in folha.previa(sessao_demo, OUTUBRO).itens if i.contracheque.pessoa_id == servidor)
    por = {l.codigo: l for l in cc.linhas}
    assert int(por["060"].valor * 100) == 15000 and por["011"].quantidade == 3
    assert por["101"].quantidade == 2 and por["102"].quantidade == 2
    assert int(por["101"].valor * 100) == round(por["101"].base * 2 / 30 * 100)  # art. 34, §1º, I

    # alterar sem gravar e sair da aba: pergunta; "Gravar" grava e a troca de aba acontece depois
    t.setFocus()
    _ir(t, r, COL_NOTURNAS)
    _celula(qtbot, t, "5", Qt.Key.Key_Return)  # Enter confirma e desce
    qtbot.waitUntil(lambda: aba.alteradas == {r})
    assert t.currentIndex().row() == min(r + 1, t.model().rowCount() - 1)
    assert t.currentIndex().column() == COL_NOTURNAS
    quando_modal(lambda caixa: caixa.button(QMessageBox.StandardButton.Save).click(), tipo=QMessageBox)
    painel.abas.setCurrentWidget(painel.folha)
    qtbot.waitUntil(lambda: painel.abas.currentWidget() is painel.folha, timeout=30000)
    assert [str(n["horas"]) for n in historicos.itens(sessao_demo, "horas_noturnas", servidor)] == ["5"]
    assert not aba.alteradas


def test_linha_com_erro_trava_e_celula_de_horas_confere_o_dia(qtbot, sessao_demo):
    painel, aba = _grade_aberta(qtbot, sessao_demo)
    aba.competencia.definir_texto("10/2026")
    qtbot.mouseClick(aba.botao_carregar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.tabela.model().rowCount() > 0 or "Ninguém" in aba.mensagem.text(), timeout=30000)
    if not aba.tabela.model().rowCount():
        indice = next(i for i in range(aba.escola.count())
                      if lancamentos.grade(sessao_demo, aba.escola.itemData(i), "10/2026"))
        aba.escola.setCurrentIndex(indice)
        qtbot.mouseClick(aba.botao_carregar, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: aba.tabela.model().rowCount() > 0, timeout=30000)
    t = aba.tabela
    m = t.model()
    m.setData(m.index(0, COL_DIAS), "40")  # o mesmo caminho (setData) que a edição confirmada com Enter
    qtbot.waitUntil(lambda: (0, COL_DIAS) in aba.erros, timeout=30000)
    assert "Dia 40 não existe" in aba.erros[(0, COL_DIAS)] and not aba.botao_gravar.isEnabled()
    m.setData(m.index(0, COL_DIAS), "6")
    m.setData(m.index(0, COL_HORAS), "6:2")
    qtbot.waitUntil(lambda: (0, COL_HORAS) in aba.erros and not aba.conferindo(), timeout=30000)
    assert "um dia tem uma falta só" in aba.erros[(0, COL_HORAS)] and (0, COL_DIAS) not in aba.erros


def test_folha_mensal_abre_a_grade_na_mesma_competencia(qtbot, sessao_demo):
    painel = PainelMagisterio(sessao_demo)
    qtbot.addWidget(painel)
    painel.show()
    painel.abas.setCurrentWidget(painel.folha)
    painel.folha.definir_competencia(OUTUBRO)
    qtbot.mouseClick(painel.folha.botao_lancamentos, Qt.MouseButton.LeftButton)
    aba = painel.lancamentos
    assert painel.abas.currentWidget() is aba and aba.competencia.texto() == "10/2026"
    qtbot.waitUntil(lambda: aba._carga == (aba.escola.currentData(), OUTUBRO), timeout=30000)
    assert [l.servidor_id for l in aba.linhas] == [
        g.servidor_id for g in lancamentos.grade(sessao_demo, aba.escola.currentData(), OUTUBRO)]


def test_fechar_a_janela_com_a_grade_alterada_pergunta(qtbot, sessao_demo):
    """Fechar o programa (ou trocar de usuário) com linhas não gravadas pergunta como sair da aba: Cancelar
    deixa a janela aberta com a alteração; Descartar fecha sem gravar."""
    from desktop.screens.principal import JanelaPrincipal
    from desktop.services import acesso, demo

    from ..apoio_janelas import esperar_copia_diaria, fechar_principal

    caminho = sessao_demo.base.caminho
    sessao_demo.fechar()  # a janela abre a base como o programa: uma sessão por vez
    janela = JanelaPrincipal(acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO))
    qtbot.addWidget(janela)
    with qtbot.waitExposed(janela):
        janela.show()
    esperar_copia_diaria(qtbot, janela)
    janela.modulos.setCurrentRow(0)
    qtbot.waitUntil(lambda: "magisterio" in janela.paineis)
    painel = janela.paineis["magisterio"]
    aba = painel.lancamentos
    painel.abas.setCurrentWidget(aba)
    qtbot.waitUntil(lambda: aba.escola.count() > 0, timeout=30000)
    aba.definir_competencia(OUTUBRO)
    qtbot.waitUntil(lambda: aba.tabela.model().rowCount() > 0 and aba._carga is not None, timeout=30000)
    servidor = aba.linhas[0].servidor_id
    t = aba.tabela
    t.setFocus()
    _ir(t, 0, COL_NOTURNAS)
    _celula(qtbot, t, "2", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: aba.alteradas == {0})

    perguntas = []

    def _responder(botao):
        def _clicar(caixa):
            perguntas.append(caixa.text())
            caixa.button(botao).click()
        return _clicar

    quando_modal(_responder(QMessageBox.StandardButton.Cancel), tipo=QMessageBox)
    janela.close()
    qtbot.waitUntil(lambda: len(perguntas) == 1)
    assert janela.isVisible() and janela.sessao is not None and aba.alteradas == {0}  # Cancelar: nada fechou
    assert "1 linha(s) alterada(s) e não gravada(s)" in perguntas[0]

    quando_modal(_responder(QMessageBox.StandardButton.Discard), tipo=QMessageBox)
    fechar_principal(qtbot, janela)
    assert len(perguntas) == 2
    depois = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    try:
        assert historicos.itens(depois, "horas_noturnas", servidor) == []  # descartado: nada gravado
    finally:
        depois.fechar()


def _aba_a_1366(qtbot, sessao, escola: str | None = None, carregar: bool = True):
    """A aba Lançamentos do mês na largura que ela tem a 1366×768 (com a fixture ``estilo``), com a grade da escola
    (a primeira, sem ``escola``) carregada."""
    from PySide6.QtWidgets import QApplication

    painel = PainelMagisterio(sessao)
    qtbot.addWidget(painel)
    painel.resize(1366 - 230, 660)  # 230: a lista de módulos
    painel.show()
    aba = painel.lancamentos
    painel.abas.setCurrentWidget(aba)
    qtbot.waitUntil(lambda: aba.escola.count() > 0)
    if escola is not None:
        aba.escola.setCurrentIndex(aba.escola.findData(escola))
    if carregar:
        aba._on_carregar()
        qtbot.waitUntil(lambda: aba.tabela.model().rowCount() > 0, timeout=30000)
    QApplication.processEvents()
    return aba


def test_grade_cabe_sem_rolar_a_1366(qtbot, sessao_demo, estilo):
    """Com a folha de estilo (títulos em negrito, 11 pt), na largura que a aba tem a 1366×768, as onze colunas cabem
    sem rolagem horizontal — antes somavam 1.199 pontos para 1.116: 'Outras faltas' ficava fora e o servidor
    cortado. E continuam cabendo depois de digitar uma descrição e uma base legal longas nas colunas estreitas."""
    from PySide6.QtWidgets import QApplication

    aba = _aba_a_1366(qtbot, sessao_demo)
    t, cab = aba.tabela, aba.tabela.horizontalHeader()
    larguras = [cab.sectionSize(i) for i in range(cab.count())]
    assert t.horizontalScrollBar().maximum() == 0, larguras
    # Descrição e base legal longas, digitadas nas colunas estreitas: o editor cresce por cima das vizinhas só até a
    # borda da grade; confirmadas, nenhuma coluna alarga nem a grade rola — o texto sai com reticências e inteiro na dica
    descricao = "Diferença de enquadramento por titulação retroativa a março de 2026"
    base = "Decreto municipal 123/2026, art. 4º, parágrafo único, inciso II"
    t.setFocus()
    _ir(t, 0, COL_DESCRICAO)
    for texto, tecla in ((descricao, Qt.Key.Key_Tab), (base, Qt.Key.Key_Return)):
        _celula(qtbot, t, texto[:-1], tecla=None)
        editor = _editor(t)
        assert editor.geometry().right() < t.viewport().width() and editor.text() == texto[:-1]
        _celula(qtbot, t, texto[-1], tecla=tecla)
    qtbot.waitUntil(lambda: not aba.conferindo(), timeout=30000)
    QApplication.processEvents()
    assert [cab.sectionSize(i) for i in range(cab.count())] == larguras
    assert t.horizontalScrollBar().maximum() == 0
    assert t.fontMetrics().horizontalAdvance(descricao) > cab.sectionSize(COL_DESCRICAO)  # não cabe: reticências…
    assert (dica(t, 0, COL_DESCRICAO), dica(t, 0, COL_FUNDAMENTO)) == (descricao, base)  # …e o texto inteiro na dica


def test_avulsas_longas_nao_alargam_a_grade_a_1366(qtbot, sessao_demo, estilo):
    """As colunas só de leitura ('Avulsas lançadas', 'Outras faltas') alargavam pelo conteúdo (até ~36 letras):
    com duas rubricas avulsas de descrição longa já gravadas no mês, a grade passava da largura da aba a 1366×768 e
    rolava na horizontal, com o servidor cortado. Ficam na sua largura; o texto inteiro vai na dica."""
    from desktop.services.magisterio import cadastro

    escola = cadastro.listar_escolas(sessao_demo)[0]["id"]
    hoje = date.today()
    servidor = lancamentos.grade(sessao_demo, escola, hoje)[0].servidor_id
    for descricao in ("Abono de permanência retroativo a março", "Diferença de enquadramento por titulação"):
        lancamentos.gravar_grade(sessao_demo, escola, hoje, [{
            "servidor_id": servidor, "avulsa_valor": "150", "avulsa_descricao": descricao,
            "avulsa_fundamento": "Decreto municipal 123/2026, art. 4º", "avulsa_incidencias": "PI"}])
    [avulsas] = [g.avulsas for g in lancamentos.grade(sessao_demo, escola, hoje) if g.servidor_id == servidor]
    assert len(avulsas) > 80
    aba = _aba_a_1366(qtbot, sessao_demo, escola)
    cab = aba.tabela.horizontalHeader()
    assert aba.tabela.horizontalScrollBar().maximum() == 0, str([cab.sectionSize(i) for i in range(cab.count())])
    assert [c for c in cortadas(aba.tabela) if c.startswith("Servidor")] == []
    [linha] = [i for i in range(aba.tabela.model().rowCount())
               if aba.tabela.model().index(i, COL_AVULSAS).data() == avulsas]
    assert dica(aba.tabela, linha, COL_AVULSAS) == avulsas


def test_escola_inteira_no_combo_a_1366(qtbot, sessao_demo, estilo):
    """O combo da escola ficava com dois terços da sobra da linha (o outro terço, um espaço vazio à direita do
    Carregar) e 'Centro Municipal de Educação Infantil Pequeno Príncipe' saía cortado no meio de uma letra. Agora
    fica com a sobra toda e o nome mais longo cabe, na largura da aba a 1366×768 com a folha de estilo."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    combo = _aba_a_1366(qtbot, sessao_demo, carregar=False).escola
    longa = max((combo.itemText(i) for i in range(combo.count())), key=combo.fontMetrics().horizontalAdvance)
    combo.setCurrentIndex(combo.findText(longa))
    opcao = QStyleOptionComboBox()
    combo.initStyleOption(opcao)
    texto = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opcao,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    assert combo.fontMetrics().horizontalAdvance(longa) <= texto.width(), (longa, texto.width())


def test_sem_aviso_a_grade_vem_logo_abaixo_da_nota_a_1366(qtbot, sessao_demo, estilo):
    """Sem aviso (competência aberta), a grade começa logo abaixo da nota: o aviso vazio guardava duas linhas (~40
    pontos de vazio sem motivo a 1366×768). Com a competência fechada, o aviso aparece inteiro e a grade desce; os
    botões de baixo ficam no lugar (a grade é que encolhe)."""
    from PySide6.QtWidgets import QApplication, QLabel

    aba = _aba_a_1366(qtbot, sessao_demo)
    [nota] = [r for r in aba.findChildren(QLabel) if r.text().startswith("Faltas injustificadas")]
    espaco = aba.layout().spacing()
    assert aba.aviso.text() == ""
    vazio = aba.tabela.geometry().top() - nota.geometry().bottom() - 1
    assert vazio <= 2 * espaco, (vazio, espaco)
    botao = aba.botao_gravar.mapTo(aba, aba.botao_gravar.rect().topLeft())
    aviso = "A competência 10/2026 está fechada: o que se gravar aqui entra na folha da competência seguinte."
    aba.mostrar(aba.linhas, aviso, aba._carga)
    QApplication.processEvents()
    assert aba.aviso.isVisible() and aba.aviso.height() >= aba.aviso.heightForWidth(aba.aviso.width())
    assert aba.tabela.geometry().top() > aba.aviso.geometry().bottom()
    assert aba.botao_gravar.mapTo(aba, aba.botao_gravar.rect().topLeft()) == botao


def test_nome_mais_longo_da_demonstracao_inteiro_a_1366(qtbot, sessao_demo, estilo):
    """Com a demonstração de 300 servidores, 'Patrícia Coutinho Moitinho' saía 'Patrícia Coutinho Moiti…' sob o X a
    1366×768: as outras dez colunas tinham larguras fixas maiores que os seus títulos e o servidor ficava com a
    sobra. Elas ficam na largura do título medido (em duas linhas, em negrito) e do texto: o servidor com o nome
    mais longo daquela demonstração (29 letras) sai inteiro, sem rolar na horizontal."""
    from desktop.services.magisterio import cadastro

    escola = cadastro.listar_escolas(sessao_demo)[0]["id"]
    servidor = lancamentos.grade(sessao_demo, escola, date.today())[0].servidor_id
    cadastro.alterar(sessao_demo, servidor, nome="Rosângela Santana Bittencourt")
    aba = _aba_a_1366(qtbot, sessao_demo, escola)
    cab = aba.tabela.horizontalHeader()
    assert aba.tabela.horizontalScrollBar().maximum() == 0, [cab.sectionSize(i) for i in range(cab.count())]
    assert cortadas(aba.tabela) == [], [(cab.model().headerData(i, Qt.Orientation.Horizontal), cab.sectionSize(i), cab.sectionSizeHint(i)) for i in range(cab.count())]

