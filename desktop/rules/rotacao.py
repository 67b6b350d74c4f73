"""Rotação das cópias de segurança: quais cópias guardar, dadas as suas datas e tipos.

Lógica pura, sem arquivos nem relógio: recebe ``(chave, momento, tipo, sequência)`` de cada cópia e
devolve as chaves das que ficam. As demais podem ser apagadas por quem chamou.

"Mais nova" é pela **sequência** — um número que só cresce, gravado no nome de cada cópia —, não
pelo relógio: uma cópia feita com o relógio do computador atrasado é a mais nova mesmo com data
antiga, e a mais nova de todas nunca é apagada. O momento só decide o dia, a semana e o mês de
cada cópia (as faixas abaixo). Cópias antigas, sem sequência (0), são mais velhas que as com
sequência e se ordenam entre si pelo momento.

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


def escalonadas(copias: Iterable[tuple], politica: Politica = Politica()) -> set[K]:
    """Das cópias diárias ``(chave, momento[, sequência])``, as que ficam pelas faixas diária,
    semanal e mensal; em cada faixa vale a mais nova pela sequência."""
    ordem = [(c[0], c[1]) for c in sorted(copias, key=_ordem, reverse=True)]
    return (
        _mais_nova_por_periodo(ordem, lambda m: m.date(), politica.diarias)
        | _mais_nova_por_periodo(ordem, lambda m: tuple(m.isocalendar())[:2], politica.semanais)
        | _mais_nova_por_periodo(ordem, lambda m: (m.year, m.month), politica.mensais)
    )


def _ordem(copia: tuple) -> tuple:
    """Da mais velha para a mais nova: sequência (0 se não tem) e, no empate, o momento."""
    return (copia[2] if len(copia) > 2 else 0) or 0, copia[1]


def a_manter(copias: Iterable[tuple], politica: Politica = Politica()) -> set[K]:
    """Chaves das cópias ``(chave, momento, tipo[, sequência])`` que a política manda guardar.

    A mais nova pela sequência fica sempre, seja qual for a data dela."""
    por_tipo: dict[str, list[tuple]] = {}
    todas: list[tuple] = []
    for chave, momento, tipo, *resto in copias:
        item = (chave, momento, resto[0] if resto else 0)
        por_tipo.setdefault(tipo, []).append(item)
        todas.append(item)
    manter: set[K] = set()
    for tipo, itens in por_tipo.items():
        if tipo == TIPO_ESCALONADO:
            manter |= escalonadas(itens, politica)
        else:
            itens.sort(key=_ordem, reverse=True)
            manter |= {c[0] for c in itens[: politica.recentes]}
    if todas:
        manter.add(max(todas, key=_ordem)[0])
    return manter


def precisa_de_diaria(ultima: datetime | None, agora: datetime) -> bool:
    """Se é hora da cópia diária: nenhuma ainda, a última é de outro dia ou tem mais de 24 h."""
    if ultima is None:
        return True
    return ultima.date() != agora.date() or agora - ultima >= timedelta(hours=24)
