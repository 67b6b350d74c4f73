"""O título que o registrador assina, do cadastro ao PDF (issue 12, item 3): identificação completa do titular
exigida na emissão, carga horária da matriz curricular do curso (não das competências do PPCP) com o mínimo do
CNCT, ato de autorização, matriz abaixo do mínimo recusada com os números e matriz corrigida depois da emissão
reemitindo o título em nova via."""
from datetime import timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.rules.certificacao.curriculo import Componente
from desktop.services.certificacao import correcoes, cursos, emissao, processos, trabalhadores
from desktop.services.sessao import ErroNegocio

from .apoio import ENCAMINHAMENTO, HOJE, MATRIZ, ate_avaliacao, montar_cenario


def _texto(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())


def _certificar(s, p):
    return processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "SISTEC-112233"},
                                     realizada_em=HOJE - timedelta(days=2))


def test_titulo_do_processo_com_identificacao_matriz_e_ato(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 3)
    r = _certificar(s, p)
    diploma, historico = r["emitidos"]  # o título e o histórico no mesmo registro
    t = _texto(diploma.pdf)
    assert len(PdfReader(BytesIO(diploma.pdf)).pages) == 2
    for trecho in ("MARIA JOSÉ DA SILVA", "de nacionalidade brasileira", "natural de Jequié/BA",
                   "documento de identidade nº 12.345.678-90, expedido por SSP/BA",
                   "carga horária de 1.200 horas",  # a matriz do curso, não os 220 h das competências do PPCP
                   "Curso autorizado por Resolução CEE-BA nº 45/2019",
                   "Carga horária mínima do catálogo 1.200 horas (Catálogo Nacional de Cursos Técnicos (CNCT))",
                   "Código autenticador do registro no Sistec SISTEC-112233"):
        assert trecho in t, trecho
    assert "220 horas" not in t
    h = _texto(historico.pdf)
    assert "Instalações elétricas 360 Aprovado" in h and "Carga horária total do curso: 1.200 horas." in h


def test_sem_identificacao_o_titulo_nao_sai_e_nada_fica_gravado(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 3)
    s.db.execute("UPDATE cert_trabalhadores SET rg = NULL, naturalidade = NULL WHERE id = ?", [p["trabalhador_id"]])
    with pytest.raises(ErroNegocio, match=r"falta\(m\) o município de nascimento \(naturalidade\), o número do "
                                          r"documento de identidade \(RG\)"):
        _certificar(s, p)
    assert s.db["cert_emissoes"].count == 0 and s.db["cert_registros"].count == 0
    assert processos.detalhar_processo(s, p["id"])["etapa"] == "avaliacao"
    correcoes.corrigir_trabalhador(s, p["trabalhador_id"], motivo="Cadastro completado com o RG entregue",
                                   naturalidade="Ipiaú", rg="98.765.432-10")
    r = _certificar(s, p)
    assert "natural de Ipiaú/BA" in _texto(r["emitidos"][0].pdf)


def test_identificacao_conferida_no_cadastro(sessao_admin):
    s = sessao_admin
    with pytest.raises(Exception, match="UF inválida"):
        trabalhadores.cadastrar_trabalhador(s, nome="João Souza", cpf="111.444.777-35", nascimento=HOJE.replace(
            year=HOJE.year - 30), escolaridade="medio", naturalidade="Jequié", naturalidade_uf="XX")
    with pytest.raises(Exception, match="documento de identidade inválido"):
        trabalhadores.cadastrar_trabalhador(s, nome="João Souza", cpf="111.444.777-35", nascimento=HOJE.replace(
            year=HOJE.year - 30), escolaridade="medio", rg="12#45")
    assert s.db["cert_trabalhadores"].count == 0


def test_matriz_abaixo_do_minimo_do_cnct_e_recusada_com_os_numeros(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    curto = [Componente("Desenho técnico", 120), Componente("Instalações elétricas", 800)]
    with pytest.raises(ErroNegocio, match=r"soma 920 horas, abaixo das 1\.200 horas mínimas .*CNCT.*faltam 280"):
        correcoes.definir_matriz_curricular(s, c["curso"]["id"], componentes=curto, carga_horaria_minima=1200)
    with pytest.raises(ErroNegocio, match="Informe a carga horária mínima do curso no Catálogo Nacional"):
        correcoes.definir_matriz_curricular(s, c["curso"]["id"], componentes=curto, carga_horaria_minima=None)
    with pytest.raises(ErroNegocio, match=r"ato de autorização.*encontrado: reconhecid"):
        correcoes.definir_matriz_curricular(s, c["curso"]["id"], componentes=MATRIZ, carga_horaria_minima=1200,
                                            ato_autorizacao="Curso reconhecido pela Resolução CEE nº 9/2020")
    assert [m["carga_horaria"] for m in cursos.listar_cursos(s)[0]["matriz"]] == [m.carga_horaria for m in MATRIZ]
    r = correcoes.definir_matriz_curricular(s, c["curso"]["id"], componentes=[*MATRIZ, Componente("Projeto", 80)],
                                            carga_horaria_minima=1200, ato_autorizacao="Portaria SEC nº 12/2019")
    assert r["carga_horaria"] == 1280 and r["emitidos"] == [] and r["ato_autorizacao"] == "Portaria SEC nº 12/2019"


def test_matriz_corrigida_depois_da_emissao_reemite_o_titulo(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 3)
    _certificar(s, p)
    processos.registrar_etapa(s, p["id"], "encaminhamento", dados=ENCAMINHAMENTO, realizada_em=HOJE - timedelta(days=1))
    nova = [*MATRIZ, Componente("Projeto integrador", 40)]
    with pytest.raises(ErroNegocio, match="motivo da correção"):
        correcoes.definir_matriz_curricular(s, c["curso"]["id"], componentes=nova, carga_horaria_minima=1200)
    r = correcoes.definir_matriz_curricular(s, c["curso"]["id"], componentes=nova, carga_horaria_minima=1200,
                                            motivo="Faltava o projeto integrador na matriz")
    assert len(r["emitidos"]) == 2  # diploma e histórico, em 2ª via
    assert "carga horária de 1.240 horas" in _texto(r["emitidos"][0].pdf)
    vias = emissao.listar_emissoes(s, p["id"])
    assert sorted((e["via"], bool(e["substituido_em"])) for e in vias) == [(1, True), (1, True), (2, False), (2, False)]
