"""A base do Paço: um arquivo SQLite cifrado com SQLCipher, aberto por sqlite-utils.

WAL, ``synchronous=FULL`` e chaves estrangeiras ligadas; migrações numeradas de ``db/migrations``
aplicadas em ordem dentro de uma transação; uma base mais nova que o programa é recusada. Ao abrir
uma base existente de esquema anterior (um Paço novo instalado por cima do antigo), uma cópia de
segurança ``antes-de-atualizar`` é feita em ``<pasta da base>/copias`` antes de migrar.

Com ``chave_sigilo``, o arquivo ``<base>.sigilo`` (conteúdo dos casos do Conselho, desktop.store.sigilo)
é criado ou conferido, migrado e anexado como esquema ``sigilo``; sem ela, não é tocado.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Callable, Iterator

import sqlcipher3
import sqlite_utils

from desktop import PASTA_DB

from . import consolidacao, sigilo
from .arquivos import CABECALHO_SQLITE
from .copia_online import ErroCopia, fazer_copia
from .copias_sigilo import concluir_restauracao
from .erros import BaseCorrompida, BaseMaisNova, DiscoCheio, ErroBase
from .local import Trava, recusar_atalho, recusar_rede
from .migracoes import ErroMigracao, aplicar_migracoes, listar

PASTA_MIGRACOES = PASTA_DB / "migrations"
PASTA_COPIAS = "copias"  # pasta das cópias de segurança, ao lado da base
TIPO_COPIA_ATUALIZACAO = "antes-de-atualizar"
_ERROS_SQL = (sqlcipher3.dbapi2.DatabaseError, sqlite3.DatabaseError)


def migracoes() -> list[tuple[int, Path]]:
    """As migrações numeradas ``NNNN_nome.sql``, em ordem."""
    return listar(PASTA_MIGRACOES)


def versao_do_programa() -> int:
    return len(migracoes())


def traduzir_erro(erro: Exception) -> ErroBase | None:
    """Converte um erro do SQLite numa mensagem para o usuário, quando há uma."""
    texto = str(erro).lower()
    if "disk is full" in texto or "database or disk is full" in texto:
        return DiscoCheio(
            "Não há espaço livre no disco para gravar. Nada foi gravado desta operação. "
            "Libere espaço (ou troque o pen drive) e tente de novo."
        )
    if "file is not a database" in texto or "malformed" in texto or "not a database" in texto:
        return BaseCorrompida(
            "O arquivo da base está danificado ou não é uma base do Paço. "
            "Você pode restaurar uma cópia de segurança."
        )
    return None


"""Início de um arquivo SQLite sem cifra; numa base cifrada esses bytes são aleatórios."""


def _erro_ao_abrir(caminho: Path, erro: Exception) -> ErroBase:
    """O erro para o usuário quando o arquivo não decifra com a chave dada."""
    texto = str(erro).lower()
    if "unable to open" in texto or "readonly" in texto or "read-only" in texto:
        return ErroBase(
            f"Não foi possível abrir {caminho} para leitura e gravação: confira se o arquivo e a "
            "pasta existem e se este usuário do computador pode gravar neles."
        )
    traduzido = traduzir_erro(erro)
    if not isinstance(traduzido, BaseCorrompida):
        return traduzido or BaseCorrompida(str(erro))
    try:
        with open(caminho, "rb") as f:
            inicio = f.read(len(CABECALHO_SQLITE))
    except OSError:
        inicio = b""
    if inicio == CABECALHO_SQLITE:
        return BaseCorrompida(
            f"O arquivo {caminho.name} é uma base SQLite comum, sem cifra: não é uma base do Paço "
            "(as do Paço são sempre cifradas). Escolha o arquivo certo ou restaure uma cópia de "
            "segurança."
        )
    return BaseCorrompida(
        f"Não foi possível abrir {caminho.name}: a chave não confere com este arquivo, ou ele está "
        "danificado ou não é uma base do Paço. Se digitou a chave de recuperação, confira-a; "
        "senão, restaure uma cópia de segurança."
    )


def _recusar_mais_nova(versao: int) -> None:
    conhecidas = versao_do_programa()
    if versao > conhecidas:
        raise BaseMaisNova(
            f"Esta base foi gravada por uma versão mais nova do Paço (esquema {versao}; "
            f"este programa conhece até o {conhecidas}). Atualize o Paço para abri-la; "
            "nada foi alterado."
        )


def _erro_de_migracao(erro: ErroMigracao, copia: Path | None) -> ErroBase:
    """A mensagem para o usuário quando a atualização do esquema falhou (a base ficou intacta)."""
    if erro.versao_anterior == 0:
        return ErroBase(
            f"Não foi possível preparar a base nova: {erro} Reinstale o Paço; se o erro "
            "continuar, procure quem dá suporte ao Paço no órgão."
        )
    onde = (f" A cópia de segurança feita antes da atualização está em {copia}." if copia
            else "")
    return ErroBase(
        f"O Paço não pode abrir esta base: {erro}{onde} Continue usando a versão anterior do "
        "Paço (ela abre a base como está) e procure quem dá suporte ao Paço no órgão, levando "
        "esta mensagem e a pasta de registros (Ajuda › Abrir pasta de registros)."
    )


class Base:
    """Conexão aberta com a base cifrada. Use ``Base.abrir`` ou ``Base.criar``."""

    def __init__(self, caminho: Path, conexao, trava: Trava | None, chave: bytes,
                 chave_sigilo: bytes | None = None):
        self.caminho = Path(caminho)
        self.chave = chave
        self._chave_sigilo = chave_sigilo  # só depois de anexado o arquivo sigiloso
        self.conexao = conexao
        self.db = sigilo.BancoPaco(conexao)
        self._trava = trava  # None numa conexão paralela: a trava é da conexão principal
        self.fechada = False
        # Checkpoints em segundo plano (store.consolidacao): o da conexão principal, que as paralelas usam.
        self._consolidador: consolidacao.Consolidador | None = None
        self.aquecida = False
        """Uma conexão paralela com as páginas da busca já decifradas no cache (``services.conselho.atendimentos.
        aquecer_busca``): a sessão a dá antes das outras à próxima tarefa e não a fecha por sobra (``Sessao``)."""

    @property
    def tem_sigilo(self) -> bool:
        """Se o arquivo sigiloso do Conselho está anexado a esta conexão."""
        return self._chave_sigilo is not None

    @property
    def chave_sigilo(self) -> bytes:
        if self._chave_sigilo is None:
            raise sigilo.SemSigilo(sigilo.MENSAGEM_SEM_SIGILO)
        return self._chave_sigilo

    @property
    def consolidador(self) -> consolidacao.Consolidador | None:
        """Quem faz os checkpoints desta base em segundo plano (o mesmo da principal e das paralelas)."""
        return self._consolidador

    @property
    def caminho_sigilo(self) -> Path:
        return sigilo.caminho_para(self.caminho)

    # -- abrir / criar ---------------------------------------------------------------------
    @classmethod
    def _conectar(cls, caminho: Path, chave: bytes, *, nova: bool, chave_sigilo: bytes | None = None) -> "Base":
        caminho = Path(caminho)
        recusar_rede(caminho)
        recusar_atalho(caminho)
        if nova and caminho.exists():
            raise ErroBase(f"Já existe um arquivo em {caminho}; escolha outro nome ou pasta.")
        if not nova and not caminho.exists():
            raise ErroBase(f"A base {caminho} não foi encontrada.")
        try:
            caminho.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise ErroBase(
                f"Não foi possível criar a pasta {caminho.parent} ({e.strerror}). "
                "Escolha uma pasta em que este usuário do computador possa gravar."
            ) from None
        trava = Trava(caminho)
        trava.adquirir()
        conexao = None
        try:
            concluir_restauracao(caminho)  # uma restauração que a energia interrompeu
            try:
                conexao = sqlcipher3.connect(str(caminho), isolation_level=None, check_same_thread=False)
                conexao.execute("PRAGMA cipher_log_level = NONE")
                conexao.execute(f"PRAGMA key = \"x'{chave.hex()}'\"")
                conexao.execute("SELECT count(*) FROM sqlite_master").fetchone()
                versao = conexao.execute("PRAGMA user_version").fetchone()[0]
            except _ERROS_SQL as e:
                raise _erro_ao_abrir(caminho, e) from None
            # Antes de qualquer escrita (o modo WAL grava no cabeçalho): recusa o que não é do Paço.
            if not nova and versao == 0:
                raise BaseCorrompida(
                    f"O arquivo {caminho.name} não é uma base do Paço (está vazio ou sem as tabelas "
                    "do Paço). Escolha o arquivo certo ou restaure uma cópia de segurança."
                )
            _recusar_mais_nova(versao)
            try:
                conexao.execute("PRAGMA journal_mode = WAL")
            except _ERROS_SQL as e:
                raise _erro_ao_abrir(caminho, e) from None
            conexao.execute("PRAGMA synchronous = FULL")
            conexao.execute("PRAGMA foreign_keys = ON")
            conexao.execute("PRAGMA busy_timeout = 5000")
            conexao.execute(f"PRAGMA wal_autocheckpoint = {consolidacao.LIMITE_SEGURANCA}")
            base = cls(caminho, conexao, trava, chave)
            base._consolidador = consolidacao.Consolidador()
            copia = None
            if 0 < versao < versao_do_programa():
                copia = base.copia_antes_de_atualizar()
            try:
                base.migrar()
            except ErroMigracao as e:
                logging.getLogger("paco.base").error(
                    "Migração %s (%s) falhou; base intacta no esquema %s", e.numero, e.arquivo.name,
                    e.versao_anterior, exc_info=(type(e), e, e.__traceback__), extra={"sem_dados": True})
                raise _erro_de_migracao(e, copia) from e
            sigilo.descartar_legado_vazio(conexao)
            if chave_sigilo is not None:
                base.anexar_sigilo(chave_sigilo)
            return base
        except BaseException:
            if conexao is not None:
                conexao.close()
            trava.soltar()
            raise

    @classmethod
    def criar(cls, caminho: Path, chave: bytes, *, chave_sigilo: bytes | None = None) -> "Base":
        return cls._conectar(caminho, chave, nova=True, chave_sigilo=chave_sigilo)

    @classmethod
    def abrir(cls, caminho: Path, chave: bytes, *, chave_sigilo: bytes | None = None) -> "Base":
        return cls._conectar(caminho, chave, nova=False, chave_sigilo=chave_sigilo)

    def anexar_sigilo(self, chave_sigilo: bytes) -> None:
        """Cria ou confere o arquivo sigiloso, anexa-o e traz para ele os casos de uma base antiga."""
        if self.tem_sigilo:
            return
        try:
            sigilo.abrir_ou_criar(self.conexao, self.caminho, chave_sigilo)
        except _ERROS_SQL as e:
            raise traduzir_erro(e) or BaseCorrompida(str(e)) from None
        self._chave_sigilo = chave_sigilo
        if sigilo.mover_para_sigilo(self):
            # Os casos trazidos entraram no diário sigiloso por fora de uma mudança da sessão (que ancora as
            # linhas que ela própria grava): a cabeça, relida, vai à âncora já.
            from . import ancoras

            ancoras.ancorar_base(self)

    def paralela(self, *, chave_sigilo: bytes | None = None) -> "Base":
        """Outra conexão com a mesma base, para uma thread de trabalho em segundo plano.

        Uma conexão SQLite não pode ser usada por duas threads ao mesmo tempo sem misturar as
        transações; cada thread usa a sua, e o SQLite serializa as escritas (BEGIN IMMEDIATE,
        busy_timeout). Não toma a trava do arquivo, que pertence à conexão principal. Anexa o
        arquivo sigiloso se esta conexão o tem, ou com ``chave_sigilo`` (a sessão de outro usuário
        na mesma base aberta).
        """
        conexao = sqlcipher3.connect(str(self.caminho), isolation_level=None, check_same_thread=False)
        conexao.execute("PRAGMA cipher_log_level = NONE")
        conexao.execute(f"PRAGMA key = \"x'{self.chave.hex()}'\"")
        conexao.execute("PRAGMA synchronous = FULL")
        conexao.execute("PRAGMA foreign_keys = ON")
        conexao.execute("PRAGMA busy_timeout = 15000")
        conexao.execute(f"PRAGMA wal_autocheckpoint = {consolidacao.LIMITE_SEGURANCA}")
        nova = Base(self.caminho, conexao, None, self.chave)
        nova._consolidador = self._consolidador
        try:
            if self._chave_sigilo is not None:
                sigilo.anexar(conexao, self.caminho_sigilo, self._chave_sigilo)
                nova._chave_sigilo = self._chave_sigilo
            elif chave_sigilo is not None:
                nova.anexar_sigilo(chave_sigilo)
        except BaseException:
            conexao.close()
            raise
        return nova

    def _conexao_de_checkpoint(self):
        """Uma conexão curta para o checkpoint de fundo (``store.consolidacao``), com as chaves de agora."""
        conexao = sqlcipher3.connect(str(self.caminho), isolation_level=None, check_same_thread=False)
        try:
            conexao.execute("PRAGMA cipher_log_level = NONE")
            conexao.execute(f"PRAGMA key = \"x'{self.chave.hex()}'\"")
            conexao.execute("PRAGMA synchronous = FULL")
            if self._chave_sigilo is not None:
                sigilo.anexar(conexao, self.caminho_sigilo, self._chave_sigilo)
        except BaseException:
            conexao.close()
            raise
        return conexao

    def _pedir_checkpoint(self) -> None:
        """Depois de um commit: o checkpoint do que passou do limite vai à thread de fundo."""
        if self._consolidador is not None:
            arquivos = {"main": self.caminho}
            if self._chave_sigilo is not None:  # o caminho do sigilo sem pathlib (~30 µs a cada commit)
                arquivos[sigilo.ESQUEMA] = f"{self.caminho}{sigilo.SUFIXO}"
            self._consolidador.conferir(arquivos, self._conexao_de_checkpoint)

    def consolidar(self) -> None:
        """Passa o diário de escrita (WAL) para o arquivo da base e o esvazia (a base e o sigilo). Feito de
        qualquer conexão, vale para todas: ``fechar`` logo depois não tem mais o que passar."""
        for esquema in ("main", sigilo.ESQUEMA) if self.tem_sigilo else ("main",):
            try:
                self.conexao.execute(f"PRAGMA {esquema}.wal_checkpoint(TRUNCATE)")
            except _ERROS_SQL:
                pass

    def fechar(self) -> None:
        if self.fechada:
            return
        self.fechada = True
        if self._trava is not None:
            if self._consolidador is not None:
                self._consolidador.encerrar()
            self.consolidar()
        self.conexao.close()
        if self._trava is not None:
            self._trava.soltar()

    def esquecer_chaves(self) -> None:
        """Depois de fechada: o objeto não guarda mais as chaves (fim da sessão, troca de usuário).

        A conexão SQLCipher já apagou a sua cópia da chave ao fechar; aqui saem as referências do Python
        (o objeto ``bytes`` é liberado; o CPython não permite apagá-lo no lugar — docs/seguranca.md)."""
        if not self.fechada:
            raise RuntimeError("Feche a conexão antes de esquecer as chaves dela.")
        self.chave = None
        self._chave_sigilo = None

    # -- esquema ---------------------------------------------------------------------------
    @property
    def versao(self) -> int:
        return self.conexao.execute("PRAGMA user_version").fetchone()[0]

    def copia_antes_de_atualizar(self) -> Path:
        """Cópia de segurança da base no esquema atual, antes de aplicar migrações pendentes.

        Se a cópia falhar (disco cheio, pasta sem permissão), levanta ErroCopia e a base não é
        migrada: continua como estava, e o Paço antigo ainda a abre.
        """
        try:
            return fazer_copia(self, self.caminho.parent / PASTA_COPIAS, TIPO_COPIA_ATUALIZACAO)
        except ErroCopia as e:
            raise ErroCopia(
                f"Esta base precisa ser atualizada para a versão nova do Paço, mas antes disso a "
                f"cópia de segurança automática falhou: {e} A base não foi alterada."
            ) from None

    def migrar(self) -> list[int]:
        """Aplica as migrações pendentes, todas ou nenhuma (``migracoes.aplicar_migracoes``).

        Devolve as aplicadas; numa falha levanta ``ErroMigracao`` com a base intacta.
        """
        _recusar_mais_nova(self.versao)
        return aplicar_migracoes(self.conexao, "main", migracoes())

    # -- transações ------------------------------------------------------------------------
    @contextmanager
    def transacao(self) -> Iterator[sqlite_utils.Database]:
        """Uma transação: tudo ou nada. Erros do SQLite viram mensagens para o usuário.

        A transação de fora começa com BEGIN IMMEDIATE: reserva a escrita já no início, de modo
        que duas conexões (a da tela e a de uma tarefa em segundo plano) nunca leiam o último
        elo do diário e depois disputem a escrita. Transações aninhadas viram savepoints.
        """
        try:
            if self.conexao.in_transaction:
                with self.db.atomic():
                    yield self.db
                return
            self.conexao.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                if self.conexao.in_transaction:
                    self.conexao.execute("ROLLBACK")
                raise
            try:
                self.conexao.execute("COMMIT")
            except BaseException:
                if self.conexao.in_transaction:
                    self.conexao.execute("ROLLBACK")
                raise
            self._pedir_checkpoint()
        except _ERROS_SQL as e:
            traduzido = traduzir_erro(e)
            if traduzido is not None:
                raise traduzido from e
            raise

    # -- troca de chave -------------------------------------------------------------------
    def recifrar(self, nova_chave: bytes | None, nova_chave_sigilo: bytes | None = None,
                 progresso: Callable[[int, int], None] | None = None) -> None:
        """Recifra a base com ``nova_chave`` (e o arquivo do sigilo, se anexado, com
        ``nova_chave_sigilo``); None deixa aquele arquivo como está.

        ``PRAGMA rekey`` funciona em modo WAL com o sqlcipher3 (testado): todas as páginas são
        regravadas numa só transação do WAL, então uma queda no meio deixa a base na chave antiga,
        e depois do COMMIT ela está inteira na nova. Em seguida um checkpoint TRUNCATE põe tudo
        no arquivo principal: nada fica no disco sob a chave antiga. Chame-o na conexão principal,
        sem conexões paralelas abertas (elas continuariam com a chave antiga).
        ``progresso(feito, total)`` recebe bytes regravados (o tamanho do -wal), de outra thread.
        """
        alvos = []
        if nova_chave is not None:
            alvos.append(("main", nova_chave))
        if nova_chave_sigilo is not None:
            if not getattr(self, "tem_sigilo", False):
                raise ErroBase("O arquivo do sigilo não está aberto nesta sessão; não há o que recifrar.")
            alvos.append(("sigilo", nova_chave_sigilo))
        if not alvos:
            return
        total = sum(int(self.conexao.execute(f"PRAGMA {e}.page_count").fetchone()[0])
                    * int(self.conexao.execute(f"PRAGMA {e}.page_size").fetchone()[0]) for e, _ in alvos)
        self.conexao.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        feito, parar, arquivos = [0], threading.Event(), self._arquivos(alvos)

        def acompanhar():
            while not parar.wait(0.2):
                try:
                    atual = sum(Path(f"{a}-wal").stat().st_size for a in arquivos)
                except OSError:
                    continue
                progresso(min(feito[0] + atual, total), total)

        vigia = threading.Thread(target=acompanhar, daemon=True) if progresso else None
        if vigia:
            progresso(0, total)
            vigia.start()
        pausa = self._consolidador.pausado() if self._consolidador is not None else nullcontext()
        try:
            with pausa:  # nenhum checkpoint de fundo abre a base no meio da troca (abriria com a chave antiga)
                for esquema, chave in alvos:
                    try:
                        self.conexao.execute(f"PRAGMA {esquema}.rekey = \"x'{chave.hex()}'\"")
                    except _ERROS_SQL as e:
                        raise traduzir_erro(e) or ErroBase(f"Não foi possível trocar a chave da base: {e}") from e
                    if esquema == "main":
                        self.chave = chave
                    else:
                        self._chave_sigilo = chave  # lido por ``chave_sigilo`` e por ``paralela()``
                self.conexao.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            parar.set()
            if vigia:
                vigia.join()
                progresso(total, total)

    def _arquivos(self, alvos) -> list[str]:
        nomes = {r[1]: r[2] for r in self.conexao.execute("PRAGMA database_list")}
        return [nomes[e] for e, _ in alvos if nomes.get(e)]

    def verificar_integridade_sqlite(self) -> str:
        return self.conexao.execute("PRAGMA integrity_check").fetchone()[0]
