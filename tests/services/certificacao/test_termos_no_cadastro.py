"""A palavra que revela a forma de obtenção é recusada no cadastro, com o campo e a palavra, não só na
emissão (Portaria MEC 902/2024, arts. 15 §2º e 16 §ún; issue 12)."""
from datetime import date, timedelta

import pytest

from desktop.rules.certificacao.ppcp import Competencia
from desktop.services.certificacao import cursos, emissao, processos, trabalhadores
from desktop.services.certificacao.comum import Recusa
from desktop.services.certificacao.demo import CONTEUDOS_PPCP

from .apoio import COMPETENCIAS, EQUIPE, HOJE, ate_avaliacao, montar_cenario


def test_ppcp_com_competencia_vedada_recusado_no_cadastro(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    antes = s.db.execute("SELECT count(*) FROM cert_ppcps").fetchone()[0]
    comps = [*COMPETENCIAS, Competencia("Reconhecimento de saberes em manutenção", "Manutenção elétrica", 40)]
    with pytest.raises(Recusa, match=r"competência 4 .*encontrado: reconhecimento, saberes.*art\. 15, §2º"):
        cursos.cadastrar_ppcp(s, curso_id=c["curso"]["id"], tipo="tecnico", perfil="Técnico em Eletromecânica",
                              escolaridade_minima="medio", conteudos=CONTEUDOS_PPCP, competencias=comps, equipe=EQUIPE,
                              aprovado_em=HOJE - timedelta(days=3))
    with pytest.raises(Recusa, match=r"perfil profissional .*encontrado: modalidade, distancia"):
        cursos.cadastrar_ppcp(s, curso_id=c["curso"]["id"], tipo="tecnico",
                              perfil="Técnico em Eletromecânica na modalidade a distância", escolaridade_minima="medio",
                              conteudos=CONTEUDOS_PPCP, competencias=COMPETENCIAS, equipe=EQUIPE)
    assert s.db.execute("SELECT count(*) FROM cert_ppcps").fetchone()[0] == antes


def test_curso_e_trabalhador_com_palavra_vedada(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    with pytest.raises(Recusa, match=r"nome do curso .*encontrado: ead"):
        cursos.cadastrar_curso(s, unidade_id=c["unidade"]["id"], nome="Curso técnico EaD em Mecânica", tipo="tecnico",
                               implantado_em=date(HOJE.year - 6, 1, 1))
    with pytest.raises(Recusa, match=r"nome do trabalhador .*encontrado: saberes"):
        trabalhadores.cadastrar_trabalhador(s, nome="Maria dos Saberes", cpf="111.444.777-35",
                                            nascimento=date(1980, 1, 1), escolaridade="medio")
    # sobrenome que só começa como uma palavra vedada não é recusado
    t = trabalhadores.cadastrar_trabalhador(s, nome="Ana Previato Eadie", cpf="390.533.447-05",
                                            nascimento=date(1980, 1, 1), escolaridade="medio")
    assert t["nome"] == "Ana Previato Eadie"


def test_motivo_da_via_vedado_recusado_ao_digitar(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 3)
    processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "SISTEC-1"})
    dip = next(e for e in emissao.listar_emissoes(s, p["id"]) if e["tipo_documento"] == "cert_diploma_tecnico")
    n = s.db.execute("SELECT count(*) FROM documentos").fetchone()[0]
    with pytest.raises(Recusa, match=r"motivo da via .*encontrado: reconhecimento, saberes, modalidade, ead"):
        emissao.emitir_nova_via(s, dip["id"], "reconhecimento de saberes na modalidade EaD")
    assert s.db.execute("SELECT count(*) FROM documentos").fetchone()[0] == n


def test_instituicao_e_unidade_com_palavra_vedada_recusadas_no_cadastro(sessao_admin):
    """O nome da instituição e o da unidade vão impressos nos títulos ("…, por meio de …, confere a …")."""
    from desktop.services import cadastros
    from desktop.services.certificacao import instituicao

    s = sessao_admin
    with pytest.raises(Recusa, match=r"nome da instituição .*encontrado: certificacao.*art\. 15, §2º"):
        instituicao.cadastrar_instituicao(s, nome="Instituto de Certificação Profissional", sistema_ensino="estadual",
                                          orgao_competente="Conselho Estadual de Educação")
    assert s.db["cert_instituicoes"].count == 0
    inst = instituicao.cadastrar_instituicao(s, nome="Instituto de Educação Profissional", sistema_ensino="estadual",
                                             orgao_competente="Conselho Estadual de Educação")
    u = cadastros.cadastrar_unidade(s, tipo="unidade_certificadora", nome="Centro de Educação a Distância")
    with pytest.raises(Recusa, match=r"nome da unidade .*encontrado: distancia"):
        instituicao.vincular_unidade(s, inst["id"], u["id"])
    n = s.db["unidades"].count
    with pytest.raises(Recusa, match=r"nome da unidade .*encontrado: saberes"):
        instituicao.cadastrar_unidade_certificadora(s, inst["id"], nome="Casa dos Saberes")
    assert s.db["cert_unidades"].count == 0 and s.db["unidades"].count == n  # nada pela metade
