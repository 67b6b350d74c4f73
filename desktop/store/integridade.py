"""Verificação de integridade do diário: a corrente de hashes, as âncoras de fora da base e as tabelas.

A corrente sozinha só acusa quem edita uma linha sem recalcular os hashes. As âncoras (a cabeça
``(seq, hash)`` gravada no arquivo de chaves, no ``.chaves`` de cada cópia e no registro de cada
documento) acusam também: o fim apagado (âncora além da última linha), a corrente reescrita com os
hashes recalculados (hash da âncora diferente do da linha) e linhas forjadas acrescentadas depois da
âncora mais recente. Cada achado diz o número da linha. A conferência das tabelas de dados contra o
diário fica em ``integridade_dados``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import sqlite_utils

from .diario import _CAMPOS, GENESE, calcular_hash, tabela_diario

LIMITE_ACHADOS = 100  # por diário e tipo: além disso, só a contagem


@dataclass(frozen=True)
class Ancora:
    """Uma cabeça da corrente gravada fora da base (ou no registro de um documento)."""

    origem: str  # "arquivo de chaves", "cópia paco-….db", "documento Contracheque nº 3/2026"
    esquema: str
    seq: int
    hash: str
    momento: str = ""
    copia: Path | None = None  # a cópia de segurança, quando a âncora é dela (para localizar)


@dataclass(frozen=True)
class Achado:
    """Um problema encontrado, com a linha do diário (``seq``) quando há uma."""

    esquema: str
    tipo: str  # alterada, elo, apagada, inicio, truncada, reescrita, forjada, dados_*
    seq: int | None
    mensagem: str


@dataclass
class Corrente:
    """O resultado de percorrer a corrente de um diário."""

    esquema: str
    linhas: int = 0
    ultima: int = 0  # seq da última linha
    achados: list[Achado] = field(default_factory=list)
    hashes: dict[int, str] = field(default_factory=dict)  # só nos seqs das âncoras
    omitidos: int = 0

    def achar(self, tipo: str, seq: int | None, mensagem: str) -> None:
        if sum(1 for a in self.achados if a.tipo == tipo) >= LIMITE_ACHADOS:
            self.omitidos += 1
            return
        self.achados.append(Achado(self.esquema, tipo, seq, mensagem))


ROTULO_ESQUEMA = {"main": "Diário", "sigilo": "Diário sigiloso"}


def rotulo(esquema: str) -> str:
    return ROTULO_ESQUEMA.get(esquema, f"Diário {esquema}")


def percorrer(db: sqlite_utils.Database, esquema: str = "main", interesse: Iterable[int] = (),
              progresso: Callable[[int, int], None] | None = None) -> Corrente:
    """Recalcula a corrente inteira; guarda os hashes dos seqs em ``interesse`` (os das âncoras).

    ``progresso(linhas, total)`` a cada 20.000 linhas (uma exceção nele interrompe).
    """
    c, querer = Corrente(esquema), set(interesse)
    total = db.execute(f"SELECT count(*) FROM {tabela_diario(esquema)}").fetchone()[0] if progresso else 0
    anterior_seq, anterior_hash = 0, GENESE
    for linha in db.query(f"SELECT {', '.join(_CAMPOS)}, hash FROM {tabela_diario(esquema)} ORDER BY seq"):
        c.linhas += 1
        if progresso and c.linhas % 20000 == 0:
            progresso(c.linhas, total)
        seq = linha["seq"]
        if seq != anterior_seq + 1:
            if anterior_seq == 0:
                c.achar("inicio", 1, f"as linhas nº 1 a {seq - 1} foram apagadas (o diário começa na nº {seq})")
            elif seq == anterior_seq + 2:
                c.achar("apagada", anterior_seq + 1, f"a linha nº {anterior_seq + 1} foi apagada")
            else:
                c.achar("apagada", anterior_seq + 1,
                        f"as linhas nº {anterior_seq + 1} a {seq - 1} foram apagadas")
        elif linha["hash_anterior"] != anterior_hash:
            if anterior_seq == 0:
                c.achar("elo", seq, f"a linha nº {seq} não começa a corrente (hash anterior não é o inicial)")
            else:
                c.achar("elo", anterior_seq,
                        f"a linha nº {seq} não aponta para a nº {anterior_seq}: a nº {anterior_seq} foi "
                        "reescrita com o hash recalculado (ou a nº " f"{seq} foi alterada)")
        if calcular_hash(linha) != linha["hash"]:
            c.achar("alterada", seq, f"a linha nº {seq} foi alterada depois de gravada (o hash não confere)")
        if seq in querer:
            c.hashes[seq] = linha["hash"]
        anterior_seq, anterior_hash = seq, linha["hash"]
    c.ultima = anterior_seq
    return c


def _em(origem: str) -> str:
    """"no arquivo de chaves", "na cópia …", "no documento …"."""
    return f"na {origem}" if origem.startswith("cópia") else f"no {origem}"


def _curto(h: str) -> str:
    return f"{h[:8]}…"


def conferir_ancoras(c: Corrente, ancoras: list[Ancora]) -> list[Ancora]:
    """Compara a corrente com as âncoras do seu diário; devolve as que não conferem (reescrita).

    Âncora além da última linha: o fim do diário foi apagado (um achado, pela âncora mais adiante).
    Âncora numa linha que falta: já acusada como linha apagada ao percorrer a corrente.
    """
    alem = [a for a in ancoras if a.seq > c.ultima]
    if alem:
        a = max(alem, key=lambda a: a.seq)
        quando = f", de {a.momento[:16].replace('T', ' ')}" if a.momento else ""
        c.achar("truncada", c.ultima + 1,
                f"o diário termina na linha nº {c.ultima}, mas a âncora {_em(a.origem)}{quando} registra a "
                f"linha nº {a.seq}: as linhas nº {c.ultima + 1} a {a.seq} foram apagadas (ou a base foi "
                "trocada por uma mais antiga)")
    return sorted((a for a in ancoras if a.seq in c.hashes and c.hashes[a.seq] != a.hash),
                  key=lambda a: a.seq)


def conferir_forjadas(c: Corrente, ancoras: list[Ancora]) -> None:
    """Linhas depois da âncora mais recente: não passaram pelo Paço (que ancora a cada mudança)."""
    if not ancoras:
        return
    recente = max(ancoras, key=lambda a: a.seq)
    if c.ultima > recente.seq:
        fim = f"nº {recente.seq + 1}" if c.ultima == recente.seq + 1 else f"nº {recente.seq + 1} a {c.ultima}"
        c.achar("forjada", recente.seq + 1,
                f"linha(s) {fim} depois da âncora mais recente ({recente.origem}, linha nº {recente.seq}): "
                "foram acrescentadas por fora do Paço (ou o Paço foi interrompido antes de ancorar)")


def primeira_diferente(db: sqlite_utils.Database, referencia: sqlite_utils.Database, esquema: str,
                       ate: int) -> int | None:
    """A primeira linha (até ``ate``) cujo hash difere entre a base e uma cópia (a ``referencia``)."""
    tabela = tabela_diario(esquema)
    atuais = db.execute(f"SELECT seq, hash FROM {tabela} WHERE seq <= ? ORDER BY seq", [ate])
    antigas = referencia.execute("SELECT seq, hash FROM diario WHERE seq <= ? ORDER BY seq", [ate])
    for atual, antiga in zip(atuais, antigas):
        if atual != antiga:
            return min(atual[0], antiga[0])
    return None


def localizar_reescrita(c: Corrente, reescritas: list[Ancora], conferidas: list[Ancora],
                        localizada: int | None) -> None:
    """Um achado por reescrita: a linha exata (``localizada``, de uma cópia) ou o intervalo possível."""
    if not reescritas:
        return
    primeira = min(reescritas, key=lambda a: a.seq)
    origens = ", ".join(sorted({a.origem for a in reescritas})[:3])
    if localizada is not None:
        c.achar("reescrita", localizada,
                f"o diário foi reescrito a partir da linha nº {localizada} com os hashes recalculados: "
                f"a cópia de segurança guarda outra linha nº {localizada}; não conferem as âncoras de "
                f"{origens}")
        return
    boas = [a.seq for a in conferidas if a.seq < primeira.seq]
    desde = (max(boas) + 1) if boas else 1
    c.achar("reescrita", primeira.seq,
            f"o diário foi reescrito com os hashes recalculados em alguma linha entre a nº {desde} e a "
            f"nº {primeira.seq}: a âncora {_em(primeira.origem)} registra para a linha nº {primeira.seq} "
            f"o hash {_curto(primeira.hash)}, o diário tem {_curto(c.hashes[primeira.seq])}")
