"""Peças comuns aos serviços do magistério: achar o servidor, ler escolhas, formatar datas."""
from __future__ import annotations

from datetime import date
from enum import Enum

import sqlite_utils

from desktop.rules import formato
from desktop.rules.magisterio.tipos import ROTULOS_CARGO  # noqa: F401 (as telas leem daqui)
from desktop.rules.validacao import EntradaInvalida
from desktop.store.magisterio import servidores as armazem_servidores

from ..sessao import ErroNegocio

ROTULOS_TITULO = {
    "leigo": "leigo (sem habilitação)", "medio_normal": "nível médio, modalidade normal",
    "estudos_adicionais": "médio normal com estudos adicionais", "licenciatura_curta": "licenciatura curta",
    "licenciatura_plena": "licenciatura plena", "pos_lato_sensu": "pós-graduação lato sensu",
    "mestrado": "mestrado", "doutorado": "doutorado",
}


def periodo(inicio: date, fim: date | None) -> str:
    return f"de {formato.data(inicio)} a {formato.data(fim)}" if fim else f"de {formato.data(inicio)} em diante"


def assunto_servidor(servidor_id: str) -> str:
    """O assunto dos documentos feitos da ficha do servidor (histórico funcional): corrigir a ficha os
    substitui (``substituir_documentos_da_ficha``)."""
    return f"magisterio:servidor:{servidor_id}"


def substituir_documentos_da_ficha(m, servidor_id: str, o_que: str) -> None:
    """Na transação da correção: os documentos válidos feitos da ficha ficam "substituídos", com o motivo."""
    from .. import documentos_vias

    documentos_vias.substituir_assunto(m, assunto_servidor(servidor_id), f"ficha funcional corrigida ({o_que})")


def servidor(db: sqlite_utils.Database, servidor_id: str) -> dict:
    """O servidor (com nome e CPF), ou ErroNegocio se não existe."""
    s = armazem_servidores.obter(db, servidor_id)
    if s is None:
        raise ErroNegocio("Servidor não encontrado; atualize a lista e tente de novo.")
    return s


def escolha(tipo: type[Enum], valor, rotulo: str) -> str:
    """Valor de uma enumeração (aceita o membro ou o texto); mensagem com as opções válidas."""
    if isinstance(valor, tipo):
        return valor.value
    try:
        return tipo(str(valor).strip()).value
    except ValueError:
        opcoes = ", ".join(m.value for m in tipo)
        raise EntradaInvalida(f"Valor inválido para {rotulo}: {valor!r}. Use um destes: {opcoes}.") from None
