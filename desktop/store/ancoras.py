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
from .chaves import ArquivoChaves, ancorar

_log = logging.getLogger(__name__)
_ultimas: dict[tuple[str, str], int] = {}  # (arquivo da base, esquema) -> seq já ancorado
_escritas: dict[tuple[str, str], set[int]] = {}  # seqs que este processo gravou, ainda não ancorados
_trava = threading.Lock()
_MAIOR_LACUNA_CONFERIDA = 1_000_000


def cabeca(db: sqlite_utils.Database, esquema: str = "main") -> dict | None:
    """A âncora da cabeça atual do diário de ``esquema`` (None num diário vazio)."""
    linha = db.execute(
        f"SELECT seq, hash, momento FROM {diario.tabela_diario(esquema)} ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return {"seq": linha[0], "hash": linha[1], "momento": linha[2]} if linha else None


def escrita(caminho_base: Path, esquema: str, seq: int) -> None:
    """Anota que este processo (pelo Paço, ``Sessao.mudanca``) gravou a linha ``seq`` do diário."""
    with _trava:
        _escritas.setdefault((str(caminho_base), esquema), set()).add(seq)


def _lacuna(chave: tuple[str, str], anterior: dict | None, cab: dict) -> dict | None:
    """As linhas entre a âncora anterior e a cabeça que este processo não gravou: entraram por fora."""
    if anterior is None or anterior["seq"] >= cab["seq"]:
        return None
    if cab["seq"] - anterior["seq"] > _MAIOR_LACUNA_CONFERIDA:
        return None
    with _trava:
        minhas = _escritas.get(chave, set())
        estranhas = [s for s in range(anterior["seq"] + 1, cab["seq"] + 1) if s not in minhas]
    if not estranhas:
        return None
    return {"de": estranhas[0], "ate": estranhas[-1], "linhas": len(estranhas),
            "notada_em": cab["momento"], "ancora_anterior": anterior["seq"]}


def ancorar_base(base) -> None:
    """Ancora no arquivo de chaves a cabeça de cada diário que a conexão enxerga, se avançou.

    Chamado depois que uma transação confirma. Antes de avançar, confere se todas as linhas desde a
    âncora anterior foram gravadas por este processo; as que não foram (acrescentadas com a chave
    por fora do Paço, ou gravadas por um Paço interrompido antes de ancorar) ficam anotadas como
    lacuna no arquivo de chaves, e a verificação de integridade as acusa com o número da linha.

    Uma falha de gravação (pen drive cheio, arquivo protegido) não desfaz nada: a mudança já foi
    confirmada; fica no registro e a próxima tenta de novo. Sem arquivo de chaves (base aberta só
    com a chave de recuperação), nada a fazer.
    """
    arquivo = ArquivoChaves.caminho_para(base.caminho)
    try:
        for esquema in diario.esquemas(base.db):
            cab = cabeca(base.db, esquema)
            if cab is None:
                continue
            chave = (str(base.caminho), esquema)
            with _trava:
                if _ultimas.get(chave) == cab["seq"]:
                    continue
            lacuna = _lacuna(chave, ler(arquivo).get(esquema), cab)
            if ancorar(base.caminho, cab, esquema=esquema, lacuna=lacuna):
                with _trava:
                    _ultimas[chave] = cab["seq"]
                    minhas = _escritas.get(chave)
                    if minhas:
                        minhas.difference_update([s for s in minhas if s <= cab["seq"]])
    except OSError as e:
        _log.warning("Não foi possível ancorar o diário no arquivo de chaves: %s", e.strerror or e)


def esquecer(caminho_base: Path) -> None:
    """Esquece o que já foi ancorado para a base (depois de restaurar uma cópia, por exemplo)."""
    with _trava:
        for d in (_ultimas, _escritas):
            for chave in [k for k in d if k[0] == str(caminho_base)]:
                del d[chave]


def lacunas(arquivo: Path) -> dict[str, list[dict]]:
    """As lacunas anotadas num arquivo de chaves: {esquema: [{"de", "ate", "linhas", "notada_em"}]}."""
    try:
        dados = json.loads(Path(arquivo).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    saida: dict[str, list[dict]] = {}
    for campo, valor in (dados.items() if isinstance(dados, dict) else ()):
        if campo.startswith("ancora") and campo.endswith("_lacunas") and isinstance(valor, list):
            meio = campo.removeprefix("ancora").removesuffix("_lacunas")
            esquema = meio.removeprefix("_") or "main"
            itens = [v for v in valor if isinstance(v, dict) and isinstance(v.get("de"), int)
                     and isinstance(v.get("ate"), int)]
            if itens:
                saida[esquema] = itens
    return saida


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
        if not campo.startswith("ancora") or campo.endswith("_lacunas") or not isinstance(valor, dict):
            continue
        esquema = "main" if campo == "ancora" else campo.removeprefix("ancora_")
        try:
            saida[esquema] = {"seq": int(valor["seq"]), "hash": str(valor["hash"]),
                              "momento": str(valor.get("momento") or "")}
        except (KeyError, TypeError, ValueError):
            continue
    return saida
