"""O filtro de compressão que cede o GIL (``reports.compressao``): o mesmo PDF do reportlab, byte a byte, e a pausa no
máximo a cada ``CEDER_A_CADA_S`` de relógio — nunca a cada fluxo."""
import zlib
from datetime import datetime, timezone

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.platypus import PageBreak, Paragraph

from desktop.reports import compressao, layout
from tests.apoio_threads import numa_thread


def test_instalado_ao_importar_o_layout_e_uma_vez_so():
    instalado = pdfdoc.PDFZCompress
    assert isinstance(instalado, compressao.FlateQueCede) and instalado.pdfname == "FlateDecode"
    compressao.instalar()
    assert pdfdoc.PDFZCompress is instalado


def _lote(paginas: int) -> bytes:
    """Um documento de várias páginas como o lote (conteúdo, timbre e rodapé por página, fontes embutidas)."""
    cab = layout.Cabecalho("Secretaria Municipal de Educação", "Jequié", "BA", "11.222.333/0001-81", None)
    rod = layout.Rodape("AB12-CD34-EF56", "Contracheques", 7, 2026, 1,
                        datetime(2026, 11, 5, 13, 0, tzinfo=timezone.utc), "admin")
    fluxo = []
    for n in range(paginas):
        fluxo += [Paragraph(f"Servidora nº {n}: São João — salário, gratificação e descontos (art. 42)"), PageBreak()]
    return layout.gerar_pdf(cab, rod, "Lote", fluxo[:-1])


def test_mesmo_pdf_que_o_filtro_do_reportlab(monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)  # sem data de criação e identificador aleatório no arquivo
    com_o_daqui = _lote(40)
    monkeypatch.setattr(pdfdoc, "PDFZCompress", pdfdoc.PDFStreamFilterZCompress())
    com_o_do_reportlab = _lote(40)
    assert b"/FlateDecode" in com_o_daqui and com_o_daqui.count(b"stream\r\n") + com_o_daqui.count(b"stream\n") > 80
    assert com_o_daqui == com_o_do_reportlab


def test_numa_thread_de_trabalho_dorme_no_maximo_uma_vez_a_cada_intervalo_de_relogio():
    passo = compressao.CEDER_A_CADA_S
    tempos = iter([0.0,  # criação
                   0.1 * passo, 0.5 * passo,  # dentro do intervalo: sem pausa
                   1.05 * passo, 1.06 * passo,  # passou: pausa (e a leitura depois dela)
                   1.5 * passo,  # meio intervalo depois da pausa: sem pausa
                   2.2 * passo, 2.21 * passo])  # um intervalo depois da pausa: outra
    pausas = []
    filtro = compressao.FlateQueCede(relogio=lambda: next(tempos), dormir=pausas.append)
    textos = ("a" * 50, b"b" * 50, "ção" * 9, b"d", "e" * 500)
    saidas = numa_thread(lambda: [filtro.encode(t) for t in textos])
    assert pausas == [compressao.PAUSA_S, compressao.PAUSA_S]
    assert [zlib.decompress(s) for s in saidas] == [b"a" * 50, b"b" * 50, "ção".encode() * 9, b"d", b"e" * 500]
    assert saidas[2] == zlib.compress("ção".encode() * 9)  # o texto vai em UTF-8, como no reportlab


def test_na_thread_principal_nao_dorme():
    """A thread principal (a da interface, ou a da linha de comando) não tem a quem ceder o GIL."""
    relogio = iter(range(0, 1000, 1))  # um segundo inteiro entre uma chamada e a outra
    pausas = []
    filtro = compressao.FlateQueCede(relogio=lambda: next(relogio), dormir=pausas.append)
    assert [zlib.decompress(filtro.encode(b"x" * n)) for n in (1, 10, 100)] == [b"x", b"x" * 10, b"x" * 100]
    assert pausas == []
