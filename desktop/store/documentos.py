"""Registro dos documentos emitidos (tabela ``documentos``): numeração, inclusão, buscas, cancelamento,
substituição e o PDF guardado de cada um (``documentos_pdf``).

Um documento emitido nunca é apagado (um gatilho recusa o DELETE): o erro se corrige cancelando,
com data, autor e motivo, e emitindo outro. Quando os fatos de que ele depende mudam (reabertura
da competência, nova via), é marcado substituído e ligado ao documento que o substitui.

O PDF vai para a tabela do seu ``dominio``: hoje todos em ``documentos_pdf`` da base cifrada; um
domínio guardado à parte (o caso do Conselho, em arquivo cifrado próprio) muda só ``_tabela_pdf``.
"""
from __future__ import annotations

import sqlite_utils

from . import sync_registro
from .linhas import um as _um

FAIXA = 1_000_000
"""Documentos de uma série (tipo e ano) que cada réplica numera: a sede de 1 a 1.000.000 (os contracheques
de um ano cabem com folga), a 1ª réplica de 1.000.001 a 2.000.000…"""


def proximo_numero(db: sqlite_utils.Database, tipo: str, ano: int) -> int:
    """O próximo número da série (tipo, ano); a numeração recomeça em 1 a cada ano. Numa réplica, dentro da
    faixa dela (duas máquinas nunca dão o mesmo número)."""
    return sync_registro.proximo_da_faixa(db, "documentos", "tipo = ? AND ano = ?", [tipo, ano], "este documento",
                                          tamanho=FAIXA)


def primeira_via(db: sqlite_utils.Database, tipo: str, referencia: str) -> dict | None:
    """O documento original (1ª via) mais recente do tipo com a referência dada."""
    return _um(db, "SELECT * FROM documentos WHERE tipo = ? AND referencia = ? AND via = 1 "
                   "ORDER BY emitido_em DESC LIMIT 1", [tipo, referencia])


def via_existe(db: sqlite_utils.Database, tipo: str, ano: int, numero: int, via: int) -> bool:
    return db.execute(
        "SELECT 1 FROM documentos WHERE tipo = ? AND ano = ? AND numero = ? AND via = ?",
        [tipo, ano, numero, via],
    ).fetchone() is not None


def codigo_existe(db: sqlite_utils.Database, codigo: str) -> bool:
    return db.execute("SELECT 1 FROM documentos WHERE codigo = ?", [codigo]).fetchone() is not None


def por_id(db: sqlite_utils.Database, id_: str) -> dict | None:
    return _um(db, "SELECT * FROM documentos WHERE id = ?", [id_])


def por_codigo(db: sqlite_utils.Database, codigo: str) -> dict | None:
    return _um(db, "SELECT * FROM documentos WHERE codigo = ?", [codigo])


def por_sha256(db: sqlite_utils.Database, sha256: str) -> dict | None:
    return _um(db, "SELECT * FROM documentos WHERE sha256 = ? ORDER BY emitido_em LIMIT 1",
               [sha256])


def listar(db: sqlite_utils.Database, *, tipo: str | None = None, ano: int | None = None,
           de: str | None = None, ate: str | None = None, texto: str | None = None,
           cancelados: bool | None = None, limite: int = 1000) -> list[dict]:
    """Documentos do mais recente ao mais antigo.

    ``de``/``ate``: limites ISO (UTC) de ``emitido_em``, ``ate`` exclusivo. ``texto`` procura no
    título, na referência, no código e em quem emitiu. ``cancelados``: True só os cancelados,
    False só os válidos (nem cancelados nem substituídos), None todos.
    """
    condicoes, params = [], []
    if tipo:
        condicoes.append("tipo = ?")
        params.append(tipo)
    if ano:
        condicoes.append("ano = ?")
        params.append(ano)
    if de:
        condicoes.append("emitido_em >= ?")
        params.append(de)
    if ate:
        condicoes.append("emitido_em < ?")
        params.append(ate)
    if texto:
        condicoes.append("(titulo LIKE ? OR coalesce(referencia, '') LIKE ? OR codigo LIKE ? "
                         "OR emitido_por LIKE ?)")
        params.extend([f"%{texto}%"] * 4)
    if cancelados is True:
        condicoes.append("cancelado_em IS NOT NULL")
    elif cancelados is False:
        condicoes.append("cancelado_em IS NULL AND substituido_em IS NULL")
    onde = f"WHERE {' AND '.join(condicoes)}" if condicoes else ""
    return list(db.query(
        f"SELECT * FROM documentos {onde} ORDER BY emitido_em DESC, numero DESC LIMIT ?",
        [*params, limite],
    ))


