"""Dinheiro em Decimal (centavos, ROUND_HALF_UP) e o resultado fundamentado de uma regra.

Todo valor em reais é ``decimal.Decimal``; nunca float. ``centavos`` arredonda para o centavo
com ROUND_HALF_UP, nos pontos em que a lei manda arredondar. ``ValorFundamentado`` é a base dos
resultados das regras: o valor e o ato (``fundamento``) que o produziu.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .formato import reais as _reais
from .validacao import EntradaInvalida

CENTAVO = Decimal("0.01")
ZERO = Decimal("0.00")


def centavos(valor: Decimal | int | str) -> Decimal:
    """Arredonda para centavos, metade para cima (ROUND_HALF_UP)."""
    return Decimal(valor).quantize(CENTAVO, rounding=ROUND_HALF_UP)


def _inicial(texto: str) -> str:
    return texto[:1].upper() + texto[1:]


def decimal_de(valor, campo: str = "o valor") -> Decimal:
    """Converte texto decimal com ponto ("1621.00", "7.5") ou Decimal/int em Decimal finito.

    Recusa float (para não herdar erro binário) e texto que não seja número.
    """
    if isinstance(valor, bool) or isinstance(valor, float):
        raise EntradaInvalida(f"{_inicial(campo)} deve ser um número decimal escrito como texto.")
    try:
        d = Decimal(valor.strip() if isinstance(valor, str) else valor)
    except (InvalidOperation, TypeError, ValueError):
        raise EntradaInvalida(f"{_inicial(campo)} não é um número válido: {valor!r}.") from None
    if not d.is_finite():
        raise EntradaInvalida(f"{_inicial(campo)} não é um número válido: {valor!r}.")
    return d


def texto_decimal(valor: Decimal) -> str:
    """Decimal como texto sem expoente e sem zeros inúteis: 7.5, 10, 0.133145."""
    d = valor.normalize()
    return format(d, "f")


def texto_dinheiro(valor: Decimal) -> str:
    """Dinheiro como texto com duas casas e ponto: "1621.00" (forma gravada na base)."""
    return format(centavos(valor), "f")


def reais(valor: Decimal) -> str:
    """Valor para mensagens ao usuário: R$ 1.234,56 (``formato.reais``)."""
    return _reais(valor)


@dataclass(frozen=True)
class ValorFundamentado:
    """Valor calculado por uma regra e o ato (lei, portaria, artigo) que o fundamenta."""

    valor: Decimal
    fundamento: str
