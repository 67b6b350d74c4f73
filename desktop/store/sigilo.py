"""O domínio sigiloso do Conselho Tutelar: o arquivo ``<base>.sigilo``, com chave própria.

O conteúdo dos casos (atendimentos, crianças, família, violações, decisões, medidas, requisições,
encaminhamentos, acompanhamentos, impedimentos, o índice de busca, os rascunhos do plantão e o seu
diário) fica num arquivo SQLCipher separado, anexado à conexão da base como esquema ``sigilo`` só
quando a sessão tem a chave dele (conselheiros e consulta do MP/juízo). Sem a chave, o arquivo é
ruído — inclusive para o administrador e para quem tem a chave da base geral.

O SQL sem esquema continua funcionando (o SQLite acha pelo nome a tabela anexada); o sqlite-utils,
não: ``BancoPaco`` ensina-o a achar as tabelas do sigilo e recusa usá-las quando o arquivo não
está anexado (nada de criar, por engano, uma tabela de caso na base geral).
"""
from __future__ import annotations

import socket
from pathlib import Path

import sqlcipher3
import sqlite_utils
from sqlite_utils.db import Column, Table

from desktop import PASTA_DB, __version__

from .erros import BaseCorrompida, BaseMaisNova, ErroBase, SigiloInconsistente
from .ids import agora
from .migracoes import ErroMigracao, aplicar_migracoes, listar

ESQUEMA = "sigilo"
SUFIXO = ".sigilo"
PASTA_MIGRACOES = PASTA_DB / "migrations" / "sigilo"

# Em ordem de dependência (pais antes dos filhos): é a ordem da cópia; a exclusão é a inversa.
# ``store.conselho.atendimentos.chave_de_ordem`` em SQL (minutos desde 1900-01-01 << 20, + número), para levar
# de uma vez os casos de uma base antiga; fica aqui para o store do sigilo não importar o do Conselho (ciclo
# store.conselho.atendimentos → store.linhas → store.sigilo).
CHAVE_DE_ORDEM_SQL = ("((CAST(round((julianday(recebido_em) - julianday('1900-01-01')) * 1440) AS INTEGER) << 20) "
                      "+ numero)")
TABELAS_CASOS = ("conselho_atendimentos", "conselho_criancas", "conselho_familiares", "conselho_violacoes",
                 "conselho_decisoes", "conselho_medidas", "conselho_requisicoes", "conselho_encaminhamentos",
                 "conselho_acompanhamentos", "conselho_impedimentos", "conselho_rascunhos", "conselho_emendas",
                 "conselho_sessoes", "conselho_sessao_presencas", "conselho_sessao_itens", "conselho_sessao_votos",
                 "conselho_comunicacoes_juizo")
BUSCA = "conselho_busca"
TABELAS = frozenset(TABELAS_CASOS + (BUSCA,))
"""As tabelas do domínio sigiloso: o único lugar que diz o que é conteúdo de caso."""

_ERROS_SQL = (sqlcipher3.dbapi2.DatabaseError,)


class SemSigilo(ErroBase):
    """A sessão não tem a chave do conteúdo dos casos; a mensagem é para o usuário."""


MENSAGEM_SEM_SIGILO = (
    "O conteúdo dos atendimentos do Conselho Tutelar é sigiloso (ECA, arts. 17 e 100; Lei 320/2023, "
    "art. 21 §4º) e fica num arquivo com chave própria, que só os conselheiros tutelares e a consulta "
    "do Ministério Público e do juízo abrem. Esta sessão não tem essa chave.")


def caminho_para(base: Path) -> Path:
    return Path(str(base) + SUFIXO)


def migracoes() -> list[tuple[int, Path]]:
    return listar(PASTA_MIGRACOES, "Migrações do sigilo")


def versao_do_programa() -> int:
    return len(migracoes())


def conectar(caminho: Path, chave: bytes):
    """Conexão direta (sem anexar) com um arquivo sigiloso; só para migrar, copiar e conferir."""
    conexao = sqlcipher3.connect(str(caminho), isolation_level=None, check_same_thread=False)
    conexao.execute("PRAGMA cipher_log_level = NONE")
    conexao.execute(f"PRAGMA key = \"x'{chave.hex()}'\"")
    return conexao


