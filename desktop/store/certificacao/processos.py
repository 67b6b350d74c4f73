"""Processos de certificação na base: etapas registradas, avaliações, recursos, emissões e contagens."""
from __future__ import annotations

import json

from ..linhas import um

_PROCESSO = ("SELECT pr.*, p.nome, p.cpf, p.nascimento, t.escolaridade, o.titulo AS oferta, o.ppcp_id, "
             "pp.perfil, pp.tipo, pp.curso_id, c.nome AS curso, c.unidade_id, u.nome AS unidade "
             "FROM cert_processos pr JOIN cert_trabalhadores t ON t.id = pr.trabalhador_id "
             "JOIN pessoas p ON p.id = t.pessoa_id JOIN cert_ofertas o ON o.id = pr.oferta_id "
             "JOIN cert_ppcps pp ON pp.id = o.ppcp_id JOIN cert_cursos c ON c.id = pp.curso_id "
             "JOIN unidades u ON u.id = c.unidade_id")


def processo(db, processo_id: str) -> dict | None:
    return um(db, _PROCESSO + " WHERE pr.id = ?", [processo_id])


def processos(db, *, etapa: str | None = None, texto: str | None = None, situacao: str | None = None) -> list[dict]:
    """Processos filtrados pela etapa, pela situação e por um texto (nome, CPF com ou sem pontos, curso, perfil)."""
    cond, args = [], []
    if etapa:
        cond.append("pr.etapa = ?")
        args.append(etapa)
    if situacao:
        cond.append("pr.situacao = ?")
        args.append(situacao)
    if texto and texto.strip():
        digitos = "".join(ch for ch in texto if ch.isdigit())
        cond.append("(p.nome LIKE ? OR c.nome LIKE ? OR pp.perfil LIKE ?" + (" OR p.cpf LIKE ?)" if digitos else ")"))
        args += [f"%{texto.strip()}%"] * 3 + ([f"%{digitos}%"] if digitos else [])
    onde = f" WHERE {' AND '.join(cond)}" if cond else ""
    return list(db.query(_PROCESSO + onde + " ORDER BY p.nome", args))


def etapas(db, processo_id: str) -> list[dict]:
    # Ordem do art. 24 (não a do relógio: duas etapas podem ser registradas no mesmo instante).
    linhas = list(db.query("SELECT * FROM cert_etapas WHERE processo_id = ? ORDER BY CASE etapa "
                           "WHEN 'inscricao' THEN 1 WHEN 'acolhimento' THEN 2 WHEN 'matricula' THEN 3 "
                           "WHEN 'avaliacao' THEN 4 WHEN 'certificacao' THEN 5 ELSE 6 END", [processo_id]))
    for l in linhas:
        l["dados"] = json.loads(l["dados"])
    return linhas


def avaliacoes(db, processo_id: str) -> list[dict]:
    return list(db.query(
        "SELECT c.id AS competencia_id, c.ordem, c.nome, c.componente, c.carga_horaria, a.reconhecida, a.observacao "
        "FROM cert_processos pr JOIN cert_ofertas o ON o.id = pr.oferta_id "
        "JOIN cert_competencias c ON c.ppcp_id = o.ppcp_id "
        "LEFT JOIN cert_avaliacoes a ON a.processo_id = pr.id AND a.competencia_id = c.id "
        "WHERE pr.id = ? ORDER BY c.ordem", [processo_id]))


def recursos(db, processo_id: str) -> list[dict]:
    return list(db.query("SELECT * FROM cert_recursos WHERE processo_id = ? ORDER BY interposto_em", [processo_id]))


def emissoes(db, processo_id: str | None = None) -> list[dict]:
    sql = ("SELECT e.*, d.codigo, d.numero, d.ano, d.titulo, d.emitido_em, d.emitido_por, d.cancelado_em, "
           "d.motivo_cancelamento, d.substituido_em, d.motivo_substituicao FROM cert_emissoes e "
           "JOIN documentos d ON d.id = e.documento_id")
    if processo_id:
        return list(db.query(sql + " WHERE e.processo_id = ? ORDER BY e.criado_em", [processo_id]))
    return list(db.query(sql + " ORDER BY e.criado_em DESC"))


def emissao(db, emissao_id: str) -> dict | None:
    return um(db, "SELECT e.*, d.codigo, d.cancelado_em FROM cert_emissoes e JOIN documentos d "
                  "ON d.id = e.documento_id WHERE e.id = ?", [emissao_id])


def vias(db, tipo_documento: str, numero_registro: int) -> list[dict]:
    return list(db.query("SELECT e.via, e.referencia, d.codigo, d.cancelado_em, d.id AS documento_id, "
                         "d.substituido_em, d.motivo_cancelamento FROM cert_emissoes e "
                         "JOIN documentos d ON d.id = e.documento_id WHERE e.tipo_documento = ? "
                         "AND e.numero_registro = ? ORDER BY e.via", [tipo_documento, numero_registro]))


def proximo_registro(db, tipo_documento: str) -> int:
    return db.execute("SELECT coalesce(max(numero_registro), 0) + 1 FROM cert_emissoes WHERE tipo_documento = ?",
                      [tipo_documento]).fetchone()[0]


