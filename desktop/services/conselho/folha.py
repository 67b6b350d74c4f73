"""Competência da folha dos conselheiros tutelares: prévia, fechamento, reabertura e contracheques gravados.

O mesmo ciclo da folha do Magistério (``services.magisterio.folha``; issue 13, item 8):
- ``previa`` calcula o contracheque de cada conselheiro em exercício no mês (Lei 320/2023, arts. 39 a 41,
  pelo motor comum de ``services.conselho.remuneracao``) sem gravar; um erro de um conselheiro vira
  pendência e não derruba a folha.
- ``fechar`` recalcula numa só transação, recusa se alguém não pôde ser calculado, grava os contracheques e
  as rubricas (imutáveis, gatilhos da migração 0030), marca a competência fechada com a identidade dos
  parâmetros usados e escreve no diário a competência inteira (totais e SHA-256 do conteúdo).
- ``reabrir`` só com motivo (≥ 15 caracteres); registra a reabertura, apaga os contracheques gravados para
  o novo cálculo e marca "substituídos" os contracheques em PDF já emitidos da competência.
- ``contracheques``/``contracheque`` releem o gravado: é dele que saem o PDF (``remuneracao``), o arquivo
  do banco e o eSocial (``services.pagamento``).
A folha é da administração municipal (Lei 320/2023, art. 40): prévia, fechar e reabrir exigem
``CONSELHO_MANDATOS`` (só o administrador a tem; docs/interpretacoes.md, "Folha dos conselheiros"); ler a
competência, ``CONSELHO_LER`` — o conselheiro tutelar lê só o próprio contracheque.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from desktop.rules.folha.dias import ultimo_dia
from desktop.rules.folha.tipos import Contracheque
from desktop.rules.papeis import Papel, Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.conselho import folha as armazem
from desktop.store.conselho import mandatos as armazem_m

from .. import parametros, replicas
from ..folha_ciclo import MOTIVO_MINIMO, CicloFolha, TotaisDaFolha, mes  # noqa: F401 (MOTIVO_MINIMO: as telas)
from ..sessao import ErroNegocio, SemPermissao, Sessao
from . import remuneracao
from .exercicio import periodos
from desktop.rules import formato

CICLO = CicloFolha(armazem.TABELAS, ler=Permissao.CONSELHO_LER, reabrir_exige=Permissao.CONSELHO_MANDATOS,
                   grava=Permissao.CONSELHO_MANDATOS, assunto=remuneracao.ASSUNTO,
                   nome=" da folha dos conselheiros",
                   exemplo_motivo="afastamento de 12/03 lançado depois do fechamento")
PARAMETROS = ("conselho_remuneracao", "salario_minimo", "folha_geral", "inss", "irrf", "margem_consignavel")
OPCOES = ("ferias_dias", "decimo_terceiro", "adiantamento_13_pago")


@dataclass
class ItemConselho:
    """Um contracheque da folha com a identificação que o papel imprime."""

    identificacao: dict
    contracheque: Contracheque


@dataclass
class PreviaConselho(TotaisDaFolha):
    competencia: date
    itens: list[ItemConselho]
    erros: list[str] = field(default_factory=list)
    parametros: dict = field(default_factory=dict)


def _opcoes(opcoes: dict | None, cid: str) -> dict:
    """As opções do mês de um conselheiro (dias de férias com o terço, 13º), só as conhecidas e não vazias."""
    dadas = (opcoes or {}).get(cid) or {}
    desconhecidas = set(dadas) - set(OPCOES)
    if desconhecidas:
        raise EntradaInvalida(f"Opção da folha desconhecida: {', '.join(sorted(desconhecidas))}.")
    return {k: v for k, v in dadas.items() if v not in (None, "", 0, Decimal("0"))}


def _em_exercicio(db, c: dict, dia: date) -> bool:
    """Mandato e exercício (menos afastamentos não remunerados) alcançam o mês (art. 40 §3º)."""
    fim = ultimo_dia(dia)
    if c["inicio_mandato"] > fim.isoformat() or c["fim_mandato"] < dia.isoformat():
        return False
    return any(a <= fim and b >= dia for a, b in periodos(db, c["id"], fim, pagos=True))


def identificacao(db, c: dict, dia: date) -> dict:
    """O que o contracheque imprime do conselheiro, como estava na competência."""
    return {"nome": c["nome"], "cpf": c["cpf"] or "", "condicao": c["condicao"], "ordem": c["ordem"],
            "funcao": remuneracao.funcao_no_mes(db, c["id"], dia),
            "mandato": f"{formato.data(date.fromisoformat(c['inicio_mandato']))} a "
                       f"{formato.data(date.fromisoformat(c['fim_mandato']))}",
            "opcao_cargo": int(c["remuneracao_cargo"] is not None)}


def _calcular(sessao: Sessao, dia: date, opcoes: dict | None) -> tuple[PreviaConselho, list[dict]]:
    itens, erros, usadas = [], [], []
    pagos_13 = armazem.adiantamentos_13(sessao.db, dia)
    for c in armazem_m.conselheiros(sessao.db):
        if not _em_exercicio(sessao.db, c, dia):
            continue
        op = _opcoes(opcoes, c["id"])
        if op.get("decimo_terceiro") == "quitacao" and "adiantamento_13_pago" not in op and c["id"] in pagos_13:
            op["adiantamento_13_pago"] = pagos_13[c["id"]]  # a 1ª parcela paga nas competências fechadas do ano
        try:
            cc = remuneracao.calcular_contracheque(sessao, c["id"], dia, **op)
        except (EntradaInvalida, ErroNegocio) as e:
            erros.append(f"{c['nome']} ({c['condicao']} nº {c['ordem']}): {e}")
            continue
        itens.append(ItemConselho(identificacao(sessao.db, c, dia), cc))
        usadas.append(op)
    ident = {}
    for nome in PARAMETROS:  # a identidade de cada parâmetro usado (vigência e fundamento), como no Magistério
        try:
            em_vigor = [v for v in parametros.listar_vigencias(sessao, nome) if str(v["inicio"]) <= dia.isoformat()]
        except ErroNegocio:  # parâmetro que a base ainda não tem: não foi usado
            em_vigor = []
        if em_vigor:  # a de maior início que não passa do dia 1º (ordem de início)
            ident[nome] = {"inicio": str(em_vigor[-1]["inicio"]), "fundamento": em_vigor[-1]["fundamento"]}
    return PreviaConselho(dia, itens, erros, ident), usadas


def previa(sessao: Sessao, competencia, opcoes: dict | None = None) -> PreviaConselho:
    """A folha do mês de todos os conselheiros em exercício, sem gravar. ``opcoes``: conselheiro →
    {ferias_dias, decimo_terceiro, adiantamento_13_pago}."""
    sessao.exigir(Permissao.CONSELHO_MANDATOS)
    return _calcular(sessao, mes(competencia), opcoes)[0]


def fechar(sessao: Sessao, competencia, opcoes: dict | None = None) -> dict:
    """Recalcula e grava a competência inteira numa transação; devolve a competência fechada."""
    sessao.exigir(Permissao.CONSELHO_MANDATOS)
    dia = mes(competencia)
    replicas.exigir_designada(sessao.db, f"Fechar a competência {formato.competencia(dia)} da folha dos conselheiros")
    with sessao.mudanca(Permissao.CONSELHO_MANDATOS) as m:
        antes = armazem.competencia(m.db, dia)
        if antes is not None and antes["situacao"] == "fechada":
            raise ErroNegocio(f"A competência {formato.competencia(dia)} da folha dos conselheiros já está fechada (em "
                              f"{formato.data(antes['fechada_em'])}, por {antes['fechada_por']}). Para recalculá-la, "
                              "reabra-a informando o motivo.")
        p, usadas = _calcular(sessao, dia, opcoes)
        if p.erros:
            raise ErroNegocio(f"A competência {formato.competencia(dia)} não pode ser fechada: {len(p.erros)} conselheiro(s) sem "
                              f"cálculo. {formato.numa_frase(p.erros)}")
        if not p.itens:
            raise ErroNegocio(f"Nenhum conselheiro em exercício em {formato.competencia(dia)}: não há folha para fechar.")
        linha = antes or armazem.criar_competencia(m.db, dia)
        sha = armazem.gravar_contracheques(m.db, linha["id"], ((i.identificacao, i.contracheque, op)
                                                               for i, op in zip(p.itens, usadas)))
        armazem.marcar_fechada(m.db, linha["id"], por=sessao.usuario.login, parametros=p.parametros,
                               conselheiros=len(p.itens), proventos=p.proventos, descontos=p.descontos,
                               liquido=p.liquido, conteudo_sha256=sha)
        depois = armazem.competencia(m.db, dia)
        m.registrar("conselho_competencias", linha["id"], "alterar" if antes else "inserir", antes=antes,
                    depois=depois)
    return CICLO.publica(depois)


def reabrir(sessao: Sessao, competencia, motivo: str) -> dict:
    """Reabre a competência fechada, com motivo (≥ 15 caracteres); vai ao diário. Os contracheques gravados
    são apagados para o novo cálculo e os PDFs já emitidos da competência ficam "substituídos"."""
    return CICLO.reabrir(sessao, competencia, motivo)


# -- consultas -------------------------------------------------------------------------------------
def listar_competencias(sessao: Sessao) -> list[dict]:
    """Competências gravadas (fechadas ou reabertas), da mais recente: situação, totais, quem fechou."""
    return CICLO.listar(sessao)


def obter_competencia(sessao: Sessao, competencia) -> dict | None:
    """A competência gravada (None se nunca foi fechada), com as reaberturas."""
    return CICLO.obter(sessao, competencia)


def _fechada(sessao: Sessao, dia: date) -> dict:
    linha = armazem.competencia(sessao.db, dia)
    if linha is None or linha["situacao"] != "fechada":
        raise ErroNegocio(f"A competência {formato.competencia(dia)} da folha dos conselheiros não está fechada: confira a prévia "
                          "e feche a competência antes de emitir contracheques, o arquivo do banco ou o eSocial.")
    return linha


def contracheques(sessao: Sessao, competencia) -> list[ItemConselho]:
    """Os contracheques gravados da competência fechada; o conselheiro tutelar recebe só o seu."""
    sessao.exigir(Permissao.CONSELHO_LER)
    dia = mes(competencia)
    linha = _fechada(sessao, dia)
    so = None
    if sessao.usuario.papel == Papel.CONSELHEIRO_TUTELAR:
        eu = armazem_m.por_usuario(sessao.db, sessao.usuario.id)
        so = eu["id"] if eu else ""
    return [ItemConselho(i, cc) for i, cc in armazem.contracheques(sessao.db, linha["id"], dia, so)]


def contracheque(sessao: Sessao, competencia, conselheiro_id: str) -> ItemConselho:
    """O contracheque gravado de um conselheiro na competência fechada."""
    sessao.exigir(Permissao.CONSELHO_LER)
    if armazem_m.conselheiro(sessao.db, conselheiro_id) is None:
        raise ErroNegocio("Conselheiro não encontrado.")
    if sessao.usuario.papel == Papel.CONSELHEIRO_TUTELAR:  # só o próprio (LGPD, art. 6º, III)
        eu = armazem_m.por_usuario(sessao.db, sessao.usuario.id)
        if eu is None or eu["id"] != conselheiro_id:
            raise SemPermissao("Cada conselheiro tutelar consulta só o próprio contracheque; a folha dos "
                               "conselheiros é da administração municipal.")
    dia = mes(competencia)
    linha = _fechada(sessao, dia)
    achados = armazem.contracheques(sessao.db, linha["id"], dia, conselheiro_id)
    if not achados:
        raise ErroNegocio(f"O conselheiro não tem contracheque na competência fechada {formato.competencia(dia)} (sem exercício "
                          "no mês).")
    return ItemConselho(*achados[0])
