"""Consultas de leitura para as telas do magistério: situação funcional numa data e linha do tempo.

Só leitura (``Permissao.MAGISTERIO_LER``): carrega as fichas, a configuração do órgão e as regras
da carreira vigentes (parâmetro ``magisterio_carreira``) e aplica ``desktop.rules.magisterio.carreira``
(Lei 1.613/2004: nível, arts. 14 e 19 §2º; classe, arts. 16 e 22 §3º; jornada, arts. 23, 29 e 39).
"""
from __future__ import annotations

from datetime import date

from desktop.rules.magisterio import carreira
from desktop.rules.magisterio.tabelas import MatrizVencimentos, ParametrosCarreira, nome_nivel
from desktop.rules.magisterio.tipos import EventoCarreira, Situacao
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida

from desktop.store import diario

from .. import parametros
from ..sessao import ErroNegocio, Sessao
from . import cadastro, configuracao


def _regras(sessao: Sessao, data: date) -> ParametrosCarreira:
    return parametros.vigente(sessao, "magisterio_carreira", data)


def situacao(sessao: Sessao, servidor_id: str, data: date | None = None) -> Situacao:
    """Nível, classe e jornada paga do servidor na data (hoje), com o fundamento de cada um."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    dia = data or date.today()
    try:
        return carreira.situacao_em(cadastro.ficha(sessao, servidor_id), dia, configuracao.ler(sessao),
                                    _regras(sessao, dia))
    except EntradaInvalida as e:
        raise ErroNegocio(str(e)) from None


_NAO_MUDAM_AS_LISTAS = ("copias", "sessoes", "documentos", "documentos_chaves", "magisterio_competencias",
                        "magisterio_reaberturas")
"""Linhas do diário que não mudam servidores nem situações: a cópia de segurança, entrar e sair, um PDF
emitido, fechar ou reabrir uma competência da folha (as fichas não leem os contracheques gravados). Sem elas, voltar à aba Servidores depois da cópia diária relia os 3.000 servidores e recalculava
as situações (issue 16)."""


def versao_dos_dados(sessao: Sessao) -> tuple[date, int]:
    """Muda quando muda o que as listas do magistério mostram: o dia (a situação de hoje) e a última
    linha do diário (toda alteração feita por um serviço acrescenta uma), fora as de
    ``_NAO_MUDAM_AS_LISTAS``. Consulta de um índice: as
    telas a usam para não recalcular o que não mudou."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    return date.today(), diario.ultima_seq(sessao.db, _NAO_MUDAM_AS_LISTAS)


def resumo_situacoes(sessao: Sessao, data: date | None = None) -> dict[str, str]:
    """Para cada servidor, "Nível 3 · classe B · 40 h" na data (hoje), ou o motivo de não haver situação.

    Usa um número fixo de consultas (todas as fichas de uma vez), para listas de milhares de servidores.
    """
    sessao.exigir(Permissao.MAGISTERIO_LER)
    dia = data or date.today()
    config, regras = configuracao.ler(sessao), _regras(sessao, dia)
    resumo: dict[str, str] = {}
    for ficha in cadastro.fichas(sessao):
        try:
            s = carreira.situacao_em(ficha, dia, config, regras)
        except EntradaInvalida as e:
            resumo[ficha.id] = f"sem situação: {e}"
            continue
        resumo[ficha.id] = f"{nome_nivel(s.nivel)} · classe {s.classe} · {s.jornada} h"
    return resumo


def linha_do_tempo(sessao: Sessao, servidor_id: str, ate: date | None = None) -> list[EventoCarreira]:
    """Cada mudança da carreira do servidor (passadas e previstas até ``ate``; padrão: daqui a 10 anos),
    com a data, o que mudou e o artigo (Lei 1.613/2004)."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    hoje = date.today()
    limite = ate or hoje.replace(year=hoje.year + 10, day=min(hoje.day, 28))
    try:
        return carreira.linha_do_tempo(cadastro.ficha(sessao, servidor_id), limite, configuracao.ler(sessao),
                                       _regras(sessao, hoje))
    except EntradaInvalida as e:
        raise ErroNegocio(str(e)) from None


def matriz_em(sessao: Sessao, data: date | None = None) -> MatrizVencimentos:
    """A matriz de vencimentos (Anexo I, parâmetro ``magisterio_anexo1``) em vigor na data (hoje)."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    return parametros.vigente(sessao, "magisterio_anexo1", data or date.today())
