"""Contribuição do segurado empregado ao RGPS (INSS): alíquotas progressivas por faixa.

EC 103/2019, art. 28: cada alíquota (7,5%, 9%, 12%, 14%) incide só sobre a parte do salário de
contribuição que cai na sua faixa; os limites das faixas são reajustados a cada ano por portaria
interministerial MPS/MF (parâmetro ``inss``). O cálculo é feito faixa a faixa, com a soma exata
arredondada ao centavo só no fim; a "parcela a deduzir" publicada nas portarias não é usada
(numa faixa de 2026 ela difere em 1 centavo do cálculo faixa a faixa). Acima do teto (limite da
última faixa) não há contribuição adicional.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from . import campos
from .dinheiro import ZERO, ValorFundamentado, centavos, decimal_de, texto_decimal, texto_dinheiro
from .validacao import EntradaInvalida

CEM = Decimal(100)
FUNDAMENTO = "EC 103/2019, art. 28; faixas da portaria interministerial MPS/MF do ano"
"""O que as recusas de uma tabela do INSS citam."""


@dataclass(frozen=True)
class FaixaINSS:
    """Faixa: a alíquota ``percentual`` (em %) incide sobre a parte da base até ``ate``."""

    ate: Decimal
    percentual: Decimal


@dataclass(frozen=True)
class TabelaINSS:
    faixas: tuple[FaixaINSS, ...]
    inicio: date
    fundamento: str
    status: str = "V"

    @property
    def teto(self) -> Decimal:
        """Limite máximo do salário de contribuição (limite da última faixa)."""
        return self.faixas[-1].ate

    @classmethod
    def de_valor(cls, valor, *, inicio: date, fundamento: str, status: str = "V") -> "TabelaINSS":
        """Monta e valida a tabela a partir do valor gravado: {"faixas": [{"ate", "percentual"}]}, pelos tipos
        de campo dos parâmetros (``rules.campos``): limite em reais, crescente; alíquota de mais de 0 a 100%."""
        faixas, anterior = [], None
        with campos.citando(FUNDAMENTO):
            for n, f in enumerate(campos.faixas(valor, ("ate", "percentual"), "tabela do INSS"), start=1):
                ate = campos.crescente(campos.dinheiro(f["ate"], f"o limite (até) da faixa {n} do INSS"), anterior,
                                       f"o limite (até) da faixa {n} do INSS")
                pct = campos.percentual(f["percentual"], f"A alíquota da faixa {n} do INSS", maior_que_zero=True)
                faixas.append(FaixaINSS(ate, pct))
                anterior = ate
        return cls(tuple(faixas), inicio, fundamento, status)

    def para_valor(self) -> dict:
        """A forma gravada (texto decimal), inversa de ``de_valor``."""
        return {"faixas": [{"ate": texto_dinheiro(f.ate), "percentual": texto_decimal(f.percentual)}
                           for f in self.faixas]}


@dataclass(frozen=True)
class ParcelaINSS:
    """O que uma faixa contribuiu: ``contribuicao`` é exata (sem arredondar)."""

    de: Decimal
    ate: Decimal
    percentual: Decimal
    base: Decimal
    contribuicao: Decimal


@dataclass(frozen=True)
class ResultadoINSS(ValorFundamentado):
    """``valor`` é a contribuição arredondada; ``base_contribuicao`` já limitada ao teto."""

    base: Decimal
    base_contribuicao: Decimal
    teto_aplicado: bool
    parcelas: tuple[ParcelaINSS, ...]


def calcular_inss(base: Decimal, tabela: TabelaINSS) -> ResultadoINSS:
    """Contribuição mensal do segurado empregado (EC 103/2019, art. 28; portaria da tabela).

    Soma, faixa a faixa, a alíquota da faixa sobre a parte da base que nela cai; a base é
    limitada ao teto; a soma exata é arredondada ao centavo (ROUND_HALF_UP) no fim.
    """
    base = decimal_de(base, "a base de cálculo do INSS")
    if base < 0:
        raise EntradaInvalida("A base de cálculo do INSS não pode ser negativa.")
    limitada = min(base, tabela.teto)
    parcelas, de, total = [], ZERO, Decimal(0)
    for faixa in tabela.faixas:
        if limitada <= de:
            break
        na_faixa = min(limitada, faixa.ate) - de
        contribuicao = na_faixa * faixa.percentual / CEM
        parcelas.append(ParcelaINSS(de, faixa.ate, faixa.percentual, na_faixa, contribuicao))
        total += contribuicao
        de = faixa.ate
    return ResultadoINSS(
        valor=centavos(total), fundamento=tabela.fundamento, base=base,
        base_contribuicao=limitada, teto_aplicado=base > tabela.teto, parcelas=tuple(parcelas),
    )
