"""Folha dos conselheiros tutelares: monta a entrada do mês a partir da base e calcula com o motor comum.

Lei 320/2023, arts. 16 §1º, 39, 40 e 41 (``desktop.rules.conselho.remuneracao``); salário mínimo, INSS e
IRRF pelos parâmetros datados; os dias de exercício vêm dos exercícios menos os afastamentos não
remunerados; os plantões escalados e cumpridos, da escala. Os descontos cadastrados para o mês (pensão
alimentícia, contribuição sindical, consignações na margem consignável, rubricas avulsas:
``services.conselho.descontos``) entram pelas mesmas regras da folha do Magistério. O contracheque emitido é um documento
registrado e verificável, guardado em ``conselho_contracheques``.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from decimal import Decimal

from desktop.reports.conselho import contracheque as relatorio
from desktop.rules.conselho.remuneracao import EntradaConselheiro, calcular
from desktop.rules.folha.dias import ultimo_dia
from desktop.rules.folha.tipos import Contracheque
from desktop.rules.papeis import Papel, Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.conselho import folha as armazem_folha
from desktop.store.conselho import mandatos as armazem_m
from desktop.store.magisterio import descontos as armazem_d
from desktop.store.ids import agora, novo_id

from .. import documentos, parametros
from ..sessao import ErroNegocio, SemPermissao, Sessao
from .escala import plantoes_no_mes
from .exercicio import periodos
from desktop.rules import formato

TIPO_DOCUMENTO = "conselho_contracheque"
ASSUNTO = "conselho:competencia"  # + ':aaaa-mm:conselheiro': a reabertura substitui os PDFs da competência


def entrada_do_mes(db, conselheiro_id: str, competencia: date, *, ferias_dias: int = 0, decimo_terceiro: str = "",
                   adiantamento_13_pago: Decimal = Decimal("0")) -> EntradaConselheiro:
    c = armazem_m.conselheiro(db, conselheiro_id)
    if c is None:
        raise ErroNegocio("Conselheiro não encontrado.")
    fim = ultimo_dia(competencia)
    # Nada depois do fim do mandato (art. 40 §3º: "durante o período que perdurar o mandato"): o exercício
    # aberto (sem data de fim) termina no último dia do mandato.
    fim_mandato = date.fromisoformat(c["fim_mandato"])
    exercicio = tuple((a, min(b, fim_mandato)) for a, b in periodos(db, conselheiro_id, fim, pagos=True)
                      if a <= fim_mandato)
    funcoes = tuple((date.fromisoformat(f["inicio"]), date.fromisoformat(f["fim"]) if f["fim"] else fim, f["funcao"])
                    for f in armazem_m.funcoes(db, conselheiro_id))
    escalados, cumpridos = plantoes_no_mes(db, conselheiro_id, competencia)
    cargo = Decimal(c["remuneracao_cargo"]) if c["remuneracao_cargo"] else None
    return EntradaConselheiro(competencia, exercicio, funcoes, escalados, cumpridos, ferias_dias, decimo_terceiro,
                              Decimal(adiantamento_13_pago), cargo, c["dependentes_irrf"])


def calcular_contracheque(sessao: Sessao, conselheiro_id: str, competencia: date, **opcoes) -> Contracheque:
    """O contracheque do conselheiro na competência (dia 1 do mês), sem gravar.

    ``opcoes``: ferias_dias (terço pago no mês), decimo_terceiro ('' | 'adiantamento' | 'quitacao'),
    adiantamento_13_pago (Decimal). O conselheiro tutelar vê só o próprio (a folha é da administração)."""
    sessao.exigir(Permissao.CONSELHO_LER)
    _so_o_proprio(sessao, conselheiro_id)
    if competencia.day != 1:
        raise EntradaInvalida("A competência é o dia 1º do mês.")
    lancamentos = armazem_d.do_servidor_no_mes(sessao.db, conselheiro_id, f"{competencia:%Y-%m}", "conselho")
    return contracheque_com(sessao, conselheiro_id, competencia, lancamentos, **opcoes)


def contracheque_com(sessao: Sessao, conselheiro_id: str, competencia: date, lancamentos: list[dict],
                     **opcoes) -> Contracheque:
    """O contracheque com os ``lancamentos`` de desconto dados (linhas de ``conselho_descontos``), sem
    gravar: é como ``services.conselho.descontos`` confere um lançamento novo antes de gravá-lo."""
    sessao.exigir(Permissao.CONSELHO_LER)
    _so_o_proprio(sessao, conselheiro_id)
    e = entrada_do_mes(sessao.db, conselheiro_id, competencia, **opcoes)
    def vigente(nome):
        return parametros.vigente(sessao, nome, competencia)
    sm = vigente("salario_minimo")
    margem = None
    if lancamentos:
        try:
            margem = vigente("margem_consignavel")
        except ErroNegocio:  # sem margem vigente: as consignações ficam de fora, com aviso (rules.folha.descontos)
            margem = None
    return calcular(e, vigente("conselho_remuneracao"), sm.valor, sm.fundamento,
                    vigente("folha_geral"), parametros.tabela_inss(sessao, competencia),
                    parametros.tabela_irrf(sessao, competencia), conselheiro_id,
                    descontos_=armazem_d.como_regra(lancamentos, folha="conselho"), salario_minimo_legal=sm,
                    margem=margem)


def _so_o_proprio(sessao: Sessao, conselheiro_id: str) -> None:
    """O conselheiro tutelar consulta o próprio contracheque, não o dos colegas (LGPD, art. 6º, III)."""
    if sessao.usuario.papel != Papel.CONSELHEIRO_TUTELAR:
        return
    if armazem_m.conselheiro(sessao.db, conselheiro_id) is None:
        raise ErroNegocio("Conselheiro não encontrado.")
    eu = armazem_m.por_usuario(sessao.db, sessao.usuario.id)
    if eu is None or eu["id"] != conselheiro_id:
        raise SemPermissao("Cada conselheiro tutelar consulta só o próprio contracheque; a folha dos conselheiros é "
                           "da administração municipal.")


def funcao_no_mes(db, conselheiro_id: str, competencia: date) -> str:
    fim = ultimo_dia(competencia).isoformat()
    for f in armazem_m.funcoes(db, conselheiro_id):
        if f["inicio"] <= fim and (f["fim"] is None or f["fim"] >= competencia.isoformat()):
            return "Presidente" if f["funcao"] == "presidente" else "Vice-presidente"
    return "Conselheiro(a)"


def emitir_contracheque(sessao: Sessao, conselheiro_id: str, competencia: date) -> documentos.Emitido:
    """Emite o contracheque GRAVADO na competência fechada (``services.conselho.folha``) como documento
    registrado (PDF verificável) e o guarda. Só a administração municipal (quem paga, Lei 320/2023, art. 40):
    o conselheiro não emite o próprio. As opções do mês (férias, 13º) são as com que a competência foi fechada."""
    sessao.exigir(Permissao.CONSELHO_MANDATOS)
    dia = competencia.replace(day=1)
    k = armazem_folha.competencia(sessao.db, dia)
    if k is None or k["situacao"] != "fechada":
        raise ErroNegocio(f"A competência {formato.competencia(dia)} da folha dos conselheiros não está fechada: confira a prévia e "
                          "feche a competência antes de emitir o contracheque (o que se paga é o que foi gravado).")
    achados = armazem_folha.contracheques(sessao.db, k["id"], dia, conselheiro_id)
    if not achados:
        raise ErroNegocio(f"O conselheiro não tem contracheque na competência fechada {formato.competencia(dia)} (sem exercício "
                          "no mês).")
    ident, cc = achados[0]
    dados = relatorio.DadosConselheiro(nome=ident["nome"], cpf=ident["cpf"], condicao=ident["condicao"],
                                       ordem=ident["ordem"], funcao=ident["funcao"], mandato=ident["mandato"],
                                       opcao_cargo=bool(ident["opcao_cargo"]))
    with sessao.mudanca(Permissao.CONSELHO_MANDATOS) as m:
        emitido = documentos.emitir(
            sessao, tipo=TIPO_DOCUMENTO, titulo=relatorio.TITULO,
            montar=lambda cab, rod: relatorio.gerar(cab, rod, dados, cc),
            referencia=f"{ident['nome']} — {formato.competencia(dia)}", assunto=f"{ASSUNTO}:{dia:%Y-%m}:{conselheiro_id}")
        linha = {"id": novo_id(), "conselheiro_id": conselheiro_id, "competencia": dia.isoformat(),
                 "linhas": json.dumps([asdict(l) for l in cc.linhas], default=str, ensure_ascii=False),
                 "proventos": str(cc.proventos), "descontos": str(cc.descontos), "liquido": str(cc.liquido),
                 "documento_id": emitido.id, "criado_em": agora()}
        m.inserir("conselho_contracheques", linha)
    return emitido


def contracheques_emitidos(sessao: Sessao, competencia: date | None = None) -> list[dict]:
    """Os contracheques emitidos (da competência, se dada); o conselheiro tutelar vê só os seus."""
    sessao.exigir(Permissao.CONSELHO_LER)
    so_de = None
    if sessao.usuario.papel == Papel.CONSELHEIRO_TUTELAR:
        eu = armazem_m.por_usuario(sessao.db, sessao.usuario.id)
        so_de = eu["id"] if eu else ""  # sem cadastro de conselheiro: nenhum
    return armazem_folha.contracheques_emitidos(sessao.db, competencia.isoformat() if competencia else None, so_de)
