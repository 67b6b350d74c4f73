"""As abas do painel do Conselho Tutelar: ``ABAS`` e ``registrar_aba`` — a primeira é o Processo de escolha.

Outro módulo (por exemplo, a operação do Conselho, ``funcionamento/abas.py``) acrescenta a sua aba com
``registrar_aba(titulo, permissao, fabrica)``, em que ``fabrica(sessao, parent)`` devolve o widget; cada uma é
uma ``widgets.painel.Aba``, a forma das abas de todos os módulos, e o painel (``painel.py``) as monta. Fica à parte do painel para que quem registra não importe o painel que o
importa (issue 18: sem ciclos de importação).
"""
from __future__ import annotations

from typing import Callable

from desktop.rules.papeis import Permissao
from desktop.screens.widgets.painel import Aba


def _processo_de_escolha(sessao, parent):
    from .eleicao import ProcessoEscolha

    return ProcessoEscolha(sessao, parent)


TITULO_PLANTAO = "Modo plantão"  # a aba do registro rápido de emergência (Ctrl+N)

ABAS: list[Aba] = [Aba("", "Processo de escolha", _processo_de_escolha, Permissao.ELEICAO_LER)]
"""As abas declaradas como nos outros módulos (``widgets.painel.Aba``), sem atributo: o painel as dá pelo título."""


def registrar_aba(titulo: str, permissao: Permissao, fabrica: Callable) -> None:
    """Acrescenta uma aba ao painel (uma vez por título)."""
    if all(a.titulo != titulo for a in ABAS):
        ABAS.append(Aba("", titulo, fabrica, permissao))
