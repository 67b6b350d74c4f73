"""Catálogo de rubricas de uma folha: código, nome, natureza, incidências, natureza do eSocial e o
fundamento estruturado (norma, artigo, parágrafo, inciso, anexo e o texto do dispositivo).

Os dados ficam em ``db/rubricas/<folha>.toml`` (uma folha herda as rubricas do motor comum,
``comum.toml``, e pode dar a elas o artigo da sua própria lei); ``desktop.store.rubricas`` lê os
arquivos e este módulo monta o catálogo, sem E/S. As linhas do contracheque guardam o código; o
catálogo diz a que artigo ele se refere. tests/rules/folha/test_catalogo.py confere que todo
código usado está catalogado e que cada texto citado é o da lei.
"""
from __future__ import annotations

from dataclasses import dataclass

from desktop.rules.validacao import EntradaInvalida

NATUREZAS = {"provento": "P", "desconto": "D"}
INCIDE_PREVIDENCIA = ("sim", "nao", "regime")  # "regime": INSS sim, RPPS não (p. ex. o terço de férias)
INCIDE_IRRF = ("mensal", "13", "nao")


@dataclass(frozen=True)
class Fundamento:
    norma: str
    artigo: str
    paragrafo: str | None = None
    inciso: str | None = None
    anexo: str | None = None
    texto: str | None = None
    fonte: str | None = None

    @property
    def citacao(self) -> str:
        """"Lei 1.613/2004, art. 47, §1º", "CF, art. 7º, XVII", "…, art. 37 e Anexo I"."""
        partes = [self.norma, f"art. {self.artigo}"]
        if self.paragrafo:
            partes.append("parágrafo único" if self.paragrafo == "ún" else f"§{self.paragrafo}º")
        if self.inciso:
            partes.append(self.inciso)
        texto = ", ".join(partes)
        return f"{texto} e Anexo {self.anexo}" if self.anexo else texto


@dataclass(frozen=True)
class RubricaCatalogada:
    codigo: str
    nome: str
    natureza: str  # "P" ou "D", como desktop.rules.folha.tipos.Natureza
    natureza_esocial: str
    incide_previdencia: str
    incide_irrf: str
    fundamentos: tuple[Fundamento, ...]
    observacao: str = ""


@dataclass(frozen=True)
class Catalogo:
    tabela: str
    rubricas: dict[str, RubricaCatalogada]

    def __contains__(self, codigo: str) -> bool:
        return codigo in self.rubricas

    def __getitem__(self, codigo: str) -> RubricaCatalogada:
        try:
            return self.rubricas[codigo]
        except KeyError:
            raise EntradaInvalida(f"Rubrica {codigo} não está no catálogo da folha {self.tabela}.") from None


def _fundamento(d: dict, onde: str) -> Fundamento:
    desconhecidas = set(d) - set(Fundamento.__dataclass_fields__)
    if desconhecidas or not d.get("norma") or not d.get("artigo"):
        raise EntradaInvalida(f"{onde}: fundamento precisa de norma e artigo (chaves a mais: "
                              f"{', '.join(sorted(desconhecidas)) or 'nenhuma'}).")
    return Fundamento(**{k: str(v) for k, v in d.items()})


def _rubrica(d: dict, onde: str, proprios: dict[str, tuple[Fundamento, ...]]) -> RubricaCatalogada:
    codigo = str(d.get("codigo", ""))
    if len(codigo) != 3 or not codigo.isdigit():
        raise EntradaInvalida(f"{onde}: código de rubrica deve ter 3 dígitos ({codigo!r}).")
    if d.get("natureza") not in NATUREZAS:
        raise EntradaInvalida(f"{onde}, rubrica {codigo}: natureza deve ser provento ou desconto.")
    esocial = str(d.get("natureza_esocial", ""))
    if len(esocial) != 4 or not esocial.isdigit():
        raise EntradaInvalida(f"{onde}, rubrica {codigo}: natureza do eSocial (Tabela 03) tem 4 dígitos.")
    if d.get("incide_previdencia") not in INCIDE_PREVIDENCIA or d.get("incide_irrf") not in INCIDE_IRRF:
        raise EntradaInvalida(f"{onde}, rubrica {codigo}: incidências inválidas.")
    fundamentos = tuple(_fundamento(f, f"{onde}, rubrica {codigo}") for f in d.get("fundamento", []))
    return RubricaCatalogada(codigo, str(d["nome"]), NATUREZAS[d["natureza"]], esocial, d["incide_previdencia"],
                             d["incide_irrf"], proprios.get(codigo, ()) + fundamentos,
                             str(d.get("observacao", "")))


def montar(dados: dict, herdado: dict | None = None) -> Catalogo:
    """O catálogo de uma folha a partir do TOML lido (``dados``) e do catálogo comum (``herdado``).

    As rubricas herdadas recebem antes dos seus fundamentos gerais os ``artigo_proprio`` da folha
    (p. ex. as faltas do magistério: Lei 1.613/2004, art. 34)."""
    tabela = str(dados.get("tabela", ""))
    proprios: dict[str, tuple[Fundamento, ...]] = {}
    for a in dados.get("artigo_proprio", []):
        proprios[str(a["codigo"])] = tuple(_fundamento(f, f"{tabela}, artigo próprio") for f in a["fundamento"])
    rubricas: dict[str, RubricaCatalogada] = {}
    for origem in ([herdado] if herdado else []) + [dados]:
        for d in origem.get("rubrica", []):
            r = _rubrica(d, tabela, proprios)
            if r.codigo in rubricas:
                raise EntradaInvalida(f"Rubrica {r.codigo} repetida no catálogo {tabela}.")
            rubricas[r.codigo] = r
    faltando = set(proprios) - set(rubricas)
    if faltando:
        raise EntradaInvalida(f"{tabela}: artigo próprio para rubrica inexistente: {', '.join(sorted(faltando))}.")
    return Catalogo(tabela, rubricas)
