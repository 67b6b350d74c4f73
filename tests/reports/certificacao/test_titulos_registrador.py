"""Títulos como a secretaria escolar os registra (issue 12, item 3): A4 paisagem, frente e verso; na frente a
República, a identificação completa do titular, o curso com a carga horária da matriz e os signatários com
nome e cargo; no verso o ato de autorização, o mínimo do catálogo, o registro (número, livro, folha, data),
o código do Sistec (técnico) e o bloco de verificação. O histórico do diploma lista a matriz do curso."""
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.reports.certificacao.dados import Registro
from desktop.reports.certificacao.titulos import gerar_historico, gerar_titulo
from desktop.rules.certificacao.resultado import termos_vedados, verificar_nova_via
from desktop.rules.certificacao.tipos import DIPLOMAS, TITULOS_DOCUMENTO, TipoDocumento as D

from .test_titulos_sem_rota import CAB, PERFIS, _rod, dados

REGISTRO = Registro("3", 42, 1187, 1, verificar_nova_via(1, None), __import__("datetime").date(2026, 3, 23))


def _paginas(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages]


@pytest.mark.parametrize("doc", list(PERFIS))
def test_frente_e_verso_em_paisagem_com_o_que_o_registrador_confere(doc):
    d = dados(doc, REGISTRO)
    pdf = gerar_titulo(CAB, _rod(doc), d)
    leitor = PdfReader(BytesIO(pdf))
    assert len(leitor.pages) == 2  # frente e verso
    for p in leitor.pages:
        assert float(p.mediabox.width) > float(p.mediabox.height)  # paisagem
    frente, verso = _paginas(pdf)
    assert frente.index("REPÚBLICA FEDERATIVA DO BRASIL") < frente.index(TITULOS_DOCUMENTO[doc].split()[0].upper())
    for trecho in ("MARIA JOSÉ DA SILVA SANTOS", "de nacionalidade brasileira", "natural de Jequié/BA",
                   "nascido(a) em 14 de agosto de 1979", "documento de identidade nº 12.345.678-90, expedido por SSP/BA",
                   "CPF sob o nº 529.982.247-25", "carga horária de 1.240 horas", d.perfil, d.curso,
                   "Curso autorizado por Resolução CEE-BA nº 45/2019", "Jequié/BA, 23 de março de 2026",
                   "Ana Cláudia Nascimento Reis Diretora-geral", "José Carlos Bittencourt Secretário escolar"):
        assert trecho in frente, (doc, trecho)
    assert ("Diplomado(a)" if doc in DIPLOMAS else "Certificado(a)") in frente
    for trecho in ("DADOS DO CURSO", "Ato de autorização do curso Resolução CEE-BA nº 45/2019",
                   "Carga horária do curso 1.240 horas",
                   f"{TITULOS_DOCUMENTO[doc]} registrado sob o nº 1187, no livro nº 3, folha 42, em 23/03/2026",
                   "1ª via, sem cobrança de taxa", "responsável pelo registro", "José Carlos Bittencourt",
                   "Código de verificação: ABCD-EFGH-JK23"):
        assert trecho in verso, (doc, trecho)
    if doc in DIPLOMAS:
        assert "Carga horária mínima do catálogo 1.200 horas (Catálogo Nacional de Cursos Técnicos (CNCT))" in verso
    if doc is D.DIPLOMA_TECNICO:
        assert "Código autenticador do registro no Sistec SISTEC-2026-00045871" in verso
    else:
        assert "Sistec" not in verso
    assert termos_vedados(frente + " " + verso) == []
    assert leitor.metadata.get("/Keywords", "").startswith("paco-codigo:ABCD-EFGH-JK23")


def test_historico_do_diploma_lista_a_matriz_do_curso_com_horas_e_avaliacao():
    d = dados(D.DIPLOMA_TECNICO, REGISTRO)
    t = " ".join(_paginas(gerar_historico(CAB, _rod(D.HISTORICO), d)))
    assert "REPÚBLICA FEDERATIVA DO BRASIL" in t and "HISTÓRICO ESCOLAR" in t
    for trecho in ("Nacionalidade brasileira", "Naturalidade Jequié/BA", "12.345.678-90 — SSP/BA",
                   "Eletricidade básica 240 Aprovado", "Instalações elétricas 400 Aprovado",
                   "Carga horária total do curso: 1.240 horas.",
                   "Carga horária mínima do curso no Catálogo Nacional de Cursos Técnicos (CNCT): 1.200 horas.",
                   "Registro nº 1187, livro 3, folha 42, em 23/03/2026."):
        assert trecho in t, trecho
    assert termos_vedados(t) == []
