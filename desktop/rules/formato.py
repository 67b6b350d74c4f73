"""Formatar e ler números, dinheiro e datas do jeito brasileiro (pt-BR), num só lugar.

Os dados do idioma vêm do babel (CLDR): nomes dos meses, separadores de milhar e decimal. Regras:

- Dinheiro digitado: "1.621", "1.621,00" e "1621" são R$ 1.621,00; "1,5" é R$ 1,50. O ponto só
  separa milhares e a vírgula só separa os centavos; o que não segue isso ("1.50", "1621.00",
  "12.34,00") é recusado em vez de adivinhado (``babel.numbers.parse_decimal(strict=True)``).
  Mais de duas casas decimais também é recusado. Centavos com ROUND_HALF_UP.
- Datas: dd/mm/aaaa (também d/m/aaaa e aaaa-mm-dd) para ler; dd/mm/aaaa para mostrar; por
  extenso "1º de março de 2026" (o primeiro dia do mês em ordinal, como na redação oficial).

Sem Qt, sem banco: serve às telas, aos relatórios e à linha de comando.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import get_month_names
from babel.numbers import NumberFormatError, format_decimal, parse_decimal

from .entrada import EntradaInvalida

LOCALE = "pt_BR"
CENTAVO = Decimal("0.01")
MESES: tuple[str, ...] = tuple(get_month_names("wide", locale=LOCALE)[m].lower() for m in range(1, 13))
"""janeiro … dezembro (CLDR, pelo babel)."""

_PT_BR = str.maketrans(",.", ".,")
"""Do formato do Python (1,234.56) ao de pt-BR no CLDR (1.234,56): ponto nos milhares, vírgula nos decimais."""
_MSG_DINHEIRO = ("Valor inválido: use o ponto só para os milhares e a vírgula para os centavos, "
                 "por exemplo 1.621 ou 1.621,00.")
_MSG_NUMERO = "Número inválido: use a vírgula para os decimais e o ponto só para os milhares, por exemplo 7,5 ou 1.234,56."


# -- números e dinheiro -----------------------------------------------------------------------------
def _limpar(texto: str) -> str:
    return (texto or "").replace("R$", "").replace("%", "").replace("\u00a0", " ").strip()


def ler_numero(texto: str, *, mensagem: str = _MSG_NUMERO) -> Decimal:
    """Número digitado em pt-BR ("7,5", "1.234,56", "1.518", "0,133145") como Decimal exato."""
    t = _limpar(texto)
    if not t:
        raise EntradaInvalida(mensagem)
    negativo = t.startswith("-")
    t = t.lstrip("-").strip()
    if not re.fullmatch(r"[\d.,]+", t):
        raise EntradaInvalida(mensagem)
    try:
        valor = parse_decimal(t, locale=LOCALE, strict=True)
    except (NumberFormatError, ValueError):
        raise EntradaInvalida(mensagem) from None
    if not valor.is_finite():
        raise EntradaInvalida(mensagem)
    return -valor if negativo else valor


def ler_dinheiro(texto: str) -> Decimal:
    """Valor em reais digitado ("1.621", "R$ 1.621,00", "1621", "1,5") em Decimal com centavos."""
    if not _limpar(texto):
        raise EntradaInvalida("Informe um valor em reais, por exemplo 1.621,00.")
    valor = ler_numero(texto, mensagem=_MSG_DINHEIRO)
    if valor.as_tuple().exponent < -2 and valor != valor.quantize(CENTAVO):
        raise EntradaInvalida("Valor inválido: o real tem no máximo dois centavos depois da vírgula, "
                              "por exemplo 1.621,50.")
    return valor.quantize(CENTAVO, rounding=ROUND_HALF_UP)


def numero(valor: Decimal | int | str, casas: int | None = None) -> str:
    """Número em pt-BR: 1.234,56; com ``casas=None`` mostra as casas que o número tem (7,5; 1.518)."""
    d = Decimal(str(valor))
    if casas is None:
        texto = format(d, "f")
        casas = len(texto.partition(".")[2])
    else:
        d = d.quantize(Decimal(1).scaleb(-casas), rounding=ROUND_HALF_UP)
    if d.is_finite():  # o mesmo texto que o babel dá com o padrão abaixo, ~5× mais depressa (issue 16)
        return format(d, f",.{casas}f").translate(_PT_BR)
    padrao = "#,##0" + ("." + "0" * casas if casas else "")
    return format_decimal(d, format=padrao, locale=LOCALE, decimal_quantization=False)


def reais(valor: Decimal | int | str) -> str:
    """R$ 1.234,56 (negativo: -R$ 1.234,56), com centavos ROUND_HALF_UP."""
    negativo, texto = _centavos_br(valor)
    return ("-R$ " if negativo else "R$ ") + texto


def valor_em_reais(valor: Decimal | int | str) -> str:
    """1.234,56 sem o símbolo (negativo: -1.234,56), para colunas de tabelas."""
    negativo, texto = _centavos_br(valor)
    return ("-" if negativo else "") + texto


def _centavos_br(valor: Decimal | int | str) -> tuple[bool, str]:
    """(negativo, "1.234,56"): o valor absoluto com centavos ROUND_HALF_UP, como ``numero(abs(v), 2)``, mas sem
    refazer o Decimal nem arredondar de novo — cada coluna de dinheiro chama isto a cada célula pintada e, no filtro,
    em todas as linhas (3.000 servidores × 3 colunas na folha; issue 16)."""
    d = valor if isinstance(valor, Decimal) else Decimal(str(valor))
    v = d.quantize(CENTAVO, rounding=ROUND_HALF_UP)
    return v < 0, format(abs(v), ",.2f").translate(_PT_BR)


# -- datas ------------------------------------------------------------------------------------------
def ler_data(texto: str) -> date:
    """Data digitada como dd/mm/aaaa (também d/m/aaaa e aaaa-mm-dd)."""
    t = (texto or "").strip()
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", t)
    if m:
        dia, mes, ano = (int(x) for x in m.groups())
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
        if not m:
            raise EntradaInvalida("Data deve estar no formato dd/mm/aaaa.")
        ano, mes, dia = (int(x) for x in m.groups())
    try:
        return date(ano, mes, dia)
    except ValueError:
        raise EntradaInvalida(f"Data inexistente: {t}.") from None


def ler_competencia(texto: str | date) -> date:
    """Dia 1º da competência digitada como mm/aaaa (também m/aaaa e aaaa-mm, ou aaaa-mm-dd: vale o mês)."""
    if isinstance(texto, date):
        return date(texto.year, texto.month, 1)
    t = str(texto or "").strip()
    m = re.fullmatch(r"(\d{1,2})/(\d{4})", t) or re.fullmatch(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?", t)
    try:
        if m is None:
            raise ValueError
        mes, ano = (m.group(1), m.group(2)) if "/" in t else (m.group(2), m.group(1))
        return date(int(ano), int(mes), 1)
    except ValueError:
        raise EntradaInvalida(f"Competência inválida: {t!r}. Use mês/ano, por exemplo 03/2026.") from None


def _como_data(valor: str | date | datetime) -> date | datetime:
    if isinstance(valor, (date, datetime)):
        return valor
    texto = str(valor)
    if len(texto) <= 10:
        return date.fromisoformat(texto)
    try:
        return datetime.fromisoformat(texto)
    except ValueError:  # "aaaa-mm-dd" seguido do que não for hora ISO: vale o dia
        return date.fromisoformat(texto[:10])


def data(valor: str | date | datetime | None, *, hora_local: bool = False) -> str:
    """dd/mm/aaaa; aceita date, datetime ou texto ISO (com ou sem hora: vale o dia); vazio para None ou "".
    Com ``hora_local``, um momento com fuso (UTC, como gravado) conta o dia na hora local."""
    if not valor:
        return ""
    d = _como_data(valor)
    if hora_local and isinstance(d, datetime) and d.tzinfo is not None:
        d = d.astimezone()
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def momento(valor: str | datetime | None, *, hora_local: bool = True, segundos: bool = False) -> str:
    """dd/mm/aaaa hh:mm (com ``segundos``, hh:mm:ss); um momento com fuso (UTC, como gravado) vai para a hora
    local, a não ser com ``hora_local=False`` (mostra a hora do fuso que veio)."""
    if not valor:
        return ""
    d = datetime.fromisoformat(valor) if isinstance(valor, str) else valor
    if not isinstance(d, datetime):
        return data(d)
    if hora_local and d.tzinfo is not None:
        d = d.astimezone()
    return f"{data(d)} {d.hour:02d}:{d.minute:02d}" + (f":{d.second:02d}" if segundos else "")


def quando(valor: str | date | datetime | None, *, hora_local: bool = True) -> str:
    """O dia (dd/mm/aaaa) de uma data, ou o momento (dd/mm/aaaa hh:mm) de um datetime ou texto ISO com hora."""
    if not valor:
        return ""
    if isinstance(valor, datetime) or (isinstance(valor, str) and len(valor) > 10):
        return momento(valor, hora_local=hora_local)
    return data(valor)


def competencia(d: date) -> str:
    """A competência (mês de uma folha) como mm/aaaa: 03/2026."""
    return f"{d.month:02d}/{d.year:04d}"


def mes_extenso(mes: int) -> str:
    """Nome do mês em minúsculas: 3 → março."""
    return MESES[mes - 1]


def competencia_extenso(d: date) -> str:
    """março de 2026."""
    return f"{mes_extenso(d.month)} de {d.year}"


def dia_extenso(dia: int) -> str:
    """1º, 2, 3 … (o primeiro dia do mês é ordinal na redação oficial)."""
    return "1º" if dia == 1 else str(dia)


def data_extenso(d: date) -> str:
    """1º de março de 2026; 15 de março de 2026."""
    return f"{dia_extenso(d.day)} de {mes_extenso(d.month)} de {d.year}"


def numa_frase(textos: list[str], limite: int = 5) -> str:
    """As primeiras ``limite`` mensagens numa frase só, separadas por "; " e com um ponto final (cada uma sem o seu:
    nada de ".;"); as que passam do limite viram "e mais N". Vazio sem mensagens."""
    if not textos:
        return ""
    partes = [t.rstrip().removesuffix(".") for t in textos[:limite]]
    return "; ".join(partes) + (f"; e mais {len(textos) - limite}." if len(textos) > limite else ".")
