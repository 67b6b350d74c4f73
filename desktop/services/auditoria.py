"""Diário de auditoria para quem o lê: listagem com filtros, verificação da corrente e relatório.

Tudo aqui exige a permissão de ler o diário (administrador e o papel de consulta).
"""
from __future__ import annotations

from datetime import date, datetime

from desktop.rules.papeis import Permissao
from desktop.store import consultas_diario, diario
from desktop.store.consultas_diario import LIMITE_PADRAO, FiltrosDiario
from desktop.store.diario import ResultadoIntegridade

from .documentos import emitir_relatorio_diario
from .sessao import Sessao

__all__ = ["FiltrosDiario", "ResultadoIntegridade", "contar_diario", "emitir_relatorio_diario",
           "listar_diario", "opcoes_de_filtro", "verificar_integridade"]


def _texto(t: str | None) -> str | None:
    return (t or "").strip() or None


def listar_diario(sessao: Sessao, usuario: str | None = None, tabela: str | None = None,
                  de: date | datetime | None = None, ate: date | datetime | None = None,
                  texto: str | None = None, limite: int = LIMITE_PADRAO) -> list[dict]:
    """Linhas do diário, as mais recentes primeiro. ``de``/``ate`` em datas locais, inclusivas."""
    sessao.exigir(Permissao.DIARIO_LER)
    return consultas_diario.listar(sessao.db, _texto(usuario), _texto(tabela), de, ate,
                                   _texto(texto), limite)


def contar_diario(sessao: Sessao, usuario: str | None = None, tabela: str | None = None,
                  de: date | datetime | None = None, ate: date | datetime | None = None,
                  texto: str | None = None) -> int:
    """Quantas linhas atendem aos filtros (para "mostrando N de M" na tela)."""
    sessao.exigir(Permissao.DIARIO_LER)
    return consultas_diario.contar(sessao.db, _texto(usuario), _texto(tabela), de, ate,
                                   _texto(texto))


def opcoes_de_filtro(sessao: Sessao) -> tuple[list[str], list[str]]:
    """Os usuários e as tabelas que aparecem no diário, para as listas de filtro da tela."""
    sessao.exigir(Permissao.DIARIO_LER)
    return consultas_diario.usuarios(sessao.db), consultas_diario.tabelas(sessao.db)


def verificar_integridade(sessao: Sessao) -> ResultadoIntegridade:
    """Recalcula a corrente de hashes do diário inteiro e aponta a primeira linha quebrada."""
    sessao.exigir(Permissao.DIARIO_LER)
    return diario.verificar(sessao.db)