def contagens(db, de: str | None = None, ate: str | None = None) -> list[dict]:
    """Processos por perfil, tipo, etapa, situação e resultado, inscritos no período (ISO, inclusivo)."""
    cond, args = [], []
    if de:
        cond.append("pr.inscrito_em >= ?")
        args.append(de)
    if ate:
        cond.append("pr.inscrito_em <= ?")
        args.append(ate)
    onde = f" WHERE {' AND '.join(cond)}" if cond else ""
    return list(db.query(
        "SELECT pp.perfil, pp.tipo, pr.etapa, pr.situacao, coalesce(pr.resultado, '') AS resultado, "
        "count(*) AS n FROM cert_processos pr JOIN cert_ofertas o ON o.id = pr.oferta_id "
        f"JOIN cert_ppcps pp ON pp.id = o.ppcp_id{onde} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 3", args))


def codigos_sistec(db) -> dict[tuple[str, str], str]:
    return {(r["tipo"], r["referencia_id"]): r["codigo"] for r in db.query("SELECT * FROM cert_sistec_codigos")}


def referencias_sistec(db) -> list[dict]:
    """Unidades certificadoras, cursos e ofertas (ciclos), com o código do Sistec já preenchido ou vazio."""
    return list(db.query(
        "SELECT 'unidade' AS tipo, u.id AS referencia_id, u.nome AS nome, s.codigo FROM cert_unidades cu "
        "JOIN unidades u ON u.id = cu.unidade_id LEFT JOIN cert_sistec_codigos s ON s.tipo = 'unidade' "
        "AND s.referencia_id = u.id UNION ALL "
        "SELECT 'curso', c.id, c.nome, s.codigo FROM cert_cursos c LEFT JOIN cert_sistec_codigos s "
        "ON s.tipo = 'curso' AND s.referencia_id = c.id UNION ALL "
        "SELECT 'ciclo', o.id, o.titulo, s.codigo FROM cert_ofertas o LEFT JOIN cert_sistec_codigos s "
        "ON s.tipo = 'ciclo' AND s.referencia_id = o.id ORDER BY 1 DESC, 3"))


def inscrito_na_oferta(db, trabalhador_id: str, oferta_id: str) -> bool:
    """O trabalhador já tem processo nesta oferta?"""
    return um(db, "SELECT 1 AS x FROM cert_processos WHERE trabalhador_id = ? AND oferta_id = ?",
              [trabalhador_id, oferta_id]) is not None


def ids_processos_do_trabalhador(db, trabalhador_id: str) -> list[str]:
    return [r[0] for r in db.execute("SELECT id FROM cert_processos WHERE trabalhador_id = ?", [trabalhador_id])]


def ids_processos_do_curso(db, curso_id: str) -> list[str]:
    """Os processos das ofertas dos PPCPs do curso de referência."""
    return [r[0] for r in db.execute(
        "SELECT pr.id FROM cert_processos pr JOIN cert_ofertas o ON o.id = pr.oferta_id "
        "JOIN cert_ppcps pp ON pp.id = o.ppcp_id WHERE pp.curso_id = ?", [curso_id])]


def ids_processos_do_ppcp(db, ppcp_id: str) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT pr.id FROM cert_processos pr JOIN cert_ofertas o ON o.id = pr.oferta_id WHERE o.ppcp_id = ?",
        [ppcp_id])]


def ids_processos_da_instituicao(db, instituicao_id: str) -> list[str]:
    """Os processos dos cursos das unidades certificadoras da instituição."""
    return [r[0] for r in db.execute(
        "SELECT pr.id FROM cert_processos pr JOIN cert_ofertas o ON o.id = pr.oferta_id "
        "JOIN cert_ppcps pp ON pp.id = o.ppcp_id JOIN cert_cursos c ON c.id = pp.curso_id "
        "JOIN cert_unidades u ON u.unidade_id = c.unidade_id WHERE u.instituicao_id = ?", [instituicao_id])]


def processo_linha(db, processo_id: str) -> dict | None:
    """A linha de ``cert_processos`` como gravada (sem as junções de ``processo``), ou None."""
    return um(db, "SELECT * FROM cert_processos WHERE id = ?", [processo_id])


def recurso(db, recurso_id: str) -> dict | None:
    return um(db, "SELECT * FROM cert_recursos WHERE id = ?", [recurso_id])


def competencias_avaliadas(db, ppcp_id: str) -> set[str]:
    """Ids das competências do PPCP que já têm avaliação em algum processo."""
    return {r[0] for r in db.execute(
        "SELECT DISTINCT a.competencia_id FROM cert_avaliacoes a JOIN cert_competencias c ON c.id = a.competencia_id "
        "WHERE c.ppcp_id = ?", [ppcp_id])}


def reconhecer_competencia(db, processo_id: str, competencia_id: str) -> list[str]:
    """Marca a competência como reconhecida na avaliação do processo; devolve os ids das avaliações alteradas."""
    ids = [r[0] for r in db.execute("SELECT id FROM cert_avaliacoes WHERE processo_id = ? AND competencia_id = ?",
                                    [processo_id, competencia_id])]
    db.execute("UPDATE cert_avaliacoes SET reconhecida = 1 WHERE processo_id = ? AND competencia_id = ?",
               [processo_id, competencia_id])
    return ids


def gravar_sistec_do_processo(db, processo_id: str, codigo: str) -> None:
    """O código do Sistec do aluno no processo (o diário o leva com a etapa de certificação)."""
    db.execute("UPDATE cert_processos SET sistec_codigo = ? WHERE id = ?", [codigo, processo_id])


def id_codigo_sistec(tipo: str, referencia_id: str) -> str:
    """O id da linha do código do Sistec: a própria chave (migração 0027), igual em toda réplica."""
    return f"{tipo}:{referencia_id}"