def _nao_abre(caminho: Path) -> BaseCorrompida:
    return BaseCorrompida(
        f"O arquivo sigiloso do Conselho ({caminho.name}) não abre com a chave do sigilo: ou ele está "
        "danificado, ou não é desta base. Restaure uma cópia de segurança (ela traz os dois arquivos).")


def preparar(caminho: Path, chave: bytes, *, criar: bool) -> str:
    """Cria (``criar``) ou confere o arquivo sigiloso e aplica as migrações dele; devolve o arquivo_id.

    As pendentes todas numa transação (``migracoes.aplicar_migracoes``), com o ``user_version`` deste
    arquivo; um arquivo de esquema mais novo que o programa é recusado sem alteração.
    """
    caminho = Path(caminho)
    if criar and caminho.exists():
        raise ErroBase(f"Já existe um arquivo sigiloso em {caminho}; não foi substituído.")
    conexao = conectar(caminho, chave)
    try:
        try:
            conexao.execute("SELECT count(*) FROM sqlite_master").fetchone()
            versao = conexao.execute("PRAGMA user_version").fetchone()[0]
        except _ERROS_SQL:
            raise _nao_abre(caminho) from None
        if not criar and versao == 0:
            raise _nao_abre(caminho)
        if versao > versao_do_programa():
            raise BaseMaisNova(
                f"O arquivo sigiloso do Conselho foi gravado por uma versão mais nova do Paço (esquema "
                f"{versao}; este programa conhece até o {versao_do_programa()}). Atualize o Paço; nada "
                "foi alterado.")
        conexao.execute("PRAGMA journal_mode = WAL")
        conexao.execute("PRAGMA synchronous = FULL")
        conexao.execute("PRAGMA foreign_keys = ON")
        try:
            aplicar_migracoes(conexao, "main", migracoes())
        except ErroMigracao as e:
            raise ErroMigracao(f"O arquivo sigiloso do Conselho não pôde ser atualizado: {e}", numero=e.numero,
                               arquivo=e.arquivo, versao_anterior=e.versao_anterior) from e
        return conexao.execute("SELECT arquivo_id FROM sigilo_identidade WHERE id = 1").fetchone()[0]
    finally:
        conexao.close()


def anexar(conexao, caminho: Path, chave: bytes) -> None:
    """ATTACH do arquivo sigiloso como esquema ``sigilo``, com WAL e ``synchronous=FULL``."""
    alvo = str(caminho).replace("'", "''")
    conexao.execute(f"ATTACH DATABASE '{alvo}' AS {ESQUEMA} KEY \"x'{chave.hex()}'\"")
    conexao.execute(f"PRAGMA {ESQUEMA}.journal_mode = WAL")
    conexao.execute(f"PRAGMA {ESQUEMA}.synchronous = FULL")


def arquivo_id_da_base(conexao) -> str | None:
    linha = conexao.execute("SELECT arquivo_id FROM main.sigilo_arquivo WHERE id = 1").fetchone()
    return linha[0] if linha else None


def abrir_ou_criar(conexao, caminho_base: Path, chave: bytes) -> None:
    """Confere (ou cria) o arquivo sigiloso da base e anexa-o à conexão principal.

    Se a base geral diz que o arquivo existe e ele sumiu, recusa (criar outro vazio esconderia a
    perda); se o arquivo é de outra base, recusa.
    """
    caminho = caminho_para(caminho_base)
    esperado = arquivo_id_da_base(conexao)
    if not caminho.exists():
        if esperado is not None:
            raise SigiloInconsistente(
                f"O arquivo sigiloso do Conselho ({caminho.name}) não foi encontrado ao lado da base. "
                "Sem ele os atendimentos não abrem; restaure uma cópia de segurança (ela traz os dois "
                "arquivos). Nada foi alterado.")
        arquivo_id = preparar(caminho, chave, criar=True)
    else:
        arquivo_id = preparar(caminho, chave, criar=False)
        if esperado is not None and arquivo_id != esperado:
            raise SigiloInconsistente(
                f"O arquivo sigiloso {caminho.name} não é o desta base (veio de outra instalação ou de "
                "outra cópia). Restaure a base e o arquivo sigiloso da mesma cópia de segurança.")
    if esperado is None:
        conexao.execute("BEGIN IMMEDIATE")
        try:
            conexao.execute("INSERT INTO main.sigilo_arquivo (id, arquivo_id, criado_em) VALUES (1, ?, ?)",
                            [arquivo_id, agora()])
            conexao.execute("COMMIT")
        except BaseException:
            if conexao.in_transaction:
                conexao.execute("ROLLBACK")
            raise
    anexar(conexao, caminho, chave)


