"""Como as telas mostram e leem datas, momentos, números e tamanhos (pt-BR)."""
from __future__ import annotations

from desktop.rules import formato
from desktop.rules.formato import competencia, data, momento, quando  # reexportados: as telas mostram datas pelas mesmas funções

__all__ = ["competencia", "data", "decimal_br", "momento", "numero_digitado", "quando", "tamanho"]


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
    return formato.valor_em_reais(valor) if dinheiro else formato.numero(valor)


def numero_digitado(texto: str) -> str:
    """Número digitado no formato brasileiro ("7,5", "1.234,56", "0,133145") como texto decimal.

    Levanta EntradaInvalida com a mensagem para o usuário se não for um número (``formato.ler_numero``).
    """
    return format(formato.ler_numero(texto), "f")
