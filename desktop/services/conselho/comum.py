"""Peças comuns dos serviços do Conselho: calendário do órgão, quem pode ver casos.

Os parâmetros (``conselho_remuneracao``, ``conselho_prazos``, ``conselho_expediente``) são lidos pelo
leitor único, ``services.parametros.vigente(sessao, nome, data)``, que devolve ``RegrasRemuneracao``,
``RegrasPrazos`` e ``RegrasExpediente``.

Conteúdo de caso (nomes, relato, família, medidas) só para conselheiros em exercício vinculados ao
usuário e para o papel de consulta (Ministério Público e juízo, Lei 320/2023, art. 21 §4º); o
conselheiro impedido ou suspeito no caso não o vê nem age nele (art. 44). Ele fica no arquivo
sigiloso (desktop.store.sigilo), que só se anexa à sessão com a chave do sigilo: sem ela, os serviços
recusam antes de qualquer consulta. Toda leitura de caso entra no diário sigiloso
(``registrar_leitura``).
"""
from __future__ import annotations

import weakref
from datetime import date, datetime
from typing import Callable

from desktop.rules import calendario
from desktop.rules.papeis import PAPEIS_SIGILO, Papel, Permissao
from desktop.store import diario
from desktop.store.conselho import atendimentos as armazem_at
from desktop.store.conselho import mandatos as armazem_m

from .. import emissores
from ..sessao import SemPermissao, Sessao
from . import exercicio

PAPEIS_CONTEUDO = tuple(PAPEIS_SIGILO)


def dia_util(db) -> Callable[[date], bool]:
    """Dia útil no calendário do emissor do Conselho (a UF e os feriados do município dele)."""
    uf, municipais = emissores.calendario_do_modulo(db, "conselho")
    return lambda d: calendario.eh_dia_util(d, uf, municipais)


def feriados(db, inicio: date, fim: date) -> dict[date, str]:
    uf, municipais = emissores.calendario_do_modulo(db, "conselho")
    saida = {}
    for ano in range(inicio.year, fim.year + 1):
        saida.update(calendario.feriados(ano, uf, municipais))
    return {d: n for d, n in saida.items() if inicio <= d <= fim}


def agora_local() -> datetime:
    """Hora local sem fuso (a dos plantões e dos prazos)."""
    return datetime.now().replace(second=0, microsecond=0)


def iso_local(momento: datetime) -> str:
    return momento.replace(second=0, microsecond=0).isoformat(timespec="minutes")


def conselheiro_da_sessao(sessao: Sessao) -> dict | None:
    return armazem_m.por_usuario(sessao.db, sessao.usuario.id)


def exigir_conteudo(sessao: Sessao, atendimento_id: str | None = None, *, editar: bool = False) -> dict | None:
    """Recusa quem não pode ver (ou, com ``editar``, registrar) conteúdo de caso; devolve o conselheiro.

    Conselheiro tutelar: precisa estar vinculado a um conselheiro em exercício e não estar impedido ou
    suspeito no caso (art. 44). Consulta (MP e juízo, art. 21 §4º): só leitura. Outros papéis, inclusive
    o administrador: nunca.
    """
    papel = sessao.usuario.papel
    if papel == Papel.CONSULTA and editar:
        raise SemPermissao("O papel Consulta é só de leitura: não registra nem altera atendimentos.")
    if papel not in PAPEIS_CONTEUDO or not sessao.pode(Permissao.CONSELHO_CASOS_LER):
        raise SemPermissao(f"O papel {sessao.usuario.rotulo_papel} não permite ver o conteúdo dos atendimentos do "
                           "Conselho Tutelar: só os conselheiros e a consulta do Ministério Público e do juízo "
                           "(Lei 320/2023, art. 21 §4º; ECA, art. 17).")
    sessao.exigir(Permissao.CONSELHO_CASOS_EDITAR if editar else Permissao.CONSELHO_CASOS_LER)
    exigir_sigilo(sessao)
    if papel == Papel.CONSULTA:
        if editar:
            raise SemPermissao("O papel Consulta é só de leitura: não registra nem altera atendimentos.")
        return None
    c = _em_exercicio(sessao)
    if c is None:
        raise SemPermissao("Este usuário não está vinculado a um conselheiro tutelar em exercício: peça ao "
                           "administrador que vincule o seu usuário ao seu cadastro de conselheiro.")
    if atendimento_id is not None and armazem_at.impedido(sessao.db, atendimento_id, c["id"]):
        raise SemPermissao("Você declarou impedimento ou suspeição neste caso (Lei 320/2023, art. 44): não pode "
                           "vê-lo nem agir nele. Outro conselheiro deve atendê-lo.")
    return c


