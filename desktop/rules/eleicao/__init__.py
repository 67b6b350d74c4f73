"""Regras do processo de escolha do Conselho Tutelar (Lei 320/2023 de Itapiranga-AM, arts. 5º-16; ECA arts. 132-139).

Puras: sem Qt, sem SQL, sem E/S. ``regras`` (números da lei como parâmetro datado), ``calendario``,
``requisitos`` (checklist do art. 12 §2º), ``impugnacoes``, ``apuracao`` (boletins e dupla
digitação) e ``resultado`` (classificação, desempate e impedimentos do art. 15).
"""
from .regras import RegrasEleicao

__all__ = ["RegrasEleicao"]
