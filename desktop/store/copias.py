"""Cópias de segurança da base: cópia online cifrada, lista, rotação, conferência e restauração.

A cópia usa a API de backup online do SQLite (a base pode estar aberta e em uso) para um arquivo
temporário na pasta de destino, cifrado com a mesma chave; depois confere a cópia, grava em disco
(fsync) e só então dá o nome definitivo (rename atômico): um apagão no meio deixa no máximo um
``.paco-copia-*.tmp`` órfão, nunca uma cópia pela metade com nome de cópia boa.

Nome: ``paco-AAAA-MM-DD_HHMMSS-<tipo>.sNNNNNN.db`` (hora local e **sequência**), com ``<nome>.chaves``
ao lado — as fechaduras dos usuários no momento da cópia e, no campo ``ancora``, a cabeça do diário
da cópia (âncora conferida por ``integridade``). Sem o ``.chaves``, a chave de recuperação abre a
cópia. A sequência só cresce (a maior das pastas de destino + 1): é ela, e não o relógio, que diz
qual cópia é a mais nova (ordem, rotação). Temporários de uma cópia interrompida por um apagão são
apagados na próxima entrada (``remover_temporarios``).
E ``<nome>.sigilo``: o arquivo sigiloso do Conselho da mesma hora (desktop.store.copias_sigilo),
restaurado junto com a base.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

import sqlite_utils

from desktop.rules.rotacao import Politica, a_manter

from .arquivos import copiar_para_temporario, fsync_arquivo, guardar_sem_mover
from . import ancoras
from . import copias_sigilo, sigilo
from .base import Base, versao_do_programa
from .copia_online import (  # noqa: F401 — reexportadas: quem faz cópias as usa por aqui
    _ERROS_SQL, _NOME, _TEMP_COPIA, TIPOS, ErroCopia, _cabeca_da_copia, _conectar, _conferir_cifrada,
    _erro_de_gravacao, fazer_copia, nome_da_copia, proxima_sequencia, sequencia_do_nome)
from .chaves import ArquivoChaves, ErroChaves, ancorar
from .erros import BaseCorrompida, BaseEmUso, BaseMaisNova, ErroBase
from .local import Trava, recusar_rede

_TEMP_RESTAURACAO = ".paco-restauracao-"


@dataclass(frozen=True)
class InfoCopia:
    caminho: Path
    momento: datetime
    tipo: str
    tamanho: int
    base_id: str | None  # do .chaves ao lado; None se ele falta ou não se lê
    sequencia: int = 0  # do nome; 0 nas cópias de antes da sequência

    @property
    def arquivo_chaves(self) -> Path:
        return ArquivoChaves.caminho_para(self.caminho)


def ler_nome(nome: str) -> tuple[datetime, str] | None:
    """(momento, tipo) de um nome de cópia, ou None se o nome não é de cópia do Paço."""
    m = _NOME.match(nome)
    try:
        return (datetime(*(int(g) for g in m.groups()[:6])), m.group(7)) if m else None
    except ValueError:  # 31/02, 25h...
        return None


# -- arquivos ----------------------------------------------------------------------------------
def _livre(caminho: Path) -> Path:
    n, candidato = 1, caminho
    while any(p.exists() for p in (candidato, Path(f"{candidato}-wal"), sigilo.caminho_para(candidato),
                                   ArquivoChaves.caminho_para(candidato))):
        n += 1
        candidato = caminho.with_name(f"{caminho.name}-{n}")
    return candidato


# -- listar e girar ----------------------------------------------------------------------------
def _base_id_da_copia(copia: Path) -> str | None:
    try:
        return ArquivoChaves.ler(copia).base_id
    except (ErroChaves, KeyError, TypeError):
        return None


def listar_copias(pasta: Path, base_id: str | None = None) -> list[InfoCopia]:
    """As cópias em ``pasta``, da mais nova para a mais antiga.

    Com ``base_id``, só as dessa base e as de base desconhecida (sem ``.chaves``).
    """
    pasta = Path(pasta)
    try:
        arquivos = list(pasta.iterdir())
    except OSError:
        return []
    copias = []
    for arq in arquivos:
        lido = ler_nome(arq.name)
        if lido is None:
            continue
        try:
            info = InfoCopia(arq, lido[0], lido[1], arq.stat().st_size, _base_id_da_copia(arq),
                             sequencia_do_nome(arq.name))
        except OSError:
            continue
        if base_id is None or info.base_id in (base_id, None):
            copias.append(info)
    copias.sort(key=ordem_cronologica, reverse=True)
    return copias


def ordem_cronologica(copia: InfoCopia) -> tuple:
    """Chave de ordenação da mais velha para a mais nova: a sequência (não o relógio); entre cópias
    sem sequência, o momento e, no mesmo segundo, o número ``-2``, ``-3``... do nome."""
    m = _NOME.match(copia.caminho.name)
    return copia.sequencia, copia.momento, int(m.group(8) or 1) if m else 1, copia.caminho.name


def girar(pasta: Path, base_id: str, politica: Politica = Politica()) -> list[Path]:
    """Apaga as cópias de ``base_id`` em ``pasta`` que a política não guarda; devolve as apagadas.

    Cópias de outra base ou sem ``.chaves`` nunca são apagadas; a mais nova pela sequência também
    não (desktop.rules.rotacao).
    """
    pasta = Path(pasta)
    minhas = [c for c in listar_copias(pasta, base_id) if c.base_id == base_id]
    ficam = a_manter((c.caminho, c.momento, c.tipo, c.sequencia) for c in minhas)
    apagadas = []
    for c in minhas:
        if c.caminho in ficam:
            continue
        try:
            c.caminho.unlink()
            c.arquivo_chaves.unlink(missing_ok=True)
            for arq in copias_sigilo.arquivos_da_copia(c.caminho):
                arq.unlink(missing_ok=True)
        except OSError:
            continue  # pen drive protegido contra gravação, por exemplo: fica para a próxima
        apagadas.append(c.caminho)
    return apagadas


def relogio_atrasado(pasta: Path, base_id: str, copia: Path) -> InfoCopia | None:
    """Uma cópia mais velha (sequência menor) de ``base_id`` com data posterior à de ``copia``
    — sinal de que o relógio do computador foi atrasado —, ou None."""
    minhas = [c for c in listar_copias(pasta, base_id) if c.base_id == base_id]
    nova = next((c for c in minhas if c.caminho == Path(copia)), None)
    if nova is None:
        return None
    return next((c for c in minhas if c.sequencia < nova.sequencia and c.momento > nova.momento), None)


def remover_temporarios(pasta: Path) -> list[Path]:
    """Apaga os temporários de cópias e restaurações interrompidas (apagão, processo morto).

    Chamar só com a base travada (na entrada): nenhuma cópia desta base está em andamento então.
    """
    removidos = []
    try:
        candidatos = [p for p in Path(pasta).iterdir()
                      if p.name.startswith((_TEMP_COPIA, _TEMP_RESTAURACAO)) and ".tmp" in p.name]
    except OSError:
        return removidos
    for tmp in candidatos:
        with suppress(OSError):
            tmp.unlink()
            removidos.append(tmp)
    return removidos


# -- conferir e restaurar ----------------------------------------------------------------------
@contextmanager
def abrir_copia(copia: Path, chave: bytes) -> Iterator[sqlite_utils.Database]:
    """Abre uma cópia só para leitura, depois de conferir que decifra, é do Paço e está íntegra."""
    copia = Path(copia)
    if not copia.is_file():
        raise ErroCopia(f"A cópia {copia} não foi encontrada.")
    _conferir_cifrada(copia)
    try:
        conexao = _conectar(copia, chave, so_leitura=True)
    except _ERROS_SQL as e:
        raise ErroCopia(f"Não foi possível ler a cópia {copia.name}: {e}.") from None
    try:
        try:
            conexao.execute("SELECT count(*) FROM sqlite_master").fetchone()
            versao = conexao.execute("PRAGMA user_version").fetchone()[0]
        except _ERROS_SQL:
            raise ErroCopia(
                f"A cópia {copia.name} não abre com esta chave: ou a chave (senha, chave de "
                "recuperação) não é desta base, ou o arquivo está danificado."
            ) from None
        if versao == 0:
            raise ErroCopia(f"O arquivo {copia.name} não é uma cópia de uma base do Paço.")
        if versao > versao_do_programa():
            raise BaseMaisNova(
                f"A cópia {copia.name} foi feita por uma versão mais nova do Paço (esquema "
                f"{versao}; este programa conhece até o {versao_do_programa()}). Atualize o "
                "Paço antes de restaurá-la; nada foi alterado."
            )
        try:
            conferencia = conexao.execute("PRAGMA quick_check").fetchone()[0]
        except _ERROS_SQL as e:
            conferencia = str(e)
        if conferencia != "ok":
            raise ErroCopia(f"A cópia {copia.name} está danificada ({conferencia}). Escolha outra.")
        yield sqlite_utils.Database(conexao)
    finally:
        conexao.close()


def verificar_copia(copia: Path, chave: bytes) -> None:
    """Levanta ErroCopia (ou BaseMaisNova) se a cópia não serve para restaurar com ``chave``."""
    with abrir_copia(copia, chave):
        pass


def base_danificada(caminho_base: Path, chave: bytes) -> bool:
    """Se a base não existe, não abre ou não passa na conferência do SQLite.

    Uma base em uso (BaseEmUso), mais nova que o programa (BaseMaisNova) ou em rede não é
    "danificada": esses erros sobem como estão.
    """
    if not Path(caminho_base).exists():
        return True
    try:
        base = Base.abrir(caminho_base, chave)
    except BaseCorrompida:
        return True
    try:
        return base.conexao.execute("PRAGMA quick_check").fetchone()[0] != "ok"
    except _ERROS_SQL:
        return True
    finally:
        base.fechar()


def restaurar(caminho_base: Path, copia: Path, chave: bytes) -> Path | None:
    """Põe a cópia no lugar da base, que deve estar fechada. Devolve onde ficou a base anterior.

    A cópia é primeiro copiada para um temporário ao lado da base e conferida (decifra com
    ``chave``, é do Paço, íntegra, não mais nova que o programa). A base anterior — com o seu
    ``-wal``, ``.chaves`` e ``.sigilo`` — fica guardada em ``<base>.antes-da-restauracao-<momento>``;
    depois a cópia, o arquivo sigiloso dela e o ``.chaves`` dela entram no lugar juntos
    (``copias_sigilo.trocar_juntos``: uma queda no meio é terminada na próxima abertura). Uma cópia
    sem ``.sigilo`` (de antes do sigilo) tira o arquivo sigiloso atual do lugar (fica guardado).
    Devolve None se não havia base anterior.
    """
    caminho_base, copia = Path(caminho_base), Path(copia)
    recusar_rede(caminho_base)
    if copia.resolve() == caminho_base.resolve():
        raise ErroCopia("Escolha um arquivo de cópia, não a própria base.")
    try:
        caminho_base.parent.mkdir(parents=True, exist_ok=True)  # computador novo: pasta vazia
    except OSError as e:
        raise _erro_de_gravacao(caminho_base.parent, e) from None
    trava = Trava(caminho_base)
    try:
        trava.adquirir()
    except BaseEmUso:
        raise BaseEmUso(
            "A base está aberta (nesta ou em outra janela do Paço). Feche-a antes de restaurar "
            "uma cópia."
        ) from None
    pasta = caminho_base.parent
    tmp = tmp_chaves = None
    tmps_sigilo = []
    try:
        try:
            tmp = copiar_para_temporario(copia, pasta, _TEMP_RESTAURACAO)
            if Path(f"{copia}-wal").exists():  # p.ex. uma base guardada que caiu com a sessão aberta
                shutil.copyfile(f"{copia}-wal", f"{tmp}-wal")
            _consolidar(tmp, chave)
        except OSError as e:
            raise _erro_de_gravacao(pasta, e) from None
        verificar_copia(tmp, chave)
        cabeca_copia = _cabeca_do_arquivo(tmp, chave)
        chaves_copia = ArquivoChaves.caminho_para(copia)
        chaves_base = ArquivoChaves.caminho_para(caminho_base)
        try:
            if chaves_copia.exists():
                tmp_chaves = copiar_para_temporario(chaves_copia, pasta, _TEMP_RESTAURACAO)
            try:
                tmps_sigilo = copias_sigilo.preparar_restauracao(copia, pasta, _TEMP_RESTAURACAO)
            except ErroBase as e:
                raise ErroCopia(str(e)) from None
            guardada = _guardar_anterior(caminho_base, chaves_base)
            destino_sigilo = sigilo.caminho_para(caminho_base)
            novos = {sufixo: t for t, sufixo in tmps_sigilo}
            pares = [(novos.get(sigilo.SUFIXO), destino_sigilo),
                     (novos.get(sigilo.SUFIXO + "-wal"), Path(f"{destino_sigilo}-wal")),
                     (tmp, caminho_base)]
            if tmp_chaves is not None:
                pares.append((tmp_chaves, chaves_base))
            copias_sigilo.trocar_juntos(caminho_base, pares)
        except OSError as e:
            raise _erro_de_gravacao(pasta, e) from None
        ancoras.esquecer(caminho_base)  # o diário voltou ao da cópia: ancorar de novo na próxima
        if cabeca_copia is not None and chaves_base.exists():
            # A âncora do arquivo de chaves passa a ser a da cópia (restaurar é voltar no tempo, por
            # decisão de um administrador); as cópias feitas depois dela ficam noutra linha do tempo.
            with suppress(OSError):
                ancorar(caminho_base, cabeca_copia, arquivo=chaves_base)
        return guardada
    finally:
        # Com pendências gravadas (a troca parou no meio), os temporários são delas: a próxima
        # abertura termina a troca (copias_sigilo.concluir_restauracao).
        pendente = copias_sigilo.caminho_pendencias(caminho_base).exists()
        for t in () if pendente else (tmp, tmp_chaves, *(t for t, _ in tmps_sigilo)):
            if t is not None:
                for sufixo in ("", "-wal", "-shm"):
                    Path(f"{t}{sufixo}").unlink(missing_ok=True)
        trava.soltar()


def _cabeca_do_arquivo(caminho: Path, chave: bytes) -> dict | None:
    """A âncora da cabeça do diário de um arquivo de base já conferido (None se não se lê)."""
    try:
        conexao = _conectar(caminho, chave, so_leitura=True)
    except _ERROS_SQL:
        return None
    try:
        return _cabeca_da_copia(conexao)
    except _ERROS_SQL:
        return None
    finally:
        conexao.close()


def _consolidar(tmp: Path, chave: bytes) -> None:
    """Junta ao arquivo o -wal que veio com ele e deixa-o sem -wal (um arquivo só), fsync.

    Se não decifrar, deixa como está: ``verificar_copia`` dirá o que há de errado.
    """
    conexao = _conectar(tmp, chave)
    try:
        conexao.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conexao.execute("PRAGMA journal_mode = DELETE")
    except _ERROS_SQL:
        pass
    finally:
        conexao.close()
    fsync_arquivo(tmp)


def _guardar_anterior(caminho_base: Path, chaves_base: Path) -> Path | None:
    """Guarda a base atual (e seu -wal e .chaves) ao lado, com a data; a base fica no lugar."""
    wal, shm = Path(f"{caminho_base}-wal"), Path(f"{caminho_base}-shm")
    if not any(p.exists() for p in (caminho_base, wal, chaves_base, sigilo.caminho_para(caminho_base))):
        return None
    guardada = _livre(Path(f"{caminho_base}.antes-da-restauracao-{datetime.now():%Y-%m-%d_%H%M%S}"))
    if caminho_base.exists():
        guardar_sem_mover(caminho_base, guardada)
    if chaves_base.exists():
        guardar_sem_mover(chaves_base, ArquivoChaves.caminho_para(guardada))
    copias_sigilo.guardar_anterior(caminho_base, guardada)
    # O -wal da base anterior não pode ficar ao lado da cópia restaurada (seria aplicado a ela):
    # vai junto com a base guardada, que assim abre com tudo o que tinha.
    if wal.exists():
        os.replace(wal, Path(f"{guardada}-wal"))
    shm.unlink(missing_ok=True)
    return guardada
