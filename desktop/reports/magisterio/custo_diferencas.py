"""Relatório do custo das diferenças de competências fechadas (reajuste e registros lançados depois do
fechamento), por servidor e mês, antes de escolher onde pagá-las: na próxima competência aberta ou numa
folha complementar. Dados simples (``Custo``) entram, PDF sai."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reportlab.platypus import Flowable, Spacer

from desktop.reports.folha import dinheiro, numero
from desktop.reports.layout import LARGURA_UTIL, Cabecalho, Rodape, caber, gerar_pdf, paragrafo, tabela, titulo
from desktop.rules.dinheiro import ZERO
from desktop.rules import formato

TITULO = "Custo das diferenças de competências fechadas"
DESTINOS = {"proxima": "pagas na próxima competência aberta",
            "complementar": "pagas em folha complementar (o que há a descontar fica para a próxima competência)"}


@dataclass(frozen=True)
class ItemCusto:
    """Uma rubrica de diferença de um servidor: ``competencia`` é o mês de origem; ``valor`` com sinal (+ paga,
    − desconta)."""

    servidor_id: str
    nome: str
    matricula: str
    competencia: date
    codigo: str
    descricao: str
    valor: Decimal


@dataclass(frozen=True)
class Custo:
    competencia: date          # a última competência fechada alcançada (X)
    destino: str               # "proxima" | "complementar"
    itens: tuple[ItemCusto, ...]

    @property
    def servidores(self) -> int:
        return len({i.servidor_id for i in self.itens})

    @property
    def proventos(self) -> Decimal:
        return sum((i.valor for i in self.itens if i.valor > 0), ZERO)

    @property
    def descontos(self) -> Decimal:
        return -sum((i.valor for i in self.itens if i.valor < 0), ZERO)

    @property
    def total(self) -> Decimal:
        return self.proventos - self.descontos

    def por_servidor_mes(self) -> list[tuple[str, str, date, Decimal]]:
        """(nome, matrícula, mês de origem, valor) somando as rubricas do mesmo servidor e mês."""
        somas: dict[tuple[str, str, str, date], Decimal] = {}
        for i in self.itens:
            chave = (i.nome, i.matricula, i.servidor_id, i.competencia)
            somas[chave] = somas.get(chave, ZERO) + i.valor
        return [(n, m, k, v) for (n, m, _sid, k), v in sorted(somas.items())]

    def por_servidor(self) -> list[tuple[str, str, Decimal]]:
        somas: dict[tuple[str, str, str], Decimal] = {}
        for i in self.itens:
            chave = (i.nome, i.matricula, i.servidor_id)
            somas[chave] = somas.get(chave, ZERO) + i.valor
        return [(n, m, v) for (n, m, _sid), v in sorted(somas.items())]


def gerar(cabecalho: Cabecalho, rodape: Rodape, custo: Custo) -> bytes:
    fluxo: list[Flowable] = titulo(
        f"{TITULO} até {formato.competencia(custo.competencia)}",
        f"Simulação, nada gravado · diferenças {DESTINOS[custo.destino]}")
    resumo = [["Servidores com diferenças", str(custo.servidores)],
              ["Meses de origem", str(len({i.competencia for i in custo.itens}))],
              ["A pagar", dinheiro(custo.proventos)],
              ["A descontar", dinheiro(custo.descontos)],
              ["Custo (a pagar − a descontar)", dinheiro(custo.total)]]
    fluxo += [tabela(["Item", "Valor"], resumo, [LARGURA_UTIL * 0.62, LARGURA_UTIL * 0.38], alinhar_direita=(1,),
                     tamanho=9), Spacer(1, 6),
              paragrafo("Reajuste com vigência em competência fechada: Lei 1.613/2004, art. 37, §3º (065 a 068; de ano "
                        "anterior, rendimentos recebidos acumuladamente, Lei 7.713/1988, art. 12-A). Registro lançado "
                        "depois do fechamento: o mês recalculado (069/106, art. 35), o terço de férias pago nele "
                        "(071/108, art. 57) e o 13º quitado nele (070/107, Lei 4.090/1962; tributado à parte, Lei "
                        "8.134/1990, art. 16). Valores brutos, antes da previdência e do IRRF; sem encargos "
                        "patronais.", "pequeno"), Spacer(1, 10)]
    if not custo.itens:
        fluxo.append(paragrafo("Não há diferenças a pagar ou descontar.", "corpo"))
        return gerar_pdf(cabecalho, rodape, TITULO, fluxo)
    fluxo.append(paragrafo("Por servidor e mês de origem", "secao"))
    larg = [LARGURA_UTIL * x for x in (0.5, 0.16, 0.16, 0.18)]
    fluxo.append(tabela(["Servidor", "Matrícula", "Mês", "Valor (R$)"],
                        [[caber(n, larg[0] - 6), m, formato.competencia(k), numero(v)]
                         for n, m, k, v in custo.por_servidor_mes()],
                        larg, alinhar_direita=(3,)))
    fluxo.append(Spacer(1, 10))
    fluxo.append(paragrafo("Por servidor", "secao"))
    larg_s = [LARGURA_UTIL * x for x in (0.6, 0.2, 0.2)]
    fluxo.append(tabela(["Servidor", "Matrícula", "Total (R$)"],
                        [[caber(n, larg_s[0] - 6), m, numero(v)] for n, m, v in custo.por_servidor()],
                        larg_s, alinhar_direita=(2,)))
    fluxo.append(Spacer(1, 10))
    fluxo.append(paragrafo("Rubricas", "secao"))
    larg_r = [LARGURA_UTIL * x for x in (0.26, 0.08, 0.1, 0.42, 0.14)]
    fluxo.append(tabela(["Servidor", "Mês", "Rubrica", "Descrição", "Valor (R$)"],
                        [[caber(i.nome, larg_r[0] - 6), formato.competencia(i.competencia), i.codigo,
                          paragrafo(i.descricao, "celula"), numero(i.valor)] for i in custo.itens],
                        larg_r, alinhar_direita=(4,)))
    return gerar_pdf(cabecalho, rodape, TITULO, fluxo)
