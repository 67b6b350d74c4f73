"""Aba Diário: filtros, só metadados e hash (nunca o antes/depois), integridade e relatório em PDF."""
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.screens.administracao.diario import AbaDiario
from desktop.services import acesso, documentos
from tests.screens.apoio_tela import estilo  # noqa: F401 — a folha de estilo da aplicação


@pytest.fixture
def aba(qtbot, sessao_admin):
    acesso.criar_usuario(sessao_admin, login="maria", nome="Maria Souza", papel="folha_rh",
                         senha="provisoria1")
    w = AbaDiario(sessao_admin)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    _esperar(qtbot, w)
    return w


def _esperar(qtbot, aba):
    """A aba lê fora da thread da interface: espera a leitura mais nova chegar."""
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)


def _visiveis(aba):
    return aba.proxy.linhas_visiveis()


def _escolher(combo, texto):
    i = combo.findText(texto)
    assert i >= 0, f"{texto} não está na lista"
    combo.setCurrentIndex(i)


def test_filtros_por_tabela_usuario_periodo_e_texto(qtbot, aba, sessao_admin):
    total = sessao_admin.db.execute("SELECT count(*) FROM diario").fetchone()[0]
    assert len(_visiveis(aba)) == total
    assert aba.contagem.text() == f"{total} registros."

    _escolher(aba.tabela_filtro, "usuarios")
    qtbot.mouseClick(aba.botao_filtrar, Qt.MouseButton.LeftButton)
    _esperar(qtbot, aba)
    linhas = _visiveis(aba)
    assert linhas and {l["tabela"] for l in linhas} == {"usuarios"}

    qtbot.mouseClick(aba.botao_limpar, Qt.MouseButton.LeftButton)
    _esperar(qtbot, aba)
    id_maria = sessao_admin.db.execute("SELECT id FROM usuarios WHERE login = 'maria'").fetchone()[0]
    qtbot.keyClicks(aba.texto, id_maria[-10:])
    qtbot.keyClick(aba.texto, Qt.Key.Key_Return)
    _esperar(qtbot, aba)
    linhas = _visiveis(aba)
    assert len(linhas) == 1 and linhas[0]["acao"] == "inserir"

    # o texto não procura no conteúdo (seria um oráculo sobre ele): o nome da Maria não acha nada
    qtbot.mouseClick(aba.botao_limpar, Qt.MouseButton.LeftButton)
    _esperar(qtbot, aba)
    qtbot.keyClicks(aba.texto, "Maria Souza")
    qtbot.keyClick(aba.texto, Qt.Key.Key_Return)
    _esperar(qtbot, aba)
    assert _visiveis(aba) == []

    qtbot.mouseClick(aba.botao_limpar, Qt.MouseButton.LeftButton)
    _esperar(qtbot, aba)
    qtbot.keyClicks(aba.de.edit, "01/01/2000")
    qtbot.keyClicks(aba.ate.edit, "31/12/2000")
    qtbot.mouseClick(aba.botao_filtrar, Qt.MouseButton.LeftButton)
    _esperar(qtbot, aba)
    assert _visiveis(aba) == [] and aba.contagem.text() == "0 registros."
    aba.ate.edit.clear()
    qtbot.keyClicks(aba.ate.edit, date.today().strftime("%d/%m/%Y"))
    qtbot.keyClick(aba.ate.edit, Qt.Key.Key_Return)
    _esperar(qtbot, aba)
    assert len(_visiveis(aba)) == total

    _escolher(aba.usuario, "admin")
    qtbot.mouseClick(aba.botao_filtrar, Qt.MouseButton.LeftButton)
    _esperar(qtbot, aba)
    assert {l["usuario"] for l in _visiveis(aba)} == {"admin"}


def test_data_errada_avisa_e_nao_filtra(qtbot, aba):
    antes = len(_visiveis(aba))
    qtbot.keyClicks(aba.de.edit, "31/02/2026")
    assert aba.de.erro.text() == "Data inexistente: 31/02/2026."
    qtbot.mouseClick(aba.botao_filtrar, Qt.MouseButton.LeftButton)
    _esperar(qtbot, aba)
    assert "Data inexistente" in aba.situacao.text()
    assert len(_visiveis(aba)) == antes


