"""Conferência das tabelas de dados contra o diário: cada linha atual deve ser a última imagem "depois".

Para cada tabela que aparece no diário, a imagem esperada de cada registro é a do ``inserir`` com
os ``alterar`` seguintes aplicados por cima (um ``alterar`` pode trazer só os campos mudados); um
``excluir`` diz que a linha não existe mais. Acusa, com o número da linha do diário: linha alterada
por fora (campo diferente da última imagem), linha apagada por fora (o diário a incluiu e nunca a
excluiu), linha que voltou depois de excluída e linha incluída sem registro no diário. Os achados
dizem a tabela, o registro e os nomes dos campos, nunca os valores (podem ser sigilosos).
"""
from __future__ import annotations

import json
from itertools import groupby
from typing import Callable

import sqlite_utils

from .diario import tabela_diario
from .integridade import Achado

LIMITE_POR_TABELA = 20  # achados por tabela (o resto só conta)


def _normal(valor) -> str | None:
    """O valor como o diário o grava (JSON com ``default=str``), para comparar sem falso alarme."""
    if valor is None:
        return None
    if isinstance(valor, bool):
        valor = int(valor)
    if isinstance(valor, float) and valor.is_integer():
        valor = int(valor)
    if isinstance(valor, (dict, list)):
        return json.dumps(valor, ensure_ascii=False, sort_keys=True, default=str)
    return str(valor)


def _onde(db: sqlite_utils.Database, esquema: str, tabela: str) -> tuple[str, str, list[str]] | None:
    """(nome qualificado, coluna da chave, colunas) da tabela de dados, ou None se não se confere."""
    for e in dict.fromkeys((esquema, "main")):
        colunas = db.execute(f'PRAGMA {e}.table_info("{tabela}")').fetchall()
        if colunas:
            chaves = [c[1] for c in colunas if c[5]]
            if len(chaves) != 1:
                return None  # chave composta ou sem chave: o registro do diário não a identifica
            return f'{e}."{tabela}"', chaves[0], [c[1] for c in colunas]
    return None


def _estado(grupo, pk: str, rid: str) -> tuple[dict | None, bool, bool, int]:
    """(imagem esperada, excluído, identificado, seq da última linha) de um registro."""
    estado, excluido, identificado, ultima = None, False, False, 0
    for _rid, acao, depois, seq in grupo:
        ultima = seq
        imagem = json.loads(depois) if depois else None
        if not isinstance(imagem, dict):
            imagem = None
        if acao == "excluir":
            estado, excluido, identificado = None, True, True
            continue
        proprio = imagem is not None and _normal(imagem.get(pk)) == rid
        if acao == "inserir":
            estado, excluido, identificado = dict(imagem or {}), False, proprio
        elif imagem:  # alterar: os campos trazidos mudam por cima
            estado = (estado or {}) | imagem
            excluido, identificado = False, identificado or proprio
    return estado, excluido, identificado, ultima


def conferir_tabelas(db: sqlite_utils.Database, esquema: str = "main",
                     progresso: Callable[[int, int], None] | None = None) -> tuple[list[Achado], int]:
    """Confere as tabelas de dados do diário de ``esquema``; devolve (achados, tabelas conferidas)."""
    diario = tabela_diario(esquema)
    tabelas = [r[0] for r in db.execute(
        f"SELECT DISTINCT tabela FROM {diario} WHERE acao IN ('inserir', 'alterar', 'excluir') ORDER BY tabela")]
    achados: list[Achado] = []
    conferidas = 0
    for i, tabela in enumerate(tabelas):
        if progresso:
            progresso(i, len(tabelas))
        onde = _onde(db, esquema, tabela)
        if onde is None:
            continue
        qualificada, pk, colunas = onde
        conferidas += 1
        da_tabela: list[Achado] = []

        def achar(tipo: str, seq: int | None, mensagem: str) -> None:
            if len(da_tabela) < LIMITE_POR_TABELA:
                da_tabela.append(Achado(esquema, tipo, seq, mensagem))

        vistos: set[str] = set()
        identificada = False
        linhas = db.execute(
            f"SELECT registro_id, acao, depois, seq FROM {diario} WHERE tabela = ? "
            "AND acao IN ('inserir', 'alterar', 'excluir') ORDER BY registro_id, seq", [tabela])
        for rid, grupo in groupby(linhas, key=lambda r: r[0]):
            vistos.add(rid)
            estado, excluido, identificado, seq = _estado(grupo, pk, rid)
            identificada = identificada or identificado
            atual = db.execute(f'SELECT * FROM {qualificada} WHERE "{pk}" = ?', [rid]).fetchone()
            if atual is None:
                if identificado and not excluido:
                    achar("dados_apagada", seq, f"a linha {rid} da tabela {tabela} foi apagada por fora do "
                          f"Paço (a última linha do diário sobre ela, nº {seq}, não a exclui)")
                continue
            if excluido:
                achar("dados_voltou", seq, f"a linha {rid} da tabela {tabela} existe, mas o diário a excluiu "
                      f"(linha nº {seq}): foi reposta por fora do Paço")
                continue
            if not estado:
                continue
            valores = dict(zip(colunas, atual))
            diferentes = sorted(k for k, v in estado.items()
                                if k in valores and _normal(valores[k]) != _normal(v))
            if diferentes:
                achar("dados_alterada", seq, f"a linha {rid} da tabela {tabela} foi alterada por fora do Paço "
                      f"(campos {', '.join(diferentes)} diferentes da última imagem no diário, linha nº {seq})")
        if identificada:  # tabela que o diário registra linha a linha: nenhuma linha sem registro
            for (chave,) in db.execute(f'SELECT "{pk}" FROM {qualificada}'):
                if _normal(chave) not in vistos:
                    achar("dados_sem_diario", None, f"a linha {chave} da tabela {tabela} não tem registro no "
                          "diário: foi incluída por fora do Paço")
        achados.extend(da_tabela)
    return achados, conferidas
