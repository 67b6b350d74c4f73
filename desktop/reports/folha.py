"""A folha de pagamento no papel, comum ao Magistério e ao Conselho Tutelar: a formatação (R$, %, competência),
os agregados de um contracheque, a grade das rubricas e o quadro de bases e totais.

Os contracheques dos dois módulos (``reports.magisterio.contracheque``, ``reports.conselho.contracheque``) e a
folha analítica montam as suas páginas com estas peças; a identificação (servidor ou conselheiro) é de cada um.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from reportlab.platypus import Flowable

from desktop.reports import fontes
from desktop.reports.fontes import NEGRITO, NORMAL
from desktop.reports.grade import Coluna, Escrita, Grade
from desktop.reports.layout import COR_CABECALHO_TABELA, COR_LINHA, COR_SECUNDARIA, LARGURA_UTIL, caber
from desktop.rules import formato
from desktop.rules.dinheiro import centavos, reais
from desktop.rules.folha.tipos import Contracheque, Linha, Natureza


# -- formatação ------------------------------------------------------------------------------
def competencia_extenso(competencia: date) -> str:
    """"março de 2026" (nomes dos meses do pt_BR, pelo babel)."""
    return formato.competencia_extenso(competencia)


def numero(valor: Decimal) -> str:
    """Dinheiro sem o símbolo, para colunas: 1.234,56."""
    return formato.valor_em_reais(valor)


def dinheiro(valor: Decimal) -> str:
    """Dinheiro com o símbolo, para totais: R$ 1.234,56."""
    return reais(valor)


def decimal_curto(valor: Decimal | None) -> str:
    """Percentual ou quantidade com vírgula e sem zeros inúteis: 15, 7,5, 0,25."""
    if valor is None:
        return ""
    texto = format(valor.normalize(), "f")
    if "." in texto:
        texto = texto.rstrip("0").rstrip(".")
    return texto.replace(".", ",")


def decimal_csv(valor: Decimal | None, casas: int | None = None) -> str:
    """Número para planilha pt-BR: vírgula decimal, sem separador de milhar (1234,56)."""
    if valor is None:
        return ""
    if casas == 2:
        return format(centavos(valor), "f").replace(".", ",")
    return decimal_curto(valor)


# -- agregados de um contracheque ------------------------------------------------------------
def eh_provento(linha: Linha) -> bool:
    return linha.natureza is Natureza.PROVENTO or linha.natureza == "P"


def chave_rubrica(linha: Linha) -> tuple[str, str, str]:
    """Identidade da rubrica na folha: (código, natureza, grupo); o 13º é somado à parte."""
    return (linha.codigo, "P" if eh_provento(linha) else "D", linha.grupo)


def descricao_neutra(linha: Linha) -> str:
    """A descrição da rubrica sem o que é de cada servidor ("Vencimento — Nível 3, classe B" →
    "Vencimento"): é a que nomeia a rubrica nos totais da folha."""
    base = linha.descricao.split(" — ")[0].strip() or linha.descricao
    if linha.grupo == "13" and "13" not in base:
        return f"{base} (13º)"
    return base


def percentual_legivel(valor: Decimal | None) -> str:
    """Percentual inteiro na coluna (até duas casas, arredondado): 63,16 em vez de 63,1578…"""
    if valor is None:
        return ""
    return decimal_curto(valor.quantize(Decimal("0.01")) if -valor.as_tuple().exponent > 2 else valor)


def descricao_rubrica(linha: Linha) -> str:
    """Descrição; as linhas do 13º que não o dizem ganham " (13º)"."""
    if linha.grupo == "13" and "13" not in linha.descricao:
        return f"{linha.descricao} (13º)"
    return linha.descricao


def ordenar_linhas(linhas: list[Linha]) -> list[Linha]:
    """Mensal antes do 13º; dentro de cada grupo, pelo código da rubrica (estável)."""
    return sorted(linhas, key=lambda l: (l.grupo == "13", l.codigo))


def bases_de_calculo(contracheque: Contracheque) -> list[tuple[str, Decimal]]:
    """As bases da previdência e do IRRF: a ``base`` de cada linha 200-299 que a traz.

    Pela convenção das rubricas, 200-299 são previdência e IRRF; a base de cada uma é a que a regra
    usou (salário de contribuição, base tributável), não um recálculo do relatório.
    """
    bases = []
    for linha in ordenar_linhas(contracheque.linhas):
        if linha.codigo[:1] == "2" and linha.base is not None:
            bases.append((f"Base — {descricao_rubrica(linha)}", linha.base))
    return bases


# -- grade das rubricas e quadro de bases e totais --------------------------------------------
COLUNAS_RUBRICAS = (
    Coluna("Cód.", 22, "C"),
    Coluna("Descrição", 114, quebrar=True),
    Coluna("Fundamento legal", 123, tamanho=6.3, quebrar=True, cor=COR_SECUNDARIA),
    Coluna("Base", 52, "D"),
    Coluna("%", 34, "D"),
    Coluna("Qtd.", 26, "D"),
    Coluna("Proventos", 61, "D"),
    Coluna("Descontos", 61, "D"),
)


def grade_de_rubricas(cc: Contracheque, continuacao: str) -> Grade:
    """As rubricas do contracheque (código, descrição, fundamento, base, %, qtd., proventos, descontos), o 13º
    num grupo à parte, e os totais; ``continuacao`` encabeça a grade quando ela passa para outra página."""
    grade = Grade(COLUNAS_RUBRICAS, continuacao=continuacao)
    linhas = ordenar_linhas(cc.linhas)
    tem_13 = any(l.grupo == "13" for l in linhas)
    grupo_atual = None
    for l in linhas:
        if tem_13 and l.grupo != grupo_atual:
            grupo_atual = l.grupo
            grade.grupo("13º salário" if l.grupo == "13" else "Remuneração do mês")
        valor = numero(l.valor)
        provento = eh_provento(l)
        grade.dado([
            l.codigo, descricao_rubrica(l), l.fundamento,
            numero(l.base) if l.base is not None else "",
            percentual_legivel(l.percentual), decimal_curto(l.quantidade),
            valor if provento else "", "" if provento else valor,
        ])
    if not linhas:
        grade.dado(["", "Nenhuma rubrica nesta competência.", "", "", "", "", "", ""])
    grade.total(["", "Totais", "", "", "", "", numero(cc.proventos), numero(cc.descontos)])
    return grade


class Resumo(Flowable):
    """Bases de cálculo à esquerda; totais e líquido a receber à direita, num quadro."""

    _LINHA = 13.0

    def __init__(self, cc: Contracheque):
        super().__init__()
        fontes.registrar()
        self.bases = [(caber(r, 215, NORMAL, 7.5), dinheiro(v)) for r, v in bases_de_calculo(cc)]
        self.totais = [("Total de proventos", dinheiro(cc.proventos)),
                       ("Total de descontos", dinheiro(cc.descontos))]
        self.liquido = dinheiro(cc.liquido)

    def wrap(self, *_):
        self.width = LARGURA_UTIL
        self.height = max(len(self.bases) * self._LINHA + 14, 3 * self._LINHA + 10) + 6
        return self.width, self.height

    def draw(self):
        c = self.canv
        e = Escrita(c)
        topo = self.height - 6
        if self.bases:  # bases, à esquerda
            e.fonte(NEGRITO, 7.5, COR_LINHA)
            e.esquerda(0, topo - 8, "Bases de cálculo")
            y = topo - 8 - self._LINHA
            e.fonte(NORMAL, 7.5)
            for rotulo, valor in self.bases:
                e.esquerda(0, y, rotulo)
                e.direita(285, y, valor)
                y -= self._LINHA
        largura = 190  # totais, à direita, num quadro
        x = LARGURA_UTIL - largura
        altura = 3 * self._LINHA + 10
        base = topo - altura
        c.setFillColor(COR_CABECALHO_TABELA)
        c.rect(x, base, largura, self._LINHA + 5, stroke=0, fill=1)
        c.setStrokeColor(COR_LINHA)
        c.setLineWidth(0.8)
        c.rect(x, base, largura, altura, stroke=1, fill=0)
        c.setLineWidth(1.2)
        c.line(x, base + self._LINHA + 5, x + largura, base + self._LINHA + 5)
        y = topo - 10
        e.fonte(NORMAL, 8)
        for rotulo, valor in self.totais:
            e.esquerda(x + 6, y, rotulo)
            e.direita(x + largura - 6, y, valor)
            y -= self._LINHA
        e.fonte(NEGRITO, 10)
        e.esquerda(x + 6, base + 5.5, "Líquido a receber")
        e.direita(x + largura - 6, base + 5.5, self.liquido)
        e.fim()
