"""PDFs do Conselho a partir de dados simples: relatório trimestral anônimo com gráficos, escala, documentos, CSV."""
from datetime import date, datetime, timezone
from io import BytesIO

from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import KeepTogether

from desktop.reports import layout
from desktop.reports.conselho import documentos, escala, relatorio
from desktop.rules.conselho.relatorio import Registro, agregar, trimestre

CAB = layout.Cabecalho("Conselho Tutelar de Itapiranga", "Itapiranga", "AM", "11.222.333/0001-81")
ROD = layout.Rodape("ABCD-EFGH-JK23", "Relatório", 1, 2026, 1, datetime(2026, 4, 2, 12, tzinfo=timezone.utc), "ct1")


def _texto(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)


def _estatisticas():
    regs = [Registro(date(2026, 1, 5), "denuncia", "Centro", (date(2016, 1, 1), None), ("vida_saude",),
                     ("pais_responsaveis",), ("101-II",)),
            Registro(date(2026, 2, 9), "atendimento", "São João", (date(2010, 5, 1),),
                     ("educacao_cultura_esporte_lazer", "vida_saude"), ("estado", "pais_responsaveis"), ("101-III", "129-V")),
            Registro(date(2026, 4, 1), "informacao", "Centro", (date(2012, 1, 1),), (), (), ())]
    return agregar(regs, *trimestre(2026, 1))


def test_contagens_do_trimestre():
    e = _estatisticas()
    assert e.registros == 2 and e.criancas == 3
    assert e.por_direito["vida_saude"] == 2 and e.por_bairro == {"Centro": 1, "São João": 1}
    assert e.por_faixa == {"6 a 11 anos": 1, "Idade não informada": 1, "15 a 17 anos": 1}
    assert dict(e.por_mes) == {(2026, 1): 1, (2026, 2): 1}


def test_relatorio_trimestral_com_graficos_e_sem_identidade():
    # limiar 1 (sem supressão): confere tabelas e gráficos; a supressão tem o teste abaixo (issue 14)
    pdf = relatorio.gerar(CAB, ROD, _estatisticas(), "Falta psicólogo no CAPS.", limiar=1)
    texto = _texto(pdf)
    for trecho in ("Relatório trimestral do Conselho Tutelar", "01/01/2026 a 31/03/2026", "Direitos violados",
                   "Vida e saúde", "Registros por bairro", "São João", "Falta psicólogo", "art. 36"):
        assert trecho in texto, trecho
    assert pdf.count(b"/Type /Page") >= 1
    blocos = [f for f in relatorio.corpo(_estatisticas(), limiar=1) if isinstance(f, KeepTogether)]
    graficos = [x for b in blocos for x in b._content if isinstance(x, Drawing)]
    assert len(graficos) == 5  # mês, direitos, medidas, faixa etária e bairro


def test_relatorio_com_limiar_suprime_contagens_pequenas():
    """Com o limiar 5 (padrão), o trimestre de 2 registros não mostra contagem de 1 a 4 nem bairro."""
    texto = _texto(relatorio.gerar(CAB, ROD, _estatisticas(), "", limiar=5))
    assert "Registros no período: < 5" in texto and "São João" not in texto and "Centro" not in texto
    assert "Tabela omitida" in texto and "< 5" in texto
    blocos = [f for f in relatorio.corpo(_estatisticas(), limiar=5) if isinstance(f, KeepTogether)]
    assert [x for b in blocos for x in b._content if isinstance(x, Drawing)] == []  # nenhum gráfico revela o número


def test_csv_sipia_sem_nomes():
    csv = relatorio.csv_sipia([{"numero": 1, "ano": 2026, "data": "2026-01-05", "tipo": "denuncia", "bairro": "Centro",
                                "faixa_etaria": "6 a 11 anos", "sexo": "F", "direito": "vida_saude",
                                "agente": "pais_responsaveis", "medidas": "101-II", "plantao": "sim",
                                "situacao": "aberto", "nome": "Maria"}])
    linhas = csv.lstrip("\ufeff").splitlines()
    assert linhas[0].split(";") == list(relatorio.CAMPOS_CSV)
    assert "Maria" not in csv and linhas[1].startswith("1;2026;2026-01-05;denuncia;Centro")


def test_escala_impressa_com_carga():
    linhas = [escala.LinhaEscala(datetime(2026, 7, 2, 8), datetime(2026, 7, 2, 18), "dia", "Ana Souza", "plantao",
                                 "Independência da Bahia"),
              escala.LinhaEscala(datetime(2026, 7, 2, 18), datetime(2026, 7, 3, 8), "noite", "Bruno Lima", "sobreaviso")]
    texto = _texto(escala.gerar(CAB, ROD, date(2026, 7, 1), date(2026, 7, 31), linhas,
                                [("Ana Souza", 0, 1, 10.0), ("Bruno Lima", 1, 0, 14.0)]))
    for trecho in ("Julho de 2026", "02/07 qui", "Independência", "18:00 às 08:00", "Sobreaviso", "art. 20"):
        assert trecho in texto, trecho


def test_termo_de_medida():
    d = documentos.DocumentoCaso("conselho_termo_medida", "Atendimento nº 3/2026", "Josefa da Conceição",
                                 ("Aplica as medidas acima.",), ("ECA (Lei 8.069/1990), art. 101, II",), "Itapiranga-AM",
                                 date(2026, 3, 9), "Ana Souza",
                                 (("Art. 101, II", "Orientação, apoio e acompanhamento temporários"),))
    texto = _texto(documentos.gerar(CAB, ROD, d))
    for trecho in ("Termo de aplicação de medida de proteção", "Atendimento nº 3/2026", "Josefa da Conceição",
                   "Orientação, apoio", "Itapiranga-AM, 09/03/2026", "ABCD-EFGH-JK23"):
        assert trecho in texto, trecho
