"""Apoio aos testes da folha do magistério: ficha a partir de TOML e parâmetros padrão + matriz de teste."""
from dataclasses import fields
from datetime import date
from decimal import Decimal
from enum import Enum

from desktop.rules.magisterio.configuracao import ConfiguracaoMagisterio
from desktop.rules.magisterio.folha_parametros import NOMES_BASE, NOMES_OPCIONAIS, ParametrosFolhaMagisterio
from desktop.rules.magisterio.tipos import (Afastamento, Cargo, Curso, FichaFuncional, Falta, Ferias, FuncaoGratificada,
                                            JornadaPeriodo, Lotacao, Regencia, Titulacao)
from desktop.rules.parametros import Parametro, Vigencia

from ..casos_toml import ler, parametro_padrao

_HISTORICOS = {"titulacoes": Titulacao, "jornadas": JornadaPeriodo, "lotacoes": Lotacao, "regencias": Regencia,
               "funcoes": FuncaoGratificada, "cursos": Curso, "afastamentos": Afastamento, "faltas": Falta,
               "ferias": Ferias}


def ler_casos(nome: str) -> dict:
    return ler(f"magisterio/{nome}")


def _objeto(cls, dados: dict):
    tipos = {f.name: f.type for f in fields(cls)}
    valores = {}
    for k, v in dados.items():
        alvo = _enum(tipos[k])
        valores[k] = alvo(v) if alvo is not None and v is not None else v
    return cls(**valores)


def _enum(tipo):
    import desktop.rules.magisterio.tipos as t
    nome = str(tipo).split(" |")[0].strip()
    alvo = getattr(t, nome, None)
    return alvo if isinstance(alvo, type) and issubclass(alvo, Enum) else None


def ficha_de(dados: dict, ident: str = "caso") -> FichaFuncional:
    base = {k: v for k, v in dados.items() if k not in _HISTORICOS and k != "horas_noturnas"}
    ficha = FichaFuncional(id=ident, nome=base.pop("nome", "Servidor de teste"), cpf="", matricula="1",
                           cargo=Cargo(base.pop("cargo")), **base)
    for campo, cls in _HISTORICOS.items():
        setattr(ficha, campo, [_objeto(cls, item) for item in dados.get(campo, [])])
    ficha.horas_noturnas = {date.fromisoformat(k): Decimal(v) for k, v in dados.get("horas_noturnas", {}).items()}
    return ficha


def config_de(dados: dict | None) -> ConfiguracaoMagisterio:
    return ConfiguracaoMagisterio.de_dict(dados or {})


ARQUIVO_ANEXO1 = ler_casos("folha")["anexo1_teste"]


def parametros(competencia: date, anexo1_extra: dict | None = None) -> ParametrosFolhaMagisterio:
    """Os parâmetros padrão de db/parametros, com uma vigência a mais no Anexo I (matriz de teste)."""
    todos: dict[str, Parametro] = {n: parametro_padrao(n) for n in NOMES_BASE + NOMES_OPCIONAIS}
    if anexo1_extra is not None:
        p = todos["magisterio_anexo1"]
        extra = Vigencia(anexo1_extra["inicio"], anexo1_extra["valor"], anexo1_extra["fundamento"],
                         anexo1_extra.get("status", "NV"))
        todos["magisterio_anexo1"] = Parametro(p.definicao, tuple(sorted(p.vigencias + (extra,),
                                                                         key=lambda v: v.inicio)))
    return ParametrosFolhaMagisterio.de_parametros(competencia, todos)
