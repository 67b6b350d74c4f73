"""Designações da apuração pela comissão especial (tabela ``eleicao_designacoes``): quem é mesário ou
supervisor de cada processo. Sem permissão nem diário: isso é dos serviços."""
from __future__ import annotations

import sqlite_utils


def designado(db: sqlite_utils.Database, processo_id: str, usuario_id: str, funcao: str) -> bool:
    return bool(db.execute(
        "SELECT 1 FROM eleicao_designacoes WHERE processo_id = ? AND usuario_id = ? AND funcao = ?",
        [processo_id, usuario_id, funcao]).fetchone())


def do_processo(db: sqlite_utils.Database, processo_id: str) -> list[dict]:
    """As designações do processo com o login e o nome do usuário, por função e nome."""
    return list(db.query(
        "SELECT d.*, u.login, u.nome FROM eleicao_designacoes d JOIN usuarios u ON u.id = d.usuario_id "
        "WHERE d.processo_id = ? ORDER BY d.funcao, u.nome", [processo_id]))
