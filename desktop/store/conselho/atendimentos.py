"""Atendimentos no arquivo sigiloso: número do ano, leitura completa, lista, busca (FTS5), prazos e relatório.

``busca_rowid`` é a chave de ordem do caso (``chave_de_ordem``: minuto do recebimento e número), e
também o rowid da linha dele no índice de busca. Assim a ordem da tela (mais recentes primeiro) é a
ordem dos rowids: a busca percorre o FTS5 do rowid maior para o menor e para na página pedida (sem
juntar e ordenar todos os achados), a lista percorre o índice único de ``busca_rowid``, e regravar a
linha de busca de um caso é um DELETE pelo rowid (sem varredura).
"""
from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
import weakref
from contextlib import contextmanager
from datetime import datetime

import sqlite_utils

from .. import sync_registro
from ..linhas import um

FILHAS = ("conselho_criancas", "conselho_familiares", "conselho_violacoes", "conselho_decisoes",
          "conselho_medidas", "conselho_requisicoes", "conselho_encaminhamentos", "conselho_acompanhamentos",
          "conselho_impedimentos", "conselho_emendas")
_ORDEM = {"conselho_decisoes": "decidida_em", "conselho_requisicoes": "emitida_em",
          "conselho_encaminhamentos": "encaminhado_em", "conselho_acompanhamentos": "registrado_em",
          "conselho_impedimentos": "declarado_em", "conselho_medidas": "aplicada_em",
          "conselho_emendas": "momento"}


RETIRAVEIS = ("conselho_criancas", "conselho_familiares", "conselho_violacoes")
"""Linhas que uma emenda retira do caso (registradas por engano) sem apagar: ``removido_em`` preenchido."""

FAIXA = 10_000
"""Atendimentos por ano que cada réplica numera (a sede de 1 a 10.000, a 1ª réplica de 10.001 a 20.000…):
cabe nos 20 bits do número na chave de ordem até a 99ª réplica."""


def proximo_numero(db: sqlite_utils.Database, ano: int) -> int:
    """O próximo número do ano; numa réplica, dentro da faixa dela (duas máquinas nunca dão o mesmo)."""
    return sync_registro.proximo_da_faixa(db, "conselho_atendimentos", "ano = ?", [ano], "os atendimentos",
                                          tamanho=FAIXA)


_EPOCA = datetime(1900, 1, 1)
_BITS_NUMERO = 20  # até 1.048.575 registros por ano


def chave_de_ordem(recebido: datetime, numero: int) -> int:
    """A ordem da lista como um inteiro: (minutos desde 1900 << 20) + número do ano. Maior = mais recente;
    no mesmo minuto, o número maior. Única porque (ano, número) é único e o minuto determina o ano."""
    if not 0 < numero < 1 << _BITS_NUMERO:
        raise ValueError(f"número de atendimento fora do limite: {numero}")
    minutos = int((recebido.replace(second=0, microsecond=0, tzinfo=None) - _EPOCA).total_seconds()) // 60
    return (minutos << _BITS_NUMERO) + numero


def linha_do_caso(db: sqlite_utils.Database, tabela: str, id_: str) -> dict | None:
    """A linha ``id_`` do atendimento ou de uma tabela de caso (criança, familiar, decisão, requisição…)."""
    if tabela not in FILHAS and tabela != "conselho_atendimentos":
        raise ValueError(f"tabela de caso desconhecida: {tabela}")
    return um(db, f"SELECT * FROM {tabela} WHERE id = ?", [id_])


def atendimento(db: sqlite_utils.Database, atendimento_id: str) -> dict | None:
    """Só a linha do atendimento (sem as listas de ``completo``)."""
    return linha_do_caso(db, "conselho_atendimentos", atendimento_id)


def criancas_vigentes(db: sqlite_utils.Database, atendimento_id: str) -> list[str]:
    """Os ids das crianças do caso que não foram retiradas, na ordem em que foram gravadas."""
    return [r[0] for r in db.execute("SELECT id FROM conselho_criancas WHERE atendimento_id = ? "
                                     "AND removido_em IS NULL ORDER BY rowid", [atendimento_id]).fetchall()]


