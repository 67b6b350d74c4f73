"""Lote de contracheques em PDF (3.000 servidores) comparado a um script reportlab puro, na mesma execução.

    .venv/bin/python benchmarks/folha_pdf.py [--servidores 3000] [--analitica]

Mede ``contracheque.gerar_lote`` (um PDF, uma página por servidor, timbre, rodapé com código e
QR, progresso a cada servidor) e um script que desenha com o canvas do reportlab o mesmo número de
páginas com texto parecido (timbre, identificação, ~9 rubricas com filetes, totais, rodapé), com a
mesma fonte TTF embutida. Imprime os segundos de cada um e a razão (pedida na issue 3). Com
``--analitica``, mede também a folha analítica e o CSV dos mesmos servidores. Não é um teste com
tempo-limite: só imprime números.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import date, datetime, timezone
from decimal import Decimal
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


def reportlab_puro(itens: list[ItemFolha]) -> bytes:
    """O mesmo número de páginas, com texto parecido, desenhado direto no canvas."""
    saida = BytesIO()
    c = canvas.Canvas(saida, pagesize=A4)
    largura, altura = A4
    total = len(itens)
    for n, (s, cc) in enumerate(itens, start=1):
        c.setFont(fontes.NEGRITO, 13.5)
        c.drawString(51, altura - 50, "Secretaria Municipal de Educação")
        c.setFont(fontes.NORMAL, 9.5)
        c.drawString(51, altura - 64, "Município de Jequié – BA")
        c.drawString(51, altura - 76, "CNPJ 11.222.333/0001-81")
        c.line(51, altura - 93, largura - 51, altura - 93)
        c.setFont(fontes.NEGRITO, 14)
        c.drawCentredString(largura / 2, altura - 120, "Contracheque — competência março de 2026")
        c.setFont(fontes.NORMAL, 9.5)
        c.drawCentredString(largura / 2, altura - 135, "Plano de Carreira e Remuneração do Magistério")
        y = altura - 160
        for rotulo, valor in (("NOME", s.nome), ("CPF", s.cpf_formatado), ("MATRÍCULA", s.matricula),
                              ("CARGO", s.cargo_rotulo), ("NÍVEL E CLASSE", s.nivel_classe),
                              ("JORNADA", s.jornada_rotulo), ("LOTAÇÃO", s.lotacao), ("BANCO", s.banco),
                              ("AGÊNCIA", s.agencia), ("CONTA", s.conta)):
            c.setFont(fontes.NORMAL, 6)
            c.drawString(55, y, rotulo)
            c.setFont(fontes.NEGRITO, 9)
            c.drawString(140, y, valor)
            y -= 12
        c.rect(51, y - 4, largura - 102, altura - 152 - y, stroke=1, fill=0)
        y -= 20
        c.setFont(fontes.NEGRITO, 7)
        for x, titulo in ((55, "Cód."), (80, "Descrição"), (190, "Fundamento legal"), (330, "Base"),
                          (380, "%"), (410, "Qtd."), (450, "Proventos"), (500, "Descontos")):
            c.drawString(x, y, titulo)
        for l in cc.linhas:
            y -= 14
            c.setFont(fontes.NORMAL, 7.5)
            c.drawString(55, y, l.codigo)
            c.drawString(80, y, l.descricao)
            c.setFont(fontes.NORMAL, 6.3)
            c.drawString(190, y, l.fundamento)
            c.setFont(fontes.NORMAL, 7.5)
            c.drawRightString(370, y, f"{l.base or ''}")
            c.drawRightString(400, y, f"{l.percentual or ''}")
            c.drawRightString(430, y, f"{l.quantidade or ''}")
            c.drawRightString(495 if l.natureza is Natureza.PROVENTO else 544, y, f"{l.valor}")
            c.line(51, y - 4, largura - 51, y - 4)
        y -= 30
        c.setFont(fontes.NEGRITO, 10)
        c.drawString(360, y, "Líquido a receber")
        c.drawRightString(544, y, f"R$ {cc.liquido}")
        c.setFont(fontes.NORMAL, 8)
        c.drawString(105, 70, "Código de verificação: ABCD-EFGH-JK23")
        c.drawRightString(544, 70, f"Página {n} de {total}")
        c.setFont(fontes.NORMAL, 7)
        c.drawString(105, 58, "Documento emitido pelo Paço. Verifique a autenticidade em Paço › Verificar documento.")
        c.showPage()
    c.save()
    return saida.getvalue()


def _medir(funcao, *args, **kwargs) -> tuple[float, bytes]:
    inicio = time.perf_counter()
    resultado = funcao(*args, **kwargs)
    return time.perf_counter() - inicio, resultado


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--servidores", type=int, default=3000)
    argumentos.add_argument("--analitica", action="store_true", help="mede também a folha analítica e o CSV")
    opcoes = argumentos.parse_args()

    fontes.registrar()  # uma vez por processo, para os dois lados
    itens = folha_sintetica(opcoes.servidores)
    cab = Cabecalho("Secretaria Municipal de Educação", "Jequié", "BA", "11.222.333/0001-81")
    rod = Rodape("ABCD-EFGH-JK23", "Contracheques da folha", 1, 2026, 1,
                 datetime.now(timezone.utc), "benchmark")
    avisos = []
    t_paco, pdf = _medir(contracheque.gerar_lote, cab, rod, itens, progresso=lambda f, t: avisos.append(f))
    t_puro, puro = _medir(reportlab_puro, itens)
    paginas = len(re.findall(rb"/Type\s*/Page\b", pdf))
    print(f"servidores: {len(itens)}  (progresso chamado {len(avisos)} vezes)")
    print(f"contracheques (Paço, gerar_lote): {t_paco:7.2f} s  {len(pdf) / 1e6:6.1f} MB  "
          f"{len(itens) / t_paco:6.0f} páginas/s")
    print(f"reportlab puro (mesmas páginas):  {t_puro:7.2f} s  {len(puro) / 1e6:6.1f} MB  "
          f"{len(itens) / t_puro:6.0f} páginas/s")
    print(f"razão Paço / reportlab puro: {t_paco / t_puro:.2f}")
    print(f"páginas do lote: {paginas}")
    if opcoes.analitica:
        t_fa, fa = _medir(folha_analitica.gerar, cab, rod, itens)
        t_csv, dados = _medir(csv_folha.gerar, itens)
        print(f"folha analítica: {t_fa:7.2f} s  {len(fa) / 1e6:6.1f} MB")
        print(f"CSV da folha:    {t_csv:7.2f} s  {len(dados) / 1e6:6.1f} MB")


if __name__ == "__main__":
    main()
