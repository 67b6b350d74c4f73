"""Descontos da folha além dos tributos: pensão alimentícia, contribuição sindical, consignações e
rubricas avulsas (proventos ou descontos lançados pelo usuário com descrição, fundamento e incidências).

Ordem (docs/interpretacoes.md, "Descontos"):
1. **Rubricas avulsas** entram com as demais linhas, antes dos tributos: mexem nas bases conforme as
   incidências que o usuário informou.
2. **Pensão alimentícia** (ordem judicial: CPC, art. 529; Código Civil, art. 1.694) — percentual do
   bruto, percentual do líquido (bruto − previdência − IRRF), valor fixo ou salários mínimos. É dedutível
   na base do IRRF (Lei 9.250/1995, art. 4º, II): sobre o líquido, pensão e IRRF dependem um do outro, e o
   valor é o ponto fixo da conta (``pensoes``), achado em poucas voltas, ao centavo.
3. **Contribuição sindical** (mensalidade autorizada pelo servidor: CF, art. 8º, IV; Lei 1.613/2004,
   art. 78) — valor fixo ou percentual do bruto; desconto compulsório, fora da margem.
4. **Consignações** (empréstimos e convênios autorizados) — por ordem de prioridade, enquanto couberem na
   margem consignável: percentual (parâmetro datado ``margem_consignavel``) da remuneração bruta menos os
   descontos compulsórios (previdência, IRRF, pensão, sindical). A que não cabe não é descontada no mês,
   com aviso que diz os números.
"Bruto" aqui é a soma dos proventos mensais menos faltas e abate-teto (o que o servidor de fato ganhou no
mês); o 13º, tributado à parte, fica fora. Sem E/S; dinheiro em Decimal ao centavo.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable

from desktop.rules.dinheiro import ZERO, centavos, reais, texto_decimal
from desktop.rules.validacao import EntradaInvalida

from desktop.rules.magisterio.codigos import (DIFERENCA_MES_ANTERIOR_DESCONTO, DIFERENCA_TERCO_MES_ANTERIOR_DESCONTO,
                                             FALTAS_MES_ANTERIOR)

from .codigos import (ABATE_TETO, CONSIGNACAO, CONTRIBUICAO_SINDICAL, DESCONTO_AVULSO, FALTAS_DIAS, FALTAS_HORAS,
                      PENSAO_ALIMENTICIA, PROVENTO_AVULSO)
from .tipos import Linha, Natureza

CODIGOS = (PROVENTO_AVULSO, DESCONTO_AVULSO, PENSAO_ALIMENTICIA, CONSIGNACAO, CONTRIBUICAO_SINDICAL)
# faltas (do mês e do mês anterior), diferenças de mês anterior descontadas (do mês e do terço de férias), abate-teto
REDUTORES = frozenset({FALTAS_DIAS, FALTAS_HORAS, FALTAS_MES_ANTERIOR, DIFERENCA_MES_ANTERIOR_DESCONTO,
                       DIFERENCA_TERCO_MES_ANTERIOR_DESCONTO, ABATE_TETO})
FORMAS_PENSAO = {"bruto": "% do bruto", "liquido": "% do líquido", "fixo": "valor fixo",
                 "salarios_minimos": "salários mínimos"}
FORMAS_SINDICAL = {"fixo": "valor fixo", "percentual": "% do bruto"}
FUND_PENSAO = "Ordem judicial (CPC, art. 529; Código Civil, art. 1.694); dedutível do IRRF (Lei 9.250/1995, art. 4º, II)"
FUND_SINDICAL = "CF, art. 8º, IV; Lei 1.613/2004, art. 78 (mensalidade autorizada pelo servidor)"
FUND_SINDICAL_CONSELHO = "CF, art. 8º, IV (mensalidade autorizada pelo conselheiro filiado)"
FUND_CONSIGNACAO = "Consignação autorizada pelo servidor, dentro da margem consignável"
CEM = Decimal(100)
MAX_VOLTAS = 60


@dataclass(frozen=True)
class PensaoAlimenticia:
    id: str
    beneficiario: str
    forma: str            # bruto | liquido | fixo | salarios_minimos
    quantidade: Decimal   # % (bruto/liquido), R$ (fixo) ou nº de salários mínimos
    processo: str         # nº do processo ou do ofício judicial


@dataclass(frozen=True)
class ContribuicaoSindical:
    id: str
    entidade: str
    forma: str            # fixo | percentual
    quantidade: Decimal
    fundamento: str = FUND_SINDICAL  # o da carreira (a folha do Conselho passa FUND_SINDICAL_CONSELHO)


@dataclass(frozen=True)
class Consignacao:
    id: str
    consignataria: str
    valor: Decimal
    prioridade: int       # 1 = primeira a ser descontada
    contrato: str = ""


@dataclass(frozen=True)
class RubricaAvulsa:
    id: str
    natureza: Natureza
    descricao: str
    fundamento: str
    valor: Decimal
    incide_previdencia: bool
    incide_irrf: bool


@dataclass(frozen=True)
class Descontos:
    """O que a ficha tem para a competência (já filtrado pela vigência)."""

    pensoes: tuple[PensaoAlimenticia, ...] = ()
    sindicais: tuple[ContribuicaoSindical, ...] = ()
    consignacoes: tuple[Consignacao, ...] = ()
    avulsas: tuple[RubricaAvulsa, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.pensoes or self.sindicais or self.consignacoes or self.avulsas)


def _pct(p: Decimal) -> str:
    return texto_decimal(p).replace(".", ",")


# -- validação (usada pelos serviços ao cadastrar) --------------------------------------------------
def validar_pensao(forma: str, quantidade: Decimal) -> None:
    if forma not in FORMAS_PENSAO:
        raise EntradaInvalida("Forma da pensão: percentual do bruto, percentual do líquido, valor fixo ou salários mínimos.")
    if quantidade <= 0:
        raise EntradaInvalida("Informe o percentual, o valor ou o número de salários mínimos da pensão (maior que zero).")
    if forma in ("bruto", "liquido") and quantidade > CEM:
        raise EntradaInvalida(f"O percentual da pensão ({_pct(quantidade)} %) não pode passar de 100 %.")


def validar_sindical(forma: str, quantidade: Decimal) -> None:
    if forma not in FORMAS_SINDICAL:
        raise EntradaInvalida("Contribuição sindical: valor fixo ou percentual do bruto.")
    if quantidade <= 0 or (forma == "percentual" and quantidade > CEM):
        raise EntradaInvalida("Informe um valor (ou percentual até 100 %) maior que zero para a contribuição sindical.")


# -- linhas ---------------------------------------------------------------------------------------
def linhas_avulsas(d: Descontos | None) -> list[Linha]:
    if not d:
        return []
    return [Linha(PROVENTO_AVULSO if a.natureza is Natureza.PROVENTO else DESCONTO_AVULSO, a.descricao, a.natureza,
                  centavos(a.valor), a.fundamento, incide_previdencia=a.incide_previdencia,
                  incide_irrf=a.incide_irrf, referencia=a.id)
            for a in d.avulsas if centavos(a.valor) > 0]


def bruto(linhas: Iterable[Linha]) -> Decimal:
    """Proventos mensais menos faltas e abate-teto: a remuneração bruta do mês."""
    total = ZERO
    for l in linhas:
        if l.grupo != "mensal":
            continue
        if l.natureza is Natureza.PROVENTO:
            total += l.valor
        elif l.codigo in REDUTORES:
            total -= l.valor
    return max(ZERO, total)


def _valor_pensao(p: PensaoAlimenticia, bruto_: Decimal, previdencia: Decimal, irrf: Decimal,
                  salario_minimo: Decimal | None) -> tuple[Decimal, Decimal | None, str]:
    """(valor, base, como) de uma pensão."""
    if p.forma == "bruto":
        return centavos(bruto_ * p.quantidade / CEM), bruto_, f"{_pct(p.quantidade)} % do bruto"
    if p.forma == "liquido":
        liquido = max(ZERO, bruto_ - previdencia - irrf)
        return centavos(liquido * p.quantidade / CEM), liquido, f"{_pct(p.quantidade)} % do líquido"
    if p.forma == "fixo":
        return centavos(p.quantidade), None, "valor fixo"
    if salario_minimo is None:
        raise EntradaInvalida(f"Pensão de {p.beneficiario} em salários mínimos sem salário mínimo vigente no mês.")
    return (centavos(p.quantidade * salario_minimo), centavos(salario_minimo),
            f"{_pct(p.quantidade)} salário(s) mínimo(s) de {reais(salario_minimo)}")


@dataclass(frozen=True)
class ResultadoPensoes:
    linhas: list[Linha]
    total: Decimal
    irrf: object            # o ResultadoIRRF com a pensão deduzida
    avisos: list[str]
    voltas: int


def pensoes(lista: Iterable[PensaoAlimenticia], bruto_: Decimal, previdencia: Decimal,
            irrf_com: Callable[[Decimal], object], salario_minimo: Decimal | None) -> ResultadoPensoes:
    """As linhas das pensões e o IRRF com a pensão deduzida (Lei 9.250/1995, art. 4º, II).

    ``irrf_com(deducao)`` calcula o IRRF do mês com ``deducao`` de pensão. Na pensão sobre o líquido,
    parte-se de pensão zero e refaz-se: cada volta dá pensão maior ou igual (IRRF menor, líquido maior),
    e a conta para quando a pensão não muda mais — o ponto fixo ao centavo. A soma das pensões não passa
    do líquido depois dos tributos: o que passa é cortado com aviso."""
    lista = list(lista)
    avisos: list[str] = []
    total, voltas = ZERO, 0
    r = irrf_com(ZERO)
    valores: list[tuple[Decimal, Decimal | None, str]] = []
    while True:
        voltas += 1
        valores = [_valor_pensao(p, bruto_, previdencia, r.valor, salario_minimo) for p in lista]
        novo = sum((v for v, _b, _c in valores), ZERO)
        if novo == total and voltas > 1:
            break
        total = novo
        r = irrf_com(total)
        if voltas >= MAX_VOLTAS:  # não acontece (a sequência é crescente e limitada); por segurança
            break
    disponivel = max(ZERO, bruto_ - previdencia - r.valor)
    if total > disponivel:
        avisos.append(f"As pensões alimentícias ({reais(total)}) passam do líquido depois da previdência e do IRRF "
                      f"({reais(bruto_)} − {reais(previdencia)} − {reais(r.valor)} = {reais(disponivel)}): "
                      f"descontado só {reais(disponivel)}. Confira a ordem judicial.")
        corte, ajustados = total - disponivel, []
        for v, b, c in reversed(valores):
            tira = min(v, corte)
            corte -= tira
            ajustados.append((v - tira, b, c))
        valores = list(reversed(ajustados))
        total = disponivel
        r = irrf_com(total)
    linhas = []
    for p, (v, b, como) in zip(lista, valores):
        if v <= 0:
            continue
        pct = p.quantidade if p.forma in ("bruto", "liquido") else None
        linhas.append(Linha(PENSAO_ALIMENTICIA, f"Pensão alimentícia — {p.beneficiario} ({como})", Natureza.DESCONTO,
                            v, f"{FUND_PENSAO}; processo {p.processo}", base=b, percentual=pct,
                            quantidade=p.quantidade if p.forma == "salarios_minimos" else None,
                            incide_previdencia=False, incide_irrf=False, referencia=p.id))
    return ResultadoPensoes(linhas, total, r, avisos, voltas)


def sindicais(lista: Iterable[ContribuicaoSindical], bruto_: Decimal) -> list[Linha]:
    saida = []
    for s in lista:
        if s.forma == "percentual":
            v, base, pct, como = centavos(bruto_ * s.quantidade / CEM), bruto_, s.quantidade, f"{_pct(s.quantidade)} % do bruto"
        else:
            v, base, pct, como = centavos(s.quantidade), None, None, "valor fixo"
        if v > 0:
            saida.append(Linha(CONTRIBUICAO_SINDICAL, f"Contribuição sindical — {s.entidade} ({como})", Natureza.DESCONTO,
                               v, s.fundamento, base=base, percentual=pct, incide_previdencia=False,
                               incide_irrf=False, referencia=s.id))
    return saida


@dataclass(frozen=True)
class Margem:
    base: Decimal          # bruto − descontos compulsórios
    percentual: Decimal
    valor: Decimal
    fundamento: str

    def texto(self) -> str:
        return f"margem consignável de {reais(self.valor)} ({_pct(self.percentual)} % de {reais(self.base)})"


def margem(bruto_: Decimal, compulsorios: Decimal, percentual: Decimal, fundamento: str) -> Margem:
    """Percentual da remuneração bruta menos os descontos compulsórios (docs/interpretacoes.md)."""
    base = max(ZERO, bruto_ - compulsorios)
    return Margem(base, percentual, centavos(base * percentual / CEM), fundamento)


def consignacoes(lista: Iterable[Consignacao], m: Margem | None) -> tuple[list[Linha], list[str]]:
    """Por ordem de prioridade (e, no empate, pela ordem dada), cada consignação inteira enquanto couber
    na margem; a que não cabe não é descontada, com os números no aviso."""
    lista = sorted(lista, key=lambda c: c.prioridade)
    if not lista:
        return [], []
    if m is None:
        return [], ["Há consignações, mas não há margem consignável vigente no mês (parâmetro margem_consignavel): "
                    "nenhuma foi descontada."]
    linhas, avisos, usado = [], [], ZERO
    for c in lista:
        v = centavos(c.valor)
        if usado + v > m.valor:
            avisos.append(f"Consignação {c.consignataria}{' (contrato ' + c.contrato + ')' if c.contrato else ''} "
                          f"de {reais(v)} não descontada: {m.texto()}, já comprometidos {reais(usado)}, "
                          f"disponível {reais(m.valor - usado)}.")
            continue
        usado += v
        linhas.append(Linha(CONSIGNACAO, f"Consignação — {c.consignataria}"
                            + (f" (contrato {c.contrato})" if c.contrato else "") + f", prioridade {c.prioridade}",
                            Natureza.DESCONTO, v, f"{FUND_CONSIGNACAO} ({m.texto()}; parâmetro margem_consignavel)",
                            base=m.valor, incide_previdencia=False, incide_irrf=False, referencia=c.id))
    return linhas, avisos
