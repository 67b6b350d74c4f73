"""Modelo da entrada de ``paco calcular eleicao`` (pydantic): tipos, limites e campos conhecidos.

Limites: até 1.000 candidatos e 5.000 seções; números de candidato de 1 a 99.999; votos, aptos,
comparecimento, brancos e nulos de 0 a 10.000.000 por seção; nota de 0 a 100 com até duas casas
(Lei 320/2023, art. 12 §9º); nascimento entre 1900 e hoje. As contas de cada boletim (art. 11 §6º
e edital) são conferidas depois, pela regra. Formato em docs/calculadora.md.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Optional

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..calculadoras.modelo import Data, Logico, Modelo, decimal_texto, inteiro, opcoes, parametros_entrada, texto

ARTIGO_BOLETIM = "Lei 320/2023, art. 11 §6º"
Contagem = inteiro(0, 10_000_000, "contagem de eleitores ou votos", ARTIGO_BOLETIM)
NumeroCandidato = inteiro(1, 99_999, "número do candidato")
Nota = decimal_texto(3, 2, "a nota da prova em texto, p. ex. \"81.5\"", Decimal(100))


def _numero_chave(valor):
    if isinstance(valor, str) and re.fullmatch(r"^[1-9][0-9]{0,4}$", valor):
        return valor
    raise PydanticCustomError("numero", "use o número do candidato como chave, só algarismos (veio {valor}).",
                              {"valor": repr(valor)})


ChaveCandidato = Annotated[str, BeforeValidator(_numero_chave),
                           WithJsonSchema({"type": "string", "pattern": "^[1-9][0-9]{0,4}$"})]


class Candidato(Modelo):
    """Um candidato habilitado."""

    numero: NumeroCandidato
    nome: texto(200, 1)
    nascimento: Optional[Data] = None
    nota: Optional[Nota] = None
    sub_judice: Logico = False
    votos: Optional[Contagem] = None


class Secao(Modelo):
    """O boletim de uma seção: votos + brancos + nulos = comparecimento ≤ aptos."""

    secao: inteiro(1, 99_999, "número da seção")
    aptos: Contagem
    comparecimento: Contagem
    brancos: Contagem
    nulos: Contagem
    votos: Annotated[dict[ChaveCandidato, Contagem], Field(max_length=1000)] = {}


class Parentesco(Modelo):
    """Dois candidatos parentes (Lei 320/2023, art. 15)."""

    a: NumeroCandidato
    b: NumeroCandidato
    vinculo: Optional[texto(200)] = None


class EntradaEleicao(Modelo):
    """Entrada de ``paco calcular eleicao``: os habilitados, os votos (ou boletins) e os parentescos."""

    criterio_desempate: opcoes(("idade", "nota")) = "idade"
    titulares: Optional[inteiro(1, 50, "vagas de titular", "Lei 320/2023, art. 6º")] = None
    candidatos: Annotated[list[Candidato], Field(min_length=1, max_length=1000)]
    parentescos: Annotated[list[Parentesco], Field(max_length=10_000)] = []
    secoes: Optional[Annotated[list[Secao], Field(min_length=1, max_length=5000)]] = None
    parametros: Optional[parametros_entrada(("eleicao_regras",))] = None
