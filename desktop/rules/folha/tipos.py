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


@dataclass(frozen=True)
class Contracheque:
    """O resultado do cálculo de uma pessoa numa competência (mês/ano).

    Imutável: as ``linhas`` viram tupla e os totais (``proventos``, ``descontos``, ``liquido``) são somados uma
    vez, ao criar — a prévia da folha lê o líquido de 3.000 contracheques a cada ordenação e a cada pintura, e
    somar as rubricas em ``Decimal`` a cada leitura custava mais que a própria ordenação. Para mudar as linhas,
    crie outro (``dataclasses.replace(cc, linhas=...)`` soma de novo). Os ``avisos`` são só texto.
    """

    competencia: date  # dia 1 do mês
    pessoa_id: str
    linhas: tuple[Linha, ...] = ()
    avisos: list[str] = field(default_factory=list)
    proventos: Decimal = field(init=False, compare=False)
    descontos: Decimal = field(init=False, compare=False)
    liquido: Decimal = field(init=False, compare=False)

    def __post_init__(self) -> None:
        linhas = tuple(self.linhas)
        proventos = sum((l.valor for l in linhas if l.natureza is Natureza.PROVENTO), Decimal("0.00"))
        descontos = sum((l.valor for l in linhas if l.natureza is Natureza.DESCONTO), Decimal("0.00"))
        object.__setattr__(self, "linhas", linhas)
        object.__setattr__(self, "proventos", proventos)
        object.__setattr__(self, "descontos", descontos)
        object.__setattr__(self, "liquido", proventos - descontos)
