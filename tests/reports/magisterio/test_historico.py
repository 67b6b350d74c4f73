"""Histórico funcional: linha do tempo em ordem de data com os artigos, previstas à parte, históricos."""
from datetime import date
from io import BytesIO

from pypdf import PdfReader

from desktop.reports.magisterio import historico
from desktop.rules.magisterio.tipos import Cargo, FichaFuncional, EventoCarreira, Nivel, Situacao

from . import amostras as a

SITUACAO = Situacao(date(2026, 3, 1), Cargo.PROFESSOR, Nivel.N3, "B", 40, 6000, False)


def _texto(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages)


def test_linha_do_tempo_em_ordem_com_artigos_e_mudancas_previstas():
    t = _texto(historico.gerar(a.cabecalho(), a.rodape("Histórico funcional"), a.ficha_maria(),
                               a.linha_do_tempo_maria(), situacao=SITUACAO))
    assert "Histórico funcional" in t and "posição em 01/03/2026" in t
    esperado = [
        ("01/02/2010", "Admissão: Professor, Nível 1, Classe A, 40 h", "Lei 1.613/2004, arts. 9º e 16"),
        ("01/02/2013", "Fim do estágio probatório", "Lei 1.613/2004, art. 9º §2º"),
        ("20/05/2014", "Nível 1 → Nível 3 (licenciatura plena)", "Lei 1.613/2004, art. 19 §2º"),
        ("02/02/2024", "Classe A → Classe B (2º quinquênio, com averbação)",
         "Lei 1.613/2004, arts. 16, 22 §3º e 53"),
        ("02/02/2029", "Classe B → Classe C (3º quinquênio)", "Lei 1.613/2004, arts. 16 e 22 §3º"),
    ]
    posicoes = []
    for data, evento, artigo in esperado:
        linha = f"{data} {evento} {artigo}"
        assert linha in t, linha
        posicoes.append(t.index(linha))
    assert posicoes == sorted(posicoes)
    previstas = t.index("Mudanças previstas (posteriores a 01/03/2026)")
    assert posicoes[3] < previstas < posicoes[4]


def test_identificacao_situacao_e_historicos():
    t = _texto(historico.gerar(a.cabecalho(), a.rodape(), a.ficha_maria(), a.linha_do_tempo_maria(),
                               situacao=SITUACAO))
    for trecho in ("Maria da Conceição Araújo", "529.982.247-25", "004512", "Professor", "01/02/2010",
                   "14/07/1982", "Nível 3 · Classe B", "40 horas semanais", "6.000 dias", "Cumprido"):
        assert trecho in t, trecho
    # titulações em ordem de requerimento
    assert t.index("01/02/2010 Nível médio, modalidade normal Magistério") < t.index(
        "20/05/2014 Licenciatura plena Pedagogia UESB 3200 Sim")
    assert "01/01/2016 em aberto Escola Municipal Joaquim Nabuco Pequeno difícil acesso (reside em local " \
           "diverso); zona rural" in t
    assert "01/01/2018 31/12/2021 Vice-diretor(a) Escola Municipal Joaquim Nabuco Pequeno" in t
    assert "04/03/2019 01/07/2019 Licença-maternidade Sim Sim Não" in t
    assert "06/01/2025 04/02/2025 30" in t and "01/04/2026 30/04/2026 30" in t
    assert "30/11/2022 Aperfeiçoamento ou atualização Alfabetização e letramento 120 10/01/2023 Não" in t
    assert "01/03/2011 Rede estadual (2006-2008) 730 dias" in t
    assert "01/02/2010 em aberto 40 Jornada do cargo (art. 23)" in t
    for secao in ("Titulações (arts. 14, 19 e 67)", "Lotações (arts. 38, 42 e 49)",
                  "Funções gratificadas (art. 38 e Anexo III)", "Afastamentos e licenças",
                  "Férias (arts. 54 a 57)", "Cursos de aperfeiçoamento (arts. 46 a 48)",
                  "Averbações de tempo (art. 53)"):
        assert secao in t, secao


def test_ficha_sem_historicos_diz_nenhum_registro():
    ficha = FichaFuncional("p", "João Sá", "52998224725", "77", Cargo.PEDAGOGO, date(2025, 8, 1))
    t = _texto(historico.gerar(a.cabecalho(), a.rodape(), ficha, [], referencia=date(2026, 3, 1)))
    assert "Pedagogo" in t and "Nenhuma mudança registrada." in t
    assert t.count("Nenhum registro.") == 5  # titulações, lotações, funções, afastamentos, férias
    assert "Regências" not in t and "Averbações" not in t and "Cursos de aperfeiçoamento" not in t
    assert "SITUAÇÃO EM" not in t


def test_eventos_do_mesmo_dia_mantem_a_ordem_dada():
    dia = date(2020, 1, 1)
    eventos = [EventoCarreira(dia, "Primeiro do dia", "art. 1"), EventoCarreira(date(2019, 1, 1), "Antes", "art. 2"),
               EventoCarreira(dia, "Segundo do dia", "art. 3")]
    t = _texto(historico.gerar(a.cabecalho(), a.rodape(), a.ficha_maria(), eventos,
                               referencia=date(2026, 1, 1)))
    assert t.index("Antes") < t.index("Primeiro do dia") < t.index("Segundo do dia")
    assert "Mudanças previstas" not in t
