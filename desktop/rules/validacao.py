"""Validação de entradas comuns: CPF, CNPJ (também o alfanumérico), datas dd/mm/aaaa, valores R$ 1.234,56, senhas.

Cada função devolve o valor normalizado ou levanta ``EntradaInvalida`` com a mensagem em
português que a tela mostra ao lado do campo.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from validate_docbr import CNPJ, CPF

from .entrada import EntradaInvalida
from .formato import ler_data, ler_dinheiro

_CPF = CPF()
_CNPJ = CNPJ()

SENHA_MINIMA = 10
SENHA_FORCA_MINIMA = 3  # nota do zxcvbn (0 a 4): abaixo disso a senha é das que se adivinham
_PALAVRAS_DO_PACO = ("paco", "paço", "senha", "conselho", "tutelar", "magisterio", "jequie",
                     "itapiranga", "certificacao", "admin", "administrador")
UFS = (
    "AC AL AM AP BA CE DF ES GO MA MG MS MT PA PB PE PI PR RJ RN RO RR RS SC SE SP TO".split()
)


def _digitos(texto: str) -> str:
    return re.sub(r"\D", "", texto or "")


def cpf(texto: str) -> str:
    """CPF com 11 dígitos e dígitos verificadores corretos; devolve só os dígitos."""
    d = _digitos(texto)
    if len(d) != 11:
        raise EntradaInvalida("CPF deve ter 11 dígitos.")
    if not _CPF.validate(d):
        raise EntradaInvalida("CPF inválido: os dígitos verificadores não conferem.")
    return d


def cnpj(texto: str) -> str:
    """CNPJ numérico ou alfanumérico (Receita Federal, a partir de julho de 2026), verificado pela
    validate-docbr; devolve os 14 caracteres sem pontuação, letras em maiúsculas."""
    t = re.sub(r"[\s./-]", "", texto or "").upper()
    if not re.fullmatch(r"[A-Z0-9]*", t):
        raise EntradaInvalida("CNPJ só tem letras, números e a pontuação . / -.")
    if len(t) != 14:
        raise EntradaInvalida("CNPJ deve ter 14 caracteres (12 letras ou números e 2 dígitos verificadores).")
    if not t[12:].isdigit():
        raise EntradaInvalida("CNPJ inválido: os dois últimos caracteres são dígitos verificadores.")
    if not _CNPJ.validate(t):
        raise EntradaInvalida("CNPJ inválido: os dígitos verificadores não conferem.")
    return t


def formatar_cpf(d: str) -> str:
    return _CPF.mask(d) if len(d) == 11 else d


def formatar_cnpj(d: str) -> str:
    """00.000.000/0000-00 (também o alfanumérico: 12.ABC.345/01DE-35)."""
    return _CNPJ.mask(d) if len(d) == 14 else d


def data_br(texto: str) -> date:
    """Data no formato dd/mm/aaaa (também aceita aaaa-mm-dd): ``formato.ler_data``."""

    return ler_data(texto)


def data_iso(valor, campo: str) -> date | None:
    """Data de um JSON de entrada (aaaa-mm-dd); vazio ou ausente dá None."""
    if valor in (None, ""):
        return None
    try:
        return date.fromisoformat(str(valor))
    except ValueError:
        raise EntradaInvalida(f"{campo}: data inválida {valor!r} (use aaaa-mm-dd).") from None


def dinheiro(texto: str) -> Decimal:
    """Valor em reais digitado em pt-BR ("1.621", "R$ 1.621,00", "1,5"): ``formato.ler_dinheiro``."""
    return ler_dinheiro(texto)


def uf(texto: str) -> str:
    t = (texto or "").strip().upper()
    if t not in UFS:
        raise EntradaInvalida("UF inválida; use a sigla do estado, por exemplo AM ou BA.")
    return t


def login(texto: str) -> str:
    t = (texto or "").strip().lower()
    if not re.fullmatch(r"[a-z][a-z0-9._-]{1,31}", t):
        raise EntradaInvalida(
            "Login deve ter de 2 a 32 caracteres: letras minúsculas sem acento, números, "
            "ponto, hífen ou sublinhado, começando por letra."
        )
    return t


def senha(texto: str, confirmacao: str | None = None) -> str:
    """Pelo menos ``SENHA_MINIMA`` caracteres e não ser das senhas comuns ou fáceis de adivinhar,
    avaliada pelo zxcvbn (listas de senhas vazadas, palavras, datas, sequências e repetições)."""
    if len(texto or "") < SENHA_MINIMA:
        raise EntradaInvalida(f"A senha deve ter pelo menos {SENHA_MINIMA} caracteres.")
    from zxcvbn import zxcvbn  # carrega as listas só quando uma senha é conferida

    if zxcvbn(texto[:100], user_inputs=list(_PALAVRAS_DO_PACO))["score"] < SENHA_FORCA_MINIMA:
        raise EntradaInvalida(
            "Essa senha é comum ou fácil de adivinhar. Use uma frase de três ou quatro palavras "
            "que só você saiba, separadas por hífen (por exemplo: janela-caju-barco-lua).")
    if confirmacao is not None and texto != confirmacao:
        raise EntradaInvalida("A senha e a confirmação não são iguais.")
    return texto


def obrigatorio(texto: str, campo: str) -> str:
    t = (texto or "").strip()
    if not t:
        raise EntradaInvalida(f"Informe {campo}.")
    return t
