"""As abas do painel do Conselho Tutelar: ``ABAS`` e ``registrar_aba`` — a primeira é o Processo de escolha.

Outro módulo (por exemplo, a operação do Conselho, ``funcionamento/abas.py``) acrescenta a sua aba com
``registrar_aba(titulo, permissao, fabrica)``, em que ``fabrica(sessao, parent)`` devolve o widget; o
painel (``painel.py``) as monta. Fica à parte do painel para que quem registra não importe o painel que o
importa (issue 18: sem ciclos de importação).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from desktop.rules.papeis import Permissao


@dataclass(frozen=True)
class Aba:
    titulo: str
    permissao: Permissao
    fabrica: Callable  # fabrica(sessao, parent) -> QWidget


def _processo_de_escolha(sessao, parent):
    from .eleicao import ProcessoEscolha

    return ProcessoEscolha(sessao, parent)


TITULO_PLANTAO = "Modo plantão"  # a aba do registro rápido de emergência (Ctrl+N)

ABAS: list[Aba] = [Aba("Processo de escolha", Permissao.ELEICAO_LER, _processo_de_escolha)]


def registrar_aba(titulo: str, permissao: Permissao, fabrica: Callable) -> None:
    """Acrescenta uma aba ao painel (uma vez por título)."""
    if all(a.titulo != titulo for a in ABAS):
        ABAS.append(Aba(titulo, permissao, fabrica))
