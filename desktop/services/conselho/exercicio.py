"""O exercício no tempo: afastamento com data de fim, retorno, situação na data e escala refeita.

Lei 320/2023, art. 16 caput e §1º (o suplente é convocado enquanto dura o afastamento e recebe pelos dias
em que atua) e art. 45 (vacância). O afastamento registrado com fim (férias de 30 dias, licença) fecha o
exercício do suplente convocado nesse dia: ele deixa de ser pago e escalado depois dele, e o titular
volta no dia seguinte, sem depender de alguém lembrar de "encerrar o afastamento". As situações gravadas
(em exercício, afastado, disponível) são acertadas quando a data passa (``sincronizar``), e toda mudança
de exercício refaz a escala gravada a partir da data (``refazer``).
"""
from __future__ import annotations

from datetime import date, timedelta

from desktop.store.conselho import mandatos as armazem
from desktop.store.ids import agora

from ..sessao import Mudanca


def exercicio_do_suplente(db, afastamento: dict) -> dict | None:
    """O exercício do suplente convocado para cobrir o afastamento (o aberto, ou o fechado na data dele)."""
    if not afastamento["suplente_id"]:
        return None
    return armazem.exercicio_na_suplencia(db, afastamento["suplente_id"], afastamento["conselheiro_id"],
                                          afastamento["inicio"])


def fechar_suplencia(m: Mudanca, afastamento: dict, fim: date, hoje: date) -> None:
    """O suplente que cobre o afastamento deixa o exercício em ``fim``; se a data já passou, titular e
    suplente voltam já às suas situações (em exercício; disponível)."""
    ex = exercicio_do_suplente(m.db, afastamento)
    if ex is not None:
        m.alterar("conselho_exercicios", ex["id"], {"fim": max(fim, date.fromisoformat(ex["inicio"])).isoformat()})
    if fim < hoje:
        _voltar(m, afastamento["conselheiro_id"], afastamento["suplente_id"])


def _voltar(m: Mudanca, titular_id: str, suplente_id: str | None) -> None:
    t = armazem.conselheiro(m.db, titular_id)
    if t and t["situacao"] == "afastado":
        m.alterar("conselho_conselheiros", titular_id, {"situacao": "em_exercicio", "atualizado_em": agora()})
    if suplente_id:
        s = armazem.conselheiro(m.db, suplente_id)
        if s and s["situacao"] == "em_exercicio" and armazem.exercicio_aberto(m.db, suplente_id) is None:
            m.alterar("conselho_conselheiros", suplente_id, {"situacao": "disponivel", "atualizado_em": agora()})


def sincronizar(m: Mudanca, hoje: date) -> None:
    """Acerta as situações gravadas dos afastamentos com fim já passado (o titular volta; o suplente
    fica disponível), com diário. Chamado antes de cada ato sobre o mandato."""
    for a in armazem.afastamentos_vencidos(m.db, hoje.isoformat()):
        _voltar(m, a["conselheiro_id"], a["suplente_id"])


def situacao_em(db, c: dict, data: date) -> str:
    """A situação do conselheiro na data pelos períodos gravados (a coluna ``situacao`` é a do último ato)."""
    if c["situacao"] in ("vago",):
        return c["situacao"]
    d = data.isoformat()
    if armazem.afastado_em(db, c["id"], d):
        return "afastado"
    if armazem.exercendo_em(db, c["id"], d):
        return "em_exercicio"
    return "disponivel" if c["condicao"] == "suplente" else c["situacao"]


def periodos(db, conselheiro_id: str, ate: date, *, pagos: bool) -> tuple[tuple[date, date], ...]:
    """Períodos de exercício até ``ate``, menos os afastamentos (todos, para a escala; só os não
    remunerados, para a folha)."""
    saida = []
    for ex in armazem.exercicios(db, conselheiro_id):
        a, b = date.fromisoformat(ex["inicio"]), date.fromisoformat(ex["fim"]) if ex["fim"] else ate
        if b >= a:
            saida.append((a, b))
    for af in armazem.afastamentos(db, conselheiro_id):
        if af["tipo"] == "vacancia" or (pagos and af["remunerado"]):
            continue
        ia, ib = date.fromisoformat(af["inicio"]), date.fromisoformat(af["fim"]) if af["fim"] else ate
        novos = []
        for a, b in saida:
            if ib < a or ia > b:
                novos.append((a, b))
                continue
            if a < ia:
                novos.append((a, ia - timedelta(days=1)))
            if ib < b:
                novos.append((ib + timedelta(days=1), b))
        saida = novos
    return tuple(sorted(saida))
