"""Peças da demonstração que todos os módulos usam: a senha e o login do administrador, CPFs e CNPJs fictícios
e o leitor dos dados de exemplo de cada módulo (``resources/demo/<módulo>.toml``, que vai no instalador).

À parte de ``services.demo`` (que chama a demonstração de cada módulo) para que os módulos não importem
quem os importa (issue 18: sem ciclos de importação). CPFs e CNPJs com dígitos verificadores válidos.
"""
from __future__ import annotations

import random
import tomllib
from functools import cache

from desktop import PASTA_RECURSOS

PASTA_DEMO = PASTA_RECURSOS / "demo"

LOGIN_DEMO = "admin"
SENHA_DEMO = "caju-jabuti-demo"  # passa na regra de senha (10+ caracteres, zxcvbn)


def _dv(digitos: list[int]) -> int:
    peso = len(digitos) + 1
    resto = sum(d * (peso - i) for i, d in enumerate(digitos)) % 11
    return 0 if resto < 2 else 11 - resto


def cpf_ficticio(rnd: random.Random) -> str:
    base = [rnd.randint(0, 9) for _ in range(9)]
    base.append(_dv(base))
    base.append(_dv(base))
    return "".join(map(str, base))


def cnpj_ficticio(rnd: random.Random) -> str:
    base = [rnd.randint(0, 9) for _ in range(8)] + [0, 0, 0, 1]
    for _ in range(2):
        pesos = ([6] if len(base) == 13 else []) + [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
        resto = sum(d * p for d, p in zip(base, pesos[-len(base):])) % 11
        base.append(0 if resto < 2 else 11 - resto)
    return "".join(map(str, base))


@cache
def dados_demo(modulo: str) -> dict:
    """Os dados de exemplo de ``modulo`` (nomes, escolas, textos, datas), lidos uma vez por processo.

    Os construtores da demonstração guardam só os passos; o que eles gravam vem daqui."""
    with open(PASTA_DEMO / f"{modulo}.toml", "rb") as f:
        return tomllib.load(f)
