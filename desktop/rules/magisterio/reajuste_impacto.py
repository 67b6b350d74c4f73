"""Custo de um reajuste e diferenças retroativas (Lei 1.613/2004, art. 37 §3º: os vencimentos são
reajustados na forma da lei; a vigência pode alcançar competências já fechadas).

- ``impacto``: a folha da competência com a matriz vigente e com a nova, servidor a servidor (remuneração
  bruta do mês: proventos menos faltas e abate-teto, sem 13º), o total mensal, o número de servidores e
  o custo anual estimado — 12 meses, o 13º e o terço de férias (12 + 1 + 1/3 da diferença mensal;
  docs/interpretacoes.md).
- ``diferenca_reajuste``: a linha "Diferenças de reajuste" (rubrica 065) de uma competência fechada,
  paga na competência aberta seguinte: devido (o mês recalculado com a tabela nova) − pago (o gravado) −
  o que já foi pago de diferença desse mês. Sem E/S.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Iterable

from desktop.rules.dinheiro import ZERO, centavos, reais
from desktop.rules.folha import motor
from desktop.rules.folha import rra as rra_mod
from desktop.rules.folha.descontos import bruto
from desktop.rules.folha.tipos import Linha, Natureza

from . import codigos
from desktop.rules import formato

DIFERENCAS = {codigos.DIFERENCA_REAJUSTE, codigos.DIFERENCA_REAJUSTE_RRA, codigos.DIFERENCA_13, codigos.DIFERENCA_13_RRA,
              codigos.DIFERENCA_MES_ANTERIOR, codigos.DIFERENCA_MES_ANTERIOR_DESCONTO, codigos.DIFERENCA_13_MES_ANTERIOR,
              codigos.DIFERENCA_13_MES_ANTERIOR_DESCONTO, codigos.DIFERENCA_TERCO_MES_ANTERIOR,
              codigos.DIFERENCA_TERCO_MES_ANTERIOR_DESCONTO}
MESES_ANO = Decimal(12) + 1 + Decimal(1) / 3  # 12 meses + 13º + terço de férias
FUND_RRA = "Lei 7.713/1988, art. 12-A (ano-calendário anterior: tributação exclusiva, em separado)"
FUND_DIFERENCA = "Lei 1.613/2004, art. 37, §3º (reajuste com vigência em competência já fechada, pago depois)"


@dataclass(frozen=True)
class ImpactoServidor:
    servidor_id: str
    nome: str
    matricula: str
    lotacao: str
    antes: Decimal
    depois: Decimal

    @property
    def diferenca(self) -> Decimal:
        return self.depois - self.antes


@dataclass(frozen=True)
class ImpactoMes:
    """Diferença de uma competência já fechada (o gravado × o recalculado com a tabela nova)."""

    competencia: date
    servidores: int
    pago: Decimal
    devido: Decimal

    @property
    def diferenca(self) -> Decimal:
        return self.devido - self.pago


@dataclass(frozen=True)
class ImpactoServidorMes:
    """A diferença de um servidor numa competência já fechada: o gravado × o recalculado com a tabela nova
    (remuneração do mês e 13º quitado nela)."""

    servidor_id: str
    nome: str
    matricula: str
    competencia: date
    pago: Decimal
    devido: Decimal

    @property
    def diferenca(self) -> Decimal:
        return self.devido - self.pago


@dataclass(frozen=True)
class Impacto:
    competencia: date
    inicio: date
    itens: tuple[ImpactoServidor, ...]
    retroativos: tuple[ImpactoMes, ...] = ()
    retroativos_servidores: tuple[ImpactoServidorMes, ...] = ()  # o custo por servidor e competência

    @property
    def servidores(self) -> int:
        return len(self.itens)

    @property
    def afetados(self) -> int:
        return sum(1 for i in self.itens if i.diferenca != 0)

    @property
    def total_antes(self) -> Decimal:
        return sum((i.antes for i in self.itens), ZERO)

    @property
    def total_depois(self) -> Decimal:
        return sum((i.depois for i in self.itens), ZERO)

    @property
    def mensal(self) -> Decimal:
        return self.total_depois - self.total_antes

    @property
    def anual(self) -> Decimal:
        return centavos(self.mensal * MESES_ANO)

    @property
    def retroativo(self) -> Decimal:
        return sum((m.diferenca for m in self.retroativos), ZERO)

    @property
    def percentual(self) -> Decimal | None:
        return None if self.total_antes == 0 else (self.mensal * 100 / self.total_antes).quantize(Decimal("0.01"))


def remuneracao_bruta(linhas: Iterable[Linha]) -> Decimal:
    """A remuneração do mês que o reajuste muda: proventos mensais menos faltas e abate-teto, sem as
    diferenças pagas de meses anteriores (065), que não são do mês."""
    return bruto(l for l in linhas if l.codigo not in DIFERENCAS)


def impacto(competencia: date, inicio: date, antes: Iterable[tuple[str, str, str, str, list[Linha]]],
            depois: dict[str, list[Linha]], retroativos: Iterable[ImpactoMes] = ()) -> Impacto:
    """``antes``: (servidor_id, nome, matrícula, lotação, linhas com a matriz vigente); ``depois``: servidor_id →
    linhas com a matriz nova."""
    itens = tuple(ImpactoServidor(sid, nome, mat, lot, remuneracao_bruta(linhas), remuneracao_bruta(depois.get(sid, [])))
                  for sid, nome, mat, lot, linhas in antes)
    return Impacto(competencia, inicio, itens, tuple(retroativos))


def diferenca_reajuste(mes: date, devido: Decimal, pago: Decimal, ja_pago: Decimal, *, rra: bool = False) -> Linha | None:
    """A diferença de ``mes`` ainda não paga; None se não há (ou se a tabela nova paga menos: o que foi
    pago a mais não é descontado aqui — docs/interpretacoes.md).

    ``rra``: ``mes`` é de ano-calendário anterior ao do pagamento — rubrica 066, fora do IRRF do mês,
    tributada em separado (Lei 7.713/1988, art. 12-A; ``rules.folha.rra``)."""
    falta = centavos(devido - pago - ja_pago)
    if falta <= 0:
        return None
    if rra:
        return Linha(codigos.DIFERENCA_REAJUSTE_RRA, f"Diferenças de reajuste — competência {formato.competencia(mes)}, ano anterior "
                     f"(RRA; devido {reais(devido)}; pago {reais(pago + ja_pago)})", Natureza.PROVENTO, falta,
                     f"{FUND_DIFERENCA}; {FUND_RRA}", base=centavos(devido), incide_irrf=False,
                     referencia=f"{rra_mod.PREFIXO}{mes:%Y-%m}")
    return Linha(codigos.DIFERENCA_REAJUSTE, f"Diferenças de reajuste — competência {formato.competencia(mes)} (devido {reais(devido)}; "
                 f"pago {reais(pago + ja_pago)})", Natureza.PROVENTO, falta, FUND_DIFERENCA, base=centavos(devido),
                 referencia=f"reajuste:{mes:%Y-%m}")


def diferenca_mes_anterior(mes: date, devido: Decimal, pago: Decimal, ja_acertado: Decimal, fundamento: str,
                           liquidar_em: date) -> Linha | None:
    """A diferença de mês anterior de ``mes`` (competência fechada que um afastamento ou uma titulação lançados
    depois do fechamento alcançou): devido (o mês recalculado com os fatos novos) − pago (o gravado) − o já
    acertado desse mês. Positiva: rubrica 069, paga; negativa: 106, descontada; zero: None.
    ``fundamento``: o artigo do registro (título, tipo de afastamento)."""
    dif = centavos(devido - pago - ja_acertado)
    if dif == 0:
        return None
    texto = (f"Diferença de mês anterior — competência {formato.competencia(mes)} recalculada (devido {reais(devido)}; "
             f"pago {reais(pago + ja_acertado)})")
    fund = (f"{fundamento}; Lei 1.613/2004, art. 35 (remuneração do mês recalculada), acerto na competência aberta "
            f"seguinte ({formato.competencia(liquidar_em)})")
    if dif > 0:
        return Linha(codigos.DIFERENCA_MES_ANTERIOR, texto, Natureza.PROVENTO, dif, fund, base=centavos(devido),
                     referencia=f"anterior:{mes:%Y-%m}")
    return Linha(codigos.DIFERENCA_MES_ANTERIOR_DESCONTO, texto, Natureza.DESCONTO, -dif, fund, base=centavos(devido),
                 referencia=f"anterior:{mes:%Y-%m}")


def decimo_terceiro(linhas: Iterable[Linha]) -> Decimal:
    """O 13º integral pago numa competência (rubrica 041; a 1ª parcela, 040, é compensada na quitação)."""
    return sum((l.valor for l in linhas if l.codigo == motor.DECIMO_TERCEIRO), ZERO)


def diferenca_13(mes: date, devido: Decimal, pago: Decimal, ja_pago: Decimal, *, rra: bool = False) -> Linha | None:
    """A diferença do 13º quitado em ``mes`` (competência fechada que o reajuste alcançou): o 13º recalculado
    (avos × remuneração nova ÷ 12, Lei 4.090/1962, art. 1º §1º) − o pago − o já pago de diferença. No mesmo
    ano, rubrica 067, tributada à parte com o 13º (Lei 8.134/1990, art. 16); de ano anterior, 068, como RRA."""
    falta = centavos(devido - pago - ja_pago)
    if falta <= 0:
        return None
    texto = f"13º salário quitado em {formato.competencia(mes)} (devido {reais(devido)}; pago {reais(pago + ja_pago)})"
    if rra:
        return Linha(codigos.DIFERENCA_13_RRA, f"Diferença de {texto} — ano anterior (RRA)", Natureza.PROVENTO, falta,
                     f"{FUND_DIFERENCA}; {motor.FUND_13}; {FUND_RRA}", base=centavos(devido), incide_irrf=False,
                     referencia=f"{rra_mod.PREFIXO}{mes:%Y-%m}:13")
    return Linha(codigos.DIFERENCA_13, f"Diferença de {texto}", Natureza.PROVENTO, falta,
                 f"{FUND_DIFERENCA}; {motor.FUND_13}; {motor.FUND_IRRF_13}", base=centavos(devido),
                 grupo=motor.GRUPO_13, referencia=f"13:{mes:%Y-%m}")
