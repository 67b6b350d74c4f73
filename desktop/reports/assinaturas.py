"""O bloco de assinaturas dos signatários do emissor: linha para assinar, nome, cargo e ato de designação.

Os signatários vêm do cadastro do emissor (``Cabecalho.signatarios``); sem nenhum cadastrado, o bloco
não aparece (o documento sai como antes). Até três por linha, lado a lado, sem quebrar entre páginas.
"""
from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from .layout import LARGURA_UTIL, Cabecalho, paragrafo

POR_LINHA = 3


def bloco(cab: Cabecalho, espaco_antes: float = 26) -> list[Flowable]:
    """Os signatários do emissor do documento, prontos para o fim do corpo."""
    if not cab.signatarios:
        return []
    celulas = []
    for nome, cargo, ato in cab.signatarios:
        celula = [paragrafo("_" * 38, "pequeno"), paragrafo(nome, "corpo"), paragrafo(cargo, "pequeno")]
        if ato:
            celula.append(paragrafo(f"Designação: {ato}", "pequeno"))
        celulas.append(celula)
    linhas = [celulas[i:i + POR_LINHA] for i in range(0, len(celulas), POR_LINHA)]
    colunas = min(POR_LINHA, len(celulas))
    linhas = [l + [""] * (colunas - len(l)) for l in linhas]
    t = Table(linhas, colWidths=[LARGURA_UTIL / colunas] * colunas)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 10), ("TOPPADDING", (0, 0), (-1, -1), 14)]))
    return [Spacer(1, espaco_antes), KeepTogether([t])]
