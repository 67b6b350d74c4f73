"""O modelo da entrada de cada calculadora (pydantic v2) e a recusa em português com o caminho do campo.

Todas as calculadoras validam a entrada do mesmo jeito, antes de qualquer conta: campo desconhecido
recusado com o nome válido mais parecido; tipos estritos (``"false"`` não é falso, ``1.0`` não é
inteiro); números limitados pelo que a lei pode querer dizer (horas, dias e votos não negativos,
dinheiro até ``DINHEIRO_MAXIMO``); datas aaaa-mm-dd entre 1900 e 2099; listas com tamanho máximo.
Os mesmos modelos geram o JSON Schema publicado em docs/esquemas/ (``esquemas.py``).

O caminho do campo conta os itens de listas a partir de 1 e escreve as chaves de objetos depois de
um ponto: ``secoes[3].votos.12``, ``ficha.cursos[2].conclusao``.
"""
from __future__ import annotations

import re
import types
import typing
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, ValidationError,
                      WithJsonSchema)
from pydantic_core import PydanticCustomError

from desktop.rules.validacao import EntradaInvalida

from .parametros import parecido

VERSAO_SAIDA = 1
"""Versão do formato das saídas (campo ``versao``); muda quando um campo muda de nome ou de sentido."""
DINHEIRO_MAXIMO = Decimal("9999999.99")
"""R$ 9.999.999,99: acima disso nenhum valor de folha municipal faz sentido (e 1e30 não passa)."""
TEXTO_MAXIMO = 200
"""Caracteres de um nome, descrição ou código."""


