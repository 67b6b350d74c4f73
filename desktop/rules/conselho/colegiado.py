"""O colegiado do Conselho Tutelar: quórum da sessão, votos de cada item da pauta e o resultado.

Lei 320/2023, art. 21 caput (as decisões são do colegiado, "conforme dispuser o Regimento Interno") e
§1º (a medida emergencial de plantão vai ao colegiado para ratificação ou retificação); art. 43 §ún.,
XII (é vedado deixar de submeter ao colegiado as decisões individuais de medidas dos arts. 101 e 129
do ECA); art. 44 (o impedido ou suspeito não delibera sobre o caso). O quórum e a maioria são
parâmetros (``conselho_colegiado``), porque a lei os deixa ao Regimento Interno: ver
docs/interpretacoes.md, "Conselho Tutelar: colegiado".
"""
from __future__ import annotations

from dataclasses import dataclass

from desktop.rules import campos as c
from desktop.rules.validacao import EntradaInvalida

TIPOS_SESSAO = {"ordinaria": "Ordinária", "extraordinaria": "Extraordinária"}
VOTOS = {"ratificar": "Ratificar", "retificar": "Retificar", "abstencao": "Abstenção"}
RESULTADOS = {"ratificada": "Ratificada", "retificada": "Retificada", "sem_maioria": "Sem maioria (volta à pauta)"}
FUNDAMENTO = "Lei 320/2023, art. 21 caput e §1º e art. 43 §ún., XII; ECA, arts. 101 e 129"


@dataclass(frozen=True)
class RegrasColegiado:
    """Quórum mínimo de membros presentes e aptos e o prazo da comunicação do acolhimento ao juiz."""

    quorum: int
    membros: int
    comunicacao_juizo_horas: int
    fundamento: str = "Lei 320/2023, art. 21 (Regimento Interno); ECA, arts. 93 e 132"

    @classmethod
    def de_valor(cls, valor, fundamento: str = "Lei 320/2023, art. 21; ECA, arts. 93 e 132") -> "RegrasColegiado":
        campos = ("membros", "quorum", "comunicacao_juizo_horas")
        v = c.tabela(valor, campos, "do colegiado do Conselho Tutelar")
        membros, quorum, horas = (c.inteiro(v[k], k) for k in campos)
        if not 0 < quorum <= membros:
            raise EntradaInvalida("O quórum do colegiado deve ser de 1 até o número de membros.")
        if horas <= 0:
            raise EntradaInvalida("O prazo da comunicação ao juiz deve ser de pelo menos uma hora.")
        return cls(quorum, membros, horas, fundamento)


@dataclass(frozen=True)
class Apuracao:
    """O resultado de um item: ``resultado`` é uma chave de RESULTADOS; ``contagem`` por voto."""

    resultado: str
    contagem: dict[str, int]
    aptos: int
    texto: str


def exigir_quorum(aptos: int, regras: RegrasColegiado, assunto: str = "a sessão") -> None:
    """Sem quórum o colegiado não delibera (art. 21 caput)."""
    if aptos < regras.quorum:
        raise EntradaInvalida(
            f"Sem quórum para {assunto}: {aptos} membro(s) presente(s) e apto(s) a votar, e o colegiado só "
            f"delibera com pelo menos {regras.quorum} dos {regras.membros} membros (Lei 320/2023, art. 21; "
            "Regimento Interno). Uma decisão individual não ratifica a si mesma.")


def apurar(votos: dict[str, str], aptos: set[str], regras: RegrasColegiado, retificacao: str = "") -> Apuracao:
    """Apura o item: cada membro presente e apto vota (ratificar, retificar ou abstenção); ratifica ou
    retifica a maioria absoluta dos aptos presentes; senão o item fica sem maioria e volta à pauta.

    Recusa voto de quem não está entre os aptos (ausente ou impedido, art. 44) e apto sem voto.
    """
    exigir_quorum(len(aptos), regras, "deliberar este item")
    estranhos = set(votos) - aptos
    if estranhos:
        raise EntradaInvalida("Só votam os membros presentes na sessão e não impedidos no caso (Lei 320/2023, "
                              "art. 44).")
    faltam = aptos - set(votos)
    if faltam:
        raise EntradaInvalida("Registre o voto (ou a abstenção) de cada membro presente e apto.")
    for v in votos.values():
        if v not in VOTOS:
            raise EntradaInvalida("Voto deve ser ratificar, retificar ou abstenção.")
    contagem = {k: sum(1 for v in votos.values() if v == k) for k in VOTOS}
    maioria = len(aptos) // 2 + 1
    if contagem["ratificar"] >= maioria:
        resultado = "ratificada"
    elif contagem["retificar"] >= maioria:
        resultado = "retificada"
        if not (retificacao or "").strip():
            raise EntradaInvalida("A maioria votou por retificar: descreva a retificação decidida pelo colegiado.")
    else:
        resultado = "sem_maioria"
    texto = (f"{contagem['ratificar']} por ratificar, {contagem['retificar']} por retificar, "
             f"{contagem['abstencao']} abstenção(ões), de {len(aptos)} aptos (maioria: {maioria})")
    return Apuracao(resultado, contagem, len(aptos), texto)
