"""Nova via de um documento de caso do Conselho (issue 11): montada da receita guardada no arquivo sigiloso,
com o mesmo texto e o mesmo número; a via perdida é cancelada no mesmo ato."""
from datetime import datetime
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.services import documentos, documentos_vias
from desktop.services.conselho import atendimentos, documentos as docs_conselho
from desktop.services.sessao import SemPermissao

from .test_atendimentos import caso


def _texto(pdf: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(pdf)).pages)


def test_nova_via_do_termo_de_medida_pela_receita_no_sigilo(sessao_admin, conselho, entrar):
    ct = entrar("ct1", "conselheiro_tutelar", conselho[0])
    a = atendimentos.registrar_atendimento(ct, caso(recebido_em=datetime(2026, 3, 10, 9, 0)))
    v1 = docs_conselho.emitir_termo_medida(ct, a["decisoes"][0]["id"], "Josefa da Conceição")
    # a receita (destinatário, texto) é conteúdo do caso: só no arquivo sigiloso
    assert ct.db.execute("SELECT count(*) FROM main.documentos_receitas WHERE documento_id = ?", [v1.id]).fetchone()[0] == 0
    assert "Josefa" in ct.db.execute("SELECT receita FROM sigilo.documentos_receitas WHERE documento_id = ?",
                                     [v1.id]).fetchone()[0]
    with pytest.raises(SemPermissao):
        documentos_vias.emitir_nova_via(sessao_admin, v1.id, "a família perdeu o termo")
    v2 = documentos_vias.emitir_nova_via(ct, v1.id, "a família perdeu o termo entregue", perdida=True)
    assert (v2.numero, v2.via) == (v1.numero, 2) and documentos_vias.pdf_emitido(ct, v2.id) == v2.pdf
    t1, t2 = _texto(v1.pdf), _texto(v2.pdf)
    assert "Josefa da Conceição" in t2 and "2ª via" in t2
    corpo = t1.split("Josefa da Conceição", 1)[1][:300]
    assert corpo in t2  # o mesmo texto do termo
    assert documentos.verificar_codigo(ct, v1.codigo).situacao == documentos.CANCELADO
    assert [d["id"] for d in documentos_vias.do_assunto(ct, docs_conselho.assunto_atendimento(a["id"]))] == [v2.id, v1.id]


def test_troca_de_plantao_substitui_a_escala_impressa_e_a_nova_via_repete_o_periodo(sessao_admin, conselho):
    from datetime import date

    from desktop.services.conselho import escala

    escala.gerar_escala(sessao_admin, date(2026, 3, 1), date(2026, 4, 30))
    marco = docs_conselho.emitir_escala(sessao_admin, date(2026, 3, 1), date(2026, 3, 31))
    abril = docs_conselho.emitir_escala(sessao_admin, date(2026, 4, 1), date(2026, 4, 30))
    v2 = documentos_vias.emitir_nova_via(sessao_admin, abril.id, "cópia para o mural do CMDCA")
    assert v2.via == 2 and "01/04/2026" in _texto(v2.pdf) and "30/04/2026" in _texto(v2.pdf)
    noite = escala.listar(sessao_admin, date(2026, 3, 2), date(2026, 3, 2))[0]
    vizinha = escala.listar(sessao_admin, date(2026, 3, 3), date(2026, 3, 3))[0]
    outro = next(c for c in conselho[:5] if c not in (noite["conselheiro_id"], vizinha["conselheiro_id"]))
    escala.trocar_plantao(sessao_admin, noite["id"], outro, "Consulta médica")
    v = documentos.verificar_codigo(sessao_admin, marco.codigo)
    assert v.situacao == documentos.SUBSTITUIDO and "02/03/2026 trocado" in v.mensagem()
    assert v.documento["substituido_por"] == "admin"
    assert documentos.verificar_codigo(sessao_admin, v2.codigo).situacao == documentos.AUTENTICO  # abril não muda
    nova = docs_conselho.emitir_escala(sessao_admin, date(2026, 3, 1), date(2026, 3, 31))
    v = documentos.verificar_codigo(sessao_admin, marco.codigo)
    assert v.substituto["id"] == nova.id and nova.codigo in v.mensagem()


def test_emenda_do_caso_substitui_o_termo_emitido_sem_expor_o_conteudo(sessao_admin, conselho, entrar):
    from desktop.services import auditoria
    from desktop.services.conselho import emendas

    ct = entrar("ct1", "conselheiro_tutelar", conselho[0])
    a = atendimentos.registrar_atendimento(ct, caso(recebido_em=datetime(2026, 3, 10, 9, 0)))
    termo = docs_conselho.emitir_termo_medida(ct, a["decisoes"][0]["id"], "Josefa da Conceição")
    outro = atendimentos.registrar_atendimento(ct, caso(recebido_em=datetime(2026, 3, 11, 9, 0)))
    oficio = docs_conselho.emitir_oficio(ct, outro["id"], "Escola", "Vaga", "Solicitamos a vaga.")
    crianca = a["criancas"][0]
    emendas.corrigir_nome(ct, crianca["id"], "Nome Certo da Criança", "grafia conforme a certidão")
    v = documentos.verificar_codigo(ct, termo.codigo)
    assert v.situacao == documentos.SUBSTITUIDO and "Emenda ao caso (nome corrigido)" in v.mensagem()
    assert v.documento["substituido_por"] == "ct1"
    assert documentos.verificar_codigo(ct, oficio.codigo).situacao == documentos.AUTENTICO  # outro caso
    # o registro e o diário gerais não levam o nome (nem o antigo nem o novo) nem o motivo da emenda
    geral = repr(auditoria.listar_diario(sessao_admin, limite=100000)) + repr(v.documento)
    assert crianca["nome"] not in geral and "Nome Certo" not in geral and "certidão" not in geral
    # o termo de novo, com o nome corrigido, substitui o antigo e a verificação o aponta
    novo = docs_conselho.emitir_termo_medida(ct, a["decisoes"][0]["id"], "Josefa da Conceição")
    v = documentos.verificar_codigo(ct, termo.codigo)
    assert v.substituto["id"] == novo.id and novo.codigo in v.mensagem()
