"""Anexos dos processos da Certificação na base (o conteúdo só quando pedido)."""
from __future__ import annotations

from ..linhas import um

_COLUNAS = "id, processo_id, tipo, descricao, nome_arquivo, formato, tamanho, sha256, anexado_em, anexado_por"


def anexos(db, processo_id: str) -> list[dict]:
    """Os anexos do processo (sem o conteúdo), do mais antigo ao mais novo."""
    return list(db.query(f"SELECT {_COLUNAS} FROM cert_anexos WHERE processo_id = ? ORDER BY anexado_em",
                         [processo_id]))


def anexo_com_conteudo(db, anexo_id: str) -> dict | None:
    return um(db, f"SELECT {_COLUNAS}, conteudo FROM cert_anexos WHERE id = ?", [anexo_id])
