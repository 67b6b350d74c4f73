"""Prazos da fiscalização das entidades (Lei 320/2023, art. 34; ECA, arts. 95 e 191): visita atrasada e
comunicação de irregularidade atrasada.

A visita prevista no plano semestral e não feita vira alerta depois da tolerância (parâmetro) e fica
**vencida** depois do fim do semestre (periodicidade semestral mínima, art. 34 §ún.). A irregularidade
constatada vai ao CMDCA e ao Ministério Público (art. 34 caput) no prazo do parâmetro
``conselho_fiscalizacao`` (a lei não fixa: 48 horas por analogia ao art. 21 §2º — docs/interpretacoes.md).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from math import ceil

from desktop.rules.validacao import EntradaInvalida

ATRASADA, VENCIDA, FORA_DO_PRAZO = "atrasada", "vencida", "fora_do_prazo"


def semestre_de(d: date) -> str:
    return f"{d.year}-{1 if d.month <= 6 else 2}"


def limites_do_semestre(semestre: str) -> tuple[date, date]:
    try:
        ano, n = (int(x) for x in semestre.split("-"))
    except ValueError:
        raise EntradaInvalida("Semestre no formato aaaa-1 ou aaaa-2, por exemplo 2026-1.") from None
    if n not in (1, 2):
        raise EntradaInvalida("Semestre no formato aaaa-1 ou aaaa-2, por exemplo 2026-1.")
    return (date(ano, 1, 1), date(ano, 6, 30)) if n == 1 else (date(ano, 7, 1), date(ano, 12, 31))


def situacao_visita(prevista: date, semestre: str, realizada: date | None, hoje: date, tolerancia_dias: int) -> str | None:
    """None (feita ou ainda no prazo), ATRASADA (passou a data prevista mais a tolerância) ou VENCIDA
    (acabou o semestre sem a visita: art. 34 §ún.)."""
    if realizada is not None:
        return None
    if hoje > limites_do_semestre(semestre)[1]:
        return VENCIDA
    if hoje > prevista + timedelta(days=tolerancia_dias):
        return ATRASADA
    return None


def limite_comunicacao(realizada: date, horas: int) -> date:
    """Último dia para comunicar a irregularidade constatada na visita de ``realizada`` (dias inteiros)."""
    return realizada + timedelta(days=ceil(horas / 24))


def situacao_comunicacao(realizada: date | None, irregularidades: str, comunicada_em: datetime | None, hoje: date,
                         horas: int) -> str | None:
    """ATRASADA (irregularidade ainda não comunicada depois do limite) ou FORA_DO_PRAZO (comunicada depois
    dele); None se não há irregularidade, se está no prazo ou se foi comunicada a tempo."""
    if realizada is None or not (irregularidades or "").strip():
        return None
    limite = limite_comunicacao(realizada, horas)
    if comunicada_em is None:
        return ATRASADA if hoje > limite else None
    return FORA_DO_PRAZO if comunicada_em.date() > limite else None
