"""Contracheque do conselheiro tutelar (Lei 320/2023, arts. 16 §1º, 39, 40 e 41) sobre o motor comum da folha.

Rubricas próprias: o subsídio de dois salários mínimos da data (art. 40), proporcional aos dias de
exercício no mês comercial (suplente convocado, posse ou vacância no meio do mês: art. 16 §1º), ou a
remuneração do cargo municipal para quem optou (art. 41); a gratificação de 50 % do salário base pelos
plantões e sobreavisos efetivamente prestados (art. 40 caput e §2º), proporcional aos cumpridos entre
os escalados; o acréscimo de 10 % do presidente e de 5 % do vice (art. 40 §1º), pelos dias na função.
Férias com um terço e 13º (art. 39, II e V) e o fechamento com INSS (art. 40 §3º) e IRRF são do motor
(``desktop.rules.folha.motor``). Interpretações: docs/interpretacoes.md, "Conselho Tutelar: remuneração".
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.rules.dinheiro import ZERO, centavos
from desktop.rules.folha import motor
from desktop.rules.folha.descontos import Descontos
from desktop.rules.folha.dias import Intervalo, avos_no_ano, intersecao, primeiro_dia, proporcional, ultimo_dia
from desktop.rules.folha.regras import PrevidenciaINSS, RegrasFolha
from desktop.rules.folha.tipos import Contracheque, Natureza
from desktop.rules.inss import TabelaINSS
from desktop.rules.irrf import TabelaIRRF
from desktop.rules.validacao import EntradaInvalida

from .mandatos import dias_no_mes
from .parametros import RegrasRemuneracao
from desktop.rules import formato

SUBSIDIO, REMUNERACAO_CARGO, GRATIFICACAO_PLANTAO, ACRESCIMO_FUNCAO = "001", "002", "010", "011"
FUNCOES = {"presidente": "Presidente", "vice": "Vice-presidente"}
CEM = Decimal(100)
DIAS_FERIAS_PERIODO = 30  # férias anuais (art. 39, II): 30 dias por período aquisitivo de 12 meses


@dataclass(frozen=True)
class EntradaConselheiro:
    """O que a folha do conselheiro precisa saber do mês (e do ano, para o 13º).

    ``exercicio``: períodos (inclusive) de exercício remunerado, inclusive afastamentos remunerados
    (férias, licenças, candidatura: arts. 16 §1º, 39 e 45 §ún.). ``funcoes``: (início, fim, 'presidente'
    ou 'vice'). ``decimo_terceiro``: '' (nada), 'adiantamento' ou 'quitacao'. ``remuneracao_cargo``:
    a remuneração do cargo municipal de quem optou por ela (art. 41), senão None.
    """

    competencia: date
    exercicio: tuple[Intervalo, ...]
    funcoes: tuple[tuple[date, date, str], ...] = ()
    plantoes_escalados: int = 0
    plantoes_cumpridos: int = 0
    ferias_dias: int = 0
    decimo_terceiro: str = ""
    adiantamento_13_pago: Decimal = ZERO
    remuneracao_cargo: Decimal | None = None
    dependentes: int = 0


def validar(e: EntradaConselheiro) -> None:
    if e.competencia.day != 1:
        raise EntradaInvalida("A competência é o dia 1º do mês (aaaa-mm-01).")
    if e.plantoes_escalados < 0 or e.plantoes_cumpridos < 0 or e.plantoes_cumpridos > e.plantoes_escalados:
        raise EntradaInvalida("Os plantões cumpridos não podem passar dos escalados nem ser negativos.")
    if e.ferias_dias < 0 or e.dependentes < 0:
        raise EntradaInvalida("Dias de férias e dependentes não podem ser negativos.")
    if e.ferias_dias > DIAS_FERIAS_PERIODO:
        raise EntradaInvalida(f"Férias de {e.ferias_dias} dias passam do período aquisitivo: as férias são anuais, "
                              f"até {DIAS_FERIAS_PERIODO} dias por 12 meses de exercício (Lei 320/2023, art. 39, II).")
    if e.decimo_terceiro not in ("", "adiantamento", "quitacao"):
        raise EntradaInvalida("13º salário: deixe vazio, 'adiantamento' ou 'quitacao'.")
    for a, b in e.exercicio:
        if b < a:
            raise EntradaInvalida("Um período de exercício termina antes de começar; confira as datas.")
    for a, b, f in e.funcoes:
        if f not in FUNCOES or b < a:
            raise EntradaInvalida("Função deve ser presidente ou vice, com o fim depois do início.")
    funcoes = sorted(e.funcoes)
    for (a1, b1, f1), (a2, b2, f2) in zip(funcoes, funcoes[1:]):
        if a2 <= b1:
            raise EntradaInvalida(f"Duas funções ao mesmo tempo ({FUNCOES[f1].lower()} até {formato.data(b1)} e "
                                  f"{FUNCOES[f2].lower()} desde {formato.data(a2)}): cada conselheiro exerce uma função "
                                  "por vez e recebe um só acréscimo (Lei 320/2023, art. 40 §1º).")
    if e.remuneracao_cargo is not None and e.remuneracao_cargo <= 0:
        raise EntradaInvalida("A remuneração do cargo municipal (art. 41) deve ser maior que zero.")


def salario_base(salario_minimo: Decimal, regras: RegrasRemuneracao) -> Decimal:
    """Dois salários mínimos vigentes (Lei 320/2023, art. 40)."""
    return centavos(salario_minimo * regras.salarios_minimos)


def _funcao_do_mes(e: EntradaConselheiro, regras_folha: RegrasFolha) -> list[tuple[str, int]]:
    """Cada função do mês com os dias em que foi exercida: só os dias de exercício pago contam (art. 40
    §1º: o acréscimo é "sobre a sua remuneração"; sem exercício, ou na suspensão, não há remuneração)."""
    mes = (primeiro_dia(e.competencia), ultimo_dia(e.competencia))
    saida = []
    for a, b, f in e.funcoes:
        if (i := intersecao((a, b), mes)) is None:
            continue
        dias = dias_no_mes([p for x in e.exercicio if (p := intersecao(x, i))], e.competencia, regras_folha)
        if dias:
            saida.append((f, dias))
    return saida


def calcular(e: EntradaConselheiro, regras: RegrasRemuneracao, salario_minimo: Decimal, fund_sm: str,
             regras_folha: RegrasFolha, tabela_inss: TabelaINSS, tabela_irrf: TabelaIRRF,
             pessoa_id: str = "", *, descontos_: Descontos | None = None, salario_minimo_legal=None,
             margem=None) -> Contracheque:
    """O contracheque do mês: rubricas do art. 40 (ou 41), férias, 13º, INSS e IRRF à parte no 13º.

    ``descontos_``: pensão alimentícia, sindical, consignações e avulsas do mês, pelas mesmas regras da
    folha do Magistério (``rules.folha.descontos``, aplicadas por ``motor.fechar``), com o salário mínimo
    (``salario_minimo_legal``, ``ValorLegal``, para a pensão em salários mínimos) e a ``margem``
    consignável (``ValorLegal`` percentual) vigentes."""
    extras = {"descontos_": descontos_, "salario_minimo": salario_minimo_legal, "margem": margem}
    validar(e)
    base = salario_base(salario_minimo, regras)
    opcao = e.remuneracao_cargo is not None
    base_mensal = centavos(e.remuneracao_cargo) if opcao else base
    dias = dias_no_mes(e.exercicio, e.competencia, regras_folha)
    previdencia = PrevidenciaINSS(tabela_inss)
    if not dias:
        # Sem exercício no mês (antes da posse, depois do fim do mandato, suspensão no mês inteiro): nenhuma
        # rubrica, nem plantão escalado, nem acréscimo, terço ou 13º (arts. 16 §1º e 40).
        return motor.fechar(e.competencia, pessoa_id, [], previdencia, tabela_irrf, e.dependentes, **extras,
                            avisos=("Sem dias de exercício no mês: nada a pagar (Lei 320/2023, arts. 16 §1º e 40).",))
    linhas = []
    if opcao:
        linhas.append(motor.linha(REMUNERACAO_CARGO, f"Remuneração do cargo municipal (opção) — {dias} dias",
                                  Natureza.PROVENTO, proporcional(base_mensal, dias, regras_folha),
                                  "Lei 320/2023, art. 41", base=base_mensal, quantidade=Decimal(dias)))
    else:
        linhas.append(motor.linha(SUBSIDIO, f"Subsídio de conselheiro tutelar — {dias} dias", Natureza.PROVENTO,
                                  proporcional(base, dias, regras_folha),
                                  f"Lei 320/2023, art. 40 e art. 16 §1º; salário mínimo: {fund_sm}",
                                  base=base, quantidade=Decimal(dias)))
    grat = cheia = ZERO
    if e.plantoes_escalados:
        cheia = centavos(base * regras.gratificacao_plantao / CEM * e.plantoes_cumpridos / e.plantoes_escalados)
        grat = proporcional(cheia, dias, regras_folha)
        linhas.append(motor.linha(GRATIFICACAO_PLANTAO,
                                  f"Gratificação de plantão/sobreaviso ({e.plantoes_cumpridos} de "
                                  f"{e.plantoes_escalados} cumpridos; {dias} dias)", Natureza.PROVENTO, grat,
                                  "Lei 320/2023, art. 40 caput e §2º e art. 16 §1º", base=base,
                                  percentual=regras.gratificacao_plantao, quantidade=Decimal(e.plantoes_cumpridos)))
    base_funcao = base_mensal + (cheia if regras.base_acrescimo_funcao == "salario_base_mais_plantao" else ZERO)
    acrescimo_mensal = ZERO
    for funcao, dias_f in _funcao_do_mes(e, regras_folha):
        pct = regras.acrescimo_presidente if funcao == "presidente" else regras.acrescimo_vice
        valor = proporcional(centavos(base_funcao * pct / CEM), dias_f, regras_folha)
        acrescimo_mensal = max(acrescimo_mensal, centavos(base_mensal * pct / CEM))
        linhas.append(motor.linha(ACRESCIMO_FUNCAO, f"Acréscimo de {FUNCOES[funcao].lower()} — {dias_f} dias",
                                  Natureza.PROVENTO, valor, "Lei 320/2023, art. 40 §1º", base=base_funcao,
                                  percentual=pct, quantidade=Decimal(dias_f)))
    remuneracao = base_mensal + acrescimo_mensal
    if e.ferias_dias:
        linhas.append(motor.linha_terco_ferias(remuneracao, e.ferias_dias, regras_folha, "Lei 320/2023, art. 39, II",
                                               "Terço constitucional de férias", previdencia=previdencia))
    avos = avos_no_ano(e.exercicio, e.competencia.year, regras_folha, ate_mes=e.competencia.month)
    if e.decimo_terceiro == "adiantamento":
        linhas.append(motor.linha_adiantamento_13(remuneracao, avos, regras_folha))
    elif e.decimo_terceiro == "quitacao":
        linhas += motor.linhas_decimo_terceiro(remuneracao, avos, regras_folha, e.adiantamento_13_pago,
                                               "Lei 320/2023, art. 39, V")
    return motor.fechar(e.competencia, pessoa_id, linhas, previdencia, tabela_irrf, e.dependentes, **extras)