class Modelo(BaseModel):
    """Base: campos desconhecidos recusados, tipos estritos."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, regex_engine="python-re")


# -- tipos ------------------------------------------------------------------------------------------
def _veio(valor) -> str:
    if valor is None or isinstance(valor, bool):
        return {None: "null", True: "true", False: "false"}[valor]
    if isinstance(valor, (dict, list)):
        return "um objeto" if isinstance(valor, dict) else "uma lista"
    texto = repr(valor)
    return texto if len(texto) <= 60 else texto[:57] + "…'"


_DATA = r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"


def _data(valor):
    if isinstance(valor, date):
        return valor
    if isinstance(valor, str) and re.fullmatch(_DATA, valor):
        try:
            return date.fromisoformat(valor)
        except ValueError:
            pass
        raise PydanticCustomError("data", "{valor} não é uma data que existe; use aaaa-mm-dd.", {"valor": _veio(valor)})
    raise PydanticCustomError("data", "{valor} não é uma data válida; use aaaa-mm-dd (de 1900 a 2099).",
                              {"valor": _veio(valor)})


Data = Annotated[date, BeforeValidator(_data),
                 WithJsonSchema({"type": "string", "format": "date", "pattern": _DATA,
                                 "description": "data aaaa-mm-dd, de 1900 a 2099"})]


def decimal_texto(inteiros: int, casas: int, dica: str, maximo: Decimal | None = None):
    """Número decimal não negativo em texto (ou inteiro JSON) com até ``inteiros`` algarismos e ``casas`` decimais."""
    padrao = rf"^[0-9]{{1,{inteiros}}}(\.[0-9]{{1,{casas}}})?$" if casas else rf"^[0-9]{{1,{inteiros}}}$"
    teto = maximo if maximo is not None else Decimal(10 ** inteiros) - Decimal(1).scaleb(-casas)

    def converter(valor):
        if isinstance(valor, Decimal) and valor.is_finite() and 0 <= valor <= teto:
            return valor
        if isinstance(valor, int) and not isinstance(valor, bool) and 0 <= valor <= teto:
            return Decimal(valor)
        if isinstance(valor, str) and re.fullmatch(padrao, valor) and Decimal(valor) <= teto:
            return Decimal(valor)
        raise PydanticCustomError("decimal", "use {dica}, não negativo, até {teto} (veio {valor}).",
                                  {"dica": dica, "teto": str(teto), "valor": _veio(valor)})

    esquema = {"anyOf": [{"type": "string", "pattern": padrao}, {"type": "integer", "minimum": 0,
                                                                  "maximum": int(teto)}],
               "description": f"{dica}, de 0 a {teto}"}
    return Annotated[Decimal, BeforeValidator(converter), WithJsonSchema(esquema)]


Dinheiro = decimal_texto(7, 2, "um valor em reais em texto com ponto, p. ex. \"1234.56\"", DINHEIRO_MAXIMO)
Percentual = decimal_texto(3, 4, "um percentual em texto, p. ex. \"15.5\"", Decimal(100))
Horas = decimal_texto(3, 2, "horas em texto, p. ex. \"12.5\"", Decimal(744))  # 744 h = 31 dias × 24 h


def inteiro(minimo: int, maximo: int, descricao: str = "", fundamento: str = ""):
    extra = {"fundamento": fundamento} if fundamento else None
    return Annotated[int, Field(ge=minimo, le=maximo, description=descricao or None, json_schema_extra=extra)]


def texto(maximo: int = TEXTO_MAXIMO, minimo: int = 0, descricao: str = ""):
    return Annotated[str, Field(min_length=minimo, max_length=maximo, description=descricao or None)]


def opcoes(enum_ou_valores) -> Any:
    """``Literal`` com os valores de uma enumeração (ou de uma sequência de textos)."""
    valores = tuple(getattr(v, "value", v) for v in enum_ou_valores)
    return Literal[valores]  # type: ignore[valid-type]


Logico = StrictBool


# -- recusa em português ------------------------------------------------------------------------------
def caminho(loc: tuple) -> str:
    partes = []
    for elem in loc:
        if isinstance(elem, int):
            partes.append(f"[{elem + 1}]")
        elif elem == "[key]" or elem in _ETIQUETAS:
            continue
        else:
            partes.append(("." if partes else "") + str(elem))
    return "".join(partes)


def _desembrulhar(tipo):
    while True:
        origem = typing.get_origin(tipo)
        if origem is Annotated:
            tipo = typing.get_args(tipo)[0]
        elif origem in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tipo) if a is not type(None)]
            modelos = [a for a in args if _e_modelo(_desembrulhar(a)) or typing.get_origin(a) in (list, dict)]
            tipo = modelos[0] if modelos else args[0]
        else:
            return tipo


def _e_modelo(tipo) -> bool:
    return isinstance(tipo, type) and issubclass(tipo, BaseModel)


def _no_modelo(modelo: type[BaseModel], loc: tuple):
    """(campos válidos no objeto em ``loc``, o ``FieldInfo`` do último campo) — andando pelos modelos."""
    tipo, info = modelo, None
    for elem in loc:
        if elem in _ETIQUETAS:
            continue
        tipo = _desembrulhar(tipo)
        if _e_modelo(tipo):
            info = tipo.model_fields.get(elem) if isinstance(elem, str) else None
            if info is None:
                return tuple(tipo.model_fields), None
            tipo = info.annotation
        elif typing.get_origin(tipo) is list:
            tipo = typing.get_args(tipo)[0]
        elif typing.get_origin(tipo) is dict:
            if elem == "[key]":
                return (), info
            tipo = typing.get_args(tipo)[1]
        else:
            return (), info
    tipo = _desembrulhar(tipo)
    return (tuple(tipo.model_fields) if _e_modelo(tipo) else ()), info


def problema(erro: dict, modelo: type[BaseModel]) -> str:
    tipo, ctx, valor = erro["type"], erro.get("ctx") or {}, erro.get("input")
    if tipo == "extra_forbidden":
        validos, _ = _no_modelo(modelo, erro["loc"][:-1])
        return ("campo desconhecido." + parecido(erro["loc"][-1], validos)
                + (f" Os campos são: {', '.join(validos)}." if validos else ""))
    if tipo == "missing":
        return "informe o campo."
    if tipo in ("bool_type", "bool_parsing"):
        return f"use true ou false (veio {_veio(valor)})."
    if tipo in ("int_type", "int_parsing", "int_from_float"):
        return f"use um número inteiro (veio {_veio(valor)})."
    if tipo in ("string_type",):
        return f"use um texto (veio {_veio(valor)})."
    if tipo in ("dict_type", "model_type", "model_attributes_type", "dataclass_type"):
        return f"esperava um objeto {{…}} (veio {_veio(valor)})."
    if tipo in ("list_type", "tuple_type"):
        return f"esperava uma lista [ … ] (veio {_veio(valor)})."
    if tipo == "literal_error":
        esperado = ctx.get("expected", "").replace("'", "")
        return f"valor desconhecido {_veio(valor)}; use um destes: {esperado.replace(' or ', ', ')}."
    if tipo == "greater_than_equal":
        return f"não pode ser menor que {ctx.get('ge')} (veio {_veio(valor)})."
    if tipo == "greater_than":
        return f"deve ser maior que {ctx.get('gt')} (veio {_veio(valor)})."
    if tipo == "less_than_equal":
        return f"o máximo é {ctx.get('le')} (veio {_veio(valor)})."
    if tipo == "less_than":
        return f"deve ser menor que {ctx.get('lt')} (veio {_veio(valor)})."
    if tipo == "too_long":
        return f"no máximo {ctx.get('max_length')} itens (vieram {ctx.get('actual_length')})."
    if tipo == "too_short":
        return f"informe ao menos {ctx.get('min_length')} item(ns)."
    if tipo == "string_too_long":
        return f"texto longo demais: no máximo {ctx.get('max_length')} caracteres."
    if tipo == "string_too_short":
        return "informe o texto (não pode ficar vazio)."
    if tipo == "string_pattern_mismatch":
        return f"formato inválido {_veio(valor)}."
    if tipo == "value_error":
        return str(ctx.get("error", erro["msg"]))
    if tipo == "assertion_error":
        return str(ctx.get("error", erro["msg"])).removeprefix("Assertion failed, ")
    if "ctx" in erro or tipo in ("data", "decimal") or erro["msg"]:
        return erro["msg"] if not erro["msg"].startswith("Value error, ") else erro["msg"][13:]
    return "valor inválido."  # pragma: no cover


@contextmanager
def no_caminho(caminho: str):
    """Uma recusa da regra (``EntradaInvalida`` sem caminho) passa a nomear o campo ``caminho``."""
    try:
        yield
    except EntradaInvalida as e:
        texto_ = str(e)
        if texto_.startswith("Entrada inválida") or texto_.startswith("Não há valor de "):
            raise
        raise EntradaInvalida(f"Entrada inválida em {caminho}: {texto_}") from None


def validar(modelo: type[BaseModel], dados, prefixo: str = ""):
    """A entrada validada pelo ``modelo``, ou ``EntradaInvalida`` com o caminho do primeiro problema."""
    try:
        return modelo.model_validate(dados)
    except ValidationError as e:
        erro = e.errors(include_url=False)[0]
        onde = caminho(((prefixo,) if prefixo else ()) + tuple(erro["loc"]))
        texto_ = problema(erro, modelo)
        loc = tuple(erro["loc"])
        _, info = _no_modelo(modelo, loc) if loc and isinstance(loc[-1], str) else ((), None)
        fundamento = ((info.json_schema_extra or {}).get("fundamento") if info is not None
                      and isinstance(info.json_schema_extra, dict) else None)
        if fundamento and fundamento not in texto_:
            texto_ = texto_.rstrip(".") + f" ({fundamento})."
        if not onde:
            raise EntradaInvalida(f"Entrada inválida: {texto_}") from None
        raise EntradaInvalida(f"Entrada inválida em {onde}: {texto_}") from None


# -- partes comuns das entradas ----------------------------------------------------------------------
JsonValor = Annotated[Any, WithJsonSchema({"description": "valor no formato de db/parametros/<nome>.toml"})]


class VigenciaEntrada(Modelo):
    """Uma vigência de parâmetro trazida na entrada (formato de db/parametros/<nome>.toml)."""

    inicio: Data
    valor: JsonValor
    fundamento: texto(500, 1, "ato e artigo que fixam o valor")
    status: opcoes(("V", "S", "NV")) = "V"


def _uma_ou_varias(valor):
    return "varias" if isinstance(valor, list) else "uma"


from pydantic import Discriminator, Tag  # noqa: E402

VigenciasEntrada = Annotated[
    typing.Union[Annotated[VigenciaEntrada, Tag("uma")],
                 Annotated[Annotated[list[VigenciaEntrada], Field(min_length=1, max_length=50)], Tag("varias")]],
    Discriminator(_uma_ou_varias)]
"""Uma vigência ou a lista delas."""



def parametros_entrada(nomes: tuple[str, ...]):
    """O objeto ``parametros`` de uma calculadora: ``{nome: vigência ou [vigências]}``, só os ``nomes``."""
    def nome_conhecido(valor):
        if isinstance(valor, str) and valor in nomes:
            return valor
        raise PydanticCustomError("parametro", "parâmetro desconhecido.{parecido} Use um destes: {nomes}.",
                                  {"parecido": parecido(str(valor), nomes), "nomes": ", ".join(nomes)})

    chave = Annotated[str, BeforeValidator(nome_conhecido), WithJsonSchema({"enum": list(nomes)})]
    return Annotated[dict[chave, VigenciasEntrada], Field(max_length=len(nomes), description=(
        "vigências que se somam às distribuídas em db/parametros (ou substituem a de mesmo início)"))]

_ETIQUETAS = {"uma", "varias"}
