"""Documentos oficiais (issue 11): PDF guardado e reimpresso byte a byte, substituição na reabertura
da competência, nova via que substitui e via perdida cancelada no mesmo ato."""
import hashlib
from datetime import date

import pytest

from desktop.services import acesso, demo, documentos, documentos_vias
from desktop.services.magisterio import documentos as docs_magisterio
from desktop.services.magisterio import folha
from desktop.services.sessao import ErroNegocio
from tests.conftest import SENHA_ADMIN
from tests.services.test_documentos import _emitir

OUTUBRO = date(2026, 10, 1)


def test_reimpressao_identica_depois_de_fechar_o_programa(instalacao):
    caminho, _ = instalacao
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    e = _emitir(s, referencia="Maria Conceição")
    s.fechar()
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)  # "reinício": nada ficou só na memória
    try:
        pdf = documentos_vias.pdf_emitido(s, e.id)
        assert pdf == e.pdf and hashlib.sha256(pdf).hexdigest() == e.sha256
        assert documentos.verificar_pdf(s, pdf).situacao == documentos.AUTENTICO
        # o PDF guardado não se altera nem se apaga
        for sql in ("UPDATE documentos_pdf SET pdf = x'00' WHERE documento_id = ?",
                    "DELETE FROM documentos_pdf WHERE documento_id = ?"):
            with pytest.raises(Exception, match="não pode ser"):
                with s.base.transacao() as db:
                    db.execute(sql, [e.id])
    finally:
        s.fechar()


def test_documento_sem_pdf_guardado_explica(sessao_admin):
    e = _emitir(sessao_admin)
    # documento de antes da migração 0008: registro sem PDF (simulado com uma linha copiada sem o PDF)
    sessao_admin.db.execute(
        "INSERT INTO documentos (id, tipo, numero, ano, via, titulo, emitido_em, emitido_por, sha256, codigo, paginas) "
        "SELECT 'antigo', tipo, numero + 1, ano, via, titulo, emitido_em, emitido_por, sha256, 'AAAA-BBBB-CCCC', "
        "paginas FROM documentos WHERE id = ?", [e.id])
    with pytest.raises(ErroNegocio, match="antes de o Paço guardar os PDFs"):
        documentos_vias.pdf_emitido(sessao_admin, "antigo")


@pytest.fixture
def sessao_fechada(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, pessoas=3, servidores=12)  # a mesma base de outros arquivos (tests/conftest.py)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
    yield s
    s.fechar()


def test_reabrir_e_fechar_substitui_todos_os_documentos_da_competencia(sessao_fechada):
    s = sessao_fechada
    item = folha.contracheques(s, OUTUBRO)[0]
    cc = docs_magisterio.emitir_contracheque(s, OUTUBRO, item.contracheque.pessoa_id)
    lote = docs_magisterio.emitir_lote(s, OUTUBRO)
    analitica = docs_magisterio.emitir_folha_analitica(s, OUTUBRO)
    outro = _emitir(s)  # documento de outro assunto: não é tocado

    folha.reabrir(s, OUTUBRO, "falta de 14/10 lançada depois do fechamento")
    for e in (cc, lote, analitica):
        v = documentos.verificar_pdf(s, e.pdf)
        assert v.situacao == documentos.SUBSTITUIDO
        assert "SUBSTITUÍDO" in v.mensagem() and "falta de 14/10" in v.mensagem()
        assert "ainda não foi emitido" in v.mensagem()
        assert documentos_vias.pdf_emitido(s, e.id) == e.pdf  # a versão antiga continua legível
    assert documentos.verificar_codigo(s, outro.codigo).situacao == documentos.AUTENTICO
    assert documentos.listar_documentos(s, tipo=docs_magisterio.TIPO_LOTE, cancelados=False) == []

    folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
    cc2 = docs_magisterio.emitir_contracheque(s, OUTUBRO, item.contracheque.pessoa_id)
    lote2 = docs_magisterio.emitir_lote(s, OUTUBRO)
    for antigo, novo in ((cc, cc2), (lote, lote2)):
        v = documentos.verificar_codigo(s, antigo.codigo)
        assert v.situacao == documentos.SUBSTITUIDO and v.substituto["id"] == novo.id
        assert f"código {novo.codigo}" in v.mensagem()
        assert documentos.verificar_codigo(s, novo.codigo).situacao == documentos.AUTENTICO
    v = documentos.verificar_codigo(s, analitica.codigo)
    assert v.situacao == documentos.SUBSTITUIDO and v.substituto is None  # a nova analítica não foi emitida
    diario = s.db.execute("SELECT count(*) FROM diario WHERE tabela = 'documentos' AND registro_id = ? "
                          "AND acao = 'alterar'", [cc.id]).fetchone()[0]
    assert diario == 2  # marcado substituído; depois, ligado ao substituto


def test_pis_do_cadastro_de_pagamento_no_contracheque(sessao_fechada):
    from io import BytesIO

    from pypdf import PdfReader

    from desktop.services.pagamento import dados as pagamento

    s = sessao_fechada
    itens = folha.contracheques(s, OUTUBRO)
    com, sem = itens[0], itens[1]
    pagamento.definir_do_servidor(s, com.contracheque.pessoa_id, pis="408.84561.36-3")
    lote = docs_magisterio.emitir_lote(s, OUTUBRO)
    paginas = [p.extract_text() for p in PdfReader(BytesIO(lote.pdf)).pages]
    texto_com = next(t for t in paginas if com.servidor.nome in t)
    texto_sem = next(t for t in paginas if sem.servidor.nome in t)
    assert "PIS/PASEP/NIT" in texto_com and "408.84561.36-3" in texto_com
    assert "PIS/PASEP/NIT" not in texto_sem
