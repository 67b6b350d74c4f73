"""O arquivo de entrada das calculadoras: tamanho, codificação, aninhamento e JSON, com mensagens em português.

Recusa antes de interpretar o JSON: arquivo maior que ``TAMANHO_MAXIMO`` (lido só até esse limite),
codificação que não seja UTF-8 (com ou sem BOM — o Bloco de Notas do Windows grava com BOM), com o
nome provável da codificação (charset-normalizer) e como salvar em UTF-8, e aninhamento de objetos e
listas mais fundo que ``PROFUNDIDADE_MAXIMA``. Os limites estão em docs/calculadora.md.
"""
from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

from desktop.rules.validacao import EntradaInvalida

TAMANHO_MAXIMO = 2 * 1024 * 1024
"""2 MiB: uma eleição com 1.000 seções e 30 candidatos ocupa cerca de 1 MiB."""
PROFUNDIDADE_MAXIMA = 12
"""Objetos e listas uns dentro dos outros; a entrada mais funda (matriz digitada do Anexo I) usa 6."""

_NOMES = {"cp1252": "Windows-1252 (o \"ANSI\" do Bloco de Notas em português)",
          "latin_1": "Latin-1 (ISO-8859-1)", "iso8859_1": "Latin-1 (ISO-8859-1)",
          "iso8859_15": "Latin-9 (ISO-8859-15)", "cp850": "DOS (CP850)", "mac_roman": "Mac Roman",
          "utf_16": "UTF-16", "utf_16_le": "UTF-16 (Little Endian)", "utf_16_be": "UTF-16 (Big Endian)",
          "utf_32": "UTF-32", "utf_32_le": "UTF-32", "utf_32_be": "UTF-32"}
_BOMS = ((codecs.BOM_UTF32_LE, "utf_32"), (codecs.BOM_UTF32_BE, "utf_32"),
         (codecs.BOM_UTF16_LE, "utf_16"), (codecs.BOM_UTF16_BE, "utf_16"))
COMO_SALVAR = ("Abra o arquivo no Bloco de Notas e use Arquivo › Salvar como, com Codificação \"UTF-8\" "
               "(no LibreOffice: Salvar como › Editar configurações do filtro › Conjunto de caracteres Unicode (UTF-8)).")


def nome_codificacao(bruto: bytes) -> str:
    """O nome, para o usuário, da codificação provável de ``bruto`` (BOM ou charset-normalizer)."""
    for bom, nome in _BOMS:
        if bruto.startswith(bom):
            return _NOMES[nome]
    from charset_normalizer import from_bytes

    melhor = from_bytes(bruto[:65536]).best()
    if melhor is None:
        return "desconhecida (talvez não seja um arquivo de texto)"
    if not melhor.encoding.startswith("utf"):
        # Um só byte por letra: para um texto em português, o provável é o Windows-1252 ("ANSI"), que o
        # detector confunde com parentes (cp1250, cp850) quando o texto é curto.
        try:
            bruto.decode("cp1252")
            return _NOMES["cp1252"] + " ou Latin-1"
        except UnicodeDecodeError:
            pass
    return _NOMES.get(melhor.encoding, melhor.encoding.replace("_", "-").upper())


def texto_utf8(bruto: bytes, nome: str) -> str:
    """O texto de um arquivo em UTF-8 (o BOM é tirado); outra codificação é recusada com o nome provável."""
    if bruto.startswith(codecs.BOM_UTF8):
        bruto = bruto[len(codecs.BOM_UTF8):]
    try:
        if any(bruto.startswith(b) for b, _ in _BOMS) or b"\x00" in bruto:
            raise UnicodeDecodeError("utf-8", bruto, 0, 1, "NUL ou BOM de UTF-16/32")
        return bruto.decode("utf-8")
    except UnicodeDecodeError:
        raise EntradaInvalida(f"{nome} não está em UTF-8: a codificação parece ser {nome_codificacao(bruto)}. "
                              + COMO_SALVAR) from None


def ler_bytes(caminho: Path | str, limite: int = TAMANHO_MAXIMO) -> bytes:
    """O conteúdo do arquivo, recusado sem ler tudo se passar de ``limite`` bytes."""
    caminho = Path(caminho)
    try:
        with open(caminho, "rb") as f:
            bruto = f.read(limite + 1)
    except OSError as e:
        raise EntradaInvalida(f"Não foi possível ler {caminho}: {e.strerror or e}.") from None
    if len(bruto) > limite:
        raise EntradaInvalida(f"{caminho.name} passa de {limite // 1024} KiB, o tamanho máximo de uma entrada; "
                              "divida o cálculo em arquivos menores.")
    return bruto


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_ABRE_FECHA = re.compile(r"[\[\]{}]")


def profundidade(texto: str) -> int:
    """A maior profundidade de objetos e listas do texto JSON (sem interpretá-lo; textos entre aspas contam nada)."""
    atual = maior = 0
    for m in _ABRE_FECHA.finditer(_STRING.sub("", texto)):
        if m.group() in "[{":
            atual += 1
            maior = max(maior, atual)
        else:
            atual -= 1
    return maior


def ler_json(caminho: Path | str):
    """O JSON do arquivo de entrada, ou ``EntradaInvalida`` com o que corrigir (tamanho, codificação, sintaxe)."""
    caminho = Path(caminho)
    texto = texto_utf8(ler_bytes(caminho), caminho.name)
    return json_de_texto(texto, caminho.name)


def json_de_texto(texto: str, nome: str = "A entrada"):
    if (p := profundidade(texto)) > PROFUNDIDADE_MAXIMA:
        raise EntradaInvalida(f"{nome}: objetos e listas aninhados em {p} níveis; o máximo é {PROFUNDIDADE_MAXIMA}.")
    try:
        return json.loads(texto, parse_constant=_constante)
    except json.JSONDecodeError as e:
        raise EntradaInvalida(f"{nome} não é um JSON válido (linha {e.lineno}, coluna {e.colno}: "
                              f"{_MOTIVOS.get(e.msg, e.msg)}).") from None
    except RecursionError:  # pragma: no cover - a profundidade já foi conferida
        raise EntradaInvalida(f"{nome}: aninhamento fundo demais.") from None
    except ValueError:  # inteiro com milhares de algarismos (limite do Python para converter texto)
        raise EntradaInvalida(f"{nome} tem um número com algarismos demais.") from None


def _constante(nome: str):
    raise EntradaInvalida(f"{nome} não é um número JSON; escreva o valor como número ou texto decimal.")


_MOTIVOS = {
    "Expecting value": "esperava um valor",
    "Expecting property name enclosed in double quotes": "esperava o nome de um campo entre aspas duplas",
    "Expecting ',' delimiter": "esperava uma vírgula",
    "Expecting ':' delimiter": "esperava dois-pontos",
    "Extra data": "há texto depois do fim do JSON",
    "Unterminated string starting at": "texto sem aspas de fechamento",
    "Invalid control character at": "caractere de controle dentro de um texto",
    "Invalid \\escape": "sequência de escape inválida",
    "Illegal trailing comma before end of object": "vírgula sobrando antes de }",
    "Illegal trailing comma before end of array": "vírgula sobrando antes de ]",
}