# -- tabelas legadas (bases de antes do sigilo) ---------------------------------------------------
def _legadas(conexao) -> list[str]:
    nomes = {r[0] for r in conexao.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' "
                                           "AND name LIKE 'legado_conselho_%'")}
    return [t for t in (*TABELAS_CASOS, BUSCA) if f"legado_{t}" in nomes]


def _apagar_legadas(conexao, legadas: list[str]) -> None:
    conexao.execute("PRAGMA main.secure_delete = ON")
    conexao.execute("BEGIN IMMEDIATE")
    try:
        for t in reversed(legadas):
            conexao.execute(f"DROP TABLE main.legado_{t}")
        conexao.execute("COMMIT")
    except BaseException:
        if conexao.in_transaction:
            conexao.execute("ROLLBACK")
        raise


def descartar_legado_vazio(conexao) -> bool:
    """Apaga da base geral as tabelas legado_* se estão todas vazias (base nova: sempre). Devolve se
    apagou. Com alguma linha, nada é apagado: só ``mover_para_sigilo``, com a chave, pode levá-las."""
    legadas = _legadas(conexao)
    if not legadas:
        return False
    for t in legadas:
        if t != BUSCA and conexao.execute(f"SELECT 1 FROM main.legado_{t} LIMIT 1").fetchone():
            return False
    _apagar_legadas(conexao, legadas)
    return True


def _colunas(conexao, esquema: str, tabela: str) -> list[str]:
    return [r[1] for r in conexao.execute(f"PRAGMA {esquema}.table_info([{tabela}])")]


def mover_para_sigilo(base) -> dict[str, int] | None:
    """Leva as linhas de caso de uma base atualizada (tabelas legado_* da base geral) para o arquivo
    sigiloso anexado. Devolve as contagens movidas, ou None se não havia o que mover.

    Seguro contra queda de energia e idempotente: (1) numa transação que só grava no arquivo
    sigiloso, copia o que falta (INSERT OR IGNORE), registra cada linha trazida como inclusão no
    diário sigiloso (a conferência das tabelas contra o diário vale também para elas) e refaz o
    índice de busca; (2) confere que cada
    linha da base geral está, igual, no sigilo; (3) só então, noutra transação que só grava na base
    geral, apaga as tabelas legado_* (com ``secure_delete``) e faz VACUUM, para não sobrar página
    com conteúdo de caso no arquivo geral. Uma queda entre (1) e (3) deixa as linhas nos dois
    arquivos; a próxima entrada recomeça e termina.
    """
    conexao = base.conexao
    legadas = _legadas(conexao)
    if not legadas or not base.tem_sigilo:
        return None
    contagens = {}
    db = sqlite_utils.Database(conexao)
    from . import diario  # evita import circular no carregamento

    maquina = socket.gethostname() or "desconhecida"
    conexao.execute("BEGIN IMMEDIATE")
    try:
        for t in legadas:
            if t == BUSCA:
                continue
            destino = _colunas(conexao, ESQUEMA, t)
            origem = set(_colunas(conexao, "main", f"legado_{t}"))
            comuns = [c for c in destino if c in origem]
            lista = ", ".join(comuns)
            novos = [r[0] for r in conexao.execute(
                f"SELECT id FROM main.legado_{t} WHERE id NOT IN (SELECT id FROM {ESQUEMA}.{t}) ORDER BY rowid")]
            if t == "conselho_atendimentos":
                conexao.execute(
                    f"INSERT OR IGNORE INTO {ESQUEMA}.{t} ({lista}, busca_rowid) "
                    f"SELECT {lista}, {CHAVE_DE_ORDEM_SQL} FROM main.legado_{t} "
                    f"WHERE id NOT IN (SELECT id FROM {ESQUEMA}.{t})")
            else:
                conexao.execute(f"INSERT OR IGNORE INTO {ESQUEMA}.{t} ({lista}) SELECT {lista} FROM main.legado_{t}")
            # Cada linha trazida entra no diário sigiloso como inclusão (a história dela está no diário
            # geral antigo): a conferência das tabelas contra o diário continua valendo aqui.
            for rid in novos:
                linha = next(db.query(f"SELECT * FROM {ESQUEMA}.{t} WHERE id = ?", [rid]))
                depois = {"chave": linha["chave"]} if t == "conselho_rascunhos" else linha
                diario.registrar(db, esquema=ESQUEMA, usuario="paco", maquina=maquina, versao=__version__,
                                 tabela=t, registro_id=rid, acao="inserir", depois=depois)
            contagens[t] = conexao.execute(f"SELECT count(*) FROM main.legado_{t}").fetchone()[0]
        reindexar_tudo(conexao)
        diario.registrar(db, esquema=ESQUEMA, usuario="paco", maquina=maquina, versao=__version__,
                         tabela="sigilo", registro_id="mover_para_sigilo", acao="evento",
                         depois={"evento": "casos trazidos da base geral para o arquivo sigiloso",
                                 "linhas": contagens})
        conexao.execute("COMMIT")
    except BaseException:
        if conexao.in_transaction:
            conexao.execute("ROLLBACK")
        raise
    for t in legadas:
        if t == BUSCA:
            continue
        origem = set(_colunas(conexao, "main", f"legado_{t}"))  # colunas novas do sigilo não existiam antes
        comuns = ", ".join(c for c in _colunas(conexao, ESQUEMA, t) if c != "busca_rowid" and c in origem)
        faltam = conexao.execute(f"SELECT count(*) FROM (SELECT {comuns} FROM main.legado_{t} "
                                 f"EXCEPT SELECT {comuns} FROM {ESQUEMA}.{t})").fetchone()[0]
        if faltam:
            raise ErroBase(
                f"Ao levar os casos para o arquivo sigiloso, {faltam} linha(s) de {t} não conferiram; "
                "nada foi apagado da base. Procure o suporte antes de continuar.")
    _apagar_legadas(conexao, legadas)
    conexao.execute("VACUUM main")
    conexao.execute("PRAGMA main.wal_checkpoint(TRUNCATE)")
    return contagens


