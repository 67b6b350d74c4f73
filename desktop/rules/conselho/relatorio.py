"""Relatório trimestral do Conselho Tutelar: estatísticas anônimas (Lei 320/2023, arts. 23 §1º e 36).

Só contagens: por tipo de registro, direito violado, agente violador, medida aplicada, faixa etária,
bairro e mês. Nenhum nome, data de nascimento ou relato entra (art. 36: preservada a identidade da
criança ou do adolescente). Cada criança conta uma vez por registro; direitos e medidas contam cada
ocorrência.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from desktop.rules.folha.dias import ultimo_dia
from desktop.rules import formato
from desktop.rules.validacao import EntradaInvalida

from .atendimentos import AGENTES, DIREITOS, MEDIDAS, TIPOS, faixa_etaria

MESES = formato.MESES


def trimestre(ano: int, numero: int) -> tuple[date, date]:
    """Primeiro e último dia do trimestre (1 a 4)."""
    if numero not in (1, 2, 3, 4):
        raise EntradaInvalida("O trimestre deve ser 1, 2, 3 ou 4.")
    inicio = date(ano, 3 * numero - 2, 1)
    return inicio, ultimo_dia(date(ano, 3 * numero, 1))


@dataclass(frozen=True)
class Registro:
    """O que o relatório lê de um atendimento — já sem identidade."""

    recebido_em: date
    tipo: str
    bairro: str
    nascimentos: tuple[date | None, ...]
    direitos: tuple[str, ...]
    agentes: tuple[str, ...]
    medidas: tuple[str, ...]


@dataclass
class Estatisticas:
    inicio: date
    fim: date
    registros: int = 0
    criancas: int = 0
    por_tipo: Counter = field(default_factory=Counter)
    por_direito: Counter = field(default_factory=Counter)
    por_agente: Counter = field(default_factory=Counter)
    por_medida: Counter = field(default_factory=Counter)
    por_faixa: Counter = field(default_factory=Counter)
    por_bairro: Counter = field(default_factory=Counter)
    por_mes: Counter = field(default_factory=Counter)

    def tabelas(self) -> list[tuple[str, list[tuple[str, int]]]]:
        """As tabelas do relatório, com rótulos legíveis, na ordem de impressão."""
        def rot(contagem, rotulos=None):
            return [((rotulos or {}).get(k, k), n) for k, n in sorted(contagem.items(), key=lambda x: (-x[1], x[0]))]
        meses = sorted(self.por_mes.items())
        return [
            ("Registros por tipo (SIPIA CT)", rot(self.por_tipo, TIPOS)),
            ("Registros por mês", [(f"{MESES[m - 1]}/{a}", n) for (a, m), n in meses]),
            ("Direitos violados (ECA, Título II)", rot(self.por_direito, DIREITOS)),
            ("Agente violador (ECA, art. 98)", rot(self.por_agente, AGENTES)),
            ("Medidas aplicadas (ECA, arts. 101 e 129)",
             [(f"Art. {k.replace('-', ', ')} — {MEDIDAS[k]}", n) for k, n in
              sorted(self.por_medida.items(), key=lambda x: (-x[1], x[0]))]),
            ("Crianças e adolescentes por faixa etária", rot(self.por_faixa)),
            ("Registros por bairro", rot(self.por_bairro)),
        ]


def agregar(registros, inicio: date, fim: date) -> Estatisticas:
    """Conta os registros recebidos de ``inicio`` a ``fim`` (inclusive)."""
    e = Estatisticas(inicio, fim)
    for r in registros:
        if not inicio <= r.recebido_em <= fim:
            continue
        e.registros += 1
        e.por_tipo[r.tipo] += 1
        e.por_bairro[r.bairro or "Não informado"] += 1
        e.por_mes[(r.recebido_em.year, r.recebido_em.month)] += 1
        for n in r.nascimentos:
            e.criancas += 1
            e.por_faixa[faixa_etaria(n, r.recebido_em)] += 1
        e.por_direito.update(r.direitos)
        e.por_agente.update(r.agentes)
        e.por_medida.update(r.medidas)
    return e
