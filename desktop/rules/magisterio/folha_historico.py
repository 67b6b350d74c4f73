"""Fatos da ficha funcional numa data e tempo de percepção das vantagens (Lei 1.613/2004).

Funções puras sobre ``FichaFuncional``: o que vale num dia (lotação, regência, função,
afastamentos), o percentual da gratificação de aperfeiçoamento (arts. 46 e 47) e os intervalos
em que cada vantagem incorporável foi percebida, com a data em que completa o tempo de
incorporação (arts. 40 e 52).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Iterable, Sequence, TypeVar

from desktop.rules.folha.dias import Intervalo

from .configuracao import ConfiguracaoMagisterio
from .folha_gratificacoes import GratificacoesMagisterio
from .tempo import somar_anos
from .tipos import Afastamento, Cargo, Curso, Etapa, FichaFuncional, FuncaoGratificada, Periodo, Regencia, TipoCurso

P = TypeVar("P", bound=Periodo)
DIAS_ANO = 365  # contagem "dias_365" (ConfiguracaoMagisterio.contagem_tempo)
DOCENTES = (Cargo.PROFESSOR, Cargo.AUXILIAR_ENSINO)  # auxiliar: "demais vantagens", art. 69 §ún
ETAPAS_ART27 = (Etapa.EDUCACAO_INFANTIL, Etapa.FUNDAMENTAL_INICIAIS)


def no_dia(periodos: Iterable[P], dia: date) -> P | None:
    """O período que contém o dia; havendo mais de um, o de início mais recente."""
    achados = [p for p in periodos if p.contem(dia)]
    return max(achados, key=lambda p: p.inicio) if achados else None


def afastamentos_no_dia(ficha: FichaFuncional, dia: date) -> list[Afastamento]:
    return [a for a in ficha.afastamentos if a.contem(dia)]


def remunerado_no_dia(ficha: FichaFuncional, dia: date) -> bool:
    """Em exercício (ou afastado com remuneração) e com vínculo: admissão ≤ dia ≤ desligamento."""
    if dia < ficha.admissao or (ficha.desligamento is not None and dia > ficha.desligamento):
        return False
    return all(a.remunerado for a in afastamentos_no_dia(ficha, dia))


def regencia_docente(ficha: FichaFuncional, dia: date, cargo: Cargo) -> Regencia | None:
    """Efetiva regência de classe de quem ocupa cargo docente na data (arts. 27, 41, 44, 50)."""
    return no_dia(ficha.regencias, dia) if cargo in DOCENTES else None


def dificil_acesso(ficha: FichaFuncional, dia: date, config: ConfiguracaoMagisterio) -> bool:
    """Art. 42 (implantado, §1º), escola de difícil acesso (§§2º e 4º), residência em local
    diverso (§3º), e não suspensa por afastamento (art. 43)."""
    lot = no_dia(ficha.lotacoes, dia)
    return bool(config.art42_implantado and lot and lot.dificil_acesso and lot.reside_em_local_diverso
                and not any(a.suspende_dificil_acesso for a in afastamentos_no_dia(ficha, dia)))


def zona_rural(ficha: FichaFuncional, dia: date, config: ConfiguracaoMagisterio) -> bool:
    """Art. 49: implantado (parágrafo único), lotado na zona rural, tendo fixado residência lá."""
    lot = no_dia(ficha.lotacoes, dia)
    return bool(config.art49_implantado and lot and lot.zona_rural and lot.fixou_residencia_rural)


def cet(ficha: FichaFuncional, dia: date, cargo: Cargo) -> bool:
    """Art. 45: pedagogo (suporte pedagógico, art. 3º, IV) lotado em escola ou setor da SMEC."""
    return cargo is Cargo.PEDAGOGO and no_dia(ficha.lotacoes, dia) is not None


def nee(ficha: FichaFuncional, dia: date, cargo: Cargo, g: GratificacoesMagisterio) -> bool:
    """Art. 44: regência com ao menos ``art44_alunos_minimos`` alunos com NEE."""
    r = regencia_docente(ficha, dia, cargo)
    return bool(r and r.alunos_nee >= g.art44_alunos_minimos)


# -- aperfeiçoamento (arts. 46 e 47) -----------------------------------------------------------
@dataclass(frozen=True)
class Aperfeicoamento:
    percentual: Decimal
    cursos: tuple[Curso, ...]
    limitado: bool  # o teto do §1º cortou a soma


def vigencias_cursos(ficha: FichaFuncional, g: GratificacoesMagisterio) -> list[tuple[date, Curso]]:
    """Cursos que contam e a data em que passam a valer.

    Contam os concedidos (art. 48), concluídos desde ``conclusao_desde`` (art. 46, §1º), na área
    (art. 46, I; arts. 47, IV e V), não usados para mudar de nível (art. 46, §2º). Concessões
    no mesmo ato (mesma data) valem juntas; uma concessão antes do interstício de 3 anos da
    anterior (art. 47, §3º) só vale quando ele se completa.
    """
    a = g.art47
    validos = sorted((c for c in ficha.cursos if c.concessao is not None and c.conclusao >= a.conclusao_desde
                      and c.area_educacao and not c.usado_para_nivel), key=lambda c: c.concessao)
    resultado: list[tuple[date, Curso]] = []
    for c in validos:
        if resultado and c.concessao == resultado[-1][1].concessao:
            efetiva = resultado[-1][0]  # mesmo ato de concessão
        elif resultado:
            efetiva = max(c.concessao, somar_anos(resultado[-1][0], a.intersticio_anos))
        else:
            efetiva = c.concessao
        resultado.append((efetiva, c))
    return resultado


def aperfeicoamento(ficha: FichaFuncional, dia: date, g: GratificacoesMagisterio) -> Aperfeicoamento:
    """Percentual do art. 47 no dia: horas de aperfeiçoamento somadas dão 5 % (I) ou 10 % (II,
    que substitui o I); cada especialização de 360 h num só curso (art. 46, III), 15 %; mestrado,
    20 %; doutorado, 30 %; cursos diferentes se somam até o teto de 50 % (§1º)."""
    a = g.art47
    cursos = tuple(c for efetiva, c in vigencias_cursos(ficha, g) if efetiva <= dia)
    horas = sum(c.carga_horaria for c in cursos if c.tipo is TipoCurso.APERFEICOAMENTO)
    total = a.percentual_ii if horas >= a.horas_ii else a.percentual_i if horas >= a.horas_i else Decimal(0)
    for c in cursos:
        if c.tipo is TipoCurso.ESPECIALIZACAO and c.carga_horaria >= a.horas_especializacao:
            total += a.percentual_especializacao
        elif c.tipo is TipoCurso.MESTRADO:
            total += a.percentual_mestrado
        elif c.tipo is TipoCurso.DOUTORADO:
            total += a.percentual_doutorado
    return Aperfeicoamento(min(total, a.teto), cursos, total > a.teto)


# -- tempo de percepção para incorporação (arts. 40 e 52) --------------------------------------
def _uniao(intervalos: Iterable[Intervalo]) -> list[Intervalo]:
    ordenados = sorted(intervalos)
    unidos: list[Intervalo] = []
    for i, f in ordenados:
        if unidos and i <= unidos[-1][1] + timedelta(days=1):
            unidos[-1] = (unidos[-1][0], max(unidos[-1][1], f))
        else:
            unidos.append((i, f))
    return unidos


def menos(intervalos: list[Intervalo], cortes: Iterable[Intervalo]) -> list[Intervalo]:
    resultado = intervalos
    for ci, cf in cortes:
        novo = []
        for i, f in resultado:
            if cf < i or ci > f:
                novo.append((i, f))
                continue
            if i < ci:
                novo.append((i, ci - timedelta(days=1)))
            if f > cf:
                novo.append((cf + timedelta(days=1), f))
        resultado = novo
    return resultado


def percepcao(ficha: FichaFuncional, periodos: Iterable[Periodo], g: GratificacoesMagisterio,
              cortes: Iterable[Intervalo] = (), ate: date | None = None) -> list[Intervalo]:
    """Intervalos (unidos) em que a vantagem foi percebida: os períodos dados, a partir da
    vigência da lei e da admissão, até o desligamento ou ``ate``, sem afastamentos não remunerados
    nem os ``cortes``. Períodos em aberto vão até ``ate`` (ou o desligamento)."""
    inicio = max(g.lei_inicio, ficha.admissao)
    limite = min(d for d in (ate, ficha.desligamento, date.max) if d is not None)
    brutos = []
    for p in periodos:
        i, f = max(p.inicio, inicio), min(p.fim or limite, limite)
        if i <= f:
            brutos.append((i, f))
    sem_remuneracao = [(a.inicio, a.fim or limite) for a in ficha.afastamentos if not a.remunerado]
    return menos(_uniao(brutos), [*sem_remuneracao, *cortes])


def dias_em(intervalos: Sequence[Intervalo]) -> int:
    return sum((f - i).days + 1 for i, f in intervalos)


def dias_de_anos(inicio: date, anos: int, config: ConfiguracaoMagisterio) -> int:
    """Dias que valem ``anos`` na soma de períodos: anos civis a partir do início (contagem
    "aniversario") ou 365 dias por ano ("dias_365"), como na contagem de tempo da carreira."""
    if config.contagem_tempo == "dias_365":
        return DIAS_ANO * anos
    return (somar_anos(inicio, anos) - inicio).days


def data_completa(intervalos: Sequence[Intervalo], anos: int, config: ConfiguracaoMagisterio) -> date | None:
    """O dia seguinte àquele em que a soma dos dias chega a ``anos`` anos; None se não chega."""
    if not intervalos:
        return None
    faltam = dias_de_anos(min(intervalos)[0], anos, config)
    for i, f in sorted(intervalos):
        dias = (f - i).days + 1
        if dias >= faltam:
            return i + timedelta(days=faltam)
        faltam -= dias
    return None


def periodos_incorporaveis(ficha: FichaFuncional, g: GratificacoesMagisterio,
                           config: ConfiguracaoMagisterio) -> dict[str, list[Periodo]]:
    """Para cada vantagem do art. 52 (e a FG, art. 40), os períodos da ficha em que ela era devida."""
    docente = ficha.cargo in DOCENTES
    return {
        "art41": list(ficha.regencias) if docente else [],
        "art42": [l for l in ficha.lotacoes if l.dificil_acesso and l.reside_em_local_diverso]
        if config.art42_implantado else [],
        "art44": [r for r in ficha.regencias if r.alunos_nee >= g.art44_alunos_minimos] if docente else [],
        "art45": list(ficha.lotacoes) if ficha.cargo is Cargo.PEDAGOGO else [],
        "art49": [l for l in ficha.lotacoes if l.zona_rural and l.fixou_residencia_rural]
        if config.art49_implantado else [],
        "fg": list(ficha.funcoes),
    }


def datas_incorporacao(ficha: FichaFuncional, g: GratificacoesMagisterio, config: ConfiguracaoMagisterio,
                       ate: date) -> dict[str, date]:
    """Vantagem → dia a partir do qual está incorporada (10 anos de percepção até ``ate``)."""
    cortes_42 = [(a.inicio, a.fim or ate) for a in ficha.afastamentos if a.suspende_dificil_acesso]
    datas = {}
    for chave, periodos in periodos_incorporaveis(ficha, g, config).items():
        anos = g.art40_incorporacao_anos if chave == "fg" else g.art52_incorporacao_anos
        intervalos = percepcao(ficha, periodos, g, cortes_42 if chave == "art42" else (), ate)
        d = data_completa(intervalos, anos, config)
        if d is not None and d <= ate:
            datas[chave] = d
    return datas


def funcoes_percebidas(ficha: FichaFuncional, g: GratificacoesMagisterio,
                       ate: date) -> list[tuple[FuncaoGratificada, int]]:
    """Cada função gratificada exercida e os dias em que foi percebida até ``ate``."""
    return [(f, dias_em(percepcao(ficha, [f], g, (), ate))) for f in ficha.funcoes]