# -- índice de busca ------------------------------------------------------------------------------
_NOMES_DO_CASO = ("(SELECT group_concat(nome, ' ') FROM (SELECT nome FROM conselho_criancas c "
                  "WHERE c.atendimento_id = a.id AND c.removido_em IS NULL UNION ALL SELECT nome "
                  "FROM conselho_familiares f WHERE f.atendimento_id = a.id AND f.removido_em IS NULL))")


def reindexar_tudo(conexao) -> None:
    """Refaz o índice de busca inteiro (migração de uma base antiga; conserto)."""
    conexao.execute(f"DELETE FROM {ESQUEMA}.{BUSCA}")
    conexao.execute(f"INSERT INTO {ESQUEMA}.{BUSCA} (rowid, nomes, bairro) SELECT a.busca_rowid, "
                    f"coalesce({_NOMES_DO_CASO}, ''), a.bairro FROM {ESQUEMA}.conselho_atendimentos a")


# -- sqlite-utils que enxerga o esquema anexado -----------------------------------------------------
class TabelaSigilo(Table):
    """Tabela do arquivo sigiloso anexado: a introspecção do sqlite-utils olha ``sigilo.*``."""

    def exists(self) -> bool:
        return self.db.execute(f"SELECT 1 FROM {ESQUEMA}.sqlite_master WHERE type = 'table' AND name = ?",
                               [self.name]).fetchone() is not None

    @property
    def columns(self) -> list[Column]:
        return [Column(*r) for r in self.db.execute(f"PRAGMA {ESQUEMA}.table_info([{self.name}])").fetchall()]


class BancoPaco(sqlite_utils.Database):
    """O ``sqlite_utils.Database`` da base: tabelas do sigilo só com o arquivo anexado."""

    def tem_sigilo(self) -> bool:
        return any(r[1] == ESQUEMA for r in self.execute("PRAGMA database_list"))

    def table(self, table_name: str, **kwargs) -> Table:
        if table_name in TABELAS:
            if not self.tem_sigilo():
                raise SemSigilo(MENSAGEM_SEM_SIGILO)
            kwargs.setdefault("strict", self.strict)
            return TabelaSigilo(self, table_name, **kwargs)
        return super().table(table_name, **kwargs)