def nascimentos_vigentes(db: sqlite_utils.Database, atendimento_id: str, sem: str | None = None) -> list[str | None]:
    """Os nascimentos das crianças do caso que não foram retiradas (menos a criança ``sem``)."""
    return [r[0] for r in db.execute(
        "SELECT nascimento FROM conselho_criancas WHERE atendimento_id = ? AND removido_em IS NULL AND id <> ?",
        [atendimento_id, sem or ""]).fetchall()]


def violacoes_vigentes(db: sqlite_utils.Database, atendimento_id: str) -> list[dict]:
    """O ``especifico`` (SIPIA CT) de cada violação do caso que não foi retirada."""
    return list(db.query("SELECT especifico FROM conselho_violacoes WHERE atendimento_id = ? "
                         "AND removido_em IS NULL", [atendimento_id]))


def crianca_com_medida(db: sqlite_utils.Database, crianca_id: str) -> bool:
    return um(db, "SELECT id FROM conselho_medidas WHERE crianca_id = ?", [crianca_id]) is not None


def ordem_ocupada(db: sqlite_utils.Database, busca_rowid: int, exceto: str) -> bool:
    """Se outro caso já tem essa chave de ordem (``busca_rowid``)."""
    return um(db, "SELECT id FROM conselho_atendimentos WHERE busca_rowid = ? AND id <> ?",
              [busca_rowid, exceto]) is not None


def tirar_da_busca(db: sqlite_utils.Database, busca_rowid: int) -> None:
    """Apaga a linha do caso no índice de busca (antes de mudar a sua chave de ordem)."""
    db.execute("DELETE FROM conselho_busca WHERE rowid = ?", [busca_rowid])


def emendas(db: sqlite_utils.Database, atendimento_id: str) -> list[dict]:
    """O histórico de emendas do caso, da mais antiga à mais recente (antes e depois em JSON)."""
    return list(db.query("SELECT * FROM conselho_emendas WHERE atendimento_id = ? ORDER BY momento, rowid",
                         [atendimento_id]))


def existe(db: sqlite_utils.Database, atendimento_id: str) -> bool:
    return db.execute("SELECT 1 FROM conselho_atendimentos WHERE id = ?", [atendimento_id]).fetchone() is not None


def atendimento_da_filha(db: sqlite_utils.Database, tabela: str, id_: str) -> str | None:
    """O atendimento de uma linha filha (criança, familiar…) que ainda existe, ou None."""
    if tabela not in FILHAS:
        raise ValueError(f"tabela de caso desconhecida: {tabela}")
    linha = db.execute(f"SELECT atendimento_id FROM {tabela} WHERE id = ?", [id_]).fetchone()
    return linha[0] if linha else None


def _dicionarios(db: sqlite_utils.Database, sql: str, params: list) -> list[dict]:
    """As linhas da consulta como dicionários, direto do cursor: ``db.query`` abre e fecha um SAVEPOINT por
    consulta, e ``completo`` faz onze a cada caso gravado ou aberto (issue 16, meta 3)."""
    cursor = db.conn.execute(sql, params)
    nomes = [d[0] for d in cursor.description]
    return [dict(zip(nomes, linha)) for linha in cursor.fetchall()]


def completo(db: sqlite_utils.Database, atendimento_id: str, *, vazias: frozenset[str] = frozenset()) -> dict | None:
    """O atendimento com as listas de crianças, família, violações, decisões, medidas etc.

    ``vazias``: tabelas filhas que quem chama sabe sem linhas do caso (o caso que acabou de gravar): vêm como
    lista vazia sem consulta."""
    linhas = _dicionarios(db, "SELECT * FROM conselho_atendimentos WHERE id = ?", [atendimento_id])
    if not linhas:
        return None
    a = linhas[0]
    for t in FILHAS:
        if t in vazias:
            a[t.removeprefix("conselho_")] = []
            continue
        ordem = _ORDEM.get(t, "rowid")
        vigentes = " AND removido_em IS NULL" if t in RETIRAVEIS else ""  # retirados por emenda: só no histórico
        a[t.removeprefix("conselho_")] = _dicionarios(
            db, f"SELECT * FROM {t} WHERE atendimento_id = ?{vigentes} ORDER BY {ordem}", [atendimento_id])
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
        "SELECT nome FROM conselho_criancas WHERE atendimento_id = ? AND removido_em IS NULL UNION ALL "
        "SELECT nome FROM conselho_familiares WHERE atendimento_id = ? AND removido_em IS NULL",
        [atendimento_id, atendimento_id]).fetchall()]
    rowid, bairro = db.execute("SELECT busca_rowid, bairro FROM conselho_atendimentos WHERE id = ?",
                               [atendimento_id]).fetchone()
    tirar_da_busca(db, rowid)
    db.execute("INSERT INTO conselho_busca (rowid, nomes, bairro) VALUES (?, ?, ?)", [rowid, " ".join(nomes), bairro])


