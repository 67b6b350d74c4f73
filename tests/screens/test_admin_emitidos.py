"""Aba Documentos emitidos: lista, filtro, cancelamento com motivo e verificação a partir da aba."""
import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.screens.administracao.emitidos import AbaEmitidos
from desktop.services import documentos
from desktop.services.auditoria import FiltrosDiario


@pytest.fixture
def emitidos(sessao_admin):
    primeiro = documentos.emitir_relatorio_diario(sessao_admin)
    segundo = documentos.emitir_relatorio_diario(sessao_admin, FiltrosDiario(usuario="admin"))
    return primeiro, segundo


@pytest.fixture
def aba(qtbot, sessao_admin, emitidos):
    w = AbaEmitidos(sessao_admin)
    qtbot.addWidget(w)
    w.resize(1200, 600)
    w.show()
    _pronta(qtbot, w)
    return w


def _pronta(qtbot, aba):
    """A lista é lida fora da thread da interface: espera a leitura chegar."""
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)


def _clicar_codigo(qtbot, aba, codigo):
    for i in range(aba.proxy.rowCount()):
        if aba.proxy.index(i, 6).data() == codigo:
            rect = aba.tabela.visualRect(aba.proxy.index(i, 0))
            qtbot.mouseClick(aba.tabela.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(codigo)


def test_lista_e_procura(qtbot, aba, emitidos):
    primeiro, segundo = emitidos
    assert aba.proxy.rowCount() == 2
    assert [aba.proxy.index(0, c).data() for c in (0, 1, 2, 5, 6, 7)] == [
        "Relatório do diário de auditoria", f"2/{segundo.ano}", "1ª", "admin", segundo.codigo, "Válido"]
    qtbot.keyClicks(aba.texto, primeiro.codigo[:9].lower())
    assert aba.proxy.rowCount() == 1 and aba.proxy.index(0, 6).data() == primeiro.codigo
    assert aba.contagem.text() == "1 de 2 documentos"


def test_cancelar_exige_motivo_e_marca_o_documento(qtbot, aba, emitidos, sessao_admin):
    primeiro, _ = emitidos
    _clicar_codigo(qtbot, aba, primeiro.codigo)
    qtbot.mouseClick(aba.botao_cancelar, Qt.MouseButton.LeftButton)
    dlg = aba.dialogo
    assert dlg.botao_voltar.text() == "Voltar"
    qtbot.keyClicks(dlg.motivo.edit, "errado")
    assert not dlg.botao_ok.isEnabled()
    assert "pelo menos 10 caracteres" in dlg.motivo.erro.text()
    qtbot.keyClicks(dlg.motivo.edit, ": periodo trocado")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    _pronta(qtbot, aba)

    doc = documentos.verificar_codigo(sessao_admin, primeiro.codigo)
    assert doc.situacao == "cancelado"
    assert doc.documento["motivo_cancelamento"] == "errado: periodo trocado"
    assert doc.documento["cancelado_por"] == "admin"
    diario = list(sessao_admin.db.query(
        "SELECT acao FROM diario WHERE tabela = 'documentos' AND registro_id = ? ORDER BY seq",
        [primeiro.id]))
    assert [d["acao"] for d in diario] == ["inserir", "alterar"]
    assert aba.selecionado()["codigo"] == primeiro.codigo
    assert not aba.botao_cancelar.isEnabled()
    assert "Motivo: errado: periodo trocado" in aba.detalhe.text()

    aba.situacao_filtro.setCurrentIndex(aba.situacao_filtro.findText("Cancelados"))
    aba.situacao_filtro.activated.emit(aba.situacao_filtro.currentIndex())
    _pronta(qtbot, aba)
    assert aba.proxy.rowCount() == 1 and aba.proxy.index(0, 7).data() == "Cancelado"


def test_verificar_a_partir_da_aba(qtbot, aba, emitidos):
    _, segundo = emitidos
    _clicar_codigo(qtbot, aba, segundo.codigo)
    qtbot.mouseClick(aba.botao_verificar, Qt.MouseButton.LeftButton)
    dlg = aba.verificador
    qtbot.waitUntil(dlg.isVisible)
    assert dlg.codigo.texto() == segundo.codigo
    qtbot.keyClick(dlg.codigo.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dlg.carregando, timeout=10000)  # verifica fora da thread da interface
    assert dlg.titulo.text() == "Documento autêntico"
    dlg.reject()


def test_clicar_no_cabecalho_ordena_por_numero(qtbot, aba, emitidos):
    primeiro, segundo = emitidos
    cab = aba.tabela.horizontalHeader()
    x = cab.sectionViewportPosition(1) + cab.sectionSize(1) // 2
    qtbot.mouseClick(cab.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, cab.height() // 2))
    ordem = [aba.proxy.index(i, 6).data() for i in range(2)]
    crescente = cab.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    qtbot.mouseClick(cab.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, cab.height() // 2))
    inversa = [aba.proxy.index(i, 6).data() for i in range(2)]
    numero_1_antes = [primeiro.codigo, segundo.codigo]
    assert ordem == (numero_1_antes if crescente else numero_1_antes[::-1])
    assert inversa == ordem[::-1]


def test_abrir_pdf_grava_os_bytes_emitidos_e_abre(qtbot, aba, emitidos, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    primeiro, _ = emitidos
    destino = tmp_path / "reimpresso.pdf"
    abertos = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(destino), "PDF (*.pdf)"))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: abertos.append(url.toLocalFile()))
    _clicar_codigo(qtbot, aba, primeiro.codigo)
    qtbot.mouseClick(aba.botao_abrir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(destino.exists, timeout=10000)  # o PDF é lido da base fora da thread da interface
    assert destino.read_bytes() == primeiro.pdf and abertos == [str(destino)]
    assert "idêntico ao emitido" in aba.situacao.text()


def test_substituido_aparece_na_situacao(qtbot, aba, emitidos, sessao_admin):
    from desktop.services import documentos_vias

    primeiro, _ = emitidos
    with sessao_admin.mudanca(None) as m:
        m.db.execute("UPDATE documentos SET assunto = 'teste:x' WHERE id = ?", [primeiro.id])
        documentos_vias.substituir_assunto(m, "teste", "fatos corrigidos no cadastro")
    aba.recarregar()
    _pronta(qtbot, aba)
    _clicar_codigo(qtbot, aba, primeiro.codigo)
    linha = next(i for i in range(aba.proxy.rowCount()) if aba.proxy.index(i, 6).data() == primeiro.codigo)
    assert aba.proxy.index(linha, 7).data() == "Substituído"
    assert "Substituído" in aba.detalhe.text() and "fatos corrigidos" in aba.detalhe.text()


def test_imprimir_o_documento_emitido_e_ctrl_p_pegam_o_selecionado(qtbot, aba, emitidos, tmp_path, monkeypatch):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from desktop.screens.widgets.impressao import documento_da_tela

    _, segundo = emitidos
    _clicar_codigo(qtbot, aba, segundo.codigo)
    assert aba.botao_imprimir.isEnabled()
    obtidos = []
    documento_da_tela(aba, obtidos.append)  # o Ctrl+P da janela imprime o selecionado, lido fora da interface
    qtbot.waitUntil(lambda: bool(obtidos), timeout=10000)
    assert obtidos == [segundo.pdf]
    saida = tmp_path / "impresso.pdf"

    def escolher_impressora_pdf(dialogo):  # o usuário escolhe "imprimir em arquivo" e confirma
        dialogo.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialogo.printer().setOutputFileName(str(saida))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", escolher_impressora_pdf)
    qtbot.mouseClick(aba.botao_imprimir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(aba, "tarefa_impressao", None) is not None, timeout=10000)
    tarefa = aba.tarefa_impressao
    with qtbot.waitSignal(tarefa.sig_concluida, timeout=20000) as sinal:
        pass
    assert sinal.args == [segundo.paginas]
    leitor = PdfReader(saida)
    assert len(leitor.pages) == segundo.paginas
    assert segundo.codigo in "".join(p.extract_text() for p in leitor.pages)
