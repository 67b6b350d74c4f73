"""Como as telas de administração mostram e leem datas, momentos, números e tamanhos (pt-BR)."""
from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from desktop.rules.dinheiro import reais
from desktop.rules.validacao import EntradaInvalida


def momento(valor: str | datetime | None) -> str:
    """Momento ISO (UTC, como gravado) na hora local: 21/11/2025 14:32."""
    if not valor:
        return ""
    d = datetime.fromisoformat(valor) if isinstance(valor, str) else valor
    if d.tzinfo is not None:
        d = d.astimezone()
    return d.strftime("%d/%m/%Y %H:%M")


def data(valor: str | date | None) -> str:
    """Data ISO (aaaa-mm-dd) como dd/mm/aaaa."""
    if not valor:
        return ""
    d = date.fromisoformat(valor[:10]) if isinstance(valor, str) else valor
    return d.strftime("%d/%m/%Y")


def tamanho(octetos: int | None) -> str:
    """Tamanho de arquivo legível: 812 bytes, 45,3 KB, 12,8 MB."""
    if octetos is None:
        return ""
    if octetos < 1024:
        return f"{octetos} bytes"
    valor = float(octetos)
    for unidade in ("KB", "MB", "GB"):
        valor /= 1024
        if valor < 1024:
            break
    return f"{valor:.1f} {unidade}".replace(".", ",")


def decimal_br(valor, *, dinheiro: bool = False) -> str:
    """Número gravado como texto decimal ("1518.00", "7.5") no formato brasileiro: 1.518,00 / 7,5."""
    if valor is None or valor == "":
        return ""
    d = Decimal(str(valor))
    if dinheiro:
        return reais(d).removeprefix("R$ ")
    texto = format(d, "f")
    inteiro, _, fracao = texto.partition(".")
    negativo = inteiro.startswith("-")
    inteiro = inteiro.lstrip("-")
    grupos = []
    while len(inteiro) > 3:
        grupos.insert(0, inteiro[-3:])
        inteiro = inteiro[:-3]
    grupos.insert(0, inteiro)
    return ("-" if negativo else "") + ".".join(grupos) + ("," + fracao if fracao else "")


def numero_digitado(texto: str) -> str:
    """Número digitado no formato brasileiro ("7,5", "1.234,56", "0,133145") como texto decimal.

    Levanta EntradaInvalida com a mensagem para o usuário se não for um número.
    """
    t = (texto or "").replace("%", "").replace("R$", "").strip()
    if "," in t:
        t = t.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", t):  # 1.518 = mil quinhentos e dezoito
        t = t.replace(".", "")
    try:
        d = Decimal(t)
    except InvalidOperation:
        raise EntradaInvalida("Número inválido; use vírgula para os decimais, por exemplo 7,5.") from None
    if not d.is_finite():
        raise EntradaInvalida("Número inválido; use vírgula para os decimais, por exemplo 7,5.")
    return format(d, "f")
