"""Peças comuns aos serviços da Certificação: parâmetros vigentes, recusas com artigo, datas."""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date

from desktop.rules.certificacao.tipos import Impedimento, PisosCargaHoraria, Prazos, Requisitos
from desktop.rules.papeis import Permissao

from .. import parametros
from ..sessao import ErroNegocio, Sessao

EDITAR = Permissao.CERTIFICACAO_EDITAR
LER = Permissao.CERTIFICACAO_LER


class Recusa(ErroNegocio):
    """Ação recusada por uma regra da Portaria; ``fundamento`` traz o artigo."""

    def __init__(self, mensagem: str, fundamento: str):
        super().__init__(f"{mensagem} ({fundamento})")
        self.fundamento = fundamento


@contextmanager
def regras():
    """Converte ``Impedimento`` das regras em ``Recusa`` (ErroNegocio) para a tela e a CLI."""
    try:
        yield
    except Impedimento as e:
        raise Recusa(e.mensagem, e.fundamento) from None


def prazos(sessao: Sessao, data: date | None = None) -> Prazos:
    """Prazos da Portaria vigentes na data (parâmetro ``certificacao_prazos``, pelo leitor único)."""
    sessao.exigir(Permissao.CERTIFICACAO_LER)
    return parametros.vigente(sessao, "certificacao_prazos", data or date.today())


def requisitos(sessao: Sessao, data: date | None = None) -> Requisitos:
    """Requisitos da Portaria vigentes na data (parâmetro ``certificacao_requisitos``, pelo leitor único)."""
    sessao.exigir(Permissao.CERTIFICACAO_LER)
    return parametros.vigente(sessao, "certificacao_requisitos", data or date.today())


def pisos(sessao: Sessao, data: date | None = None) -> PisosCargaHoraria:
    """Pisos nacionais de carga horária do CNCT e do CNCST vigentes na data (``certificacao_carga_horaria``)."""
    sessao.exigir(Permissao.CERTIFICACAO_LER)
    return parametros.vigente(sessao, "certificacao_carga_horaria", data or date.today())


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def data_de(texto: str | None) -> date | None:
    return date.fromisoformat(texto[:10]) if texto else None


def obrigatorio(valor: str | None, rotulo: str) -> str:
    t = " ".join((valor or "").split())
    if not t:
        raise ErroNegocio(f"Informe {rotulo}.")
    return t
