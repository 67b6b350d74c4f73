"""widgets.tabela como grade de entrada, pelo teclado: ``planilha=True`` (digitar edita, Enter confirma e desce, Tab e
Shift+Tab andam), ``Coluna.pode_editar``, ``Coluna.erro`` (fundo vermelho e a mensagem na dica), ``linha_mudou``,
``confirmar_edicao`` (Ctrl+S no meio da digitação), a coluna de ``opcoes`` e a edição com a tabela ordenada.

As teclas vão ao widget com o foco (``QApplication.focusWidget()``), como as do teclado de verdade: a primeira na
tabela abre o editor, as seguintes caem nele."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QVBoxLayout, QWidget

from desktop.screens.widgets.tabela import Coluna, Lista

from .apoio_tabelas import ir_para

P = Qt.ItemDataRole
EDITANDO = QAbstractItemView.State.EditingState
AREAS = {"educacao": "Profissional de educação", "especifica": "Profissional da área"}


def _guardar(chave):
    return lambda linha, texto: linha.__setitem__(chave, texto)


def _linhas():
    return [{"id": i, "nome": nome, "a": "", "b": "", "c": "", "area": "educacao"}
            for i, nome in enumerate(["Caio", "Ana", "Bia"])]


def _colunas(**extra_a):
    """Nome (só se lê), A, B e C (editáveis)."""
    return [Coluna("Nome", lambda r: r["nome"]),
            Coluna("A", lambda r: r["a"], editar=_guardar("a"), **extra_a),
            Coluna("B", lambda r: r["b"], editar=_guardar("b")),
            Coluna("C", lambda r: r["c"], editar=_guardar("c"))]


def _aberta(qtbot, colunas, linhas, **kw) -> tuple[QWidget, Lista]:
    janela = QWidget()
    qtbot.addWidget(janela)
    lista = Lista(colunas, janela, **kw)
    lista.definir_linhas(linhas)
    lay = QVBoxLayout(janela)
    lay.addWidget(lista.visao)
    lay.addWidget(QLineEdit(janela))  # o campo seguinte: aonde o Tab iria se saísse da tabela
    janela.resize(700, 300)
    janela.show()
    janela.activateWindow()
    qtbot.waitUntil(janela.isActiveWindow)
    lista.visao.setFocus()
    return janela, lista


def _teclar(qtbot, texto: str) -> None:
    """Digita ``texto`` no widget com o foco, tecla por tecla (a tabela, até o editor abrir; depois, o editor)."""
    for ch in texto:
        qtbot.keyClicks(QApplication.focusWidget(), ch)


def _tecla(qtbot, tecla, modificador=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), tecla, modificador)


def _onde(visao) -> tuple[int, int]:
    return visao.currentIndex().row(), visao.currentIndex().column()


def _editor(visao) -> QLineEdit | None:
    foco = QApplication.focusWidget()
    return foco if visao.state() == EDITANDO and visao.isAncestorOf(foco) else None


def _fechado(qtbot, visao) -> None:
    """O Qt entrega o editor ao modelo e o fecha na volta seguinte do laço de eventos."""
    qtbot.waitUntil(lambda: visao.state() != EDITANDO)


def test_digitar_numa_celula_edita_e_grava_no_dado_da_linha(qtbot):
    linhas = _linhas()
    _, lista = _aberta(qtbot, _colunas(), linhas, planilha=True)
    t = lista.visao
    ir_para(qtbot, t, 1, 1)
    qtbot.keyClicks(t, "7")  # sem F2 nem Enter: a tecla abre o editor e entra nele
    editor = _editor(t)
    assert isinstance(editor, QLineEdit) and editor.text() == "7"
    _teclar(qtbot, "5,3")
    assert editor.text() == "75,3" and linhas[1]["a"] == ""  # ainda no editor
    _tecla(qtbot, Qt.Key.Key_Return)
    _fechado(qtbot, t)
    assert linhas[1]["a"] == "75,3" and [r["a"] for r in linhas] == ["", "75,3", ""]
    assert t.model().index(1, 1).data() == "75,3"
    ir_para(qtbot, t, 1, 0)
    qtbot.keyClicks(t, "x")  # a coluna só de leitura não abre editor
    assert t.state() != EDITANDO and linhas[1]["nome"] == "Ana"


def test_fora_da_planilha_digitar_nao_edita(qtbot):
    """Sem ``planilha``, a grade de entrada edita com F2/Enter/duplo clique; a tecla comum só procura (o Qt)."""
    linhas = _linhas()
    _, lista = _aberta(qtbot, _colunas(), linhas)
    ir_para(qtbot, lista.visao, 1, 1)
    qtbot.keyClicks(lista.visao, "7")
    assert lista.visao.state() != EDITANDO and linhas[1]["a"] == ""


def test_enter_confirma_e_desce_na_mesma_coluna(qtbot):
    linhas = _linhas()
    _, lista = _aberta(qtbot, _colunas(), linhas, planilha=True)
    t = lista.visao
    ir_para(qtbot, t, 0, 2)
    _teclar(qtbot, "10")
    _tecla(qtbot, Qt.Key.Key_Return)
    _fechado(qtbot, t)
    assert _onde(t) == (1, 2) and linhas[0]["b"] == "10"
    _teclar(qtbot, "20")  # já na linha de baixo: digitar continua
    _tecla(qtbot, Qt.Key.Key_Enter)  # o Enter do teclado numérico também
    _fechado(qtbot, t)
    assert _onde(t) == (2, 2) and [r["b"] for r in linhas] == ["10", "20", ""]
    t.setCurrentIndex(t.model().index(0, 3))
    qtbot.keyClick(t, Qt.Key.Key_Return)  # fora do editor, Enter só desce
    assert _onde(t) == (1, 3) and t.state() != EDITANDO
    ir_para(qtbot, t, 2, 3)
    qtbot.keyClick(t, Qt.Key.Key_Return)  # na última linha, fica
    assert _onde(t) == (2, 3) and [r["c"] for r in linhas] == ["", "", ""]


def test_tab_anda_para_a_proxima_coluna_editavel_e_shift_tab_volta(qtbot):
    linhas = _linhas()
    _, lista = _aberta(qtbot, _colunas(), linhas, planilha=True)
    t = lista.visao
    ir_para(qtbot, t, 1, 1)
    _teclar(qtbot, "1")
    _tecla(qtbot, Qt.Key.Key_Tab)  # confirma A e abre o editor de B
    qtbot.waitUntil(lambda: _onde(t) == (1, 2) and _editor(t) is not None)
    _teclar(qtbot, "2")
    _tecla(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _onde(t) == (1, 3) and _editor(t) is not None)
    _teclar(qtbot, "3")
    _tecla(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # confirma C e volta a B, editando
    qtbot.waitUntil(lambda: _onde(t) == (1, 2) and _editor(t) is not None)
    assert (linhas[1]["a"], linhas[1]["b"], linhas[1]["c"]) == ("1", "2", "3")
    assert _editor(t).text() == "2"  # o editor de B abre com o valor gravado
    _tecla(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _onde(t) == (1, 1))
    _tecla(qtbot, Qt.Key.Key_Escape)  # Esc desiste sem mudar nada
    _fechado(qtbot, t)
    assert [(r["a"], r["b"], r["c"]) for r in linhas] == [("", "", ""), ("1", "2", "3"), ("", "", "")]
    qtbot.keyClick(t, Qt.Key.Key_Tab)  # fora do editor, Tab também anda pelas células (não sai da tabela)
    assert _onde(t) == (1, 2) and t.hasFocus()
    qtbot.keyClick(t, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _onde(t) == (1, 1) and t.hasFocus()


def test_pode_editar_falso_nao_abre_editor(qtbot):
    linhas = _linhas()
    linhas[1]["a"] = "fixo"
    _, lista = _aberta(qtbot, _colunas(pode_editar=lambda r: r["nome"] != "Ana"), linhas, planilha=True)
    t = lista.visao
    ir_para(qtbot, t, 1, 1)
    for abrir in (lambda: qtbot.keyClicks(t, "9"), lambda: qtbot.keyClick(t, Qt.Key.Key_F2),
                  lambda: qtbot.mouseDClick(t.viewport(), Qt.MouseButton.LeftButton,
                                            pos=t.visualRect(t.currentIndex()).center())):
        abrir()
        assert t.state() != EDITANDO and not t.viewport().findChildren(QLineEdit)
    assert linhas[1]["a"] == "fixo" and t.model().index(1, 1).data() == "fixo"
    assert not t.model().flags(t.model().index(1, 1)) & Qt.ItemFlag.ItemIsEditable
    ir_para(qtbot, t, 1, 2)  # a outra coluna da mesma linha continua editável…
    _teclar(qtbot, "4")
    assert _editor(t) is not None
    _tecla(qtbot, Qt.Key.Key_Escape)
    ir_para(qtbot, t, 2, 1)  # …e a mesma coluna nas outras linhas
    _teclar(qtbot, "8")
    _tecla(qtbot, Qt.Key.Key_Return)
    _fechado(qtbot, t)
    assert [r["a"] for r in linhas] == ["", "fixo", "8"]


def test_erro_pinta_o_fundo_e_poe_a_mensagem_na_dica_ate_o_valor_ficar_valido(qtbot):
    linhas = _linhas()

    def erro(r):
        return None if not r["a"] or r["a"].isdigit() else f"'{r['a']}' não é um número de dias"

    _, lista = _aberta(qtbot, _colunas(erro=erro, dica=lambda r: "dias de falta"), linhas, planilha=True)
    t, m = lista.visao, lista.visao.model()
    assert m.index(0, 1).data(P.BackgroundRole) is None and m.index(0, 1).data(P.ToolTipRole) == "dias de falta"
    ir_para(qtbot, t, 0, 1)
    _teclar(qtbot, "3x")
    _tecla(qtbot, Qt.Key.Key_Return)
    _fechado(qtbot, t)
    assert m.index(0, 1).data(P.BackgroundRole) == QColor("#f8d7da")
    assert m.index(0, 1).data(P.ToolTipRole) == "'3x' não é um número de dias"  # a mensagem no lugar da dica
    for outra in (m.index(1, 1), m.index(0, 0), m.index(0, 2)):  # só a célula errada
        assert outra.data(P.BackgroundRole) is None
    assert m.index(0, 0).data(P.ToolTipRole) == "Caio"
    ir_para(qtbot, t, 0, 1)
    _teclar(qtbot, "12")  # digitar por cima troca o valor
    _tecla(qtbot, Qt.Key.Key_Return)
    _fechado(qtbot, t)
    assert linhas[0]["a"] == "12"
    assert m.index(0, 1).data(P.BackgroundRole) is None and m.index(0, 1).data(P.ToolTipRole) == "dias de falta"


def test_linha_mudou_redesenha_o_erro_conferido_depois(qtbot):
    """O erro que chega depois (a conferência em segundo plano) aparece com ``linha_mudou``: o sinal cobre a linha
    inteira e chega à visão (pelo proxy) na posição em que a linha está."""
    linhas = _linhas()
    erros: dict[int, str] = {}
    colunas = _colunas(erro=lambda r: erros.get(r["id"]))
    _, lista = _aberta(qtbot, colunas, linhas, planilha=True)
    lista.visao.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Ana, Bia, Caio
    m = lista.visao.model()
    erros[2] = "dia 4 é domingo"  # Bia: linha 2 do modelo, 1 na tela
    with qtbot.waitSignal(m.dataChanged) as sinal:
        lista.modelo.linha_mudou(2)
    inicio, fim = sinal.args[0], sinal.args[1]
    assert (inicio.row(), fim.row()) == (1, 1) and (inicio.column(), fim.column()) == (0, 3)
    assert m.index(1, 1).data(P.BackgroundRole) == QColor("#f8d7da") and m.index(1, 1).data(P.ToolTipRole) == \
        "dia 4 é domingo"
    lista.proxy.definir_texto("domingo")  # o texto de busca da linha não guarda o antigo
    assert lista.proxy.rowCount() == 0
    linhas[2]["a"] = "domingo"
    lista.modelo.linha_mudou(2)
    assert [r["nome"] for r in lista.proxy.linhas_visiveis()] == ["Bia"]


def test_confirmar_edicao_grava_o_editor_aberto_no_ctrl_s(qtbot):
    linhas = _linhas()
    janela, lista = _aberta(qtbot, _colunas(), linhas, planilha=True)
    t = lista.visao
    gravados = []

    def _on_salvar():
        lista.confirmar_edicao()
        gravados.append([r["b"] for r in lista.linhas()])

    QShortcut(QKeySequence.StandardKey.Save, janela, context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
              activated=_on_salvar)
    ir_para(qtbot, t, 2, 2)
    _teclar(qtbot, "42")
    editor = _editor(t)
    assert editor is not None and editor.text() == "42"
    _tecla(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # no meio da digitação
    assert gravados == [["", "", "42"]]  # o que a gravação leu já tem a célula digitada
    assert t.state() != EDITANDO and _onde(t) == (2, 2)  # fechou o editor sem descer
    lista.confirmar_edicao()  # sem editor aberto: nada
    assert [r["b"] for r in linhas] == ["", "", "42"] and t.state() != EDITANDO


def test_confirmar_edicao_fora_da_planilha(qtbot):
    """A grade que edita com F2 (sem ``planilha``) também: o editor aberto entra."""
    linhas = _linhas()
    _, lista = _aberta(qtbot, _colunas(), linhas)
    t = lista.visao
    ir_para(qtbot, t, 0, 3)
    qtbot.keyClick(t, Qt.Key.Key_F2)
    _teclar(qtbot, "Rua A")
    lista.confirmar_edicao()
    assert linhas[0]["c"] == "Rua A" and t.state() != EDITANDO


def test_coluna_de_opcoes_mostra_o_rotulo_e_grava_a_chave(qtbot):
    linhas = _linhas()
    colunas = [Coluna("Nome", lambda r: r["nome"]),
               Coluna("Área", lambda r: AREAS[r["area"]], editar=_guardar("area"), opcoes=AREAS)]
    _, lista = _aberta(qtbot, colunas, linhas, ordenavel=False)
    t = lista.visao
    assert t.model().index(1, 1).data() == "Profissional de educação"
    linhas[2]["area"] = "especifica"
    ir_para(qtbot, t, 2, 1)
    qtbot.keyClick(t, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox) and t.isAncestorOf(combo)
    assert [combo.itemText(i) for i in range(combo.count())] == list(AREAS.values())
    assert combo.currentText() == "Profissional da área"  # abre no valor da linha
    ir_para(qtbot, t, 1, 1)
    qtbot.keyClick(t, Qt.Key.Key_Return)  # Enter abre o editor (fora da planilha)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox) and combo.currentText() == "Profissional de educação"
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # escolher já vale, sem Enter
    _fechado(qtbot, t)
    assert linhas[1]["area"] == "especifica"  # a chave, não o rótulo
    assert t.model().index(1, 1).data() == "Profissional da área"
    assert [r["area"] for r in linhas] == ["educacao", "especifica", "especifica"]


def test_ordenar_pelo_cabecalho_nao_troca_a_linha_editada(qtbot):
    linhas = _linhas()  # Caio, Ana, Bia
    _, lista = _aberta(qtbot, _colunas(), linhas, planilha=True)
    t = lista.visao
    cab = t.horizontalHeader()
    qtbot.mouseClick(cab.viewport(), Qt.MouseButton.LeftButton, pos=_meio(cab, 0))  # ordena pelo nome
    assert [r["nome"] for r in lista.proxy.linhas_visiveis()] == ["Ana", "Bia", "Caio"]
    t.setFocus()
    ir_para(qtbot, t, 0, 1)  # a primeira na tela: Ana (a segunda dos dados)
    _teclar(qtbot, "5")
    _tecla(qtbot, Qt.Key.Key_Return)  # Enter desce para a de baixo na tela: Bia
    _fechado(qtbot, t)
    _teclar(qtbot, "6")
    _tecla(qtbot, Qt.Key.Key_Return)
    _fechado(qtbot, t)
    assert {r["nome"]: r["a"] for r in linhas} == {"Caio": "", "Ana": "5", "Bia": "6"}
    assert lista.proxy.linha_origem(t.currentIndex())["nome"] == "Caio"
    qtbot.mouseClick(cab.viewport(), Qt.MouseButton.LeftButton, pos=_meio(cab, 0))  # agora decrescente
    assert [r["nome"] for r in lista.proxy.linhas_visiveis()] == ["Caio", "Bia", "Ana"]
    t.setFocus()
    ir_para(qtbot, t, 0, 2)  # Caio
    _teclar(qtbot, "7")
    _tecla(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _editor(t) is not None and _onde(t) == (0, 3))
    _tecla(qtbot, Qt.Key.Key_Escape)
    assert {r["nome"]: (r["a"], r["b"]) for r in linhas} == {"Caio": ("", "7"), "Ana": ("5", ""), "Bia": ("6", "")}


def _meio(cab, secao) -> QPoint:
    return QPoint(cab.sectionViewportPosition(secao) + cab.sectionSize(secao) // 2, cab.height() // 2)


def test_tab_pula_as_celulas_que_nao_se_editam(qtbot):
    """Tab e Shift+Tab vão à próxima (ou anterior) célula em que se digita, pulando as só de leitura e as de
    ``pode_editar`` falso, passando de uma linha à outra e dando a volta na tabela. Antes o Tab parava na coluna
    só de leitura (nos Lançamentos do mês, depois de "Incide" vinham "Avulsas já lançadas", "Outras faltas",
    "Servidor" e "Matrícula": cinco Tabs até a próxima célula de digitar, e o que se digitava ali se perdia)."""
    linhas = _linhas()
    colunas = [Coluna("Nome", lambda r: r["nome"]),
               Coluna("A", lambda r: r["a"], editar=_guardar("a")),
               Coluna("Já lançado", lambda r: "R$ 0,00"),
               Coluna("B", lambda r: r["b"], editar=_guardar("b"), pode_editar=lambda r: r["nome"] != "Ana"),
               Coluna("Obs.", lambda r: "")]
    _, lista = _aberta(qtbot, colunas, linhas, planilha=True)
    t = lista.visao
    ir_para(qtbot, t, 0, 1)
    _teclar(qtbot, "1")
    _tecla(qtbot, Qt.Key.Key_Tab)  # pula "Já lançado"
    qtbot.waitUntil(lambda: _onde(t) == (0, 3) and _editor(t) is not None)
    _teclar(qtbot, "2")
    _tecla(qtbot, Qt.Key.Key_Tab)  # pula "Obs." e o "Nome" da linha de baixo
    qtbot.waitUntil(lambda: _onde(t) == (1, 1) and _editor(t) is not None)
    _teclar(qtbot, "3")
    _tecla(qtbot, Qt.Key.Key_Tab)  # B de Ana não se edita: vai à linha de Bia
    qtbot.waitUntil(lambda: _onde(t) == (2, 1) and _editor(t) is not None)
    _tecla(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # e volta pulando as mesmas
    qtbot.waitUntil(lambda: _onde(t) == (1, 1) and _editor(t) is not None)
    _tecla(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _onde(t) == (0, 3) and _editor(t) is not None)
    _tecla(qtbot, Qt.Key.Key_Escape)
    _fechado(qtbot, t)
    assert [(r["a"], r["b"]) for r in linhas] == [("1", "2"), ("3", ""), ("", "")]
    qtbot.keyClick(t, Qt.Key.Key_Tab)  # fora do editor também
    assert _onde(t) == (1, 1) and t.state() != EDITANDO
    ir_para(qtbot, t, 2, 3)
    qtbot.keyClick(t, Qt.Key.Key_Tab)  # da última, dá a volta
    assert _onde(t) == (0, 1)
    qtbot.keyClick(t, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _onde(t) == (2, 3)


def test_tab_sem_celula_de_digitar_anda_como_antes(qtbot):
    """Sem nenhuma célula editável (a matriz só de leitura, sem permissão de editar), o Tab anda célula a célula."""
    linhas = _linhas()
    _, lista = _aberta(qtbot, _colunas(pode_editar=lambda r: False)[:2], linhas, planilha=True)
    t = lista.visao
    ir_para(qtbot, t, 0, 0)
    qtbot.keyClick(t, Qt.Key.Key_Tab)
    assert _onde(t) == (0, 1)
    qtbot.keyClick(t, Qt.Key.Key_Tab)
    assert _onde(t) == (1, 0)
    qtbot.keyClick(t, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _onde(t) == (0, 1)


def test_planilha_guarda_a_celula_ao_reler_as_linhas(qtbot):
    """Na planilha a seleção é de uma célula: ``selecionada`` é a linha dela, ``definir_linhas`` (p.ex. a grade relida
    depois do Ctrl+S) volta à mesma célula — pela chave, mesmo que a linha mude de posição — e digitar continua ali;
    ``remover_selecionada`` tira a linha da célula. Antes ``selecionada`` era None (o Qt só conta linha selecionada
    com todas as colunas), a grade relida ficava sem célula atual e as teclas não faziam nada."""
    linhas = _linhas()
    _, lista = _aberta(qtbot, _colunas(), linhas, planilha=True, ordenavel=False)
    t = lista.visao
    ir_para(qtbot, t, 2, 2)
    assert lista.selecionada()["nome"] == "Bia"
    relidas = [dict(linhas[2]), dict(linhas[0]), dict(linhas[1])]  # Bia, Caio, Ana
    assert lista.definir_linhas(relidas)
    assert _onde(t) == (0, 2) and lista.selecionada() is relidas[0]
    _teclar(qtbot, "9")
    _tecla(qtbot, Qt.Key.Key_Return)
    _fechado(qtbot, t)
    assert relidas[0]["b"] == "9" and _onde(t) == (1, 2)
    assert lista.selecionar(1) and _onde(t) == (2, 2)  # Ana, na mesma coluna
    assert lista.remover_selecionada()["nome"] == "Ana"
    assert [r["nome"] for r in lista.linhas()] == ["Bia", "Caio"] and _onde(t) == (1, 2)
    assert lista.selecionada()["nome"] == "Caio"


def test_enter_fora_da_planilha_abre_a_celula_que_se_edita_nesta_linha(qtbot):
    """Na grade que edita com Enter (sem ``planilha``), Enter abre a célula atual se ela se edita nesta linha, senão a
    primeira que se edita (``pode_editar``) — antes ia à coluna atual por ter ``editar`` e não abria nada."""
    linhas = _linhas()
    _, lista = _aberta(qtbot, _colunas(pode_editar=lambda r: r["nome"] != "Ana"), linhas)
    t = lista.visao
    ir_para(qtbot, t, 1, 1)  # A de Ana não se edita
    qtbot.keyClick(t, Qt.Key.Key_Return)
    assert _onde(t) == (1, 2) and _editor(t) is not None  # abre B
    _teclar(qtbot, "4")
    _tecla(qtbot, Qt.Key.Key_Return)
    _fechado(qtbot, t)
    assert (linhas[1]["a"], linhas[1]["b"]) == ("", "4")
    ir_para(qtbot, t, 0, 1)
    qtbot.keyClick(t, Qt.Key.Key_Return)  # na linha de Caio, a própria A
    assert _onde(t) == (0, 1) and _editor(t) is not None


def test_opcoes_abre_no_valor_quando_a_celula_mostra_a_chave(qtbot):
    """Se a coluna mostra a chave (``M``) e não o rótulo, a lista abre nela; sair com Tab não troca o valor (antes
    abria na primeira opção e o Tab gravava ``F``)."""
    linhas = [{"id": 1, "nome": "Caio", "sexo": "M"}]
    sexos = {"F": "Feminino", "M": "Masculino"}
    colunas = [Coluna("Nome", lambda r: r["nome"], editar=_guardar("nome")),
               Coluna("Sexo", lambda r: r["sexo"], editar=_guardar("sexo"), opcoes=sexos)]
    _, lista = _aberta(qtbot, colunas, linhas)
    t = lista.visao
    ir_para(qtbot, t, 0, 1)
    qtbot.keyClick(t, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox) and combo.currentText() == "Masculino"
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not isinstance(QApplication.focusWidget(), QComboBox))
    assert linhas[0]["sexo"] == "M"


def test_linha_mudou_nao_apaga_o_que_se_digita_na_mesma_linha(qtbot):
    """A conferência da célula anterior chega (``linha_mudou``) enquanto se digita a seguinte na mesma linha: o
    editor aberto fica com o que se digitou. O Qt 6 reescreve com o valor do modelo o editor de qualquer célula que
    um ``dataChanged`` cubra: o "12" virava "" (nos Lançamentos do mês, a conferência das faltas chegando enquanto se
    digitavam as horas)."""
    linhas = _linhas()
    erros: dict[int, str] = {}
    _, lista = _aberta(qtbot, _colunas(erro=lambda r: erros.get(r["id"])), linhas, planilha=True)
    t = lista.visao
    ir_para(qtbot, t, 0, 1)
    _teclar(qtbot, "4")
    _tecla(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _onde(t) == (0, 2) and _editor(t) is not None)
    _teclar(qtbot, "12")
    erros[0] = "dia 4 é domingo"
    lista.modelo.linha_mudou(0)
    assert _editor(t).text() == "12" and t.model().index(0, 1).data(P.BackgroundRole) == QColor("#f8d7da")
    _tecla(qtbot, Qt.Key.Key_Return)
    _fechado(qtbot, t)
    assert (linhas[0]["a"], linhas[0]["b"]) == ("4", "12")


def test_ctrl_tab_troca_de_aba_em_vez_de_andar_na_planilha(qtbot):
    """Ctrl+Tab e Ctrl+Shift+Tab trocam a aba do QTabWidget em que a planilha está, como em qualquer outro campo —
    a planilha (Tab anda pelas células) os tomava como Tab e o cursor só andava de célula. Com o editor aberto, o que
    se digitou entra na célula antes de trocar de aba."""
    from PySide6.QtWidgets import QTabWidget

    linhas = _linhas()
    abas = QTabWidget()
    qtbot.addWidget(abas)
    pagina = QWidget()
    lista = Lista(_colunas(), pagina, planilha=True)
    lista.definir_linhas(linhas)
    QVBoxLayout(pagina).addWidget(lista.visao)
    abas.addTab(pagina, "Grade")
    abas.addTab(QLineEdit(), "Outra")
    abas.addTab(QLineEdit(), "Terceira")
    abas.resize(700, 300)
    abas.show()
    abas.activateWindow()
    qtbot.waitUntil(abas.isActiveWindow)
    t = lista.visao
    ir_para(qtbot, t, 0, 1)
    _tecla(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert abas.currentIndex() == 1 and _onde(t) == (0, 1)
    abas.setCurrentIndex(0)
    t.setFocus()
    # Ctrl+Shift+Tab chega como Backtab com Ctrl e Shift; da primeira aba, volta à última
    _tecla(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert abas.currentIndex() == 2 and _onde(t) == (0, 1)
    abas.setCurrentIndex(0)
    ir_para(qtbot, t, 1, 1)
    _teclar(qtbot, "42")
    assert _editor(t) is not None
    _tecla(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    _fechado(qtbot, t)
    assert abas.currentIndex() == 1 and linhas[1]["a"] == "42" and _onde(t) == (1, 1)
