"""Relatório trimestral do Conselho Tutelar (Lei 320/2023, art. 23 §1º): tabelas e gráficos, sem identidade.

Recebe só as contagens anônimas (``rules.conselho.relatorio.Estatisticas``): nenhum nome, data de
nascimento ou relato (art. 36). Gráficos de barras desenhados pelo reportlab (``reportlab.graphics``).
Também o CSV por registro, sem nomes, para a digitação posterior no SIPIA.
"""
from __future__ import annotations

import csv
import io

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop.reports import assinaturas
from desktop.reports import fontes
from desktop.reports.fontes import NORMAL
from desktop.reports.layout import (COR_LINHA, LARGURA_UTIL, Cabecalho, Rodape, caber, gerar_pdf, paragrafo,
                                    quadro, tabela, titulo)
from desktop.rules import csv_seguro, formato
from desktop.rules.conselho.relatorio import Estatisticas, publicar, total_publicado

TITULO = "Relatório trimestral do Conselho Tutelar"
CAMPOS_CSV = ("numero", "ano", "data", "tipo", "bairro", "faixa_etaria", "sexo", "direito", "direito_especifico",
              "agente", "medidas", "plantao", "situacao")


def grafico_barras(titulo_grafico: str, dados: list[tuple[str, int]], *, horizontal: bool = True,
                   maximo_itens: int = 10) -> Drawing:
    """Um gráfico de barras (as ``maximo_itens`` maiores), com o título em cima se houver."""
    fontes.registrar()
    dados = dados[:maximo_itens] or [("Sem registros", 0)]
    altura = 40 + 16 * len(dados) if horizontal else 170
    d = Drawing(LARGURA_UTIL, altura)
    if titulo_grafico:
        d.add(String(0, altura - 12, titulo_grafico, fontName=NORMAL, fontSize=9, fillColor=COR_LINHA))
    g = HorizontalBarChart() if horizontal else VerticalBarChart()
    if horizontal:
        g.x, g.y, g.width, g.height = 170, 10, LARGURA_UTIL - 200, altura - 30
        g.data = [[n for _, n in reversed(dados)]]
        g.categoryAxis.categoryNames = [caber(r, 160, NORMAL, 7) for r, _ in reversed(dados)]
    else:
        g.x, g.y, g.width, g.height = 40, 30, LARGURA_UTIL - 60, altura - 50
        g.data = [[n for _, n in dados]]
        g.categoryAxis.categoryNames = [r for r, _ in dados]
    g.bars[0].fillColor = COR_LINHA
    g.valueAxis.valueMin = 0
    g.valueAxis.labels.fontName = NORMAL
    g.valueAxis.labels.fontSize = 7
    g.categoryAxis.labels.fontName = NORMAL
    g.categoryAxis.labels.fontSize = 7
    g.barLabelFormat = "%d"
    g.barLabels.fontName = NORMAL
    g.barLabels.fontSize = 6.5
    g.barLabels.nudge = 7
    d.add(g)
    return d


def corpo(e: Estatisticas, observacoes: str = "", limiar: int = 5) -> list[Flowable]:
    """O relatório com as contagens pequenas suprimidas (``limiar``: parâmetro ``conselho_relatorio``)."""
    fluxo: list[Flowable] = [*titulo(TITULO, f"Período de {formato.data(e.inicio)} a {formato.data(e.fim)} — "
                                              "Lei 320/2023, art. 23 §1º")]
    fluxo.append(quadro([paragrafo(
        f"Registros no período: {total_publicado(e.registros, limiar)}. Crianças e adolescentes envolvidos: "
        f"{total_publicado(e.criancas, limiar)}. Dados anônimos: este relatório não identifica nenhuma criança ou "
        "adolescente (Lei 320/2023, art. 36; ECA, arts. 17 e 143)"
        + (f": contagens de 1 a {limiar - 1} aparecem como \"< {limiar}\"; \"*\" é uma contagem omitida para que os "
           "totais não revelem outra; tabela pequena demais é omitida inteira; nenhuma tabela cruza bairro, data, "
           "idade e sexo." if limiar > 1 else "."),
        "pequeno")], espaco=5))
    graficos = {"Registros por mês": False, "Direitos violados (ECA, Título II)": True,
                "Direitos violados por grupo (SIPIA CT)": True,
                "Medidas aplicadas (ECA, arts. 101 e 129)": True, "Crianças e adolescentes por faixa etária": True,
                "Registros por bairro": True}
    for t in publicar(e, limiar):
        bloco: list[Flowable] = [paragrafo(t.nome, "secao")]
        if t.omitida:
            bloco.append(paragrafo(f"Tabela omitida: com contagens abaixo de {limiar}, publicá-la permitiria "
                                   "identificar crianças ou adolescentes (Lei 320/2023, art. 36).", "pequeno"))
            fluxo += [KeepTogether(bloco), Spacer(1, 6)]
            continue
        visiveis = [(c.rotulo, c.valor) for c in t.celulas if c.valor is not None]
        if t.nome in graficos and visiveis:  # o gráfico só mostra o que a tabela mostra
            bloco.append(grafico_barras("", [(r.split(" — ")[0] if "Art." in r else r, n) for r, n in visiveis],
                                        horizontal=graficos[t.nome]))
        bloco.append(tabela(["Categoria", "Quantidade"], [[c.rotulo, c.texto(limiar)] for c in t.celulas]
                            or [["Sem registros", "0"]],
                            [LARGURA_UTIL * 0.82, LARGURA_UTIL * 0.18], alinhar_direita=(1,)))
        fluxo += [KeepTogether(bloco), Spacer(1, 6)]
    if observacoes.strip():
        fluxo += [paragrafo("Demandas e deficiências na implementação das políticas públicas", "secao"),
                  paragrafo(observacoes.strip())]
    return fluxo


def gerar(cabecalho: Cabecalho, rodape: Rodape, e: Estatisticas, observacoes: str = "", limiar: int = 5) -> bytes:
    itens = corpo(e, observacoes, limiar) + assinaturas.bloco(cabecalho)
    if rodape.linha_diario:  # âncora do diário de auditoria, impressa (docs/seguranca.md)
        itens += [Spacer(1, 10), paragrafo(f"{rodape.linha_diario} (âncora do diário de auditoria "
                                           "na emissão, para a verificação de integridade)", "pequeno")]
    return gerar_pdf(cabecalho, rodape, TITULO, itens)


def csv_sipia(linhas: list[dict]) -> str:
    """CSV (separador ;, UTF-8 com BOM para o Excel) com uma linha por criança em cada registro, sem nomes."""
    saida = io.StringIO()
    saida.write("\ufeff")
    w = csv.DictWriter(saida, fieldnames=CAMPOS_CSV, delimiter=";", lineterminator="\r\n")
    w.writeheader()
    for l in linhas:
        w.writerow({k: csv_seguro.celula(l.get(k, "")) for k in CAMPOS_CSV})  # texto não vira fórmula
    return saida.getvalue()
