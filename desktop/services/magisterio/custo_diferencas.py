"""Custo das diferenças de competências fechadas, por servidor e mês, antes de escolher onde pagá-las.

As diferenças que um reajuste (065 a 068) ou um registro lançado depois do fechamento (069 a 071 a pagar,
106 a 108 a descontar) trouxeram às competências fechadas até X são pagas, à escolha de quem faz a folha,
na próxima competência aberta (``PROXIMA``, o padrão: basta fechá-la) ou numa folha complementar de X
(``COMPLEMENTAR``: ``services.magisterio.complementar``, que só paga — o que há a descontar fica para a
próxima competência). ``calcular`` mostra, sem gravar nada, o que cada escolha paga; ``emitir_relatorio`` é
o mesmo em PDF registrado (tipo ``magisterio_custo_diferencas``). Sem encargos patronais.
Exigem ``MAGISTERIO_LER`` (o PDF, também ``DOCUMENTOS_EMITIR``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.reports.magisterio import custo_diferencas as relatorio
from desktop.reports.magisterio.custo_diferencas import DESTINOS, Custo, ItemCusto
from desktop.rules.folha.tipos import Natureza
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.magisterio import folha as armazem_folha

from ..documentos import Emitido, emitir
from ..sessao import ErroNegocio, Sessao
from . import complementar, folha
from desktop.rules import formato

PROXIMA, COMPLEMENTAR = "proxima", "complementar"
TIPO = "magisterio_custo_diferencas"
_MES = re.compile(r"(\d{4})-(\d{2})")



def _destino(destino: str) -> str:
    if destino not in DESTINOS:
        raise EntradaInvalida(f"Destino das diferenças inválido: {destino!r}. Escolha a próxima competência ou a "
                              "folha complementar.")
    return destino


def calcular(sessao: Sessao, competencia: date | str, destino: str = PROXIMA) -> Custo:
    """O que se paga (e desconta) das diferenças das competências fechadas até ``competencia`` (fechada), por
    servidor, mês de origem e rubrica, se pagas na próxima competência ou na folha complementar dela."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    destino = _destino(destino)
    dia = folha.mes(competencia)
    linha = armazem_folha.competencia(sessao.db, dia)
    if linha is None or linha["situacao"] != "fechada":
        raise ErroNegocio(f"A competência {formato.competencia(dia)} não está fechada: as diferenças são de competências fechadas "
                          "(informe a última fechada).")
    fichas = {f.id: f for f in folha._fichas(sessao)[0]}
    diferencas = complementar._diferencas_ate(sessao, dia, fichas, so_a_pagar=destino == COMPLEMENTAR)
    itens = []
    for sid, linhas in diferencas.items():
        f = fichas[sid]
        for l in linhas:
            achado = _MES.search(l.referencia or "")
            origem = date(int(achado[1]), int(achado[2]), 1) if achado else dia
            sinal = Decimal(1) if l.natureza is Natureza.PROVENTO else Decimal(-1)
            itens.append(ItemCusto(sid, f.nome, f.matricula, origem, l.codigo, l.descricao, sinal * l.valor))
    itens.sort(key=lambda i: (i.nome, i.matricula, i.competencia, i.codigo))
    return Custo(dia, destino, tuple(itens))


def emitir_relatorio(sessao: Sessao, competencia: date | str, destino: str = PROXIMA) -> Emitido:
    """O custo das diferenças (``calcular``) num PDF registrado: resumo, por servidor e mês, e cada rubrica."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    sessao.exigir(Permissao.DOCUMENTOS_EMITIR)
    custo = calcular(sessao, competencia, destino)
    return emitir(sessao, tipo=TIPO, titulo=relatorio.TITULO,
                  referencia=f"competências fechadas até {formato.competencia(custo.competencia)}, {DESTINOS[custo.destino]}",
                  assunto=f"magisterio:diferencas:{custo.competencia:%Y-%m}:{custo.destino}",
                  montar=lambda cab, rod: relatorio.gerar(cab, rod, custo))
