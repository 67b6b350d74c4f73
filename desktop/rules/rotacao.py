"""Rotação das cópias de segurança: quais cópias guardar, dadas as suas datas e tipos.

Lógica pura, sem arquivos nem relógio: recebe ``(chave, momento, tipo)`` de cada cópia e devolve
as chaves das que ficam. As demais podem ser apagadas por quem chamou.

Política (avô-pai-filho, como ``restic forget --keep-daily 7 --keep-weekly 4 --keep-monthly 12``):

* cópias **diárias**: fica a mais nova de cada um dos 7 dias mais recentes que têm cópia, a mais
  nova de cada uma das 4 semanas (ISO) mais recentes e a mais nova de cada um dos 12 meses mais
  recentes. Cada faixa conta por si; uma cópia pode valer por várias;
* cópias de qualquer outro tipo (manual, ao fechar): ficam as 10 mais recentes de cada tipo.

Não é número da lei: é uma escolha de guarda, com valores padrão em ``Politica``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, Hashable, Iterable, TypeVar

K = TypeVar("K", bound=Hashable)

TIPO_ESCALONADO = "diaria"


@dataclass(frozen=True)
class Politica:
    diarias: int = 7
    semanais: int = 4
    mensais: int = 12
    recentes: int = 10  # por tipo, para os tipos que não são "diaria"


def _mais_nova_por_periodo(ordem: list[tuple[K, datetime]], periodo: Callable[[datetime], object],
                           quantos: int) -> set[K]:
    """A mais nova de cada um dos ``quantos`` períodos mais recentes (``ordem``: mais nova antes)."""
    escolhidas: set[K] = set()
    vistos: set[object] = set()
    for chave, momento in ordem:
        p = periodo(momento)
        if p in vistos:
            continue
        if len(vistos) >= quantos:
            break
        vistos.add(p)
        escolhidas.add(chave)
    return escolhidas


def escalonadas(copias: Iterable[tuple[K, datetime]], politica: Politica = Politica()) -> set[K]:
    """Das cópias diárias, as que ficam pelas faixas diária, semanal e mensal."""
    ordem = sorted(copias, key=lambda c: c[1], reverse=True)
    return (
        _mais_nova_por_periodo(ordem, lambda m: m.date(), politica.diarias)
        | _mais_nova_por_periodo(ordem, lambda m: tuple(m.isocalendar())[:2], politica.semanais)
        | _mais_nova_por_periodo(ordem, lambda m: (m.year, m.month), politica.mensais)
    )


def a_manter(copias: Iterable[tuple[K, datetime, str]], politica: Politica = Politica()) -> set[K]:
    """Chaves das cópias que a política manda guardar."""
    por_tipo: dict[str, list[tuple[K, datetime]]] = {}
    for chave, momento, tipo in copias:
        por_tipo.setdefault(tipo, []).append((chave, momento))
    manter: set[K] = set()
    for tipo, itens in por_tipo.items():
        if tipo == TIPO_ESCALONADO:
            manter |= escalonadas(itens, politica)
        else:
            itens.sort(key=lambda c: c[1], reverse=True)
            manter |= {chave for chave, _ in itens[: politica.recentes]}
    return manter


def precisa_de_diaria(ultima: datetime | None, agora: datetime) -> bool:
    """Se é hora da cópia diária: nenhuma ainda, a última é de outro dia ou tem mais de 24 h."""
    if ultima is None:
        return True
    return ultima.date() != agora.date() or agora - ultima >= timedelta(hours=24)
