"""Piso e teto da remuneração total do servidor: complemento do salário mínimo e abate-teto.

- **Piso** (CF, art. 7º, IV, com o art. 39, §3º; STF, Súmula Vinculante 16: vale para o *total*
  da remuneração, não para o vencimento; STF, Tema 900: também para quem trabalha em jornada
  reduzida, por isso **não** é proporcional à jornada de 20 h). Compara-se a soma dos proventos
  do mês (sem terço de férias e 13º, direitos à parte) com o salário mínimo proporcional aos dias
  pagos do mês comercial (quem entrou no dia 16 tem direito a meio mínimo). Faltas são descontadas
  depois: o complemento não devolve o que a falta tirou.
- **Teto** (CF, art. 37, XI: no município, o subsídio do Prefeito). Compara-se a soma dos
  proventos do mês menos as faltas (sem terço e 13º, que o STF compara à parte, Tema 377) com o
  teto; o excesso é descontado (abate-teto) e sai também das bases da previdência e do IRRF.
Ver docs/interpretacoes.md.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from desktop.rules.dinheiro import ZERO, centavos, reais

from .codigos import (ABATE_TETO, ADIANTAMENTO_13, COMPLEMENTO_MINIMO, DECIMO_TERCEIRO, DESCONTO_ADIANTAMENTO_13,
                      FALTAS_DIAS, FALTAS_HORAS, TERCO_FERIAS)
from .tipos import Linha, Natureza

FUND_PISO = "CF, art. 7º, IV, e art. 39, §3º (STF, Súmula Vinculante 16 e Tema 900)"
FUND_TETO = "CF, art. 37, XI (teto do município: subsídio do Prefeito)"
_FORA = {TERCO_FERIAS, ADIANTAMENTO_13, DECIMO_TERCEIRO, DESCONTO_ADIANTAMENTO_13}  # comparados à parte
_FALTAS = {FALTAS_DIAS, FALTAS_HORAS}


def _proventos(linhas: list[Linha]) -> Decimal:
    return sum((l.valor for l in linhas if l.natureza is Natureza.PROVENTO and l.grupo == "mensal"
                and l.codigo not in _FORA), ZERO)


def complemento_minimo(linhas: Iterable[Linha | None], salario_minimo, dias_pagos: int,
                       dias_mes: int = 30) -> Linha | None:
    """Complemento até o salário mínimo (``ValorLegal``) proporcional a ``dias_pagos``; None se não falta."""
    proprias = [l for l in linhas if l is not None]
    if salario_minimo is None or dias_pagos <= 0:
        return None
    minimo = centavos(salario_minimo.valor * min(dias_pagos, dias_mes) / dias_mes)
    total = _proventos(proprias)
    if total <= 0 or total >= minimo:
        return None
    proporcao = "" if dias_pagos >= dias_mes else f", proporcional a {dias_pagos}/{dias_mes} dias"
    return Linha(COMPLEMENTO_MINIMO, f"Complemento do salário mínimo (remuneração {reais(total)}; "
                 f"mínimo {reais(minimo)}{proporcao})", Natureza.PROVENTO, minimo - total,
                 f"{FUND_PISO}; salário mínimo: {salario_minimo.fundamento}", base=minimo)


def abate_teto(linhas: Iterable[Linha | None], teto) -> Linha | None:
    """Desconto do que passa do teto (``ValorLegal``); None sem teto ou abaixo dele."""
    proprias = [l for l in linhas if l is not None]
    if teto is None:
        return None
    faltas = sum((l.valor for l in proprias if l.codigo in _FALTAS and l.grupo == "mensal"), ZERO)
    total = _proventos(proprias) - faltas
    if total <= teto.valor:
        return None
    return Linha(ABATE_TETO, f"Abate-teto (remuneração {reais(total)} acima do teto de {reais(teto.valor)})",
                 Natureza.DESCONTO, centavos(total - teto.valor), f"{FUND_TETO}; teto: {teto.fundamento}",
                 base=centavos(total))
