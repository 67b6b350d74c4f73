"""Modelo da entrada de ``paco calcular certificacao`` (pydantic): tipos, limites e campos conhecidos.

Limites: até 200 competências por perfil, carga horária de 0 a 10.000 h por competência (art. 20,
VI), nomes de até 200 caracteres, datas entre 1900 e 2099; o nascimento depois da data do cálculo
é recusado pela calculadora. Formato em docs/calculadora.md, seção "Certificação profissional".
"""
from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field

from desktop.rules.certificacao.tipos import ESCOLARIDADES, TipoCertificacao

from ..calculadoras.modelo import Data, Logico, Modelo, inteiro, opcoes, parametros_entrada, texto

PARAMETROS = ("certificacao_requisitos", "certificacao_prazos")
Escolaridade = opcoes(ESCOLARIDADES)


class Trabalhador(Modelo):
    """O trabalhador que pede a certificação."""

    nascimento: Data
    escolaridade: Escolaridade
    comprovante: Optional[texto(200)] = None
    diploma_tecnico: Optional[texto(200)] = None


class Competencia(Modelo):
    """Uma competência do perfil (Portaria MEC 902/2024, art. 20, VI)."""

    nome: texto(200, 1)
    componente: Optional[texto(200)] = None
    carga_horaria: Optional[inteiro(0, 10_000, "horas", "Portaria MEC 902/2024, art. 20, VI")] = None


class Perfil(Modelo):
    """O perfil profissional de conclusão (PPCP)."""

    nome: Optional[texto(200)] = None
    tipo: Annotated[opcoes(TipoCertificacao), Field(json_schema_extra={"fundamento": "Portaria MEC 902/2024, art. 14"})]
    escolaridade_minima: Optional[Escolaridade] = None
    competencias: Annotated[list[Competencia], Field(min_length=1, max_length=200, json_schema_extra={
        "fundamento": "Portaria MEC 902/2024, art. 20, VI"})]
    sistec_codigo: Optional[texto(100)] = None


class EntradaCertificacao(Modelo):
    """Entrada de ``paco calcular certificacao``: o trabalhador, o perfil e a avaliação por competência."""

    data: Optional[Data] = None
    trabalhador: Trabalhador
    perfil: Perfil
    avaliacao: Optional[Annotated[dict[texto(200), Optional[Logico]], Field(max_length=200)]] = None
    resultado_em: Optional[Data] = None
    sistec_codigo: Optional[texto(100)] = None
    parametros: Optional[parametros_entrada(PARAMETROS)] = None
