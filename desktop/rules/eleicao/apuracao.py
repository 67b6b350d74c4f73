"""Boletins de seção: conferência das contas, comparação da dupla digitação e totalização.

Cada seção tem o boletim da urna eletrônica ou o mapa da apuração manual (Lei 320/2023, art. 9º e
§ún.). As contas: votos nos candidatos + brancos + nulos = comparecimento ≤ eleitores aptos; só
contam votos para candidatos habilitados (art. 11 §6º: a relação dos habilitados é a que vai à
urna); voto para outro número é nulo. A dupla digitação compara campo a campo duas digitações de
usuários diferentes (exigência do processo, para que cada número seja reproduzível).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from desktop.rules.validacao import EntradaInvalida

ARTIGO_CONTAS = "Lei 320/2023, arts. 5º I e 9º; votos + brancos + nulos = comparecimento"


@dataclass(frozen=True)
class Boletim:
    secao: int
    aptos: int
    comparecimento: int
    brancos: int
    nulos: int
    votos: dict[int, int] = field(default_factory=dict)  # número do candidato -> votos

    @property
    def nominais(self) -> int:
        return sum(self.votos.values())


ARTIGO_BOLETIM = "Lei 320/2023, art. 9º e §ún.: boletim da urna eletrônica ou mapa da apuração manual"


def inteiro(valor, campo: str, artigo: str | None = None) -> int:
    """Contagem: inteiro ≥ 0. Recusa texto não numérico, fração e negativo (mensagem com o ``artigo``)."""
    fim = f" ({artigo})." if artigo else "."
    rotulo = f"{campo[:1].upper()}{campo[1:]}"
    if isinstance(valor, bool):
        valor = None
    if isinstance(valor, str):
        texto = valor.strip()
        valor = int(texto) if texto.isdigit() else texto
        if isinstance(valor, str) and texto.startswith("-") and texto[1:].isdigit():
            valor = int(texto)
    if not isinstance(valor, int):
        raise EntradaInvalida(f"{rotulo}: informe um número inteiro, só com algarismos "
                              f"(veio {'nada' if valor in (None, '') else repr(valor)}){fim}")
    if valor < 0:
        raise EntradaInvalida(f"{rotulo} não pode ser negativo ({valor}){fim}")
    return valor


def montar(secao: int, aptos: int, comparecimento, brancos, nulos, votos: dict) -> Boletim:
    """Boletim com os números validados um a um (chaves de ``votos``: números dos candidatos)."""
    a = ARTIGO_BOLETIM
    votos_ok = {}
    for numero, v in (votos or {}).items():
        n = inteiro(numero, "o número do candidato", a)
        votos_ok[n] = inteiro(v, f"os votos do candidato {n} na seção {secao}", a)
    return Boletim(secao, inteiro(aptos, "os eleitores aptos", a),
                   inteiro(comparecimento, f"o comparecimento da seção {secao}", a),
                   inteiro(brancos, f"os brancos da seção {secao}", a),
                   inteiro(nulos, f"os nulos da seção {secao}", a), votos_ok)


def conferir(b: Boletim, habilitados: set[int]) -> list[str]:
    """Os erros do boletim (vazio: contas certas)."""
    erros = []
    fora = sorted(n for n, v in b.votos.items() if n not in habilitados and v)
    if fora:
        erros.append(f"Seção {b.secao}: votos para número(s) {', '.join(map(str, fora))}, que não "
                     "são de candidatos habilitados; esses votos são nulos — some-os aos nulos "
                     "(Lei 320/2023, art. 11 §6º)")
    total = b.nominais + b.brancos + b.nulos
    if total != b.comparecimento:
        erros.append(f"Seção {b.secao}: votos nos candidatos ({b.nominais}) + brancos ({b.brancos}) "
                     f"+ nulos ({b.nulos}) = {total}, diferente do comparecimento ({b.comparecimento}) "
                     f"({ARTIGO_CONTAS})")
    if b.comparecimento > b.aptos:
        erros.append(f"Seção {b.secao}: comparecimento ({b.comparecimento}) maior que os eleitores "
                     f"aptos ({b.aptos}) (Lei 320/2023, art. 5º I: votam os eleitores do município)")
    return erros


def exigir_certo(b: Boletim, habilitados: set[int]) -> None:
    erros = conferir(b, habilitados)
    if erros:
        raise EntradaInvalida("Boletim recusado. " + "; ".join(erros) + ".")


@dataclass(frozen=True)
class Diferenca:
    campo: str   # comparecimento | brancos | nulos | candidato:<n>
    rotulo: str
    primeira: int
    segunda: int


def comparar(a: Boletim, b: Boletim) -> list[Diferenca]:
    """Diferenças campo a campo entre as duas digitações do mesmo boletim."""
    difs = [Diferenca(c, c.capitalize(), getattr(a, c), getattr(b, c))
            for c in ("comparecimento", "brancos", "nulos") if getattr(a, c) != getattr(b, c)]
    for n in sorted(set(a.votos) | set(b.votos)):
        va, vb = a.votos.get(n, 0), b.votos.get(n, 0)
        if va != vb:
            difs.append(Diferenca(f"candidato:{n}", f"Candidato {n}", va, vb))
    return difs


@dataclass(frozen=True)
class Totais:
    secoes: int
    aptos: int
    comparecimento: int
    brancos: int
    nulos: int
    votos: dict[int, int]

    @property
    def abstencao(self) -> int:
        return self.aptos - self.comparecimento

    @property
    def validos(self) -> int:
        """Votos válidos: os dados a candidatos (brancos e nulos não são válidos)."""
        return sum(self.votos.values())


def totalizar(boletins: list[Boletim], candidatos: list[int]) -> Totais:
    votos = {n: 0 for n in candidatos}
    aptos = comp = brancos = nulos = 0
    for b in boletins:
        aptos += b.aptos
        comp += b.comparecimento
        brancos += b.brancos
        nulos += b.nulos
        for n, v in b.votos.items():
            votos[n] = votos.get(n, 0) + v
    return Totais(len(boletins), aptos, comp, brancos, nulos, votos)