def test_detalhe_mostra_o_hash_e_nunca_o_conteudo(qtbot, aba, sessao_admin):
    _escolher(aba.tabela_filtro, "usuarios")
    qtbot.mouseClick(aba.botao_filtrar, Qt.MouseButton.LeftButton)
    _esperar(qtbot, aba)
    rect = aba.tabela.visualRect(aba.proxy.index(0, 0))
    qtbot.mouseClick(aba.tabela.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    seq, hash_ = sessao_admin.db.execute(
        "SELECT seq, hash FROM diario WHERE tabela = 'usuarios' ORDER BY seq DESC LIMIT 1").fetchone()
    assert aba.detalhe.text() == f"Linha nº {seq} · hash SHA-256: {hash_}"
    assert not hasattr(aba, "antes") and not hasattr(aba, "depois")
    assert all("antes" not in l and "depois" not in l for l in _visiveis(aba))


def test_integridade_intacta_e_depois_adulterada(qtbot, aba, sessao_admin):
    qtbot.mouseClick(aba.botao_integridade, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "íntegro" in aba.resultado_integridade.text())
    n = sessao_admin.db.execute("SELECT count(*) FROM diario").fetchone()[0]
    # a verificação completa: corrente, âncoras de fora da base e tabelas de dados
    assert aba.resultado_integridade.text().startswith(
        f"✔ Diário íntegro: {n} registros conferidos, corrente de hashes intacta; 1 âncora conferida "
        "(1 no arquivo de chaves); ")
    assert aba.resultado_integridade.text().endswith("tabelas de dados conferem com o diário.")
    assert aba.botao_integridade.isEnabled()

    # alguém abre a base por fora e muda uma linha antiga
    sessao_admin.db.execute("DROP TRIGGER diario_sem_alterar")
    sessao_admin.db.execute("UPDATE diario SET usuario = 'intruso' WHERE seq = 2")
    qtbot.mouseClick(aba.botao_integridade, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ADULTERADO" in aba.resultado_integridade.text())
    assert "Diário, linha nº 2: a linha nº 2 foi alterada depois de gravada" in \
        aba.resultado_integridade.text()
    assert "#c62828" in aba.resultado_integridade.styleSheet()


def test_exportar_pdf_das_linhas_filtradas(qtbot, aba, sessao_admin, tmp_path, monkeypatch):
    destino = tmp_path / "saida" / "diario-usuarios"
    destino.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(destino), "PDF"))
    _escolher(aba.tabela_filtro, "usuarios")
    qtbot.mouseClick(aba.botao_filtrar, Qt.MouseButton.LeftButton)
    _esperar(qtbot, aba)
    filtradas = len(_visiveis(aba))
    qtbot.mouseClick(aba.botao_pdf, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "salvo em" in aba.situacao.text())
    arquivo = destino.with_name("diario-usuarios.pdf")
    assert arquivo.exists()
    texto = "\n".join(p.extract_text() for p in PdfReader(BytesIO(arquivo.read_bytes())).pages)
    assert "Relatório do diário de auditoria" in texto
    assert "tabela usuarios" in texto
    assert "Diário íntegro" in texto
    assert texto.count("usuarios") >= filtradas
    docs = documentos.listar_documentos(sessao_admin)
    assert len(docs) == 1 and docs[0]["codigo"] in aba.situacao.text()
    assert documentos.verificar_pdf(sessao_admin, arquivo).situacao == "autentico"


