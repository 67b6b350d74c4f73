"""Pasta do processo de certificação: identificação, cada etapa com o que registrou, recursos e documentos (art. 12 XIV)."""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Spacer

from ..layout import Cabecalho, LARGURA_UTIL, Rodape, gerar_pdf, paragrafo, tabela, titulo
from .pecas import celula, identificacao

TITULO = "Pasta do processo de certificação"


@dataclass(frozen=True)
class DadosPasta:
    identificacao: tuple[tuple[str, str], ...]
    etapas: tuple[tuple[str, str, str, str], ...]      # etapa, realizada em, por, o que registrou
    recursos: tuple[str, ...]
    documentos: tuple[tuple[str, str, str, str], ...]  # documento, via, registro, situação
    anexos: tuple[tuple[str, str, str, str], ...] = ()  # tipo, descrição, arquivo (tamanho), anexado em/por · SHA-256


def gerar_pasta(cab: Cabecalho, rod: Rodape, d: DadosPasta) -> bytes:
    """Para a supervisão e a guarda de dez anos (Portaria MEC 902/2024, art. 12 XIV)."""
    itens = [*titulo("PASTA DO PROCESSO", "registros das etapas do art. 24 da Portaria MEC 902/2024"),
             identificacao(list(d.identificacao)), Spacer(1, 6), paragrafo("Etapas", "secao"),
             tabela(["Etapa", "Data", "Registrada por", "O que foi registrado"],
                    [(e, dt, por, celula(o)) for e, dt, por, o in d.etapas],
                    [LARGURA_UTIL * x for x in (0.15, 0.12, 0.13, 0.6)], tamanho=8)]
    itens += [Spacer(1, 6), paragrafo("Recurso (art. 13, XI)", "secao")]
    itens += [paragrafo(r) for r in d.recursos] or [paragrafo("Nenhum recurso interposto.")]
    itens += [Spacer(1, 6), paragrafo("Anexos guardados na base (documentação comprobatória)", "secao")]
    if d.anexos:
        itens.append(tabela(["Tipo", "Descrição", "Arquivo", "Anexado / SHA-256"], [tuple(celula(x) for x in l)
                                                                                     for l in d.anexos],
                            [LARGURA_UTIL * x for x in (0.2, 0.32, 0.2, 0.28)], tamanho=8))
    else:
        itens.append(paragrafo("Nenhum anexo."))
    itens += [Spacer(1, 6), paragrafo("Documentos emitidos", "secao")]
    if d.documentos:
        itens.append(tabela(["Documento", "Via", "Registro", "Situação"], [tuple(celula(x) for x in l) for l in d.documentos],
                            [LARGURA_UTIL * x for x in (0.4, 0.08, 0.27, 0.25)], tamanho=8))
    else:
        itens.append(paragrafo("Nenhum documento emitido."))
    return gerar_pdf(cab, rod, TITULO, itens)
