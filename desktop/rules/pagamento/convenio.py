"""O convênio do órgão com o banco para o arquivo de pagamento de salários, conferido como o banco o lê.

- Banco do Brasil (001): o código do convênio como o banco entregou, até 20 caracteres (posições
  033-052 dos headers do leiaute FEBRABAN).
- Caixa (104), leiaute "Pagamento de Salários" do SIACC (CNAB 240 da Caixa): o código do convênio
  tem 6 dígitos (posições 033-038), o parâmetro de transmissão 2 dígitos (header do arquivo 039-040 e
  header do lote 045-046), e o compromisso — tipo (2 dígitos, 02 = pagamento de salários) e código
  (4 dígitos) — vai no header do lote (039-044). Todos são informados pela agência da Caixa ao órgão.
"""
from __future__ import annotations

import re

from desktop.rules.validacao import EntradaInvalida

CAIXA = "104"
TIPO_COMPROMISSO_SALARIOS = "02"


def _numero(texto, rotulo: str, tamanho: int) -> str:
    t = re.sub(r"[\s.\-/]", "", str(texto or ""))
    if not t:
        raise EntradaInvalida(f"Informe {rotulo} ({tamanho} dígitos, informado pela agência da Caixa).")
    if not t.isdigit():
        raise EntradaInvalida(f"{rotulo[0].upper()}{rotulo[1:]} da Caixa só tem números: {texto!r}.")
    if len(t) > tamanho:
        raise EntradaInvalida(f"{rotulo[0].upper()}{rotulo[1:]} da Caixa tem {tamanho} dígitos; "
                              f"{t} tem {len(t)}.")
    return t.zfill(tamanho)


def codigo(banco: str, texto) -> str:
    """O código do convênio conferido para o banco: Caixa 6 dígitos; outros, texto de até 20 caracteres."""
    if banco == CAIXA:
        return _numero(texto, "o código do convênio", 6)
    t = " ".join(str(texto or "").split())
    if not t:
        raise EntradaInvalida("Informe o código do convênio que o banco deu ao órgão.")
    if len(t) > 20:
        raise EntradaInvalida("O código do convênio tem no máximo 20 caracteres (posições 33 a 52 do arquivo).")
    return t


def parametro_transmissao(texto) -> str:
    return _numero(texto, "o parâmetro de transmissão", 2)


def tipo_compromisso(texto) -> str:
    return _numero(texto, "o tipo de compromisso", 2)


def codigo_compromisso(texto) -> str:
    return _numero(texto, "o código do compromisso", 4)


def da_caixa(convenio, parametro, tipo, compromisso) -> dict:
    """Os quatro dados do convênio da Caixa conferidos; o primeiro que falhar levanta ``EntradaInvalida``."""
    return {"convenio": codigo(CAIXA, convenio), "parametro_transmissao": parametro_transmissao(parametro),
            "tipo_compromisso": tipo_compromisso(tipo), "codigo_compromisso": codigo_compromisso(compromisso)}
