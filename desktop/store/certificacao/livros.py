"""Livros de registro da Certificação na base: livros por emissor e tipo, registros (número, folha, data)."""
from __future__ import annotations

from ..linhas import um


def livro(db, livro_id: str) -> dict | None:
    return um(db, "SELECT * FROM cert_livros WHERE id = ?", [livro_id])


def livro_aberto(db, emissor_id: str, tipo_documento: str) -> dict | None:
    return um(db, "SELECT * FROM cert_livros WHERE emissor_id = ? AND tipo_documento = ? AND encerrado_em IS NULL "
                  "ORDER BY numero LIMIT 1", [emissor_id, tipo_documento])


def ha_livro(db, emissor_id: str, tipo_documento: str) -> bool:
    return db.execute("SELECT 1 FROM cert_livros WHERE emissor_id = ? AND tipo_documento = ?",
                      [emissor_id, tipo_documento]).fetchone() is not None


def proximo_numero_livro(db, emissor_id: str) -> int:
    return db.execute("SELECT coalesce(max(numero), 0) + 1 FROM cert_livros WHERE emissor_id = ?",
                      [emissor_id]).fetchone()[0]


def ultima_folha(db, livro_id: str) -> int:
    return db.execute("SELECT coalesce(max(folha), 0) FROM cert_registros WHERE livro_id = ?", [livro_id]).fetchone()[0]


def proximo_numero_registro(db) -> int:
    return db.execute("SELECT coalesce(max(numero), 0) + 1 FROM cert_registros").fetchone()[0]


def livros(db) -> list[dict]:
    return list(db.query("SELECT l.*, (SELECT count(*) FROM cert_registros r WHERE r.livro_id = l.id) AS usadas "
                         "FROM cert_livros l ORDER BY l.emissor_id, l.numero"))


def registros(db, livro_id: str) -> list[dict]:
    """Os registros do livro, folha a folha, com o titular e o curso."""
    return list(db.query(
        "SELECT r.*, p.nome, p.cpf, pp.perfil, c.nome AS curso FROM cert_registros r "
        "JOIN cert_processos pr ON pr.id = r.processo_id JOIN cert_trabalhadores t ON t.id = pr.trabalhador_id "
        "JOIN pessoas p ON p.id = t.pessoa_id JOIN cert_ofertas o ON o.id = pr.oferta_id "
        "JOIN cert_ppcps pp ON pp.id = o.ppcp_id JOIN cert_cursos c ON c.id = pp.curso_id "
        "WHERE r.livro_id = ? ORDER BY r.folha", [livro_id]))


def registro(db, registro_id: str) -> dict | None:
    """O lançamento no livro (número, folha, data do registro), ou None."""
    return um(db, "SELECT * FROM cert_registros WHERE id = ?", [registro_id])