def tipos(db: sqlite_utils.Database) -> list[str]:
    """Os tipos que já foram emitidos nesta base (para o filtro da tela)."""
    return [r[0] for r in db.execute("SELECT DISTINCT tipo FROM documentos ORDER BY tipo")]


def marcar_cancelado(db: sqlite_utils.Database, id_: str, *, momento: str, por: str,
                     motivo: str) -> bool:
    """Cancela o documento, se ainda não cancelado; devolve se cancelou (o serviço: ``Mudanca.alterar_se``)."""
    return db.execute(
        "UPDATE documentos SET cancelado_em = ?, cancelado_por = ?, motivo_cancelamento = ? "
        "WHERE id = ? AND cancelado_em IS NULL",
        [momento, por, motivo, id_],
    ).rowcount > 0


# -- PDF guardado ------------------------------------------------------------------------------
DOMINIO_GERAL = "geral"


DOMINIOS_SIGILOSOS = {"conselho_caso"}


def _tem_sigilo(db: sqlite_utils.Database) -> bool:
    nomes = {linha[1] for linha in db.execute("PRAGMA database_list").fetchall()}
    return "sigilo" in nomes and db.execute(
        "SELECT 1 FROM sigilo.sqlite_master WHERE type = 'table' AND name = 'documentos_pdf'").fetchone() is not None


def _tabela_pdf(db: sqlite_utils.Database, dominio: str) -> str:
    """A tabela que guarda os PDFs do domínio: a do arquivo sigiloso anexado, quando ele a tem."""
    return "sigilo.documentos_pdf" if dominio in DOMINIOS_SIGILOSOS and _tem_sigilo(db) else "main.documentos_pdf"


def guardar_pdf(db: sqlite_utils.Database, documento_id: str, dominio: str, pdf: bytes) -> str:
    """Guarda o PDF; devolve o esquema onde ele ficou (``main`` ou ``sigilo``), para o diário."""
    tabela = _tabela_pdf(db, dominio)
    db.execute(f"INSERT INTO {tabela} (documento_id, dominio, pdf) VALUES (?, ?, ?)", [documento_id, dominio, pdf])
    return tabela.split(".")[0]


def pdf_de(db: sqlite_utils.Database, documento_id: str) -> bytes | None:
    """O PDF guardado do documento (None: emitido antes de o Paço guardar os PDFs, ou sigiloso sem a
    chave do domínio nesta sessão)."""
    tabelas = ["main.documentos_pdf"] + (["sigilo.documentos_pdf"] if _tem_sigilo(db) else [])
    for tabela in tabelas:
        linha = db.execute(f"SELECT pdf FROM {tabela} WHERE documento_id = ?", [documento_id]).fetchone()
        if linha:
            return bytes(linha[0])
    return None


def _tabela_receita(db: sqlite_utils.Database, dominio: str) -> str:
    return _tabela_pdf(db, dominio).replace("documentos_pdf", "documentos_receitas")


def guardar_receita(db: sqlite_utils.Database, documento_id: str, dominio: str, receita: str) -> None:
    """Os dados (JSON) de que o documento foi montado, no mesmo domínio do PDF (nova via igual)."""
    db.execute(f"INSERT INTO {_tabela_receita(db, dominio)} (documento_id, receita) VALUES (?, ?)",
               [documento_id, receita])


def receita_de(db: sqlite_utils.Database, documento_id: str) -> str | None:
    tabelas = ["main.documentos_receitas"] + (["sigilo.documentos_receitas"] if _tem_sigilo(db) else [])
    for tabela in tabelas:
        linha = db.execute(f"SELECT receita FROM {tabela} WHERE documento_id = ?", [documento_id]).fetchone()
        if linha:
            return linha[0]
    return None


# -- substituição ------------------------------------------------------------------------------
def validos_do_assunto(db: sqlite_utils.Database, prefixo: str) -> list[dict]:
    """Documentos ainda válidos (nem cancelados nem substituídos) cujo assunto começa com ``prefixo``."""
    return list(db.query("SELECT * FROM documentos WHERE (assunto = ? OR assunto LIKE ? ESCAPE '\\') "
                         "AND cancelado_em IS NULL AND substituido_em IS NULL ORDER BY emitido_em",
                         [prefixo, _sem_curinga(prefixo) + ":%"]))


