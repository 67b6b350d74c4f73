"""O PDF de um documento de caso do Conselho fica no arquivo sigiloso, não na base geral (issue 11)."""
import hashlib
from datetime import datetime

import pytest

from desktop.services import documentos_vias
from desktop.services.conselho import atendimentos, documentos
from desktop.services.documentos import verificar_pdf
from desktop.services.sessao import SemPermissao

from .test_atendimentos import caso


def test_pdf_do_caso_no_arquivo_sigiloso(sessao_admin, conselho, entrar):
    ct = entrar("ct1", "conselheiro_tutelar", conselho[0])
    a = atendimentos.registrar_atendimento(ct, caso(recebido_em=datetime(2026, 3, 10, 9, 0)))
    e = documentos.emitir_notificacao(ct, a["id"], "Josefa da Conceição", datetime(2026, 3, 20, 9, 0))
    assert ct.db.execute("SELECT count(*) FROM main.documentos_pdf WHERE documento_id = ?", [e.id]).fetchone()[0] == 0
    guardado = ct.db.execute("SELECT pdf FROM sigilo.documentos_pdf WHERE documento_id = ?", [e.id]).fetchone()[0]
    assert hashlib.sha256(guardado).hexdigest() == e.sha256
    assert documentos_vias.pdf_emitido(ct, e.id) == e.pdf  # reimpressão idêntica, na sessão do Conselho
    with pytest.raises(SemPermissao, match="arquivo sigiloso"):
        documentos_vias.pdf_emitido(sessao_admin, e.id)  # a administração não tem a chave do Conselho
    assert verificar_pdf(sessao_admin, e.pdf).situacao == "autentico"  # o registro (sem conteúdo) confere
