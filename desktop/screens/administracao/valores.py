"""Como a tela mostra os valores dos parâmetros legais: R$ 1.234,56, 7,5% e tabelas.

Uma tabela é um dicionário gravado pelo serviço: com ``faixas`` (INSS, IRRF), mostrada como
grade, e/ou com outros itens, possivelmente aninhados (regras gerais da folha, percentuais do
Magistério), mostrados como "item → valor". Números gravados como texto decimal ("1518.00",
"7.5") aparecem no formato brasileiro; textos (datas, letras) aparecem como estão.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from desktop.rules.dinheiro import reais

from desktop.screens.widgets import formato

# chave gravada → (rótulo na tela, é dinheiro?)
CHAVES = {
    "ate": ("Até (R$)", True),
    "percentual": ("Alíquota (%)", False),
    "deduzir": ("Parcela a deduzir (R$)", True),
    "desconto_simplificado": ("Desconto simplificado (R$)", True),
    "reducao": ("Redução do imposto", False),
    "limite_isencao": ("Limite de isenção (R$)", True),
    "reducao_maxima": ("Redução máxima (R$)", True),
    "limite_reducao": ("Limite da redução (R$)", True),
    "constante": ("Constante (R$)", True),
    "coeficiente": ("Coeficiente", False),
    "dias_mes": ("Dias do mês comercial", False),
    "divisor_terco": ("Divisor do terço de férias", False),
    "avos_ano": ("Avos do 13º no ano", False),
    "dias_minimos_avo": ("Dias mínimos para contar o avo", False),
    "fracao_adiantamento_13": ("Fração do adiantamento do 13º", False),
}
_ARTIGO = re.compile(r"art(\d+)(?:_(.+))?")
ORIGENS = {"padrao": "Padrão do Paço", "usuario": "Cadastrada no órgão"}
# a coluna "Fonte" das vigências: a sigla ('S', 'V') só dizia algo a quem lesse a dica (visto a 1366×768)
FONTES = {"V": "Ato lido", "S": "Fontes secundárias", "NV": "Não verificada"}
TIPOS = {"valor": "Valor (R$)", "percentual": "Percentual", "tabela": "Tabela"}
_NUMERO = re.compile(r"-?\d+(\.\d+)?")
_DATA = re.compile(r"\d{4}-\d{2}-\d{2}")

Caminho = tuple[str, ...]


def rotulo(chave: str) -> str:
    """Rótulo de uma chave gravada. As desconhecidas viram texto legível:
    "art41_minimo" → "Art. 41 — minimo", "horas_i" → "Horas i"."""
    if chave in CHAVES:
        return CHAVES[chave][0]
    artigo = _ARTIGO.fullmatch(chave)
    if artigo:
        resto = (artigo.group(2) or "").replace("_", " ")
        return f"Art. {artigo.group(1)}" + (f" — {resto}" if resto else "")
    return chave.replace("_", " ").capitalize()


def rotulo_curto(chave: str) -> str:
    """O rótulo sem a unidade, para frases: "limite de isenção"."""
    return rotulo(chave).removesuffix(" (R$)").removesuffix(" (%)")


def rotulo_caminho(caminho: Caminho) -> str:
    """Rótulo de um item aninhado: "Art47 › Horas i"."""
    return " › ".join(rotulo_curto(c) for c in caminho)


def eh_dinheiro(chave: str) -> bool:
    return CHAVES.get(chave, ("", False))[1]


def eh_numero(valor: Any) -> bool:
    """Se o valor gravado é um número (texto decimal com ponto), e não uma data ou um texto."""
    return isinstance(valor, (int, Decimal)) or bool(_NUMERO.fullmatch(str(valor)))


def eh_data(valor: Any) -> bool:
    """Se o valor gravado é uma data ISO (aaaa-mm-dd)."""
    return bool(_DATA.fullmatch(str(valor)))


def texto_campo(chave: str, valor, *, unidade: bool = True) -> str:
    """Um valor gravado no formato brasileiro; com ``unidade``, também o R$ ou o %."""
    if valor is None or valor == "":
        return ""
    if eh_data(valor):
        return formato.data(str(valor))
    if not eh_numero(valor):
        return str(valor)
    if eh_dinheiro(chave):
        return reais(Decimal(str(valor))) if unidade else formato.decimal_br(valor, dinheiro=True)
    if chave == "percentual" and unidade:
        return f"{formato.decimal_br(valor)}%"
    return formato.decimal_br(valor)


def folhas(valor: Any, caminho: Caminho = ()) -> list[tuple[Caminho, Any]]:
    """Os itens de um dicionário aninhado, cada um com o seu caminho de chaves."""
    if isinstance(valor, dict):
        return [item for k, v in valor.items() for item in folhas(v, (*caminho, str(k)))]
    return [(caminho, valor)]


def chaves_das_faixas(faixas: list[dict]) -> list[str]:
    ordem = list(CHAVES)
    chaves = {c for f in faixas for c in f if not c.startswith("_")}
    return sorted(chaves, key=lambda c: (ordem.index(c) if c in ordem else len(ordem), c))


def tem_faixas(valor: Any) -> bool:
    return isinstance(valor, dict) and isinstance(valor.get("faixas"), list)


def eh_matriz(valor: Any) -> bool:
    """Tabela de dupla entrada (ex.: vencimento por nível e classe): cada item é um dicionário
    de valores simples."""
    return (isinstance(valor, dict) and len(valor) >= 2 and not tem_faixas(valor)
            and all(isinstance(v, dict) and v and not any(isinstance(x, dict) for x in v.values())
                    for v in valor.values()))


def colunas_da_matriz(valor: dict) -> list[str]:
    """As colunas de uma matriz: as chaves internas, na ordem em que aparecem."""
    colunas: list[str] = []
    for linha in valor.values():
        colunas += [c for c in linha if c not in colunas]
    return colunas


def resumo(tipo: str, valor) -> str:
    """O valor de uma vigência numa linha: R$ 1.621,00, 7,5% ou o resumo da tabela."""
    if tipo == "valor":
        return reais(Decimal(str(valor)))
    if tipo == "percentual":
        return f"{formato.decimal_br(valor)}%"
    if tem_faixas(valor):
        faixas = valor["faixas"]
        partes = [f"{len(faixas)} faixa{'s' if len(faixas) != 1 else ''}"]
        limites = [f["ate"] for f in faixas if f.get("ate")]
        if limites and len(limites) == len(faixas):
            partes.append(f"até {reais(Decimal(str(limites[-1])))}")
        for chave, extra in valor.items():
            if chave != "faixas":
                partes.append(rotulo_curto(chave).lower()
                              + (f" {texto_campo(chave, extra)}" if not isinstance(extra, dict) else ""))
        return "; ".join(partes)
    if eh_matriz(valor):
        return f"{len(valor)} linhas × {len(colunas_da_matriz(valor))} colunas"
    if isinstance(valor, dict):
        n = len(folhas(valor))
        return f"{n} ite{'ns' if n != 1 else 'm'}"
    return f"tabela com {len(valor)} linha{'s' if len(valor) != 1 else ''}"


def extras_em_texto(valor: dict) -> str:
    """Os itens de uma tabela com faixas que não são faixas, em HTML (uma linha por item)."""
    partes = []
    for chave, item in valor.items():
        if chave == "faixas":
            continue
        if isinstance(item, dict):
            itens = "; ".join(f"{rotulo_caminho(c).lower()} {texto_campo(c[-1], x)}"
                              for c, x in folhas(item))
            partes.append(f"<b>{rotulo_curto(chave)}:</b> {itens}")
        else:
            partes.append(f"<b>{rotulo_curto(chave)}:</b> {texto_campo(chave, item)}")
    return "<br>".join(partes)