_conferidos: "weakref.WeakKeyDictionary[object, tuple[tuple, dict]]" = weakref.WeakKeyDictionary()
"""Por conexão (``Base``): a última conferência que deu conselheiro em exercício — (estado, conselheiro)."""


def _em_exercicio(sessao: Sessao) -> dict | None:
    """O conselheiro do usuário da sessão, se em exercício hoje; senão None.

    A situação na data pelos períodos gravados (férias registradas com fim: o suplente perde o acesso quando
    a cobertura acaba, e a titular só o perde quando as férias começam). A resposta positiva fica guardada
    na conexão enquanto valer — o mesmo usuário, o mesmo dia e a base geral no mesmo estado
    (``store.diario.estado_da_base_geral``) —: cada caso gravado ou aberto não refaz as três consultas (issue 16, meta 3).
    Uma recusa nunca é guardada."""
    base = sessao.base
    chave = (sessao.usuario.id, date.today(), diario.estado_da_base_geral(base.db))
    guardado = _conferidos.get(base)
    if guardado is not None and guardado[0] == chave:
        return dict(guardado[1])
    c = conselheiro_da_sessao(sessao)
    if c is None or exercicio.situacao_em(base.db, c, chave[1]) != "em_exercicio":
        _conferidos.pop(base, None)
        return None
    _conferidos[base] = (chave, dict(c))
    return c


def exigir_sigilo(sessao: Sessao) -> None:
    """Recusa, antes de qualquer consulta, a sessão sem o arquivo sigiloso anexado."""
    if not sessao.tem_sigilo:
        raise SemPermissao(MENSAGEM_SEM_CHAVE)


MENSAGEM_SEM_CHAVE = (
    "Esta sessão não tem a chave do arquivo sigiloso do Conselho Tutelar, onde ficam os atendimentos "
    "(ECA, arts. 17 e 100; Lei 320/2023, art. 21 §4º). Se você é conselheiro(a) ou da consulta do "
    "Ministério Público e ainda não recebeu a chave, peça ao administrador que redefina a sua senha.")


def registrar_leitura(sessao: Sessao, registro_id: str, detalhe: dict, *, depois: bool = False) -> None:
    """Uma leitura de conteúdo de caso vai ao diário (evento), mesmo feita pela consulta.

    Vai ao diário sigiloso quando a sessão tem a base sigilosa anexada: o detalhe (um termo de busca,
    por exemplo) pode ser conteúdo. Com ``depois``, a permissão é conferida já e a transação vai à
    thread de gravações da sessão (``Sessao.depois``): a busca da tela devolve a página sem esperar o
    disco (issue 16); ``Sessao.fechar`` espera o registro chegar.
    """
    sessao.exigir(Permissao.CONSELHO_LER)  # só quem lê o Conselho registra uma leitura nele
    if depois:
        sessao.depois(lambda: _gravar_leitura(sessao, registro_id, detalhe))
    else:
        _gravar_leitura(sessao, registro_id, detalhe)


def _gravar_leitura(sessao: Sessao, registro_id: str, detalhe: dict) -> None:
    esquema = "sigilo" if "sigilo" in diario.esquemas(sessao.db) else "main"
    with sessao.mudanca(None) as m:
        m.registrar("conselho_atendimentos", registro_id, "evento", depois={"leitura": detalhe}, esquema=esquema)
