"""Prazos das decisões do colegiado: ratificação da medida de plantão e comunicação em 48 horas.

Lei 320/2023, art. 21 §1º: a medida emergencial tomada no plantão vai ao colegiado no primeiro dia
útil subsequente, para ratificação ou retificação. §2º: a decisão é comunicada por escrito aos
interessados em até 48 horas. As horas correm continuamente; quando o fim cai em dia não útil, o prazo
se prorroga até o fim do expediente do primeiro dia útil seguinte (interpretação, por analogia ao CPC,
art. 224 §1º — docs/interpretacoes.md, "Conselho Tutelar: prazos do art. 21").
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Callable

from .parametros import RegrasExpediente, RegrasPrazos

CUMPRIDO, NO_PRAZO, VENCE_HOJE, VENCIDO = "cumprido", "no_prazo", "vence_hoje", "vencido"
ROTULOS_SITUACAO = {CUMPRIDO: "Cumprido", NO_PRAZO: "No prazo", VENCE_HOJE: "Vence hoje", VENCIDO: "Vencido"}

DiaUtil = Callable[[date], bool]


def _proximo_util(d: date, dia_util: DiaUtil) -> date:
    d += timedelta(days=1)
    while not dia_util(d):
        d += timedelta(days=1)
    return d


def ratificar_ate(decidida_em: datetime, dia_util: DiaUtil, exp: RegrasExpediente,
                  regras: RegrasPrazos) -> date:
    """O dia útil em que o colegiado ratifica ou retifica a medida de plantão (art. 21 §1º).

    Medida tomada de madrugada num dia útil, antes do expediente: o próprio dia. Nos demais casos
    (à noite, no fim de semana, no feriado): o primeiro dia útil seguinte.
    """
    d = decidida_em.date()
    if dia_util(d) and decidida_em.time() < exp.manha_inicio:
        restantes, alvo = regras.ratificacao_dias_uteis - 1, d
    else:
        restantes, alvo = regras.ratificacao_dias_uteis, d
    for _ in range(restantes):
        alvo = _proximo_util(alvo, dia_util)
    return alvo


def comunicar_ate(decidida_em: datetime, dia_util: DiaUtil, exp: RegrasExpediente,
                  regras: RegrasPrazos) -> datetime:
    """O limite da comunicação escrita da decisão (art. 21 §2º): 48 horas corridas, prorrogadas ao fim
    do expediente do primeiro dia útil quando terminam em dia não útil."""
    limite = decidida_em + timedelta(hours=regras.comunicacao_horas)
    if dia_util(limite.date()):
        return limite
    return datetime.combine(_proximo_util(limite.date(), dia_util), exp.tarde_fim)


def situacao(limite: datetime | date, cumprido_em: datetime | date | None, agora: datetime) -> str:
    """Cumprido, no prazo, vence hoje ou vencido — para o painel de prazos."""
    if cumprido_em is not None:
        return CUMPRIDO
    if isinstance(limite, datetime):
        fim = limite
    else:
        fim = datetime.combine(limite, datetime.max.time())
    if agora > fim:
        return VENCIDO
    if fim.date() == agora.date():
        return VENCE_HOJE
    return NO_PRAZO
