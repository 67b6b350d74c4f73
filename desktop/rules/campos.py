"""Tipos de campo dos parâmetros em tabela: um validador para cada forma (inteiro, decimal, hora, opção).

Cada classe que interpreta um parâmetro (regras do Conselho, da eleição, prazos da certificação…)
monta os seus campos com estas funções, de modo que um valor inválido digitado numa vigência nova —
"dois" onde vai um número — é recusado ao gravar, com o nome do campo, e não mais tarde na folha.
"""
from __future__ import annotations

from datetime import time
from decimal import Decimal

from desktop.rules.dinheiro import decimal_de
from desktop.rules.validacao import EntradaInvalida


def tabela(valor, campos: tuple[str, ...], titulo: str) -> dict:
    """O valor deve ser uma tabela com exatamente estes campos (nem falta, nem sobra)."""
    if not isinstance(valor, dict):
        raise EntradaInvalida(f"O parâmetro {titulo} deve ser uma tabela com: {', '.join(campos)}.")
    faltam = [c for c in campos if c not in valor]
    sobram = sorted(set(valor) - set(campos))
    if faltam:
        raise EntradaInvalida(f"O parâmetro {titulo} precisa de: {', '.join(faltam)}.")
    if sobram:
        raise EntradaInvalida(f"O parâmetro {titulo} não tem o campo {', '.join(sobram)} "
                              f"(os campos são: {', '.join(campos)}).")
    return valor


def inteiro(valor, campo: str, *, minimo: int = 0) -> int:
    """Número inteiro ≥ ``minimo`` (aceita "3" e 3; recusa "dois", 2.5 e booleanos)."""
    if isinstance(valor, bool):
        raise EntradaInvalida(f"{campo} deve ser um número inteiro, não verdadeiro/falso.")
    d = decimal_de(valor, campo)
    if d != d.to_integral_value():
        raise EntradaInvalida(f"{campo} deve ser um número inteiro (veio {valor!r}).")
    if d < minimo:
        raise EntradaInvalida(f"{campo} deve ser maior ou igual a {minimo} (veio {valor!r}).")
    return int(d)


def decimal_nao_negativo(valor, campo: str) -> Decimal:
    if isinstance(valor, bool):
        raise EntradaInvalida(f"{campo} deve ser um número, não verdadeiro/falso.")
    d = decimal_de(valor, campo)
    if d < 0:
        raise EntradaInvalida(f"{campo} não pode ser negativo (veio {valor!r}).")
    return d


def percentual(valor, campo: str) -> Decimal:
    d = decimal_nao_negativo(valor, campo)
    if d > 100:
        raise EntradaInvalida(f"{campo} é um percentual: entre 0 e 100 (veio {valor!r}).")
    return d


def hora(texto, campo: str) -> time:
    try:
        return time.fromisoformat(str(texto))
    except ValueError:
        raise EntradaInvalida(f"{campo} deve ser uma hora hh:mm, por exemplo 08:00.") from None


def opcao(valor, campo: str, opcoes: tuple[str, ...]) -> str:
    texto = str(valor)
    if texto not in opcoes:
        raise EntradaInvalida(f"{campo} deve ser {' ou '.join(opcoes)} (veio {valor!r}).")
    return texto
