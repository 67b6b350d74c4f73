"""O construtor único da ficha funcional (e da configuração do órgão) nos testes do magistério.

``ficha_de`` recebe um dicionário — o ``ficha`` de um caso TOML ou um montado no teste — e devolve a
``FichaFuncional``: os enums e os históricos pelos tipos dos campos da própria classe, de modo que um campo
novo na ficha não precisa de outro construtor. Um item de histórico já montado (``Lotacao(...)``) passa como
está; ``horas_noturnas`` aceita a competência como data ou texto aaaa-mm-dd.
"""
from dataclasses import fields
from datetime import date
from decimal import Decimal
from enum import Enum

import desktop.rules.magisterio.tipos as t
from desktop.rules.magisterio.configuracao import ConfiguracaoMagisterio

HISTORICOS = {"titulacoes": t.Titulacao, "jornadas": t.JornadaPeriodo, "lotacoes": t.Lotacao,
              "regencias": t.Regencia, "funcoes": t.FuncaoGratificada, "cursos": t.Curso,
              "afastamentos": t.Afastamento, "faltas": t.Falta, "ferias": t.Ferias, "averbacoes": t.Averbacao}


def _enum(tipo):
    nome = str(tipo).split(" |")[0].strip()
    alvo = getattr(t, nome, None)
    return alvo if isinstance(alvo, type) and issubclass(alvo, Enum) else None


def _objeto(cls, dados):
    if isinstance(dados, cls):
        return dados
    tipos = {f.name: f.type for f in fields(cls)}
    valores = {}
    for k, v in dados.items():
        alvo = _enum(tipos[k])
        valores[k] = alvo(v) if alvo is not None and v is not None else v
    return cls(**valores)


def ficha_de(dados: dict, ident: str = "caso") -> t.FichaFuncional:
    """A ficha funcional de ``dados`` (``cargo`` e ``admissao`` obrigatórios; o resto, como na classe)."""
    base = {k: v for k, v in dados.items() if k not in HISTORICOS and k != "horas_noturnas"}
    ficha = _objeto(t.FichaFuncional, {"id": ident, "nome": "Servidor de teste", "cpf": "", "matricula": "1", **base})
    for campo, cls in HISTORICOS.items():
        setattr(ficha, campo, [_objeto(cls, item) for item in dados.get(campo, [])])
    ficha.horas_noturnas = {k if isinstance(k, date) else date.fromisoformat(k): Decimal(v)
                            for k, v in dados.get("horas_noturnas", {}).items()}
    return ficha


def config_de(dados: dict | None = None) -> ConfiguracaoMagisterio:
    """A configuração do órgão (escolhas da interpretação) de ``dados``, validada."""
    return ConfiguracaoMagisterio.de_dict(dados or {})
