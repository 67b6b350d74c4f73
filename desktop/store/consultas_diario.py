"""Consultas ao diário de auditoria com filtros (usuário, tabela, período, texto), para a tela e o relatório.

Devolvem só os metadados de cada linha (quem, quando, máquina, tabela, registro, ação, hash), nunca o
antes e o depois; o texto procura no registro, na máquina, no usuário e na tabela, nunca no conteúdo.

O período é dado em datas locais (dd/mm/aaaa na tela) e convertido para os limites em UTC com
que o diário grava ``momento``; a data final é inclusiva.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

import sqlite_utils

from desktop.rules import formato

from .diario import tabela_diario

LIMITE_PADRAO = 1000
ROTULOS_ESQUEMA = {"main": "geral", "sigilo": "sigiloso do Conselho Tutelar"}
# Só metadados: quem, quando, onde, o quê (tabela e registro), a ação e o hash da linha. O antes e o
# depois nunca saem daqui: guardam conteúdo (nomes, relatos, telefones) que quem audita não lê.
_COLUNAS = "seq, momento, usuario, maquina, versao_programa, tabela, registro_id, acao, hash"


@dataclass(frozen=True)
class FiltrosDiario:
    usuario: str | None = None
    tabela: str | None = None
    de: date | datetime | None = None
    ate: date | datetime | None = None
    texto: str | None = None
    esquema: str = "main"  # "main" (diário geral) ou o de uma base anexada (ex.: "sigilo")

    def descricao(self) -> str:
        """Os filtros em português, para o relatório ("nenhum" quando é o diário inteiro)."""
        partes = [] if self.esquema == "main" else [f"diário {ROTULOS_ESQUEMA.get(self.esquema, self.esquema)}"]
        if self.usuario:
            partes.append(f"usuário {self.usuario}")
        if self.tabela:
            partes.append(f"tabela {self.tabela}")
        if self.de and self.ate:
            partes.append(f"período de {formato.quando(self.de, hora_local=False)} a {formato.quando(self.ate, hora_local=False)}")
        elif self.de:
            partes.append(f"a partir de {formato.quando(self.de, hora_local=False)}")
        elif self.ate:
            partes.append(f"até {formato.quando(self.ate, hora_local=False)}")
        if self.texto:
            partes.append(f"texto “{self.texto}”")
        return " · ".join(partes) if partes else "nenhum"


def _utc(momento: datetime) -> str:
    if momento.tzinfo is None:
        momento = momento.astimezone()  # hora local da máquina
    return momento.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def limite_inicial(de: date | datetime) -> str:
    """Início do período em ISO UTC (uma data conta desde 00:00 local)."""
    return _utc(de if isinstance(de, datetime) else datetime.combine(de, time.min))


def limite_final(ate: date | datetime) -> str:
    """Fim exclusivo do período em ISO UTC (uma data inclui o dia inteiro, hora local)."""
    if isinstance(ate, datetime):
        return _utc(ate)
    return _utc(datetime.combine(ate + timedelta(days=1), time.min))


def _onde(f: FiltrosDiario) -> tuple[str, list]:
    condicoes, params = [], []
    if f.usuario:
        condicoes.append("usuario = ?")
        params.append(f.usuario)
    if f.tabela:
        condicoes.append("tabela = ?")
        params.append(f.tabela)
    if f.de:
        condicoes.append("momento >= ?")
        params.append(limite_inicial(f.de))
    if f.ate:
        condicoes.append("momento < ?")
        params.append(limite_final(f.ate))
    if f.texto:
        # Nunca no antes/depois: a busca no conteúdo seria um oráculo sobre ele.
        condicoes.append("(registro_id LIKE ? OR maquina LIKE ? OR usuario LIKE ? OR tabela LIKE ?)")
        params.extend([f"%{f.texto}%"] * 4)
    return (f"WHERE {' AND '.join(condicoes)}" if condicoes else ""), params


def listar(db: sqlite_utils.Database, usuario: str | None = None, tabela: str | None = None,
           de: date | datetime | None = None, ate: date | datetime | None = None,
           texto: str | None = None, limite: int = LIMITE_PADRAO, *,
           crescente: bool = False, esquema: str = "main") -> list[dict]:
    """Linhas do diário que atendem aos filtros: as mais recentes primeiro, até ``limite``.

    Com ``crescente``, as primeiras (mais antigas) em ordem cronológica.
    """
    onde, params = _onde(FiltrosDiario(usuario, tabela, de, ate, texto))
    ordem = "ASC" if crescente else "DESC"
    return list(db.query(
        f"SELECT {_COLUNAS} FROM {tabela_diario(esquema)} {onde} ORDER BY seq {ordem} LIMIT ?", [*params, limite]
    ))


def contar(db: sqlite_utils.Database, usuario: str | None = None, tabela: str | None = None,
           de: date | datetime | None = None, ate: date | datetime | None = None,
           texto: str | None = None, *, esquema: str = "main") -> int:
    onde, params = _onde(FiltrosDiario(usuario, tabela, de, ate, texto))
    return db.execute(f"SELECT count(*) FROM {tabela_diario(esquema)} {onde}", params).fetchone()[0]


def usuarios(db: sqlite_utils.Database, *, esquema: str = "main") -> list[str]:
    """Logins que aparecem no diário (para o filtro da tela)."""
    return [r[0] for r in db.execute(f"SELECT DISTINCT usuario FROM {tabela_diario(esquema)} ORDER BY usuario")]


def tabelas(db: sqlite_utils.Database, *, esquema: str = "main") -> list[str]:
    """Tabelas que aparecem no diário (para o filtro da tela)."""
    return [r[0] for r in db.execute(f"SELECT DISTINCT tabela FROM {tabela_diario(esquema)} ORDER BY tabela")]


def restauracoes(db: sqlite_utils.Database) -> list[tuple[int, str]]:
    """(seq, momento) de cada restauração de cópia registrada no diário geral."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT seq, momento FROM diario WHERE tabela = 'copias' AND acao = 'evento' "
        "AND json_extract(depois, '$.evento') LIKE 'restauração%' ORDER BY seq")]


def ultimos_eventos(db: sqlite_utils.Database, tabela: str) -> list[tuple[str, str, str]]:
    """(registro, evento, momento do último) de cada evento registrado no diário geral para a ``tabela`` — só o
    nome do evento (``$.evento``), nada mais do ``depois``."""
    return [(r[0], r[1], r[2]) for r in db.execute(
        "SELECT registro_id, json_extract(depois, '$.evento') AS evento, max(momento) FROM diario "
        "WHERE tabela = ? AND acao = 'evento' GROUP BY registro_id, evento", [tabela])]
