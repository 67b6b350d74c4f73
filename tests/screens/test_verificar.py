"""Diálogo Verificar documento: código digitado (tolerante), PDF escolhido ou arrastado."""
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.screens.documentos.verificar import DialogoVerificar
from desktop.services import documentos


@pytest.fixture
def emitido(sessao_admin, tmp_path):
    doc = documentos.emitir_relatorio_diario(sessao_admin)
    arquivo = tmp_path / "relatorio.pdf"
    arquivo.write_bytes(doc.pdf)
    return doc, arquivo


@pytest.fixture
def dialogo(qtbot, sessao_admin):
    d = DialogoVerificar(sessao_admin)
    qtbot.addWidget(d)
    d.show()
    return d


def _entrar_arrastando(dados):
    """QDragEnterEvent com ponto real (Qt 6.12+) ou inteiro (versões anteriores)."""
    try:
        return QDragEnterEvent(QPointF(10, 10), Qt.DropAction.CopyAction, dados,
                               Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    except TypeError:
        return QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, dados,
                               Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)


def _digitar_codigo(qtbot, d, texto):
    d.codigo.edit.clear()
    qtbot.keyClicks(d.codigo.edit, texto)
    qtbot.keyClick(d.codigo.edit, Qt.Key.Key_Return)
    _esperar(qtbot, d)


def _esperar(qtbot, d):
    """A verificação roda fora da thread da interface: espera a resposta chegar."""
    qtbot.waitUntil(lambda: not d.carregando, timeout=10000)


def test_codigo_em_minusculas_com_espacos_e_autentico(qtbot, dialogo, emitido):
    doc, _ = emitido
    assert not dialogo.botao_codigo.isEnabled()
    _digitar_codigo(qtbot, dialogo, " " + doc.codigo.lower().replace("-", " ") + " ")
    assert dialogo.verificacao.situacao == "autentico"
    assert dialogo.titulo.text() == "Documento autêntico"
    assert "#2e7d32" in dialogo.titulo.styleSheet()
    assert dialogo.simbolo.text() == "✔"
    assert dialogo.mensagem.text().startswith("Documento autêntico: Relatório do diário de auditoria nº 1/")
    dados = {dialogo.detalhes.itemAt(i, dialogo.detalhes.ItemRole.LabelRole).widget().text():
             dialogo.detalhes.itemAt(i, dialogo.detalhes.ItemRole.FieldRole).widget().text()
             for i in range(dialogo.detalhes.rowCount())}
    assert dados["Código:"] == doc.codigo
    assert dados["Emitido por:"] == "admin"
    assert dados["Número:"] == f"1/{doc.ano} — 1ª via"


def test_codigo_mal_digitado_avisa_ao_lado(qtbot, dialogo):
    qtbot.keyClicks(dialogo.codigo.edit, "ABCD-EFGH-IJK0")
    assert "Código de verificação inválido" in dialogo.codigo.erro.text()
    assert not dialogo.botao_codigo.isEnabled()
    assert dialogo.quadro.isHidden()


def test_codigo_inexistente_e_desconhecido(qtbot, dialogo, emitido):
    _digitar_codigo(qtbot, dialogo, "ZZZZ-ZZZZ-ZZZZ")
    assert dialogo.verificacao.situacao == "desconhecido"
    assert dialogo.titulo.text() == "Documento desconhecido"
    assert "#757575" in dialogo.titulo.styleSheet()
    assert "não consta no registro" in dialogo.mensagem.text()


