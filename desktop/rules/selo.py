"""Selo assinado dos documentos: o texto do QR e a assinatura do PDF (Ed25519), sem base e sem rede.

Esquema (documentado em docs/verificador.md; o verificador.html faz a mesma conta):

- **QR** — ``PACO1.<dados>.<assinatura>``: ``dados`` é o JSON compacto do documento em base64url
  (sem "="): ``k`` impressão da chave, ``c`` código, ``t`` título, ``n`` número, ``a`` ano, ``w`` via,
  ``d`` data de emissão (aaaa-mm-dd), ``h`` titular, ``p`` CPF mascarado, ``e`` CNPJ do emissor.
  ``assinatura`` é a Ed25519 (64 bytes, base64url) dos bytes ASCII ``PACO1.<dados>``.
- **PDF** — o QR não pode conter o hash do arquivo em que ele mesmo está desenhado; por isso o
  arquivo leva, nas palavras-chave dos metadados, o texto do QR e um bloco de tamanho fixo
  ``paco-assinatura:<L>.<assinatura>`` (L com 10 algarismos, assinatura com 86 caracteres).
  A assinatura é a Ed25519 de ``PACO1-PDF.<dados>.<sha256>``, em que ``sha256`` (hexadecimal) é o
  dos primeiros L bytes do arquivo com os 86 caracteres da assinatura trocados por "0". Bytes além
  de L são acréscimos posteriores (uma alteração, a menos que sejam a assinatura PAdES conferida
  à parte).
- **Chave** — impressão = os 16 primeiros hexadecimais do SHA-256 da chave pública (32 bytes).
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

VERSAO = "PACO1"
PREFIXO_SELO = "paco-selo:"
PREFIXO_ASSINATURA = "paco-assinatura:"
TAMANHO_ASSINATURA = 86  # 64 bytes em base64url sem "="
MARCA_VAZIA = "0" * 10 + "." + "0" * TAMANHO_ASSINATURA

_B64 = r"[A-Za-z0-9_-]"
SELO_RE = re.compile(rf"{VERSAO}\.({_B64}+)\.({_B64}{{{TAMANHO_ASSINATURA}}})")
_SELO_PDF = re.compile(re.escape(PREFIXO_SELO).encode() + SELO_RE.pattern.encode())
_ASSINATURA_PDF = re.compile(re.escape(PREFIXO_ASSINATURA).encode()
                             + rb"(\d{10})\.(" + _B64.encode() + rb"{86})")


class SeloInvalido(ValueError):
    """O texto não é um selo do Paço legível."""


def b64(dados: bytes) -> str:
    return base64.urlsafe_b64encode(dados).decode().rstrip("=")


def de_b64(texto: str) -> bytes:
    return base64.urlsafe_b64decode(texto + "=" * (-len(texto) % 4))


def impressao(publica: bytes) -> str:
    """Impressão digital da chave pública: 16 hexadecimais do SHA-256."""
    return hashlib.sha256(publica).hexdigest()[:16]


def impressao_legivel(imp: str) -> str:
    return " ".join(imp[i:i + 4] for i in range(0, len(imp), 4)).upper()


def mascarar_cpf(cpf: str | None) -> str:
    """CPF mascarado como no Portal da Transparência: ***.456.789-**."""
    d = "".join(c for c in (cpf or "") if c.isdigit())
    return f"***.{d[3:6]}.{d[6:9]}-**" if len(d) == 11 else ""


@dataclass(frozen=True)
class Selo:
    dados: dict
    dados_b64: str
    assinatura: bytes

    @property
    def mensagem(self) -> bytes:
        return f"{VERSAO}.{self.dados_b64}".encode()

    @property
    def texto(self) -> str:
        return f"{VERSAO}.{self.dados_b64}.{b64(self.assinatura)}"


def dados_b64(dados: dict) -> str:
    return b64(json.dumps(dados, ensure_ascii=False, separators=(",", ":")).encode())


def ler_selo(texto: str) -> Selo:
    """O selo dentro de um texto (lido do QR ou colado); SeloInvalido se não houver."""
    achado = SELO_RE.search((texto or "").strip())
    if not achado:
        raise SeloInvalido("O texto não é um selo do Paço: o QR dos documentos começa com PACO1.")
    try:
        dados = json.loads(de_b64(achado.group(1)))
        assinatura = de_b64(achado.group(2))
    except (ValueError, UnicodeDecodeError):
        raise SeloInvalido("O selo está danificado (o texto lido do QR está incompleto).") from None
    if not isinstance(dados, dict) or not isinstance(dados.get("k"), str) or len(assinatura) != 64:
        raise SeloInvalido("O selo está danificado (o texto lido do QR está incompleto).")
    return Selo(dados, achado.group(1), assinatura)


def confere(publica: bytes, assinatura: bytes, mensagem: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(publica).verify(assinatura, mensagem)
        return True
    except (InvalidSignature, ValueError):
        return False


# -- PDF -----------------------------------------------------------------------------------------
def mensagem_pdf(dados_b64_: str, sha256_hex: str) -> bytes:
    return f"{VERSAO}-PDF.{dados_b64_}.{sha256_hex}".encode()


def preparar_pdf(pdf: bytes) -> tuple[bytes, str]:
    """Preenche o comprimento no bloco vazio; devolve o PDF e o SHA-256 a assinar."""
    marca = (PREFIXO_ASSINATURA + MARCA_VAZIA).encode()
    if pdf.count(marca) != 1:
        raise ValueError("PDF sem o bloco de assinatura do Paço.")
    pdf = pdf.replace(marca, f"{PREFIXO_ASSINATURA}{len(pdf):010d}.{'0' * TAMANHO_ASSINATURA}".encode())
    return pdf, hashlib.sha256(pdf).hexdigest()


def selar_pdf(pdf: bytes, assinatura: bytes) -> bytes:
    achado = _ASSINATURA_PDF.search(pdf)
    ini, fim = achado.span(2)
    return pdf[:ini] + b64(assinatura).encode() + pdf[fim:]


@dataclass(frozen=True)
class SeloPdf:
    selo: Selo
    assinatura: bytes
    sha256: str  # dos L bytes normalizados
    acrescimos: int  # bytes além de L


def ler_selo_pdf(pdf: bytes) -> SeloPdf | None:
    """O selo e a assinatura de arquivo de um PDF do Paço; None se o arquivo não os tem."""
    achado_selo = _SELO_PDF.search(pdf)
    achado = _ASSINATURA_PDF.search(pdf)
    if not achado_selo or not achado:
        return None
    selo = ler_selo(achado_selo.group(0).decode()[len(PREFIXO_SELO):])
    comprimento = int(achado.group(1))
    ini, fim = achado.span(2)
    if fim > comprimento or comprimento > len(pdf):
        sha = ""  # truncado ou bloco fora do lugar: não confere
    else:
        sha = hashlib.sha256(pdf[:ini] + b"0" * TAMANHO_ASSINATURA + pdf[fim:comprimento]).hexdigest()
    return SeloPdf(selo, de_b64(achado.group(2).decode()), sha, max(0, len(pdf) - comprimento))
