"""Resultado do processo de escolha: classificação, desempate, impedimentos por parentesco.

Art. 6º: os cinco mais votados são titulares; os demais habilitados, suplentes em ordem
decrescente de votação. Empate: pelo critério do processo — ``idade`` (o mais velho, padrão) ou
``nota`` (a maior nota na prova) —, depois o outro critério e, por fim, o menor número de
inscrição (docs/interpretacoes.md). Art. 15: cônjuges, companheiros e parentes até o terceiro
grau não servem juntos; o menos votado do par cede o lugar de titular e fica na próxima posição
livre entre os suplentes (a ordem dos suplentes continua a da votação).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from desktop.rules.validacao import EntradaInvalida
from desktop.rules import formato

CRITERIOS = {"idade": "idade (o mais velho à frente)", "nota": "nota na prova (a maior à frente)"}
ARTIGO_EMPATE = "Lei 320/2023, art. 6º; critério de desempate do edital"


@dataclass(frozen=True)
class Candidato:
    numero: int
    nome: str
    votos: int
    nascimento: date | None = None
    nota: Decimal | None = None
    sub_judice: bool = False


@dataclass(frozen=True)
class Parentesco:
    a: int  # número do candidato
    b: int
    vinculo: str


@dataclass(frozen=True)
class Colocado:
    posicao: int        # na ordem de votação (desempatada)
    numero: int
    nome: str
    votos: int
    percentual: Decimal  # dos votos válidos
    situacao: str       # titular | suplente
    ordem: int          # 1.º titular, 1.º suplente...
    impedimento: str | None = None
    sub_judice: bool = False


@dataclass(frozen=True)
class Empate:
    votos: int
    numeros: tuple[int, ...]  # na ordem em que ficaram
    criterio: str
    explicacao: str


@dataclass(frozen=True)
class ResultadoEleicao:
    colocados: tuple[Colocado, ...]
    empates: tuple[Empate, ...]
    impedimentos: tuple[str, ...]
    avisos: tuple[str, ...]
    validos: int
    criterio: str

    @property
    def titulares(self) -> list[Colocado]:
        return [c for c in self.colocados if c.situacao == "titular"]

    @property
    def suplentes(self) -> list[Colocado]:
        return sorted((c for c in self.colocados if c.situacao == "suplente"), key=lambda c: c.ordem)


def percentual(votos: int, validos: int) -> Decimal:
    if validos <= 0:
        return Decimal("0.00")
    return (Decimal(votos) * 100 / Decimal(validos)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _chave_idade(c: Candidato):
    return c.nascimento.toordinal() if c.nascimento else 10**9


def _chave_nota(c: Candidato):
    return -(c.nota if c.nota is not None else Decimal(-1))


def _chave(criterio: str):
    if criterio == "idade":
        return lambda c: (-c.votos, _chave_idade(c), _chave_nota(c), c.numero)
    return lambda c: (-c.votos, _chave_nota(c), _chave_idade(c), c.numero)


def _explicar(grupo: list[Candidato], criterio: str) -> str:
    partes = []
    for x, y in zip(grupo, grupo[1:]):
        idade_difere = _chave_idade(x) != _chave_idade(y)
        nota_difere = _chave_nota(x) != _chave_nota(y)
        primeiro, segundo = (("idade", idade_difere), ("nota", nota_difere)) if criterio == "idade" \
            else (("nota", nota_difere), ("idade", idade_difere))
        usado = primeiro[0] if primeiro[1] else segundo[0] if segundo[1] else "numero"
        motivo = {"idade": f"nascimento {formato.data(x.nascimento)} antes de {formato.data(y.nascimento)}"
                  if x.nascimento and y.nascimento else "idade",
                  "nota": f"nota {x.nota} contra {y.nota}",
                  "numero": "mesma idade e mesma nota: menor número de inscrição"}[usado]
        partes.append(f"{x.numero} antes de {y.numero} ({motivo})")
    return "; ".join(partes)


def apurar(candidatos: list[Candidato], parentescos: list[Parentesco] = (), *,
           criterio: str = "idade", titulares: int = 5, minimo_habilitados: int | None = None) -> ResultadoEleicao:
    """Classifica os candidatos habilitados e distribui titulares e suplentes (arts. 6º e 15)."""
    if criterio not in CRITERIOS:
        raise EntradaInvalida(f"Critério de desempate desconhecido: {criterio!r}; use 'idade' ou 'nota'.")
    numeros = [c.numero for c in candidatos]
    if len(set(numeros)) != len(numeros):
        raise EntradaInvalida("Há candidatos com o mesmo número.")
    for c in candidatos:
        if isinstance(c.votos, bool) or not isinstance(c.votos, int) or c.votos < 0:
            raise EntradaInvalida(f"Votos do candidato {c.numero}: informe um inteiro não negativo.")
    conhecidos = set(numeros)
    for p in parentescos:
        if p.a not in conhecidos or p.b not in conhecidos or p.a == p.b:
            raise EntradaInvalida(f"Parentesco entre {p.a} e {p.b}: os dois devem ser candidatos "
                                  "habilitados diferentes (Lei 320/2023, art. 15).")
    ordem = sorted(candidatos, key=_chave(criterio))
    validos = sum(c.votos for c in candidatos)

    empates = []
    i = 0
    while i < len(ordem):
        j = i
        while j + 1 < len(ordem) and ordem[j + 1].votos == ordem[i].votos:
            j += 1
        if j > i:
            grupo = ordem[i:j + 1]
            empates.append(Empate(grupo[0].votos, tuple(c.numero for c in grupo), criterio,
                                  f"Empate com {grupo[0].votos} votos, desfeito pelo critério de {CRITERIOS[criterio]}: "
                                  f"{_explicar(grupo, criterio)} ({ARTIGO_EMPATE})."))
        i = j + 1

    parentes: dict[int, list[Parentesco]] = {}
    for p in parentescos:
        parentes.setdefault(p.a, []).append(p)
        parentes.setdefault(p.b, []).append(p)
    sentados: list[Candidato] = []
    impedimento: dict[int, str] = {}
    impedimentos = []
    for c in ordem:
        if len(sentados) >= titulares:
            break
        conflito = next((p for p in parentes.get(c.numero, [])
                         if (p.b if p.a == c.numero else p.a) in {s.numero for s in sentados}), None)
        if conflito:
            outro = conflito.b if conflito.a == c.numero else conflito.a
            texto = (f"{c.nome} ({c.numero}) não pode ser titular junto com o candidato {outro} "
                     f"({conflito.vinculo}); fica entre os suplentes na sua ordem de votação "
                     "(Lei 320/2023, art. 15)")
            impedimento[c.numero] = texto
            impedimentos.append(texto)
            continue
        sentados.append(c)
    ids_titulares = {c.numero for c in sentados}
    colocados, n_sup = [], 0
    for pos, c in enumerate(ordem, start=1):
        if c.numero in ids_titulares:
            situacao, ordem_grupo = "titular", len([x for x in colocados if x.situacao == "titular"]) + 1
        else:
            n_sup += 1
            situacao, ordem_grupo = "suplente", n_sup
        colocados.append(Colocado(pos, c.numero, c.nome, c.votos, percentual(c.votos, validos),
                                  situacao, ordem_grupo, impedimento.get(c.numero), c.sub_judice))
    avisos = []
    if minimo_habilitados is not None and len(candidatos) < minimo_habilitados:
        avisos.append(f"Só {len(candidatos)} habilitados: a lei pede no mínimo {minimo_habilitados}; "
                      "o CMDCA pode suspender o processo e reabrir as inscrições (Lei 320/2023, art. 13 §1º).")
    if len(sentados) < titulares:
        avisos.append(f"Só {len(sentados)} titulares puderam ser definidos para {titulares} vagas "
                      "(Lei 320/2023, arts. 6º e 15).")
    if any(c.sub_judice for c in candidatos):
        avisos.append("Há candidatos sub judice (impugnação sem decisão final): a situação deles pode "
                      "mudar (Lei 320/2023, art. 11 §§3º-5º).")
    return ResultadoEleicao(tuple(colocados), tuple(empates), tuple(impedimentos), tuple(avisos), validos,
                            criterio)


def como_dict(r: ResultadoEleicao) -> dict:
    """O resultado em tipos de JSON (para a CLI e os documentos)."""
    def col(c: Colocado) -> dict:
        return {"posicao": c.posicao, "numero": c.numero, "nome": c.nome, "votos": c.votos,
                "percentual_validos": str(c.percentual), "situacao": c.situacao, "ordem": c.ordem,
                "impedimento": c.impedimento, "sub_judice": c.sub_judice}
    return {
        "criterio_desempate": r.criterio,
        "votos_validos": r.validos,
        "ranking": [col(c) for c in r.colocados],
        "titulares": [c.numero for c in r.titulares],
        "suplentes": [c.numero for c in r.suplentes],
        "empates": [{"votos": e.votos, "candidatos": list(e.numeros), "criterio": e.criterio,
                     "explicacao": e.explicacao} for e in r.empates],
        "impedimentos": list(r.impedimentos),
        "avisos": list(r.avisos),
    }
