"""Anexos do processo (issue 12, item 6): guardados dentro da base cifrada, nunca soltos no disco, conferidos
pelo SHA-256, sem apagar nem trocar; o diário leva o resumo, não o conteúdo; imagem impressa como PDF."""
from io import BytesIO

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtCore import QBuffer, QIODevice
from pypdf import PdfReader

from desktop.services.certificacao import anexos
from desktop.services.sessao import ErroNegocio

from .apoio import ate_avaliacao, montar_cenario

MARCA = b"MARCA-CONFIDENCIAL-ESCOLARIDADE-7781"


def png_com_marca() -> bytes:
    imagem = QImage(60, 40, QImage.Format.Format_RGB32)
    imagem.fill(QColor("white"))
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    imagem.save(buf, "PNG")
    return bytes(buf.data()) + MARCA  # bytes depois do IEND: o PNG continua válido e a marca é procurável


def test_anexo_guardado_cifrado_na_base_e_aberto_em_memoria(sessao_admin, instalacao, qapp):
    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 3)
    pasta = instalacao[0].parent
    antes = {f for f in pasta.rglob("*") if f.is_file()}
    conteudo = png_com_marca()
    a = anexos.anexar(s, p["id"], tipo="escolaridade", descricao="Certificado de conclusão do ensino médio",
                      nome_arquivo="C:\\Digitalizados\\certificado.png", conteudo=conteudo)
    assert a["formato"] == "png" and a["nome_arquivo"] == "certificado.png" and a["tamanho"] == len(conteudo)
    assert [x["id"] for x in anexos.listar_anexos(s, p["id"])] == [a["id"]]
    assert "conteudo" not in anexos.listar_anexos(s, p["id"])[0]
    assert anexos.abrir_anexo(s, a["id"])["conteudo"] == conteudo
    s.db.execute("PRAGMA wal_checkpoint(FULL)")
    for f in pasta.rglob("*"):  # nenhum arquivo da instalação tem o conteúdo em claro (base cifrada, WAL incluído)
        if f.is_file():
            assert MARCA not in f.read_bytes(), f
    novos = {f.name for f in pasta.rglob("*") if f.is_file()} - {f.name for f in antes}
    assert not [n for n in novos if n.lower().endswith((".png", ".pdf", ".jpg", ".tmp"))]  # nada solto no disco
    diario = s.db.execute("SELECT depois FROM diario WHERE tabela = 'cert_anexos'").fetchone()[0]
    assert a["sha256"] in diario and "conteudo" not in diario
    pdf = anexos.anexo_para_imprimir(s, a["id"])
    assert len(PdfReader(BytesIO(pdf)).pages) == 1
    with pytest.raises(Exception, match="não podem ser apagados"):
        s.db.execute("DELETE FROM cert_anexos WHERE id = ?", [a["id"]])
    with pytest.raises(Exception, match="não pode ser trocado"):
        s.db.execute("UPDATE cert_anexos SET conteudo = ? WHERE id = ?", [b"%PDF-outro", a["id"]])


def test_anexo_invalido_recusado_sem_gravar_nada(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 3)
    with pytest.raises(ErroNegocio, match="não é PDF, PNG nem JPEG"):
        anexos.anexar(s, p["id"], tipo="evidencia", descricao="Planilha", nome_arquivo="notas.xlsx",
                      conteudo=b"PK\x03\x04planilha")
    with pytest.raises(ErroNegocio, match="limite é de 10 MB"):
        anexos.anexar(s, p["id"], tipo="evidencia", descricao="Vídeo", nome_arquivo="v.pdf",
                      conteudo=b"%PDF-" + b"0" * (anexos.LIMITE_BYTES + 1))
    with pytest.raises(ErroNegocio, match="Descreva o anexo"):
        anexos.anexar(s, p["id"], tipo="evidencia", descricao=" ", nome_arquivo="a.pdf", conteudo=b"%PDF-1.4")
    assert s.db["cert_anexos"].count == 0