def indexar_novo(db: sqlite_utils.Database, busca_rowid: int, nomes: list[str], bairro: str) -> None:
    """A linha de busca de um atendimento que a transação acabou de gravar, com os nomes (crianças e depois a
    família, na ordem gravada) e o bairro que ela gravou: a mesma linha de ``indexar``, sem reler o caso nem
    apagar uma linha anterior (não há: a chave de ordem é nova e única) — o DELETE no FTS5 lê o conteúdo
    guardado para tirar os termos (issue 16, meta 3)."""
    db.execute("INSERT INTO conselho_busca (rowid, nomes, bairro) VALUES (?, ?, ?)", [busca_rowid, " ".join(nomes), bairro])


def expressao_fts(texto: str, termos: list[str] | None = None) -> str | None:
    """Palavras do usuário como prefixos FTS5 ("ana sil" → "ana"* "sil"*), sem operadores; None sem palavra.

    Com ``termos`` (o vocabulário do índice, em ordem, de ``preparar_termos``), cada palavra vira os termos que
    começam com ela ("costa" → ("costa" OR "costinha")), e "" se alguma não começa termo algum (nada a achar). O
    mesmo conjunto de casos: o FTS5 acha um prefixo juntando por inteiro as listas de todos os casos de cada termo
    que o casa (milhares num sobrenome comum: 3-6 ms a 100.000 casos, mesmo com as páginas no cache; issue 16,
    meta 3), e os termos exatos ele percorre do caso mais recente para trás, parando ao completar a página. Uma
    palavra que a regra de dobra não cobre com certeza (``_dobrar``) ou que casa muitos termos fica prefixo."""
    palavras = re.findall(r"\w+", texto or "")
    if not palavras:
        return None
    if termos is None:
        return " ".join(f'"{p}"*' for p in palavras)
    partes = []
    for p in palavras:
        achados = _expandir(p, termos)
        if achados is None:
            partes.append(f'"{p}"*')
        elif not achados:
            return ""
        else:
            partes.append("(" + " OR ".join(f'"{t}"' for t in achados) + ")")
    return " AND ".join(partes)


_LETRAS_SEGURAS = frozenset("áàâãäéèêëíìîïóòôõöúùûüçñýÿÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑÝ")
_MAX_TERMOS = 64  # termos por palavra expandida; passando disso, a palavra fica prefixo (o FTS5 junta as listas)


def _dobrar(palavra: str) -> str | None:
    """A palavra como o tokenizador do índice (``unicode61 remove_diacritics 2``) a guarda — minúsculas, sem
    acento —, só quando isso é certo: letras e algarismos ASCII e as letras acentuadas do português (e do
    espanhol); qualquer outra (ligaduras, ß, outras escritas), None — a palavra fica prefixo do FTS5."""
    if not all((c.isascii() and c.isalnum()) or c in _LETRAS_SEGURAS for c in palavra):
        return None
    sem = "".join(c for c in unicodedata.normalize("NFKD", palavra) if not unicodedata.combining(c)).lower()
    return sem if sem.isascii() and sem.isalnum() else None


def _expandir(palavra: str, termos: list[str]) -> list[str] | None:
    """Os termos do vocabulário que começam com a palavra (dobrada), ou None se ela fica prefixo."""
    dobrada = _dobrar(palavra)
    if dobrada is None:
        return None
    inicio = bisect.bisect_left(termos, dobrada)
    achados = []
    for termo in itertools.islice(termos, inicio, inicio + _MAX_TERMOS + 1):
        if not termo.startswith(dobrada):
            break
        achados.append(termo)
    return None if len(achados) > _MAX_TERMOS else achados


