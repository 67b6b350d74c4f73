"""Correção de cadastro com motivo e diário; depois da emissão, substituição dos títulos e nova via com o
dado certo; depois da guarda de dez anos, recusa (issue 12, item 5; Portaria MEC 902/2024, art. 12 XIV)."""
from datetime import timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.services import documentos, documentos_vias
from desktop.services.certificacao import correcoes, emissao, processos
from desktop.services.certificacao.comum import Recusa
from desktop.services.sessao import ErroNegocio

from .apoio import HOJE, ate_avaliacao, montar_cenario


def _texto(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())


def _diplomado(s):
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 3)
    processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "SISTEC-1"})
    return c, p


def test_correcao_do_nome_substitui_os_titulos_e_emite_nova_via(sessao_admin):
    s = sessao_admin
    c, p = _diplomado(s)
    antigos = {e["tipo_documento"]: e for e in emissao.listar_emissoes(s, p["id"])}
    with pytest.raises(ErroNegocio, match="motivo da correção"):
        correcoes.corrigir_trabalhador(s, p["trabalhador_id"], motivo="erro", nome="Maria José da Silva Santos")
    with pytest.raises(Recusa, match=r"nome do trabalhador .*saberes"):
        correcoes.corrigir_trabalhador(s, p["trabalhador_id"], motivo="Erro de digitação no nome",
                                       nome="Maria dos Saberes")
    r = correcoes.corrigir_trabalhador(s, p["trabalhador_id"], motivo="Erro de digitação no nome",
                                       nome="Maria José da Silva Santos")
    assert r["nome"] == "Maria José da Silva Santos"
    assert sorted(e.via for e in r["emitidos"]) == [2, 2]
    for tipo, antigo in antigos.items():
        v = documentos.verificar_codigo(s, antigo["codigo"])
        assert v.situacao == documentos.SUBSTITUIDO, tipo
        novo = next(e for e in r["emitidos"] if e.id == v.substituto["id"])
        t = _texto(documentos_vias.pdf_emitido(s, novo.id))
        assert "Maria José da Silva Santos" in t and "2ª via: Correção do cadastro: Erro de digitação no nome" in t
        assert documentos.verificar_codigo(s, novo.codigo).situacao == documentos.AUTENTICO
    novos = [e for e in emissao.listar_emissoes(s, p["id"]) if e["via"] == 2]
    assert {(e["livro"], e["folha"], e["numero_registro"]) for e in novos} == {
        (a["livro"], a["folha"], a["numero_registro"]) for a in antigos.values()}  # o mesmo registro no livro
    diario = list(s.db.query("SELECT depois FROM diario WHERE tabela = 'pessoas' AND acao = 'alterar'"))
    assert any("Erro de digitação no nome" in d["depois"] for d in diario)


def test_correcao_do_curso_e_do_perfil_reemitem(sessao_admin):
    s = sessao_admin
    c, p = _diplomado(s)
    r = correcoes.corrigir_curso(s, c["curso"]["id"], motivo="Nome do curso conforme o ato de autorização",
                                 nome="Curso Técnico em Eletrotécnica", codigo_catalogo="CNCT 3104")
    assert len(r["emitidos"]) == 2
    r = correcoes.corrigir_ppcp(s, c["ppcp"]["id"], motivo="Habilitação conforme o catálogo nacional",
                                perfil="Técnico em Eletrotécnica (habilitação plena)")
    t = _texto(r["emitidos"][0].pdf)
    assert "Técnico em Eletrotécnica (habilitação plena)" in t and "3ª via" in t
    with pytest.raises(Recusa, match=r"perfil profissional .*modalidade"):
        correcoes.corrigir_ppcp(s, c["ppcp"]["id"], motivo="Ajuste do texto do perfil",
                                perfil="Técnico em Eletrotécnica na modalidade EaD")


def test_correcao_depois_da_guarda_de_dez_anos_recusada(sessao_admin):
    s = sessao_admin
    c, p = _diplomado(s)
    processos.registrar_etapa(s, p["id"], "encaminhamento", dados={"orientacao_estudos": "Orientado sobre estudos."})
    with s.mudanca(None) as m:  # simula um processo concluído há 11 anos
        m.db.execute("UPDATE cert_processos SET concluido_em = ? WHERE id = ?",
                     [(HOJE - timedelta(days=365 * 11)).isoformat(), p["id"]])
    n = s.db.execute("SELECT count(*) FROM documentos").fetchone()[0]
    with pytest.raises(Recusa, match=r"anos de guarda.*art\. 12, XIV"):
        correcoes.corrigir_trabalhador(s, p["trabalhador_id"], motivo="Erro de digitação no nome",
                                       nome="Maria José da Silva Santos")
    assert s.db.execute("SELECT count(*) FROM documentos").fetchone()[0] == n
    assert processos.detalhar_processo(s, p["id"])["nome"] == "Maria José da Silva"


def test_correcao_da_instituicao_e_da_adesao(sessao_admin):
    from desktop.services.certificacao import correcoes_ppcp

    s = sessao_admin
    c = montar_cenario(s)
    iid = c["inst"]["id"]
    with pytest.raises(ErroNegocio, match="motivo da correção"):
        correcoes_ppcp.corrigir_instituicao(s, iid, motivo="sigla", sigla="IETE")
    with pytest.raises(ErroNegocio, match="federal, estadual ou municipal"):
        correcoes_ppcp.corrigir_instituicao(s, iid, motivo="Sistema de ensino conforme o ato", sistema_ensino="privado")
    with pytest.raises(Recusa, match=r"sigla da instituição.*saberes"):
        correcoes_ppcp.corrigir_instituicao(s, iid, motivo="Sigla conforme o estatuto", sigla="SABERES")
    with pytest.raises(ErroNegocio, match="não podem estar no futuro"):
        correcoes_ppcp.corrigir_instituicao(s, iid, motivo="Data conforme a ata do conselho",
                                            termo_aprovado_em=HOJE + timedelta(days=1))
    assert s.db["cert_instituicoes"].get(iid)["sigla"] is None
    r = correcoes_ppcp.corrigir_instituicao(s, iid, motivo="Sigla e sistema conforme o estatuto", sigla="IETE",
                                            sistema_ensino="municipal")
    assert (r["sigla"], r["sistema_ensino"], r["emitidos"]) == ("IETE", "municipal", [])
    diario = s.db.execute("SELECT depois FROM diario WHERE tabela = 'cert_instituicoes' ORDER BY seq DESC").fetchone()[0]
    assert "Sigla e sistema conforme o estatuto" in diario
