"""Diário de auditoria para quem o lê: listagem com filtros, verificação da corrente e relatório.

Tudo aqui exige a permissão de ler o diário (administrador e o papel de consulta). Só metadados saem
daqui (quem, quando, máquina, tabela, registro, ação, hash), nunca o conteúdo antes/depois. O diário
sigiloso do Conselho (esquema ``sigilo``) só aparece a uma sessão que tem a base sigilosa anexada
(conselheiros e consulta do MP/juízo).
"""
from __future__ import annotations

from datetime import date, datetime

from desktop.rules.papeis import Permissao
from desktop.store import consultas_diario, diario
from desktop.store.consultas_diario import LIMITE_PADRAO, ROTULOS_ESQUEMA, FiltrosDiario
from desktop.store.diario import ResultadoIntegridade

from . import integridade
from .documentos import emitir_relatorio_diario
from .integridade import RelatorioIntegridade
from .sessao import SemPermissao, Sessao

__all__ = ["FiltrosDiario", "RelatorioIntegridade", "ResultadoIntegridade", "contar_diario", "diarios_disponiveis",
           "emitir_relatorio_diario", "listar_diario", "opcoes_de_filtro", "verificar_integridade"]


def _texto(t: str | None) -> str | None:
    return (t or "").strip() or None


def exigir_esquema(sessao: Sessao, esquema: str) -> str:
    """Recusa um diário que a sessão não tem (o sigiloso sem a base sigilosa anexada)."""
    if esquema not in diario.esquemas(sessao.db):
        raise SemPermissao("Este diário não está disponível nesta sessão: o diário sigiloso do Conselho "
                           "Tutelar só se abre com a chave do Conselho (ECA, art. 17).")
    return esquema


def diarios_disponiveis(sessao: Sessao) -> list[tuple[str, str]]:
    """Os diários que esta sessão pode listar: (esquema, rótulo)."""
    sessao.exigir(Permissao.DIARIO_LER)
    return [(e, ROTULOS_ESQUEMA.get(e, e).capitalize()) for e in diario.esquemas(sessao.db)]


def listar_diario(sessao: Sessao, usuario: str | None = None, tabela: str | None = None,
                  de: date | datetime | None = None, ate: date | datetime | None = None,
                  texto: str | None = None, limite: int = LIMITE_PADRAO, *,
                  esquema: str = "main") -> list[dict]:
    """Metadados das linhas do diário, as mais recentes primeiro. ``de``/``ate`` em datas locais."""
    sessao.exigir(Permissao.DIARIO_LER)
    return consultas_diario.listar(sessao.db, _texto(usuario), _texto(tabela), de, ate,
                                   _texto(texto), limite, esquema=exigir_esquema(sessao, esquema))


def contar_diario(sessao: Sessao, usuario: str | None = None, tabela: str | None = None,
                  de: date | datetime | None = None, ate: date | datetime | None = None,
                  texto: str | None = None, *, esquema: str = "main") -> int:
    """Quantas linhas atendem aos filtros (para "mostrando N de M" na tela)."""
    sessao.exigir(Permissao.DIARIO_LER)
    return consultas_diario.contar(sessao.db, _texto(usuario), _texto(tabela), de, ate,
                                   _texto(texto), esquema=exigir_esquema(sessao, esquema))


def opcoes_de_filtro(sessao: Sessao, *, esquema: str = "main") -> tuple[list[str], list[str]]:
    """Os usuários e as tabelas que aparecem no diário, para as listas de filtro da tela."""
    sessao.exigir(Permissao.DIARIO_LER)
    exigir_esquema(sessao, esquema)
    return (consultas_diario.usuarios(sessao.db, esquema=esquema),
            consultas_diario.tabelas(sessao.db, esquema=esquema))


def verificar_integridade(sessao: Sessao, progresso=None) -> RelatorioIntegridade:
    """A verificação completa: corrente de cada diário que a sessão enxerga, âncoras de fora da base
    (arquivo de chaves, cópias, documentos) e tabelas de dados contra o diário (``integridade``)."""
    return integridade.verificar(sessao, progresso)