_ESTRUTURA_FTS5 = 10  # o rowid do registro de estrutura do índice FTS5 em ``<tabela>_data`` (FTS5_STRUCTURE_ROWID)
_VOCABULARIO = "paco_busca_termos"  # a tabela fts5vocab, no esquema temp da conexão (só a definição; nada gravado)
_termos: "weakref.WeakKeyDictionary[sqlite_utils.Database, tuple[str, bytes, list[str]]]" = weakref.WeakKeyDictionary()
"""Por conexão: (esquema, registro de estrutura do índice quando o vocabulário foi lido, vocabulário em ordem)."""


def _estrutura(db: sqlite_utils.Database, esquema: str) -> bytes | None:
    linha = db.conn.execute(f"SELECT block FROM {esquema}.conselho_busca_data WHERE id = ?",
                            [_ESTRUTURA_FTS5]).fetchone()
    return None if linha is None else bytes(linha[0])


def preparar_termos(db: sqlite_utils.Database, esquema: str) -> int:
    """Lê o vocabulário do índice de busca (``fts5vocab``) e o guarda nesta conexão, com o registro de estrutura do
    índice lido na mesma transação: ``listar`` expande as palavras por ele enquanto o registro continuar o mesmo (o
    FTS5 o reescreve a cada gravação no índice — o contador de escritas dele só cresce). Devolve quantos termos."""
    conexao = db.conn
    guardado = _termos.get(db)
    with _leitura(conexao):
        if guardado is not None and guardado[0] == esquema and _estrutura(db, esquema) == guardado[1]:
            return len(guardado[2])  # o índice não mudou desde a última leitura: o mesmo vocabulário
    conexao.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_VOCABULARIO} USING fts5vocab({esquema}, conselho_busca, row)")
    with _leitura(conexao):
        estrutura = _estrutura(db, esquema)
        termos = [t for (t,) in conexao.execute(f"SELECT term FROM temp.{_VOCABULARIO} ORDER BY term")]
    if estrutura is None:
        _termos.pop(db, None)
        return 0
    _termos[db] = (esquema, estrutura, termos)
    return len(termos)


def _termos_valendo(db: sqlite_utils.Database) -> list[str] | None:
    """O vocabulário guardado nesta conexão, se o índice não mudou desde que foi lido (chamado dentro da
    transação da consulta); senão None (e é esquecido)."""
    guardado = _termos.get(db)
    if guardado is None:
        return None
    esquema, estrutura, termos = guardado
    if _estrutura(db, esquema) != estrutura:
        _termos.pop(db, None)
        return None
    return termos


@contextmanager
def _leitura(conexao):
    """Uma transação de leitura (o mesmo retrato da base para as consultas de dentro), se não há uma em curso."""
    if conexao.in_transaction:
        yield
        return
    conexao.execute("BEGIN")
    try:
        yield
    finally:
        conexao.execute("COMMIT")


_LISTA = ("SELECT a.id, a.numero, a.ano, a.tipo, a.recebido_em, a.bairro, a.situacao, a.plantao, a.busca_rowid AS ordem, "
          "(SELECT group_concat(nome, '; ') FROM conselho_criancas c WHERE c.atendimento_id = a.id "
          "AND c.removido_em IS NULL) AS criancas "
          "FROM {origem}")


