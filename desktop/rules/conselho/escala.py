"""Escala de plantão e sobreaviso: turnos, geração com carga igual, validação e plantonista da hora.

Lei 320/2023, art. 19: expediente das 08 às 12 h e das 14 às 18 h todos os dias, inclusive sábados,
domingos e feriados, em regime de plantão. Fora dele há um turno de plantão por noite (do fim da
tarde ao início da manhã seguinte); nos dias não úteis (fim de semana, feriado nacional, estadual ou
municipal) há também o turno do dia. Art. 20: todos os membros têm os mesmos períodos de plantão ou
sobreaviso, vedado tratamento desigual — a geração distribui cada tipo de turno em partes iguais
(diferença de no máximo um turno de cada tipo entre os titulares em exercício no período inteiro).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable, Iterable

from desktop.rules.folha.dias import Intervalo
from desktop.rules.validacao import EntradaInvalida

from .parametros import RegrasExpediente
from desktop.rules import formato

NOITE, DIA = "noite", "dia"
TIPOS_TURNO = {NOITE: "Noite", DIA: "Dia não útil"}
MODALIDADES = {"plantao": "Plantão", "sobreaviso": "Sobreaviso"}


@dataclass(frozen=True)
class Turno:
    inicio: datetime
    fim: datetime
    tipo: str

    @property
    def horas(self) -> float:
        return (self.fim - self.inicio).total_seconds() / 3600

    def sobrepoe(self, outro: "Turno") -> bool:
        return self.inicio < outro.fim and outro.inicio < self.fim

    def rotulo(self) -> str:
        if self.tipo == NOITE:
            return f"noite de {formato.data(self.inicio.date())}"
        return f"dia {formato.data(self.inicio.date())}"


@dataclass(frozen=True)
class Membro:
    """Conselheiro que pode ser escalado: em exercício nos ``periodos`` (inclusive)."""

    id: str
    nome: str
    ordem: int
    periodos: tuple[Intervalo, ...]

    def em_exercicio(self, d: date) -> bool:
        return any(a <= d <= b for a, b in self.periodos)


@dataclass(frozen=True)
class Atribuicao:
    turno: Turno
    conselheiro_id: str
    modalidade: str = "plantao"


def turnos(inicio: date, fim: date, dia_util: Callable[[date], bool], exp: RegrasExpediente) -> list[Turno]:
    """Os turnos de ``inicio`` a ``fim`` (inclusive): uma noite por dia e o dia dos dias não úteis."""
    if fim < inicio:
        raise EntradaInvalida("O fim da escala é anterior ao início; confira o período.")
    saida, d = [], inicio
    while d <= fim:
        if not dia_util(d):
            saida.append(Turno(datetime.combine(d, exp.manha_inicio), datetime.combine(d, exp.tarde_fim), DIA))
        saida.append(Turno(datetime.combine(d, exp.tarde_fim),
                           datetime.combine(d + timedelta(days=1), exp.manha_inicio), NOITE))
        d += timedelta(days=1)
    return saida


def gerar(lista_turnos: Iterable[Turno], membros: Iterable[Membro],
          fixos: dict[tuple[datetime, datetime], str] | None = None) -> list[Atribuicao]:
    """Distribui os turnos com a mesma carga (Lei 320/2023, art. 20).

    Para cada turno, entre os membros em exercício na data: o de menos turnos daquele tipo, depois o
    de menos horas no total, evitando quem acabou de sair do turno anterior, depois a ordem. Um turno
    sem ninguém em exercício é recusado: nenhuma noite fica descoberta. ``fixos`` (início, fim) →
    conselheiro: turnos que ficam com quem já está (troca registrada, escala já gravada), se ele estiver
    em exercício na data; contam na carga dele.
    """
    fixos = fixos or {}
    membros = sorted(membros, key=lambda m: m.ordem)
    por_id = {m.id: m for m in membros}
    contagem: dict[tuple[str, str], int] = defaultdict(int)
    horas: dict[str, float] = defaultdict(float)
    saida: list[Atribuicao] = []
    anterior: str | None = None
    for t in sorted(lista_turnos, key=lambda t: t.inicio):
        aptos = [m for m in membros if m.em_exercicio(t.inicio.date())]
        fixo = por_id.get(fixos.get((t.inicio, t.fim), ""))
        if fixo is not None and fixo.em_exercicio(t.inicio.date()):
            aptos = [fixo]
        if not aptos:
            raise EntradaInvalida(f"Não há conselheiro em exercício para a {t.rotulo()}: a escala deixaria o "
                                  "turno descoberto. Convoque um suplente ou ajuste o período.")
        m = min(aptos, key=lambda m: (contagem[(m.id, t.tipo)], horas[m.id],
                                      m.id == anterior and len(aptos) > 1, m.ordem))
        contagem[(m.id, t.tipo)] += 1
        horas[m.id] += t.horas
        anterior = m.id
        saida.append(Atribuicao(t, m.id))
    return saida


def validar(atribuicoes: Iterable[Atribuicao], esperados: Iterable[Turno],
            membros: Iterable[Membro] | None = None) -> None:
    """Recusa a escala com turno descoberto, turno duplicado, conselheiro em dois plantões ao mesmo
    tempo ou escalado fora do exercício (arts. 19 e 20)."""
    lista = sorted(atribuicoes, key=lambda a: a.turno.inicio)
    por_turno: dict[tuple, list[Atribuicao]] = defaultdict(list)
    for a in lista:
        por_turno[(a.turno.inicio, a.turno.fim)].append(a)
    for t in esperados:
        if not por_turno.get((t.inicio, t.fim)):
            raise EntradaInvalida(f"A {t.rotulo()} ficou sem plantonista: toda noite e todo dia não útil "
                                  "precisa de um conselheiro escalado (Lei 320/2023, art. 19).")
    for chave, itens in por_turno.items():
        if len(itens) > 1:
            raise EntradaInvalida(f"A {itens[0].turno.rotulo()} tem mais de um plantonista; deixe um só.")
    if membros is not None:
        por_id = {m.id: m for m in membros}
        for a in lista:
            m = por_id.get(a.conselheiro_id)
            if m is None or not m.em_exercicio(a.turno.inicio.date()):
                raise EntradaInvalida(f"Quem foi escalado para a {a.turno.rotulo()} não está em exercício "
                                      "nessa data.")
    recusar_sobreposicao(lista)


def recusar_sobreposicao(atribuicoes: Iterable[Atribuicao]) -> None:
    """Um conselheiro não pode estar em dois plantões ao mesmo tempo."""
    por_membro: dict[str, list[Turno]] = defaultdict(list)
    for a in atribuicoes:
        por_membro[a.conselheiro_id].append(a.turno)
    for turnos_m in por_membro.values():
        turnos_m.sort(key=lambda t: t.inicio)
        for x, y in zip(turnos_m, turnos_m[1:]):
            if x.sobrepoe(y):
                raise EntradaInvalida(f"O mesmo conselheiro ficaria em dois plantões ao mesmo tempo ({x.rotulo()} "
                                      f"e {y.rotulo()}). Escolha outro conselheiro para um deles.")


def carga(atribuicoes: Iterable[Atribuicao]) -> dict[str, dict]:
    """Por conselheiro: noites, dias não úteis e horas de plantão (para conferir a igualdade do art. 20)."""
    saida: dict[str, dict] = defaultdict(lambda: {"noites": 0, "dias": 0, "horas": 0.0})
    for a in atribuicoes:
        c = saida[a.conselheiro_id]
        c["noites" if a.turno.tipo == NOITE else "dias"] += 1
        c["horas"] += a.turno.horas
    return dict(saida)


def plantonista_em(atribuicoes: Iterable[Atribuicao], momento: datetime) -> Atribuicao | None:
    """Quem está de plantão no momento (None durante o expediente dos dias úteis)."""
    for a in atribuicoes:
        if a.turno.inicio <= momento < a.turno.fim:
            return a
    return None
