"""Reajuste da matriz de vencimentos (Anexo I, parâmetro ``magisterio_anexo1``): simular e aplicar.

``simular_reajuste`` monta a matriz nova por UM dos três caminhos de ``rules.magisterio.reajuste``
(base do Nível 1 classe A 20 h pelos percentuais da lei, percentual linear, ou células digitadas),
compara-a com a matriz em vigor na data de início (``diferencas``) e avisa se o vencimento inicial
fica abaixo do piso nacional (Lei 11.738/2008, art. 2º). Nada é gravado.
``aplicar_reajuste`` cadastra a matriz como nova vigência (``services.parametros.adicionar_vigencia``,
com diário). Simular exige ``MAGISTERIO_LER``; aplicar, ``PARAMETROS_EDITAR`` — a matriz é parâmetro
legal, fixado por lei municipal, e quem cadastra parâmetros legais é o administrador
(docs/interpretacoes.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Callable, Mapping

from desktop.rules.dinheiro import decimal_de
from desktop.rules.magisterio import reajuste
from desktop.rules.magisterio.reajuste_impacto import (Impacto, ImpactoMes, ImpactoServidorMes, decimo_terceiro,
                                                       impacto,
                                                       remuneracao_bruta)
from desktop.rules.magisterio.tabelas import MatrizVencimentos
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.magisterio import folha as armazem_folha

from .. import parametros
from ..sessao import ErroNegocio, Sessao
from . import folha
from desktop.rules import formato

ANEXO1 = "magisterio_anexo1"


@dataclass(frozen=True)
class SimulacaoReajuste:
    """A matriz nova ao lado da vigente, com as diferenças e os avisos; nada gravado."""

    inicio: date
    modo: str                       # "base", "percentual" ou "celulas"
    atual: MatrizVencimentos        # a matriz em vigor em ``inicio``
    nova: MatrizVencimentos
    diferencas: list[reajuste.Diferenca]
    avisos_piso: list[reajuste.AvisoPiso]
    fundamento: str
    avisos: list[str] = field(default_factory=list)  # p. ex. competências já fechadas a partir do início
    descricao: str = ""             # como a matriz foi gerada (percentuais da lei), para mostrar na tela


def _competencias_fechadas_desde(sessao: Sessao, inicio: date) -> list[str]:
    desde = armazem_folha.chave(inicio)
    return [r["competencia"] for r in armazem_folha.competencias(sessao.db)
            if r["situacao"] == "fechada" and r["competencia"] >= desde]


def simular_reajuste(sessao: Sessao, inicio: date, *, base: Decimal | str | None = None,
                     percentual: Decimal | str | None = None,
                     celulas: Mapping[tuple, Decimal | str] | None = None,
                     base_ne: Decimal | str | None = None, fundamento: str | None = None) -> SimulacaoReajuste:
    """A matriz que vigoraria a partir de ``inicio``, por um dos caminhos (informe exatamente um):

    - ``base``: vencimento do Nível 1, classe A, 20 h; o resto pelos arts. 20, 22 e 37 §4º
      (``base_ne`` opcional para o Nível Especial; sem ele, proporcional ao vigente, art. 69);
    - ``percentual``: o mesmo percentual em todas as células (revisão geral, art. 37 §3º);
    - ``celulas``: {(nível, classe, jornada): valor} de todas as células (tabela publicada em lei).
    """
    sessao.exigir(Permissao.MAGISTERIO_LER)
    if not isinstance(inicio, date):
        raise EntradaInvalida("Informe a data de início da nova tabela (dd/mm/aaaa).")
    informados = [n for n, v in (("base", base), ("percentual", percentual), ("celulas", celulas)) if v is not None]
    if len(informados) != 1:
        raise EntradaInvalida("Informe uma só forma de reajuste: o novo vencimento inicial (Nível 1, classe A, "
                              "20 h), um percentual para toda a tabela, ou a tabela digitada.")
    modo = informados[0]
    atual = parametros.vigente(sessao, ANEXO1, inicio)
    fund = (fundamento or "").strip() or "Simulação de reajuste (informe a lei municipal ao aplicar)"
    descricao = ""
    if modo == "base":
        regras = parametros.vigente(sessao, "magisterio_carreira", inicio)
        nova = reajuste.gerar_matriz(
            decimal_de(base, "o vencimento inicial"), regras, referencia=atual, inicio=inicio, fundamento=fundamento,
            base_ne=None if base_ne is None else decimal_de(base_ne, "o vencimento do Nível Especial"))
        descricao = reajuste.descrever_geracao(regras)
    elif modo == "percentual":
        pct = decimal_de(percentual.replace(",", ".") if isinstance(percentual, str) else percentual,
                         "o percentual de reajuste")
        nova = reajuste.reajuste_linear(atual, pct, inicio=inicio, fundamento=fund)
        descricao = f"Todas as células reajustadas em {str(pct).replace('.', ',')} % (art. 37 §3º)."
    else:
        nova = reajuste.matriz_digitada(celulas, inicio=inicio, fundamento=fund)
        descricao = "Tabela digitada célula a célula."
    try:
        piso = parametros.vigente(sessao, "piso_magisterio", inicio)
        avisos_piso = reajuste.abaixo_do_piso(nova, piso)
    except ErroNegocio:
        avisos_piso = []
    avisos = []
    fechadas = _competencias_fechadas_desde(sessao, inicio)
    if fechadas:
        meses = ", ".join(f"{c[5:]}/{c[:4]}" for c in sorted(fechadas))
        avisos.append(f"Já há competências fechadas a partir de {formato.data(inicio)} ({meses}): elas continuam "
                      "com os valores gravados; depois de aplicado o reajuste, as diferenças de cada servidor e mês "
                      "são pagas na próxima competência aberta (rubrica 065, \"Diferenças de reajuste\"; de ano "
                      "anterior, 066, como rendimento recebido acumuladamente) ou, à sua escolha, numa folha "
                      "complementar (quadro abaixo).")
    return SimulacaoReajuste(inicio, modo, atual, nova, reajuste.diferencas(atual, nova), avisos_piso,
                             nova.fundamento, avisos, descricao)


def impacto_reajuste(sessao: Sessao, simulacao: SimulacaoReajuste,
                     progresso: Callable[[int, int], None] | None = None) -> Impacto:
    """O custo do reajuste simulado, antes de aplicá-lo (nada é gravado): a folha da competência de início
    com a matriz vigente e com a nova, servidor a servidor — total mensal, número de servidores, custo anual
    (12 meses + 13º + terço de férias) — e, se o início cai em competências já fechadas, a diferença de cada
    uma (o gravado × o recalculado com a tabela nova), que seria paga na competência aberta seguinte."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    comp = date(simulacao.inicio.year, simulacao.inicio.month, 1)
    antes, idents = folha._calcular(sessao, comp, progresso, retroativos=False)
    depois, _ = folha._calcular(sessao, comp, None, matriz=simulacao.nova, retroativos=False)
    novos = {i.contracheque.pessoa_id: i.contracheque.linhas for i in depois.itens}
    linhas = [(i.contracheque.pessoa_id, ident.nome, ident.matricula, ident.lotacao, i.contracheque.linhas)
              for i, ident in zip(antes.itens, idents)]
    retro, por_servidor = [], []
    for k in sorted(_competencias_fechadas_desde(sessao, simulacao.inicio)):
        mes_k = folha.mes(k)
        pago = folha._gravados(sessao, mes_k)
        recalc, ids_k = folha._calcular(sessao, mes_k, None, matriz=simulacao.nova, retroativos=False)
        devido = {i.contracheque.pessoa_id: _retroativo(i.contracheque.linhas) for i in recalc.itens}
        nomes = {i.contracheque.pessoa_id: (ident.nome, ident.matricula) for i, ident in zip(recalc.itens, ids_k)}
        comuns = [sid for sid in pago if sid in devido]
        # a diferença negativa não é descontada (reajuste_impacto.diferenca_reajuste): quem a tabela nova pagaria
        # menos — no complemento do mínimo, com falta no mês, o dia de falta vale mais e o complemento cai —
        # conta pelo pago, e o custo simulado é o que a rubrica 065 paga depois
        a_pagar = {s: max(devido[s], _retroativo(pago[s])) for s in comuns}
        retro.append(ImpactoMes(mes_k, len(comuns), sum((_retroativo(pago[s]) for s in comuns), Decimal("0.00")),
                                sum((a_pagar[s] for s in comuns), Decimal("0.00"))))
        por_servidor += [ImpactoServidorMes(s, *nomes[s], mes_k, _retroativo(pago[s]), devido[s]) for s in comuns
                         if devido[s] > _retroativo(pago[s])]
    imp = impacto(comp, simulacao.inicio, linhas, novos, retro)
    return replace(imp, retroativos_servidores=tuple(sorted(por_servidor, key=lambda x: (x.nome, x.matricula,
                                                                                         x.competencia))))


