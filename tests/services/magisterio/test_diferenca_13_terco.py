"""Registro lançado depois do fechamento que alcança o mês do 13º ou do terço de férias (issue 13, item 3):
o 13º quitado e o terço pago no mês alcançado também são recalculados e a diferença é acertada numa linha
própria que nomeia o mês (070/107 no grupo do 13º, tributado à parte; 071/108 fora do RPPS) — na próxima
competência aberta ou, à escolha, numa folha complementar (mesmo fechamento, contracheques, CNAB e eSocial da
complementar do reajuste), com o custo por servidor e mês em PDF. Valores à mão nos comentários.

Professora do conftest (Maria): Nível 3 (licenciatura plena), classe F, 20 h; pela tabela da lei, vencimento
497,11 + valorização 49,95 % = 248,31 → 745,42, abaixo do mínimo: complemento 875,58 → 1.621,00."""
import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from lxml import etree
from pypdf import PdfReader

from desktop.services.magisterio import cadastro, complementar, custo_diferencas, folha
from desktop.services.pagamento import esocial, remessa
from desktop.services.sessao import ErroNegocio

from ..pagamento.leitor_cnab240 import ler
from ..pagamento.test_esocial import NS, XSD
from ..pagamento.test_remessa import contas_para_todos
from .conftest import maria

NOVEMBRO, DEZEMBRO, JANEIRO, FEVEREIRO = date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1), date(2027, 2, 1)


def _linhas(previa, *codigos):
    return [(l.codigo, l.valor) for i in previa.itens for l in i.contracheque.linhas if l.codigo in codigos]


def _linha(cc, codigo):
    return next(l for l in cc.linhas if l.codigo == codigo)


@pytest.fixture
def dezembro_fechado(sessao, escolas):
    """Maria com dezembro de 2026 fechado (13º de 12/12 = 745,42, RPPS do 13º 104,36) e, depois do fechamento,
    a jornada de 40 h desde 01/12/2026."""
    m = maria(sessao, escolas)
    folha.fechar(sessao, DEZEMBRO, aceitar_pendencias=True)
    gravado = folha.contracheque(sessao, DEZEMBRO, m["id"]).contracheque
    assert (_linha(gravado, "041").valor, _linha(gravado, "211").valor) == (Decimal("745.42"), Decimal("104.36"))
    jornada = cadastro.adicionar(sessao, "jornadas", m["id"], inicio=DEZEMBRO, horas=40)
    assert "12/2026" in jornada["aviso"] and "competência 01/2027" in jornada["aviso"] and "art. 23" in jornada["aviso"]
    return m["id"]


def test_jornada_que_alcanca_dezembro_acerta_o_13_a_parte_em_janeiro(sessao, dezembro_fechado):
    # Dezembro devido, 40 h: vencimento 2 × 497,11 = 994,22 (art. 37 §4º) + 49,95 % = 496,612 → 496,61: 1.490,83,
    # ainda abaixo do mínimo — o mês continua 1.621,00 (sem 069). O 13º (12/12, sem complemento do mínimo) passa
    # de 745,42 a 1.490,83: 070 = 745,41, no grupo do 13º: RPPS 14 % = 104,3574 → 104,36; IRRF do 13º isento.
    previa = folha.previa(sessao, JANEIRO)
    cc = previa.itens[0].contracheque
    assert _linhas(previa, "069", "106", "070", "107") == [("070", Decimal("745.41"))]
    dif = _linha(cc, "070")
    assert dif.grupo == "13" and dif.referencia == "anterior:2026-12:13"
    assert "13º salário quitado em 12/2026" in dif.descricao and "art. 23" in dif.fundamento
    assert "Lei 8.134/1990, art. 16" in dif.fundamento
    assert (_linha(cc, "211").valor, _linha(cc, "211").base) == (Decimal("104.36"), Decimal("745.41"))
    assert _linha(cc, "201").base == Decimal("1621.00")  # o mês de janeiro sem a diferença do 13º
    assert not _linhas(previa, "215")
    folha.fechar(sessao, JANEIRO, aceitar_pendencias=True)
    assert not _linhas(folha.previa(sessao, FEVEREIRO), "069", "106", "070", "107")  # paga uma vez só


def test_ferias_lancadas_depois_do_fechamento_pagam_o_terco_fora_do_rpps(sessao, escolas):
    m = maria(sessao, escolas)
    folha.fechar(sessao, NOVEMBRO, aceitar_pendencias=True)
    ferias = cadastro.adicionar(sessao, "ferias", m["id"], inicio=DEZEMBRO, fim=date(2026, 12, 30))
    assert "terço pago em 11/2026" in ferias["aviso"] and "competência 12/2026" in ferias["aviso"]
    # terço das férias de dezembro (30 dias), devido na folha de novembro (art. 57): 745,42 / 3 = 248,473 → 248,47;
    # o complemento do mínimo de novembro não muda (sem 069). No RPPS o terço não contribui (STF, Tema 163).
    cc = folha.previa(sessao, DEZEMBRO).itens[0].contracheque
    assert [(l.codigo, l.valor) for l in cc.linhas if l.codigo in ("069", "106", "071", "108")] == [
        ("071", Decimal("248.47"))]
    terco = _linha(cc, "071")
    assert not terco.incide_previdencia and "terço de férias pago em 11/2026" in terco.descricao
    assert _linha(cc, "201").base == Decimal("1621.00")
    # as férias canceladas antes do fechamento de dezembro: nada a acertar
    cadastro.excluir(sessao, "ferias", ferias["id"])
    assert not [l for l in folha.previa(sessao, DEZEMBRO).itens[0].contracheque.linhas if l.codigo in ("071", "108")]


