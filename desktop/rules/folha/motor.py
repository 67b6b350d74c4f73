"""Motor de folha: rubricas comuns (faltas, terço de férias, 13º) e fechamento com tributos.

Cada módulo (magistério, conselheiros tutelares) monta as suas rubricas de proventos e chama
estas funções para as rubricas que a legislação geral define e para ``fechar``, que calcula a
contribuição previdenciária e o IRRF de cada grupo — o mensal e o do 13º, tributado à parte
(Lei 8.134/1990, art. 16; Lei 8.212/1991, art. 28, §7º) — e avisa quando os descontos passam
dos proventos. Nenhuma linha é negativa; o líquido é proventos − descontos.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Iterable

from desktop.rules.dinheiro import ZERO, centavos, reais
from desktop.rules.irrf import TabelaIRRF, calcular_irrf

from . import descontos, rra
from .codigos import (ADIANTAMENTO_13, DECIMO_TERCEIRO, DESCONTO_ADIANTAMENTO_13, FALTAS_DIAS, FALTAS_HORAS,
                      IRRF_13, IRRF_MENSAL, PREVIDENCIA_13, PREVIDENCIA_MENSAL, TERCO_FERIAS)
from .dias import fracao
from .regras import Previdencia, PrevidenciaINSS, RegrasFolha
from .tipos import Contracheque, Linha, Natureza

GRUPO_MENSAL = "mensal"
GRUPO_13 = "13"

PREVIDENCIA = {GRUPO_MENSAL: PREVIDENCIA_MENSAL, GRUPO_13: PREVIDENCIA_13}
IRRF = {GRUPO_MENSAL: IRRF_MENSAL, GRUPO_13: IRRF_13}

FUND_TERCO = "CF, art. 7º, XVII, e art. 39, §3º"
FUND_13 = "CF, art. 7º, VIII, e art. 39, §3º; Lei 4.090/1962, art. 1º"
FUND_ADIANTAMENTO = "Lei 4.749/1965, art. 2º; sem retenção na antecipação (Lei 8.134/1990, art. 16, I)"
FUND_IRRF = "Lei 7.713/1988, art. 7º; Lei 9.250/1995, arts. 3º-A e 4º"
FUND_IRRF_13 = "Lei 8.134/1990, art. 16 (13º tributado à parte, no mês da quitação)"
FUND_PREV_13 = "13º: base própria, calculada à parte (Lei 8.212/1991, art. 28, §7º)"


def linha(codigo: str, descricao: str, natureza: Natureza, valor: Decimal, fundamento: str,
          **extras) -> Linha | None:
    """Uma rubrica ao centavo; None se o valor é zero. Valor negativo é erro de programação."""
    valor = centavos(valor)
    if valor < 0:
        raise ValueError(f"Rubrica {codigo} ({descricao}) com valor negativo: {valor}.")
    if valor == 0:
        return None
    return Linha(codigo, descricao, natureza, valor, fundamento, **extras)


# -- faltas ------------------------------------------------------------------------------------
def linha_faltas_dias(remuneracao: Decimal, dias: int, divisor: int | Decimal, fundamento: str,
                      descricao: str = "Faltas injustificadas (dias)") -> Linha | None:
    """Desconto de ``dias`` dias: remuneração mensal × dias / divisor (o valor do dia)."""
    return linha(FALTAS_DIAS, descricao, Natureza.DESCONTO, fracao(remuneracao, dias, divisor),
                 fundamento, base=centavos(remuneracao), quantidade=Decimal(dias))


def linha_faltas_horas(remuneracao: Decimal, horas: int | Decimal, divisor: int | Decimal,
                       fundamento: str, descricao: str = "Faltas por hora-aula/hora-atividade") -> Linha | None:
    """Desconto de ``horas`` horas: remuneração mensal × horas / divisor (p. ex. 1/100 por hora)."""
    return linha(FALTAS_HORAS, descricao, Natureza.DESCONTO, fracao(remuneracao, horas, divisor),
                 fundamento, base=centavos(remuneracao), quantidade=Decimal(horas))


# -- férias ------------------------------------------------------------------------------------
def valor_terco_ferias(remuneracao: Decimal, dias_ferias: int, regras: RegrasFolha) -> Decimal:
    """1/3 da remuneração, proporcional aos dias de férias (30 dias = um terço inteiro).

    CF, art. 7º, XVII (aplicado aos servidores pelo art. 39, §3º). Férias de mais de um mês
    comercial contam no máximo ``dias_mes``.
    """
    dias = min(dias_ferias, regras.dias_mes)
    return centavos(Decimal(remuneracao) * dias / (regras.dias_mes * regras.divisor_terco))


def linha_terco_ferias(remuneracao: Decimal, dias_ferias: int, regras: RegrasFolha, fundamento: str,
                       descricao: str, *, previdencia: Previdencia) -> Linha | None:
    """A rubrica do terço. Contribui para o INSS, não para o RPPS (STF, Tema 163: parcela que não
    se incorpora à aposentadoria); entra no IRRF do mês em que é paga."""
    return linha(TERCO_FERIAS, descricao, Natureza.PROVENTO,
                 valor_terco_ferias(remuneracao, dias_ferias, regras), f"{fundamento}; {FUND_TERCO}",
                 base=centavos(remuneracao), quantidade=Decimal(min(dias_ferias, regras.dias_mes)),
                 incide_previdencia=isinstance(previdencia, PrevidenciaINSS))


# -- 13º salário -------------------------------------------------------------------------------
def valor_decimo_terceiro(remuneracao: Decimal, avos: int, regras: RegrasFolha) -> Decimal:
    """Remuneração × avos / 12 (Lei 4.090/1962, art. 1º, §1º), ao centavo."""
    return centavos(Decimal(remuneracao) * avos / regras.avos_ano)


def valor_adiantamento_13(remuneracao: Decimal, avos: int, regras: RegrasFolha) -> Decimal:
    """Metade do 13º devido pelos avos do ano (Lei 4.749/1965, art. 2º), ao centavo."""
    return centavos(Decimal(remuneracao) * avos * regras.fracao_adiantamento_13 / regras.avos_ano)


def linha_adiantamento_13(remuneracao: Decimal, avos: int, regras: RegrasFolha) -> Linha | None:
    """1ª parcela do 13º: sem contribuição nem IRRF na antecipação (tributa-se na quitação)."""
    return linha(ADIANTAMENTO_13, "13º salário — adiantamento (1ª parcela)", Natureza.PROVENTO,
                 valor_adiantamento_13(remuneracao, avos, regras), FUND_ADIANTAMENTO,
                 base=centavos(remuneracao), percentual=regras.fracao_adiantamento_13 * 100,
                 quantidade=Decimal(avos), incide_previdencia=False, incide_irrf=False, grupo=GRUPO_13)


def linhas_decimo_terceiro(remuneracao: Decimal, avos: int, regras: RegrasFolha,
                           adiantamento_pago: Decimal = ZERO, fundamento: str = "") -> list[Linha]:
    """Quitação do 13º: o valor integral (tributado à parte) e o desconto do adiantamento pago."""
    fund = f"{fundamento}; {FUND_13}" if fundamento else FUND_13
    linhas = [linha(DECIMO_TERCEIRO, f"13º salário ({avos}/{regras.avos_ano})", Natureza.PROVENTO,
                    valor_decimo_terceiro(remuneracao, avos, regras), fund, base=centavos(remuneracao),
                    quantidade=Decimal(avos), grupo=GRUPO_13),
              linha(DESCONTO_ADIANTAMENTO_13, "13º salário — adiantamento já pago", Natureza.DESCONTO,
                    adiantamento_pago, "Lei 4.749/1965, art. 1º (compensação do adiantamento)",
                    incide_previdencia=False,
                    incide_irrf=False, grupo=GRUPO_13)]
    return [l for l in linhas if l is not None]


# -- fechamento --------------------------------------------------------------------------------
def _soma(linhas: Iterable[Linha], natureza: Natureza, campo: str) -> Decimal:
    return sum((l.valor for l in linhas if l.natureza is natureza and getattr(l, campo)), ZERO)


def bases(linhas: Iterable[Linha], grupo: str) -> tuple[Decimal, Decimal]:
    """(base da previdência, rendimento tributável) do grupo: proventos que incidem − descontos
    que incidem (faltas diminuem as duas bases). Pode ser negativa; ``fechar`` avisa."""
    do_grupo = [l for l in linhas if l.grupo == grupo]
    prev = (_soma(do_grupo, Natureza.PROVENTO, "incide_previdencia")
            - _soma(do_grupo, Natureza.DESCONTO, "incide_previdencia"))
    irrf = _soma(do_grupo, Natureza.PROVENTO, "incide_irrf") - _soma(do_grupo, Natureza.DESCONTO, "incide_irrf")
    return prev, irrf


def _tributos(linhas: list[Linha], grupo: str, previdencia: Previdencia, tabela_irrf: TabelaIRRF,
              dependentes: int, extras: "_Extras | None" = None) -> tuple[list[Linha], list[str]]:
    base_prev, base_irrf = bases(linhas, grupo)
    novas, avisos = [], []
    nome = "do 13º salário" if grupo == GRUPO_13 else "do mês"
    if base_prev < 0 or base_irrf < 0:
        avisos.append(f"Os descontos {nome} passam dos proventos sobre os quais incidem: a base da "
                      "previdência e do IRRF ficou zero. Confira as faltas e afastamentos lançados.")
    contribuicao = previdencia.calcular(max(ZERO, base_prev))
    sufixo = " — 13º salário" if grupo == GRUPO_13 else ""
    fund_prev = contribuicao.fundamento + (f"; {FUND_PREV_13}" if grupo == GRUPO_13 else "")
    novas.append(linha(PREVIDENCIA[grupo], contribuicao.descricao + sufixo, Natureza.DESCONTO,
                       contribuicao.valor, fund_prev, base=centavos(contribuicao.base),
                       percentual=contribuicao.percentual, incide_previdencia=False,
                       incide_irrf=False, grupo=grupo))

    # a contribuição sobre rendimentos recebidos acumuladamente (RRA) deduz-se do RRA, não do mês
    parcela_rra = rra.parcela_previdencia(linhas, grupo, contribuicao.valor)

    def irrf_com(deducao: Decimal):
        return calcular_irrf(centavos(max(ZERO, base_irrf)), contribuicao.valor - parcela_rra, dependentes,
                             tabela_irrf, outras_deducoes=deducao)

    pensao = ZERO
    if extras is not None and grupo == GRUPO_MENSAL:
        bruto = descontos.bruto(linhas)
        rp = descontos.pensoes(extras.d.pensoes, bruto, contribuicao.valor, irrf_com, extras.salario_minimo)
        r, pensao = rp.irrf, rp.total
        novas += rp.linhas
        avisos += rp.avisos
        sind = descontos.sindicais(extras.d.sindicais, bruto)
        novas += sind
        compulsorios = contribuicao.valor + r.valor + pensao + sum((l.valor for l in sind), ZERO)
        m = (descontos.margem(bruto, compulsorios, extras.margem.valor, extras.margem.fundamento)
             if extras.margem is not None else None)
        cons, av = descontos.consignacoes(extras.d.consignacoes, m)
        novas += cons
        avisos += av
    else:
        r = irrf_com(ZERO)
    fund_irrf = f"{FUND_IRRF}; {r.fundamento}" + (f"; {FUND_IRRF_13}" if grupo == GRUPO_13 else "")
    if pensao > 0:
        fund_irrf += f"; base deduzida da pensão alimentícia de {reais(pensao)} (Lei 9.250/1995, art. 4º, II)"
    descricao = "Imposto de renda retido na fonte" + sufixo
    if r.reducao > 0:
        descricao += f" (com redução de {reais(r.reducao)})"
    novas.append(linha(IRRF[grupo], descricao, Natureza.DESCONTO, r.valor, fund_irrf,
                       base=r.base, percentual=r.aliquota, quantidade=Decimal(dependentes) if dependentes else None,
                       incide_previdencia=False, incide_irrf=False, grupo=grupo))
    novas.append(rra.linha_irrf([l for l in linhas if l.grupo == grupo], tabela_irrf, parcela_rra))
    return [l for l in novas if l is not None], avisos


@dataclass(frozen=True)
class _Extras:
    d: "descontos.Descontos"
    salario_minimo: Decimal | None
    margem: object | None  # ValorLegal (percentual) da margem consignável


def fechar(competencia: date, pessoa_id: str, linhas: Iterable[Linha | None], previdencia: Previdencia,
           tabela_irrf: TabelaIRRF, dependentes: int, avisos: Iterable[str] = (), *,
           descontos_: "descontos.Descontos | None" = None, salario_minimo=None, margem=None) -> Contracheque:
    """O contracheque com a previdência e o IRRF de cada grupo (mensal e 13º, cada um à parte).

    ``descontos_``: pensões, sindical, consignações e avulsas do mês (``rules.folha.descontos``), com o
    ``salario_minimo`` e a ``margem`` (percentual) vigentes (``ValorLegal``). Linhas None (valor zero) são omitidas. Se os descontos passam dos proventos, o líquido fica
    negativo e há aviso para o fechamento conferir — nenhuma linha é negativa.
    """
    proprias = [l for l in linhas if l is not None] + descontos.linhas_avulsas(descontos_)
    extras = (_Extras(descontos_, None if salario_minimo is None else salario_minimo.valor, margem)
              if descontos_ else None)
    for l in proprias:
        if l.valor < 0:
            raise ValueError(f"Rubrica {l.codigo} com valor negativo: {l.valor}.")
    todos_avisos = list(avisos)
    tributos = []
    for grupo in (GRUPO_MENSAL, GRUPO_13):
        if any(l.grupo == grupo for l in proprias):
            novas, av = _tributos(proprias, grupo, previdencia, tabela_irrf, dependentes, extras)
            tributos += novas
            todos_avisos += av
    c = Contracheque(competencia=competencia, pessoa_id=pessoa_id,
                     linhas=sorted(proprias + tributos, key=lambda l: (l.codigo, l.grupo)),
                     avisos=todos_avisos)
    if c.liquido < 0:
        c.avisos.append(f"O líquido ficou negativo ({reais(c.liquido)}): os descontos "
                        f"({reais(c.descontos)}) passam dos proventos ({reais(c.proventos)}). "
                        "Confira faltas, afastamentos e adiantamentos antes de fechar a competência.")
    return c
