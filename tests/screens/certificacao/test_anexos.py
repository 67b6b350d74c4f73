"""Anexos pela tela do processo (issue 12, item 6): anexar um PDF escolhido no disco, ver as páginas desenhadas
em memória e imprimir pela impressão do Paço — o arquivo fica na base, não numa pasta temporária."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from reportlab.pdfgen import canvas

from desktop.screens.certificacao.painel import PainelCertificacao
from tests.screens.apoio_janelas import digitar
from tests.screens.apoio_tabelas import ir_para
from tests.services.certificacao.apoio import ate_avaliacao, montar_cenario


def _pdf(caminho):
    c = canvas.Canvas(str(caminho))
    c.drawString(72, 720, "Certificado de conclusao do ensino medio")
    c.showPage()
    c.drawString(72, 720, "Historico escolar do ensino medio")
    c.showPage()
    c.save()


def test_anexar_ver_e_imprimir_pela_tela(qtbot, sessao_admin, tmp_path, monkeypatch):
    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 3)
    origem = tmp_path / "digitalizado.pdf"
    _pdf(origem)
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    ap = painel.processos
    ap.selecionar(p["id"])
    qtbot.waitUntil(lambda: (ap.detalhe or {}).get("id") == p["id"], timeout=30000)  # lido fora da interface
    qtbot.mouseClick(ap.botao_anexos, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ap.dialogo is not None and ap.dialogo.isVisible())
    dlg = ap.dialogo
    qtbot.waitUntil(lambda: not dlg.lendo, timeout=30000)  # a lista é lida fora da thread da interface
    assert dlg.lista.modelo.rowCount() == 0 and not dlg.botao_ver.isEnabled()
    dlg.tipo.setCurrentIndex(dlg.tipo.findData("escolaridade"))
    digitar(qtbot, dlg.descricao, "Certificado e histórico do ensino médio")  # acentos: keyClicks aborta o Qt
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(origem), "")))
    qtbot.mouseClick(dlg.botao_anexar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.tarefa is None and not dlg.lendo and dlg.lista.modelo.rowCount() == 1,
                    timeout=60_000)  # grava e relê fora da thread da interface
    assert dlg.lista.modelo.rowCount() == 1 and "digitalizado.pdf anexado" in dlg.situacao.text()
    guardado = s.db.execute("SELECT conteudo, tipo FROM cert_anexos WHERE processo_id = ?", [p["id"]]).fetchone()
    assert bytes(guardado[0]) == origem.read_bytes() and guardado[1] == "escolaridade"
    qtbot.mouseClick(dlg.botao_ver, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.visualizador is not None and dlg.visualizador.isVisible(),
                    timeout=30000)  # o anexo é lido e desenhado fora da thread da interface
    assert len(dlg.visualizador.paginas) == 2
    assert all(not r.pixmap().isNull() and r.pixmap().width() > 500 for r in dlg.visualizador.paginas)
    impressos = []
    monkeypatch.setattr("desktop.screens.certificacao.anexos.imprimir_pdfs",
                        lambda _p, pdf, **k: impressos.append(pdf))
    qtbot.mouseClick(dlg.visualizador.botao_imprimir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(impressos) == 1, timeout=30000)  # o PDF é lido fora da thread da interface
    assert impressos == [origem.read_bytes()]
    dlg.visualizador.accept()
    primeiro = dlg.visualizador
    ir_para(qtbot, dlg.lista.visao, 0)  # pelo teclado: a linha do anexo e Enter também abrem o visualizador
    qtbot.keyClick(dlg.lista.visao, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.visualizador is not primeiro and dlg.visualizador.isVisible(), timeout=30000)
    assert len(dlg.visualizador.paginas) == 2
    # o Enter parou na tabela: não apertou também o botão padrão do diálogo (Anexar arquivo, com o mesmo arquivo)
    assert s.db.execute("SELECT count(*) FROM cert_anexos WHERE processo_id = ?", [p["id"]]).fetchone()[0] == 1
    dlg.visualizador.accept()
    origem.unlink()  # o original some do disco; o anexo continua na base
    qtbot.mouseClick(dlg.botao_imprimir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(impressos) == 2, timeout=30000)
    assert len(impressos) == 2 and impressos[1].startswith(b"%PDF")

    from io import BytesIO

    from pypdf import PdfReader

    from desktop.services.certificacao.comunicado import emitir_pasta

    t = " ".join(" ".join(pg.extract_text() for pg in PdfReader(BytesIO(emitir_pasta(s, p["id"]).pdf)).pages).split())
    assert "Anexos guardados na base" in t and "Certificado e histórico" in t
    assert "digitalizado.pdf" in t
