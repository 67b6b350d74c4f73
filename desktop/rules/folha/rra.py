"""IRRF sobre rendimentos recebidos acumuladamente (RRA) de anos-calendário anteriores.

Lei 7.713/1988, art. 12-A (redação da Lei 13.149/2015): os rendimentos do trabalho tributáveis pela
tabela progressiva, quando correspondem a anos-calendário ANTERIORES ao do recebimento, são
tributados exclusivamente na fonte, no mês do recebimento, em separado dos demais rendimentos do mês
(caput), pela tabela progressiva "resultante da multiplicação da quantidade de meses a que se refiram
os rendimentos pelos valores constantes da tabela progressiva mensal correspondente ao mês do
recebimento" (§1º); da base deduzem-se a contribuição previdenciária e a pensão alimentícia relativas
a esses rendimentos (§3º). O mesmo está na IN RFB 1.500/2014, arts. 36 a 45. Diferenças do MESMO ano
somam-se ao rendimento do mês (não são RRA).

Sem E/S. Uma linha do contracheque é RRA quando a sua ``referencia`` começa por ``rra:`` seguida do
mês a que se refere (``rra:aaaa-mm``; ``rra:aaaa-mm:13`` para o 13º quitado no mês, que não conta mês a mais; só ele, 1 mês —
docs/interpretacoes.md). ``parcela_previdencia`` dá a parte da contribuição do mês que cabe a essas
linhas (dedutível do RRA, não do IRRF mensal); ``linha_irrf`` monta a rubrica 206.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from desktop.rules.dinheiro import ZERO, centavos, reais
from desktop.rules.irrf import TabelaIRRF

from .codigos import IRRF_RRA
from .tipos import Linha, Natureza

PREFIXO = "rra:"
FUNDAMENTO = ("Lei 7.713/1988, art. 12-A, §§ 1º e 3º (rendimentos recebidos acumuladamente de anos anteriores, "
              "tributados em separado); IN RFB 1.500/2014, arts. 36 a 45")
CEM = Decimal(100)


@dataclass(frozen=True)
class ResultadoRRA:
    """A conta do IRRF do RRA, para mostrar e conferir."""

    rendimento: Decimal
    meses: int
    previdencia: Decimal
    pensao: Decimal
    base: Decimal
    limite_faixa: Decimal | None   # o limite da faixa usada, já multiplicado pelos meses
    aliquota: Decimal
    deduzir: Decimal               # a parcela a deduzir × meses
    valor: Decimal


def eh_rra(l: Linha) -> bool:
    return (l.referencia or "").startswith(PREFIXO)


def meses_de(referencias: Iterable[str]) -> int:
    """Quantidade de meses a que os rendimentos se referem: meses distintos ``rra:aaaa-mm`` (o 13º,
    ``rra:aaaa-mm:13``, não soma mês — docs/interpretacoes.md)."""
    meses = set()
    for r in referencias:
        periodo = r.removeprefix(PREFIXO)
        if not periodo.endswith(":13"):
            meses.add(periodo[:7])
    return len(meses)


def irrf_rra(rendimento: Decimal, meses: int, tabela: TabelaIRRF, *, previdencia: Decimal = ZERO,
             pensao: Decimal = ZERO) -> ResultadoRRA:
    """IRRF do RRA (Lei 7.713/1988, art. 12-A, §1º): base = rendimento − previdência − pensão (§3º);
    imposto = base × alíquota − parcela a deduzir × meses, na faixa cujo limite × meses alcança a base;
    ao centavo (ROUND_HALF_UP). A tabela é a mensal do mês do pagamento. Sem dedução por dependente nem
    desconto simplificado (o §3º só lista a previdência e a pensão; docs/interpretacoes.md)."""
    if meses < 1:
        raise ValueError("RRA sem meses de referência.")
    base = max(ZERO, centavos(rendimento - previdencia - pensao))
    escolhida = tabela.faixas[-1]
    for f in tabela.faixas:
        if f.ate is None or base <= f.ate * meses:
            escolhida = f
            break
    deduzir = centavos(escolhida.deduzir * meses)
    valor = max(ZERO, centavos(base * escolhida.percentual / CEM - deduzir))
    return ResultadoRRA(centavos(rendimento), meses, centavos(previdencia), centavos(pensao), base,
                        None if escolhida.ate is None else escolhida.ate * meses, escolhida.percentual, deduzir, valor)


def parcela_previdencia(linhas: Iterable[Linha], grupo: str, contribuicao: Decimal) -> Decimal:
    """A parte da contribuição previdenciária do grupo que incide sobre as linhas RRA: contribuição ×
    (base RRA ÷ base total), ao centavo — dedutível do RRA e não do IRRF do mês (art. 12-A, §3º, II)."""
    do_grupo = [l for l in linhas if l.grupo == grupo and l.incide_previdencia]
    total = (sum((l.valor for l in do_grupo if l.natureza is Natureza.PROVENTO), ZERO)
             - sum((l.valor for l in do_grupo if l.natureza is Natureza.DESCONTO), ZERO))
    rra = sum((l.valor for l in do_grupo if eh_rra(l) and l.natureza is Natureza.PROVENTO), ZERO)
    if rra <= 0 or total <= 0 or contribuicao <= 0:
        return ZERO
    return min(contribuicao, centavos(contribuicao * rra / total))


def linha_irrf(linhas: Iterable[Linha], tabela: TabelaIRRF, previdencia: Decimal) -> Linha | None:
    """A rubrica 206 (IRRF sobre RRA) das linhas RRA do contracheque; None se não há RRA ou imposto."""
    rra = [l for l in linhas if eh_rra(l) and l.natureza is Natureza.PROVENTO]
    if not rra:
        return None
    meses = max(1, meses_de(l.referencia for l in rra))
    r = irrf_rra(sum((l.valor for l in rra), ZERO), meses, tabela, previdencia=previdencia)
    if r.valor <= 0:
        return None
    faixa = "última faixa" if r.limite_faixa is None else f"faixa até {reais(r.limite_faixa)}"
    return Linha(IRRF_RRA, f"IRRF sobre rendimentos recebidos acumuladamente ({meses} meses; base {reais(r.base)}, "
                 f"{faixa})", Natureza.DESCONTO, r.valor,
                 f"{FUNDAMENTO}; tabela mensal × {meses}: alíquota {r.aliquota} %, parcela a deduzir {reais(r.deduzir)}; "
                 f"deduzida a previdência de {reais(r.previdencia)}", base=r.base, percentual=r.aliquota,
                 quantidade=Decimal(meses), incide_previdencia=False, incide_irrf=False, referencia="rra:irrf")