def listar(db: sqlite_utils.Database, *, busca: str | None = None, campo: str = "nomes",
           situacao: str | None = None, excluir_de: str | None = None, limite: int = 200,
           deslocamento: int = 0, apos: int | None = None) -> list[dict]:
    """Página da lista (mais recentes primeiro). ``busca``: texto em ``campo`` ('nomes' ou 'bairro');
    ``excluir_de``: id do conselheiro impedido, cujos casos não aparecem. Cada linha traz ``ordem`` (a chave de
    ordem, ``busca_rowid``); ``apos``: a ``ordem`` da última linha já vista — a página seguinte começa logo depois
    dela (por chave: o SQLite desce o índice a partir dali, sem contar as linhas de antes como o ``deslocamento``,
    que na página 50 lia e descartava 10.000 casos; a chave é única, então dois casos do mesmo minuto não se
    repetem nem se pulam). Com o vocabulário do índice guardado nesta conexão (``preparar_termos``), a busca
    expande as palavras por ele (``expressao_fts``)."""
    if busca:
        with _leitura(db.conn):  # o vocabulário conferido e a consulta no mesmo retrato do índice
            return _listar(db, busca=busca, campo=campo, situacao=situacao, excluir_de=excluir_de, limite=limite,
                           deslocamento=deslocamento, apos=apos, termos=_termos_valendo(db))
    return _listar(db, busca=None, campo=campo, situacao=situacao, excluir_de=excluir_de, limite=limite,
                   deslocamento=deslocamento, apos=apos, termos=None)


def _listar(db, *, busca, campo, situacao, excluir_de, limite, deslocamento, apos, termos) -> list[dict]:
    onde, args, origem, ordem, chave = [], [], "conselho_atendimentos a", "a.busca_rowid DESC", "a.busca_rowid"
    if busca:
        expr = expressao_fts(busca, termos)
        if not expr:  # sem palavra, ou uma palavra que não começa termo algum do índice
            return []
        coluna = "bairro" if campo == "bairro" else "nomes"
        # O FTS vem primeiro e na ordem dos rowids (a da tela): o SQLite para ao completar a página.
        origem = "conselho_busca b JOIN conselho_atendimentos a ON a.busca_rowid = b.rowid"
        onde.append("conselho_busca MATCH ?")
        args.append(f"{coluna} : ({expr})")
        ordem, chave = "b.rowid DESC", "b.rowid"
    if apos is not None:  # o FTS5 também começa do rowid pedido (restrição de rowid com MATCH)
        onde.append(f"{chave} < ?")
        args.append(apos)
    if situacao:
        onde.append("a.situacao = ?")
        args.append(situacao)
    if excluir_de:
        onde.append("a.id NOT IN (SELECT atendimento_id FROM conselho_impedimentos WHERE conselheiro_id = ?)")
        args.append(excluir_de)
    sql = _LISTA.format(origem=origem) + (" WHERE " + " AND ".join(onde) if onde else "")
    sql += f" ORDER BY {ordem} LIMIT ? OFFSET ?"
    return list(db.query(sql, args + [limite, deslocamento]))


_AQUECER = (
    # as linhas de cada caso e das suas crianças (o que cada linha da lista mostra; ``situacao`` e ``plantao`` vêm
    # depois do relato, e ler as duas traz a linha inteira)...
    "SELECT count(situacao), count(plantao) FROM {e}.conselho_atendimentos",
    "SELECT count(nome), count(removido_em) FROM {e}.conselho_criancas",
    # ...os índices por onde a busca chega a elas (a chave de ordem; as crianças do caso)...
    "SELECT count(*) FROM {e}.conselho_atendimentos WHERE busca_rowid >= -9223372036854775808",
    "SELECT count(*) FROM {e}.conselho_criancas WHERE atendimento_id >= ''",
    # ...e o índice de busca (FTS5): cada bloco passa do tamanho da página (o resto vai para páginas de transbordo),
    # e o último byte de cada um o lê até o fim
    "SELECT count(*) FROM {e}.conselho_busca_idx",
    "SELECT count(substr(block, -1)) FROM {e}.conselho_busca_data",
)

CACHE_DA_BUSCA_KIB = 64 * 1024
"""Teto do cache de páginas do arquivo sigiloso na conexão aquecida (``aquecer``): a 100.000 casos, o que a busca lê
(casos, crianças, os dois índices e o FTS) são ~55 MiB decifrados (medido pelo RSS)."""


