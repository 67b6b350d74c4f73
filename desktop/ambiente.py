"""Variáveis de ambiente por um trecho: definidas ao entrar, restauradas como estavam ao sair.

Serve ao autoteste (``PACO_CONFIG`` e ``PACO_DADOS`` numa pasta temporária) e aos benchmarks
(``benchmarks/comparar.pasta_de_trabalho``): o que roda dentro do trecho — e os processos filhos que
ele abrir — não escreve na configuração, nos dados nem nos registros do usuário.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator, Mapping


@contextmanager
def variaveis(valores: Mapping[str, str]) -> Iterator[None]:
    """Define as variáveis de ``valores`` enquanto dura; ao sair (também num erro ou num Ctrl+C) cada uma volta
    ao valor de antes, e a que não existia volta a não existir."""
    antes = {nome: os.environ.get(nome) for nome in valores}
    try:
        for nome, valor in valores.items():
            os.environ[nome] = str(valor)
        yield
    finally:
        for nome, valor in antes.items():
            if valor is None:
                os.environ.pop(nome, None)
            else:
                os.environ[nome] = valor
