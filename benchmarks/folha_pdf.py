"""Lote de contracheques em PDF (3.000 servidores) contra um canvas reportlab puro desenhando a mesma página.

    .venv/bin/python benchmarks/folha_pdf.py [--servidores 3000] [--pares 5] [--analitica]

Mede ``contracheque.gerar_lote`` (um PDF, uma página por servidor, timbre, rodapé com código, QR e
"Página x de y", progresso a cada servidor) e a âncora ``reportlab_puro``: um canvas sem platypus
que desenha a MESMA página (os mesmos textos, quadros, filetes e o QR), com a mesma fonte TTF
embutida; antes de medir, confere que o texto extraído de uma página dos dois é o mesmo. Cada
medida roda num processo novo (tempo e crescimento do pico de memória residente), os lados
alternados par a par; imprime mediana e dispersão de cada lado e as razões (metas da issue 16:
tempo ≤ 1,0×, memória ≤ 1,3×). Com ``--analitica``, mede também a folha analítica e o CSV. Não é um
teste com tempo-limite: só imprime números.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import Counter
from datetime import date, datetime, timezone
from decimal import Decimal
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from comparar import alternar, cronometrar, linha, razao  # noqa: E402

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from desktop.reports import fontes  # noqa: E402
from desktop.reports.layout import Cabecalho, Rodape  # noqa: E402
from desktop.reports.magisterio import contracheque, csv_folha, folha_analitica  # noqa: E402
from desktop.reports.magisterio.dados import DadosServidorContracheque, ItemFolha  # noqa: E402
from desktop.rules.folha.tipos import Contracheque, Linha, Natureza  # noqa: E402

LEI = "Lei 1.613/2004"
COMPETENCIA = date(2026, 3, 1)
ESCOLAS = [f"Escola Municipal {n} de Jequié" for n in ("Castro Alves", "Joaquim Nabuco", "Rui Barbosa",
                                                        "Anísio Teixeira", "Irmã Dulce", "Milton Santos")]
NOMES = ("Maria", "José", "Conceição", "João", "Antônia", "Luíza", "Sebastião", "Cláudia")
SOBRENOMES = ("Araújo", "Conceição", "Sá Barreto", "Gonçalves", "Magalhães", "Sampaio")


def _centavos(v: Decimal) -> Decimal:
    return v.quantize(Decimal("0.01"))


def folha_sintetica(n: int) -> list[ItemFolha]:
    """Servidores com 6 a 10 rubricas, valores variados (não são cálculos da lei)."""
    itens = []
    for i in range(n):
        venc = Decimal("1621.00") + (i % 97) * Decimal("23.45")
        linhas = [
            Linha("001", "Vencimento", Natureza.PROVENTO, venc, f"{LEI}, arts. 20, 22 e Anexo I, tabela A",
                  base=venc, quantidade=Decimal(30)),
            Linha("010", "Valorização do magistério", Natureza.PROVENTO, _centavos(venc * Decimal("0.15")),
                  f"{LEI}, art. 36 e Anexo II", base=venc, percentual=Decimal(15)),
        ]
        if i % 2:
            linhas.append(Linha("020", "Gratificação de estímulo à regência", Natureza.PROVENTO,
                                _centavos(venc * Decimal("0.15")), f"{LEI}, art. 41", base=venc,
                                percentual=Decimal(15)))
        if i % 5 == 0:
            linhas.append(Linha("025", "Gratificação por difícil acesso", Natureza.PROVENTO,
                                _centavos(venc * Decimal("0.15")), f"{LEI}, art. 42", base=venc,
                                percentual=Decimal(15)))
        if i % 7 == 0:
            linhas.append(Linha("101", "Falta injustificada", Natureza.DESCONTO, _centavos(venc / 30),
                                f"{LEI}, art. 34 §1º", base=venc, quantidade=Decimal(1)))
        bruto = sum(l.valor for l in linhas if l.natureza is Natureza.PROVENTO)
        linhas.append(Linha("201", "Contribuição previdenciária (RPPS)", Natureza.DESCONTO,
                            _centavos(bruto * Decimal("0.14")), "Lei municipal do RPPS", base=bruto,
                            percentual=Decimal(14)))
        linhas.append(Linha("210", "Imposto de renda retido na fonte", Natureza.DESCONTO,
                            _centavos(bruto * Decimal("0.05")), "Lei 7.713/1988; Lei 15.270/2025",
                            base=bruto, percentual=Decimal("7.5")))
        nome = f"{NOMES[i % 8]} {SOBRENOMES[i % 6]} {SOBRENOMES[(i // 6) % 6]} {i}"
        s = DadosServidorContracheque(nome, "52998224725", f"{i:06d}", "professor", "3", "ABCDEFG"[i % 7],
                                      40 if i % 3 else 20, ESCOLAS[i % 6], "Banco do Brasil", "1234-5",
                                      f"{i}-0")
        itens.append(ItemFolha(s, Contracheque(COMPETENCIA, f"p{i}", linhas)))
    return itens


def reportlab_puro(itens: list[ItemFolha], cab: Cabecalho | None = None, rod: Rodape | None = None) -> bytes:
    """A âncora: um canvas do reportlab, sem platypus, desenhando a MESMA página do contracheque do Paço
    (timbre, título, quadro de identificação, grade de rubricas com fundos e filetes, bases e totais,
    legenda, rodapé com código, QR, "Página x de y", aviso e identificação do documento), com os
    mesmos textos (os mesmos formatadores de ``reports.magisterio.dados``) e a mesma fonte TTF
    embutida. Como um script direto faria: cada página desenhada por inteiro, o QR como um caminho
    (a matriz calculada uma vez). ``main`` confere que o texto extraído das duas páginas é o mesmo."""
    import segno
    from reportlab.lib.utils import simpleSplit

    from desktop.reports.layout import COR_CABECALHO_TABELA, COR_LINHA, COR_SECUNDARIA, COR_TEXTO, MARGEM_LATERAL
    from desktop.rules import formato
    from desktop.reports import folha as d
    from desktop.reports.grade import linhas_de

    cab = cab or Cabecalho("Secretaria Municipal de Educação", "Jequié", "BA", "11.222.333/0001-81")
    rod = rod or Rodape("ABCD-EFGH-JK23", contracheque.TITULO_LOTE, 1, 2026, 1, datetime.now(timezone.utc),
                        "benchmark")
    saida = BytesIO()
    c = canvas.Canvas(saida, pagesize=A4)
    largura, altura = A4
    x0, direita = MARGEM_LATERAL, largura - MARGEM_LATERAL
    util = direita - x0
    matriz = segno.make(f"PACO:{rod.codigo}", error="m", micro=False).matrix
    lado_qr = 19 * 2.8346
    total = len(itens)
    colunas = d.COLUNAS_RUBRICAS
    for n, (s, cc) in enumerate(itens, start=1):
        # timbre
        c.setFillColor(COR_TEXTO)
        c.setFont(fontes.NEGRITO, 13.5)
        c.drawString(x0, altura - 50, cab.nome)
        c.setFont(fontes.NORMAL, 9.5)
        c.drawString(x0, altura - 66, f"Município de {cab.municipio} – {cab.uf}")
        c.setFillColor(COR_SECUNDARIA)
        c.setFont(fontes.NORMAL, 8.5)
        c.drawString(x0, altura - 78, f"CNPJ {cab.cnpj}")
        c.setFont(fontes.NORMAL, 7.5)
        c.drawRightString(direita, altura - 87.9, contracheque.identificacao_da_pagina(s, cc))
        c.setStrokeColor(COR_LINHA)
        c.setLineWidth(1.2)
        c.line(x0, altura - 93.5, direita, altura - 93.5)
        c.setLineWidth(0.4)
        c.line(x0, altura - 95.1, direita, altura - 95.1)
        # título
        c.setFillColor(COR_TEXTO)
        c.setFont(fontes.NEGRITO, 14)
        c.drawCentredString(largura / 2, altura - 118, contracheque.titulo_documento(cc.competencia))
        c.setFillColor(COR_SECUNDARIA)
        c.setFont(fontes.NORMAL, 9.5)
        c.drawCentredString(largura / 2, altura - 133, contracheque._SUBTITULO)
        # identificação: quadro com rótulos e valores
        y = altura - 150
        c.setStrokeColor(COR_LINHA)
        c.setLineWidth(0.6)
        for fileira in contracheque._identificacao(s).linhas:
            x = x0
            for rotulo, valor, fracao in fileira:
                w = util * fracao
                c.setFillColor(COR_SECUNDARIA)
                c.setFont(fontes.NORMAL, 5.8)
                c.drawString(x + 4, y - 7.2, rotulo.upper())
                c.setFillColor(COR_TEXTO)
                c.setFont(fontes.NEGRITO, 9)
                c.drawString(x + 4, y - 18, valor)
                c.line(x, y, x, y - 22)
                x += w
            c.line(x0, y - 22, direita, y - 22)
            y -= 22
        c.rect(x0, y, util, altura - 150 - y, stroke=1, fill=0)
        # grade de rubricas: cabeçalho, linhas (com quebra), totais, filetes
        y -= 8
        topo = y
        c.setFillColor(COR_CABECALHO_TABELA)
        c.rect(x0, y - 14, util, 14, stroke=0, fill=1)
        c.setFillColor(COR_TEXTO)
        c.setFont(fontes.NEGRITO, 7)
        x = x0
        for col in colunas:
            c.drawString(x + 3, y - 9.5, col.titulo)
            x += col.largura
        y -= 14
        linhas = d.ordenar_linhas(cc.linhas)
        for l in linhas:
            valor = d.numero(l.valor)
            prov = d.eh_provento(l)
            celulas = [l.codigo, d.descricao_rubrica(l), l.fundamento, d.numero(l.base) if l.base is not None else "",
                       d.decimal_curto(l.percentual), d.decimal_curto(l.quantidade), valor if prov else "",
                       "" if prov else valor]
            partes = [linhas_de(t, col.largura - 6, col.fonte, col.tamanho, col.quebrar)
                      for t, col in zip(celulas, colunas)]
            alto = max(len(p) for p in partes) * 7.5 * 1.18 + 4.8
            x = x0
            for textos, col in zip(partes, colunas):
                c.setFont(col.fonte, col.tamanho)
                c.setFillColor(col.cor)
                yy = y - 2.4 - col.tamanho * 0.78 - 0.4
                for t in textos:
                    if col.alinhar == "D":
                        c.drawRightString(x + col.largura - 3, yy, t)
                    elif col.alinhar == "C":
                        c.drawCentredString(x + col.largura / 2, yy, t)
                    else:
                        c.drawString(x + 3, yy, t)
                    yy -= col.tamanho * 1.18
                x += col.largura
            y -= alto
            c.setStrokeColor(COR_LINHA)
            c.setLineWidth(0.25)
            c.line(x0, y, direita, y)
        c.setFillColor(COR_CABECALHO_TABELA)
        c.rect(x0, y - 13, util, 13, stroke=0, fill=1)
        c.setFillColor(COR_TEXTO)
        c.setFont(fontes.NEGRITO, 7.5)
        c.drawString(x0 + sum(col.largura for col in colunas[:1]) + 3, y - 9, "Totais")
        c.drawRightString(direita - colunas[-1].largura - 3, y - 9, d.numero(cc.proventos))
        c.drawRightString(direita - 3, y - 9, d.numero(cc.descontos))
        y -= 13
        x = x0
        for col in colunas[:-1]:
            x += col.largura
            c.line(x, topo, x, y)
        c.setLineWidth(0.6)
        c.rect(x0, y, util, topo - y, stroke=1, fill=0)
        # bases de cálculo e totais
        y -= 14
        c.setFont(fontes.NEGRITO, 7.5)
        c.setFillColor(COR_LINHA)
        c.drawString(x0, y, "Bases de cálculo")
        c.setFillColor(COR_TEXTO)
        c.setFont(fontes.NORMAL, 7.5)
        yb = y - 13
        for rotulo, v in d.bases_de_calculo(cc):
            c.drawString(x0, yb, rotulo)
            c.drawRightString(x0 + 285, yb, d.dinheiro(v))
            yb -= 13
        xt = direita - 190
        c.setFillColor(COR_CABECALHO_TABELA)
        c.rect(xt, y - 38, 190, 18, stroke=0, fill=1)
        c.setLineWidth(0.8)
        c.rect(xt, y - 38, 190, 49, stroke=1, fill=0)
        c.setFillColor(COR_TEXTO)
        c.setFont(fontes.NORMAL, 8)
        c.drawString(xt + 6, y, "Total de proventos")
        c.drawRightString(direita - 6, y, d.dinheiro(cc.proventos))
        c.drawString(xt + 6, y - 13, "Total de descontos")
        c.drawRightString(direita - 6, y - 13, d.dinheiro(cc.descontos))
        c.setFont(fontes.NEGRITO, 10)
        c.drawString(xt + 6, y - 32.5, "Líquido a receber")
        c.drawRightString(direita - 6, y - 32.5, d.dinheiro(cc.liquido))
        # legenda
        y = min(yb, y - 38) - 14
        c.setFont(fontes.NORMAL, 6.5)
        c.setFillColor(COR_SECUNDARIA)
        for t in simpleSplit(contracheque._LEGENDA, fontes.NORMAL, 6.5, util):
            c.drawString(x0, y, t)
            y -= 8
        # rodapé: filete, QR, código, página, aviso, identificação
        c.setStrokeColor(COR_LINHA)
        c.setLineWidth(0.5)
        c.line(x0, 82.2, direita, 82.2)
        modulo = lado_qr / len(matriz)
        caminho = c.beginPath()
        for i, fileira in enumerate(matriz):
            j = 0
            while j < len(fileira):
                if fileira[j]:
                    k = j
                    while j < len(fileira) and fileira[j]:
                        j += 1
                    caminho.rect(x0 + k * modulo, 19.8 + lado_qr - (i + 1) * modulo - 0.05, (j - k) * modulo,
                                 modulo + 0.1)
                else:
                    j += 1
        c.setFillColor(COR_TEXTO)
        c.drawPath(caminho, stroke=0, fill=1)
        xr = x0 + lado_qr + 11.3
        c.setFont(fontes.NORMAL, 8)
        rotulo = "Código de verificação: "
        c.drawString(xr, 68, rotulo)
        c.setFont(fontes.MONO, 10)
        c.drawString(xr + c.stringWidth(rotulo, fontes.NORMAL, 8), 68, rod.codigo)
        c.setFont(fontes.NEGRITO, 8)
        c.drawRightString(direita, 68, "Página 1 de 1")  # a numeração é a de cada contracheque
        c.setFont(fontes.NORMAL, 7)
        yr = 56
        aviso = ("Documento emitido pelo Paço. Verifique a autenticidade em Paço › Verificar documento "
                 f"com o código {rod.codigo}.")
        for t in simpleSplit(aviso, fontes.NORMAL, 7, direita - xr):
            c.drawString(xr, yr, t)
            yr -= 8.5
        c.setFillColor(COR_SECUNDARIA)
        c.setFont(fontes.NORMAL, 6.5)
        dados_doc = (f"{rod.identificacao} · emitido em {formato.momento(rod.emitido_em)} por {rod.emitido_por} "
                     f"· Paço {rod.versao} · folha {n} de {total} do lote")
        for t in simpleSplit(dados_doc, fontes.NORMAL, 6.5, direita - xr):
            c.drawString(xr, yr, t)
            yr -= 8
        c.showPage()
    c.save()
    return saida.getvalue()


def _vmhwm_kb() -> int:
    """Pico de memória residente do processo (kB), de /proc/self/status."""
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmHWM"))


def _um_lado(lado: str, servidores: int) -> None:
    """Num processo novo: gera o lote por um dos lados e imprime segundos, crescimento do pico de memória e bytes."""
    fontes.registrar()
    itens = folha_sintetica(servidores)
    cab = Cabecalho("Secretaria Municipal de Educação", "Jequié", "BA", "11.222.333/0001-81")
    rod = Rodape("ABCD-EFGH-JK23", contracheque.TITULO_LOTE, 1, 2026, 1, datetime.now(timezone.utc), "benchmark")
    antes = _vmhwm_kb()
    inicio = time.perf_counter()
    if lado == "paco":
        avisos = []
        pdf = contracheque.gerar_lote(cab, rod, itens, progresso=lambda f, t: avisos.append(f))
    else:
        pdf = reportlab_puro(itens, cab, rod)
    segundos = time.perf_counter() - inicio
    print("RESULTADO", segundos, (_vmhwm_kb() - antes) * 1024, len(pdf), flush=True)


def _processo(lado: str, servidores: int) -> tuple[float, float, int]:
    saida = subprocess.run([sys.executable, __file__, "--lado", lado, "--servidores", str(servidores)],
                           capture_output=True, text=True, check=True).stdout
    _, segundos, memoria, tamanho = next(l for l in saida.splitlines() if l.startswith("RESULTADO")).split()
    return float(segundos), float(memoria), int(tamanho)


def _palavras_da_pagina(pdf: bytes, indice: int) -> list[str]:
    import pypdf

    return sorted(pypdf.PdfReader(BytesIO(pdf)).pages[indice].extract_text().split())


def conferir_mesma_pagina() -> str:
    """As duas páginas têm o mesmo texto? (o que a âncora desenha é o que o Paço desenha)"""
    fontes.registrar()
    itens = folha_sintetica(3)
    cab = Cabecalho("Secretaria Municipal de Educação", "Jequié", "BA", "11.222.333/0001-81")
    rod = Rodape("ABCD-EFGH-JK23", contracheque.TITULO_LOTE, 1, 2026, 1, datetime.now(timezone.utc), "benchmark")
    a = _palavras_da_pagina(contracheque.gerar_lote(cab, rod, itens), 1)
    b = _palavras_da_pagina(reportlab_puro(itens, cab, rod), 1)
    if a == b:
        return f"sim ({len(a)} palavras iguais na página 2 dos dois)"
    so_a = sorted((Counter(a) - Counter(b)).elements())
    so_b = sorted((Counter(b) - Counter(a)).elements())
    return f"NÃO — só no Paço: {so_a[:12]}; só na âncora: {so_b[:12]}"


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--servidores", type=int, default=3000)
    argumentos.add_argument("--pares", type=int, default=5)
    argumentos.add_argument("--analitica", action="store_true", help="mede também a folha analítica e o CSV")
    argumentos.add_argument("--lado", choices=("paco", "puro"), help=argparse.SUPPRESS)
    opcoes = argumentos.parse_args()
    if opcoes.lado:
        _um_lado(opcoes.lado, opcoes.servidores)
        return
    print(f"mesma página (texto extraído igual): {conferir_mesma_pagina()}", flush=True)
    paco, puro = alternar(lambda: _processo("paco", opcoes.servidores), lambda: _processo("puro", opcoes.servidores),
                          opcoes.pares)
    print(f"Lote de {opcoes.servidores} contracheques num PDF, cada medida num processo novo, lados alternados:")
    print(linha("Paço (contracheque.gerar_lote)", [x[0] for x in paco], "s", 1))
    print(linha("reportlab puro (a mesma página)", [x[0] for x in puro], "s", 1))
    print(linha("memória a mais — Paço", [x[1] for x in paco], "MiB", 1 / 2**20))
    print(linha("memória a mais — reportlab puro", [x[1] for x in puro], "MiB", 1 / 2**20))
    print(f"  tamanho do PDF: Paço {paco[0][2] / 1e6:.1f} MB, reportlab puro {puro[0][2] / 1e6:.1f} MB")
    print(razao("tempo Paço", [x[0] for x in paco], "reportlab puro", [x[0] for x in puro], meta=1.0))
    print(razao("memória Paço", [x[1] for x in paco], "reportlab puro", [x[1] for x in puro], meta=1.3))
    if opcoes.analitica:
        fontes.registrar()
        itens = folha_sintetica(opcoes.servidores)
        cab = Cabecalho("Secretaria Municipal de Educação", "Jequié", "BA", "11.222.333/0001-81")
        rod = Rodape("ABCD-EFGH-JK23", "Folha analítica", 1, 2026, 1, datetime.now(timezone.utc), "benchmark")
        t_fa, fa = cronometrar(folha_analitica.gerar, cab, rod, itens)
        t_csv, dados = cronometrar(csv_folha.gerar, itens)
        print(f"folha analítica: {t_fa:7.2f} s  {len(fa) / 1e6:6.1f} MB (uma medida, sem comparação)")
        print(f"CSV da folha:    {t_csv:7.2f} s  {len(dados) / 1e6:6.1f} MB (uma medida, sem comparação)")


if __name__ == "__main__":
    main()
