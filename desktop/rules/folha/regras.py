"""Regras gerais da folha (parâmetro ``folha_geral``) e regime de previdência (RPPS ou INSS).

``RegrasFolha`` traz os números que não são de uma lei municipal: o mês comercial (dias), o
divisor do terço de férias (CF, art. 7º, XVII), os avos do 13º e os dias mínimos para o mês
contar (Lei 4.090/1962, art. 1º, §§1º e 2º) e a fração do adiantamento do 13º (Lei 4.749/1965,
art. 2º). ``PrevidenciaRPPS`` (alíquota única da lei do município, parâmetro ``rpps_aliquota``)
e ``PrevidenciaINSS`` (tabela progressiva nacional) dizem como se calcula a contribuição.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.rules.campos import inteiro, positivo, tabela
from desktop.rules.dinheiro import ZERO, centavos, texto_decimal
from desktop.rules.inss import TabelaINSS, calcular_inss
from desktop.rules.validacao import EntradaInvalida

CEM = Decimal(100)


@dataclass(frozen=True)
class RegrasFolha:
    dias_mes: int                   # mês comercial
    divisor_terco: Decimal          # 3: adicional de férias de 1/3
    avos_ano: int                   # 12
    dias_minimos_avo: int           # 15
    fracao_adiantamento_13: Decimal  # 0,5
    fundamento: str = ""
    inicio: date | None = None       # início da vigência lida (services.parametros.vigente)

    @classmethod
    def de_valor(cls, valor, fundamento: str = "") -> "RegrasFolha":
        """Monta e valida a partir do valor gravado do parâmetro ``folha_geral``."""
        campos = ("dias_mes", "divisor_terco", "avos_ano", "dias_minimos_avo", "fracao_adiantamento_13")
        tabela(valor, campos, "folha_geral (regras gerais da folha: dias do mês comercial, divisor do terço de "
                              "férias, avos do 13º, dias mínimos para contar o mês e fração do adiantamento)")
        dias_mes = inteiro(valor["dias_mes"], "O número de dias do mês comercial", minimo=1)
        divisor = positivo(valor["divisor_terco"], "o divisor do terço de férias")
        avos = inteiro(valor["avos_ano"], "O número de avos do 13º", minimo=1)
        minimos = inteiro(valor["dias_minimos_avo"], "O mínimo de dias para contar o mês no 13º", minimo=1)
        fracao = positivo(valor["fracao_adiantamento_13"], "a fração do adiantamento do 13º")
        if fracao > 1:
            raise EntradaInvalida("A fração do adiantamento do 13º deve ser maior que 0 e no máximo 1.")
        if minimos > 31:
            raise EntradaInvalida("Os dias mínimos para contar o mês no 13º não podem passar de 31.")
        return cls(dias_mes, divisor, avos, minimos, fracao, fundamento)


@dataclass(frozen=True)
class Contribuicao:
    """Contribuição calculada: valor, alíquota (efetiva, em %) e descrição da rubrica."""

    valor: Decimal
    base: Decimal
    percentual: Decimal | None
    descricao: str
    fundamento: str


@dataclass(frozen=True)
class PrevidenciaRPPS:
    """Regime próprio: alíquota única sobre a base (lei previdenciária do município)."""

    aliquota: Decimal
    fundamento: str

    def __post_init__(self):
        if not ZERO < self.aliquota < CEM:
            raise EntradaInvalida("A alíquota do RPPS deve estar entre 0 % e 100 %.")

    @property
    def nome(self) -> str:
        return "RPPS"

    def calcular(self, base: Decimal) -> Contribuicao:
        """Base × alíquota, arredondado ao centavo (EC 103/2019, art. 9º, §4º; lei do município)."""
        base = max(ZERO, base)
        return Contribuicao(centavos(base * self.aliquota / CEM), base, self.aliquota,
                            f"Contribuição ao RPPS ({texto_decimal(self.aliquota).replace('.', ',')} %)",
                            self.fundamento)


@dataclass(frozen=True)
class PrevidenciaINSS:
    """Regime geral: tabela progressiva do segurado empregado (EC 103/2019, art. 28)."""

    tabela: TabelaINSS

    @property
    def nome(self) -> str:
        return "INSS"

    def calcular(self, base: Decimal) -> Contribuicao:
        r = calcular_inss(max(ZERO, base), self.tabela)
        return Contribuicao(r.valor, r.base_contribuicao, None, "Contribuição ao INSS", r.fundamento)


Previdencia = PrevidenciaRPPS | PrevidenciaINSS
