"""Contagem do tempo de efetivo exercício no magistério (Lei 1.613/2004, arts. 16, 21, 22 §3º e 53).

Tempo em dias, contando o dia da admissão e o dia consultado, até o desligamento; menos os dias
de afastamento que não contam como exercício (``Afastamento.conta_exercicio`` = False) e, se a
configuração mandar, os dias inteiros de falta injustificada (sem contar duas vezes um dia);
mais as averbações (art. 53), cada uma a partir da data do ato de averbação (sem data: desde a
admissão). ``alcanca(n)`` é o primeiro dia em que o tempo chega a ``n`` dias.
"""
from __future__ import annotations

from datetime import date, timedelta

from .configuracao import ConfiguracaoMagisterio
from .tipos import FichaFuncional

UM_DIA = timedelta(days=1)
SEM_FIM = date.max - timedelta(days=1)


def somar_anos(d: date, anos: int) -> date:
    """A mesma data ``anos`` depois; 29/02 num ano não bissexto vira 01/03."""
    try:
        return d.replace(year=d.year + anos)
    except ValueError:
        return date(d.year + anos, 3, 1)


class ContagemTempo:
    """Tempo de efetivo exercício de uma ficha, calculado por intervalos (rápido para qualquer data)."""

    def __init__(self, ficha: FichaFuncional, config: ConfiguracaoMagisterio):
        self.inicio = ficha.admissao
        self.fim = ficha.desligamento or SEM_FIM
        dias = []
        for a in ficha.afastamentos:
            if not a.conta_exercicio:
                dias.append((max(a.inicio, self.inicio), min(a.fim or SEM_FIM, self.fim)))
        if config.faltas_injustificadas_descontam_tempo:
            dias.extend((f.data, f.data) for f in ficha.faltas
                        if f.horas is None and not f.justificada and self.inicio <= f.data <= self.fim)
        self.descontos = self._unir([d for d in dias if d[0] <= d[1]])
        self.averbacoes = sorted((max(a.data_averbacao or self.inicio, self.inicio), a.dias)
                                 for a in ficha.averbacoes)

    @staticmethod
    def _unir(intervalos: list[tuple[date, date]]) -> list[tuple[date, date]]:
        unidos: list[list[date]] = []
        for a, b in sorted(intervalos):
            if unidos and a <= unidos[-1][1] + UM_DIA:
                unidos[-1][1] = max(unidos[-1][1], b)
            else:
                unidos.append([a, b])
        return [(a, b) for a, b in unidos]

    def proprios(self, dia: date) -> int:
        """Dias de exercício no cargo, da admissão até ``dia`` (inclusive), sem averbações."""
        fim = min(dia, self.fim)
        if fim < self.inicio:
            return 0
        total = (fim - self.inicio).days + 1
        for a, b in self.descontos:
            if a > fim:
                break
            total -= (min(b, fim) - a).days + 1
        return total

    def averbados(self, dia: date) -> int:
        """Dias averbados (art. 53) cujo ato é de ``dia`` ou antes."""
        return sum(n for d, n in self.averbacoes if d <= dia)

    def dias(self, dia: date) -> int:
        """Tempo de efetivo exercício até ``dia``: próprios + averbados; 0 antes da admissão."""
        if dia < self.inicio:
            return 0
        return self.proprios(dia) + self.averbados(dia)

    def _proprios_alcanca(self, n: int) -> date | None:
        """Primeiro dia com ``n`` dias próprios; None se nunca (desligamento ou afastamento sem fim)."""
        if n <= 0:
            return self.inicio
        contados, cursor = 0, self.inicio
        for a, b in self.descontos:
            livres = (a - cursor).days
            if contados + livres >= n:
                break
            contados += livres
            if b >= SEM_FIM:
                return None
            cursor = b + UM_DIA
        try:
            dia = cursor + timedelta(days=n - contados - 1)
        except OverflowError:
            return None
        return dia if dia <= self.fim else None

    def alcanca(self, n: int) -> date | None:
        """Primeiro dia em que o tempo (próprio + averbado) chega a ``n`` dias; None se não chega."""
        marcos = [self.inicio] + sorted({d for d, _ in self.averbacoes if d > self.inicio})
        for i, inicio in enumerate(marcos):
            dia = self._proprios_alcanca(n - self.averbados(inicio))
            if dia is None:
                continue
            dia = max(dia, inicio)
            if dia > self.fim:
                return None
            if i + 1 == len(marcos) or dia < marcos[i + 1]:
                return dia
        return None
