"""Calendário de dias úteis: feriados nacionais, estaduais (AM, BA e demais UFs) e municipais.

Feriados nacionais (Lei 662/1949, Lei 6.802/1980, Lei 14.759/2023: 20/11 desde 2024) e
estaduais vêm do pacote ``holidays`` (categoria pública, nomes em pt-BR): no AM, 05/09 (Elevação
do Amazonas à categoria de província); na BA, 02/07 (Independência da Bahia). A Sexta-feira da
Paixão é feriado religioso municipal (Lei 9.093/1995, art. 2º) quase universal: é incluída sempre,
mesmo que o pacote deixe de trazê-la. Os pontos facultativos (Carnaval, Quarta-feira de Cinzas,
Corpus Christi, Dia do Servidor, vésperas de Natal e Ano-Novo; categoria "optional" do pacote)
não são feriados: o município que os decreta cadastra-os como feriados municipais do ano.
Feriados municipais (aniversário da cidade, padroeiro) vêm do cadastro do órgão.
Sábados e domingos não são dias úteis.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable

import holidays
from dateutil.easter import easter

from .validacao import EntradaInvalida, UFS

PAIXAO = "Sexta-feira da Paixão"


@dataclass(frozen=True)
class FeriadoMunicipal:
    """Feriado do cadastro do órgão; ``anual``: repete todo ano a partir do ano de ``data``."""

    data: date
    descricao: str
    anual: bool = True

    def em(self, ano: int) -> date | None:
        """A data deste feriado no ano, ou None se não ocorre nele."""
        if not self.anual:
            return self.data if self.data.year == ano else None
        if ano < self.data.year:
            return None
        try:
            return self.data.replace(year=ano)
        except ValueError:  # 29/02 em ano não bissexto
            return None

    def coincide_com(self, outro: "FeriadoMunicipal") -> bool:
        """Os dois caem no mesmo dia em algum ano."""
        if self.anual and outro.anual:
            return (self.data.month, self.data.day) == (outro.data.month, outro.data.day)
        if not self.anual:
            return outro.em(self.data.year) == self.data
        return self.em(outro.data.year) == outro.data


def _uf(uf: str) -> str:
    u = (uf or "").strip().upper()
    if u not in UFS:
        raise EntradaInvalida(f"UF inválida para o calendário: {uf!r}. Use a sigla, por exemplo AM ou BA.")
    return u


@lru_cache(maxsize=128)
def _oficiais(ano: int, uf: str) -> tuple[tuple[date, str], ...]:
    dias = dict(holidays.Brazil(subdiv=uf, years=ano, language="pt_BR"))
    paixao = easter(ano) - timedelta(days=2)
    dias.setdefault(paixao, PAIXAO)
    return tuple(sorted(dias.items()))


def feriados(ano: int, uf: str, municipais: Iterable[FeriadoMunicipal] = ()) -> dict[date, str]:
    """Feriados do ano na UF, com os municipais: {data: descrição}, em ordem de data."""
    dias = dict(_oficiais(ano, _uf(uf)))
    for f in municipais:
        d = f.em(ano)
        if d is None:
            continue
        if d in dias and f.descricao not in dias[d]:
            dias[d] = f"{dias[d]}; {f.descricao}"
        else:
            dias.setdefault(d, f.descricao)
    return dict(sorted(dias.items()))


def pontos_facultativos(ano: int, uf: str) -> dict[date, str]:
    """Pontos facultativos nacionais do pacote ``holidays`` (não contam como feriado)."""
    uf = _uf(uf)
    opcionais = holidays.Brazil(subdiv=uf, years=ano, language="pt_BR", categories=("optional",))
    return dict(sorted(opcionais.items()))


class _Calendario:
    """Feriados por ano, calculados uma vez por chamada de função."""

    def __init__(self, uf: str, municipais: Iterable[FeriadoMunicipal]):
        self.uf = _uf(uf)
        self.municipais = tuple(municipais)
        self._anos: dict[int, dict[date, str]] = {}

    def util(self, d: date) -> bool:
        if d.weekday() >= 5:
            return False
        if d.year not in self._anos:
            self._anos[d.year] = feriados(d.year, self.uf, self.municipais)
        return d not in self._anos[d.year]


def eh_dia_util(data: date, uf: str, municipais: Iterable[FeriadoMunicipal] = ()) -> bool:
    """Dia útil: de segunda a sexta e não feriado nacional, estadual ou municipal."""
    return _Calendario(uf, municipais).util(data)


def somar_dias_uteis(data: date, n: int, uf: str, municipais: Iterable[FeriadoMunicipal] = ()) -> date:
    """O n-ésimo dia útil depois de ``data`` (a própria data não conta); n negativo volta.

    Com n = 0 devolve a própria data.
    """
    cal = _Calendario(uf, municipais)
    passo = 1 if n >= 0 else -1
    d, faltam = data, abs(n)
    while faltam:
        d += timedelta(days=passo)
        if cal.util(d):
            faltam -= 1
    return d


def dias_uteis_entre(inicio: date, fim: date, uf: str, municipais: Iterable[FeriadoMunicipal] = ()) -> int:
    """Quantos dias úteis há de ``inicio`` a ``fim``, contando as duas datas."""
    if fim < inicio:
        raise EntradaInvalida("A data final é anterior à data inicial; confira o período.")
    cal = _Calendario(uf, municipais)
    return sum(1 for k in range((fim - inicio).days + 1) if cal.util(inicio + timedelta(days=k)))
