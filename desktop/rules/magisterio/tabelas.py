"""Tabelas da Lei 1.613/2004 como objetos: vencimentos (Anexo I), valorização (II), direção (III), carreira.

Cada classe lê o valor de um parâmetro datado (db/parametros/magisterio_*.toml, já carregado:
``de_valor``/``de_vigencia``), valida todas as células e devolve a forma gravada (``para_valor``).
Chaves da forma gravada: ``nivel_1_20h`` ... ``nivel_especial_40h`` (Anexo I), ``nivel_1`` ...
``nivel_especial`` (Anexo II), porte → {diretor, vice_diretor} (Anexo III).
Célula que a lei não tem (p. ex. Nível Especial classe G) levanta ``CelulaAusente``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from desktop.rules import campos
from desktop.rules.dinheiro import reais, texto_decimal, texto_dinheiro
from desktop.rules.validacao import EntradaInvalida

from .tipos import CLASSES, Funcao, Nivel, Porte

JORNADAS = (20, 40)  # art. 23: tempo parcial (20 h) e integral (40 h)
NIVEIS_CARREIRA = (Nivel.N1, Nivel.N2, Nivel.N3, Nivel.N4)  # art. 10; o NE é do art. 69
NIVEIS = (*NIVEIS_CARREIRA, Nivel.NE)
_CHAVE_NIVEL = {Nivel.N1: "nivel_1", Nivel.N2: "nivel_2", Nivel.N3: "nivel_3", Nivel.N4: "nivel_4",
                Nivel.NE: "nivel_especial"}
_TABELA = {(n, 20): "A" for n in NIVEIS_CARREIRA} | {(n, 40): "B" for n in NIVEIS_CARREIRA} | {
    (Nivel.NE, 20): "C", (Nivel.NE, 40): "D"}


class CelulaAusente(EntradaInvalida):
    """Nível, classe, jornada ou porte que a tabela não tem; a mensagem é para o usuário."""


def nome_nivel(nivel: Nivel) -> str:
    """'Nível 1' ... 'Nível 4', 'Nível Especial'."""
    return "Nível Especial" if Nivel(nivel) is Nivel.NE else f"Nível {Nivel(nivel).value}"


def _nivel(nivel) -> Nivel:
    try:
        return Nivel(nivel)
    except ValueError:
        raise CelulaAusente(f"Nível desconhecido: {nivel!r}. Use 1, 2, 3, 4 ou NE.") from None


def _linha(valor: dict, chave: str, titulo: str, nome: str) -> dict:
    linha = valor.get(chave)
    if not isinstance(linha, dict):
        raise EntradaInvalida(f"{titulo}: falta a linha do {nome} ({chave}).")
    return linha


@dataclass(frozen=True)
class MatrizVencimentos:
    """Anexo I: vencimento básico por (nível, classe, jornada). Arts. 22 §2, 37 §§1º-4º e 69 §ún."""

    celulas: dict[tuple[Nivel, str, int], Decimal]
    inicio: date | None = None
    fundamento: str = "Lei 1.613/2004, art. 37 e Anexo I"
    status: str = "V"

    def vencimento(self, nivel: Nivel | str, classe: str, jornada: int) -> Decimal:
        """Vencimento básico da célula; Nível Especial pelas tabelas C e D (art. 69 §ún)."""
        n = _nivel(nivel)
        if jornada not in JORNADAS:
            raise CelulaAusente(f"Jornada de {jornada} h não existe na carreira: use 20 ou 40 horas (art. 23).")
        try:
            return self.celulas[(n, classe, jornada)]
        except KeyError:
            ultimas = self.classes(n)
            raise CelulaAusente(
                f"O Anexo I (tabela {_TABELA[(n, jornada)]}) não tem a classe {classe} do {nome_nivel(n)}: "
                f"as classes vão de {ultimas[0]} a {ultimas[-1]}. Confira a classe do servidor."
            ) from None

    def classes(self, nivel: Nivel | str) -> tuple[str, ...]:
        n = _nivel(nivel)
        return tuple(c for c in CLASSES if (n, c, 20) in self.celulas)

    def itens(self) -> list[tuple[Nivel, str, int, Decimal]]:
        """Todas as células em ordem: jornada, nível (1 a 4, NE), classe."""
        return [(n, c, j, self.celulas[(n, c, j)]) for j in JORNADAS for n in NIVEIS
                for c in CLASSES if (n, c, j) in self.celulas]

    def para_valor(self) -> dict:
        valor: dict = {}
        for j in JORNADAS:
            for n in NIVEIS:
                valor[f"{_CHAVE_NIVEL[n]}_{j}h"] = {c: texto_dinheiro(self.celulas[(n, c, j)])
                                                    for c in self.classes(n)}
        return valor

    @classmethod
    def de_celulas(cls, celulas, *, inicio: date | None = None, fundamento: str = "Lei 1.613/2004, art. 37 e Anexo I",
                   status: str = "V") -> "MatrizVencimentos":
        """Matriz de um mapa (nível, classe, jornada) → valor (Decimal ou texto), validada como em ``de_valor``."""
        valor: dict = {}
        for (n, c, j), v in celulas.items():
            valor.setdefault(f"{_CHAVE_NIVEL[_nivel(n)]}_{j}h", {})[c] = v if isinstance(v, str) else texto_dinheiro(v)
        return cls.de_valor(valor, inicio=inicio, fundamento=fundamento, status=status)

    @classmethod
    def de_vigencia(cls, vigencia) -> "MatrizVencimentos":
        return cls.de_valor(vigencia.valor, inicio=vigencia.inicio, fundamento=vigencia.fundamento,
                            status=vigencia.status)

    @classmethod
    def de_valor(cls, valor, *, inicio: date | None = None, fundamento: str = "Lei 1.613/2004, art. 37 e Anexo I",
                 status: str = "V") -> "MatrizVencimentos":
        """Valida a matriz: todas as células, valores positivos, crescentes com a classe e o nível.

        Níveis 1 a 4 têm as classes A a G (art. 15); o Nível Especial, as classes de A em diante
        que a tabela trouxer (na lei, A a F), iguais em 20 h e 40 h.
        """
        titulo = "Anexo I"
        if not isinstance(valor, dict):
            raise EntradaInvalida("A matriz de vencimentos (Anexo I) deve ser uma tabela por nível e jornada.")
        celulas: dict[tuple[Nivel, str, int], Decimal] = {}
        for j in JORNADAS:
            for n in NIVEIS:
                linha = _linha(valor, f"{_CHAVE_NIVEL[n]}_{j}h", titulo, f"{nome_nivel(n)}, {j} h")
                if n is Nivel.NE:
                    quantas = len([c for c in CLASSES if c in linha])
                    esperadas = CLASSES[:max(quantas, 1)]
                else:
                    esperadas = CLASSES
                sobra = set(linha) - set(esperadas)
                if sobra:
                    raise EntradaInvalida(f"{titulo}: {nome_nivel(n)}, {j} h tem classe inválida: "
                                          f"{', '.join(sorted(sobra))} (as classes vão de A a G, sem pular).")
                for c in esperadas:
                    onde = f"o vencimento do {nome_nivel(n)}, classe {c}, {j} h"
                    if c not in linha:
                        raise EntradaInvalida(f"{titulo}: falta {onde}.")
                    celulas[(n, c, j)] = campos.dinheiro(linha[c], onde)
        matriz = cls(celulas, inicio, fundamento, status)
        ne20, ne40 = (tuple(c for c in CLASSES if (Nivel.NE, c, j) in celulas) for j in JORNADAS)
        if ne20 != ne40:
            raise EntradaInvalida(f"{titulo}: o Nível Especial deve ter as mesmas classes em 20 h e 40 h.")
        for n, c, j, v in matriz.itens():
            i = CLASSES.index(c)
            if i and v <= celulas[(n, CLASSES[i - 1], j)]:
                raise EntradaInvalida(
                    f"{titulo}: no {nome_nivel(n)}, {j} h, a classe {c} ({reais(v)}) deve ser maior que a "
                    f"classe {CLASSES[i - 1]} ({reais(celulas[(n, CLASSES[i - 1], j)])}) (art. 22).")
            k = NIVEIS_CARREIRA.index(n) if n in NIVEIS_CARREIRA else 0
            if k and v <= celulas[(NIVEIS_CARREIRA[k - 1], c, j)]:
                anterior = celulas[(NIVEIS_CARREIRA[k - 1], c, j)]
                raise EntradaInvalida(
                    f"{titulo}: na classe {c}, {j} h, o {nome_nivel(n)} ({reais(v)}) deve ser maior que o "
                    f"{nome_nivel(NIVEIS_CARREIRA[k - 1])} ({reais(anterior)}) (art. 20).")
        return matriz


@dataclass(frozen=True)
class Valorizacao:
    """Anexo II: percentual da valorização do magistério por nível e classe (art. 36)."""

    percentuais: dict[tuple[Nivel, str], Decimal]
    inicio: date | None = None
    fundamento: str = "Lei 1.613/2004, art. 36 e Anexo II"
    status: str = "V"

    def percentual(self, nivel: Nivel | str, classe: str) -> Decimal:
        """Percentual em % (11.5 = 11,5 %) sobre o salário base. Tabela E (Níveis 1-4) ou F (NE)."""
        n = _nivel(nivel)
        try:
            return self.percentuais[(n, classe)]
        except KeyError:
            raise CelulaAusente(f"O Anexo II não tem percentual de valorização para o {nome_nivel(n)}, "
                                f"classe {classe}. Confira a classe do servidor.") from None

    def para_valor(self) -> dict:
        return {_CHAVE_NIVEL[n]: {c: texto_decimal(self.percentuais[(n, c)]) for c in CLASSES
                                  if (n, c) in self.percentuais} for n in NIVEIS}

    @classmethod
    def de_vigencia(cls, vigencia) -> "Valorizacao":
        return cls.de_valor(vigencia.valor, inicio=vigencia.inicio, fundamento=vigencia.fundamento,
                            status=vigencia.status)

    @classmethod
    def de_valor(cls, valor, *, inicio: date | None = None, fundamento: str = "Lei 1.613/2004, art. 36 e Anexo II",
                 status: str = "V") -> "Valorizacao":
        """Todas as classes A a G de cada nível (tabelas E e F), percentuais de 0 a 100."""
        if not isinstance(valor, dict):
            raise EntradaInvalida("A valorização (Anexo II) deve ser uma tabela por nível.")
        percentuais = {}
        for n in NIVEIS:
            linha = _linha(valor, _CHAVE_NIVEL[n], "Anexo II", nome_nivel(n))
            for c in CLASSES:
                onde = f"o percentual de valorização do {nome_nivel(n)}, classe {c}"
                if c not in linha:
                    raise EntradaInvalida(f"Anexo II: falta {onde}.")
                percentuais[(n, c)] = campos.percentual(linha[c], f"Anexo II: {onde}")
        return cls(percentuais, inicio, fundamento, status)


_CHAVE_FUNCAO = {Funcao.DIRETOR: "diretor", Funcao.VICE_DIRETOR: "vice_diretor"}


@dataclass(frozen=True)
class TabelaFG:
    """Anexo III: valor da função gratificada de diretor e vice-diretor por porte (art. 38)."""

    valores: dict[tuple[Porte, Funcao], Decimal]
    inicio: date | None = None
    fundamento: str = "Lei 1.613/2004, art. 38 e Anexo III"
    status: str = "V"

    def valor(self, porte: Porte | str, funcao: Funcao | str) -> Decimal:
        """Valor mensal em reais; 0,00 onde a tabela imprime 0 (vice-diretor de escola especial)."""
        try:
            return self.valores[(Porte(porte), Funcao(funcao))]
        except (KeyError, ValueError):
            raise CelulaAusente(f"O Anexo III não tem valor para {funcao} de escola de porte {porte}: "
                                "use diretor ou vice-diretor e porte grande, médio, pequeno ou especial.") from None

    def para_valor(self) -> dict:
        return {p.value: {_CHAVE_FUNCAO[f]: texto_dinheiro(self.valores[(p, f)]) for f in Funcao}
                for p in Porte}

    @classmethod
    def de_vigencia(cls, vigencia) -> "TabelaFG":
        return cls.de_valor(vigencia.valor, inicio=vigencia.inicio, fundamento=vigencia.fundamento,
                            status=vigencia.status)

    @classmethod
    def de_valor(cls, valor, *, inicio: date | None = None, fundamento: str = "Lei 1.613/2004, art. 38 e Anexo III",
                 status: str = "V") -> "TabelaFG":
        if not isinstance(valor, dict):
            raise EntradaInvalida("A tabela de direção (Anexo III) deve ter uma linha por porte de escola.")
        valores = {}
        for p in Porte:
            linha = _linha(valor, p.value, "Anexo III", f"porte {p.value}")
            for f, chave in _CHAVE_FUNCAO.items():
                onde = f"o valor de {chave.replace('_', '-')} de escola de porte {p.value}"
                if chave not in linha:
                    raise EntradaInvalida(f"Anexo III: falta {onde}.")
                valores[(p, f)] = campos.dinheiro(linha[chave], f"Anexo III: {onde}", aceita_zero=True)
        return cls(valores, inicio, fundamento, status)


_INTEIROS = ("estagio_probatorio_anos", "intersticio_classe_anos", "classes_nivel_especial",
             "pos_graduacao_horas")
_DIFERENCAS = {Nivel.N2: "nivel_1_para_2", Nivel.N3: "nivel_2_para_3", Nivel.N4: "nivel_3_para_4"}


@dataclass(frozen=True)
class ParametrosCarreira:
    """Números da carreira: arts. 9º (estágio), 13/16 (interstício), 14 IV, 20, 22 e 69 (classes do NE).

    ``diferenca_niveis[n]`` é o percentual do nível anterior para ``n`` (art. 20).
    """

    estagio_probatorio_anos: int
    intersticio_classe_anos: int
    avanco_classe_percentual: Decimal
    avanco_classe_limite: Decimal
    classes_nivel_especial: int
    pos_graduacao_horas: int
    diferenca_niveis: dict[Nivel, Decimal] = field(default_factory=dict)
    inicio: date | None = None
    fundamento: str = "Lei 1.613/2004, arts. 9º, 13, 14 IV, 16, 20, 22 e 69"
    status: str = "V"

    def ultima_classe(self, nivel: Nivel) -> str:
        """G nos Níveis 1 a 4 (art. 15); no Nível Especial, a última das tabelas C e D (art. 69 §ún)."""
        return CLASSES[self.classes_nivel_especial - 1] if Nivel(nivel) is Nivel.NE else CLASSES[-1]

    def para_valor(self) -> dict:
        valor: dict = {c: str(getattr(self, c)) for c in _INTEIROS}
        valor["avanco_classe_percentual"] = texto_decimal(self.avanco_classe_percentual)
        valor["avanco_classe_limite"] = texto_decimal(self.avanco_classe_limite)
        valor["diferenca_entre_niveis"] = {_DIFERENCAS[n]: texto_decimal(p) for n, p in self.diferenca_niveis.items()}
        return valor

    @classmethod
    def de_vigencia(cls, vigencia) -> "ParametrosCarreira":
        return cls.de_valor(vigencia.valor, inicio=vigencia.inicio, fundamento=vigencia.fundamento,
                            status=vigencia.status)

    @classmethod
    def de_valor(cls, valor, *, inicio: date | None = None,
                 fundamento: str = "Lei 1.613/2004, arts. 9º, 13, 14 IV, 16, 20, 22 e 69",
                 status: str = "V") -> "ParametrosCarreira":
        if not isinstance(valor, dict):
            raise EntradaInvalida("As regras da carreira do magistério devem ser uma tabela de valores.")
        inteiros = {c: campos.inteiro(valor.get(c), f"Regras da carreira: {c}", minimo=1) for c in _INTEIROS}
        if not 1 <= inteiros["classes_nivel_especial"] <= len(CLASSES):
            raise EntradaInvalida("Regras da carreira: o Nível Especial tem de 1 a 7 classes.")
        percentuais = {c: campos.percentual(valor.get(c), f"Regras da carreira: {c}", maior_que_zero=True)
                       for c in ("avanco_classe_percentual", "avanco_classe_limite")}
        difs = valor.get("diferenca_entre_niveis")
        if not isinstance(difs, dict):
            raise EntradaInvalida("Regras da carreira: falta a diferença entre níveis (art. 20).")
        diferencas = {n: campos.percentual(difs.get(chave), f"Regras da carreira: a diferença {chave.replace('_', ' ')}",
                                           maior_que_zero=True) for n, chave in _DIFERENCAS.items()}
        return cls(**inteiros, **percentuais, diferenca_niveis=diferencas, inicio=inicio,
                   fundamento=fundamento, status=status)
