"""Contracheques montados à mão (rubricas com fundamento) para os testes dos documentos do Magistério."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone
from decimal import Decimal as D

from desktop.reports.layout import Cabecalho, Rodape
from desktop.reports.magisterio.dados import DadosServidorContracheque, ItemFolha
from desktop.rules.folha.tipos import Contracheque, Linha, Natureza
from desktop.rules.magisterio.tipos import Cargo, Nivel

P, DESC = Natureza.PROVENTO, Natureza.DESCONTO
MARCO = date(2026, 3, 1)
CODIGO = "ABCD-EFGH-JK23"
LEI = "Lei 1.613/2004"


def cabecalho() -> Cabecalho:
    return Cabecalho("Secretaria Municipal de Educação", "Jequié", "BA", "11.222.333/0001-81")


def rodape(tipo: str = "Contracheque") -> Rodape:
    return Rodape(CODIGO, tipo, 12, 2026, 1, datetime(2026, 3, 28, 13, 0, tzinfo=timezone.utc), "ana")


def servidora(**mudar) -> DadosServidorContracheque:
    dados = dict(nome="Maria da Conceição Araújo", cpf="52998224725", matricula="004512",
                 cargo=Cargo.PROFESSOR, nivel=Nivel.N3, classe="B", jornada=40,
                 lotacao="Escola Municipal Joaquim Nabuco", banco="Banco do Brasil",
                 agencia="1234-5", conta="67.890-1")
    dados.update(mudar)
    return DadosServidorContracheque(**dados)


def contracheque_maria() -> Contracheque:
    """Nível 3, classe B, 40 h, com regência, difícil acesso, uma falta e férias no mês seguinte."""
    linhas = [
        Linha("001", "Vencimento", P, D("3364.52"), f"{LEI}, arts. 20, 22 e Anexo I, tabela B",
              base=D("3364.52"), quantidade=D("30")),
        Linha("010", "Valorização do magistério", P, D("504.68"), f"{LEI}, art. 36 e Anexo II",
              base=D("3364.52"), percentual=D("15")),
        Linha("020", "Gratificação de estímulo à regência", P, D("504.68"), f"{LEI}, art. 41",
              base=D("3364.52"), percentual=D("15")),
        Linha("025", "Gratificação por difícil acesso", P, D("504.68"), f"{LEI}, art. 42 §§ 1º a 4º",
              base=D("3364.52"), percentual=D("15")),
        Linha("060", "Terço constitucional de férias", P, D("1121.51"), f"{LEI}, art. 57; CF, art. 7º XVII",
              base=D("3364.52"), incide_previdencia=False),
        Linha("101", "Falta injustificada", DESC, D("112.15"), f"{LEI}, art. 34 §1º",
              base=D("3364.52"), quantidade=D("1")),
        Linha("201", "Contribuição previdenciária (RPPS)", DESC, D("536.80"),
              "Lei municipal do RPPS; EC 103/2019, art. 9º", base=D("4766.41"), percentual=D("14"),
              incide_irrf=False),
        Linha("210", "Imposto de renda retido na fonte", DESC, D("712.46"),
              "Lei 7.713/1988; Lei 15.270/2025 (redução de 2026)", base=D("5226.72"),
              percentual=D("27.5")),
    ]
    return Contracheque(MARCO, "pessoa-maria", linhas,
                        avisos=["Terço de férias pago na folha anterior ao gozo (art. 57): férias de 01/04/2026 a 30/04/2026."])


def contracheque_simples(n: int, competencia: date = MARCO) -> Contracheque:
    """Nível 1 classe A, 20 h, sem mais nada: vencimento e previdência (valores sintéticos)."""
    venc = D("1621.00") + n
    prev = (venc * D("0.14")).quantize(D("0.01"))
    return Contracheque(competencia, f"p{n}", [
        Linha("001", "Vencimento", P, venc, f"{LEI}, arts. 20, 22 e Anexo I, tabela A", base=venc,
              quantidade=D("30")),
        Linha("201", "Contribuição previdenciária (RPPS)", DESC, prev, "Lei municipal do RPPS",
              base=venc, percentual=D("14")),
    ])


ESCOLAS = ("Escola Municipal Castro Alves", "Escola Municipal Joaquim Nabuco", "Creche Tia Lúcia")


def folha_pequena() -> list[ItemFolha]:
    """Seis servidores em três escolas, com rubricas em comum e um 13º."""
    itens = []
    for n in range(6):
        cc = contracheque_simples(n)
        mais = []
        if n % 2 == 0:
            mais.append(Linha("020", "Gratificação de estímulo à regência", P, D("243.15") + n,
                              f"{LEI}, art. 41", base=D("1621.00"), percentual=D("15")))
        if n == 5:
            mais.append(Linha("070", "13º salário", P, D("1621.00"), "CF, art. 7º VIII", grupo="13"))
        cc = replace(cc, linhas=[*cc.linhas, *mais])  # o contracheque é imutável: outro, com os totais somados
        s = servidora(nome=f"Servidor{n} de Souza Sá", matricula=f"{1000 + n}",
                      lotacao=ESCOLAS[n % 3], nivel=Nivel.N1, classe="A", jornada=20)
        itens.append(ItemFolha(s, cc))
    return itens


def ficha_maria():
    """Ficha com todos os históricos preenchidos (datas e artigos escritos à mão)."""
    from desktop.rules.magisterio import tipos as t

    return t.FichaFuncional(
        id="pessoa-maria", nome="Maria da Conceição Araújo", cpf="52998224725", matricula="004512",
        cargo=Cargo.PROFESSOR, admissao=date(2010, 2, 1), nascimento=date(1982, 7, 14),
        titulacoes=[
            t.Titulacao(t.Titulo.LICENCIATURA_PLENA, date(2014, 5, 20), "Pedagogia", "UESB", 3200),
            t.Titulacao(t.Titulo.MEDIO_NORMAL, date(2010, 2, 1), "Magistério", "Colégio Estadual de Jequié"),
        ],
        lotacoes=[
            t.Lotacao(date(2010, 2, 1), date(2015, 12, 31), escola="Escola Municipal Castro Alves",
                      porte=t.Porte.MEDIO),
            t.Lotacao(date(2016, 1, 1), None, escola="Escola Municipal Joaquim Nabuco", porte=t.Porte.PEQUENO,
                      dificil_acesso=True, reside_em_local_diverso=True, zona_rural=True),
        ],
        jornadas=[t.JornadaPeriodo(date(2010, 2, 1), None, horas=40)],
        funcoes=[t.FuncaoGratificada(date(2018, 1, 1), date(2021, 12, 31), funcao=t.Funcao.VICE_DIRETOR,
                                     porte=t.Porte.PEQUENO, escola="Escola Municipal Joaquim Nabuco")],
        afastamentos=[t.Afastamento(date(2019, 3, 4), date(2019, 7, 1), tipo="Licença-maternidade")],
        ferias=[t.Ferias(date(2025, 1, 6), date(2025, 2, 4)), t.Ferias(date(2026, 4, 1), date(2026, 4, 30))],
        cursos=[t.Curso(t.TipoCurso.APERFEICOAMENTO, date(2022, 11, 30), 120, "Alfabetização e letramento",
                        concessao=date(2023, 1, 10))],
        averbacoes=[t.Averbacao(730, "Rede estadual (2006-2008)", date(2011, 3, 1))],
    )


def linha_do_tempo_maria():
    """Fora de ordem de propósito: o documento ordena por data."""
    from desktop.rules.magisterio.tipos import EventoCarreira

    return [
        EventoCarreira(date(2014, 5, 20), "Nível 1 → Nível 3 (licenciatura plena)", f"{LEI}, art. 19 §2º"),
        EventoCarreira(date(2010, 2, 1), "Admissão: Professor, Nível 1, Classe A, 40 h", f"{LEI}, arts. 9º e 16"),
        EventoCarreira(date(2029, 2, 2), "Classe B → Classe C (3º quinquênio)", f"{LEI}, arts. 16 e 22 §3º"),
        EventoCarreira(date(2013, 2, 1), "Fim do estágio probatório", f"{LEI}, art. 9º §2º"),
        EventoCarreira(date(2024, 2, 2), "Classe A → Classe B (2º quinquênio, com averbação)", f"{LEI}, arts. 16, 22 §3º e 53"),
    ]
