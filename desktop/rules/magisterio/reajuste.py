"""Reajuste da matriz de vencimentos (Anexo I): matriz digitada ou gerada pela lei, diferenças e piso.

Três caminhos para uma matriz nova, todos validados por ``MatrizVencimentos.de_valor`` (todas as
células, valores positivos, crescentes com a classe e o nível):
- ``matriz_digitada``: as células digitadas (a lei municipal de reajuste publicou a tabela);
- ``gerar_matriz``: a partir do vencimento do Nível 1 classe A 20 h, pelos percentuais da lei
  (art. 20 entre níveis, 5 % cumulativos por classe do art. 22, 40 h = dobro do art. 37 §4º);
- ``reajuste_linear``: o mesmo percentual em todas as células (revisão geral, art. 37 §3º).
``diferencas`` mostra cada célula antes → depois; ``abaixo_do_piso`` compara o vencimento inicial
com o piso nacional (Lei 11.738/2008, art. 2º).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Mapping

from desktop.rules.dinheiro import centavos, decimal_de, reais, texto_decimal
from desktop.rules.validacao import EntradaInvalida

from .tabelas import JORNADAS, NIVEIS, NIVEIS_CARREIRA, MatrizVencimentos, ParametrosCarreira, nome_nivel
from .tipos import CLASSES, Nivel
from desktop.rules import formato

CEM = Decimal(100)


def matriz_digitada(celulas: Mapping[tuple[Nivel | str, str, int], Decimal | str], *, inicio: date | None = None,
                    fundamento: str) -> MatrizVencimentos:
    """Matriz digitada célula a célula, (nível, classe, jornada) → valor; validada (art. 37 §2º)."""
    return MatrizVencimentos.de_celulas(celulas, inicio=inicio, fundamento=fundamento)


def _positivo(valor, campo: str) -> Decimal:
    d = decimal_de(valor, campo)
    if d <= 0 or d != centavos(d):
        raise EntradaInvalida(f"{campo[:1].upper()}{campo[1:]} deve ser maior que zero, em reais e centavos.")
    return d


def fator_classe(indice: int, regras: ParametrosCarreira) -> Decimal:
    """(1 + 5 %)^k da classe k (A = 0), limitado a 1 + 35 % (art. 22). Sem arredondar."""
    fator = (1 + regras.avanco_classe_percentual / CEM) ** indice
    return min(fator, 1 + regras.avanco_classe_limite / CEM)


def gerar_matriz(base: Decimal, regras: ParametrosCarreira, *, base_ne: Decimal | None = None,
                 referencia: MatrizVencimentos | None = None, inicio: date | None = None,
                 fundamento: str | None = None) -> MatrizVencimentos:
    """Matriz gerada pelos percentuais da lei a partir do Nível 1 classe A 20 h (``base``).

    - classe A de cada nível: a do nível anterior × (1 + diferença do art. 20), ao centavo;
    - classe k: classe A × (1 + 5 %)^k, limitado a 35 % (art. 22), arredondado uma só vez;
    - 40 h: o dobro exato da célula de 20 h já arredondada (art. 37 §4º);
    - Nível Especial (art. 69): ``base_ne`` (classe A 20 h) ou, se omitido, a proporção
      NE A / Nível 1 A da matriz ``referencia`` (a vigente) aplicada à nova base.
    Arredondamento ao centavo, metade para cima. Ver docs/interpretacoes.md.
    """
    base = _positivo(base, "o vencimento do Nível 1, classe A, 20 h")
    if base_ne is None:
        if referencia is None:
            raise EntradaInvalida("Informe o vencimento do Nível Especial, classe A, 20 h, ou a matriz vigente "
                                  "para mantê-lo proporcional ao Nível 1 (art. 69).")
        base_ne = centavos(base * referencia.vencimento(Nivel.NE, "A", 20)
                           / referencia.vencimento(Nivel.N1, "A", 20))
    base_ne = _positivo(base_ne, "o vencimento do Nível Especial, classe A, 20 h")
    classe_a = {Nivel.N1: base, Nivel.NE: base_ne}
    for anterior, n in zip(NIVEIS_CARREIRA, NIVEIS_CARREIRA[1:]):
        classe_a[n] = centavos(classe_a[anterior] * (1 + regras.diferenca_niveis[n] / CEM))
    celulas = {}
    for n in NIVEIS:
        ultima = CLASSES.index(regras.ultima_classe(n))
        for k, c in enumerate(CLASSES[:ultima + 1]):
            celulas[(n, c, 20)] = centavos(classe_a[n] * fator_classe(k, regras))
    return matriz_digitada(_com_dobro_de_40h(celulas), inicio=inicio, fundamento=fundamento
                           or (f"Lei 1.613/2004, arts. 20, 22 e 37 §4º: matriz gerada a partir de {reais(base)} "
                               f"(Nível 1, classe A, 20 h)"))


def _com_dobro_de_40h(celulas_20h: dict) -> dict:
    """As células de 20 h mais as de 40 h, cada uma o dobro exato da de 20 h já arredondada (art. 37 §4º)."""
    celulas = {(n, c, 20): v for (n, c, j), v in celulas_20h.items() if j == 20}
    return celulas | {(n, c, 40): v * 2 for (n, c, _), v in celulas.items()}


def reajuste_linear(matriz: MatrizVencimentos, percentual: Decimal, *, inicio: date | None = None,
                    fundamento: str) -> MatrizVencimentos:
    """Células de 20 h × (1 + percentual), ao centavo (revisão geral, art. 37 §3º); 40 h = o dobro (§4º)."""
    if not percentual > 0:
        raise EntradaInvalida("O percentual de reajuste deve ser maior que zero: o vencimento é irredutível "
                              "(Constituição, art. 37, XV).")
    novas = {(n, c, j): centavos(v * (1 + percentual / CEM)) for n, c, j, v in matriz.itens() if j == 20}
    return matriz_digitada(_com_dobro_de_40h(novas), inicio=inicio, fundamento=fundamento)


@dataclass(frozen=True)
class Diferenca:
    """Uma célula da matriz antes e depois; ``percentual`` = variação em %, com duas casas."""

    nivel: Nivel
    classe: str
    jornada: int
    antes: Decimal | None
    depois: Decimal | None
    diferenca: Decimal | None
    percentual: Decimal | None

    @property
    def descricao(self) -> str:
        return f"{nome_nivel(self.nivel)}, classe {self.classe}, {self.jornada} h"


def diferencas(antiga: MatrizVencimentos, nova: MatrizVencimentos) -> list[Diferenca]:
    """Cada célula, na ordem jornada → nível → classe: valor antigo, novo, diferença e variação %.

    Uma célula que só existe numa das matrizes aparece com o outro lado vazio (None).
    """
    chaves = [(n, c, j) for j in JORNADAS for n in NIVEIS for c in CLASSES
              if (n, c, j) in antiga.celulas or (n, c, j) in nova.celulas]
    lista = []
    for n, c, j in chaves:
        a, d = antiga.celulas.get((n, c, j)), nova.celulas.get((n, c, j))
        dif = d - a if a is not None and d is not None else None
        pct = (dif / a * CEM).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if dif is not None else None
        if pct is not None and pct.is_zero():
            pct = Decimal("0.00")  # sem "-0,00"
        lista.append(Diferenca(n, c, j, a, d, dif, pct))
    return lista


@dataclass(frozen=True)
class AvisoPiso:
    """O vencimento inicial abaixo do piso nacional do magistério numa jornada."""

    jornada: int
    vencimento: Decimal
    piso: Decimal          # o piso de 40 h ou o proporcional da jornada
    falta: Decimal
    mensagem: str
    fundamento: str


def abaixo_do_piso(matriz: MatrizVencimentos, piso) -> list[AvisoPiso]:
    """Avisos quando o vencimento inicial da carreira fica abaixo do piso (Lei 11.738/2008, art. 2º).

    ``piso`` é o ``ValorLegal`` do parâmetro ``piso_magisterio`` vigente (40 h). O vencimento
    inicial é o do Nível 1, classe A (formação de nível médio normal, art. 2º §2º; é também a menor
    célula de 40 h da carreira); 40 h contra o piso e 20 h contra a metade (proporcional, art. 2º
    §3º). O Nível Especial (leigos, art. 69) não entra. Lista vazia = tudo acima do piso.
    """
    avisos = []
    for j in JORNADAS:
        valor = matriz.vencimento(Nivel.N1, "A", j)
        minimo = centavos(piso.valor * j / JORNADAS[-1])
        if valor < minimo:
            proporcional = "" if j == JORNADAS[-1] else f" (proporcional a {j} h, art. 2º §3º)"
            avisos.append(AvisoPiso(
                j, valor, minimo, minimo - valor,
                f"O vencimento inicial de {j} h (Nível 1, classe A) de {reais(valor)} fica abaixo do piso "
                f"nacional do magistério de {reais(minimo)}{proporcional}, em vigor desde "
                f"{formato.data(piso.inicio)}: faltam {reais(minimo - valor)}. Reveja a matriz antes de "
                "aplicá-la.",
                f"Lei 11.738/2008, art. 2º (piso: {piso.fundamento})"))
    return avisos


def descrever_geracao(regras: ParametrosCarreira) -> str:
    """Frase com os percentuais usados na geração, para mostrar ao lado da prévia."""
    difs = ", ".join(f"{texto_decimal(p).replace('.', ',')} % até o {nome_nivel(n)}"
                     for n, p in regras.diferenca_niveis.items())
    return (f"Entre níveis: {difs} (art. 20). Entre classes: "
            f"{texto_decimal(regras.avanco_classe_percentual).replace('.', ',')} % cumulativos, até "
            f"{texto_decimal(regras.avanco_classe_limite).replace('.', ',')} % (art. 22). 40 horas: o dobro "
            "de 20 horas (art. 37 §4º).")
