"""O código de verificação dos documentos do Paço: sorteio, leitura do que o usuário digita, busca dentro
de um PDF; as situações que a verificação responde; o limite de tamanho de um PDF a conferir.

Peças comuns à emissão (``services.documentos``) e à verificação (``services.verificacao``): ficam à
parte para que uma não importe a outra (issue 18: sem ciclos de importação). ``documentos`` as reexporta.
"""
from __future__ import annotations

import logging
import re
import secrets
from io import BytesIO
from pathlib import Path

from desktop.reports.layout import PREFIXO_CODIGO
from desktop.rules.validacao import EntradaInvalida

from .sessao import ErroNegocio

ALFABETO = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # sem I, O, 0 e 1, que se confundem no papel
TAMANHO_CODIGO = 12

AUTENTICO, CANCELADO, ALTERADO, DESCONHECIDO = "autentico", "cancelado", "alterado", "desconhecido"
SUBSTITUIDO = "substituido"

_CODIGO = f"[{ALFABETO}]{{4}}-[{ALFABETO}]{{4}}-[{ALFABETO}]{{4}}"
_CODIGO_NOS_BYTES = re.compile(re.escape(PREFIXO_CODIGO).encode() + f"({_CODIGO})".encode())
_CODIGO_NO_TEXTO = re.compile(rf"c[óo]digo(?: de verificação)?:?\s*({_CODIGO})", re.IGNORECASE)

# -- código de verificação -------------------------------------------------------------------
def novo_codigo() -> str:
    """Código aleatório de 12 caracteres (60 bits), mostrado como XXXX-XXXX-XXXX.

    A unicidade na base é garantida por ``emitir`` (sorteia de novo se já existir) e pela
    restrição UNIQUE da tabela.
    """
    t = "".join(secrets.choice(ALFABETO) for _ in range(TAMANHO_CODIGO))
    return f"{t[:4]}-{t[4:8]}-{t[8:]}"


def normalizar_codigo(texto: str) -> str:
    """Aceita o código com ou sem hífens, em maiúsculas ou minúsculas; devolve XXXX-XXXX-XXXX."""
    t = "".join(c for c in (texto or "").upper() if c.isalnum())
    if len(t) != TAMANHO_CODIGO or any(c not in ALFABETO for c in t):
        raise EntradaInvalida(
            "Código de verificação inválido: são 12 letras e algarismos, como ABCD-EFGH-JK23, "
            "impressos no rodapé do documento (não há as letras I e O nem os algarismos 0 e 1)."
        )
    return f"{t[:4]}-{t[4:8]}-{t[8:]}"


def codigo_no_pdf(dados: bytes) -> str | None:
    """O código de verificação do Paço dentro de um PDF: metadados, senão o texto das páginas."""
    achado = _CODIGO_NOS_BYTES.search(dados)
    if achado:
        return achado.group(1).decode()
    if b"%PDF" not in dados[:1024]:
        return None
    registro_pypdf = logging.getLogger("pypdf")
    nivel = registro_pypdf.level
    registro_pypdf.setLevel(logging.CRITICAL)  # arquivo danificado: sem avisos no terminal
    try:
        from pypdf import PdfReader

        leitor = PdfReader(BytesIO(dados), strict=False)
        palavras = str((leitor.metadata or {}).get("/Keywords") or "")
        achado = re.search(re.escape(PREFIXO_CODIGO) + f"({_CODIGO})", palavras)
        if achado:
            return achado.group(1)
        for pagina in reversed(leitor.pages):
            achado = _CODIGO_NO_TEXTO.search(pagina.extract_text() or "")
            if achado:
                return achado.group(1).upper()
    except Exception:  # arquivo danificado: não há código legível
        return None
    finally:
        registro_pypdf.setLevel(nivel)
    return None


PDF_TAMANHO_MAXIMO = 100 * 1024 * 1024
"""100 MiB: um lote de mil contracheques do Paço tem menos de 20 MiB."""


def conferir_tamanho_pdf(caminho: str | Path) -> None:
    """Recusa, sem ler o arquivo, um PDF maior que ``PDF_TAMANHO_MAXIMO`` (nenhum documento do Paço chega lá)."""
    tamanho = Path(caminho).stat().st_size
    if tamanho > PDF_TAMANHO_MAXIMO:
        raise ErroNegocio(f"O arquivo {Path(caminho).name} tem {tamanho // (1024 * 1024)} MiB, mais que os "
                          f"{PDF_TAMANHO_MAXIMO // (1024 * 1024)} MiB de qualquer documento emitido pelo Paço; "
                          "não é um documento do Paço.")
