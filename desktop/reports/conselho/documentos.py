"""Documentos do caso e da fiscalização: notificação, ofício, requisição de serviço e termo de medida.

Todos seguem o mesmo corpo: título, identificação do atendimento (número/ano, nunca o relato), o
destinatário, o texto e os fundamentos, local e data e o campo de assinatura do conselheiro. Cada um é
emitido como documento registrado (código e QR no rodapé) pelo serviço.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reportlab.platypus import Flowable, Spacer

from desktop.reports import assinaturas
from desktop.reports.layout import (LARGURA_UTIL, Cabecalho, Rodape, gerar_pdf, paragrafo, quadro, tabela,
                                    titulo)
from desktop.rules import formato

TITULOS = {
    "conselho_notificacao": "Notificação",
    "conselho_oficio": "Ofício",
    "conselho_requisicao": "Requisição de serviço",
    "conselho_termo_medida": "Termo de aplicação de medida de proteção",
}


@dataclass(frozen=True)
class DocumentoCaso:
    """O conteúdo de um documento do Conselho (texto simples)."""

    tipo: str  # uma chave de TITULOS
    referencia: str  # "Atendimento nº 12/2026" ou "Fiscalização 2026-1"
    destinatario: str
    paragrafos: tuple[str, ...]
    fundamentos: tuple[str, ...]
    municipio: str
    data: date
    assinante: str
    itens: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (rótulo, valor) num quadro


def corpo(d: DocumentoCaso) -> list[Flowable]:
    fluxo: list[Flowable] = [*titulo(TITULOS[d.tipo], d.referencia),
                             paragrafo(f"A: {d.destinatario}", "secao")]
    if d.itens:
        fluxo.append(tabela(["Campo", "Informação"], [list(i) for i in d.itens],
                            [LARGURA_UTIL * 0.3, LARGURA_UTIL * 0.7]))
        fluxo.append(Spacer(1, 8))
    fluxo += [paragrafo(p) for p in d.paragrafos]
    if d.fundamentos:
        fluxo.append(quadro([paragrafo("Fundamentos: " + "; ".join(d.fundamentos), "pequeno")], espaco=5))
    fluxo += [Spacer(1, 14), paragrafo(f"{d.municipio}, {formato.data(d.data)}."), Spacer(1, 28),
              paragrafo("_______________________________________________"),
              paragrafo(f"{d.assinante} — Conselho Tutelar", "pequeno")]
    return fluxo


def gerar(cabecalho: Cabecalho, rodape: Rodape, documento: DocumentoCaso) -> bytes:
    return gerar_pdf(cabecalho, rodape, f"{TITULOS[documento.tipo]} — {documento.referencia}",
                     corpo(documento) + assinaturas.bloco(cabecalho, 14))
