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
    qtbot.waitUntil(lambda: aba.ultimo_arquivo == destino, timeout=10000)  # lido e gravado fora da interface
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


def test_reabrir_grava_fora_da_interface_e_identico_ao_guardado(qtbot, aba, emitidos, sessao_admin, tmp_path,
                                                                monkeypatch):
    """O documento reaberto pode ser o lote de 3.000 contracheques (11 MB): gravá-lo na thread da interface parava a
    janela 35-60 ms (issue 16). Ele é gravado numa thread de trabalho, e o arquivo é o guardado, byte a byte."""
    import hashlib
    import threading
    from pathlib import Path

    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    _, segundo = emitidos
    pasta = tmp_path / "pen"
    pasta.mkdir()
    destino = pasta / "reaberto.pdf"
    gravado_em, abertos = [], []
    escrever = Path.write_bytes

    def _registrar_a_thread(caminho, dados):
        gravado_em.append(threading.get_ident())
        return escrever(caminho, dados)

    monkeypatch.setattr(Path, "write_bytes", _registrar_a_thread)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(destino), "PDF (*.pdf)"))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: abertos.append(url.toLocalFile()))
    _clicar_codigo(qtbot, aba, segundo.codigo)
    qtbot.mouseClick(aba.botao_abrir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.ultimo_arquivo == destino, timeout=10000)
    assert gravado_em and threading.get_ident() not in gravado_em  # nenhuma gravação na thread da interface
    sha = sessao_admin.db.execute("SELECT sha256 FROM documentos WHERE id = ?", [segundo.id]).fetchone()[0]
    assert hashlib.sha256(destino.read_bytes()).hexdigest() == sha  # idêntico ao guardado na emissão
    assert abertos == [str(destino)] and "idêntico ao emitido" in aba.situacao.text()
    assert sorted(p.name for p in pasta.iterdir()) == [destino.name]  # sem o provisório


def test_disco_cheio_ao_reabrir_deixa_o_arquivo_de_antes_e_avisa(qtbot, aba, emitidos, tmp_path, monkeypatch):
    """Disco cheio (ou pen-drive retirado) no meio da gravação: o arquivo que já tinha o nome fica inteiro, o
    provisório não sobra, e o usuário lê em português o que houve e onde, e que o documento continua na base — em
    vez de a exceção subir na thread da interface."""
    from pathlib import Path

    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    from desktop.screens.widgets import avisos

    primeiro, _ = emitidos
    pasta = tmp_path / "pen"
    pasta.mkdir()
    destino = pasta / "reaberto.pdf"
    destino.write_bytes(b"%PDF-1.4\n% o de antes\n")
    mostrados, abertos = [], []

    def _disco_cheio_no_meio(caminho, dados):
        with open(caminho, "wb") as f:
            f.write(dados[:100])  # um pedaço foi para o disco
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", _disco_cheio_no_meio)
    monkeypatch.setattr(avisos, "erro", lambda parent, titulo, erro: mostrados.append((titulo, str(erro))))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(destino), "PDF (*.pdf)"))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: abertos.append(url.toLocalFile()))
    _clicar_codigo(qtbot, aba, primeiro.codigo)
    qtbot.mouseClick(aba.botao_abrir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(mostrados), timeout=10000)
    monkeypatch.undo()
    assert destino.read_bytes() == b"%PDF-1.4\n% o de antes\n"  # o de antes, inteiro
    assert sorted(p.name for p in pasta.iterdir()) == [destino.name]  # sem o provisório
    [(titulo, texto)] = mostrados
    assert titulo == "Abrir PDF"
    assert f"O arquivo não foi gravado em {destino}: o disco está cheio." in texto
    assert "o documento continua guardado na base" in texto
    assert aba.ultimo_arquivo is None and abertos == [] and "idêntico ao emitido" not in aba.situacao.text()
