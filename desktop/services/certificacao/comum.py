"""Peças comuns aos serviços da Certificação: parâmetros vigentes, recusas com artigo, datas."""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date

from desktop.rules.certificacao.tipos import Impedimento, Prazos, Requisitos
from desktop.rules.parametros import SemVigencia
from desktop.rules.papeis import Permissao
from desktop.store import parametros as armazem_parametros

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


def _vigente(sessao: Sessao, nome: str, data: date):
    p = armazem_parametros.carregar(sessao.db, nome)
    if p is None:
        p = armazem_parametros.padrao(nome)
    try:
        return p.vigente_em(data)
    except SemVigencia as e:
        raise ErroNegocio(str(e)) from None


def prazos(sessao: Sessao, data: date | None = None) -> Prazos:
    sessao.exigir(Permissao.CERTIFICACAO_LER)
    v = _vigente(sessao, "certificacao_prazos", data or date.today())
    return Prazos.de_valor(v.valor, v.fundamento)


def requisitos(sessao: Sessao, data: date | None = None) -> Requisitos:
    sessao.exigir(Permissao.CERTIFICACAO_LER)
    return Requisitos.de_valor(_vigente(sessao, "certificacao_requisitos", data or date.today()).valor)


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def data_de(texto: str | None) -> date | None:
    return date.fromisoformat(texto[:10]) if texto else None


def obrigatorio(valor: str | None, rotulo: str) -> str:
    t = " ".join((valor or "").split())
    if not t:
        raise ErroNegocio(f"Informe {rotulo}.")
    return t
