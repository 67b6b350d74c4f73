"""O modelo da saída de cada calculadora (pydantic), para o JSON Schema publicado em docs/esquemas/.

As duas calculadoras de contracheque (magistério e conselheiro) têm a mesma forma de linha e os
mesmos ``totais`` (``proventos``, ``descontos``, ``liquido``); toda saída traz ``versao``
(``modelo.VERSAO_SAIDA``). Os testes conferem cada saída calculada contra estes modelos.
"""
from __future__ import annotations

from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict

from desktop.rules.folha.tipos import Linha

from .modelo import VERSAO_SAIDA


class Saida(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


Versao = Literal[VERSAO_SAIDA]
Decimal_ = str
"""Número decimal em texto com ponto ("1234.56")."""


def _texto(d) -> str | None:
    return None if d is None else str(d)


def linha_json(l: Linha, valor: str | None = None) -> dict:
    """Uma linha do contracheque em tipos JSON (mesma forma nas duas calculadoras de folha)."""
    return {"codigo": l.codigo, "descricao": l.descricao, "natureza": l.natureza.value,
            "base": _texto(l.base), "percentual": _texto(l.percentual), "quantidade": _texto(l.quantidade),
            "valor": valor if valor is not None else str(l.valor), "fundamento": l.fundamento, "grupo": l.grupo,
            "incide_previdencia": l.incide_previdencia, "incide_irrf": l.incide_irrf}


class LinhaContracheque(Saida):
    """Uma rubrica: ``natureza`` P (provento) ou D (desconto); ``valor`` sempre positivo."""

    codigo: str
    descricao: str
    natureza: Literal["P", "D"]
    base: Optional[Decimal_]
    percentual: Optional[Decimal_]
    quantidade: Optional[Decimal_]
    valor: Decimal_
    fundamento: str
    grupo: str
    incide_previdencia: bool
    incide_irrf: bool


class Totais(Saida):
    """``liquido`` = ``proventos`` − ``descontos``."""

    proventos: Decimal_
    descontos: Decimal_
    liquido: Decimal_


# -- magistério -------------------------------------------------------------------------------------
class Servidor(Saida):
    nome: str
    matricula: str
    cpf: str


class FundamentoSituacao(Saida):
    desde: str
    descricao: str
    fundamento: str


class Situacao(Saida):
    data: str
    cargo: str
    nivel: str
    nivel_nome: str
    classe: str
    jornada: int
    tempo_exercicio_dias: int
    estagio_probatorio: bool
    fundamentos: list[FundamentoSituacao]


class PeriodoMes(Saida):
    inicio: str
    fim: str
    nivel: str
    classe: str
    jornada: int


class ParametroUsado(Saida):
    inicio: Optional[str]
    fundamento: str


class SaidaMagisterio(Saida):
    """Saída de ``paco calcular magisterio``."""

    versao: Versao
    competencia: str
    servidor: Servidor
    situacao: Optional[Situacao]
    periodos: list[PeriodoMes]
    linhas: list[LinhaContracheque]
    totais: Totais
    avisos: list[str]
    parametros: dict[str, ParametroUsado]


# -- conselheiro ------------------------------------------------------------------------------------
class SaidaConselheiro(Saida):
    """Saída de ``paco calcular conselheiro``."""

    versao: Versao
    competencia: str
    salario_minimo: Decimal_
    salario_base: Decimal_
    base_acrescimo_funcao: str
    linhas: list[LinhaContracheque]
    totais: Totais
    avisos: list[str]


# -- eleição ----------------------------------------------------------------------------------------
class Colocado(Saida):
    posicao: int
    numero: int
    nome: str
    votos: int
    percentual_validos: Decimal_
    situacao: str
    ordem: Optional[int]
    impedimento: Optional[str]
    sub_judice: bool


class Empate(Saida):
    votos: int
    candidatos: list[int]
    criterio: str
    explicacao: str


class TotaisEleicao(Saida):
    secoes: int
    aptos: int
    comparecimento: int
    abstencao: int
    brancos: int
    nulos: int
    validos: int


class SaidaEleicao(Saida):
    """Saída de ``paco calcular eleicao``; ``totais`` só quando a entrada traz ``secoes``."""

    versao: Versao
    criterio_desempate: str
    votos_validos: int
    ranking: list[Colocado]
    titulares: list[int]
    suplentes: list[int]
    empates: list[Empate]
    impedimentos: list[str]
    avisos: list[str]
    totais: Optional[TotaisEleicao] = None


# -- certificação -----------------------------------------------------------------------------------
class Elegivel(Saida):
    elegivel: Literal[True]
    fundamentos: list[str]


class Inelegivel(Saida):
    elegivel: Literal[False]
    motivo: str
    fundamento: str


class AvaliacaoSaida(Saida):
    total: int
    reconhecidas: list[str]
    nao_reconhecidas: list[str]
    pendentes: list[str]
    carga_horaria_reconhecida: int
    carga_horaria_total: int


class Documento(Saida):
    tipo: str
    titulo: str
    fundamento: str


class Pendencia(Saida):
    motivo: str
    fundamento: str


class Recurso(Saida):
    prazo_dias: int
    ate: str
    fundamento: str


class SaidaCertificacao(Saida):
    """Saída de ``paco calcular certificacao``."""

    versao: Versao
    data: str
    tipo: str
    tipo_rotulo: str
    perfil: str
    elegibilidade: Union[Elegivel, Inelegivel]
    avaliacao: AvaliacaoSaida
    resultado: Optional[Literal["integral", "parcial", "nenhum"]]
    documentos: list[Documento]
    explicacao: str
    fundamento: str
    pendencias: list[Pendencia]
    recurso: Optional[Recurso]
    primeira_via: Optional[str]