def test_colunas_inteiras_a_1366(qtbot, sessao_admin, estilo):
    """Na largura que a aba tem a 1366×768 (a janela menos a lista de módulos), com a folha de estilo, nenhuma coluna
    de texto curto sai com reticências e a tabela não rola na horizontal — antes o registro saía
    '01a23abf-0cca-7960-8f9a-dc2b6d10…' e o hash ficava fora, à direita. O nome de tabela mais longo do diário cabe
    mesmo fora das primeiras 200 linhas (as que a medida pelo conteúdo vê); o registro, o texto longo, pode sair cortado
    no meio e vai inteiro para a dica, como o hash."""
    from PySide6.QtWidgets import QApplication

    from desktop.store import diario, ids
    from tests.screens.apoio_tabelas import dica
    from tests.screens.apoio_tela import cortadas

    longa = "magisterio_complementar_contracheques"  # o nome de tabela mais longo das migrações
    with sessao_admin.db.conn:  # a mais antiga: fica depois das 200 linhas mais recentes
        diario.registrar(sessao_admin.db, usuario="secretaria", maquina="DESKTOP-7K2J9QF", versao="1", tabela=longa,
                         registro_id=ids.novo_id(), acao="alterar")
        for _ in range(250):
            diario.registrar(sessao_admin.db, usuario="admin", maquina="DESKTOP-7K2J9QF", versao="1",
                             tabela="sessoes", registro_id=f"{ids.novo_id()}:2021", acao="evento")
    w = AbaDiario(sessao_admin)
    qtbot.addWidget(w)
    w.resize(1366 - 230, 720 - 60)  # 230: a lista de módulos; 60: menu e barra de estado
    w.show()
    _esperar(qtbot, w)
    QApplication.processEvents()
    visao = w.tabela
    assert visao.model().rowCount() > 250 and longa in [visao.model().index(i, 5).data() for i in range(visao.model().rowCount())]
    assert [c for c in cortadas(visao) if not c.startswith("Registro")] == []
    cab = visao.horizontalHeader()
    assert visao.horizontalScrollBar().maximum() == 0, ([cab.sectionSize(i) for i in range(cab.count())], visao.viewport().width(), cab.length())
    registro = visao.model().index(0, 6).data()
    assert dica(visao, 0, 6) == registro and len(registro) == 41
    assert dica(visao, 0, 7).startswith("SHA-256: ") and len(dica(visao, 0, 7)) == len("SHA-256: ") + 64


def test_tabela_vai_ate_os_botoes_a_1366(qtbot, sessao_admin, estilo):  # noqa: F811
    """A 1366×768 ficavam ~150 pontos vazios embaixo da tabela: o hash da linha, o resultado da integridade e a
    mensagem da exportação guardavam o seu lugar (uma, duas e duas linhas) mesmo vazios, abaixo dos botões. Vazios,
    não ocupam nada: os botões ficam no pé da aba, logo abaixo da tabela; com mensagem, ela aparece acima dos
    botões, que não saem do lugar, e a tabela encolhe."""
    w = AbaDiario(sessao_admin)
    qtbot.addWidget(w)
    w.resize(1366 - 230, 720 - 60)  # 230: a lista de módulos; 60: menu e barra de estado
    w.show()
    _esperar(qtbot, w)
    qtbot.waitUntil(lambda: w.tabela.model().rowCount() > 0)

    def baixo(widget):
        return widget.mapTo(w, widget.rect().bottomLeft()).y()

    def topo(widget):
        return widget.mapTo(w, widget.rect().topLeft()).y()

    margem = w.layout().contentsMargins().bottom()
    assert w.height() - margem - baixo(w.botao_pdf) <= 2  # os botões no pé
    vazio = topo(w.botao_pdf) - baixo(w.tabela)
    assert vazio <= 2 * w.layout().spacing() + 2, vazio  # antes ~40 entre a tabela e os botões, ~100 embaixo deles
    altura, botoes = w.tabela.height(), topo(w.botao_pdf)

    w.tabela.selectRow(0)  # o hash da linha aparece acima dos botões
    qtbot.waitUntil(lambda: w.detalhe.isVisible())
    assert topo(w.botao_pdf) == botoes and w.tabela.height() < altura
    assert baixo(w.tabela) < topo(w.detalhe) and baixo(w.detalhe) < topo(w.botao_pdf)
    w.situacao.setText("Relatório nº 1/2026 salvo em /tmp/x.pdf.")
    qtbot.waitUntil(lambda: w.situacao.isVisible())
    assert baixo(w.detalhe) <= topo(w.situacao) and baixo(w.situacao) < topo(w.botao_pdf) == botoes
    w.situacao.clear()
    w.tabela.clearSelection()
    qtbot.waitUntil(lambda: not w.situacao.isVisible() and not w.detalhe.isVisible())
    qtbot.waitUntil(lambda: w.tabela.height() == altura)  # o layout refeito: a tabela volta ao pé
