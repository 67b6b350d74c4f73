"""Apoio aos testes da folha do magistério: parâmetros padrão + matriz de teste (a ficha: ``apoio_ficha``)."""
from datetime import date

from desktop.rules.magisterio.folha_parametros import NOMES_BASE, NOMES_OPCIONAIS, ParametrosFolhaMagisterio
from desktop.rules.parametros import Parametro, Vigencia

from ..casos_toml import ler, parametro_padrao


ARQUIVO_ANEXO1 = ler("magisterio/folha")["anexo1_teste"]


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
