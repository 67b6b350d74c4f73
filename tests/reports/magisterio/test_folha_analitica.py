"""Folha analítica: blocos por servidor, totais por rubrica e por escola iguais às somas, resumo final."""
from collections import defaultdict
from decimal import Decimal as D
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.reports.magisterio import folha_analitica
from desktop.reports.magisterio.dados import ItemFolha
from desktop.rules.dinheiro import reais

from . import amostras as a


def _textos(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages]


def _num(valor: D) -> str:
    return reais(valor)[3:]


def test_resumo_soma_por_rubrica_por_escola_e_no_geral():
    itens = a.folha_pequena()
    resumo = folha_analitica.resumir(itens)
    # somas feitas aqui, independentes do relatório
    por_rubrica = defaultdict(D)
    por_escola = defaultdict(lambda: [0, D(0), D(0)])
    for s, cc in itens:
        for l in cc.linhas:
            por_rubrica[(l.codigo, l.grupo)] += l.valor
        e = por_escola[s.lotacao]
        e[0] += 1
        e[1] += cc.proventos
        e[2] += cc.descontos
    assert {(r.codigo, r.grupo): r.valor for r in resumo.rubricas} == dict(por_rubrica)
    # vencimentos: 1.621,00 + n para n = 0..5; regência: 243,15 + n para n = 0, 2, 4
    assert por_rubrica[("001", "mensal")] == D("9741.00")
    assert por_rubrica[("020", "mensal")] == D("735.45")
    assert [r.codigo for r in resumo.rubricas] == ["001", "020", "201", "070"]  # o 13º por último
    regencia = next(r for r in resumo.rubricas if r.codigo == "020")
    assert regencia.servidores == 3 and regencia.provento
    for nome, (n, prov, desc) in por_escola.items():
        t = resumo.escolas[nome]
        assert (t.servidores, t.proventos, t.descontos, t.liquido) == (n, prov, desc, prov - desc)
    g = resumo.geral
    assert g.servidores == 6
    assert g.proventos == sum(cc.proventos for _, cc in itens)
    assert g.descontos == sum(cc.descontos for _, cc in itens)
    assert g.proventos == sum(r.valor for r in resumo.rubricas if r.provento)


def test_pdf_lista_cada_servidor_por_escola_com_subtotais_e_resumo():
    itens = a.folha_pequena()
    pdf = folha_analitica.gerar(a.cabecalho(), a.rodape("Folha analítica"), itens)
    textos = _textos(pdf)
    t = " ".join(textos)
    assert "Folha analítica — competência março de 2026" in textos[0]
    # escolas em ordem alfabética; servidores dentro delas, em ordem de nome
    assert t.index("Creche Tia Lúcia") < t.index("Escola Municipal Castro Alves") < t.index(
        "Escola Municipal Joaquim Nabuco")
    assert t.index("Servidor2 de Souza Sá") < t.index("Servidor5 de Souza Sá") < t.index("Servidor0 de Souza Sá")
    for s, cc in itens:
        assert f"{s.matricula} {s.nome} Professor · N. 1 A · 20 h {s.lotacao}" in t
        assert f"Líquido {reais(cc.liquido)}" in t
    # subtotal de cada escola, por rubrica e no total
    resumo = folha_analitica.resumir(itens)
    for nome, total in resumo.escolas.items():
        servidores = f"{total.servidores} servidores"
        assert f"Total {nome} {servidores}" in t
        venc = total.rubricas[("001", "P", "mensal")]
        assert f"001 Vencimento {venc.servidores} {_num(venc.valor)}" in t
        assert f"Líquido {reais(total.liquido)} Proventos {reais(total.proventos)} " \
               f"Descontos {reais(total.descontos)}" in t
    # resumo final por rubrica e por escola
    g = resumo.geral
    ultima = textos[-1]
    assert "Resumo da folha" in ultima
    assert f"001 Vencimento Provento 6 {_num(D('9741.00'))}" in ultima
    assert "070 13º salário Provento 1 1.621,00" in ultima
    assert f"Total de proventos {_num(g.proventos)}" in ultima
    assert f"Líquido da folha 6 {_num(g.liquido)}" in ultima
    assert f"Total geral 6 {_num(g.proventos)} {_num(g.descontos)} {_num(g.liquido)}" in ultima


def test_folha_grande_quebra_paginas_e_mantem_totais():
    itens = []
    for n in range(300):
        s = a.servidora(nome=f"Servidor {n:03d}", matricula=f"{n:05d}", lotacao=f"Escola {n % 12:02d}")
        itens.append(ItemFolha(s, a.contracheque_simples(n)))
    textos = _textos(folha_analitica.gerar(a.cabecalho(), a.rodape(), itens))
    assert len(textos) > 10
    for i, t in enumerate(textos, start=1):
        assert f"Página {i} de {len(textos)}" in t
    junto = " ".join(textos)
    for n in range(300):
        assert f"{n:05d} Servidor {n:03d} " in junto
    venc = sum(D("1621.00") + n for n in range(300))
    assert f"001 Vencimento Provento 300 {_num(venc)}" in textos[-1]


def test_lotacao_vazia_e_folha_vazia():
    s, cc = a.folha_pequena()[0]
    itens = [ItemFolha(a.servidora(lotacao=""), cc)]
    assert "Sem lotação informada" in _textos(folha_analitica.gerar(a.cabecalho(), a.rodape(), itens))[0]
    with pytest.raises(ValueError, match="vazia"):
        folha_analitica.gerar(a.cabecalho(), a.rodape(), [])


def test_resumo_por_codigo_com_descricao_neutra_e_percentual_inteiro():
    from datetime import date

    from desktop.rules.folha.tipos import Contracheque, Linha

    def cc(n, nivel, classe, pct):
        venc = D("1621.00") + n
        return Contracheque(date(2026, 3, 1), f"p{n}", [
            Linha("001", f"Vencimento — Nível {nivel}, classe {classe}", a.P, venc, "Lei 1.613/2004, art. 20"),
            Linha("006", "Função gratificada — diretor, escola de porte médio", a.P, D("500.00"),
                  "Lei 1.613/2004, art. 38", base=venc, percentual=pct)])

    itens = [ItemFolha(a.servidora(nome="Ana", matricula="1", lotacao=a.ESCOLAS[0]), cc(0, "Especial", "F", D("63.157894"))),
             ItemFolha(a.servidora(nome="Bia", matricula="2", lotacao=a.ESCOLAS[0]), cc(1, "3", "B", D("38.16")))]
    resumo = folha_analitica.resumir(itens)
    assert [(r.codigo, r.descricao, r.servidores) for r in resumo.rubricas] == [
        ("001", "Vencimento", 2), ("006", "Função gratificada", 2)]
    texto = " ".join(_textos(folha_analitica.gerar(a.cabecalho(), a.rodape("Folha analítica"), itens)))
    assert "63,16%" in texto and "38,16%" in texto and "63,1…" not in texto
    assert "Vencimento — Nível Especial" in texto  # o bloco de cada servidor mantém a descrição dele
    resumo_txt = texto[texto.index("Resumo por rubrica") if "Resumo por rubrica" in texto else texto.index("Resumo da folha"):]
    assert "001 Vencimento Provento 2" in resumo_txt and "Nível Especial" not in resumo_txt
