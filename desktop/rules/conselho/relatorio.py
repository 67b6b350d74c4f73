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
SEXOS = {"F": "Feminino", "M": "Masculino", "-": "Não informado"}


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
    sexos: tuple[str | None, ...] = ()
    grupos: tuple[str | None, ...] = ()  # grupo do SIPIA CT de cada violação (None: registro anterior à tabela)


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
    por_sexo: Counter = field(default_factory=Counter)
    por_grupo: Counter = field(default_factory=Counter)
    rotulos_grupos: dict = field(default_factory=dict)  # código → "Direito › grupo" (da tabela do SIPIA CT)

    def tabelas(self) -> list[tuple[str, list[tuple[str, int]]]]:
        """As tabelas do relatório, com rótulos legíveis, na ordem de impressão."""
        def rot(contagem, rotulos=None):
            return [((rotulos or {}).get(k, k), n) for k, n in sorted(contagem.items(), key=lambda x: (-x[1], x[0]))]
        meses = sorted(self.por_mes.items())
        return [
            ("Registros por tipo (SIPIA CT)", rot(self.por_tipo, TIPOS)),
            ("Registros por mês", [(f"{MESES[m - 1]}/{a}", n) for (a, m), n in meses]),
            ("Direitos violados (ECA, Título II)", rot(self.por_direito, DIREITOS)),
            ("Direitos violados por grupo (SIPIA CT)", rot(self.por_grupo, {**self.rotulos_grupos,
                                                                             "-": "Grupo não informado (registro anterior)"})),
            ("Agente violador (ECA, art. 98)", rot(self.por_agente, AGENTES)),
            ("Medidas aplicadas (ECA, arts. 101 e 129)",
             [(f"Art. {k.replace('-', ', ')} — {MEDIDAS[k]}", n) for k, n in
              sorted(self.por_medida.items(), key=lambda x: (-x[1], x[0]))]),
            ("Crianças e adolescentes por faixa etária", rot(self.por_faixa)),
            ("Crianças e adolescentes por sexo", rot(self.por_sexo, SEXOS)),
            ("Registros por bairro", rot(self.por_bairro)),
        ]

    def totais(self) -> dict[str, int | None]:
        """O total que cada tabela soma (o publicado no resumo), ou None se a tabela conta ocorrências."""
        return {"Registros por tipo (SIPIA CT)": self.registros, "Registros por mês": self.registros,
                "Registros por bairro": self.registros, "Crianças e adolescentes por faixa etária": self.criancas,
                "Crianças e adolescentes por sexo": self.criancas}


def agregar(registros, inicio: date, fim: date, rotulos_grupos: dict | None = None) -> Estatisticas:
    """Conta os registros recebidos de ``inicio`` a ``fim`` (inclusive)."""
    e = Estatisticas(inicio, fim, rotulos_grupos=dict(rotulos_grupos or {}))
    for r in registros:
        if not inicio <= r.recebido_em <= fim:
            continue
        e.registros += 1
        e.por_tipo[r.tipo] += 1
        e.por_bairro[r.bairro or "Não informado"] += 1
        e.por_mes[(r.recebido_em.year, r.recebido_em.month)] += 1
        for i, n in enumerate(r.nascimentos):
            e.criancas += 1
            e.por_faixa[faixa_etaria(n, r.recebido_em)] += 1
            e.por_sexo[(r.sexos[i] if i < len(r.sexos) else None) or "-"] += 1
        e.por_direito.update(r.direitos)
        e.por_grupo.update(g or "-" for g in r.grupos)
        e.por_agente.update(r.agentes)
        e.por_medida.update(r.medidas)
    return e


# -- publicação sem identificar ninguém (Lei 320/2023, art. 36; ECA, arts. 17 e 143) ----------------
PRIMARIA, COMPLEMENTAR = "primaria", "complementar"


@dataclass(frozen=True)
class Celula:
    rotulo: str
    valor: int | None  # None: suprimida
    marca: str = ""  # '' | PRIMARIA (mostrada "<k") | COMPLEMENTAR (mostrada "*")

    def texto(self, limiar: int) -> str:
        return str(self.valor) if self.marca == "" else (f"< {limiar}" if self.marca == PRIMARIA else "*")


@dataclass(frozen=True)
class TabelaPublicada:
    nome: str
    celulas: tuple[Celula, ...]
    omitida: bool = False  # pequena demais: nada dela se publica (nem as categorias)


def _intervalo_fechado(suprimidas: list[tuple[int, str]], soma: int, limiar: int) -> bool:
    """Alguma célula primária fica determinada pela soma conhecida? Cada primária vale de 1 a limiar-1;
    cada complementar, limiar ou mais (quem lê sabe a marca). Fechado = o menor e o maior valor possíveis
    coincidem."""
    inf = soma + 1
    lims = [(1, limiar - 1) if m == PRIMARIA else (limiar, inf) for _, m in suprimidas]
    for i, (_v, m) in enumerate(suprimidas):
        if m != PRIMARIA:
            continue
        outros_max = sum(b for j, (_a, b) in enumerate(lims) if j != i)
        outros_min = sum(a for j, (a, _b) in enumerate(lims) if j != i)
        lo = max(1, soma - outros_max)
        hi = min(limiar - 1, soma - outros_min)
        if hi <= lo:
            return True
    return False


def suprimir(nome: str, linhas: list[tuple[str, int]], limiar: int, total: int | None) -> TabelaPublicada:
    """Supressão de células pequenas: contagem de 1 a ``limiar``-1 vira "< limiar" (primária). Se a tabela
    soma um total publicado, suprime-se mais células (as menores, "*", complementares) até que nenhuma
    primária possa ser deduzida do total; não havendo como, a tabela inteira é omitida."""
    if limiar <= 1:
        return TabelaPublicada(nome, tuple(Celula(r, n) for r, n in linhas))
    marcas = {r: (PRIMARIA if 0 < n < limiar else "") for r, n in linhas}
    if total is not None and any(marcas.values()):
        if total < limiar:
            return TabelaPublicada(nome, (), omitida=True)
        valores = dict(linhas)
        while True:
            sup = [(valores[r], m) for r, m in marcas.items() if m]
            soma = sum(v for v, _ in sup)  # = total menos as visíveis: quem lê sabe
            if not _intervalo_fechado(sup, soma, limiar):
                break
            livres = sorted((n, r) for r, n in linhas if not marcas[r] and n > 0)
            if not livres:
                return TabelaPublicada(nome, (), omitida=True)
            _contagem, menor_livre = livres[0]  # a menor célula ainda visível vai junto
            marcas[menor_livre] = COMPLEMENTAR
    return TabelaPublicada(nome, tuple(Celula(r, None if marcas[r] else n, marcas[r]) for r, n in linhas))


def publicar(e: Estatisticas, limiar: int) -> list[TabelaPublicada]:
    """As tabelas do relatório como podem ser publicadas (só marginais: nenhum cruzamento de bairro, data,
    idade e sexo; células pequenas suprimidas)."""
    totais = e.totais()
    return [suprimir(nome, linhas, limiar, totais.get(nome)) for nome, linhas in e.tabelas()]


def total_publicado(n: int, limiar: int) -> str:
    return f"< {limiar}" if 0 < n < limiar else str(n)
