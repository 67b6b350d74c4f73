"""Modelo da entrada de ``paco calcular magisterio`` (pydantic), gerado dos tipos da regra.

Os itens dos históricos têm os campos das classes de ``rules.magisterio.tipos`` (a mesma fonte que a
calculadora converte), com limites do que a Lei 1.613/2004 pode querer dizer: carga horária de 1 a
10.000 h, jornada até 60 h (a regra exige 20 ou 40, art. 23), horas de falta até 24 (a regra exige 1
a 8, art. 34), dias averbados até 36.500, listas com tamanho máximo. Formato em docs/calculadora.md.
"""
from __future__ import annotations

import dataclasses
import re
import types
import typing
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated, Optional

from pydantic import BeforeValidator, Field, WithJsonSchema, create_model
from pydantic_core import PydanticCustomError

from desktop.rules.magisterio import tipos as t
from desktop.rules.magisterio.configuracao import ConfiguracaoMagisterio
from desktop.rules.magisterio.folha_parametros import NOMES_BASE, NOMES_OPCIONAIS

from ..calculadoras.modelo import (Data, Logico, Modelo, parametros_entrada, Percentual, Dinheiro, Horas, inteiro,
                                   opcoes, texto)

HISTORICOS: dict[str, type] = {
    "titulacoes": t.Titulacao, "lotacoes": t.Lotacao, "regencias": t.Regencia, "jornadas": t.JornadaPeriodo,
    "funcoes": t.FuncaoGratificada, "cursos": t.Curso, "afastamentos": t.Afastamento, "faltas": t.Falta,
    "ferias": t.Ferias, "averbacoes": t.Averbacao,
}
MAXIMO_ITENS = {"faltas": 3000}
"""Itens por histórico: 500 (3.000 faltas: quarenta anos de faltas anotadas hora a hora já seriam menos)."""

_LIMITES = {
    ("Titulacao", "carga_horaria"): inteiro(1, 10000, "horas do curso"),
    ("Curso", "carga_horaria"): inteiro(1, 10000, "horas do curso", "Lei 1.613/2004, art. 47"),
    ("JornadaPeriodo", "horas"): inteiro(1, 60, "horas semanais: 20 ou 40", "Lei 1.613/2004, art. 23"),
    ("Falta", "horas"): inteiro(1, 24, "horas não cumpridas no dia: 1 a 8; omitido = dia inteiro",
                                "Lei 1.613/2004, art. 34"),
    ("Regencia", "alunos_nee"): inteiro(0, 500, "alunos com necessidades especiais", "Lei 1.613/2004, art. 44"),
    ("Averbacao", "dias"): inteiro(0, 36500, "dias de tempo averbado"),
}


def _tipo_do_campo(cls: type, nome: str, anotacao):
    if (cls.__name__, nome) in _LIMITES:
        base = _LIMITES[(cls.__name__, nome)]
        return Optional[base] if _opcional(anotacao) else base
    opcional = _opcional(anotacao)
    base = _sem_none(anotacao)
    if isinstance(base, type) and issubclass(base, Enum):
        tipo = opcoes(base)
    elif base is date:
        tipo = Data
    elif base is bool:
        tipo = Logico
    elif base is int:
        tipo = inteiro(0, 100000)
    elif base is Decimal:
        tipo = Percentual
    elif base is str:
        tipo = texto()
    else:  # pragma: no cover - um campo novo em tipos.py precisa de um tipo aqui
        raise TypeError(f"{cls.__name__}.{nome}: tipo {base} sem modelo")
    return Optional[tipo] if opcional else tipo


def _opcional(anotacao) -> bool:
    return (isinstance(anotacao, types.UnionType) or typing.get_origin(anotacao) is typing.Union) and \
        type(None) in typing.get_args(anotacao)


def _sem_none(anotacao):
    if _opcional(anotacao):
        return next(a for a in typing.get_args(anotacao) if a is not type(None))
    return anotacao


def modelo_de(cls: type, nome: str | None = None, obrigatorios: tuple[str, ...] = ()) -> type[Modelo]:
    """Um modelo pydantic com os campos do dataclass ``cls`` (obrigatório o que não tem padrão)."""
    dicas = typing.get_type_hints(cls)
    campos = {}
    for f in dataclasses.fields(cls):
        tipo = _tipo_do_campo(cls, f.name, dicas[f.name])
        obrigatorio = (f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING) \
            or f.name in obrigatorios
        if obrigatorio:
            campos[f.name] = (tipo, ...)
        else:
            campos[f.name] = (Optional[tipo], None)
    return create_model(nome or cls.__name__, __base__=Modelo, __doc__=(cls.__doc__ or "").strip() or None, **campos)


ITENS = {h: modelo_de(c, obrigatorios=("inicio",) if issubclass(c, t.Periodo) else ())
         for h, c in HISTORICOS.items()}

_COMPETENCIA = r"^((19|20)[0-9]{2}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|(0?[1-9]|1[0-2])/(19|20)[0-9]{2})$"


def _competencia(valor):
    if isinstance(valor, str) and re.fullmatch(_COMPETENCIA, valor.strip()):
        return valor.strip()
    raise PydanticCustomError("competencia", "{valor} não é uma competência; use aaaa-mm (p. ex. 2026-03).",
                              {"valor": repr(valor) if not isinstance(valor, (dict, list)) else "um objeto"})


Competencia = Annotated[str, BeforeValidator(_competencia),
                        WithJsonSchema({"type": "string", "pattern": _COMPETENCIA,
                                        "description": "mês: aaaa-mm (também aaaa-mm-dd ou mm/aaaa)"})]

_listas = {h: (Optional[Annotated[list[m], Field(max_length=MAXIMO_ITENS.get(h, 500))]], None)
           for h, m in ITENS.items()}
Ficha = create_model(
    "Ficha", __base__=Modelo, __doc__="A ficha funcional: cadastro e históricos datados (rules/magisterio/tipos.py).",
    nome=(Optional[texto()], None), cpf=(Optional[texto(20)], None), matricula=(Optional[texto(40)], None),
    cargo=(opcoes(t.Cargo), ...), admissao=(Data, ...), nascimento=(Optional[Data], None),
    desligamento=(Optional[Data], None), dependentes_irrf=(Optional[inteiro(0, 50, "dependentes para o IRRF")], None),
    horas_noturnas=(Optional[Annotated[dict[Competencia, Horas], Field(max_length=600)]], None),
    **_listas)


def _configuracao():
    dicas = typing.get_type_hints(ConfiguracaoMagisterio)
    campos = {}
    for f in dataclasses.fields(ConfiguracaoMagisterio):
        base = _sem_none(dicas[f.name])
        tipo = {bool: Logico, Decimal: Percentual, str: texto(40)}.get(base) or inteiro(1, 12)
        campos[f.name] = (Optional[tipo], None)
    return create_model("Configuracao", __base__=Modelo, __doc__="As escolhas do órgão (docs/interpretacoes.md).",
                        **campos)


Configuracao = _configuracao()


class EntradaMagisterio(Modelo):
    """Entrada de ``paco calcular magisterio``: a ficha, a competência e, se quiser, configuração e parâmetros."""

    competencia: Competencia
    ficha: Ficha
    data_situacao: Optional[Data] = None
    configuracao: Optional[Configuracao] = None
    parametros: Optional[parametros_entrada(NOMES_BASE + NOMES_OPCIONAIS)] = None
    adiantamento_13_pago: Optional[Dinheiro] = None
