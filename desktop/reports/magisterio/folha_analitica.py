"""Folha analítica do Magistério: cada servidor com as suas rubricas, subtotais por escola e totais gerais.

Os servidores saem agrupados pela lotação (escola), em ordem alfabética de escola e de nome. Cada
servidor é um bloco: a identificação (matrícula, nome, cargo, nível e classe, jornada, escola) e as
rubricas em duas colunas, proventos à esquerda e descontos à direita, com a referência (percentual
ou quantidade) e o valor; depois os totais do servidor. Cada escola fecha com o total de cada
rubrica; no fim, o resumo da folha por rubrica e por escola.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Iterable

from reportlab.platypus import Flowable, PageBreak, Spacer

from desktop.reports import assinaturas
from desktop.reports import fontes
from desktop.reports.fontes import NEGRITO, NORMAL
from desktop.reports.layout import (COR_CABECALHO_TABELA, COR_LINHA, COR_SECUNDARIA, LARGURA_UTIL,
                                    Cabecalho, Rodape, gerar_pdf, paragrafo)
from desktop.rules.folha.tipos import Contracheque, Linha

from desktop.reports.folha import (chave_rubrica, competencia_extenso, decimal_curto, descricao_neutra,
                                   descricao_rubrica, dinheiro, eh_provento, numero, ordenar_linhas,
                                   percentual_legivel)

from .dados import DadosServidorContracheque, ItemFolha, rotulo_nivel
from desktop.reports.grade import COR_FILETE, Campos, Coluna, Escrita, Faixa, Grade, Titulo, linhas_de

TITULO = "Folha analítica"
SEM_LOTACAO = "Sem lotação informada"
ZERO = Decimal("0.00")

_CORPO = 7.0
_PASSO = 9.0
_METADE = (LARGURA_UTIL - 12) / 2
# colunas de cada metade do bloco: código, descrição, referência, valor
_COLS = ((0, 20), (20, _METADE - 110), (_METADE - 90, 38), (_METADE - 52, 52))


@dataclass
class TotalRubrica:
    codigo: str
    descricao: str
    provento: bool
    grupo: str
    servidores: int = 0
    valor: Decimal = ZERO


@dataclass
class TotalEscola:
    escola: str
    servidores: int = 0
    proventos: Decimal = ZERO
    descontos: Decimal = ZERO
    rubricas: dict[tuple, TotalRubrica] = field(default_factory=dict)

    @property
    def liquido(self) -> Decimal:
        return self.proventos - self.descontos


@dataclass
class ResumoFolha:
    """Totais da folha: por rubrica, por escola e gerais (conferem com a soma dos contracheques)."""

    geral: TotalEscola
    escolas: dict[str, TotalEscola]

    @property
    def rubricas(self) -> list[TotalRubrica]:
        return _ordenadas(self.geral.rubricas)


def _ordenadas(rubricas: dict[tuple, TotalRubrica]) -> list[TotalRubrica]:
    return sorted(rubricas.values(), key=lambda r: (r.grupo == "13", r.codigo, not r.provento))


def escola_de(servidor: DadosServidorContracheque) -> str:
    return servidor.lotacao.strip() or SEM_LOTACAO


def _somar(total: TotalEscola, cc: Contracheque) -> None:
    total.servidores += 1
    total.proventos += cc.proventos
    total.descontos += cc.descontos
    vistas = set()
    for linha in cc.linhas:
        chave = chave_rubrica(linha)
        r = total.rubricas.get(chave)
        if r is None:
            r = total.rubricas[chave] = TotalRubrica(linha.codigo, descricao_neutra(linha),
                                                     eh_provento(linha), linha.grupo)
        r.valor += linha.valor
        if chave not in vistas:
            r.servidores += 1
            vistas.add(chave)


def ordenar(itens: Iterable[ItemFolha]) -> list[ItemFolha]:
    """Por escola e, dentro dela, por nome (sem distinguir maiúsculas)."""
    return sorted((ItemFolha(*i) for i in itens),
                  key=lambda i: (escola_de(i.servidor).casefold(), i.servidor.nome.casefold(),
                                 i.servidor.matricula))


def resumir(itens: Iterable[ItemFolha]) -> ResumoFolha:
    """Soma a folha por rubrica (código, natureza e grupo: o 13º à parte), por escola e no geral."""
    geral = TotalEscola("Total geral")
    escolas: dict[str, TotalEscola] = {}
    for servidor, cc in itens:
        nome = escola_de(servidor)
        _somar(escolas.setdefault(nome, TotalEscola(nome)), cc)
        _somar(geral, cc)
    return ResumoFolha(geral, escolas)


# -- blocos ------------------------------------------------------------------------------------
def _celulas_linha(l: Linha) -> tuple[str, str, str, str]:
    if l.percentual is not None:
        ref = f"{percentual_legivel(l.percentual)}%"
    else:
        ref = decimal_curto(l.quantidade)
    return (l.codigo, descricao_rubrica(l), ref, numero(l.valor))


def _celulas_total(r: TotalRubrica) -> tuple[str, str, str, str]:
    return (r.codigo, r.descricao, str(r.servidores), numero(r.valor))


class _Bloco(Flowable):
    """Faixa de identificação, rubricas em duas colunas (proventos | descontos) e totais."""

    def __init__(self, faixa: list[tuple[float, float, str]], proventos, descontos,
                 totais: tuple[Decimal, Decimal], ref_titulo: str = "Ref.", destaque: bool = False):
        super().__init__()
        fontes.registrar()
        self.faixa = [(x, linhas_de(t, w - 4, NEGRITO if n == 1 else NORMAL, _CORPO, False)[0])
                      for n, (x, w, t) in enumerate(faixa)]
        self.lados = [self._preparar(proventos), self._preparar(descontos)]
        self.totais = totais
        self.ref_titulo = ref_titulo
        self.destaque = destaque  # total da escola: filete grosso acima da faixa
        self.linhas = max(1, *(len(l) for l in self.lados))

    @staticmethod
    def _preparar(linhas):
        return [tuple(linhas_de(t, w - 4, NORMAL, _CORPO, False)[0] for t, (_, w) in zip(celulas, _COLS))
                for celulas in linhas]

    def wrap(self, *_):
        self.width = LARGURA_UTIL
        self.height = 12 + 10 + self.linhas * _PASSO + 14 + 6
        return self.width, self.height

    def draw(self):
        c = self.canv
        e = Escrita(c)
        topo = self.height
        c.setFillColor(COR_CABECALHO_TABELA)
        c.rect(0, topo - 12, LARGURA_UTIL, 12, stroke=0, fill=1)
        if self.destaque:
            c.setStrokeColor(COR_LINHA)
            c.setLineWidth(1.4)
            c.line(0, topo, LARGURA_UTIL, topo)
        for n, (x, texto) in enumerate(self.faixa):
            e.fonte(NEGRITO if n == 1 else NORMAL, _CORPO)
            e.esquerda(x + 2, topo - 9, texto)
        y = topo - 12 - 8
        for lado, titulo in zip((0, 1), ("Proventos", "Descontos")):
            x0 = lado * (_METADE + 12)
            e.fonte(NORMAL, 6, COR_SECUNDARIA)
            e.esquerda(x0 + 2, y, "Cód.")
            e.esquerda(x0 + _COLS[1][0] + 2, y, titulo)
            e.direita(x0 + _COLS[2][0] + _COLS[2][1] - 2, y, self.ref_titulo)
            e.direita(x0 + _METADE - 2, y, "Valor")
            e.fonte(NORMAL, _CORPO)
            yy = y - _PASSO
            for cod, desc, ref, valor in self.lados[lado]:
                e.esquerda(x0 + 2, yy, cod)
                e.esquerda(x0 + _COLS[1][0] + 2, yy, desc)
                e.direita(x0 + _COLS[2][0] + _COLS[2][1] - 2, yy, ref)
                e.direita(x0 + _METADE - 2, yy, valor)
                yy -= _PASSO
        base = topo - 12 - 10 - self.linhas * _PASSO
        c.setStrokeColor(COR_FILETE)
        c.setLineWidth(0.4)
        c.line(_METADE + 6, topo - 14, _METADE + 6, base)
        c.line(0, base - 2, LARGURA_UTIL, base - 2)
        proventos, descontos = self.totais
        yt = base - 11
        e.fonte(NEGRITO, _CORPO + 0.5, COR_LINHA)
        e.esquerda(2, yt, f"Líquido {dinheiro(proventos - descontos)}")
        e.fonte(NEGRITO, _CORPO)
        e.direita(_METADE - 2, yt, f"Proventos {dinheiro(proventos)}")
        e.direita(_METADE + 12 + _METADE - 2, yt, f"Descontos {dinheiro(descontos)}")
        c.setStrokeColor(COR_LINHA)
        c.setLineWidth(0.6)
        c.line(0, 6 - 0.5, LARGURA_UTIL, 6 - 0.5)
        e.fim()


def _bloco_servidor(s: DadosServidorContracheque, cc: Contracheque) -> _Bloco:
    nivel = rotulo_nivel(s.nivel).replace("Nível ", "N. ") if str(s.nivel) else ""
    situacao = " · ".join(p for p in (s.cargo_rotulo, f"{nivel} {s.classe}".strip(),
                                      f"{s.jornada} h" if s.jornada else "") if p)
    faixa = [(0, 44, s.matricula), (44, 168, s.nome), (212, 146, situacao), (358, LARGURA_UTIL - 358, escola_de(s))]
    linhas = ordenar_linhas(cc.linhas)
    return _Bloco(faixa, [_celulas_linha(l) for l in linhas if eh_provento(l)],
                  [_celulas_linha(l) for l in linhas if not eh_provento(l)], (cc.proventos, cc.descontos))


def _bloco_escola(total: TotalEscola) -> _Bloco:
    rubricas = _ordenadas(total.rubricas)
    servidores = f"{total.servidores} servidor" + ("es" if total.servidores != 1 else "")
    faixa = [(0, 44, "Total"), (44, 314, f"{total.escola}"), (358, LARGURA_UTIL - 358, servidores)]
    return _Bloco(faixa, [_celulas_total(r) for r in rubricas if r.provento],
                  [_celulas_total(r) for r in rubricas if not r.provento],
                  (total.proventos, total.descontos), ref_titulo="Serv.", destaque=True)


def _grade_rubricas(resumo: ResumoFolha) -> Grade:
    g = Grade((Coluna("Cód.", 30, "C"), Coluna("Rubrica", 213), Coluna("Natureza", 70),
               Coluna("Servidores", 60, "D"), Coluna("Total (R$)", 120, "D")),
              continuacao="Resumo por rubrica — continuação")
    for r in resumo.rubricas:
        g.dado([r.codigo, r.descricao, "Provento" if r.provento else "Desconto", str(r.servidores),
                numero(r.valor)])
    g.total(["", "Total de proventos", "", "", numero(resumo.geral.proventos)])
    g.total(["", "Total de descontos", "", "", numero(resumo.geral.descontos)])
    g.total(["", "Líquido da folha", "", str(resumo.geral.servidores), numero(resumo.geral.liquido)])
    return g


def _grade_escolas(resumo: ResumoFolha) -> Grade:
    g = Grade((Coluna("Escola / lotação", 193, quebrar=True), Coluna("Servidores", 55, "D"),
               Coluna("Proventos (R$)", 82, "D"), Coluna("Descontos (R$)", 82, "D"),
               Coluna("Líquido (R$)", 81, "D")), continuacao="Resumo por escola — continuação")
    for nome in sorted(resumo.escolas, key=str.casefold):
        t = resumo.escolas[nome]
        g.dado([nome, str(t.servidores), numero(t.proventos), numero(t.descontos), numero(t.liquido)])
    t = resumo.geral
    g.total(["Total geral", str(t.servidores), numero(t.proventos), numero(t.descontos), numero(t.liquido)])
    return g


def gerar(cabecalho: Cabecalho, rodape: Rodape, itens: Iterable[ItemFolha],
          competencia: date | None = None) -> bytes:
    """A folha analítica da competência (a de ``competencia`` ou a dos contracheques)."""
    lista = ordenar(itens)
    if not lista:
        raise ValueError("A folha analítica está vazia: não há servidores na folha.")
    competencia = competencia or lista[0].contracheque.competencia
    resumo = resumir(lista)
    g = resumo.geral
    titulo = f"{TITULO} — competência {competencia_extenso(competencia)}"
    fluxo: list[Flowable] = [
        Titulo(titulo, "Magistério Público Municipal — Lei nº 1.613/2004 · servidores por escola, "
                       "com o total de cada rubrica"),
        Campos([[("Servidores", str(g.servidores), 0.16), ("Escolas", str(len(resumo.escolas)), 0.14),
                 ("Total de proventos", dinheiro(g.proventos), 0.24),
                 ("Total de descontos", dinheiro(g.descontos), 0.23),
                 ("Líquido da folha", dinheiro(g.liquido), 0.23)]]),
        Spacer(1, 10),
    ]
    atual = None
    for servidor, cc in lista:
        escola = escola_de(servidor)
        if escola != atual:
            if atual is not None:
                fluxo.append(_bloco_escola(resumo.escolas[atual]))
                fluxo.append(Spacer(1, 8))
            fluxo.append(Faixa(escola))
            atual = escola
        fluxo.append(_bloco_servidor(servidor, cc))
    fluxo.append(_bloco_escola(resumo.escolas[atual]))
    fluxo += [PageBreak(), Titulo("Resumo da folha", f"Competência {competencia_extenso(competencia)}"),
              _grade_rubricas(resumo), Spacer(1, 14), _grade_escolas(resumo), *assinaturas.bloco(cabecalho)]
    if rodape.linha_diario:  # âncora do diário de auditoria, impressa (docs/seguranca.md)
        fluxo += [Spacer(1, 10), paragrafo(f"{rodape.linha_diario} (âncora do diário de auditoria "
                                           "na emissão, para a verificação de integridade)", "pequeno")]
    return gerar_pdf(cabecalho, rodape, titulo, fluxo)