def test_folha_complementar_paga_a_diferenca_do_13_com_custo_cnab_e_uma_vez(sessao, dezembro_fechado, monkeypatch):
    s, sid = sessao, dezembro_fechado
    # o custo antes de escolher: o mesmo nos dois destinos (só há o que pagar)
    for destino in (custo_diferencas.PROXIMA, custo_diferencas.COMPLEMENTAR):
        custo = custo_diferencas.calcular(s, DEZEMBRO, destino)
        assert [(i.nome, i.competencia, i.codigo, i.valor) for i in custo.itens] == [
            ("Maria da Silva Souza", DEZEMBRO, "070", Decimal("745.41"))]
        assert (custo.servidores, custo.total) == (1, Decimal("745.41"))
    with pytest.raises(ErroNegocio, match="não está fechada"):
        custo_diferencas.calcular(s, JANEIRO)
    pdf = custo_diferencas.emitir_relatorio(s, DEZEMBRO, custo_diferencas.COMPLEMENTAR).pdf
    texto = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Custo das diferenças" in texto and "Maria da Silva Souza" in texto and "745,41" in texto
    assert "folha complementar" in texto and "12/2026" in texto

    # a complementar de dezembro: 070 745,41 e o RPPS do 13º (104,36) à parte; líquido 641,05
    previa = complementar.previa(s, DEZEMBRO)
    cc = previa.itens[0].contracheque
    assert [(l.codigo, l.valor, l.grupo) for l in cc.linhas] == [
        ("070", Decimal("745.41"), "13"), ("211", Decimal("104.36"), "13")]
    assert previa.liquido == Decimal("641.05")
    fechada = complementar.fechar(s, DEZEMBRO)
    assert fechada["liquido"] == Decimal("641.05")
    assert not _linhas(folha.previa(s, JANEIRO), "070", "107")  # janeiro não paga de novo

    contas_para_todos(s)
    remessa.definir_convenio(s, "magisterio", "001", convenio="000123456 0126", agencia="0001", agencia_dv="9",
                             conta="210169", conta_dv="6")
    g = remessa.gerar(s, "magisterio_complementar", DEZEMBRO, banco="001", data_pagamento=date(2027, 1, 8),
                      agora=lambda: datetime(2027, 1, 4, 9, 30))
    arq = ler(g.conteudo)
    assert [p.valor for p in arq.pagamentos] == [Decimal("641.05")] and arq.total == Decimal("641.05")

    # eSocial: a 070 na tabela de rubricas (S-1010, base do 13º) e no demonstrativo da complementar (sufixo C)
    monkeypatch.setenv(esocial.ENV_XSD, str(XSD))
    lote = esocial.gerar(s, "magisterio", DEZEMBRO, data_pagamento=date(2027, 1, 8))
    xmls = {nome: etree.fromstring(xml) for nome, xml in lote.eventos}
    rubrica = next(r for n, r in xmls.items() if n.startswith("S-1010") and r.find(f".//{NS % 'evtTabRubrica'}codRubr")
                   .text == "070")
    assert rubrica.find(f".//{NS % 'evtTabRubrica'}codIncIRRF").text == "12"
    remun = next(r for n, r in xmls.items() if n.startswith(("S-1202", "S-1200")))
    ns = remun.tag.split("}")[0] + "}"
    dms = {d.find(f"{ns}ideDmDev").text: [i.find(f"{ns}codRubr").text for i in d.iter(f"{ns}itensRemun")]
           for d in remun.iter(f"{ns}dmDev")}
    assert any(k.endswith("C") and "070" in v for k, v in dms.items())

    # a jornada de 40 h era engano: corrigida para 20 h, o que a complementar pagou é descontado em janeiro
    # (107, grupo do 13º: 745,42 devido − 745,42 gravado − 745,41 já pago = −745,41)
    corrigida = cadastro.corrigir(s, "jornadas", next(j["id"] for j in cadastro.itens(s, "jornadas", sid)
                                                      if j["inicio"] == DEZEMBRO), horas=20)
    assert "competência 01/2027" in corrigida["aviso"]
    assert _linhas(folha.previa(s, JANEIRO), "070", "107") == [("107", Decimal("745.41"))]
    assert custo_diferencas.calcular(s, DEZEMBRO, custo_diferencas.COMPLEMENTAR).itens == ()
