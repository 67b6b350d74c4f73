"""Exportação da folha do Magistério em CSV para planilha (Excel, LibreOffice) em português.

UTF-8 com BOM (o Excel reconhece os acentos), separador ";" e vírgula decimal sem separador de
milhar (1234,56), que as planilhas em pt-BR leem como número. Dois formatos:

- ``"linhas"`` (padrão): uma linha por servidor e rubrica, com base, percentual, quantidade,
  provento ou desconto e fundamento — bom para filtros e tabelas dinâmicas;
- ``"colunas"``: uma linha por servidor e uma coluna por rubrica, com os totais no fim — a folha
  como se lê no papel.

Textos que começam com = + - @ ganham um apóstrofo, para a planilha não os executar como fórmula.
"""
from __future__ import annotations

import csv
from io import StringIO
from typing import Iterable

from desktop.rules import csv_seguro, formato

from desktop.reports.folha import (chave_rubrica, decimal_csv, descricao_rubrica, eh_provento, 
                                   ordenar_linhas)

from .dados import ItemFolha, rotulo_nivel
from .folha_analitica import ordenar, resumir

FORMATOS = ("linhas", "colunas")

_IDENTIFICACAO = ("Competência", "Matrícula", "Nome", "CPF", "Cargo", "Nível", "Classe",
                  "Jornada (h)", "Lotação")


def _texto(valor: str) -> str:
    return csv_seguro.celula(valor or "")


def _identificacao(item: ItemFolha) -> list[str]:
    s, cc = item
    return [formato.competencia(cc.competencia), _texto(s.matricula), _texto(s.nome), s.cpf_formatado,
            s.cargo_rotulo, rotulo_nivel(s.nivel) if str(s.nivel) else "", s.classe,
            str(s.jornada or ""), _texto(s.lotacao)]


def _por_linha(itens: list[ItemFolha], w) -> None:
    w.writerow([*_IDENTIFICACAO, "Código", "Rubrica", "Natureza", "Grupo", "Base", "Percentual (%)",
                "Quantidade", "Provento", "Desconto", "Fundamento legal"])
    for item in itens:
        ident = _identificacao(item)
        for l in ordenar_linhas(item.contracheque.linhas):
            provento = eh_provento(l)
            valor = decimal_csv(l.valor, 2)
            w.writerow([*ident, l.codigo, _texto(descricao_rubrica(l)),
                        "Provento" if provento else "Desconto", "13º salário" if l.grupo == "13" else "Mensal",
                        decimal_csv(l.base, 2), decimal_csv(l.percentual), decimal_csv(l.quantidade),
                        valor if provento else "", "" if provento else valor, _texto(l.fundamento)])


def _por_coluna(itens: list[ItemFolha], w) -> None:
    rubricas = resumir(itens).rubricas
    chaves = [(r.codigo, "P" if r.provento else "D", r.grupo) for r in rubricas]
    titulos = [f"{r.codigo} {r.descricao} ({'provento' if r.provento else 'desconto'})" for r in rubricas]
    w.writerow([*_IDENTIFICACAO, *(_texto(t) for t in titulos), "Total de proventos", "Total de descontos",
                "Líquido"])
    for item in itens:
        cc = item.contracheque
        valores: dict[tuple, object] = {}
        for l in cc.linhas:
            chave = chave_rubrica(l)
            valores[chave] = valores.get(chave, 0) + l.valor
        w.writerow([*_identificacao(item),
                    *(decimal_csv(valores[c], 2) if c in valores else "" for c in chaves),
                    decimal_csv(cc.proventos, 2), decimal_csv(cc.descontos, 2), decimal_csv(cc.liquido, 2)])


def gerar(itens: Iterable[ItemFolha], *, formato: str = "linhas") -> bytes:
    """O CSV da folha (bytes prontos para gravar em arquivo .csv), servidores por escola e nome."""
    if formato not in FORMATOS:
        raise ValueError(f"Formato de CSV desconhecido: {formato!r}; use 'linhas' ou 'colunas'.")
    lista = ordenar(itens)
    saida = StringIO()
    w = csv.writer(saida, delimiter=";", lineterminator="\r\n")
    (_por_linha if formato == "linhas" else _por_coluna)(lista, w)
    return ("\ufeff" + saida.getvalue()).encode("utf-8")
