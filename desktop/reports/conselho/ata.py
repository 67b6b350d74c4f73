"""Ata da sessão deliberativa do colegiado do Conselho Tutelar (Lei 320/2023, art. 21 caput, §§1º e 5º).

Diz o tipo, a data, a hora e o local da sessão, os membros presentes, o quórum, e cada item da pauta:
o atendimento (só o número — a ata é entregue aos interessados, art. 21 §5º, e não repete nomes nem
relato), a decisão levada ao colegiado, as medidas, o voto de cada conselheiro, o resultado e a
retificação. Texto em parágrafos que quebram linha: nada passa da margem.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.platypus import Flowable, Spacer

from desktop.reports.layout import (LARGURA_UTIL, Cabecalho, Rodape, gerar_pdf, paragrafo, quadro, tabela,
                                    titulo)
from desktop.rules import formato

TITULO = "Ata de sessão do colegiado do Conselho Tutelar"


@dataclass(frozen=True)
class ItemAta:
    atendimento: str                   # "12/2026"
    decisao: str                       # a descrição da decisão levada ao colegiado
    decidida: str                      # "05/03/2026 04:15 (plantão) por Ana ..."
    medidas: tuple[str, ...]
    votos: tuple[tuple[str, str], ...]  # (conselheiro, voto)
    resultado: str
    apuracao: str
    retificacao: str = ""


@dataclass(frozen=True)
class DadosAta:
    tipo: str                          # "Ordinária"
    realizada_em: datetime
    local: str
    presentes: tuple[str, ...]
    membros: int
    quorum: int
    itens: tuple[ItemAta, ...]
    encerrada_em: datetime
    municipio: str
    fundamento: str


def corpo(d: DadosAta) -> list[Flowable]:
    fluxo: list[Flowable] = [*titulo(TITULO, f"Sessão {d.tipo.lower()} de {formato.data(d.realizada_em)} às "
                                             f"{d.realizada_em:%H:%M}")]
    fluxo.append(paragrafo(
        f"Aos {formato.data(d.realizada_em)}, às {d.realizada_em:%H:%M}, em {d.local or 'sede do Conselho Tutelar'}, "
        f"reuniu-se em sessão {d.tipo.lower()} o colegiado do Conselho Tutelar, com a presença de "
        f"{len(d.presentes)} dos {d.membros} membros ({', '.join(d.presentes)}), havendo quórum (mínimo de "
        f"{d.quorum} membros presentes e aptos), para deliberar sobre as decisões individuais e as medidas de "
        "caráter emergencial tomadas em plantão, nos termos do art. 21 caput e §1º da Lei 320/2023."))
    fluxo.append(Spacer(1, 6))
    if not d.itens:
        fluxo.append(paragrafo("Nenhum item foi deliberado nesta sessão.", "secao"))
    for n, it in enumerate(d.itens, start=1):
        fluxo.append(paragrafo(f"Item {n} — Atendimento nº {it.atendimento}", "secao"))
        fluxo.append(paragrafo(f"Decisão levada ao colegiado: {it.decisao} (tomada em {it.decidida})."))
        if it.medidas:
            fluxo.append(paragrafo("Medidas: " + "; ".join(it.medidas) + "."))
        fluxo.append(tabela(["Conselheiro(a)", "Voto"],
                            [[paragrafo(nome, "celula"), voto] for nome, voto in it.votos],
                            [LARGURA_UTIL * 0.7, LARGURA_UTIL * 0.3]))
        resultado = f"Resultado: {it.resultado} ({it.apuracao})."
        if it.retificacao:
            resultado += f" Retificação: {it.retificacao}."
        fluxo += [Spacer(1, 3), quadro([paragrafo(resultado)], espaco=4), Spacer(1, 6)]
    fluxo.append(paragrafo(
        f"Nada mais havendo, a sessão foi encerrada às {d.encerrada_em:%H:%M} de {formato.data(d.encerrada_em)}, e "
        "eu lavrei a presente ata, que vai assinada pelos presentes."))
    fluxo.append(quadro([paragrafo(f"Fundamentos: {d.fundamento}", "pequeno")], espaco=5))
    fluxo += [Spacer(1, 10), paragrafo(f"{d.municipio}, {formato.data(d.encerrada_em)}.")]
    for nome in d.presentes:
        fluxo += [Spacer(1, 22), paragrafo("_______________________________________________"),
                  paragrafo(f"{nome} — Conselho Tutelar", "pequeno")]
    return fluxo


def gerar(cabecalho: Cabecalho, rodape: Rodape, dados: DadosAta) -> bytes:
    return gerar_pdf(cabecalho, rodape, f"{TITULO} — {formato.data(dados.realizada_em)}", corpo(dados))
