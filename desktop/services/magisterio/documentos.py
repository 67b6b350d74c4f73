"""Documentos do Magistério: contracheque avulso e em lote, folha analítica, histórico funcional e CSV.

Os PDFs saem por ``services.documentos.emitir`` (registrados, com código de verificação e QR) e
sempre a partir do que foi GRAVADO no fechamento: só competência fechada tem contracheque oficial.
A prévia não é impressa em PDF — confere-se na tela, nas pendências e no CSV (que não é documento
registrado); ver docs/interpretacoes.md. Emitir exige ``DOCUMENTOS_EMITIR`` e ``MAGISTERIO_LER``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from desktop.reports.magisterio import contracheque as relatorio_contracheque
from desktop.reports.magisterio import csv_folha, folha_analitica
from desktop.reports.magisterio import historico as relatorio_historico
from desktop.reports.magisterio import impacto_reajuste as relatorio_impacto
from desktop.reports.magisterio.dados import ItemFolha
from desktop.rules.magisterio.carreira import SemTitulacao, linha_do_tempo, situacao_em
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.magisterio import servidores as armazem_servidores

from .. import documentos_vias, parametros
from ..documentos import Emitido, emitir
from ..sessao import ErroNegocio, Sessao
from . import configuracao, folha, tabelas
from .cadastro import ficha as carregar_ficha
from .comum import assunto_servidor, servidor as obter_servidor
from desktop.rules import formato

TIPO_CONTRACHEQUE = "magisterio_contracheque"
TIPO_LOTE = "magisterio_contracheques_lote"
TIPO_ANALITICA = "magisterio_folha_analitica"
TIPO_HISTORICO = "magisterio_historico_funcional"
TIPO_IMPACTO = "magisterio_impacto_reajuste"
ANOS_PREVISTOS = 35
"""Até quantos anos depois da data de referência o histórico mostra as mudanças previstas (a
carreira inteira: sete classes de cinco anos, art. 16)."""


def assunto_competencia(dia: date) -> str:
    """O assunto dos documentos da competência (a reabertura substitui todos os que começam assim)."""
    return f"magisterio:competencia:{dia:%Y-%m}"


def _pis(d: str) -> str:
    """PIS/PASEP/NIT como se imprime: 123.45678.90-1."""
    return f"{d[:3]}.{d[3:8]}.{d[8:10]}-{d[10]}" if len(d) == 11 else d


def _com_pis(sessao: Sessao, itens: list[ItemFolha]) -> list[ItemFolha]:
    """O PIS/PASEP/NIT do cadastro de pagamento de cada servidor, quando houver, para o contracheque."""
    pis = armazem_servidores.pis_por_servidor(sessao.db)  # o contracheque guarda o id do servidor; o PIS é da pessoa
    return [ItemFolha(replace(i.servidor, nit=_pis(pis[i.contracheque.pessoa_id])), i.contracheque)
            if i.contracheque.pessoa_id in pis else i for i in itens]


def _pode_ler(sessao: Sessao) -> None:
    sessao.exigir(Permissao.MAGISTERIO_LER)
    sessao.exigir(Permissao.DOCUMENTOS_EMITIR)


def emitir_contracheque(sessao: Sessao, competencia: date | str, servidor_id: str, *, via: int = 1,
                        original_id: str | None = None) -> Emitido:
    """O contracheque gravado de um servidor numa competência fechada, como documento registrado."""
    _pode_ler(sessao)
    dia = folha.mes(competencia)
    item = _com_pis(sessao, [folha.contracheque(sessao, dia, servidor_id)])[0]
    return emitir(sessao, tipo=TIPO_CONTRACHEQUE, titulo=relatorio_contracheque.TITULO,
                  referencia=f"competência {formato.competencia(dia)}, matrícula {item.servidor.matricula}",
                  titular=item.servidor.nome, cpf=item.servidor.cpf,
                  assunto=f"{assunto_competencia(dia)}:servidor:{servidor_id}",
                  montar=lambda cab, rod: relatorio_contracheque.gerar(cab, rod, item.servidor, item.contracheque),
                  via=via, original_id=original_id)


def emitir_lote(sessao: Sessao, competencia: date | str,
                progresso: relatorio_contracheque.Andamento | None = None, *, via: int = 1,
                original_id: str | None = None) -> Emitido:
    """Todos os contracheques da competência fechada num só PDF registrado (um por página).

    ``progresso(feitos, total)`` a cada contracheque desenhado; uma exceção nele cancela: nada é
    registrado (a emissão é uma transação) e a exceção chega a quem chamou.
    """
    _pode_ler(sessao)
    dia = folha.mes(competencia)
    itens = _com_pis(sessao, folha.contracheques(sessao, dia))
    return emitir(sessao, tipo=TIPO_LOTE, titulo=relatorio_contracheque.TITULO_LOTE,
                  referencia=f"competência {formato.competencia(dia)}, {len(itens)} servidores",
                  assunto=f"{assunto_competencia(dia)}:lote",
                  montar=lambda cab, rod: relatorio_contracheque.gerar_lote(cab, rod, itens, progresso),
                  via=via, original_id=original_id)


def emitir_folha_analitica(sessao: Sessao, competencia: date | str, *, via: int = 1,
                           original_id: str | None = None) -> Emitido:
    """A folha analítica da competência fechada: servidores por escola, totais por rubrica e por escola."""
    _pode_ler(sessao)
    dia = folha.mes(competencia)
    itens = folha.contracheques(sessao, dia)
    return emitir(sessao, tipo=TIPO_ANALITICA, titulo=folha_analitica.TITULO,
                  referencia=f"competência {formato.competencia(dia)}", assunto=f"{assunto_competencia(dia)}:analitica",
                  montar=lambda cab, rod: folha_analitica.gerar(cab, rod, itens, dia), via=via, original_id=original_id)


def emitir_impacto_reajuste(sessao: Sessao, simulacao, progresso=None) -> Emitido:
    """O relatório (PDF registrado) do custo do reajuste simulado, antes de aplicá-lo
    (``tabelas.impacto_reajuste``): totais mensal e anual, servidores, meses fechados alcançados."""
    _pode_ler(sessao)
    imp = tabelas.impacto_reajuste(sessao, simulacao, progresso)
    return emitir(sessao, tipo=TIPO_IMPACTO, titulo=relatorio_impacto.TITULO,
                  referencia=f"reajuste a partir de {formato.data(simulacao.inicio)}",
                  montar=lambda cab, rod: relatorio_impacto.gerar(cab, rod, imp, simulacao.descricao,
                                                                  simulacao.fundamento))


def emitir_historico(sessao: Sessao, servidor_id: str, referencia: date | None = None, *, via: int = 1,
                     original_id: str | None = None) -> Emitido:
    """O histórico funcional do servidor: linha do tempo da carreira (passada e prevista) com os artigos.

    ``referencia`` é a data da posição (padrão: hoje); as mudanças depois dela saem como previstas,
    até ``ANOS_PREVISTOS`` anos adiante ou até o desligamento.
    """
    _pode_ler(sessao)
    referencia = referencia or date.today()
    s = obter_servidor(sessao.db, servidor_id)
    f = carregar_ficha(sessao, servidor_id)
    config = configuracao.ler(sessao)
    regras = parametros.vigente(sessao, "magisterio_carreira", referencia)
    ate = f.desligamento or date(referencia.year + ANOS_PREVISTOS, 12, 31)
    eventos = linha_do_tempo(f, ate, config, regras)
    try:
        situacao = situacao_em(f, referencia, config, regras) if f.admissao <= referencia <= ate else None
    except (SemTitulacao, EntradaInvalida):
        situacao = None
    return emitir(sessao, tipo=TIPO_HISTORICO, titulo=relatorio_historico.TITULO,
                  referencia=f"matrícula {s['matricula']}, posição em {formato.data(referencia)}",
                  titular=s["nome"], cpf=s.get("cpf"), assunto=f"{assunto_servidor(servidor_id)}:historico",
                  montar=lambda cab, rod: relatorio_historico.gerar(cab, rod, f, eventos, situacao=situacao,
                                                                     referencia=referencia),
                  via=via, original_id=original_id)


def emitidos_da_competencia(sessao: Sessao, competencia: date | str, servidor_id: str | None = None) -> list[dict]:
    """Os documentos emitidos da competência (lotes e folhas analíticas e, com ``servidor_id``, os
    contracheques dele), em todas as vias e situações, do mais recente: a tela os reabre e pede nova via."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    prefixo = assunto_competencia(folha.mes(competencia))
    return [d for d in documentos_vias.do_assunto(sessao, prefixo)
            if ":servidor:" not in d["assunto"] or d["assunto"] == f"{prefixo}:servidor:{servidor_id}"]


