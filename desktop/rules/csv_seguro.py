"""Células de CSV que uma planilha não executa: texto que começa com =, +, -, @ (ou tabulação e retorno)
ganha um apóstrofo na frente, como recomenda a OWASP contra a injeção de fórmulas ("CSV injection").

Todo CSV que o Paço grava com dados digitados por alguém deve passar por ``celula`` (ou usar
``escritor``); números e datas não mudam.
"""
from __future__ import annotations

import csv

INICIOS_DE_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def celula(valor):
    """O valor pronto para o CSV: texto que uma planilha leria como fórmula vira texto literal."""
    if isinstance(valor, str) and valor.startswith(INICIOS_DE_FORMULA):
        return "'" + valor
    return valor


def parece_formula(texto: str) -> bool:
    return texto.startswith(INICIOS_DE_FORMULA)


class escritor:
    """``csv.writer`` que neutraliza cada célula (mesma interface: ``writerow``, ``writerows``)."""

    def __init__(self, arquivo, **opcoes):
        self._w = csv.writer(arquivo, **opcoes)

    def writerow(self, linha):
        return self._w.writerow([celula(v) for v in linha])

    def writerows(self, linhas):
        for linha in linhas:
            self.writerow(linha)
