"""Imposto de renda retido na fonte (IRRF) sobre rendimentos mensais do trabalho.

Lei 7.713/1988, art. 7º (retenção) e Lei 9.250/1995: a base é o rendimento tributável menos as
deduções legais (art. 4º: contribuição previdenciária, R$ por dependente, pensão alimentícia) ou
menos o desconto simplificado mensal (art. 4º, §1º, desde a MP 1.171/2023), o que der o menor
imposto; aplica-se a tabela progressiva com parcela a deduzir (parâmetro ``irrf``). Desde
01/2026, a redução do art. 3º-A da Lei 9.250/1995 (Lei 15.270/2025) diminui o imposto de quem
tem rendimento tributável de até R$ 7.350,00; a faixa é testada pelo rendimento bruto, e a
redução nunca passa do imposto calculado (§1º).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .dinheiro import ZERO, ValorFundamentado, centavos, decimal_de, texto_decimal, texto_dinheiro
from .validacao import EntradaInvalida

CEM = Decimal(100)
LEGAIS = "legais"
SIMPLIFICADO = "simplificado"


@dataclass(frozen=True)
class FaixaIRRF:
    """Faixa da tabela progressiva; ``ate`` None na última (sem limite)."""

    ate: Decimal | None
    percentual: Decimal
    deduzir: Decimal


@dataclass(frozen=True)
class ReducaoIRRF:
    """Redução mensal do art. 3º-A da Lei 9.250/1995 (incluído pela Lei 15.270/2025)."""

    limite_isencao: Decimal      # até aqui, redução de até ``reducao_maxima`` (imposto zero)
    reducao_maxima: Decimal
    limite_reducao: Decimal      # acima daqui, sem redução
    constante: Decimal           # na faixa intermediária: constante − coeficiente × rendimento
    coeficiente: Decimal

    def para(self, rendimento: Decimal, imposto: Decimal) -> Decimal:
        """A redução para um rendimento tributável bruto, limitada ao imposto calculado."""
        if rendimento <= self.limite_isencao:
            reducao = self.reducao_maxima
        elif rendimento <= self.limite_reducao:
            reducao = max(ZERO, centavos(self.constante - self.coeficiente * rendimento))
        else:
            reducao = ZERO
        return min(reducao, imposto)


@dataclass(frozen=True)
class TabelaIRRF:
    faixas: tuple[FaixaIRRF, ...]
    dependente: Decimal
    desconto_simplificado: Decimal | None
    reducao: ReducaoIRRF | None
    inicio: date
    fundamento: str
    status: str = "V"

    def faixa_de(self, base: Decimal) -> FaixaIRRF:
        for f in self.faixas:
            if f.ate is None or base <= f.ate:
                return f
        return self.faixas[-1]

    @classmethod
    def de_valor(cls, valor, *, dependente: Decimal, inicio: date, fundamento: str,
                 status: str = "V") -> "TabelaIRRF":
        """Monta e valida a tabela gravada (faixas, desconto_simplificado, reducao)."""
        if not isinstance(valor, dict) or not isinstance(valor.get("faixas"), list) or not valor["faixas"]:
            raise EntradaInvalida("A tabela do IRRF deve ter uma lista de faixas.")
        faixas, anterior, pct_anterior = [], ZERO, Decimal(-1)
        ultima = len(valor["faixas"])
        for n, f in enumerate(valor["faixas"], start=1):
            if not isinstance(f, dict) or "percentual" not in f:
                raise EntradaInvalida(f"Faixa {n} do IRRF: informe a alíquota (%).")
            if n < ultima and "ate" not in f:
                raise EntradaInvalida(f"Faixa {n} do IRRF: só a última faixa fica sem limite (até).")
            if n == ultima and "ate" in f:
                raise EntradaInvalida("A última faixa do IRRF não tem limite: deixe o 'até' em branco.")
            ate = centavos(decimal_de(f["ate"], f"o limite da faixa {n}")) if "ate" in f else None
            pct = decimal_de(f["percentual"], f"a alíquota da faixa {n}")
            deduzir = centavos(decimal_de(f.get("deduzir", "0"), f"a parcela a deduzir da faixa {n}"))
            if ate is not None and ate <= anterior:
                raise EntradaInvalida(
                    f"Faixa {n} do IRRF: o limite deve ser maior que o da faixa anterior "
                    "(as faixas vão em ordem crescente)."
                )
            if not (ZERO <= pct <= CEM) or pct <= pct_anterior:
                raise EntradaInvalida(
                    f"Faixa {n} do IRRF: a alíquota deve estar entre 0% e 100% e ser maior que a "
                    "da faixa anterior."
                )
            if deduzir < 0:
                raise EntradaInvalida(f"Faixa {n} do IRRF: a parcela a deduzir não pode ser negativa.")
            faixas.append(FaixaIRRF(ate, pct, deduzir))
            anterior, pct_anterior = ate or anterior, pct
        simplificado = None
        if valor.get("desconto_simplificado") is not None:
            simplificado = centavos(decimal_de(valor["desconto_simplificado"], "o desconto simplificado"))
            if simplificado <= 0:
                raise EntradaInvalida("O desconto simplificado deve ser maior que zero.")
        reducao = _reducao_de(valor["reducao"]) if valor.get("reducao") is not None else None
        dependente = centavos(decimal_de(dependente, "a dedução por dependente"))
        if dependente <= 0:
            raise EntradaInvalida("A dedução por dependente deve ser maior que zero.")
        return cls(tuple(faixas), dependente, simplificado, reducao, inicio, fundamento, status)

    def para_valor(self) -> dict:
        """A forma gravada do parâmetro ``irrf`` (sem o dependente, que é outro parâmetro)."""
        faixas = []
        for f in self.faixas:
            item = {"percentual": texto_decimal(f.percentual), "deduzir": texto_dinheiro(f.deduzir)}
            if f.ate is not None:
                item = {"ate": texto_dinheiro(f.ate)} | item
            faixas.append(item)
        valor: dict = {"faixas": faixas}
        if self.desconto_simplificado is not None:
            valor["desconto_simplificado"] = texto_dinheiro(self.desconto_simplificado)
        if self.reducao is not None:
            r = self.reducao
            valor["reducao"] = {
                "limite_isencao": texto_dinheiro(r.limite_isencao),
                "reducao_maxima": texto_dinheiro(r.reducao_maxima),
                "limite_reducao": texto_dinheiro(r.limite_reducao),
                "constante": texto_dinheiro(r.constante),
                "coeficiente": texto_decimal(r.coeficiente),
            }
        return valor


def _reducao_de(valor) -> ReducaoIRRF:
    campos = ("limite_isencao", "reducao_maxima", "limite_reducao", "constante", "coeficiente")
    if not isinstance(valor, dict) or any(c not in valor for c in campos):
        raise EntradaInvalida(
            "A redução do IRRF precisa de: limite de isenção, redução máxima, limite da redução, "
            "constante e coeficiente."
        )
    nomes = {"limite_isencao": "o limite de isenção", "reducao_maxima": "a redução máxima",
             "limite_reducao": "o limite da redução", "constante": "a constante da redução",
             "coeficiente": "o coeficiente da redução"}
    v = {c: decimal_de(valor[c], nomes[c]) for c in campos}
    if any(x <= 0 for x in v.values()):
        raise EntradaInvalida("Os valores da redução do IRRF devem ser maiores que zero.")
    if v["limite_reducao"] <= v["limite_isencao"]:
        raise EntradaInvalida("O limite da redução deve ser maior que o limite de isenção.")
    return ReducaoIRRF(
        centavos(v["limite_isencao"]), centavos(v["reducao_maxima"]), centavos(v["limite_reducao"]),
        centavos(v["constante"]), v["coeficiente"],
    )


@dataclass(frozen=True)
class ResultadoIRRF(ValorFundamentado):
    """``valor`` é o imposto a reter; os demais campos mostram a conta."""

    rendimento_tributavel: Decimal
    inss: Decimal
    dependentes: int
    deducao_dependentes: Decimal
    outras_deducoes: Decimal
    deducoes_legais: Decimal
    desconto_simplificado: Decimal | None
    modo: str                    # "legais" ou "simplificado"
    deducao: Decimal             # a dedução usada (legais ou simplificado)
    base: Decimal
    aliquota: Decimal            # em %
    parcela_a_deduzir: Decimal
    imposto_bruto: Decimal
    reducao: Decimal

    @property
    def imposto(self) -> Decimal:
        return self.valor


def _dinheiro_nao_negativo(valor, campo: str) -> Decimal:
    v = centavos(decimal_de(valor, campo))
    if v < 0:
        raise EntradaInvalida(f"{campo[:1].upper()}{campo[1:]} não pode ser negativo.")
    return v


def calcular_irrf(rendimento_tributavel: Decimal, inss: Decimal, dependentes: int,
                  tabela: TabelaIRRF, *, outras_deducoes: Decimal = ZERO) -> ResultadoIRRF:
    """IRRF mensal (Lei 9.250/1995, arts. 3º, 3º-A e 4º; Lei 7.713/1988, art. 7º).

    ``outras_deducoes``: demais deduções legais do art. 4º (pensão alimentícia judicial,
    previdência complementar), somadas ao INSS e aos dependentes. Usa-se o desconto
    simplificado quando ele é maior que as deduções legais (imposto menor). O imposto bruto é
    base × alíquota − parcela a deduzir, arredondado ao centavo; a redução do art. 3º-A é
    arredondada ao centavo e não passa do imposto bruto.
    """
    rendimento = _dinheiro_nao_negativo(rendimento_tributavel, "o rendimento tributável")
    inss = _dinheiro_nao_negativo(inss, "o INSS descontado")
    outras = _dinheiro_nao_negativo(outras_deducoes, "as outras deduções")
    if isinstance(dependentes, bool) or not isinstance(dependentes, int) or dependentes < 0:
        raise EntradaInvalida("O número de dependentes deve ser um inteiro igual ou maior que zero.")
    por_dependentes = centavos(tabela.dependente * dependentes)
    legais = inss + por_dependentes + outras
    simplificado = tabela.desconto_simplificado
    if simplificado is not None and simplificado > legais:
        modo, deducao = SIMPLIFICADO, simplificado
    else:
        modo, deducao = LEGAIS, legais
    base = max(ZERO, rendimento - deducao)
    faixa = tabela.faixa_de(base)
    bruto = max(ZERO, centavos(base * faixa.percentual / CEM - faixa.deduzir))
    reducao = tabela.reducao.para(rendimento, bruto) if tabela.reducao else ZERO
    return ResultadoIRRF(
        valor=bruto - reducao, fundamento=tabela.fundamento, rendimento_tributavel=rendimento,
        inss=inss, dependentes=dependentes, deducao_dependentes=por_dependentes,
        outras_deducoes=outras, deducoes_legais=legais, desconto_simplificado=simplificado,
        modo=modo, deducao=deducao, base=base, aliquota=faixa.percentual,
        parcela_a_deduzir=faixa.deduzir, imposto_bruto=bruto, reducao=reducao,
    )
