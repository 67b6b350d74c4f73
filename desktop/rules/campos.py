"""Tipos de campo dos parâmetros: um validador para cada forma (inteiro, decimal, dinheiro, percentual, data,
hora, opção, tabela, faixas de uma tabela progressiva).

Cada classe que interpreta um parâmetro (regras do Conselho, da eleição, prazos da certificação…)
monta os seus campos com estas funções, de modo que um valor inválido digitado numa vigência nova —
"dois" onde vai um número — é recusado ao gravar, com o nome do campo, e não mais tarde na folha.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date, time
from decimal import Decimal
from typing import Iterator

from desktop.rules.dinheiro import CENTAVO, decimal_de
from desktop.rules.formato import numero
from desktop.rules.validacao import EntradaInvalida


def tabela(valor, campos: tuple[str, ...], titulo: str) -> dict:
    """O valor deve ser uma tabela com exatamente estes campos (nem falta, nem sobra)."""
    if not isinstance(valor, dict):
        raise EntradaInvalida(f"O parâmetro {titulo} deve ser uma tabela com: {', '.join(campos)}.")
    return _com_os_campos(valor, campos, f"O parâmetro {titulo}")


def faixas(valor, colunas: tuple[str, ...], titulo: str, *, opcionais: tuple[str, ...] = ()) -> list[dict]:
    """As faixas de uma tabela progressiva (INSS, IRRF): ``{"faixas": [...]}`` com ao menos uma faixa, cada uma
    uma tabela com as ``colunas`` (as ``opcionais`` podem faltar) e nada além delas."""
    lista = valor.get("faixas") if isinstance(valor, dict) else None
    if not isinstance(lista, list) or not lista:
        raise EntradaInvalida(f"A {titulo} deve ter uma lista de faixas ({', '.join(colunas)}).")
    for n, f in enumerate(lista, start=1):
        if not isinstance(f, dict):
            raise EntradaInvalida(f"A faixa {n} da {titulo} deve ser uma tabela com: {', '.join(colunas)}.")
        _com_os_campos(f, colunas, f"A faixa {n} da {titulo}", opcionais=opcionais)
    return lista


def _com_os_campos(valor: dict, campos: tuple[str, ...], quem: str, *, opcionais: tuple[str, ...] = ()) -> dict:
    faltam = [c for c in campos if c not in valor and c not in opcionais]
    sobram = sorted(set(valor) - set(campos))
    if faltam:
        raise EntradaInvalida(f"{quem} precisa de: {', '.join(faltam)}.")
    if sobram:
        raise EntradaInvalida(f"{quem} não tem o campo {', '.join(sobram)} (os campos são: {', '.join(campos)}).")
    return valor


def crescente(valor: Decimal, anterior: Decimal | None, campo: str) -> Decimal:
    """``valor`` maior que o da faixa anterior (``anterior`` None na primeira): limites e alíquotas das tabelas
    progressivas vão em ordem crescente."""
    if anterior is not None and valor <= anterior:
        raise EntradaInvalida(f"{_inicial(campo)} deve ser maior que na faixa anterior ({numero(anterior)}; veio "
                              f"{numero(valor)}): as faixas vão em ordem crescente.")
    return valor


@contextmanager
def citando(fundamento: str) -> Iterator[None]:
    """Os erros de validação do bloco terminam citando o fundamento (artigo, portaria) do que se valida."""
    try:
        yield
    except EntradaInvalida as e:
        raise EntradaInvalida(f"{str(e).rstrip('.')} ({fundamento}).") from None


def inteiro(valor, campo: str, *, minimo: int = 0) -> int:
    """Número inteiro ≥ ``minimo`` (aceita "3" e 3; recusa "dois", 2.5 e booleanos)."""
    if isinstance(valor, bool):
        raise EntradaInvalida(f"{campo} deve ser um número inteiro, não verdadeiro/falso.")
    d = decimal_de(valor, campo)
    if minimo == 1 and (d != d.to_integral_value() or d < 1):
        raise EntradaInvalida(f"{campo} deve ser um número inteiro positivo (veio {valor!r}).")
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


def percentual(valor, campo: str, *, maior_que_zero: bool = False) -> Decimal:
    """Percentual de 0 a 100 (de mais de 0 a 100 com ``maior_que_zero``)."""
    d = decimal_nao_negativo(valor, campo)
    if d > 100 or (maior_que_zero and d == 0):
        faixa = "entre 0 e 100, maior que zero" if maior_que_zero else "entre 0 e 100"
        raise EntradaInvalida(f"{campo} é um percentual: {faixa} (veio {valor!r}).")
    return d


def positivo(valor, campo: str) -> Decimal:
    """Número maior que zero (horas, divisores, semanas)."""
    if isinstance(valor, bool):
        raise EntradaInvalida(f"{_inicial(campo)} deve ser um número, não verdadeiro/falso.")
    d = decimal_de(valor, campo)
    if d <= 0:
        raise EntradaInvalida(f"{_inicial(campo)} deve ser maior que zero (veio {valor!r}).")
    return d


def dinheiro(valor, campo: str, *, aceita_zero: bool = False) -> Decimal:
    """Valor em reais maior que zero (ou zero, com ``aceita_zero``), com no máximo dois centavos (ex.: 1621.00)."""
    if isinstance(valor, bool):
        raise EntradaInvalida(f"{_inicial(campo)} deve ser um valor em reais, não verdadeiro/falso.")
    d = decimal_de(valor, campo)
    if d < 0 or (d == 0 and not aceita_zero):
        raise EntradaInvalida(f"{_inicial(campo)} deve ser {'zero ou positivo' if aceita_zero else 'maior que zero'} "
                              f"(veio {valor!r}).")
    if d != d.quantize(CENTAVO):
        raise EntradaInvalida(f"{_inicial(campo)} deve ter no máximo dois centavos (ex.: 1621.00).")
    return d.quantize(CENTAVO)


def data(valor, campo: str) -> date:
    """Data do TOML (já ``date``) ou texto aaaa-mm-dd."""
    if isinstance(valor, date) and not hasattr(valor, "hour"):
        return valor
    try:
        return date.fromisoformat(str(valor).strip())
    except ValueError:
        raise EntradaInvalida(f"{_inicial(campo)} deve ser uma data aaaa-mm-dd (veio {valor!r}).") from None


def _inicial(texto: str) -> str:
    return texto[:1].upper() + texto[1:]


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
