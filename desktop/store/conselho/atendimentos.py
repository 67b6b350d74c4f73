"""Atendimentos no arquivo sigiloso: número do ano, leitura completa, lista, busca (FTS5), prazos e relatório.

A linha de busca de um caso tem rowid = ``busca_rowid`` do caso: regravá-la é um DELETE pelo rowid
(sem varrer o índice), e a busca filtra pelos rowids do FTS enquanto percorre o índice da lista na
ordem da tela (mais recentes primeiro), parando na página pedida.
"""
from __future__ import annotations

import re

import sqlite_utils

FILHAS = ("conselho_criancas", "conselho_familiares", "conselho_violacoes", "conselho_decisoes",
          "conselho_medidas", "conselho_requisicoes", "conselho_encaminhamentos", "conselho_acompanhamentos",
          "conselho_impedimentos")
_ORDEM = {"conselho_decisoes": "decidida_em", "conselho_requisicoes": "emitida_em",
          "conselho_encaminhamentos": "encaminhado_em", "conselho_acompanhamentos": "registrado_em",
          "conselho_impedimentos": "declarado_em", "conselho_medidas": "aplicada_em"}


def proximo_numero(db: sqlite_utils.Database, ano: int) -> int:
    return db.execute("SELECT coalesce(max(numero), 0) + 1 FROM conselho_atendimentos WHERE ano = ?", [ano]).fetchone()[0]


