"""Relatório do impacto de um reajuste da matriz (Anexo I) antes de aplicá-lo: totais mensal e anual,
número de servidores, diferenças de competências já fechadas e a lista servidor a servidor (PDF)."""
from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from desktop.reports.layout import LARGURA_UTIL, Cabecalho, Rodape, caber, gerar_pdf, paragrafo, tabela, titulo
from desktop.rules.magisterio.reajuste_impacto import Impacto

from desktop.reports.folha import competencia_extenso, dinheiro, numero
from desktop.rules import formato

TITULO = "Impacto do reajuste na folha"


def gerar(cabecalho: Cabecalho, rodape: Rodape, imp: Impacto, descricao: str, fundamento: str) -> bytes:
    pct = f" ({str(imp.percentual).replace('.', ',')} %)" if imp.percentual is not None else ""
    fluxo: list[Flowable] = titulo(
        f"{TITULO} — vigência a partir de {formato.data(imp.inicio)}",
        f"Simulação, nada aplicado · {descricao} · {fundamento}")
    resumo = [
        ["Competência calculada", competencia_extenso(imp.competencia)],
        ["Servidores na folha", str(imp.servidores)],
        ["Servidores com a remuneração alterada", str(imp.afetados)],
        ["Folha do mês com a tabela vigente", dinheiro(imp.total_antes)],
        ["Folha do mês com a tabela nova", dinheiro(imp.total_depois)],
        ["Impacto mensal", dinheiro(imp.mensal) + pct],
        ["Impacto anual estimado (12 meses + 13º + terço de férias)", dinheiro(imp.anual)],
    ]
    if imp.retroativos:
        resumo.append(["Diferenças de competências já fechadas (ver abaixo)", dinheiro(imp.retroativo)])
    fluxo += [tabela(["Item", "Valor"], resumo, [LARGURA_UTIL * 0.62, LARGURA_UTIL * 0.38], alinhar_direita=(1,),
                     tamanho=9), Spacer(1, 6),
              paragrafo("Remuneração do mês: proventos mensais menos faltas e abate-teto, sem o 13º (Lei 1.613/2004, "
                        "art. 35); o complemento do salário mínimo (CF, art. 7º, IV) absorve o reajuste de quem "
                        "ganha menos que o mínimo. Encargos patronais não incluídos. As diferenças de competências "
                        "já fechadas são pagas na próxima competência aberta ou em folha complementar (as de ano "
                        "anterior, como rendimento recebido acumuladamente — RRA).", "pequeno"), Spacer(1, 10)]
    if imp.retroativos:
        fluxo.append(paragrafo("Competências já fechadas alcançadas pela vigência", "secao"))
        fluxo.append(tabela(["Competência", "Servidores", "Pago (R$)", "Devido (R$)", "Diferença (R$)"],
                            [[f"{formato.competencia(m.competencia)}", str(m.servidores), numero(m.pago), numero(m.devido),
                              numero(m.diferenca)] for m in imp.retroativos],
                            [LARGURA_UTIL * x for x in (0.2, 0.15, 0.22, 0.22, 0.21)], alinhar_direita=(1, 2, 3, 4)))
        fluxo.append(paragrafo("Devido: o mês recalculado com a tabela nova; quem receberia menos com ela (no "
                               "complemento do mínimo, com falta no mês) conta pelo pago — a diferença negativa não "
                               "é descontada.", "pequeno"))
        fluxo.append(Spacer(1, 10))
    if imp.retroativos_servidores:
        fluxo.append(paragrafo("Diferenças por servidor e competência fechada (remuneração do mês e 13º quitado nela)",
                               "secao"))
        larg_r = [LARGURA_UTIL * x for x in (0.36, 0.12, 0.13, 0.13, 0.13, 0.13)]
        fluxo.append(tabela(
            ["Servidor", "Matrícula", "Competência", "Pago (R$)", "Devido (R$)", "Diferença"],
            [[caber(r.nome, larg_r[0] - 6), r.matricula, f"{formato.competencia(r.competencia)}", numero(r.pago), numero(r.devido),
              numero(r.diferenca)] for r in imp.retroativos_servidores],
            larg_r, alinhar_direita=(3, 4, 5)))
        fluxo.append(Spacer(1, 10))
    fluxo.append(paragrafo("Servidores", "secao"))
    larg = [LARGURA_UTIL * x for x in (0.34, 0.1, 0.2, 0.12, 0.12, 0.12)]
    fluxo.append(tabela(
        ["Servidor", "Matrícula", "Lotação", "Antes (R$)", "Depois (R$)", "Diferença"],
        [[caber(i.nome, larg[0] - 6), i.matricula, caber(i.lotacao, larg[2] - 6), numero(i.antes), numero(i.depois),
          numero(i.diferenca)] for i in sorted(imp.itens, key=lambda x: (x.nome, x.matricula))],
        larg, alinhar_direita=(3, 4, 5)))
    return gerar_pdf(cabecalho, rodape, TITULO, fluxo)
