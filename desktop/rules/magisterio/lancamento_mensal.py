"""Lançamentos do mês na grade por escola: o que se digita em cada célula, conferido enquanto se digita.

- Faltas injustificadas do dia inteiro (Lei 1.613/2004, art. 34, §1º, I): os dias do mês separados por
  vírgula ou espaço, p. ex. "3, 7 21"; intervalos com hífen, "10-12".
- Faltas por hora-aula/hora-atividade (art. 34, §1º, II): "dia:horas", p. ex. "14:2, 15:3" (1 a 8 horas).
- Horas noturnas após as 22 h (art. 50): um número de horas do mês, p. ex. "6" ou "7,5".
- Rubrica avulsa do mês: o valor em reais, com "-" na frente para desconto ("150,00", "-80"), e as
  incidências "P" (previdência), "I" (IRRF), "PI" ou vazio (nenhuma).
Cada função devolve o valor normalizado ou levanta ``EntradaInvalida`` com a mensagem para a célula.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from decimal import Decimal, InvalidOperation

from desktop.rules.validacao import EntradaInvalida
from desktop.rules import formato

MAX_HORAS_DIA = 8
MAX_NOTURNAS = Decimal(200)


def _dias_do_mes(competencia: date) -> int:
    return calendar.monthrange(competencia.year, competencia.month)[1]


def dias(texto: str, competencia: date) -> list[int]:
    """Os dias de falta do mês (sem repetição, em ordem)."""
    ultimo = _dias_do_mes(competencia)
    saida: set[int] = set()
    for parte in re.split(r"[,;\s]+", (texto or "").strip()):
        if not parte:
            continue
        m = re.fullmatch(r"(\d{1,2})(?:-(\d{1,2}))?", parte)
        if not m:
            raise EntradaInvalida(f"\"{parte}\" não é um dia: digite os dias separados por vírgula (3, 7, 21) "
                                  "ou um intervalo (10-12).")
        a, b = int(m.group(1)), int(m.group(2) or m.group(1))
        if b < a:
            raise EntradaInvalida(f"Intervalo \"{parte}\" ao contrário: use o menor dia primeiro.")
        for d in (a, b):
            if not 1 <= d <= ultimo:
                raise EntradaInvalida(f"Dia {d} não existe em {formato.competencia(competencia)} (1 a {ultimo}).")
        saida.update(range(a, b + 1))
    return sorted(saida)


def horas(texto: str, competencia: date) -> dict[int, int]:
    """{dia: horas} das faltas por hora."""
    ultimo = _dias_do_mes(competencia)
    saida: dict[int, int] = {}
    for parte in re.split(r"[,;\s]+", (texto or "").strip()):
        if not parte:
            continue
        m = re.fullmatch(r"(\d{1,2}):(\d{1,2})", parte)
        if not m:
            raise EntradaInvalida(f"\"{parte}\": digite dia:horas, por exemplo 14:2 (2 horas no dia 14).")
        d, h = int(m.group(1)), int(m.group(2))
        if not 1 <= d <= ultimo:
            raise EntradaInvalida(f"Dia {d} não existe em {formato.competencia(competencia)} (1 a {ultimo}).")
        if not 1 <= h <= MAX_HORAS_DIA:
            raise EntradaInvalida(f"Dia {d}: de 1 a {MAX_HORAS_DIA} horas (para o dia inteiro, use a coluna de dias).")
        if d in saida:
            raise EntradaInvalida(f"Dia {d} repetido nas horas.")
        saida[d] = h
    return saida


def noturnas(texto: str) -> Decimal | None:
    """Horas noturnas do mês (None se em branco)."""
    t = (texto or "").strip().replace(",", ".")
    if not t:
        return None
    try:
        v = Decimal(t)
    except InvalidOperation:
        raise EntradaInvalida(f"\"{texto}\" não é um número de horas (p. ex. 6 ou 7,5).") from None
    if not v.is_finite() or v < 0 or v > MAX_NOTURNAS or v != v.quantize(Decimal("0.01")):
        raise EntradaInvalida(f"Horas noturnas: de 0 a {MAX_NOTURNAS}, com até duas casas decimais.")
    return v


def conflito(dias_: list[int], horas_: dict[int, int]) -> int | None:
    """Um dia que está nas duas colunas (falta do dia inteiro e por hora), ou None."""
    return next((d for d in dias_ if d in horas_), None)


def _reais(texto: str, rotulo: str) -> Decimal | None:
    t = (texto or "").strip().replace("R$", "").replace(" ", "").replace("\u2212", "-")
    if not t:
        return None
    if "," in t:
        t = t.replace(".", "").replace(",", ".")
    try:
        v = Decimal(t)
    except InvalidOperation:
        raise EntradaInvalida(f"{rotulo}: \"{texto}\" não é um valor em reais (p. ex. 150,00 ou -80,00).") from None
    if not v.is_finite():
        raise EntradaInvalida(f"{rotulo}: \"{texto}\" não é um valor em reais (p. ex. 150,00 ou -80,00).")
    return v


def avulsa(texto: str) -> tuple[str, Decimal] | None:
    """"150,00" → ("provento", 150.00); "-80" → ("desconto", 80.00); em branco → None."""
    v = _reais(texto, "Rubrica avulsa")
    if v is None:
        return None
    if v == 0 or v != v.quantize(Decimal("0.01")):
        raise EntradaInvalida("Rubrica avulsa: valor diferente de zero, em reais e centavos (− na frente para desconto).")
    return ("desconto" if v < 0 else "provento"), abs(v)


def incidencias(texto: str) -> tuple[bool, bool]:
    """"PI" → (incide previdência, incide IRRF); em branco → nenhuma."""
    t = re.sub(r"[\s,/+]", "", texto or "").upper()
    if set(t) - {"P", "I"}:
        raise EntradaInvalida("Incidências: P para previdência, I para IRRF, PI para as duas, em branco para nenhuma.")
    return "P" in t, "I" in t
