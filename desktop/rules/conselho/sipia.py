"""A tabela de direitos violados do SIPIA CT: direito fundamental, grupo, direito específico e faixa etária.

A tabela é dado (``db/sipia/direitos_violados.toml``, com a fonte); aqui só se monta e se consulta o que
foi lido (nada de arquivo). O código do direito específico é o do grupo mais a posição na lista
("CFC.2.3"): as listas só crescem no fim, e um item extinto continua legível mas não é oferecido.
"""
from __future__ import annotations

from dataclasses import dataclass

from desktop.rules.validacao import EntradaInvalida


@dataclass(frozen=True)
class Especifico:
    codigo: str
    nome: str
    grupo: str  # código do grupo
    direito: str  # chave do direito fundamental
    ativo: bool = True


@dataclass(frozen=True)
class Grupo:
    codigo: str
    nome: str
    direito: str
    faixa: tuple[int, int]
    especificos: tuple[Especifico, ...]


@dataclass(frozen=True)
class Direito:
    chave: str
    nome: str
    fundamento: str
    grupos: tuple[Grupo, ...]


@dataclass(frozen=True)
class Taxonomia:
    direitos: tuple[Direito, ...]
    fonte: dict

    def __post_init__(self):
        object.__setattr__(self, "_grupos", {g.codigo: g for d in self.direitos for g in d.grupos})
        object.__setattr__(self, "_especificos", {e.codigo: e for g in self._grupos.values() for e in g.especificos})
        object.__setattr__(self, "_direitos", {d.chave: d for d in self.direitos})

    def direito(self, chave: str) -> Direito:
        return self._direitos[chave]

    def grupo(self, codigo: str) -> Grupo:
        return self._grupos[codigo]

    def especifico(self, codigo: str) -> Especifico:
        """O direito específico pelo código; recusa um código que não está na tabela."""
        try:
            return self._especificos[codigo]
        except KeyError:
            raise EntradaInvalida(f"Direito violado {codigo!r} não está na tabela do SIPIA CT: escolha o direito "
                                  "fundamental, o grupo e o direito específico da lista.") from None

    def validar(self, codigo: str, *, novo: bool = True) -> Especifico:
        """O específico existe e, num registro novo, ainda vale (os extintos só se leem)."""
        e = self.especifico((codigo or "").strip())
        if novo and not e.ativo:
            raise EntradaInvalida(f"O direito específico {e.nome!r} não é mais usado pelo SIPIA CT: escolha outro.")
        return e

    def rotulo(self, direito: str, grupo: str | None, especifico: str | None) -> str:
        """'Direito fundamental › grupo › específico'; registro anterior à classificação diz o que falta."""
        d = self._direitos.get(direito)
        partes = [d.nome if d else direito]
        if especifico and especifico in self._especificos:
            e = self._especificos[especifico]
            partes += [self._grupos[e.grupo].nome, e.nome]
        elif grupo and grupo in self._grupos:
            partes += [self._grupos[grupo].nome, "direito específico não informado"]
        else:
            partes.append("grupo e direito específico não informados (registro anterior à tabela do SIPIA CT)")
        return " › ".join(partes)

    def opcoes(self) -> list[tuple[str, str]]:
        """(código, rótulo) de todos os específicos em vigor, na ordem da tabela (para as listas da tela)."""
        return [(e.codigo, f"{self._direitos[e.direito].nome} › {self._grupos[e.grupo].nome} › {e.nome}")
                for d in self.direitos for g in d.grupos for e in g.especificos if e.ativo]

    def conferir_faixa(self, codigo: str, idades: list[int | None]) -> None:
        """A violação cabe na faixa etária do grupo para ao menos uma das crianças do caso (idade na data do
        fato). Recusa, com a faixa, quando nenhuma cabe; passa quando alguma tem a idade não informada (não
        há como conferir) ou tem 18 anos ou mais (ECA, art. 2º §ún.: fora da tabela, que vai até 17).
        Ver docs/interpretacoes.md, "Faixa etária do grupo do SIPIA CT"."""
        e = self.especifico(codigo)
        g = self._grupos[e.grupo]
        a, b = g.faixa
        if not idades or any(i is None or i > 17 or a <= i <= b for i in idades):
            return
        quem = ", ".join(f"{i} ano{'s' if i != 1 else ''}" for i in idades)
        raise EntradaInvalida(
            f"O grupo «{g.nome}» do SIPIA CT vale para crianças e adolescentes de {a} a {b} anos; "
            f"{'a criança do caso tinha' if len(idades) == 1 else 'as crianças do caso tinham'} {quem} na data do "
            "fato. Escolha o direito específico que corresponde à idade (ou corrija o nascimento).")

    def citacao(self) -> str:
        return f"{self.fonte.get('titulo', 'SIPIA CT')} — {self.fonte.get('documento', '')}"


def montar(dados: dict) -> Taxonomia:
    """Valida e monta a tabela lida do TOML (códigos únicos, faixas possíveis, listas não vazias)."""
    direitos, vistos = [], set()
    for d in dados.get("direito") or []:
        grupos = []
        for g in d.get("grupo") or []:
            codigo = g["codigo"]
            if codigo in vistos:
                raise EntradaInvalida(f"Tabela do SIPIA CT: grupo {codigo} repetido.")
            vistos.add(codigo)
            a, b = g.get("faixa", [0, 17])
            if not 0 <= a <= b <= 21:
                raise EntradaInvalida(f"Tabela do SIPIA CT: faixa etária impossível no grupo {codigo}.")
            extintos = set(g.get("extintos", []))
            nomes = g.get("especificos") or []
            if not nomes:
                raise EntradaInvalida(f"Tabela do SIPIA CT: o grupo {codigo} não tem direitos específicos.")
            esp = tuple(Especifico(f"{codigo}.{i}", nome, codigo, d["chave"], i not in extintos)
                        for i, nome in enumerate(nomes, start=1))
            grupos.append(Grupo(codigo, g["nome"], d["chave"], (a, b), esp))
        direitos.append(Direito(d["chave"], d["nome"], d.get("fundamento", ""), tuple(grupos)))
    if not direitos:
        raise EntradaInvalida("Tabela do SIPIA CT vazia.")
    return Taxonomia(tuple(direitos), dict(dados.get("fonte") or {}))
