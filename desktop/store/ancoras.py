"""Âncoras do diário: a cabeça da corrente (seq e hash) gravada fora da base, para conferir depois.

Uma âncora é ``{"seq": N, "hash": "…", "momento": ISO}``: o último elo do diário num instante. Ficam
no arquivo de chaves (campo ``ancora``; ``ancora_<esquema>`` para o diário de uma base anexada),
no ``.chaves`` de cada cópia de segurança e no registro de cada documento emitido. Quem apaga o fim
do diário, ou reescreve uma linha e recalcula os hashes seguintes, não acerta as âncoras que não
alcançou: ``desktop.store.integridade`` as compara com a corrente.
"""
from __future__ import annotations

import atexit
import json
import logging
import threading
import time
from pathlib import Path

import sqlite_utils

from . import diario
from .chaves import ArquivoChaves, ancorar

_log = logging.getLogger(__name__)
_ultimas: dict[tuple[str, str], int] = {}  # (arquivo da base, esquema) -> seq já ancorado
_escritas: dict[tuple[str, str], set[int]] = {}  # seqs que este processo gravou, ainda não ancorados
_trava = threading.Lock()
_fila = threading.Condition()  # pedidos de âncora para a thread de fundo
_pendentes: dict[tuple[str, str], dict] = {}  # (arquivo da base, esquema) -> cabeça mais nova pedida
_ocupada = False
_thread: threading.Thread | None = None
_MAIOR_LACUNA_CONFERIDA = 1_000_000
_JUNTAR = 0.05  # segundos que a thread espera por mais pedidos antes de gravar


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


def ancorar_base(base, cabecas: dict[str, dict] | None = None) -> None:
    """Pede a âncora da cabeça de cada diário que avançou.

    Chamado depois que uma transação confirma, com ``cabecas``: {esquema: a última linha do diário que a
    transação gravou} (``Mudanca.cabecas``; ``seq``, ``hash`` e ``momento`` dela) — a cabeça de cada
    diário que ela tocou, sem reler nada (a transação segurou a escrita do BEGIN IMMEDIATE ao COMMIT e
    cada linha encadeou na anterior). Sem ``cabecas`` (quem gravou no diário por fora de uma mudança,
    p.ex. ``sigilo.mover_para_sigilo``), lê a cabeça de cada diário que a conexão enxerga. Entrega a
    gravação a uma thread de fundo, que junta os pedidos (só a cabeça mais nova de cada diário é
    gravada) e faz a gravação atômica com fsync fora do caminho de quem gravou: um lote de mil
    transações não espera mil fsyncs. ``aguardar`` espera a fila esvaziar (ao fechar a sessão e antes
    de verificar a integridade).
    """
    if cabecas is not None:
        pedidos = [((str(base.caminho), esquema), {"seq": linha["seq"], "hash": linha["hash"],
                                                   "momento": linha["momento"]})
                   for esquema, linha in cabecas.items()]
        if not pedidos:
            return
    else:
        try:
            pedidos = []
            for esquema in diario.esquemas(base.db):
                cab = cabeca(base.db, esquema)
                if cab is not None:
                    pedidos.append(((str(base.caminho), esquema), cab))
        except Exception as e:  # a conexão fechou no meio, por exemplo: a próxima mudança ancora
            _log.warning("Não foi possível ler a cabeça do diário para ancorar: %s", e)
            return
    with _fila:
        for chave, cab in pedidos:
            if _ultimas.get(chave) == cab["seq"]:
                continue
            atual = _pendentes.get(chave)
            if atual is None or atual["seq"] < cab["seq"]:
                _pendentes[chave] = cab
        if _pendentes:
            _iniciar_thread()
            _fila.notify_all()


def _gravar_pedido(chave: tuple[str, str], cab: dict) -> None:
    """Confere a lacuna desde a âncora anterior e grava a âncora no arquivo de chaves."""
    caminho_base, esquema = Path(chave[0]), chave[1]
    arquivo = ArquivoChaves.caminho_para(caminho_base)
    try:
        lacuna = _lacuna(chave, ler(arquivo).get(esquema), cab)
        if ancorar(caminho_base, cab, esquema=esquema, lacuna=lacuna):
            with _trava:
                _ultimas[chave] = cab["seq"]
                minhas = _escritas.get(chave)
                if minhas:
                    minhas.difference_update([s for s in minhas if s <= cab["seq"]])
    except OSError as e:
        _log.warning("Não foi possível ancorar o diário no arquivo de chaves: %s", e.strerror or e)


def _trabalhar() -> None:
    global _ocupada
    while True:
        with _fila:
            while not _pendentes:
                _ocupada = False
                _fila.notify_all()
                _fila.wait()
            _ocupada = True
        time.sleep(_JUNTAR)  # junta os pedidos de uma rajada de transações num só fsync
        with _fila:
            lote = list(_pendentes.items())
            _pendentes.clear()
        for chave, cab in lote:
            try:
                _gravar_pedido(chave, cab)
            except Exception:  # nunca derruba a thread: a próxima mudança tenta de novo
                _log.exception("Falha ao ancorar o diário")


def _iniciar_thread() -> None:
    global _thread
    if _thread is None or not _thread.is_alive():
        _thread = threading.Thread(target=_trabalhar, name="paco-ancoras", daemon=True)
        _thread.start()


def aguardar(tempo: float = 30.0) -> bool:
    """Espera as âncoras pedidas serem gravadas; devolve se a fila esvaziou a tempo."""
    with _fila:
        return _fila.wait_for(lambda: not _pendentes and not _ocupada, timeout=tempo)


atexit.register(aguardar, 10.0)


def esquecer(caminho_base: Path) -> None:
    """Esquece o que já foi ancorado para a base (depois de restaurar uma cópia, por exemplo)."""
    aguardar()
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
