"""Folha complementar do Magistério: as diferenças de competências fechadas pagas à parte.

Quando um reajuste ou um registro lançado depois do fechamento (afastamento, titulação, jornada, férias…)
alcança competências já fechadas, as diferenças de cada servidor e mês (``folha._reajustes_retroativos``:
065/066 do mês, 067/068 do 13º; ``anteriores``: 069 do mês, 070 do 13º, 071 do terço de férias) são pagas, à escolha de quem faz a
folha, na próxima competência aberta (o padrão: basta fechá-la) OU numa folha complementar da última
competência fechada — uma folha à parte, com os seus contracheques, o seu fechamento, o seu arquivo do
banco (``services.pagamento.remessa`` com a folha ``magisterio_complementar``). O que a complementar paga
conta como pago: a competência seguinte não paga de novo (``store.magisterio.folha.diferencas_retroativas_pagas``).

Tributos (docs/interpretacoes.md): previdência sobre as diferenças; IRRF do mês como se a complementar
fosse paga junto com a folha da competência (regime de caixa): o imposto sobre o rendimento da
competência somado às diferenças menos o já retido nela; as diferenças de anos anteriores, em separado
como RRA (Lei 7.713/1988, art. 12-A; rubrica 206); as do 13º, no grupo do 13º (Lei 8.134/1990, art. 16).

``previa`` (``MAGISTERIO_LER``) calcula sem gravar; ``fechar`` (``MAGISTERIO_EDITAR``) grava numa
transação, uma vez por competência, com diário.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from desktop.reports.magisterio import contracheque as relatorio_contracheque
from desktop.reports.magisterio.dados import ItemFolha
from desktop.rules.dinheiro import ZERO
from desktop.rules.folha import motor, rra
from desktop.rules.folha.codigos import PENSAO_ALIMENTICIA
from desktop.rules.folha.dias import mes_seguinte
from desktop.rules.folha.tipos import Contracheque, Linha, Natureza
from desktop.rules.irrf import calcular_irrf
from desktop.rules.papeis import Permissao
from desktop.store.magisterio import complementar as armazem
from desktop.store.magisterio import folha as armazem_folha

from .. import replicas
from ..documentos import Emitido, emitir
from ..folha_ciclo import TotaisDaFolha
from ..sessao import ErroNegocio, Sessao
from . import anteriores, configuracao, folha
from desktop.rules import formato


@dataclass
class PreviaComplementar(TotaisDaFolha):
    competencia: date
    itens: list[ItemFolha]


def _soma(linhas, codigos) -> Decimal:
    return sum((l.valor for l in linhas if l.codigo in codigos), ZERO)


def _irrf_do_mes(cc: Contracheque, gravado: list[Linha], tabela, dependentes: int) -> Contracheque:
    """Troca o IRRF mensal (205) calculado só sobre as diferenças pelo acréscimo de imposto do mês: o IRRF
    sobre (rendimento gravado da competência + diferenças), com as deduções gravadas + a contribuição das
    diferenças, menos o IRRF já retido na competência."""
    _prev, base_gravada = motor.bases(gravado, motor.GRUPO_MENSAL)
    _prev_d, base_dif = motor.bases(cc.linhas, motor.GRUPO_MENSAL)
    contrib_dif = _soma([l for l in cc.linhas if l.grupo == motor.GRUPO_MENSAL], {motor.PREVIDENCIA[motor.GRUPO_MENSAL]})
    contrib_dif -= rra.parcela_previdencia(cc.linhas, motor.GRUPO_MENSAL, contrib_dif)
    contrib_gravada = _soma(gravado, {motor.PREVIDENCIA[motor.GRUPO_MENSAL]})
    retido = _soma(gravado, {motor.IRRF[motor.GRUPO_MENSAL]})
    r = calcular_irrf(max(ZERO, base_gravada + base_dif), contrib_gravada + contrib_dif, dependentes, tabela,
                      outras_deducoes=_soma(gravado, {PENSAO_ALIMENTICIA}))
    acrescimo = max(ZERO, r.valor - retido)
    outras = [l for l in cc.linhas if not (l.codigo == motor.IRRF[motor.GRUPO_MENSAL] and l.grupo == motor.GRUPO_MENSAL)]
    if acrescimo > 0:
        outras.append(Linha(motor.IRRF[motor.GRUPO_MENSAL], "Imposto de renda retido na fonte — acréscimo do mês pela "
                            "folha complementar", Natureza.DESCONTO, acrescimo,
                            f"{motor.FUND_IRRF}; IRRF sobre o rendimento do mês com as diferenças ({r.base} de base) "
                            f"menos o já retido na competência ({retido})", base=r.base, percentual=r.aliquota,
                            incide_previdencia=False, incide_irrf=False))
    return replace(cc, linhas=sorted(outras, key=lambda l: (l.codigo, l.grupo)))


def _diferencas_ate(sessao: Sessao, dia: date, fichas: dict, *, so_a_pagar: bool) -> dict[str, list[Linha]]:
    """Servidor → as linhas de diferença das competências fechadas até ``dia`` ainda não pagas, como a competência
    seguinte as pagaria: de reajuste (065 a 068, ``folha._reajustes_retroativos``) e de registros lançados depois
    do fechamento (069 a 071 e 106 a 108, ``anteriores``). ``so_a_pagar``: só os proventos — a folha complementar
    não desconta; o que há a descontar fica para a competência seguinte (docs/interpretacoes.md)."""
    seguinte = mes_seguinte(dia)
    pendentes = armazem_folha.diferencas_pendentes_ate(sessao.db, armazem_folha.chave(dia))
    saida = folha._reajustes_retroativos(sessao, seguinte, excluir={(sid, k) for sid, ks in pendentes.items()
                                                                   for k, _f in ks})
    if pendentes:
        config, meses = configuracao.ler(sessao), {}
        acertado = armazem_folha.diferencas_retroativas_pagas(sessao.db)
        for sid, ks in pendentes.items():
            if sid not in fichas:
                continue
            saida.setdefault(sid, []).extend(anteriores._acertos(sessao, fichas[sid], seguinte, config, ks, meses,
                                                                 acertado, do_mes=folha._do_mes,
                                                                 diferencas_do_mes=folha._diferencas))
    if so_a_pagar:
        saida = {sid: [l for l in ls if l.natureza is Natureza.PROVENTO] for sid, ls in saida.items()}
    return {sid: ls for sid, ls in saida.items() if ls}


def _calcular(sessao: Sessao, dia: date) -> tuple[PreviaComplementar, list, dict]:
    linha = armazem_folha.competencia(sessao.db, dia)
    if linha is None or linha["situacao"] != "fechada":
        raise ErroNegocio(f"A folha complementar é de uma competência fechada: {formato.competencia(dia)} não está fechada. "
                          "Diferenças de uma competência aberta entram nela mesma ao fechá-la.")
    if armazem.obter(sessao.db, dia) is not None:
        raise ErroNegocio(f"A competência {formato.competencia(dia)} já tem folha complementar fechada; as diferenças que surgirem "
                          "depois são pagas na próxima competência aberta.")
    fichas = {f.id: f for f in folha._fichas(sessao)[0]}
    diferencas = _diferencas_ate(sessao, dia, fichas, so_a_pagar=True)
    p = folha.parametros_da_competencia(sessao, dia)
    config = configuracao.ler(sessao)
    previdencia = p.previdencia(config)
    gravados = {cc.pessoa_id: (ident, cc) for ident, cc in armazem_folha.contracheques(sessao.db, linha["id"], dia)}
    itens, idents = [], []
    for sid, linhas in sorted(((sid, ls) for sid, ls in diferencas.items() if sid in gravados and sid in fichas),
                              key=lambda x: (gravados[x[0]][0].nome, gravados[x[0]][0].matricula)):
        ident, gravado = gravados[sid]
        deps = fichas[sid].dependentes_irrf
        cc = motor.fechar(dia, sid, linhas, previdencia, p.irrf, deps)
        cc = _irrf_do_mes(cc, gravado.linhas, p.irrf, deps)
        itens.append(ItemFolha(folha.dados_servidor(ident), cc))
        idents.append(ident)
    identidades = {"irrf": {"inicio": p.irrf.inicio.isoformat(), "fundamento": p.irrf.fundamento}}
    return PreviaComplementar(dia, itens), idents, identidades


def previa(sessao: Sessao, competencia: date | str) -> PreviaComplementar:
    """A folha complementar da competência fechada, sem gravar: um contracheque por servidor com diferenças."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    return _calcular(sessao, folha.mes(competencia))[0]


