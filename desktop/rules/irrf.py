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

from . import campos
from .dinheiro import ZERO, ValorFundamentado, centavos, decimal_de, texto_decimal, texto_dinheiro
from .validacao import EntradaInvalida

CEM = Decimal(100)
FUNDAMENTO_TABELA = "Lei 11.482/2007, art. 1º; Lei 7.713/1988, art. 7º"
FUNDAMENTO_SIMPLIFICADO = "Lei 9.250/1995, art. 4º §1º"
FUNDAMENTO_DEPENDENTE = "Lei 9.250/1995, art. 4º III"
FUNDAMENTO_REDUCAO = "Lei 9.250/1995, art. 3º-A, incluído pela Lei 15.270/2025"
"""O que as recusas de uma tabela do IRRF citam, por parte da tabela."""
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
        """Monta e valida a tabela gravada (faixas, desconto_simplificado, reducao) pelos tipos de campo dos
        parâmetros (``rules.campos``): limites em reais, crescentes, e só a última faixa sem limite; alíquotas de
        0 a 100%, crescentes; parcela a deduzir em reais (zero ou mais)."""
        faixas, anterior, pct_anterior = [], None, None
        with campos.citando(FUNDAMENTO_TABELA):
            lista = campos.faixas(valor, ("ate", "percentual", "deduzir"), "tabela do IRRF",
                                  opcionais=("ate", "deduzir"))
            for n, f in enumerate(lista, start=1):
                if n < len(lista) and "ate" not in f:
                    raise EntradaInvalida(f"Faixa {n} do IRRF: só a última faixa fica sem limite (até).")
                if n == len(lista) and "ate" in f:
                    raise EntradaInvalida("A última faixa do IRRF não tem limite: deixe o 'até' em branco.")
                ate = None
                if "ate" in f:
                    rotulo = f"o limite (até) da faixa {n} do IRRF"
                    ate = anterior = campos.crescente(campos.dinheiro(f["ate"], rotulo), anterior, rotulo)
                rotulo = f"a alíquota da faixa {n} do IRRF"
                pct = pct_anterior = campos.crescente(campos.percentual(f["percentual"], _inicial(rotulo)),
                                                      pct_anterior, rotulo)
                deduzir = campos.dinheiro(f.get("deduzir", "0"), f"a parcela a deduzir da faixa {n} do IRRF",
                                          aceita_zero=True)
                faixas.append(FaixaIRRF(ate, pct, deduzir))
        simplificado = None
        if valor.get("desconto_simplificado") is not None:
            with campos.citando(FUNDAMENTO_SIMPLIFICADO):
                simplificado = campos.dinheiro(valor["desconto_simplificado"], "o desconto simplificado")
        reducao = _reducao_de(valor["reducao"]) if valor.get("reducao") is not None else None
        with campos.citando(FUNDAMENTO_DEPENDENTE):
            dependente = campos.dinheiro(dependente, "a dedução por dependente")
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
    nomes = {"limite_isencao": "o limite de isenção", "reducao_maxima": "a redução máxima",
             "limite_reducao": "o limite da redução", "constante": "a constante da redução"}
    with campos.citando(FUNDAMENTO_REDUCAO):
        v = campos.tabela(valor, (*nomes, "coeficiente"), "da redução do IRRF")
        reais = {c: campos.dinheiro(v[c], rotulo) for c, rotulo in nomes.items()}
        coeficiente = campos.positivo(v["coeficiente"], "o coeficiente da redução")
        if reais["limite_reducao"] <= reais["limite_isencao"]:
            raise EntradaInvalida("O limite da redução deve ser maior que o limite de isenção.")
    return ReducaoIRRF(reais["limite_isencao"], reais["reducao_maxima"], reais["limite_reducao"],
                       reais["constante"], coeficiente)


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


def _inicial(texto: str) -> str:
    return texto[:1].upper() + texto[1:]


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
