"""Pisos nacionais de carga horária (issue 12, item 3: "hours below the CNCT/CNCST minimum are refused with the
figure"): além do mínimo do curso no catálogo, informado no cadastro, valem os pisos do parâmetro datado
``certificacao_carga_horaria`` — 800 h para o técnico (CNCT, Resolução CNE/CP 1/2021) e 1.600 h para o
tecnólogo (CNCST). Abaixo deles: recusa com os números e a fonte, nada gravado, nem na emissão."""
from datetime import date, timedelta

import pytest

from desktop.rules.certificacao.curriculo import Componente
from desktop.services import parametros
from desktop.services.certificacao import correcoes, cursos, processos
from desktop.services.certificacao.comum import Recusa

from .apoio import HOJE, MATRIZ, ate_avaliacao, montar_cenario

TECNOLOGIA = [Componente("Diagnóstico ambiental", 400), Componente("Gestão de resíduos", 320),
              Componente("Sistemas de gestão", 360), Componente("Legislação ambiental", 280)]  # 1.360 h


def _curso(s, c, **kw):
    return cursos.cadastrar_curso(s, unidade_id=c["unidade"]["id"], implantado_em=date(HOJE.year - 6, 1, 1), **kw)


def test_minimo_informado_abaixo_do_piso_do_cnct_e_recusado_no_cadastro_do_curso(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    antes = (s.db["cert_cursos"].count, s.db["cert_curso_componentes"].count)
    with pytest.raises(Recusa, match=r"mínima informada para o curso \(600 horas\) está abaixo do piso nacional de "
                                     r"800 horas para curso técnico de nível médio.*Resolução CNE/CP 1/2021"):
        _curso(s, c, nome="Curso técnico em Edificações", tipo="tecnico", carga_horaria_minima=600,
               componentes=[Componente("Desenho", 300), Componente("Obras", 400)])
    with pytest.raises(Recusa, match="piso nacional de 800 horas"):  # sem a matriz, o mínimo também é conferido
        _curso(s, c, nome="Curso técnico em Edificações", tipo="tecnico", carga_horaria_minima=600)
    assert (s.db["cert_cursos"].count, s.db["cert_curso_componentes"].count) == antes
    r = _curso(s, c, nome="Curso técnico em Edificações", tipo="tecnico", carga_horaria_minima=800,
               componentes=[Componente("Desenho", 300), Componente("Obras", 500)])
    assert r["carga_horaria_minima"] == 800


def test_tecnologo_abaixo_de_1600_horas_e_recusado_com_os_numeros(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    antes = (s.db["cert_cursos"].count, s.db["cert_curso_componentes"].count)
    with pytest.raises(Recusa, match=r"\(1\.200 horas\) está abaixo do piso nacional de 1\.600 horas para curso "
                                     r"superior de tecnologia no Catálogo Nacional de Cursos Superiores de Tecnologia"):
        _curso(s, c, nome="Gestão Ambiental", tipo="tecnologia", reconhecido=True, conceito_emec=4,
               carga_horaria_minima=1200, componentes=TECNOLOGIA)
    with pytest.raises(Recusa, match=r"soma 1\.360 horas, abaixo das 1\.600 horas mínimas.*faltam 240 horas"):
        _curso(s, c, nome="Gestão Ambiental", tipo="tecnologia", reconhecido=True, conceito_emec=4,
               carga_horaria_minima=1600, componentes=TECNOLOGIA)
    assert (s.db["cert_cursos"].count, s.db["cert_curso_componentes"].count) == antes
    r = _curso(s, c, nome="Gestão Ambiental", tipo="tecnologia", reconhecido=True, conceito_emec=4,
               carga_horaria_minima=1600, componentes=[*TECNOLOGIA, Componente("Educação ambiental", 240)])
    assert s.db["cert_curso_componentes"].count_where("curso_id = ?", [r["id"]]) == 5


def test_matriz_com_minimo_abaixo_do_piso_recusada_e_a_anterior_fica(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    curta = [Componente("Desenho técnico", 300), Componente("Instalações elétricas", 420)]
    with pytest.raises(Recusa, match=r"\(700 horas\) está abaixo do piso nacional de 800 horas"):
        correcoes.definir_matriz_curricular(s, c["curso"]["id"], componentes=curta, carga_horaria_minima=700)
    assert s.db.execute("SELECT sum(carga_horaria) FROM cert_curso_componentes WHERE curso_id = ?",
                        [c["curso"]["id"]]).fetchone()[0] == sum(m.carga_horaria for m in MATRIZ)
    assert s.db["cert_cursos"].get(c["curso"]["id"])["carga_horaria_minima"] == 1200


def test_o_piso_e_parametro_datado_uma_nova_vigencia_passa_a_valer(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    parametros.adicionar_vigencia(s, "certificacao_carga_horaria", HOJE - timedelta(days=1),
                                  {"tecnico_minimo_horas": "1000", "tecnologia_minimo_horas": "1600"},
                                  "Resolução do sistema de ensino (teste)")
    with pytest.raises(Recusa, match=r"\(900 horas\) está abaixo do piso nacional de 1\.000 horas.*sistema de ensino"):
        _curso(s, c, nome="Curso técnico em Edificações", tipo="tecnico", carga_horaria_minima=900)


def test_curso_antigo_abaixo_do_piso_nao_sai_com_titulo(sessao_admin):
    """Um curso gravado antes do piso (mínimo de 600 h) não recebe título: a emissão confere de novo."""
    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 3)
    with s.mudanca(None) as m:  # simula o cadastro de uma versão anterior, sem o piso
        m.db.execute("UPDATE cert_cursos SET carga_horaria_minima = 600 WHERE id = ?", [c["curso"]["id"]])
    n = s.db.execute("SELECT count(*) FROM documentos").fetchone()[0]
    with pytest.raises(Recusa, match="piso nacional de 800 horas"):
        processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "SISTEC-1"},
                                  realizada_em=HOJE - timedelta(days=2))
    assert s.db.execute("SELECT count(*) FROM documentos").fetchone()[0] == n
    assert s.db.execute("SELECT count(*) FROM cert_etapas WHERE processo_id = ? AND etapa = 'certificacao'",
                        [p["id"]]).fetchone()[0] == 0
