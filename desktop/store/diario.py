"""Diário de auditoria: uma linha por mudança, na mesma transação, encadeada por SHA-256.

Cada linha guarda quem, quando, em que máquina, que tabela e registro, o antes e o depois, e o
hash da linha anterior. Alterar ou apagar uma linha do meio quebra a corrente a partir dela, e
``verificar`` aponta a primeira linha quebrada.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import sqlite_utils

from .ids import agora

GENESE = "0" * 64
_CAMPOS = ("seq", "momento", "usuario", "maquina", "versao_programa", "tabela", "registro_id",
           "acao", "antes", "depois", "hash_anterior")


def _json(valor) -> str | None:
    if valor is None:
        return None
    return json.dumps(valor, ensure_ascii=False, sort_keys=True, default=str)


def calcular_hash(linha: dict) -> str:
    conteudo = json.dumps({c: linha[c] for c in _CAMPOS}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(conteudo.encode("utf-8")).hexdigest()


def tabela_diario(esquema: str) -> str:
    """O nome qualificado da tabela do diário: ``main.diario`` ou o de uma base anexada."""
    if not esquema.isidentifier():
        raise ValueError(f"Esquema inválido para o diário: {esquema!r}")
    return f"{esquema}.diario"


def ultima_seq(db: sqlite_utils.Database, ignorar: tuple[str, ...] = ()) -> int:
    """O número da última linha do diário (0 se vazio): muda a cada alteração feita por um serviço.

    ``ignorar``: tabelas cujas linhas não contam (eventos que não mudam o que quem pergunta mostra); a
    busca anda do fim do diário para trás e para na primeira linha que conta."""
    filtro = f" WHERE tabela NOT IN ({', '.join('?' * len(ignorar))})" if ignorar else ""
    linha = db.execute(f"SELECT seq FROM main.diario{filtro} ORDER BY seq DESC LIMIT 1", list(ignorar)).fetchone()
    return linha[0] if linha else 0


def registrar(db: sqlite_utils.Database, *, usuario: str, maquina: str, versao: str, tabela: str,
              registro_id: str, acao: str, antes=None, depois=None, esquema: str = "main") -> dict:
    """Acrescenta uma linha ao diário. Chame dentro da transação da mudança.

    ``esquema`` escolhe o diário: ``main`` (a base) ou o de uma base anexada (ex.: ``sigilo``, o
    arquivo sigiloso do Conselho), cada um com a sua própria corrente de hashes.
    """
    alvo = tabela_diario(esquema)
    ultima = db.execute(f"SELECT seq, hash FROM {alvo} ORDER BY seq DESC LIMIT 1").fetchone()
    seq, anterior = (ultima[0] + 1, ultima[1]) if ultima else (1, GENESE)
    linha = {
        "seq": seq, "momento": agora(), "usuario": usuario, "maquina": maquina,
        "versao_programa": versao, "tabela": tabela, "registro_id": str(registro_id),
        "acao": acao, "antes": _json(antes), "depois": _json(depois), "hash_anterior": anterior,
    }
    linha["hash"] = calcular_hash(linha)
    colunas = list(linha)
    db.execute(f"INSERT INTO {alvo} ({', '.join(colunas)}) VALUES ({', '.join('?' for _ in colunas)})",
               [linha[c] for c in colunas])
    return linha


def esquemas(db: sqlite_utils.Database) -> list[str]:
    """Os diários que esta conexão enxerga: ``main`` e o de cada base anexada que tenha um."""
    saida = []
    for _n, nome, _arq in db.execute("PRAGMA database_list").fetchall():
        if nome == "temp" or not nome.isidentifier():
            continue
        if db.execute(f"SELECT 1 FROM {nome}.sqlite_master WHERE type = 'table' AND name = 'diario'"
                      ).fetchone():
            saida.append(nome)
    return saida


def cabeca(db: sqlite_utils.Database, *, esquema: str = "main") -> tuple[int, str] | None:
    """O elo mais recente da corrente: (seq, hash), ou None num diário vazio."""
    linha = db.execute(f"SELECT seq, hash FROM {tabela_diario(esquema)} ORDER BY seq DESC LIMIT 1"
                       ).fetchone()
    return (linha[0], linha[1]) if linha else None


def estado_da_base_geral(db: sqlite_utils.Database) -> tuple:
    """Muda sempre que a base geral pode ter mudado: ``data_version`` (muda com a confirmação de qualquer outra
    conexão, de qualquer processo) e a cabeça do diário geral (toda mudança de um serviço, também desta conexão,
    acrescenta uma linha a ele). Duas consultas de microssegundos — para guardar uma conferência enquanto vale."""
    return db.execute("PRAGMA main.data_version").fetchone()[0], cabeca(db)


@dataclass(frozen=True)
class ResultadoIntegridade:
    linhas: int
    primeira_quebrada: int | None
    motivo: str | None

    @property
    def ok(self) -> bool:
        return self.primeira_quebrada is None

    def mensagem(self) -> str:
        if self.ok:
            return f"Diário íntegro: {self.linhas} registros conferidos, corrente de hashes intacta."
        return (f"Diário ADULTERADO: a linha nº {self.primeira_quebrada} não confere "
                f"({self.motivo}). As linhas a partir dela não merecem confiança.")


def verificar(db: sqlite_utils.Database, *, esquema: str = "main") -> ResultadoIntegridade:
    """Recalcula a corrente inteira (do diário de ``esquema``) e aponta a primeira linha quebrada."""
    anterior, esperado_seq, n = GENESE, None, 0
    for linha in db.query(f"SELECT {', '.join(_CAMPOS)}, hash FROM {tabela_diario(esquema)} ORDER BY seq"):
        n += 1
        if esperado_seq is not None and linha["seq"] != esperado_seq:
            return ResultadoIntegridade(n, esperado_seq, "linha apagada: falta na sequência")
        if linha["hash_anterior"] != anterior:
            return ResultadoIntegridade(n, linha["seq"], "não aponta para a linha anterior")
        if calcular_hash(linha) != linha["hash"]:
            return ResultadoIntegridade(n, linha["seq"], "conteúdo alterado depois de gravado")
        anterior, esperado_seq = linha["hash"], linha["seq"] + 1
    return ResultadoIntegridade(n, None, None)
