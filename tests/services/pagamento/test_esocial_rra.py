"""eSocial de 01/2026 com diferenças de reajuste de 2025 (RRA): no S-1202 do servidor, dois demonstrativos —
o do mês e o de RRA (indRRA = S, infoRRA com os meses) —, no S-1210 o líquido de cada um, somando o líquido
do contracheque; tudo válido nos XSD S-1.3."""
from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from desktop.services import acesso, demo
from desktop.services.magisterio import folha, tabelas
from desktop.services.pagamento import esocial

from .test_esocial import NS, XSD, _esquema  # noqa: F401 — os mesmos XSD

NOVEMBRO, DEZEMBRO, JANEIRO = date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1)


@pytest.fixture(autouse=True)
def _xsd(monkeypatch):
    monkeypatch.setenv(esocial.ENV_XSD, str(XSD))


def test_demonstrativo_de_rra(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, pessoas=3, servidores=12)  # a mesma base de outros arquivos (tests/conftest.py)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    try:
        for mes in (NOVEMBRO, DEZEMBRO):
            folha.fechar(s, mes, aceitar_pendencias=True)
        sim = tabelas.simular_reajuste(s, NOVEMBRO, percentual="200", fundamento="Lei Municipal 9.998/2025 (teste)")
        tabelas.aplicar_reajuste(s, sim, "Lei Municipal 9.998/2025, art. 1º (teste)")
        folha.fechar(s, JANEIRO, aceitar_pendencias=True)
        com_rra = {}
        for i in folha.contracheques(s, JANEIRO):
            meses = {l.referencia for l in i.contracheque.linhas if l.codigo == "066"}
            if meses:
                com_rra["".join(c for c in i.servidor.cpf if c.isdigit())] = (i.contracheque, len(meses))
        assert com_rra
        lote = esocial.gerar(s, "magisterio", JANEIRO, data_pagamento=date(2026, 2, 5))
        n1202 = n1210 = 0
        for nome, xml in lote.eventos:
            evento = nome[:6]
            if evento not in ("S-1202", "S-1210"):
                continue
            raiz = etree.fromstring(xml)
            esquema = _esquema({"S-1202": "evtRmnRPPS", "S-1210": "evtPgtos"}[evento])
            esquema.validate(raiz)
            assert not [e.message for e in esquema.error_log if "Signature" not in e.message], nome
            if evento == "S-1202":
                ns = NS % "evtRmnRPPS"
                cpf = raiz.find(f".//{ns}cpfTrab").text
                if cpf in com_rra:
                    dms = list(raiz.iter(f"{ns}dmDev"))
                    assert len(dms) == 2 and dms[1].find(f"{ns}ideDmDev").text.endswith("RRA")
                    info = dms[1].find(f"{ns}infoRRA")
                    assert info.find(f"{ns}qtdMesesRRA").text == str(com_rra[cpf][1])
                    codigos = {r.find(f"{ns}codRubr").text for r in dms[1].iter(f"{ns}itensRemun")}
                    assert "066" in codigos and not codigos & {"001", "201", "205"}
                    n1202 += 1
            else:
                ns = NS % "evtPgtos"
                cpf = raiz.find(f".//{ns}cpfBenef").text
                if cpf in com_rra:
                    liquidos = [Decimal(p.find(f"{ns}vrLiq").text) for p in raiz.iter(f"{ns}infoPgto")]
                    assert len(liquidos) == 2 and sum(liquidos) == com_rra[cpf][0].liquido
                    n1210 += 1
        assert n1202 == n1210 == len(com_rra)
    finally:
        s.fechar()
