"""Descontos da folha dos conselheiros tutelares (Lei 320/2023 de Itapiranga, arts. 16, 39 a 41): pensão
alimentícia, contribuição sindical, consignações e rubricas avulsas.

As mesmas regras e a mesma forma de lançar da folha do Magistério (``rules.folha.descontos``,
``rules.folha.entrada_descontos``, ``services.magisterio.descontos``); a tabela é ``conselho_descontos``
(migração 0022), lida pelo mesmo código de ``store.magisterio.descontos`` com ``folha='conselho'``. Ao
cadastrar, o serviço calcula o contracheque do conselheiro na primeira competência com o lançamento novo e
recusa, com os números: a consignação que não cabe na margem consignável (parâmetro datado
``margem_consignavel``), a pensão que passa do líquido depois do INSS e do IRRF e a rubrica avulsa sem
fundamento legal. A pensão leva a conta do beneficiário, que recebe crédito próprio no arquivo do banco.

A folha dos conselheiros é da administração municipal (Lei 320/2023, art. 40): gravar exige
``CONSELHO_MANDATOS``, como emitir o contracheque, e listar também (o conselheiro vê os seus descontos no
próprio contracheque). Tudo vai ao diário; nada é apagado: encerra-se.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.rules.folha import entrada_descontos as entrada
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store import pagamento as armazem_pagamento
from desktop.store.conselho import folha as armazem_folha
from desktop.store.conselho import mandatos as armazem_m
from desktop.store.magisterio import descontos as armazem

from ..folha_ciclo import mes
from ..sessao import ErroNegocio, Sessao
from . import remuneracao
from desktop.rules import formato

FOLHA = "conselho"
TABELA = "conselho_descontos"
TIPOS = entrada.TIPOS


def _conselheiro(sessao: Sessao, conselheiro_id: str) -> dict:
    c = armazem_m.conselheiro(sessao.db, conselheiro_id)
    if c is None:
        raise ErroNegocio("Conselheiro não encontrado.")
    return c


def _fechada(sessao: Sessao, dia: date) -> bool:
    """A competência da folha dos conselheiros já está fechada (``services.conselho.folha``): o lançamento só
    entra nela se for reaberta e fechada de novo."""
    k = armazem_folha.competencia(sessao.db, dia)
    return k is not None and k["situacao"] == "fechada"


def _gravar(sessao: Sessao, valores: dict, dia: date, fim) -> dict:
    """Confere no contracheque do mês com o lançamento novo e grava; devolve o lançamento com o valor e o
    líquido do mês e ``reemitir`` (a competência já está fechada sem ele: reabra-a e feche de novo)."""
    valores["inicio"] = f"{dia:%Y-%m}"
    if fim not in (None, ""):
        ultima = mes(fim)
        if ultima < dia:
            raise EntradaInvalida(f"A última competência ({formato.competencia(ultima)}) é anterior à primeira ({formato.competencia(dia)}).")
        valores["fim"] = f"{ultima:%Y-%m}"
    cid = valores["conselheiro_id"]
    existentes = armazem.do_servidor_no_mes(sessao.db, cid, f"{dia:%Y-%m}", FOLHA)
    cc = remuneracao.contracheque_com(sessao, cid, dia, existentes + [valores | {"id": "novo"}])
    motivo = entrada.recusa(valores, cc.avisos, [l.referencia for l in cc.linhas], dia, cc.liquido)
    if motivo:
        raise EntradaInvalida(motivo)
    with sessao.mudanca(Permissao.CONSELHO_MANDATOS) as m:
        linha = m.inserir(*armazem.linha_nova(valores, sessao.usuario.login, FOLHA))
    novo = [l for l in cc.linhas if l.referencia == "novo"]
    return linha | {"valor_no_mes": sum((l.valor for l in novo), Decimal("0.00")), "liquido_no_mes": cc.liquido,
                    "reemitir": _fechada(sessao, dia)}


def _inicio(sessao: Sessao, conselheiro_id: str, competencia) -> date:
    sessao.exigir(Permissao.CONSELHO_MANDATOS)
    _conselheiro(sessao, conselheiro_id)
    return mes(competencia)


# -- consultas ---------------------------------------------------------------------------------------
def listar(sessao: Sessao, conselheiro_id: str) -> list[dict]:
    """Os lançamentos do conselheiro (vigentes e encerrados), com o nome do tipo e o valor por extenso.
    Dados da folha, que é da administração (``CONSELHO_MANDATOS``); o conselheiro vê os seus descontos no
    próprio contracheque (LGPD, art. 6º, III: a pensão e o empréstimo de um não são da conta dos colegas)."""
    sessao.exigir(Permissao.CONSELHO_MANDATOS)
    return [r | {"tipo_nome": TIPOS[r["tipo"]], "valor_texto": entrada.texto_valor(r)}
            for r in armazem.do_servidor(sessao.db, conselheiro_id, FOLHA)]


# -- cadastros ---------------------------------------------------------------------------------------
def cadastrar_pensao(sessao: Sessao, conselheiro_id: str, *, beneficiario: str, cpf: str, forma: str, quantidade,
                     processo: str, inicio, fim=None, banco: str = "", agencia: str = "", agencia_dv: str = "",
                     conta: str = "", conta_dv: str = "", tipo_conta: str = "") -> dict:
    """Pensão alimentícia por ordem judicial (bruto | liquido em %, fixo em R$, salarios_minimos), com a
    conta do beneficiário; recusada se passa do líquido do mês depois do INSS e do IRRF."""
    dia = _inicio(sessao, conselheiro_id, inicio)
    valores = {"conselheiro_id": conselheiro_id} | entrada.pensao(
        beneficiario=beneficiario, cpf=cpf, forma=forma, quantidade=quantidade, processo=processo, banco=banco,
        agencia=agencia, agencia_dv=agencia_dv, conta=conta, conta_dv=conta_dv, tipo_conta=tipo_conta)
    c = _conselheiro(sessao, conselheiro_id)
    motivo = entrada.pensao_ao_devedor(valores, nome=f"conselheiro {c['nome']}", cpf=c["cpf"],
                                       conta=armazem_pagamento.obter(sessao.db, c["pessoa_id"]))
    if motivo:
        raise EntradaInvalida(f"Pensão recusada: {motivo}")
    return _gravar(sessao, valores, dia, fim)


def cadastrar_sindical(sessao: Sessao, conselheiro_id: str, *, entidade: str, forma: str, quantidade, inicio,
                       fim=None) -> dict:
    """Mensalidade autorizada pelo conselheiro filiado (CF, art. 8º, IV): fixo (R$) ou percentual do bruto."""
    dia = _inicio(sessao, conselheiro_id, inicio)
    valores = {"conselheiro_id": conselheiro_id} | entrada.sindical(entidade=entidade, forma=forma,
                                                                    quantidade=quantidade)
    return _gravar(sessao, valores, dia, fim)


def cadastrar_consignacao(sessao: Sessao, conselheiro_id: str, *, consignataria: str, valor, prioridade: int,
                          contrato: str = "", inicio, fim=None) -> dict:
    """Consignação (parcela mensal) com prioridade (1 = primeira); recusada, com os números, se na primeira
    competência não cabe na margem consignável que sobra."""
    dia = _inicio(sessao, conselheiro_id, inicio)
    valores = {"conselheiro_id": conselheiro_id} | entrada.consignacao(consignataria=consignataria, valor=valor,
                                                                       prioridade=prioridade, contrato=contrato)
    return _gravar(sessao, valores, dia, fim)


def lancar_avulsa(sessao: Sessao, conselheiro_id: str, *, natureza: str, descricao: str, fundamento: str, valor,
                  incide_previdencia: bool, incide_irrf: bool, competencia) -> dict:
    """Provento ou desconto de um mês só, com descrição, fundamento legal (obrigatório) e incidências."""
    dia = _inicio(sessao, conselheiro_id, competencia)
    valores = {"conselheiro_id": conselheiro_id} | entrada.avulsa(
        natureza=natureza, descricao=descricao, fundamento=fundamento, valor=valor,
        incide_previdencia=incide_previdencia, incide_irrf=incide_irrf)
    return _gravar(sessao, valores, dia, dia)


def encerrar(sessao: Sessao, desconto_id: str, ultima_competencia) -> dict:
    """Põe fim a um lançamento (pensão revogada, contrato quitado): a última competência descontada."""
    sessao.exigir(Permissao.CONSELHO_MANDATOS)
    antes = armazem.obter(sessao.db, desconto_id, FOLHA)
    if antes is None:
        raise ErroNegocio("Lançamento não encontrado.")
    ultima = mes(ultima_competencia)
    if f"{ultima:%Y-%m}" < antes["inicio"]:
        raise EntradaInvalida(f"A última competência ({formato.competencia(ultima)}) é anterior ao início do lançamento.")
    with sessao.mudanca(Permissao.CONSELHO_MANDATOS) as m:
        depois = m.alterar(TABELA, desconto_id, armazem.encerramento(f"{ultima:%Y-%m}"))
    return depois