def do_assunto(db: sqlite_utils.Database, prefixo: str, limite: int = 200) -> list[dict]:
    """Todos os documentos (válidos, substituídos, cancelados) cujo assunto começa com ``prefixo``,
    do mais recente ao mais antigo."""
    return list(db.query("SELECT * FROM documentos WHERE (assunto = ? OR assunto LIKE ? ESCAPE '\\') "
                         "ORDER BY emitido_em DESC, via DESC LIMIT ?", [prefixo, _sem_curinga(prefixo) + ":%", limite]))


def vias(db: sqlite_utils.Database, tipo: str, ano: int, numero: int) -> list[dict]:
    """As vias de um documento (mesmo tipo, número e ano), da 1ª à última."""
    return list(db.query("SELECT * FROM documentos WHERE tipo = ? AND ano = ? AND numero = ? ORDER BY via",
                         [tipo, ano, numero]))


def _sem_curinga(texto: str) -> str:
    return texto.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def marcar_substituido(db: sqlite_utils.Database, id_: str, *, momento: str, por: str, motivo: str,
                       substituto_id: str | None = None) -> bool:
    """Marca o documento substituído, se ainda válido; devolve se marcou (o serviço: ``Mudanca.alterar_se``)."""
    return db.execute(
        "UPDATE documentos SET substituido_em = ?, substituido_por = ?, motivo_substituicao = ?, "
        "substituto_id = ? WHERE id = ? AND substituido_em IS NULL AND cancelado_em IS NULL",
        [momento, por, motivo, substituto_id, id_],
    ).rowcount > 0


def sem_substituto(db: sqlite_utils.Database, tipo: str, assunto: str) -> list[dict]:
    """Substituídos do mesmo tipo e assunto que ainda esperam o documento novo."""
    return list(db.query(
        "SELECT * FROM documentos WHERE tipo = ? AND assunto = ? "
        "AND substituido_em IS NOT NULL AND substituto_id IS NULL", [tipo, assunto]))


def ligar_substituto(db: sqlite_utils.Database, id_: str, substituto_id: str) -> bool:
    """Liga o substituído ao documento que o substitui, se ainda sem substituto; devolve se ligou."""
    return db.execute("UPDATE documentos SET substituto_id = ? WHERE id = ? AND substituto_id IS NULL",
                      [substituto_id, id_]).rowcount > 0


# -- chaves Ed25519 --------------------------------------------------------------------------
def chave_atual(db: sqlite_utils.Database, emissor_id: str = "orgao") -> dict | None:
    return _um(db, "SELECT * FROM documentos_chaves WHERE emissor_id = ? ORDER BY criada_em DESC LIMIT 1",
               [emissor_id])


def chaves(db: sqlite_utils.Database) -> list[dict]:
    """Todas as chaves desta base (de todos os emissores)."""
    return list(db.query("SELECT * FROM documentos_chaves ORDER BY criada_em"))


def substituidos_por(db: sqlite_utils.Database, substituto_id: str) -> list[dict]:
    return list(db.query("SELECT * FROM documentos WHERE substituto_id = ? AND cancelado_em IS NULL",
                         [substituto_id]))


def desfazer_substituicao(db: sqlite_utils.Database, id_: str) -> bool:
    """O substituto foi cancelado por erro: o documento anterior volta a valer. Devolve se achou o documento."""
    return db.execute("UPDATE documentos SET substituido_em = NULL, substituido_por = NULL, motivo_substituicao = "
                      "NULL, substituto_id = NULL WHERE id = ?", [id_]).rowcount > 0


def ancoras(db: sqlite_utils.Database) -> list[tuple]:
    """(título, número, ano, via, seq e hash da âncora geral, seq e hash da sigilosa) dos documentos que
    levam âncora do diário."""
    return db.execute(
        "SELECT titulo, numero, ano, via, ancora_seq, ancora_hash, ancora_sigilo_seq, ancora_sigilo_hash "
        "FROM documentos WHERE ancora_seq IS NOT NULL OR ancora_sigilo_seq IS NOT NULL").fetchall()
