"""Apoio aos testes da carreira: ficha a partir de um dicionário (TOML) e parâmetros padrão."""
from desktop.rules.magisterio.configuracao import ConfiguracaoMagisterio
from desktop.rules.magisterio.tabelas import MatrizVencimentos, ParametrosCarreira, TabelaFG, Valorizacao
from desktop.rules.magisterio.tipos import (Afastamento, Averbacao, Cargo, Falta, FichaFuncional, Funcao,
                                            FuncaoGratificada, JornadaPeriodo, MotivoJornada, Porte, Titulacao,
                                            Titulo)

from ..casos_toml import casos as casos_de
from ..casos_toml import parametro_padrao



def casos(nome: str) -> list:
    """Casos de tests/rules/magisterio/casos/<nome>.toml, com id = descrição (coletor único)."""
    return casos_de(f"magisterio/{nome}")


def regras() -> ParametrosCarreira:
    return ParametrosCarreira.de_vigencia(parametro_padrao("magisterio_carreira").vigencias[-1])


def matriz_2004() -> MatrizVencimentos:
    return MatrizVencimentos.de_vigencia(parametro_padrao("magisterio_anexo1").vigencias[0])


def valorizacao_2004() -> Valorizacao:
    return Valorizacao.de_vigencia(parametro_padrao("magisterio_anexo2").vigencias[0])


def fg_2004() -> TabelaFG:
    return TabelaFG.de_vigencia(parametro_padrao("magisterio_anexo3").vigencias[0])


def config(dados: dict | None = None) -> ConfiguracaoMagisterio:
    return ConfiguracaoMagisterio(**(dados or {})).validada()


def ficha(d: dict) -> FichaFuncional:
    return FichaFuncional(
        id="t", nome=d.get("nome", "Servidora de teste"), cpf="", matricula="1", cargo=Cargo(d["cargo"]),
        admissao=d["admissao"], desligamento=d.get("desligamento"),
        titulacoes=[Titulacao(**{**t, "titulo": Titulo(t["titulo"])}) for t in d.get("titulacoes", [])],
        jornadas=[JornadaPeriodo(**{**j, "motivo": MotivoJornada(j.get("motivo", "base"))})
                  for j in d.get("jornadas", [])],
        funcoes=[FuncaoGratificada(**{**f, "funcao": Funcao(f["funcao"]), "porte": Porte(f["porte"])})
                 for f in d.get("funcoes", [])],
        afastamentos=[Afastamento(**a) for a in d.get("afastamentos", [])],
        faltas=[Falta(**f) for f in d.get("faltas", [])],
        averbacoes=[Averbacao(**a) for a in d.get("averbacoes", [])],
    )
