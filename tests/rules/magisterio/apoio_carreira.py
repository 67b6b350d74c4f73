"""Apoio aos testes da carreira: casos e parâmetros padrão (a ficha e a configuração: ``apoio_ficha``)."""
from desktop.rules.magisterio.tabelas import MatrizVencimentos, ParametrosCarreira, TabelaFG, Valorizacao

from ..casos_toml import parametro_padrao


def regras() -> ParametrosCarreira:
    return ParametrosCarreira.de_vigencia(parametro_padrao("magisterio_carreira").vigencias[-1])


def matriz_2004() -> MatrizVencimentos:
    return MatrizVencimentos.de_vigencia(parametro_padrao("magisterio_anexo1").vigencias[0])


def valorizacao_2004() -> Valorizacao:
    return Valorizacao.de_vigencia(parametro_padrao("magisterio_anexo2").vigencias[0])


def fg_2004() -> TabelaFG:
    return TabelaFG.de_vigencia(parametro_padrao("magisterio_anexo3").vigencias[0])
