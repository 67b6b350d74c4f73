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

from .dinheiro import ZERO, ValorFundamentado, centavos, decimal_de, texto_decimal, texto_dinheiro
from .validacao import EntradaInvalida

CEM = Decimal(100)


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
        """Monta e valida a tabela a partir do valor gravado: {"faixas": [{"ate", "percentual"}]}."""
        if not isinstance(valor, dict) or not isinstance(valor.get("faixas"), list) or not valor["faixas"]:
            raise EntradaInvalida("A tabela do INSS deve ter uma lista de faixas (limite e alíquota).")
        faixas, anterior = [], ZERO
        for n, f in enumerate(valor["faixas"], start=1):
            if not isinstance(f, dict) or "ate" not in f or "percentual" not in f:
                raise EntradaInvalida(f"Faixa {n} do INSS: informe o limite (até) e a alíquota (%).")
            ate = centavos(decimal_de(f["ate"], f"o limite da faixa {n}"))
            pct = decimal_de(f["percentual"], f"a alíquota da faixa {n}")
            if ate <= anterior:
                raise EntradaInvalida(
                    f"Faixa {n} do INSS: o limite deve ser maior que o da faixa anterior "
                    "(as faixas vão em ordem crescente)."
                )
            if not ZERO < pct <= CEM:
                raise EntradaInvalida(f"Faixa {n} do INSS: a alíquota deve estar entre 0% e 100%.")
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