def emitidos_do_servidor(sessao: Sessao, servidor_id: str) -> list[dict]:
    """Os documentos feitos da ficha do servidor (históricos funcionais), do mais recente."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    return documentos_vias.do_assunto(sessao, assunto_servidor(servidor_id))


def reemitir(sessao: Sessao, doc: dict, *, via: int, original_id: str) -> Emitido:
    """Nova via (``services.documentos_vias.emitir_nova_via``): o documento montado de novo dos dados
    gravados — a competência fechada, ou a ficha na mesma data de posição do original."""
    _pode_ler(sessao)
    partes = (doc.get("assunto") or "").split(":")
    kw = {"via": via, "original_id": original_id}
    if doc["tipo"] == TIPO_HISTORICO and len(partes) == 4:
        posicao = re.search(r"posição em (\d{2})/(\d{2})/(\d{4})", doc.get("referencia") or "")
        dia = date(int(posicao[3]), int(posicao[2]), int(posicao[1])) if posicao else None
        return emitir_historico(sessao, partes[2], dia, **kw)
    if len(partes) >= 4 and partes[1] == "competencia":
        competencia = date.fromisoformat(partes[2] + "-01")
        if doc["tipo"] == TIPO_CONTRACHEQUE and len(partes) == 5:
            return emitir_contracheque(sessao, competencia, partes[4], **kw)
        if doc["tipo"] == TIPO_LOTE:
            return emitir_lote(sessao, competencia, **kw)
        if doc["tipo"] == TIPO_ANALITICA:
            return emitir_folha_analitica(sessao, competencia, **kw)
    raise ErroNegocio(f"{doc['titulo']} nº {doc['numero']}/{doc['ano']} foi emitido antes de o Paço registrar de "
                      "que dados ele sai: emita o documento de novo.")


def exportar_csv(sessao: Sessao, competencia: date | str, *, formato: str = "linhas") -> bytes:
    """O CSV da folha fechada (UTF-8 com BOM, ";" e vírgula decimal); não é documento registrado."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    return csv_folha.gerar(folha.contracheques(sessao, folha.mes(competencia)), formato=formato)


def csv_da_previa(previa: folha.Previa, *, formato: str = "linhas") -> bytes:
    """O CSV da prévia (para conferir numa planilha antes de fechar); mesmo formato do da folha fechada."""
    return csv_folha.gerar(previa.itens, formato=formato)