def test_pdf_escolhido_autentico_depois_alterado(qtbot, dialogo, emitido, monkeypatch):
    _, arquivo = emitido
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(arquivo), "PDF"))
    qtbot.mouseClick(dialogo.botao_pdf, Qt.MouseButton.LeftButton)
    _esperar(qtbot, dialogo)
    assert dialogo.verificacao.situacao == "autentico"
    assert "O arquivo é idêntico ao que foi emitido" in dialogo.mensagem.text()
    assert "relatorio.pdf" in dialogo.mensagem.text()

    arquivo.write_bytes(arquivo.read_bytes().replace(b"Filtros", b"Filtrox", 1) + b"\n%alterado\n")
    qtbot.mouseClick(dialogo.botao_pdf, Qt.MouseButton.LeftButton)
    _esperar(qtbot, dialogo)
    assert dialogo.verificacao.situacao == "alterado"
    assert dialogo.titulo.text() == "Documento ALTERADO"
    assert "#c62828" in dialogo.titulo.styleSheet() and dialogo.simbolo.text() == "✖"


def test_cancelado_pelo_codigo_e_pelo_arquivo_arrastado(qtbot, dialogo, emitido, sessao_admin):
    doc, arquivo = emitido
    documentos.cancelar(sessao_admin, doc.codigo, "emitido com os filtros errados")
    _digitar_codigo(qtbot, dialogo, doc.codigo)
    assert dialogo.verificacao.situacao == "cancelado"
    assert dialogo.titulo.text() == "Documento CANCELADO"
    assert "emitido com os filtros errados" in dialogo.mensagem.text()

    dialogo.verificacao = None
    dados = QMimeData()
    dados.setUrls([QUrl.fromLocalFile(str(arquivo))])
    entrada = _entrar_arrastando(dados)
    QApplication.sendEvent(dialogo, entrada)
    assert entrada.isAccepted()
    soltar = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, dados,
                        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(dialogo, soltar)
    _esperar(qtbot, dialogo)
    assert dialogo.verificacao.situacao == "cancelado"
    assert dialogo.verificacao.por_arquivo


def test_arrastar_arquivo_que_nao_e_pdf_e_recusado(qtbot, dialogo, tmp_path):
    texto = tmp_path / "nota.txt"
    texto.write_text("oi")
    dados = QMimeData()
    dados.setUrls([QUrl.fromLocalFile(str(texto))])
    entrada = _entrar_arrastando(dados)
    QApplication.sendEvent(dialogo, entrada)
    assert not entrada.isAccepted()


def test_sem_login_importa_a_chave_e_confere_pdf_e_qr(qtbot, sessao_admin, emitido, tmp_path, monkeypatch):
    import re

    doc, arquivo = emitido
    chave = tmp_path / "orgao.pacochave"
    chave.write_bytes(documentos.exportar_chave_publica(sessao_admin))
    monkeypatch.setenv("PACO_DADOS", str(tmp_path / "outra-maquina"))  # outra instalação, chaveiro vazio
    d = DialogoVerificar(None)
    qtbot.addWidget(d)
    d.show()
    d.verificar_arquivo(arquivo)
    _esperar(qtbot, d)
    assert d.titulo.text() == "Chave desconhecida"
    d.importar_chave(chave)
    _esperar(qtbot, d)
    assert d.titulo.text() == "Chave importada" and "Secretaria Municipal de Educação" in d.mensagem.text()
    d.verificar_arquivo(arquivo)
    _esperar(qtbot, d)
    assert d.titulo.text() == "Documento autêntico" and "inalterado" in d.mensagem.text()
    rotulos = [d.detalhes.itemAt(i, d.detalhes.ItemRole.LabelRole).widget().text() for i in range(d.detalhes.rowCount())]
    assert "Emissor:" in rotulos and "Chave:" in rotulos
    qr = re.search(rb"paco-selo:(PACO1\.[A-Za-z0-9_.-]+)", doc.pdf).group(1).decode()
    _digitar_codigo(qtbot, d, qr)
    assert d.titulo.text() == "Documento autêntico" and "Confira se o papel" in d.mensagem.text()
    _digitar_codigo(qtbot, d, doc.codigo)
    assert d.titulo.text() == "Não foi possível verificar" and "Sem a base" in d.mensagem.text()