def fechar(sessao: Sessao, competencia: date | str) -> dict:
    """Calcula e grava a folha complementar da competência fechada (uma transação, com diário); as diferenças
    pagas nela não voltam na próxima competência. Recusa se não há diferença a pagar."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    dia = folha.mes(competencia)
    replicas.exigir_designada(sessao.db, f"Fechar a folha complementar de {formato.competencia(dia)}")
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        p, idents, identidades = _calcular(sessao, dia)
        if not p.itens:
            raise ErroNegocio(f"Não há diferenças a pagar até {formato.competencia(dia)}: nenhum reajuste nem registro lançado depois "
                              "do fechamento (afastamento, titulação, jornada, férias…) alcançou competências "
                              "fechadas, ou as diferenças já foram pagas.")
        gravada = armazem.gravar(m.db, dia, list(zip(idents, (i.contracheque for i in p.itens))),
                                 por=sessao.usuario.login, parametros=identidades)
        m.registrar("magisterio_complementares", gravada["id"], "inserir", depois=gravada)
    return _publica(gravada)


def _publica(linha: dict) -> dict:
    r = dict(linha)
    r["competencia"] = folha.mes(r["competencia"])
    for campo in ("proventos", "descontos", "liquido"):
        r[campo] = armazem_folha.de_centavos(r[campo])
    return r


def listar(sessao: Sessao) -> list[dict]:
    """As folhas complementares fechadas, da mais recente."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    return [_publica(r) for r in armazem.listar(sessao.db)]


