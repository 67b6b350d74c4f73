"""Nova via guardada e aberta, substituindo a anterior; via perdida cancelada no mesmo ato (issue 11)."""
import pytest

from desktop.services import documentos, documentos_vias
from desktop.services.certificacao import emissao, processos
from desktop.services.certificacao.comum import Recusa

from .apoio import montar_cenario
from .test_processo import _ate_avaliacao


def _diploma(s):
    c = montar_cenario(s)
    p = _ate_avaliacao(s, c, 3)
    processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "SISTEC-1"})
    return p, next(e for e in emissao.listar_emissoes(s, p["id"]) if e["tipo_documento"] == "cert_diploma_tecnico")


def test_nova_via_tem_pdf_proprio_e_substitui_a_anterior(sessao_admin):
    s = sessao_admin
    p, dip = _diploma(s)
    primeira = documentos_vias.pdf_emitido(s, dip["documento_id"])  # o PDF da 1ª via não ficou só na memória
    v2 = emissao.emitir_nova_via(s, dip["id"], "Documento danificado por umidade")
    assert documentos_vias.pdf_emitido(s, v2.id) == v2.pdf != primeira
    assert f"{v2.codigo}" in documentos.codigo_no_pdf(v2.pdf)
    v = documentos.verificar_pdf(s, primeira)
    assert v.situacao == documentos.SUBSTITUIDO and v.substituto["id"] == v2.id
    assert "substituída pela 2ª via" in v.mensagem()
    # repetir o pedido não deixa duas vias válidas
    v3 = emissao.emitir_nova_via(s, dip["id"], "Documento danificado por umidade")
    validas = [e for e in emissao.listar_emissoes(s, p["id"])
               if e["tipo_documento"] == "cert_diploma_tecnico" and not e["cancelado_em"] and not e["substituido_em"]]
    assert [e["documento_id"] for e in validas] == [v3.id]
    # a 3ª via cancelada por erro: a 2ª volta a valer
    e3 = next(e for e in emissao.listar_emissoes(s, p["id"]) if e["documento_id"] == v3.id)
    emissao.cancelar_via(s, e3["id"], "emitida com erro de digitação")
    assert documentos.verificar_codigo(s, v2.codigo).situacao == documentos.AUTENTICO


def test_via_perdida_cancela_a_anterior_no_mesmo_ato(sessao_admin):
    s = sessao_admin
    p, dip = _diploma(s)
    v2 = emissao.emitir_nova_via(s, dip["id"], "Extravio da 1ª via, boletim 123/2026", perdida=True)
    v = documentos.verificar_codigo(s, dip["codigo"])
    assert v.situacao == documentos.CANCELADO
    assert f"extraviada: cancelada ao emitir a 2ª via (código {v2.codigo})" in v.mensagem()
    assert documentos.verificar_codigo(s, v2.codigo).situacao == documentos.AUTENTICO


def test_unidade_certificadora_emite_com_o_seu_emissor(sessao_admin):
    from io import BytesIO

    from pypdf import PdfReader

    from desktop.services import emissores

    s = sessao_admin
    c = montar_cenario(s)
    p = _ate_avaliacao(s, c, 3)
    instituto = emissores.criar(s, nome="Instituto Federal de Teste — Campus Jequié", cnpj="34.028.316/0001-03",
                                municipio="Jequié", uf="BA")
    emissores.atribuir_unidade(s, p["unidade_id"], instituto.id)
    processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "SISTEC-1"})
    dip = next(e for e in emissao.listar_emissoes(s, p["id"]) if e["tipo_documento"] == "cert_diploma_tecnico")
    texto = PdfReader(BytesIO(documentos_vias.pdf_emitido(s, dip["documento_id"]))).pages[0].extract_text()
    assert "Instituto Federal de Teste — Campus Jequié" in texto and "CNPJ 34.028.316/0001-03" in texto
    assert "Secretaria Municipal de Educação" not in texto.split("\n", 3)[0]


def test_nova_via_de_titulo_cancelado_recusada_sem_gravar(sessao_admin):
    """Bad input da issue 12: "a via for a cancelled title" — recusada com o artigo, nada gravado."""
    s = sessao_admin
    p, dip = _diploma(s)
    emissao.cancelar_via(s, dip["id"], "Certificação anulada por fraude documental")
    antes = s.db.execute("SELECT count(*) FROM documentos").fetchone()[0]
    with pytest.raises(Recusa, match=r"está cancelado: a 1ª via foi cancelada em \d\d/\d\d/\d{4} \(Certificação "
                                     r"anulada por fraude documental\).*art\. 26, §2º"):
        emissao.emitir_nova_via(s, dip["id"], "Extravio da 1ª via, boletim 55/2026")
    assert s.db.execute("SELECT count(*) FROM documentos").fetchone()[0] == antes
    assert documentos.verificar_codigo(s, dip["codigo"]).situacao == documentos.CANCELADO
    # com uma via ainda válida (a 2ª substituiu a 1ª), a nova via sai normalmente
    h = next(e for e in emissao.listar_emissoes(s, p["id"]) if e["tipo_documento"] == "cert_historico")
    assert emissao.emitir_nova_via(s, h["id"], "Documento danificado por umidade").via == 2
