"""Tipos do contracheque: linhas (rubricas) com base, percentual, valor e fundamento; totais.

Estes tipos são o contrato entre as regras (que calculam), os serviços (que gravam) e os
relatórios (que imprimem contracheques e folhas analíticas). Dinheiro em Decimal, centavos.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Natureza(StrEnum):
    PROVENTO = "P"
    DESCONTO = "D"


@dataclass(frozen=True)
class Linha:
    """Uma rubrica do contracheque.

    ``base`` é o valor sobre o qual o percentual incide (ou a remuneração de referência de uma
    fração); ``percentual`` em % (15 = 15 %); ``quantidade`` para dias/horas/avos; ``valor`` é o
    que entra no total (sempre ≥ 0; a natureza diz se soma ou subtrai). ``fundamento`` cita o
    artigo ou ato, p. ex. "Lei 1.613/2004, art. 36 e Anexo II".
    """

    codigo: str
    descricao: str
    natureza: Natureza
    valor: Decimal
    fundamento: str
    base: Decimal | None = None
    percentual: Decimal | None = None
    quantidade: Decimal | None = None
    incide_previdencia: bool = True
    incide_irrf: bool = True
    grupo: str = "mensal"  # "mensal" ou "13" (o 13º é tributado à parte)
    referencia: str | None = None  # o lançamento que gerou a linha (pensão, consignação, avulsa, diferença)


@dataclass
class Contracheque:
    """O resultado do cálculo de uma pessoa numa competência (mês/ano)."""

    competencia: date  # dia 1 do mês
    pessoa_id: str
    linhas: list[Linha] = field(default_factory=list)
    avisos: list[str] = field(default_factory=list)

    @property
    def proventos(self) -> Decimal:
        return sum((l.valor for l in self.linhas if l.natureza is Natureza.PROVENTO), Decimal("0.00"))

    @property
    def descontos(self) -> Decimal:
        return sum((l.valor for l in self.linhas if l.natureza is Natureza.DESCONTO), Decimal("0.00"))

    @property
    def liquido(self) -> Decimal:
        return self.proventos - self.descontos