def _retroativo(linhas) -> Decimal:
    """O que o reajuste muda numa competência fechada: a remuneração do mês e o 13º quitado nela."""
    return remuneracao_bruta(linhas) + decimo_terceiro(linhas)


def aplicar_reajuste(sessao: Sessao, simulacao: SimulacaoReajuste, fundamento: str) -> dict:
    """Cadastra a matriz simulada como nova vigência do Anexo I a partir de ``simulacao.inicio`` (com diário).

    ``fundamento``: a lei municipal do reajuste (obrigatório). Recusa se outra vigência do Anexo I
    foi cadastrada entre a simulação e a aplicação (simule de novo). Devolve a linha gravada.
    """
    sessao.exigir(Permissao.PARAMETROS_EDITAR)
    fundamento = " ".join((fundamento or "").split())
    if len(fundamento) < 5:
        raise EntradaInvalida("Informe o fundamento do reajuste: a lei municipal que fixou a nova tabela, "
                              "por exemplo \"Lei Municipal 2.345/2026, art. 1º e Anexo\".")
    vigente = parametros.vigente(sessao, ANEXO1, simulacao.inicio)
    if vigente.celulas != simulacao.atual.celulas or vigente.inicio != simulacao.atual.inicio:
        raise ErroNegocio("A tabela em vigor mudou depois da simulação. Simule o reajuste de novo antes de aplicar.")
    return parametros.adicionar_vigencia(sessao, ANEXO1, simulacao.inicio, simulacao.nova.para_valor(), fundamento)
