"""Aba Diário: filtros, só metadados e hash (nunca o antes/depois), integridade e relatório em PDF."""
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.screens.administracao.diario import AbaDiario
from desktop.services import acesso, documentos


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