def contracheques(sessao: Sessao, competencia: date | str) -> list[ItemFolha]:
    """Os contracheques gravados da folha complementar da competência (ordem de nome)."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    dia = folha.mes(competencia)
    linha = armazem.obter(sessao.db, dia)
    if linha is None:
        raise ErroNegocio(f"A competência {formato.competencia(dia)} não tem folha complementar fechada.")
    return [ItemFolha(folha.dados_servidor(i), cc) for i, cc in armazem.contracheques(sessao.db, linha["id"], dia)]


TIPO_LOTE = "magisterio_complementar_lote"
ESPECIE = "folha complementar"


def emitir_lote(sessao: Sessao, competencia: date | str, progresso=None) -> Emitido:
    """Os contracheques da folha complementar num só PDF registrado (um por página, "folha complementar" no
    título de cada um)."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    sessao.exigir(Permissao.DOCUMENTOS_EMITIR)
    dia = folha.mes(competencia)
    itens = contracheques(sessao, dia)
    return emitir(sessao, tipo=TIPO_LOTE, titulo=f"{relatorio_contracheque.TITULO_LOTE} — {ESPECIE}",
                  referencia=f"{ESPECIE} da competência {formato.competencia(dia)}, {len(itens)} servidores",
                  assunto=f"magisterio:complementar:{dia:%Y-%m}:lote",
                  montar=lambda cab, rod: relatorio_contracheque.gerar_lote(cab, rod, itens, progresso, especie=ESPECIE))
