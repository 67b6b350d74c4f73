"""Folhas complementares do Magistério na base (migração 0025): a folha, os contracheques e as rubricas.

SQL apenas. Nasce fechada e não muda (gatilhos). Dinheiro em centavos inteiros, como em
``store.magisterio.folha``; as linhas têm as mesmas colunas das da competência.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal
from typing import Iterable

import sqlite_utils

from desktop.rules.folha.tipos import Contracheque, Linha

from ..ids import agora, novo_id
from .folha import Identificacao, _linha, _linha_gravada, chave, para_centavos


def obter(db: sqlite_utils.Database, comp: date) -> dict | None:
    for r in db.query("SELECT * FROM magisterio_complementares WHERE competencia = ?", [chave(comp)]):
        return dict(r)
    return None


def listar(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM magisterio_complementares ORDER BY competencia DESC"))


def gravar(db: sqlite_utils.Database, comp: date, itens: list[tuple[Identificacao, Contracheque]], *, por: str,
           parametros: dict) -> dict:
    """Grava a folha complementar fechada com os contracheques; devolve a linha da folha."""
    cid = novo_id()
    cabecas, linhas = [], []
    resumo = hashlib.sha256()
    for ident, cc in itens:
        ccid = novo_id()
        cabecas.append({"id": ccid, "complementar_id": cid, "servidor_id": cc.pessoa_id, **ident.__dict__,
                        "proventos": para_centavos(cc.proventos), "descontos": para_centavos(cc.descontos),
                        "liquido": para_centavos(cc.liquido), "avisos": json.dumps(list(cc.avisos), ensure_ascii=False)})
        resumo.update(json.dumps([cc.pessoa_id, list(ident.__dict__.values())], ensure_ascii=False).encode())
        for ordem, l in enumerate(cc.linhas):
            g = _linha_gravada(ccid, ordem, l)
            linhas.append(g)
            resumo.update(json.dumps([v for k, v in g.items() if k not in ("id", "contracheque_id")],
                                     ensure_ascii=False).encode())
    proventos = sum((cc.proventos for _i, cc in itens), Decimal("0.00"))
    descontos = sum((cc.descontos for _i, cc in itens), Decimal("0.00"))
    db["magisterio_complementares"].insert({
        "id": cid, "competencia": chave(comp), "servidores": len(itens), "proventos": para_centavos(proventos),
        "descontos": para_centavos(descontos), "liquido": para_centavos(proventos - descontos),
        "parametros": json.dumps(parametros, ensure_ascii=False, sort_keys=True), "conteudo_sha256": resumo.hexdigest(),
        "fechada_em": agora(), "fechada_por": por})
    db["magisterio_complementar_contracheques"].insert_all(cabecas, batch_size=500)
    db["magisterio_complementar_linhas"].insert_all(linhas, batch_size=500)
    return obter(db, comp)


def contracheques(db: sqlite_utils.Database, complementar_id: str, comp: date) -> list[tuple[Identificacao, Contracheque]]:
    cabecas = list(db.query("SELECT * FROM magisterio_complementar_contracheques WHERE complementar_id = ? "
                            "ORDER BY nome, matricula", [complementar_id]))
    por_cc: dict[str, list[Linha]] = {c["id"]: [] for c in cabecas}
    for r in db.query("SELECT l.* FROM magisterio_complementar_linhas l JOIN magisterio_complementar_contracheques c "
                      "ON c.id = l.contracheque_id WHERE c.complementar_id = ? ORDER BY l.contracheque_id, l.ordem",
                      [complementar_id]):
        por_cc[r["contracheque_id"]].append(_linha(r))
    campos = Identificacao.__dataclass_fields__
    return [(Identificacao(**{k: c[k] for k in campos}), Contracheque(comp, c["servidor_id"], por_cc[c["id"]],
                                                                       json.loads(c["avisos"]))) for c in cabecas]


def liquidos(db: sqlite_utils.Database, competencia: str) -> list[dict]:
    """Os contracheques da folha complementar da competência ('aaaa-mm') com a conta de cada um (como
    ``store.pagamento.liquidos_magisterio``); ``liquido`` em centavos."""
    return list(db.query(
        "SELECT c.servidor_id AS vinculo_id, s.pessoa_id, c.nome, c.cpf, c.matricula AS identificacao, c.liquido, "
        "d.banco, d.agencia, d.agencia_dv, d.conta, d.conta_dv, d.tipo_conta, d.pis "
        "FROM magisterio_complementar_contracheques c JOIN magisterio_complementares k ON k.id = c.complementar_id "
        "JOIN magisterio_servidores s ON s.id = c.servidor_id LEFT JOIN pagamento_dados d ON d.pessoa_id = s.pessoa_id "
        "WHERE k.competencia = ? ORDER BY c.nome, c.matricula", [competencia]))


def liquidos_gravados(db: sqlite_utils.Database, complementar_id: str) -> list[dict]:
    """Id, CPF, matrícula e líquido (centavos) de cada contracheque gravado da folha complementar."""
    return list(db.query("SELECT id, cpf, matricula, liquido FROM magisterio_complementar_contracheques "
                         "WHERE complementar_id = ?", [complementar_id]))


def linhas_gravadas(db: sqlite_utils.Database, complementar_id: str) -> list[dict]:
    """As linhas (contracheque, código, valor em centavos, natureza, quantidade, referência) dos contracheques da
    folha complementar, por contracheque e na ordem de cada um."""
    return list(db.query("SELECT l.contracheque_id, l.codigo, l.valor, l.natureza, l.quantidade, l.referencia "
                         "FROM magisterio_complementar_linhas l JOIN magisterio_complementar_contracheques c "
                         "ON c.id = l.contracheque_id WHERE c.complementar_id = ? ORDER BY l.contracheque_id, l.ordem",
                         [complementar_id]))
