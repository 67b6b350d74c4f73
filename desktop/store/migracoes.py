"""Aplicação atômica de migrações SQL: todas as pendentes numa só transação, ou nenhuma.

Não depende do ``executescript`` de biblioteca nenhuma (o do sqlite3 faz COMMIT antes de rodar, e
o comportamento do sqlite-utils mudou entre versões): o texto de cada migração é dividido em
comandos completos com ``sqlite3.complete_statement`` (que entende o ``BEGIN … END;`` dos
gatilhos e o ponto e vírgula dentro de texto entre aspas) e cada comando é executado na conexão
crua, entre ``BEGIN IMMEDIATE`` e ``COMMIT``, junto com o ``PRAGMA user_version`` da migração.
Se um comando falhar, ``ROLLBACK``: a base fica exatamente como estava.

``aplicar_migracoes(conexao, esquema, lista)`` serve a qualquer esquema da conexão (``main`` ou
um arquivo anexado com ATTACH), cada um com a sua ``user_version``.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from .erros import ErroBase


class ErroMigracao(ErroBase):
    """Uma migração falhou; nada das pendentes foi aplicado. ``numero``/``arquivo`` dizem qual."""

    def __init__(self, mensagem: str, *, numero: int, arquivo: Path, versao_anterior: int):
        super().__init__(mensagem)
        self.numero = numero
        self.arquivo = Path(arquivo)
        self.versao_anterior = versao_anterior


# Comentários de linha e de bloco; tirados eles, o que sobra decide se há comando. (A forma antiga,
# um fullmatch de "(\s+|comentário)*", voltava atrás exponencialmente: 86 s num script de 0021.)
_COMENTARIOS = re.compile(r"--[^\n]*|/\*.*?\*/", re.DOTALL)


def listar(pasta: Path, rotulo: str = "Migrações") -> list[tuple[int, Path]]:
    """As migrações numeradas ``NNNN_nome.sql`` da pasta, em ordem; recusa um buraco na sequência."""
    itens = []
    for arq in sorted(pasta.glob("*.sql")):
        m = re.match(r"(\d{4})_", arq.name)
        if m:
            itens.append((int(m.group(1)), arq))
    numeros = [n for n, _ in itens]
    if numeros != list(range(1, len(numeros) + 1)):
        raise RuntimeError(f"{rotulo} fora de sequência em {pasta}: {numeros}")
    return itens


def _vazio(texto: str) -> bool:
    """Só espaços e comentários."""
    return not _COMENTARIOS.sub("", texto).strip()


def dividir_sql(texto: str) -> list[str]:
    """Os comandos completos de um script SQL, na ordem; recusa um comando final incompleto."""
    comandos: list[str] = []
    atual = ""
    pedacos = texto.split(";")
    for pedaco in pedacos[:-1]:
        atual += pedaco + ";"
        if sqlite3.complete_statement(atual):
            if not _vazio(atual[:-1]):
                comandos.append(atual.strip())
            atual = ""
    atual += pedacos[-1]
    if not _vazio(atual):
        if not sqlite3.complete_statement(atual + ";"):  # o último comando pode vir sem ";"
            raise ValueError(f"comando SQL incompleto no fim do script: {atual.strip()[:80]!r}")
        comandos.append(atual.strip())
    return comandos


def _esquema_valido(esquema: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", esquema):
        raise ValueError(f"nome de esquema inválido: {esquema!r}")
    return esquema


def versao(conexao, esquema: str = "main") -> int:
    return conexao.execute(f"PRAGMA {_esquema_valido(esquema)}.user_version").fetchone()[0]


def aplicar_migracoes(conexao, esquema: str, lista: list[tuple[int, Path]]) -> list[int]:
    """Aplica, numa só transação, as migrações de ``lista`` (número, arquivo) acima da versão atual.

    ``conexao`` é a conexão DB-API crua em modo autocommit (``isolation_level=None``), fora de
    transação. Devolve os números aplicados. Se qualquer comando falhar, desfaz tudo e levanta
    ``ErroMigracao``; a ``user_version`` e as tabelas ficam como antes.
    """
    esquema = _esquema_valido(esquema)
    atual = versao(conexao, esquema)
    pendentes = [(n, Path(a)) for n, a in lista if n > atual]
    if not pendentes:
        return []
    if conexao.in_transaction:
        raise RuntimeError("aplicar_migracoes precisa de uma conexão fora de transação")
    conexao.execute("BEGIN IMMEDIATE")
    numero, arquivo = pendentes[0]
    try:
        for numero, arquivo in pendentes:
            for comando in dividir_sql(arquivo.read_text(encoding="utf-8")):
                conexao.execute(comando)
            conexao.execute(f"PRAGMA {esquema}.user_version = {int(numero)}")
        conexao.execute("COMMIT")
    except BaseException as erro:
        if conexao.in_transaction:
            conexao.execute("ROLLBACK")
        if not isinstance(erro, Exception):
            raise
        raise ErroMigracao(
            f"A atualização da base falhou na migração {numero} ({arquivo.name}): "
            f"{type(erro).__name__}: {erro}. Nada foi alterado: a base continua no esquema {atual}.",
            numero=numero, arquivo=arquivo, versao_anterior=atual,
        ) from erro
    return [n for n, _ in pendentes]
