"""Validade da adesão da instituição à Rede Certifica e o aviso de renovação (Portaria MEC 902/2024, art. 27)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .tipos import FUNDAMENTO, Impedimento, Prazos
from desktop.rules import formato


def somar_anos(d: date, anos: int) -> date:
    """A mesma data ``anos`` depois; 29/02 vira 28/02 num ano que não é bissexto."""
    try:
        return d.replace(year=d.year + anos)
    except ValueError:
        return d.replace(year=d.year + anos, day=28)


def anos_completos(inicio: date, fim: date) -> int:
    """Anos completos de ``inicio`` a ``fim``."""
    n = fim.year - inicio.year
    return n - 1 if somar_anos(inicio, n) > fim else n


@dataclass(frozen=True)
class SituacaoAdesao:
    vence_em: date | None
    vigente: bool
    avisar: bool
    dias_restantes: int | None
    mensagem: str
    fundamento: str = f"{FUNDAMENTO}, art. 27"


def situacao_adesao(validada_em: date | None, hoje: date, prazos: Prazos) -> SituacaoAdesao:
    """A adesão vale ``adesao_validade_anos`` (5) a partir da validação no Sistec e deve ser
    renovada (art. 27); avisa ``adesao_aviso_dias`` (90) antes de vencer. Sem validação, não há
    adesão (arts. 5º II e 10 III)."""
    if validada_em is None:
        return SituacaoAdesao(None, False, False, None,
                              "Não há adesão validada no Sistec: registre o termo de adesão e a "
                              "regulamentação interna aprovados e a data de validação.",
                              f"{FUNDAMENTO}, arts. 5º II e 10")
    vence = somar_anos(validada_em, prazos.adesao_validade_anos)
    restantes = (vence - hoje).days
    if restantes <= 0:
        return SituacaoAdesao(vence, False, False, restantes,
                              f"A adesão venceu em {formato.data(vence)}: sem renovação, a instituição "
                              "não pode inserir novos PPCPs nem ofertar novos processos.")
    avisar = restantes <= prazos.adesao_aviso_dias
    texto = (f"A adesão vence em {formato.data(vence)} (faltam {restantes} dias): solicite a renovação."
             if avisar else f"Adesão vigente até {formato.data(vence)}.")
    return SituacaoAdesao(vence, True, avisar, restantes, texto)


def exigir_adesao_vigente(validada_em: date | None, hoje: date, prazos: Prazos, acao: str) -> None:
    """Recusa ``acao`` (novo PPCP, nova oferta, nova inscrição) sem adesão vigente (art. 27 §ún)."""
    s = situacao_adesao(validada_em, hoje, prazos)
    if not s.vigente:
        raise Impedimento(f"Não é possível {acao}: {s.mensagem}", f"{FUNDAMENTO}, art. 27, parágrafo único")


def prazo_aviso(vence_em: date, prazos: Prazos) -> date:
    """A partir de quando avisar da renovação (art. 27)."""
    return vence_em - timedelta(days=prazos.adesao_aviso_dias)
