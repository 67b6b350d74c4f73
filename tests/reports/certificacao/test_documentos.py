"""Texto extraído de cada PDF: o que os arts. 15, 16, 23 e 24 §7º exigem, e nada do que os arts. 15 §2º e 16 §ún vedam."""
from datetime import date, datetime, timezone
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.reports.certificacao.atestado import gerar_atestado
from desktop.reports.certificacao.dados import DadosAtestado, DadosEdital, DadosTitulo, LinhaHistorico, Registro
from desktop.reports.certificacao.edital import gerar_edital
from desktop.reports.certificacao.titulos import gerar_historico, gerar_titulo
from desktop.reports.layout import Cabecalho, Rodape
from desktop.rules.certificacao.resultado import termos_vedados
from desktop.rules.certificacao.tipos import Impedimento, TITULOS_DOCUMENTO, TipoDocumento as D

CAB = Cabecalho("Secretaria Municipal de Educação", "Jequié", "BA", "11.222.333/0001-81")
LINHAS = (LinhaHistorico("Desenho técnico", "Interpretar projetos elétricos", 60),
          LinhaHistorico("Instalações elétricas", "Executar instalações prediais", 120),
          LinhaHistorico("Instalações elétricas", "Dimensionar circuitos", 40, False))


def rod(tipo="Documento"):
    return Rodape("ABCD-EFGH-JK23", tipo, 1, 2026, 1, datetime(2026, 3, 2, 12, tzinfo=timezone.utc), "admin")


def texto(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())


def dados(doc: D, **kw) -> DadosTitulo:
    base = dict(tipo_documento=doc.value, titulo=TITULOS_DOCUMENTO[doc], nome="Maria José da Silva",
                cpf="529.982.247-25", nascimento=date(1980, 5, 1), curso="Curso técnico em Eletrotécnica",
                perfil="Técnico em Eletrotécnica", unidade="Centro Territorial", instituicao="Instituto Estadual",
                data_conclusao=date(2026, 3, 1), registro=Registro("2", 15, 37), linhas=LINHAS,
                diploma=doc in (D.DIPLOMA_TECNICO, D.DIPLOMA_TECNOLOGO))
    return DadosTitulo(**{**base, **kw})


@pytest.mark.parametrize("doc", [D.CERTIFICADO_QUALIFICACAO, D.DIPLOMA_TECNICO, D.CERTIFICADO_ESPECIALISTA,
                                 D.DIPLOMA_TECNOLOGO])
def test_titulo_e_historico_sem_termos_vedados(doc):
    d = dados(doc, sistec_codigo="SISTEC-998877" if doc is D.DIPLOMA_TECNICO else None)
    t = texto(gerar_titulo(CAB, rod(), d))
    assert "Maria José da Silva" in t and "Técnico em Eletrotécnica" in t and "220 horas" in t
    assert "registrado sob o nº 37, no livro nº 2, folha 15" in t  # no verso do título (issue 12, item 3)
    if doc is D.DIPLOMA_TECNICO:
        assert "SISTEC-998877" in t
    h = texto(gerar_historico(CAB, rod(), d))
    if d.diploma:  # art. 15: componentes, horas e avaliação
        assert "Componente curricular" in h and "Avaliação" in h
        assert "Instalações elétricas 160" in h and "Desenho técnico 60 Aprovado" in h
    else:  # art. 16: competências, unidade curricular e horas
        assert "Competência profissional" in h and "Interpretar projetos elétricos" in h and "Unidade curricular" in h
    assert termos_vedados(t) == [] and termos_vedados(h) == []
    for palavra in ("reconhecimento", "modalidade", "distância", "presencial", "saberes"):
        assert palavra not in (t + h).lower()


def test_texto_com_termo_vedado_e_recusado():
    with pytest.raises(Impedimento, match=r"art\. 15, §2º"):
        gerar_titulo(CAB, rod(), dados(D.DIPLOMA_TECNICO, curso="Curso técnico em Eletrotécnica a distância"))


def test_atestado_lista_o_reconhecido():
    d = DadosAtestado("Maria José da Silva", "529.982.247-25", "Técnico em Eletrotécnica", "Curso técnico",
                      "Centro Territorial", "Instituto Estadual", date(2026, 3, 1), Registro("1", 3, 3),
                      LINHAS[:1], 3)
    t = texto(gerar_atestado(CAB, rod(), d))
    assert "ATESTADO DE RECONHECIMENTO" in t and "1 das 3 competências" in t
    assert "Interpretar projetos elétricos" in t and "Executar instalações prediais" not in t
    assert "art. 24, §7º" in t


def test_edital_tem_os_dez_itens_do_art_23():
    d = DadosEdital("Oferta 2026/1", "Centro Territorial", "Instituto Estadual", "Técnico em Eletrotécnica",
                    "Técnica de nível médio", "Eletricista", ("Interpretar projetos",), "Na secretaria.",
                    "RG e CPF.", ("Inscrição", "Acolhimento"), "Março a maio.", "Domínio das competências.",
                    "Em até 10 dias.", "Diploma e histórico.", date(2026, 3, 1), date(2026, 3, 31), 30)
    t = texto(gerar_edital(CAB, rod(), d))
    for inciso in ("I –", "II –", "III – Gratuidade", "IV – Inscrição", "V –", "VI –", "VII –", "VIII –",
                   "IX – Recurso", "X –"):
        assert inciso in t
    assert "gratuito" in t and "01/03/2026 a 31/03/2026" in t
