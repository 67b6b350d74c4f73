"""Âncoras do diário: a cabeça da corrente (seq e hash) gravada fora da base, para conferir depois.

Uma âncora é ``{"seq": N, "hash": "…", "momento": ISO}``: o último elo do diário num instante. Ficam
no arquivo de chaves (campo ``ancora``; ``ancora_<esquema>`` para o diário de uma base anexada),
no ``.chaves`` de cada cópia de segurança e no registro de cada documento emitido. Quem apaga o fim
do diário, ou reescreve uma linha e recalcula os hashes seguintes, não acerta as âncoras que não
alcançou: ``desktop.store.integridade`` as compara com a corrente.
"""
from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import sqlite_utils

from . import diario
from .chaves import ancorar

_log = logging.getLogger(__name__)
_ultimas: dict[tuple[str, str], int] = {}  # (arquivo da base, esquema) -> seq já ancorado
_trava = threading.Lock()


def cabeca(db: sqlite_utils.Database, esquema: str = "main") -> dict | None:
    """A âncora da cabeça atual do diário de ``esquema`` (None num diário vazio)."""
    linha = db.execute(
        f"SELECT seq, hash, momento FROM {diario.tabela_diario(esquema)} ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return {"seq": linha[0], "hash": linha[1], "momento": linha[2]} if linha else None


def ancorar_base(base) -> None:
    """Ancora no arquivo de chaves a cabeça de cada diário que a conexão enxerga, se avançou.

    Chamado depois que uma transação confirma. Uma falha de gravação (pen drive cheio, arquivo
    protegido) não desfaz nada: a mudança já foi confirmada; fica no registro e a próxima tenta de
    novo. Sem arquivo de chaves (base aberta só com a chave de recuperação), nada a fazer.
    """
    try:
        for esquema in diario.esquemas(base.db):
            cab = cabeca(base.db, esquema)
            if cab is None:
                continue
            chave = (str(base.caminho), esquema)
            with _trava:
                if _ultimas.get(chave) == cab["seq"]:
                    continue
            if ancorar(base.caminho, cab, esquema=esquema):
                with _trava:
                    _ultimas[chave] = cab["seq"]
    except OSError as e:
        _log.warning("Não foi possível ancorar o diário no arquivo de chaves: %s", e.strerror or e)


def esquecer(caminho_base: Path) -> None:
    """Esquece o que já foi ancorado para a base (depois de restaurar uma cópia, por exemplo)."""
    with _trava:
        for chave in [k for k in _ultimas if k[0] == str(caminho_base)]:
            del _ultimas[chave]


def ler(arquivo: Path) -> dict[str, dict]:
    """As âncoras gravadas num arquivo de chaves (da base ou de uma cópia): {esquema: âncora}."""
    try:
        dados = json.loads(Path(arquivo).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(dados, dict):
        return {}
    saida = {}
    for campo, valor in dados.items():
        if not campo.startswith("ancora") or not isinstance(valor, dict):
            continue
        esquema = "main" if campo == "ancora" else campo.removeprefix("ancora_")
        try:
            saida[esquema] = {"seq": int(valor["seq"]), "hash": str(valor["hash"]),
                              "momento": str(valor.get("momento") or "")}
        except (KeyError, TypeError, ValueError):
            continue
    return saida
