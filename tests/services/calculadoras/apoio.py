"""Apoio dos testes das calculadoras: exemplos de entrada, rodar ``paco calcular`` e validar pelo esquema."""
from __future__ import annotations

import contextlib
import io
import json
import tempfile
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

from desktop import RAIZ, cli

EXEMPLOS = RAIZ / "docs" / "exemplos"
ESQUEMAS = RAIZ / "docs" / "esquemas"
ENTRADAS = {"eleicao": ["eleicao-votos.json"],
            "magisterio": ["magisterio-professora-n1a.json", "magisterio-diretor-escola-grande.json"],
            "certificacao": ["certificacao.json"],
            "conselheiro": ["conselheiro-presidente-2026.json"]}


def exemplo(arquivo: str) -> dict:
    return json.loads((EXEMPLOS / arquivo).read_text(encoding="utf-8"))


@cache
def validador(calculo: str, sufixo: str) -> Draft202012Validator:
    esquema = json.loads((ESQUEMAS / f"{calculo}-{sufixo}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(esquema, format_checker=FormatChecker())


def rodar_bytes(calculo: str, bruto: bytes) -> tuple[int, str, str]:
    """(código de saída, stdout, stderr) de ``paco calcular <calculo> --entrada <arquivo com bruto>``."""
    with tempfile.TemporaryDirectory() as pasta:
        arq = Path(pasta) / "entrada.json"
        arq.write_bytes(bruto)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            codigo = cli.main(["calcular", calculo, "--entrada", str(arq)])
    return codigo, out.getvalue(), err.getvalue()


def rodar(calculo: str, dados) -> tuple[int, str, str]:
    return rodar_bytes(calculo, json.dumps(dados, ensure_ascii=False).encode("utf-8"))


def caminhos(dados, prefixo: tuple = ()) -> list[tuple]:
    """Todos os caminhos (tuplas de chaves e índices) de um JSON, do mais raso ao mais fundo."""
    achados = []
    itens = dados.items() if isinstance(dados, dict) else enumerate(dados) if isinstance(dados, list) else ()
    for k, v in itens:
        achados.append(prefixo + (k,))
        achados += caminhos(v, prefixo + (k,))
    return achados


def texto_do_caminho(caminho: tuple) -> str:
    """O caminho como as mensagens o escrevem: itens de listas a partir de 1, chaves depois de ponto."""
    partes = []
    for elem in caminho:
        partes.append(f"[{elem + 1}]" if isinstance(elem, int) else ("." if partes else "") + str(elem))
    return "".join(partes)


def trocar(dados, caminho: tuple, valor):
    """Cópia de ``dados`` com ``valor`` no ``caminho`` (``APAGAR`` tira a chave)."""
    if not caminho:
        return valor
    copia = json.loads(json.dumps(dados))
    alvo = copia
    for elem in caminho[:-1]:
        alvo = alvo[elem]
    if valor is APAGAR:
        del alvo[caminho[-1]]
    else:
        alvo[caminho[-1]] = valor
    return copia


APAGAR = object()