def proximo_busca_rowid(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT coalesce(max(busca_rowid), 0) + 1 FROM conselho_atendimentos").fetchone()[0]


def existe(db: sqlite_utils.Database, atendimento_id: str) -> bool:
    return db.execute("SELECT 1 FROM conselho_atendimentos WHERE id = ?", [atendimento_id]).fetchone() is not None


def completo(db: sqlite_utils.Database, atendimento_id: str) -> dict | None:
    """O atendimento com as listas de crianças, família, violações, decisões, medidas etc."""
    linhas = list(db.query("SELECT * FROM conselho_atendimentos WHERE id = ?", [atendimento_id]))
    if not linhas:
        return None
    a = linhas[0]
    for t in FILHAS:
        ordem = _ORDEM.get(t, "rowid")
        a[t.removeprefix("conselho_")] = list(db.query(f"SELECT * FROM {t} WHERE atendimento_id = ? ORDER BY {ordem}",
                                                       [atendimento_id]))
    return a


def impedidos(db: sqlite_utils.Database, conselheiro_id: str) -> set[str]:
    return {r[0] for r in db.execute("SELECT atendimento_id FROM conselho_impedimentos WHERE conselheiro_id = ?",
                                     [conselheiro_id]).fetchall()}


def impedido(db: sqlite_utils.Database, atendimento_id: str, conselheiro_id: str) -> dict | None:
    linhas = list(db.query("SELECT * FROM conselho_impedimentos WHERE atendimento_id = ? AND conselheiro_id = ?",
                           [atendimento_id, conselheiro_id]))
    return linhas[0] if linhas else None


def indexar(db: sqlite_utils.Database, atendimento_id: str) -> None:
    """Refaz a linha de busca do atendimento: nomes das crianças e da família, e o bairro."""
    nomes = [r[0] for r in db.execute(
        "SELECT nome FROM conselho_criancas WHERE atendimento_id = ? UNION ALL "
        "SELECT nome FROM conselho_familiares WHERE atendimento_id = ?", [atendimento_id, atendimento_id]).fetchall()]
    rowid, bairro = db.execute("SELECT busca_rowid, bairro FROM conselho_atendimentos WHERE id = ?",
                               [atendimento_id]).fetchone()
    db.execute("DELETE FROM conselho_busca WHERE rowid = ?", [rowid])
    db.execute("INSERT INTO conselho_busca (rowid, nomes, bairro) VALUES (?, ?, ?)", [rowid, " ".join(nomes), bairro])


def expressao_fts(texto: str) -> str | None:
    """Palavras do usuário como prefixos FTS5 ("ana sil" → "ana"* "sil"*), sem operadores."""
    palavras = re.findall(r"\w+", texto or "")
    return " ".join(f'"{p}"*' for p in palavras) if palavras else None


_LISTA = ("SELECT a.id, a.numero, a.ano, a.tipo, a.recebido_em, a.bairro, a.situacao, a.plantao, "
          "(SELECT group_concat(nome, '; ') FROM conselho_criancas c WHERE c.atendimento_id = a.id) AS criancas "
          "FROM conselho_atendimentos a")


def listar(db: sqlite_utils.Database, *, busca: str | None = None, campo: str = "nomes",
           situacao: str | None = None, excluir_de: str | None = None, limite: int = 200,
           deslocamento: int = 0) -> list[dict]:
    """Página da lista (mais recentes primeiro). ``busca``: texto em ``campo`` ('nomes' ou 'bairro');
    ``excluir_de``: id do conselheiro impedido, cujos casos não aparecem."""
    onde, args = [], []
    if busca:
        expr = expressao_fts(busca)
        if expr is None:
            return []
        coluna = "bairro" if campo == "bairro" else "nomes"
        onde.append("a.busca_rowid IN (SELECT rowid FROM conselho_busca WHERE conselho_busca MATCH ?)")
        args.append(f"{coluna} : ({expr})")
    if situacao:
        onde.append("a.situacao = ?")
        args.append(situacao)
    if excluir_de:
        onde.append("a.id NOT IN (SELECT atendimento_id FROM conselho_impedimentos WHERE conselheiro_id = ?)")
        args.append(excluir_de)
    sql = _LISTA + (" WHERE " + " AND ".join(onde) if onde else "")
    sql += " ORDER BY a.recebido_em DESC, a.numero DESC LIMIT ? OFFSET ?"
    return list(db.query(sql, args + [limite, deslocamento]))


def contar(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM conselho_atendimentos").fetchone()[0]


def prazos(db: sqlite_utils.Database, excluir_de: str | None = None) -> list[dict]:
    """Decisões com comunicação pendente ou ratificação pendente, e requisições sem resposta."""
    filtro, args = "", []
    if excluir_de:
        filtro = " AND a.id NOT IN (SELECT atendimento_id FROM conselho_impedimentos WHERE conselheiro_id = ?)"
        args = [excluir_de]
    decisoes = list(db.query(
        "SELECT d.*, a.numero, a.ano FROM conselho_decisoes d JOIN conselho_atendimentos a ON a.id = d.atendimento_id "
        "WHERE (d.comunicada_em IS NULL OR (d.emergencial = 1 AND d.colegiado IS NULL))" + filtro, args))
    requisicoes = list(db.query(
        "SELECT r.*, a.numero, a.ano FROM conselho_requisicoes r JOIN conselho_atendimentos a ON a.id = r.atendimento_id "
        "WHERE r.atendida_em IS NULL" + filtro, args))
    return decisoes + [dict(r, _requisicao=True) for r in requisicoes]


def dados_relatorio(db: sqlite_utils.Database, inicio: str, fim: str) -> list[dict]:
    """Para o relatório trimestral: só tipo, data, bairro, nascimentos, direitos, agentes e medidas."""
    sql = """
        SELECT a.id, a.tipo, substr(a.recebido_em, 1, 10) AS dia, a.bairro,
               (SELECT group_concat(coalesce(nascimento, '-'), ',') FROM conselho_criancas c WHERE c.atendimento_id = a.id) AS nasc,
               (SELECT group_concat(direito, ',') FROM conselho_violacoes v WHERE v.atendimento_id = a.id) AS direitos,
               (SELECT group_concat(agente, ',') FROM conselho_violacoes v WHERE v.atendimento_id = a.id) AS agentes,
               (SELECT group_concat(codigo, ',') FROM conselho_medidas m WHERE m.atendimento_id = a.id) AS medidas
        FROM conselho_atendimentos a WHERE a.recebido_em >= ? AND a.recebido_em < ?"""
    return list(db.query(sql, [inicio, fim]))
