"""Títulos e históricos que não revelam a forma de obtenção (Portaria MEC 902/2024, arts. 15 §2º e 16 §ún):
cada modelo montado com dados reais e o texto extraído do PDF inteiro (cabeçalho, corpo, registro e rodapé)
varrido pelas palavras vedadas — nos dados e no texto fixo do modelo (issue 12)."""
from datetime import date, datetime, timezone
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.reports.certificacao.dados import DadosTitulo, LinhaHistorico, Registro
from desktop.reports.certificacao.titulos import gerar_historico, gerar_titulo
from desktop.reports.layout import Cabecalho, Rodape
from desktop.rules.certificacao.resultado import termos_vedados, verificar_nova_via
from desktop.rules.certificacao.tipos import DIPLOMAS, TITULOS_DOCUMENTO, TipoDocumento as D

CAB = Cabecalho("Instituto Federal de Educação, Ciência e Tecnologia Baiano — Campus Jequié", "Jequié", "BA",
                "10.724.903/0004-11", None, "Rua Rio de Contas, s/n, Jequiezinho")
LINHAS = (LinhaHistorico("Desenho técnico", "Interpretar projetos elétricos prediais e industriais", 80),
          LinhaHistorico("Instalações elétricas", "Executar instalações elétricas prediais", 200),
          LinhaHistorico("Instalações elétricas", "Dimensionar circuitos e dispositivos de proteção", 120),
          LinhaHistorico("Segurança do trabalho", "Aplicar as normas de segurança em eletricidade (NR-10)", 40),
          LinhaHistorico("Máquinas elétricas", "Instalar e manter motores e transformadores", 160))
PERFIS = {D.CERTIFICADO_QUALIFICACAO: ("Curso de qualificação em Eletricista Instalador Predial",
                                        "Eletricista Instalador Predial", None),
          D.DIPLOMA_TECNICO: ("Curso Técnico em Eletrotécnica", "Técnico em Eletrotécnica", "SISTEC-2026-00045871"),
          D.CERTIFICADO_ESPECIALISTA: ("Especialização técnica em Sistemas Fotovoltaicos",
                                       "Especialista técnico em Sistemas Fotovoltaicos", None),
          D.DIPLOMA_TECNOLOGO: ("Curso Superior de Tecnologia em Automação Industrial",
                                "Tecnólogo em Automação Industrial", None)}
MATRIZ = (("Desenho técnico", 120), ("Eletricidade básica", 240), ("Instalações elétricas", 400),
          ("Máquinas elétricas", 320), ("Segurança do trabalho", 160))
VIAS = [Registro("3", 42, 1187, 1, verificar_nova_via(1, None)),
        Registro("3", 42, 1187, 2, verificar_nova_via(2, "Extravio da 1ª via, boletim de ocorrência 4512/2026"))]
SIGNATARIOS = (("Ana Cláudia Nascimento Reis", "Diretora-geral"), ("José Carlos Bittencourt", "Secretário escolar"))


def texto(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())


def dados(doc: D, registro: Registro, signatarios=SIGNATARIOS) -> DadosTitulo:
    curso, perfil, sistec = PERFIS[doc]
    return DadosTitulo(tipo_documento=doc.value, titulo=TITULOS_DOCUMENTO[doc], nome="Maria José da Silva Santos",
                       cpf="529.982.247-25", nascimento=date(1979, 8, 14), curso=curso, perfil=perfil,
                       unidade="Campus Jequié", instituicao="Instituto Federal Baiano",
                       data_conclusao=date(2026, 3, 20), registro=registro, linhas=LINHAS,
                       codigo_catalogo="CNCT 3104" if doc in DIPLOMAS else None, sistec_codigo=sistec,
                       eixo="Controle e Processos Industriais", diploma=doc in DIPLOMAS, signatarios=signatarios,
                       nacionalidade="brasileira", naturalidade="Jequié/BA", rg="12.345.678-90", rg_orgao="SSP/BA",
                       ato_autorizacao="Resolução CEE-BA nº 45/2019", componentes=MATRIZ, carga_horaria=1240,
                       carga_horaria_minima=1200 if doc in DIPLOMAS else None,
                       catalogo="Catálogo Nacional de Cursos Técnicos (CNCT)" if doc in DIPLOMAS else "")


@pytest.mark.parametrize("registro", VIAS, ids=["1a-via", "2a-via"])
@pytest.mark.parametrize("signatarios", [SIGNATARIOS, ()], ids=["signatarios-do-emissor", "sem-signatarios"])
@pytest.mark.parametrize("doc", list(PERFIS))
def test_nenhum_titulo_nem_historico_revela_a_forma_de_obtencao(doc, registro, signatarios):
    d = dados(doc, registro, signatarios)
    for nome, pdf in (("título", gerar_titulo(CAB, _rod(doc), d)), ("histórico", gerar_historico(CAB, _rod(D.HISTORICO), d))):
        t = texto(pdf)
        assert "Maria José da Silva Santos" in t and d.perfil in t, nome
        assert termos_vedados(t) == [], (nome, termos_vedados(t))
        for palavra in ("Portaria", "unidade certificadora", "certificação", "reconhecimento", "saberes",
                        "experiência", "modalidade", "a distância", "presencial", "EaD"):
            assert palavra.lower() not in t.lower(), (nome, palavra)
    t = texto(gerar_titulo(CAB, _rod(doc), d))
    grande, _, resto = TITULOS_DOCUMENTO[doc].partition(" ")  # "DIPLOMA" em letras grandes, "de técnico…" embaixo
    assert t.index("REPÚBLICA FEDERATIVA DO BRASIL") < t.index(grande.upper()) < t.index(resto)
    assert "Jequié/BA, 23 de março de 2026." in t  # o lugar é o município do emissor, não o nome da unidade
    if signatarios:
        assert "Ana Cláudia Nascimento Reis Diretora-geral" in t and "José Carlos Bittencourt" in t
    else:
        assert "Diretor(a)" in t and "Secretário(a) escolar" in t
    if registro.via == 2:
        assert "2ª via: Extravio da 1ª via" in t


def _rod(doc: D) -> Rodape:
    return Rodape("ABCD-EFGH-JK23", TITULOS_DOCUMENTO[doc], 7, 2026, 1, datetime(2026, 3, 23, 14, tzinfo=timezone.utc),
                  "secretaria")
