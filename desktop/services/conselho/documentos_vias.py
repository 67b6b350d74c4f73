"""Nova via dos documentos do Conselho: montada de novo da receita guardada na emissão.

A receita (destinatário, texto, medidas, datas) fica com o PDF — no arquivo sigiloso, se o documento
é de caso —, e a via seguinte sai com o mesmo conteúdo e o mesmo número (``documentos_vias``). Quem
pode pedir é quem pode emitir o original: documento de caso, o conselheiro em exercício não impedido.
"""
from __future__ import annotations

import json
from datetime import date

from desktop.reports.conselho import documentos as pdf
from desktop.rules.papeis import Permissao
from desktop.store import documentos as registro

from .. import documentos
from ..sessao import ErroNegocio, Sessao
from . import documentos as docs_caso
from .comum import exigir_conteudo
from .relatorio import emitir_relatorio_trimestral


def _documento_caso(d: dict) -> pdf.DocumentoCaso:
    return pdf.DocumentoCaso(d["tipo"], d["referencia"], d["destinatario"], tuple(d["paragrafos"]),
                             tuple(d["fundamentos"]), d["municipio"], date.fromisoformat(d["data"]), d["assinante"],
                             tuple(tuple(i) for i in d.get("itens") or ()))


def reemitir(sessao: Sessao, doc: dict, *, via: int, original_id: str) -> documentos.Emitido:
    """A via ``via`` do documento ``doc`` (linha do registro), a partir da receita guardada."""
    sessao.exigir(Permissao.DOCUMENTOS_EMITIR)
    sessao.exigir(Permissao.CONSELHO_LER)
    if doc.get("dominio") in registro.DOMINIOS_SIGILOSOS:
        exigir_conteudo(sessao, editar=True)  # antes de abrir a receita do caso
    texto = registro.receita_de(sessao.db, doc["id"])
    if texto is None:
        raise ErroNegocio(f"{doc['titulo']} nº {doc['numero']}/{doc['ano']}: não há os dados da emissão guardados "
                          "para montar uma nova via igual (documento anterior a esta versão do Paço, ou tipo que "
                          "se emite de novo pela sua tela); emita o documento de novo.")
    receita = json.loads(texto)
    kw = {"via": via, "original_id": original_id}
    if receita["modelo"] == "caso":
        d = _documento_caso(receita["doc"])
        if receita.get("atendimento_id"):
            exigir_conteudo(sessao, receita["atendimento_id"], editar=True)
            return docs_caso._emitir(sessao, d, receita["atendimento_id"], doc.get("assunto"), **kw)
        sessao.exigir(Permissao.CONSELHO_EDITAR)  # ofício da fiscalização (art. 34)
        return documentos.emitir(sessao, tipo=d.tipo, titulo=pdf.TITULOS[d.tipo], referencia=d.referencia,
                                 montar=lambda cab, rod: pdf.gerar(cab, rod, d), assunto=doc.get("assunto"),
                                 receita=receita, **kw)
    if receita["modelo"] == "relatorio":
        return emitir_relatorio_trimestral(sessao, receita["ano"], receita["trimestre"], receita["observacoes"], **kw)
    if receita["modelo"] == "escala":
        return docs_caso.emitir_escala(sessao, date.fromisoformat(receita["inicio"]),
                                       date.fromisoformat(receita["fim"]), **kw)
    raise ErroNegocio(f"{doc['titulo']}: este documento não tem nova via; emita um novo.")
