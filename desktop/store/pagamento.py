"""Dados de pagamento das pessoas (tabela ``pagamento_dados``): conta bancária e PIS."""
from __future__ import annotations

import sqlite_utils

from desktop.store.ids import agora

CAMPOS = ("banco", "agencia", "agencia_dv", "conta", "conta_dv", "tipo_conta", "pis")


def obter(db: sqlite_utils.Database, pessoa_id: str) -> dict | None:
    for r in db.query("SELECT * FROM pagamento_dados WHERE pessoa_id = ?", [pessoa_id]):
        return r
    return None


def dono_da_conta(db: sqlite_utils.Database, banco: str, agencia: str, conta: str) -> dict | None:
    """A pessoa (id e nome) que já tem essa conta, ou None."""
    for r in db.query("SELECT d.pessoa_id, p.nome FROM pagamento_dados d JOIN pessoas p ON p.id = d.pessoa_id "
                      "WHERE d.banco = ? AND d.agencia = ? AND d.conta = ?", [banco, agencia, conta]):
        return r
    return None


def dono_do_pis(db: sqlite_utils.Database, pis: str) -> dict | None:
    for r in db.query("SELECT d.pessoa_id, p.nome FROM pagamento_dados d JOIN pessoas p ON p.id = d.pessoa_id "
                      "WHERE d.pis = ?", [pis]):
        return r
    return None


SO_NA_INCLUSAO = ("criado_em",)


def linha(pessoa_id: str, valores: dict) -> dict:
    """A linha dos dados da pessoa a gravar (o serviço a insere ou substitui com ``Mudanca.gravar``, com
    ``so_na_inclusao=SO_NA_INCLUSAO``: numa alteração, o ``criado_em`` continua o da inclusão)."""
    agora_ = agora()
    nova = {"pessoa_id": pessoa_id} | {k: valores.get(k) for k in CAMPOS} | {"criado_em": agora_, "atualizado_em": agora_}
    nova["agencia_dv"] = nova["agencia_dv"] or ""
    nova["conta_dv"] = nova["conta_dv"] or ""
    return nova


def de_pessoas(db: sqlite_utils.Database, pessoa_ids: list[str]) -> dict[str, dict]:
    """Dados de pagamento por pessoa, numa consulta (as que não têm ficam de fora)."""
    if not pessoa_ids:
        return {}
    marcas = ",".join("?" * len(pessoa_ids))
    if len(pessoa_ids) > 900:
        return {r["pessoa_id"]: r for r in db.query("SELECT * FROM pagamento_dados") if r["pessoa_id"] in set(pessoa_ids)}
    return {r["pessoa_id"]: r for r in db.query(f"SELECT * FROM pagamento_dados WHERE pessoa_id IN ({marcas})", pessoa_ids)}


# -- líquidos a pagar ------------------------------------------------------------------------------------
_DADOS = ("d.banco, d.agencia, d.agencia_dv, d.conta, d.conta_dv, d.tipo_conta, d.pis")


def liquidos_magisterio(db: sqlite_utils.Database, competencia: str) -> list[dict]:
    """Contracheques da competência FECHADA ('aaaa-mm') com a conta de cada um (None se não há);
    ``liquido`` em centavos."""
    return list(db.query(
        f"SELECT c.servidor_id AS vinculo_id, s.pessoa_id, c.nome, c.cpf, c.matricula AS identificacao, c.liquido, "
        f"{_DADOS} FROM magisterio_contracheques c JOIN magisterio_competencias k ON k.id = c.competencia_id "
        "JOIN magisterio_servidores s ON s.id = c.servidor_id LEFT JOIN pagamento_dados d ON d.pessoa_id = s.pessoa_id "
        "WHERE k.competencia = ? AND k.situacao = 'fechada' ORDER BY c.nome, c.matricula", [competencia]))


def configuracao(db: sqlite_utils.Database, chave: str) -> str | None:
    r = db.execute("SELECT valor FROM configuracoes WHERE chave = ?", [chave]).fetchone()
    return r[0] if r else None
