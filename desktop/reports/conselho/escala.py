"""Escala de plantão impressa: um quadro por mês (data, turno, horário, plantonista, modalidade) e a carga.

A carga por conselheiro (noites, dias não úteis, horas) vai ao fim, para quem fiscaliza a igualdade
do art. 20 da Lei 320/2023 (qualquer cidadão pode fiscalizar o horário, art. 19 §ún.).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.platypus import Flowable, Spacer

from desktop.reports import assinaturas
from desktop.reports.layout import LARGURA_UTIL, Cabecalho, Rodape, gerar_pdf, paragrafo, tabela, titulo
from desktop.rules import formato

TITULO = "Escala de plantão do Conselho Tutelar"
_DIAS = ("seg", "ter", "qua", "qui", "sex", "sáb", "dom")



@dataclass(frozen=True)
class LinhaEscala:
    inicio: datetime
    fim: datetime
    tipo: str  # noite | dia
    nome: str
    modalidade: str
    feriado: str = ""


def corpo(inicio: date, fim: date, linhas: list[LinhaEscala], carga: list[tuple[str, int, int, float]]) -> list[Flowable]:
    fluxo: list[Flowable] = [*titulo(TITULO, f"De {formato.data(inicio)} a {formato.data(fim)} — Lei 320/2023, "
                                               "arts. 19 e 20")]
    mes = None
    bloco: list[list[str]] = []
    larg = [LARGURA_UTIL * x for x in (0.16, 0.14, 0.2, 0.34, 0.16)]

    def fechar_bloco():
        if bloco:
            fluxo.append(paragrafo(f"{formato.mes_extenso(mes[1]).capitalize()} de {mes[0]}", "secao"))
            fluxo.append(tabela(["Data", "Turno", "Horário", "Plantonista", "Modalidade"], bloco, larg))

    for l in sorted(linhas, key=lambda x: x.inicio):
        chave = (l.inicio.year, l.inicio.month)
        if chave != mes:
            fechar_bloco()
            mes, bloco = chave, []
        turno = "Noite" if l.tipo == "noite" else "Dia" + (f" ({l.feriado})" if l.feriado else "")
        bloco.append([f"{l.inicio:%d/%m} {_DIAS[l.inicio.weekday()]}", turno[:28],
                      f"{l.inicio:%H:%M} às {l.fim:%H:%M}", l.nome, "Sobreaviso" if l.modalidade == "sobreaviso" else "Plantão"])
    fechar_bloco()
    fluxo += [Spacer(1, 8), paragrafo("Carga por conselheiro no período (art. 20: mesma carga para todos)", "secao"),
              tabela(["Conselheiro", "Noites", "Dias não úteis", "Horas"],
                     [[n, str(a), str(b), f"{h:.0f}"] for n, a, b, h in carga],
                     [LARGURA_UTIL * x for x in (0.55, 0.15, 0.15, 0.15)], alinhar_direita=(1, 2, 3))]
    return fluxo


def gerar(cabecalho: Cabecalho, rodape: Rodape, inicio: date, fim: date, linhas: list[LinhaEscala],
          carga: list[tuple[str, int, int, float]]) -> bytes:
    return gerar_pdf(cabecalho, rodape, TITULO, corpo(inicio, fim, linhas, carga) + assinaturas.bloco(cabecalho))
