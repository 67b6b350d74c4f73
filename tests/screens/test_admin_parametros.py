"""Aba Parâmetros: vigências (valor e tabela) pelo diálogo, gravadas com diário; feriados municipais."""
import json
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from desktop.screens.widgets import avisos
from desktop.screens.administracao.parametros import AbaParametros
from desktop.services import parametros
from desktop.screens.widgets.leitura import em_andamento
from tests.screens.apoio_janelas import esperar_gravacao
from tests.screens.apoio_tabelas import editar_celula, textos
from tests.screens.apoio_tela import estilo  # noqa: F401 — a folha de estilo da aplicação


@pytest.fixture
def aba(qtbot, sessao_admin):
    parametros.semear_padroes(sessao_admin)
    w = AbaParametros(sessao_admin)
    qtbot.addWidget(w)
    w.resize(1200, 760)
    w.show()
    _lido(qtbot)
    return w


def _lido(qtbot):
    """A aba lê fora da thread da interface: espera as leituras (e os seus callbacks) terminarem."""
    qtbot.waitUntil(lambda: em_andamento() == 0, timeout=10000)


def _clicar(qtbot, visao, proxy, texto, coluna=0):
    for i in range(proxy.rowCount()):
        if proxy.index(i, coluna).data() == texto:
            rect = visao.visualRect(proxy.index(i, coluna))
            qtbot.mouseClick(visao.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            _lido(qtbot)
            return
    raise AssertionError(f"{texto} não está na tabela")


def _abrir_nova(qtbot, aba, titulo):
    _clicar(qtbot, aba.definicoes, aba.proxy_definicoes, titulo)
    qtbot.mouseClick(aba.botao_nova, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(aba.dialogo.isVisible)
    return aba.dialogo


def test_vigencias_do_salario_minimo_em_reais(qtbot, aba):
    _clicar(qtbot, aba.definicoes, aba.proxy_definicoes, "Salário mínimo")
    primeira = [aba.proxy_vigencias.index(0, c).data() for c in range(5)]
    assert primeira == ["01/01/2026", "R$ 1.621,00", "Decreto 12.797/2025", "Ato lido", "Padrão do Paço"]
    alinhamento = aba.proxy_vigencias.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alinhamento & Qt.AlignmentFlag.AlignRight
    assert aba.faixas.isHidden()


def test_fonte_da_vigencia_por_extenso_sem_cortar(qtbot, estilo, aba):  # noqa: F811
    """A coluna "Fonte" diz em palavras de onde veio o valor: mostrava só 'S' ou 'V', e o que a sigla quer dizer
    estava só na dica (visto a 1366×768). O texto cabe na coluna; a dica segue com a sigla e a explicação."""
    from tests.screens.apoio_tela import cortadas

    aba.resize(1366 - 230, 768 - 60)
    _clicar(qtbot, aba.definicoes, aba.proxy_definicoes, "Alíquota do RPPS (servidor)")
    fonte = [c.titulo for c in aba.modelo_vigencias.colunas].index("Fonte")
    indice = aba.proxy_vigencias.index(0, fonte)
    assert indice.data() == "Fontes secundárias"
    assert indice.data(Qt.ItemDataRole.ToolTipRole) == "S: fontes secundárias concordantes"
    assert [c for c in cortadas(aba.vigencias) if c.startswith("Fonte:")] == []


def test_nova_vigencia_do_salario_minimo_pelo_dialogo(qtbot, aba, sessao_admin):
    dlg = _abrir_nova(qtbot, aba, "Salário mínimo")
    assert "Vigência mais recente: desde 01/01/2026 — R$ 1.621,00" in \
        dlg.form.itemAt(0, dlg.form.ItemRole.SpanningRole).widget().text()
    qtbot.keyClicks(dlg.inicio.edit, "01/01/2027")
    qtbot.keyClicks(dlg.valor.edit, "1.700,50")
    assert not dlg.botao_ok.isEnabled()  # falta o fundamento
    qtbot.keyClicks(dlg.fundamento.edit, "Decreto 13.000/2026")
    dlg.status.setCurrentIndex(dlg.status.findData("S"))
    assert dlg.botao_ok.isEnabled()
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    _lido(qtbot)

    vig = parametros.listar_vigencias(sessao_admin, "salario_minimo")[-1]
    assert (vig["inicio"], vig["valor"], vig["fundamento"], vig["status"], vig["origem"]) == (
        "2027-01-01", "1700.50", "Decreto 13.000/2026", "S", "usuario")
    linhas = list(sessao_admin.db.query(
        "SELECT usuario, acao, depois FROM diario WHERE tabela = 'parametros' AND registro_id = ?",
        [vig["id"]]))
    assert len(linhas) == 1 and linhas[0]["usuario"] == "admin" and linhas[0]["acao"] == "inserir"
    assert json.loads(linhas[0]["depois"])["valor"] == '"1700.50"'
    # a tela mostra a nova vigência no alto, em reais
    assert [aba.proxy_vigencias.index(0, c).data() for c in range(2)] == ["01/01/2027", "R$ 1.700,50"]
    assert aba.situacao.text() == "Vigência gravada: a partir de 01/01/2027."
    # na data, o valor em vigor é o novo
    assert parametros.vigente(sessao_admin, "salario_minimo", date(2027, 3, 1)).valor == \
        Decimal("1700.50")


def test_inicio_repetido_recusado_no_dialogo(qtbot, aba, sessao_admin):
    antes = len(parametros.listar_vigencias(sessao_admin, "salario_minimo"))
    dlg = _abrir_nova(qtbot, aba, "Salário mínimo")
    qtbot.keyClicks(dlg.inicio.edit, "01/01/2026")
    qtbot.keyClicks(dlg.valor.edit, "1.650,00")
    qtbot.keyClicks(dlg.fundamento.edit, "Decreto qualquer")
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    esperar_gravacao(qtbot, dlg)
    assert dlg.isVisible()
    assert "Já existe uma vigência de Salário mínimo começando em 01/01/2026" in dlg.rotulo_erro.text()
    assert len(parametros.listar_vigencias(sessao_admin, "salario_minimo")) == antes
    dlg.reject()


def test_nova_tabela_do_inss_a_partir_da_atual(qtbot, aba, sessao_admin):
    _clicar(qtbot, aba.definicoes, aba.proxy_definicoes, "Tabela do INSS (segurado empregado)")
    assert aba.faixas.isVisible()
    assert aba.proxy_faixas.index(0, 1).data() == "1.621,00"
    dlg = _abrir_nova(qtbot, aba, "Tabela do INSS (segurado empregado)")
    grade = dlg.editor.grade.visao  # a grade de entrada é a tabela comum: a faixa numerada, depois os valores
    assert textos(grade)[0] == ["1", "1.621,00", "7,5"]
    editar_celula(qtbot, grade, 0, 1, "1.700,00")
    editar_celula(qtbot, grade, 3, 1, "9.000,00", tecla=Qt.Key.Key_Return)
    qtbot.keyClicks(dlg.inicio.edit, "01/01/2027")
    qtbot.keyClicks(dlg.fundamento.edit, "EC 103/2019, art. 28; Portaria 1/2027")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    _lido(qtbot)
    vig = parametros.listar_vigencias(sessao_admin, "inss")[-1]
    assert vig["inicio"] == "2027-01-01"
    assert vig["valor"]["faixas"][0] == {"ate": "1700.00", "percentual": "7.5"}
    assert vig["valor"]["faixas"][3]["ate"] == "9000.00"


def test_tabela_com_faixa_fora_de_ordem_e_recusada(qtbot, aba, sessao_admin):
    dlg = _abrir_nova(qtbot, aba, "Tabela do INSS (segurado empregado)")
    editar_celula(qtbot, dlg.editor.grade.visao, 1, 1, "100,00")
    qtbot.keyClicks(dlg.inicio.edit, "01/01/2027")
    qtbot.keyClicks(dlg.fundamento.edit, "Portaria 1/2027")
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    esperar_gravacao(qtbot, dlg)
    assert dlg.isVisible() and dlg.rotulo_erro.text()
    assert parametros.listar_vigencias(sessao_admin, "inss")[-1]["inicio"] == "2026-01-01"
    dlg.reject()


def test_grade_de_faixas_pelo_teclado_e_numero_errado_apontado(qtbot, aba, sessao_admin):
    """A grade de faixas é a tabela comum: "Acrescentar faixa" abre a célula da faixa nova para digitar; o número
    que não se lê fica em vermelho com o motivo na dica e a gravação é recusada apontando a faixa; "Remover faixa"
    tira a escolhida."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QLineEdit

    from tests.screens.apoio_tabelas import ir_para

    antes = parametros.listar_vigencias(sessao_admin, "inss")[-1]
    dlg = _abrir_nova(qtbot, aba, "Tabela do INSS (segurado empregado)")
    grade = dlg.editor.grade.visao
    originais = textos(grade)
    assert [t[0] for t in originais] == ["1", "2", "3", "4"]
    qtbot.mouseClick(dlg.editor.botao_mais, Qt.MouseButton.LeftButton)
    editor = next(e for e in grade.viewport().findChildren(QLineEdit) if e.isVisibleTo(grade.viewport()))
    qtbot.keyClicks(editor, "12.000,00")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grade.state() == grade.State.NoState)
    editar_celula(qtbot, grade, 4, 2, "7,5x")
    assert textos(grade)[4] == ["5", "12.000,00", "7,5x"]
    celula = grade.model().index(4, 2)
    titulo = grade.model().headerData(2, Qt.Orientation.Horizontal)
    assert celula.data(Qt.ItemDataRole.ForegroundRole) == QColor("#b00020")
    assert celula.data(Qt.ItemDataRole.ToolTipRole).startswith(f"{titulo}: ")
    assert grade.model().index(4, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    qtbot.keyClicks(dlg.inicio.edit, "01/01/2027")
    qtbot.keyClicks(dlg.fundamento.edit, "Portaria 1/2027")
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    esperar_gravacao(qtbot, dlg)
    assert dlg.isVisible() and dlg.rotulo_erro.text().startswith(f"Faixa 5, {titulo}: "), dlg.rotulo_erro.text()
    ir_para(qtbot, grade, 4)
    qtbot.mouseClick(dlg.editor.botao_menos, Qt.MouseButton.LeftButton)
    assert textos(grade) == originais
    assert parametros.listar_vigencias(sessao_admin, "inss")[-1] == antes  # nada gravado
    dlg.reject()


def test_feriado_municipal_cadastrar_e_desativar(qtbot, aba, sessao_admin, monkeypatch):
    secao = aba.feriados
    aba.secoes.setCurrentWidget(secao)
    qtbot.mouseClick(secao.botao_novo, Qt.MouseButton.LeftButton)
    dlg = secao.dialogo
    qtbot.keyClicks(dlg.data.edit, "20/01/2027")
    qtbot.keyClicks(dlg.descricao.edit, "Dia do padroeiro ")
    dlg.descricao.edit.insert("São Sebastião")  # QTest só digita ASCII
    qtbot.mouseClick(dlg.anual, Qt.MouseButton.LeftButton)
    assert not dlg.anual.isChecked()
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    _lido(qtbot)
    feriados = parametros.listar_feriados_municipais(sessao_admin)
    assert [(f["data"], f["descricao"], f["anual"]) for f in feriados] == [
        ("2027-01-20", "Dia do padroeiro São Sebastião", 0)]
    assert [secao.proxy.index(0, c).data() for c in range(4)] == [
        "20/01/2027", "Dia do padroeiro São Sebastião", "Só em 2027", "Ativo"]
    assert not parametros.eh_dia_util(sessao_admin, date(2027, 1, 20))

    _clicar(qtbot, secao.tabela, secao.proxy, "20/01/2027")
    monkeypatch.setattr(avisos, "confirmar", lambda *a, **k: True)
    qtbot.mouseClick(secao.botao_desativar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: secao.tarefa is None, timeout=10000)  # grava fora da thread da interface
    _lido(qtbot)
    assert parametros.listar_feriados_municipais(sessao_admin) == []
    assert secao.proxy.rowCount() == 0
    qtbot.mouseClick(secao.mostrar_inativos, Qt.MouseButton.LeftButton)
    _lido(qtbot)
    assert secao.proxy.index(0, 3).data() == "Desativado"
    assert parametros.eh_dia_util(sessao_admin, date(2027, 1, 20))
    acoes = [r["acao"] for r in sessao_admin.db.query(
        "SELECT acao FROM diario WHERE tabela = 'feriados_municipais' ORDER BY seq")]
    assert acoes == ["inserir", "alterar"]


def test_tabelas_sem_mudanca_voltam_identicas(qtbot, aba, sessao_admin):
    """Abrir "Nova vigência" de cada tabela e gravar sem mexer nos valores grava o mesmo valor:
    a conversão para o formato brasileiro e de volta não perde nada (números, datas, letras,
    itens aninhados)."""
    tabelas = [d for d in parametros.listar_definicoes(sessao_admin) if d["tipo"] == "tabela"]
    assert {"inss", "irrf"} <= {d["nome"] for d in tabelas}
    for d in tabelas:
        anterior = parametros.listar_vigencias(sessao_admin, d["nome"])[-1]
        dlg = _abrir_nova(qtbot, aba, d["titulo"])
        qtbot.keyClicks(dlg.inicio.edit, "01/01/2030")
        qtbot.keyClicks(dlg.fundamento.edit, "Teste de ida e volta")
        with qtbot.waitSignal(dlg.accepted):
            qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
        _lido(qtbot)
        nova = parametros.listar_vigencias(sessao_admin, d["nome"])[-1]
        assert nova["inicio"] == "2030-01-01"
        assert nova["valor"] == anterior["valor"], d["nome"]


def test_tabela_de_itens_mostra_item_e_valor(qtbot, aba, sessao_admin):
    nomes = {d["nome"]: d for d in parametros.listar_definicoes(sessao_admin)}
    if "folha_geral" not in nomes:
        pytest.skip("o parâmetro folha_geral não está nos padrões")
    _clicar(qtbot, aba.definicoes, aba.proxy_definicoes, nomes["folha_geral"]["titulo"])
    assert aba.faixas.isVisible() and not aba.extras.isVisible()
    itens = {aba.proxy_faixas.index(i, 0).data(): aba.proxy_faixas.index(i, 1).data()
             for i in range(aba.proxy_faixas.rowCount())}
    assert itens["Dias do mês comercial"] == "30"
    assert itens["Fração do adiantamento do 13º"] == "0,5"


def test_matriz_editada_na_grade_de_dupla_entrada(qtbot, aba, sessao_admin):
    nomes = {d["nome"]: d for d in parametros.listar_definicoes(sessao_admin)}
    if "magisterio_anexo1" not in nomes:
        pytest.skip("o parâmetro magisterio_anexo1 não está nos padrões")
    anterior = parametros.listar_vigencias(sessao_admin, "magisterio_anexo1")[-1]["valor"]
    primeira_linha = next(iter(anterior))
    dlg = _abrir_nova(qtbot, aba, nomes["magisterio_anexo1"]["titulo"])
    assert dlg.editor.matriz
    grade = dlg.editor.grade.visao  # a tabela comum: a primeira coluna diz a linha da matriz
    assert textos(grade)[0][0] == "Nivel 1 20h"
    assert grade.model().headerData(1, Qt.Orientation.Horizontal) == "A"
    editar_celula(qtbot, grade, 0, 1, "1.310,00")  # maior que a classe B: a regra do Anexo I recusa
    qtbot.keyClicks(dlg.inicio.edit, "01/01/2031")
    qtbot.keyClicks(dlg.fundamento.edit, "Lei municipal de reajuste")
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    esperar_gravacao(qtbot, dlg)
    assert dlg.isVisible() and "deve ser maior que a classe A" in dlg.rotulo_erro.text()
    editar_celula(qtbot, grade, 0, 1, "301,00")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    _lido(qtbot)
    nova = parametros.listar_vigencias(sessao_admin, "magisterio_anexo1")[-1]["valor"]
    assert nova[primeira_linha]["A"] == "301.00"
    esperado = {k: dict(v) for k, v in anterior.items()}
    esperado[primeira_linha]["A"] = "301.00"
    assert nova == esperado


def test_nova_vigencia_do_anexo_i_mostra_todas_as_linhas(qtbot, aba, sessao_admin, estilo):
    """A 1366×768, com a folha de estilo, a grade do Anexo I (10 linhas) aparece inteira no diálogo: a 10ª linha ficava
    atrás do campo Fundamento — o diálogo abria com a altura mínima dos campos, menor que a que os textos que quebram
    linha pedem, e o formulário espremia a grade por baixo do campo seguinte."""
    from PySide6.QtWidgets import QApplication

    from tests.screens.apoio_tela import sobrepostos

    nomes = {d["nome"]: d for d in parametros.listar_definicoes(sessao_admin)}
    dlg = _abrir_nova(qtbot, aba, nomes["magisterio_anexo1"]["titulo"])
    QApplication.processEvents()
    grade = dlg.editor.grade.visao
    assert grade.model().rowCount() == 10
    ultima = grade.visualRect(grade.model().index(9, 0))
    assert ultima.bottom() <= grade.viewport().height() or grade.verticalScrollBar().isVisible(), (
        f"a 10ª linha termina em {ultima.bottom()} e a grade mostra {grade.viewport().height()}")
    campos = [dlg.form.itemAt(i, dlg.form.ItemRole.FieldRole).widget() for i in range(dlg.form.rowCount())]
    # a grade, não só o editor que a contém: espremido, o editor ficava no seu lugar e a grade vazava por baixo
    assert sobrepostos(dlg, [c for c in campos if c is not None] + [grade]) == []
    assert dlg.height() <= 720 and dlg.botao_ok.mapTo(dlg, dlg.botao_ok.rect().bottomLeft()).y() <= dlg.height()