def aquecer(db: sqlite_utils.Database, esquema: str, *, teto_kib: int = CACHE_DA_BUSCA_KIB) -> int:
    """Lê de uma vez, nesta conexão, as páginas que a busca e a lista percorrem (``_AQUECER``), depois de alargar o
    cache de páginas dela no ``esquema`` (o arquivo sigiloso) até caberem — o tamanho do arquivo, no máximo
    ``teto_kib``. A primeira busca de um termo lia e decifrava página a página as linhas dos casos achados
    (16–25 ms a 100.000 casos; issue 16, meta 3); aquecida, a conexão já as tem decifradas. Não devolve conteúdo:
    só o cache (KiB) com que a conexão ficou."""
    conexao = db.conn
    paginas = int(conexao.execute(f"PRAGMA {esquema}.page_count").fetchone()[0])
    tamanho = int(conexao.execute(f"PRAGMA {esquema}.page_size").fetchone()[0])  # o SQLCipher o dá em texto
    atual = int(conexao.execute(f"PRAGMA {esquema}.cache_size").fetchone()[0])
    atual_kib = -atual if atual < 0 else atual * tamanho // 1024  # negativo: KiB; positivo: páginas
    kib = max(atual_kib, min(teto_kib, paginas * tamanho // 1024 + 1024))
    if kib != atual_kib:
        conexao.execute(f"PRAGMA {esquema}.cache_size = -{kib}")
    for sql in _AQUECER:
        conexao.execute(sql.format(e=esquema)).fetchall()
    preparar_termos(db, esquema)
    return kib


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
               (SELECT group_concat(coalesce(nascimento, '-'), ',') FROM conselho_criancas c WHERE c.atendimento_id = a.id
                    AND c.removido_em IS NULL) AS nasc,
               (SELECT group_concat(coalesce(sexo, '-'), ',') FROM conselho_criancas c WHERE c.atendimento_id = a.id
                    AND c.removido_em IS NULL) AS sexos,
               (SELECT group_concat(direito, ',') FROM conselho_violacoes v WHERE v.atendimento_id = a.id AND v.removido_em IS NULL) AS direitos,
               (SELECT group_concat(agente, ',') FROM conselho_violacoes v WHERE v.atendimento_id = a.id AND v.removido_em IS NULL) AS agentes,
               (SELECT group_concat(coalesce(grupo, '-'), ',') FROM conselho_violacoes v WHERE v.atendimento_id = a.id AND v.removido_em IS NULL)
                   AS grupos,
               (SELECT group_concat(codigo, ',') FROM conselho_medidas m WHERE m.atendimento_id = a.id) AS medidas
        FROM conselho_atendimentos a WHERE a.recebido_em >= ? AND a.recebido_em < ?"""
    return list(db.query(sql, [inicio, fim]))


def criancas_para_sipia(db: sqlite_utils.Database, inicio: str, fim: str) -> list[dict]:
    """Para o CSV do SIPIA: uma linha por criança não retirada dos casos recebidos em [inicio, fim), sem nomes
    (tipo, data, bairro, nascimento, sexo, direitos, agentes, específicos e as medidas que a alcançam)."""
    sql = """
        SELECT a.id, a.numero, a.ano, substr(a.recebido_em, 1, 10) AS data, a.tipo, a.bairro, a.plantao, a.situacao,
               cr.id AS crianca_id, cr.nascimento, cr.sexo,
               (SELECT group_concat(direito, '|') FROM conselho_violacoes v WHERE v.atendimento_id = a.id AND v.removido_em IS NULL) AS direito,
               (SELECT group_concat(agente, '|') FROM conselho_violacoes v WHERE v.atendimento_id = a.id AND v.removido_em IS NULL) AS agente,
               (SELECT group_concat(coalesce(especifico, direito), '|') FROM conselho_violacoes v
                    WHERE v.atendimento_id = a.id AND v.removido_em IS NULL) AS especificos,
               (SELECT group_concat(codigo, '|') FROM conselho_medidas m WHERE m.atendimento_id = a.id
                    AND (m.crianca_id IS NULL OR m.crianca_id = cr.id)) AS medidas
        FROM conselho_atendimentos a JOIN conselho_criancas cr ON cr.atendimento_id = a.id
        WHERE a.recebido_em >= ? AND a.recebido_em < ? AND cr.removido_em IS NULL
        ORDER BY a.recebido_em, a.numero"""
    return list(db.query(sql, [inicio, fim]))
