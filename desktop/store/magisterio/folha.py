"""Competências da folha do Magistério na base: contracheques e rubricas gravados, fechamento e reabertura.

SQL apenas (permissão e diário são dos serviços). Esquema em ``db/migrations/0004_magisterio_folha.sql``:
os gatilhos da base recusam mudar contracheques e rubricas de competência fechada. Dinheiro entra e
sai como ``Decimal`` e é gravado em centavos inteiros; percentual e quantidade como texto decimal,
para que o contracheque relido seja exatamente o impresso.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Iterable

import sqlite_utils

from desktop.rules.folha.motor import ADIANTAMENTO_13, GRUPO_13
from desktop.rules.magisterio import codigos
from desktop.rules.folha.tipos import Contracheque, Linha, Natureza

from .. import folha_competencias as ciclo
from ..folha_competencias import chave
from ..ids import agora, novo_id

CEM = Decimal(100)


@dataclass(frozen=True)
class Identificacao:
    """O que o contracheque imprime do servidor, gravado como estava na competência."""

    nome: str
    cpf: str
    matricula: str
    cargo: str
    nivel: str
    classe: str
    jornada: int
    lotacao: str


def para_centavos(valor: Decimal) -> int:
    """Decimal em reais → centavos inteiros; recusa frações de centavo (não se arredonda ao gravar)."""
    c = Decimal(valor) * CEM
    if c != c.to_integral_value():
        raise ValueError(f"Valor com fração de centavo não pode ser gravado: {valor}.")
    return int(c)


def de_centavos(c: int | None) -> Decimal | None:
    return None if c is None else (Decimal(c) / CEM).quantize(Decimal("0.01"))


def _decimal_texto(d: Decimal | None) -> str | None:
    return None if d is None else str(d)


# -- competências --------------------------------------------------------------------------------
TABELAS = ciclo.Tabelas("magisterio_competencias", "magisterio_reaberturas", "magisterio_contracheques",
                        "magisterio_contracheque_linhas", contagem="servidores",
                        campos_json=("configuracao", "parametros", "pendencias_aceitas"))
competencia = partial(ciclo.competencia, TABELAS)
competencias = partial(ciclo.competencias, TABELAS)
criar_competencia = partial(ciclo.criar_competencia, TABELAS)
marcar_aberta = partial(ciclo.marcar_aberta, TABELAS)
reaberturas = partial(ciclo.reaberturas, TABELAS)


def fechadas(db: sqlite_utils.Database) -> set[str]:
    """As competências fechadas ('aaaa-mm')."""
    return {r["competencia"] for r in db.query("SELECT competencia FROM magisterio_competencias WHERE situacao = 'fechada'")}


def marcar_liquidacao_falta(db: sqlite_utils.Database, falta_id: str, competencia: str | None) -> None:
    """A competência ('aaaa-mm') em que a falta lançada depois do fechamento é descontada (ou None)."""
    db.execute("UPDATE magisterio_faltas SET liquidar_em = ?, atualizado_em = ? WHERE id = ?",
               [competencia, agora(), falta_id])


def faltas_a_liquidar(db: sqlite_utils.Database, competencia: str) -> list[dict]:
    """As faltas a descontar como diferença na competência 'aaaa-mm': servidor e data."""
    return list(db.query("SELECT servidor_id, data FROM magisterio_faltas WHERE liquidar_em = ?", [competencia]))


def reajustadas_depois_do_fechamento(db: sqlite_utils.Database) -> list[str]:
    """Competências fechadas ('aaaa-mm') alcançadas por uma vigência do Anexo I cadastrada depois do
    fechamento (reajuste retroativo), em ordem."""
    return [r["competencia"] for r in db.query(
        "SELECT k.competencia FROM magisterio_competencias k WHERE k.situacao = 'fechada' AND EXISTS ("
        "SELECT 1 FROM parametros p WHERE p.nome = 'magisterio_anexo1' AND p.inicio <= k.competencia || '-31' "
        "AND p.criado_em > k.fechada_em) ORDER BY k.competencia")]


def diferencas_reajuste_pagas(db: sqlite_utils.Database) -> dict[tuple[str, str], Decimal]:
    """(servidor, 'aaaa-mm') → diferenças de reajuste (rubrica 065) já pagas em competências fechadas."""
    return {(r["servidor_id"], r["referencia"].removeprefix("reajuste:")): de_centavos(r["total"]) for r in db.query(
        "SELECT c.servidor_id, l.referencia, sum(l.valor) AS total FROM magisterio_contracheque_linhas l "
        "JOIN magisterio_contracheques c ON c.id = l.contracheque_id "
        "JOIN magisterio_competencias k ON k.id = c.competencia_id "
        "WHERE k.situacao = 'fechada' AND l.codigo = ? AND l.referencia LIKE 'reajuste:%' "
        "GROUP BY c.servidor_id, l.referencia", [codigos.DIFERENCA_REAJUSTE])}


_TIPO_DIFERENCA = {
    codigos.DIFERENCA_REAJUSTE: ("mensal", "reajuste:"), codigos.DIFERENCA_REAJUSTE_RRA: ("mensal", "rra:"),
    codigos.DIFERENCA_13: ("13", "13:"), codigos.DIFERENCA_13_RRA: ("13", "rra:"),
    codigos.DIFERENCA_MES_ANTERIOR: ("mensal", "anterior:"), codigos.DIFERENCA_MES_ANTERIOR_DESCONTO: ("mensal", "anterior:"),
    codigos.DIFERENCA_13_MES_ANTERIOR: ("13", "anterior:"), codigos.DIFERENCA_13_MES_ANTERIOR_DESCONTO: ("13", "anterior:"),
    codigos.DIFERENCA_TERCO_MES_ANTERIOR: ("terco", "anterior:"),
    codigos.DIFERENCA_TERCO_MES_ANTERIOR_DESCONTO: ("terco", "anterior:")}
# diferença de mês anterior descontada: entra negativa no já acertado
_DESCONTO_DIFERENCA = {codigos.DIFERENCA_MES_ANTERIOR_DESCONTO, codigos.DIFERENCA_13_MES_ANTERIOR_DESCONTO,
                       codigos.DIFERENCA_TERCO_MES_ANTERIOR_DESCONTO}
_CODIGOS_DIFERENCA = ", ".join(f"'{c}'" for c in _TIPO_DIFERENCA)


def diferencas_retroativas_pagas(db: sqlite_utils.Database) -> dict[tuple[str, str, str], Decimal]:
    """(servidor, 'mensal', '13' ou 'terco', 'aaaa-mm') → diferenças de reajuste já pagas em competências
    fechadas e em folhas complementares:
    do mês (065; 066 se de ano anterior, RRA) e do 13º quitado no mês (067; 068 se RRA); e as diferenças de
    mês anterior de um registro lançado depois do fechamento (pagas menos descontadas): 069/106 no 'mensal',
    070/107 no '13', 071/108 no 'terco' (o terço de férias pago no mês)."""
    saida: dict[tuple[str, str, str], Decimal] = {}
    for r in db.query(
        "SELECT c.servidor_id, l.codigo, l.referencia, sum(l.valor) AS total FROM magisterio_contracheque_linhas l "
        "JOIN magisterio_contracheques c ON c.id = l.contracheque_id "
        "JOIN magisterio_competencias k ON k.id = c.competencia_id "
        f"WHERE k.situacao = 'fechada' AND l.codigo IN ({_CODIGOS_DIFERENCA}) AND l.referencia IS NOT NULL "
        "GROUP BY c.servidor_id, l.codigo, l.referencia"):
        _somar_diferenca(saida, r)
    for r in db.query(  # e as pagas em folhas complementares (migração 0025)
        "SELECT c.servidor_id, l.codigo, l.referencia, sum(l.valor) AS total FROM magisterio_complementar_linhas l "
        "JOIN magisterio_complementar_contracheques c ON c.id = l.contracheque_id "
        f"WHERE l.codigo IN ({_CODIGOS_DIFERENCA}) AND l.referencia IS NOT NULL "
        "GROUP BY c.servidor_id, l.codigo, l.referencia"):
        _somar_diferenca(saida, r)
    return saida


def _somar_diferenca(saida: dict, r: dict) -> None:
    tipo, prefixo = _TIPO_DIFERENCA[r["codigo"]]
    chave_ = (r["servidor_id"], tipo, r["referencia"].removeprefix(prefixo)[:7])
    valor = de_centavos(r["total"])
    saida[chave_] = saida.get(chave_, Decimal("0.00")) + (-valor if r["codigo"] in _DESCONTO_DIFERENCA else valor)


def marcar_fechada(db: sqlite_utils.Database, competencia_id: str, *, por: str, configuracao: dict,
                   parametros: dict, pendencias_aceitas: list, servidores: int, proventos: Decimal,
                   descontos: Decimal, liquido: Decimal, conteudo_sha256: str) -> None:
    momento = agora()
    db["magisterio_competencias"].update(competencia_id, {
        "situacao": "fechada", "fechada_em": momento, "fechada_por": por,
        "configuracao": json.dumps(configuracao, ensure_ascii=False, sort_keys=True),
        "parametros": json.dumps(parametros, ensure_ascii=False, sort_keys=True),
        "pendencias_aceitas": json.dumps(pendencias_aceitas, ensure_ascii=False),
        "servidores": servidores, "proventos": para_centavos(proventos), "descontos": para_centavos(descontos),
        "liquido": para_centavos(liquido), "conteudo_sha256": conteudo_sha256, "atualizado_em": momento})


# -- contracheques -------------------------------------------------------------------------------
def _linha_gravada(contracheque_id: str, ordem: int, l: Linha) -> dict:
    return {"id": novo_id(), "contracheque_id": contracheque_id, "ordem": ordem, "codigo": l.codigo,
            "descricao": l.descricao, "natureza": Natureza(l.natureza).value, "valor": para_centavos(l.valor),
            "fundamento": l.fundamento, "base": None if l.base is None else para_centavos(l.base),
            "percentual": _decimal_texto(l.percentual), "quantidade": _decimal_texto(l.quantidade),
            "incide_previdencia": int(l.incide_previdencia), "incide_irrf": int(l.incide_irrf), "grupo": l.grupo,
            "referencia": l.referencia}


def gravar_contracheques(db: sqlite_utils.Database, competencia_id: str,
                         itens: Iterable[tuple[Identificacao, Contracheque]]) -> str:
    """Grava contracheques e rubricas (a competência ainda aberta); devolve o SHA-256 do conteúdo."""
    cabecas, linhas = [], []
    resumo = hashlib.sha256()
    for ident, cc in itens:
        cid = novo_id()
        cabecas.append({"id": cid, "competencia_id": competencia_id, "servidor_id": cc.pessoa_id,
                        **ident.__dict__, "proventos": para_centavos(cc.proventos),
                        "descontos": para_centavos(cc.descontos), "liquido": para_centavos(cc.liquido),
                        "avisos": json.dumps(list(cc.avisos), ensure_ascii=False)})
        resumo.update(json.dumps([cc.pessoa_id, list(ident.__dict__.values()), list(cc.avisos)],
                                 ensure_ascii=False).encode())
        for ordem, l in enumerate(cc.linhas):
            g = _linha_gravada(cid, ordem, l)
            linhas.append(g)
            resumo.update(json.dumps([v for k, v in g.items() if k not in ("id", "contracheque_id")],
                                     ensure_ascii=False).encode())
    db["magisterio_contracheques"].insert_all(cabecas, batch_size=500)
    db["magisterio_contracheque_linhas"].insert_all(linhas, batch_size=500)
    return resumo.hexdigest()


def _linha(r: dict) -> Linha:
    return Linha(codigo=r["codigo"], descricao=r["descricao"], natureza=Natureza(r["natureza"]),
                 valor=de_centavos(r["valor"]), fundamento=r["fundamento"], base=de_centavos(r["base"]),
                 percentual=None if r["percentual"] is None else Decimal(r["percentual"]),
                 quantidade=None if r["quantidade"] is None else Decimal(r["quantidade"]),
                 incide_previdencia=bool(r["incide_previdencia"]), incide_irrf=bool(r["incide_irrf"]),
                 grupo=r["grupo"], referencia=r.get("referencia"))


def contracheques(db: sqlite_utils.Database, competencia_id: str, comp: date,
                  servidor_id: str | None = None) -> list[tuple[Identificacao, Contracheque]]:
    """Os contracheques gravados, em ordem de nome e matrícula, refeitos como ``Contracheque``."""
    args: list = [competencia_id]
    filtro = ""
    if servidor_id is not None:
        filtro, args = " AND servidor_id = ?", args + [servidor_id]
    cabecas = list(db.query(f"SELECT * FROM magisterio_contracheques WHERE competencia_id = ?{filtro} "
                            "ORDER BY nome, matricula", args))
    por_cc: dict[str, list[Linha]] = {c["id"]: [] for c in cabecas}
    for r in db.query(
        "SELECT l.* FROM magisterio_contracheque_linhas l JOIN magisterio_contracheques c ON c.id = l.contracheque_id "
        f"WHERE c.competencia_id = ?{filtro.replace('servidor_id', 'c.servidor_id')} ORDER BY l.contracheque_id, l.ordem",
        args,
    ):
        por_cc[r["contracheque_id"]].append(_linha(r))
    campos = Identificacao.__dataclass_fields__
    return [(Identificacao(**{k: c[k] for k in campos}),
             Contracheque(comp, c["servidor_id"], por_cc[c["id"]], json.loads(c["avisos"])))
            for c in cabecas]


def liquidos_gravados(db: sqlite_utils.Database, competencia_id: str) -> list[dict]:
    """Id, CPF, matrícula e líquido (centavos) de cada contracheque gravado, em ordem de nome e matrícula."""
    return list(db.query("SELECT id, cpf, matricula, liquido FROM magisterio_contracheques "
                         "WHERE competencia_id = ? ORDER BY nome, matricula", [competencia_id]))


def linhas_gravadas(db: sqlite_utils.Database, competencia_id: str) -> list[dict]:
    """As linhas (contracheque, código, valor em centavos, natureza, quantidade, referência) de todos os
    contracheques gravados da competência, por contracheque e na ordem de cada um."""
    return list(db.query("SELECT l.contracheque_id, l.codigo, l.valor, l.natureza, l.quantidade, l.referencia "
                         "FROM magisterio_contracheque_linhas l "
                         "JOIN magisterio_contracheques c ON c.id = l.contracheque_id WHERE c.competencia_id = ? "
                         "ORDER BY l.contracheque_id, l.ordem", [competencia_id]))


def adiantamentos_13(db: sqlite_utils.Database, comp: date) -> dict[str, Decimal]:
    """Servidor → soma da 1ª parcela do 13º (``motor.ADIANTAMENTO_13``) paga em competências fechadas do mesmo ano, antes de ``comp``."""
    return {r["servidor_id"]: de_centavos(r["total"]) for r in db.query(
        "SELECT c.servidor_id, sum(l.valor) AS total FROM magisterio_contracheque_linhas l "
        "JOIN magisterio_contracheques c ON c.id = l.contracheque_id "
        "JOIN magisterio_competencias k ON k.id = c.competencia_id "
        "WHERE k.situacao = 'fechada' AND l.codigo = ? AND l.grupo = ? "
        "AND k.competencia >= ? AND k.competencia < ? GROUP BY c.servidor_id",
        [ADIANTAMENTO_13, GRUPO_13, f"{comp.year:04d}-01", chave(comp)])}


def do_servidor(db: sqlite_utils.Database, servidor_id: str) -> list[dict]:
    """Competências fechadas com contracheque do servidor: competência e totais dele (centavos)."""
    return list(db.query(
        "SELECT k.competencia, c.proventos, c.descontos, c.liquido FROM magisterio_contracheques c "
        "JOIN magisterio_competencias k ON k.id = c.competencia_id WHERE c.servidor_id = ? "
        "AND k.situacao = 'fechada' ORDER BY k.competencia DESC", [servidor_id]))


# -- diferenças de mês anterior (afastamento ou titulação lançados depois do fechamento; migração 0029) --
def diferenca_pendente(db: sqlite_utils.Database, servidor_id: str, competencia: str, liquidar_em: str,
                       fundamento: str) -> dict:
    """A marca de que a competência fechada 'aaaa-mm' do servidor será recalculada e acertada em
    ``liquidar_em`` — a linha a gravar (o serviço a insere ou troca com ``Mudanca.gravar``): o fundamento se
    soma ao de uma marca anterior do mesmo mês."""
    id_ = f"{servidor_id}:{competencia}"
    antes = next(iter(db.query("SELECT fundamento FROM magisterio_diferencas_pendentes WHERE id = ?", [id_])), None)
    if antes is not None and fundamento not in antes["fundamento"].split("; "):
        fundamento = f"{antes['fundamento']}; {fundamento}"
    elif antes is not None:
        fundamento = antes["fundamento"]
    return {"id": id_, "servidor_id": servidor_id, "competencia": competencia, "liquidar_em": liquidar_em,
            "fundamento": fundamento, "atualizado_em": agora()}


def diferencas_pendentes(db: sqlite_utils.Database, liquidar_em: str) -> dict[str, list[tuple[str, str]]]:
    """Servidor → [(competência fechada 'aaaa-mm', fundamento)] a recalcular e acertar em ``liquidar_em``."""
    saida: dict[str, list[tuple[str, str]]] = {}
    for r in db.query("SELECT servidor_id, competencia, fundamento FROM magisterio_diferencas_pendentes "
                      "WHERE liquidar_em = ? ORDER BY servidor_id, competencia", [liquidar_em]):
        saida.setdefault(r["servidor_id"], []).append((r["competencia"], r["fundamento"]))
    return saida


def diferencas_pendentes_ate(db: sqlite_utils.Database, ate: str) -> dict[str, list[tuple[str, str]]]:
    """Servidor → [(competência fechada 'aaaa-mm' até ``ate``, fundamento)] ainda não acertadas: o destino
    (``liquidar_em``) não é uma competência fechada. É o que uma folha complementar de ``ate`` pode pagar."""
    saida: dict[str, list[tuple[str, str]]] = {}
    for r in db.query("SELECT p.servidor_id, p.competencia, p.fundamento FROM magisterio_diferencas_pendentes p "
                      "WHERE p.competencia <= ? AND NOT EXISTS (SELECT 1 FROM magisterio_competencias k "
                      "WHERE k.competencia = p.liquidar_em AND k.situacao = 'fechada') "
                      "ORDER BY p.servidor_id, p.competencia", [ate]):
        saida.setdefault(r["servidor_id"], []).append((r["competencia"], r["fundamento"]))
    return saida


# A folha dos conselheiros tutelares (``store.conselho.folha``) grava e relê as rubricas na mesma forma.
linha_gravada = _linha_gravada
linha_lida = _linha
