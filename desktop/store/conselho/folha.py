"""Competências da folha dos conselheiros tutelares na base: contracheques e rubricas gravados, fechamento e reabertura.

SQL apenas (permissão e diário são dos serviços). Esquema em ``db/migrations/0030_conselho_folha.sql``,
na forma da folha do Magistério (``store.magisterio.folha``, migração 0004): os gatilhos recusam mudar
contracheques e rubricas de competência fechada; as rubricas são gravadas e relidas pelas mesmas funções
(``linha_gravada``/``linha_lida``), dinheiro em centavos inteiros.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Iterable

import sqlite_utils

from desktop.rules.folha.codigos import PENSAO_ALIMENTICIA
from desktop.rules.folha.motor import ADIANTAMENTO_13, GRUPO_13
from desktop.rules.folha.tipos import Contracheque

from .. import folha_competencias as ciclo
from ..folha_competencias import chave
from ..ids import agora, novo_id
from ..magisterio.folha import linha_gravada, linha_lida, para_centavos

IDENTIFICACAO = ("nome", "cpf", "condicao", "ordem", "funcao", "mandato", "opcao_cargo")
_DADOS = "d.banco, d.agencia, d.agencia_dv, d.conta, d.conta_dv, d.tipo_conta, d.pis"


TABELAS = ciclo.Tabelas("conselho_competencias", "conselho_reaberturas", "conselho_folha_contracheques",
                        "conselho_folha_linhas", contagem="conselheiros", campos_json=("parametros",))
competencia = partial(ciclo.competencia, TABELAS)
competencias = partial(ciclo.competencias, TABELAS)
criar_competencia = partial(ciclo.criar_competencia, TABELAS)
marcar_aberta = partial(ciclo.marcar_aberta, TABELAS)
reaberturas = partial(ciclo.reaberturas, TABELAS)


def marcar_fechada(db: sqlite_utils.Database, competencia_id: str, *, por: str, parametros: dict, conselheiros: int,
                   proventos: Decimal, descontos: Decimal, liquido: Decimal, conteudo_sha256: str) -> None:
    momento = agora()
    db["conselho_competencias"].update(competencia_id, {
        "situacao": "fechada", "fechada_em": momento, "fechada_por": por,
        "parametros": json.dumps(parametros, ensure_ascii=False, sort_keys=True), "conselheiros": conselheiros,
        "proventos": para_centavos(proventos), "descontos": para_centavos(descontos),
        "liquido": para_centavos(liquido), "conteudo_sha256": conteudo_sha256, "atualizado_em": momento})


# -- contracheques -------------------------------------------------------------------------------
def gravar_contracheques(db: sqlite_utils.Database, competencia_id: str,
                         itens: Iterable[tuple[dict, Contracheque, dict]]) -> str:
    """Grava (identificação, contracheque, opções do mês) com as rubricas; devolve o SHA-256 do conteúdo."""
    cabecas, linhas = [], []
    resumo = hashlib.sha256()
    for ident, cc, opcoes in itens:
        cid = novo_id()
        ids = {k: ident[k] for k in IDENTIFICACAO}
        cabecas.append({"id": cid, "competencia_id": competencia_id, "conselheiro_id": cc.pessoa_id, **ids,
                        "opcoes": json.dumps(opcoes, ensure_ascii=False, sort_keys=True, default=str),
                        "proventos": para_centavos(cc.proventos), "descontos": para_centavos(cc.descontos),
                        "liquido": para_centavos(cc.liquido), "avisos": json.dumps(list(cc.avisos), ensure_ascii=False)})
        resumo.update(json.dumps([cc.pessoa_id, list(ids.values()), list(cc.avisos)], ensure_ascii=False,
                                 default=str).encode())
        for ordem, l in enumerate(cc.linhas):
            g = linha_gravada(cid, ordem, l)
            linhas.append(g)
            resumo.update(json.dumps([v for k, v in g.items() if k not in ("id", "contracheque_id")],
                                     ensure_ascii=False).encode())
    db["conselho_folha_contracheques"].insert_all(cabecas, batch_size=500)
    if linhas:
        db["conselho_folha_linhas"].insert_all(linhas, batch_size=500)
    return resumo.hexdigest()


def contracheques(db: sqlite_utils.Database, competencia_id: str, comp: date,
                  conselheiro_id: str | None = None) -> list[tuple[dict, Contracheque]]:
    """Os contracheques gravados (titulares e depois suplentes, pela ordem), refeitos como ``Contracheque``;
    a identificação traz também ``opcoes`` (dict)."""
    args: list = [competencia_id]
    filtro = ""
    if conselheiro_id is not None:
        filtro, args = " AND c.conselheiro_id = ?", args + [conselheiro_id]
    cabecas = list(db.query(f"SELECT * FROM conselho_folha_contracheques c WHERE c.competencia_id = ?{filtro} "
                            "ORDER BY c.condicao DESC, c.ordem, c.nome", args))
    por_cc: dict[str, list] = {c["id"]: [] for c in cabecas}
    for r in db.query("SELECT l.* FROM conselho_folha_linhas l JOIN conselho_folha_contracheques c "
                      f"ON c.id = l.contracheque_id WHERE c.competencia_id = ?{filtro} ORDER BY l.contracheque_id, "
                      "l.ordem", args):
        por_cc[r["contracheque_id"]].append(linha_lida(r))
    return [({k: c[k] for k in IDENTIFICACAO} | {"opcoes": json.loads(c["opcoes"])},
             Contracheque(comp, c["conselheiro_id"], por_cc[c["id"]], json.loads(c["avisos"])))
            for c in cabecas]


def adiantamentos_13(db: sqlite_utils.Database, comp: date) -> dict[str, Decimal]:
    """Conselheiro → 1ª parcela do 13º (``motor.ADIANTAMENTO_13``) paga em competências fechadas do mesmo ano,
    antes de ``comp`` (como ``store.magisterio.folha.adiantamentos_13``)."""
    return {r["conselheiro_id"]: Decimal(r["total"]) / 100 for r in db.query(
        "SELECT f.conselheiro_id, sum(l.valor) AS total FROM conselho_folha_linhas l "
        "JOIN conselho_folha_contracheques f ON f.id = l.contracheque_id "
        "JOIN conselho_competencias k ON k.id = f.competencia_id WHERE k.situacao = 'fechada' AND l.codigo = ? "
        "AND l.grupo = ? AND k.competencia >= ? AND k.competencia < ? GROUP BY f.conselheiro_id",
        [ADIANTAMENTO_13, GRUPO_13, f"{comp.year:04d}-01", chave(comp)])}


def contracheques_emitidos(db: sqlite_utils.Database, competencia: str | None = None,
                           conselheiro_id: str | None = None) -> list[dict]:
    """Os contracheques emitidos em PDF (``conselho_contracheques``), com o nome do conselheiro e o código do
    documento, por competência e nome; ``competencia`` (ISO do dia 1º) e ``conselheiro_id`` filtram."""
    sql, args = ("SELECT cc.*, p.nome, d.codigo FROM conselho_contracheques cc JOIN conselho_conselheiros c ON "
                 "c.id = cc.conselheiro_id JOIN pessoas p ON p.id = c.pessoa_id JOIN documentos d ON d.id = cc.documento_id"
                 " WHERE 1 = 1"), []
    if competencia:
        sql, args = sql + " AND cc.competencia = ?", [competencia]
    if conselheiro_id is not None:
        sql, args = sql + " AND cc.conselheiro_id = ?", args + [conselheiro_id]
    return list(db.query(sql + " ORDER BY cc.competencia, p.nome", args))


# -- para o arquivo do banco e o eSocial (services.pagamento) -------------------------------------
def liquidos(db: sqlite_utils.Database, competencia: str) -> list[dict]:
    """Os contracheques da competência FECHADA ('aaaa-mm') com a conta de cada conselheiro (None se não há):
    ``contracheque_id``, ``vinculo_id`` (o conselheiro), ``liquido`` em centavos."""
    return list(db.query(
        f"SELECT f.id AS contracheque_id, f.conselheiro_id AS vinculo_id, c.pessoa_id, f.nome, f.cpf, f.ordem, "
        f"f.condicao, f.liquido, {_DADOS} FROM conselho_folha_contracheques f "
        "JOIN conselho_competencias k ON k.id = f.competencia_id JOIN conselho_conselheiros c ON c.id = f.conselheiro_id "
        "LEFT JOIN pagamento_dados d ON d.pessoa_id = c.pessoa_id WHERE k.competencia = ? AND k.situacao = 'fechada' "
        "ORDER BY f.condicao DESC, f.ordem, f.nome", [competencia]))


def linhas_fechadas(db: sqlite_utils.Database, competencia: str) -> dict[str, list[dict]]:
    """Contracheque → rubricas gravadas (codigo, valor em centavos, natureza, referencia) da competência fechada."""
    saida: dict[str, list[dict]] = {}
    for r in db.query("SELECT l.contracheque_id, l.codigo, l.valor, l.natureza, l.quantidade, l.referencia "
                      "FROM conselho_folha_linhas l JOIN conselho_folha_contracheques f ON f.id = l.contracheque_id "
                      "JOIN conselho_competencias k ON k.id = f.competencia_id WHERE k.competencia = ? "
                      "AND k.situacao = 'fechada' ORDER BY l.contracheque_id, l.ordem", [competencia]):
        saida.setdefault(r["contracheque_id"], []).append(dict(r))
    return saida


def pensoes_pagas(db: sqlite_utils.Database, competencia: str) -> list[dict]:
    """As pensões alimentícias (rubrica 170) descontadas na competência FECHADA ('aaaa-mm'), com o
    beneficiário e a conta dele; ``valor`` em centavos (a forma de ``store.magisterio.descontos.pensoes_pagas``)."""
    return list(db.query(
        "SELECT l.valor, d.id AS desconto_id, d.descricao AS nome, d.beneficiario_cpf AS cpf, d.documento, d.banco, "
        "d.agencia, d.agencia_dv, d.conta, d.conta_dv, d.tipo_conta, f.ordem, f.condicao, f.nome AS servidor "
        "FROM conselho_folha_linhas l JOIN conselho_folha_contracheques f ON f.id = l.contracheque_id "
        "JOIN conselho_competencias k ON k.id = f.competencia_id JOIN conselho_descontos d ON d.id = l.referencia "
        "WHERE k.competencia = ? AND k.situacao = 'fechada' AND l.codigo = ? AND d.tipo = 'pensao' "
        "ORDER BY d.descricao, f.ordem", [competencia, PENSAO_ALIMENTICIA]))
