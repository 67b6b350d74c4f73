"""Registro das abas do Conselho em funcionamento no painel do Conselho (``registro_abas.registrar_aba``) e o atalho Ctrl+N.

Importado ao fim de ``desktop.screens.conselho.painel``; cada fábrica importa a sua tela só quando a aba é
montada (na primeira visita à aba). Ctrl+N, em qualquer aba do Conselho, vai ao Modo plantão e abre o registro
rápido (o atalho é do painel).
"""
from __future__ import annotations

from desktop.rules.papeis import Permissao

from ..registro_abas import TITULO_PLANTAO, registrar_aba


def _conselheiros(sessao, parent):
    from .conselheiros import AbaConselheiros
    return AbaConselheiros(sessao, parent)


def _escala(sessao, parent):
    from .escala import AbaEscala
    return AbaEscala(sessao, parent)


def _atendimentos(sessao, parent):
    from .atendimentos import AbaAtendimentos
    return AbaAtendimentos(sessao, parent)


def _prazos(sessao, parent):
    from .prazos import AbaPrazos
    return AbaPrazos(sessao, parent)


def _plantao(sessao, parent):
    from .plantao import AbaPlantao
    return AbaPlantao(sessao, parent)  # Ctrl+N: o atalho é do painel (PainelConselho) ou da janela principal


def _colegiado(sessao, parent):
    from .colegiado import AbaColegiado
    return AbaColegiado(sessao, parent)


def _relatorio(sessao, parent):
    from .relatorio import AbaRelatorio
    return AbaRelatorio(sessao, parent)


def _fiscalizacao(sessao, parent):
    from .fiscalizacao import AbaFiscalizacao
    return AbaFiscalizacao(sessao, parent)


def _remuneracao(sessao, parent):
    from .remuneracao import AbaRemuneracao
    return AbaRemuneracao(sessao, parent)


for _titulo, _permissao, _fabrica in (
        (TITULO_PLANTAO, Permissao.CONSELHO_CASOS_EDITAR, _plantao),
        ("Atendimentos", Permissao.CONSELHO_LER, _atendimentos),
        ("Prazos", Permissao.CONSELHO_LER, _prazos),
        ("Colegiado", Permissao.CONSELHO_CASOS_LER, _colegiado),
        ("Conselheiros", Permissao.CONSELHO_LER, _conselheiros),
        ("Escala e plantão", Permissao.CONSELHO_LER, _escala),
        ("Relatório trimestral", Permissao.CONSELHO_CASOS_LER, _relatorio),
        ("Fiscalização", Permissao.CONSELHO_LER, _fiscalizacao),
        ("Remuneração", Permissao.CONSELHO_LER, _remuneracao)):
    registrar_aba(_titulo, _permissao, _fabrica)
