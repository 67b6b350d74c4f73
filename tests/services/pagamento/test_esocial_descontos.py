"""eSocial de um mês com pensão alimentícia, consignação, mensalidade sindical e rubrica avulsa: o S-1010 dá a
cada rubrica nova a natureza da Tabela 03 (9213, 9254, 9231, 9299) e a pensão com codIncIRRF 51 (dedução
da base); o S-1202 leva as rubricas com os valores do contracheque; tudo válido nos XSD oficiais S-1.3."""
from datetime import date

import pytest
from lxml import etree

from desktop.services import acesso, demo
from desktop.services.magisterio import descontos, folha
from desktop.services.pagamento import esocial

from .test_esocial import NS, XSD, _esquema  # noqa: F401 — os mesmos XSD

OUTUBRO = date(2026, 10, 1)


@pytest.fixture(autouse=True)
def _xsd(monkeypatch):
    monkeypatch.setenv(esocial.ENV_XSD, str(XSD))


def test_mes_com_descontos_valido_nos_xsd(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, pessoas=3, servidores=12)  # a mesma base de outros arquivos (tests/conftest.py)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    try:
        item = max(folha.previa(s, OUTUBRO).itens, key=lambda i: i.contracheque.proventos)
        sid = item.contracheque.pessoa_id
        descontos.cadastrar_pensao(s, sid, beneficiario="Ana Beneficiária", cpf="529.982.247-25", forma="bruto",
                                   quantidade="10", processo="0001234-56.2025.8.05.0141", inicio="10/2026")
        descontos.cadastrar_consignacao(s, sid, consignataria="Banco A", valor="50.00", prioridade=1, inicio="10/2026")
        descontos.cadastrar_sindical(s, sid, entidade="APLB-Sindicato", forma="fixo", quantidade="20", inicio="10/2026")
        descontos.lancar_avulsa(s, sid, natureza="desconto", descricao="Reposição", fundamento="Processo 1/2026",
                                valor="5.00", incide_previdencia=False, incide_irrf=False, competencia="10/2026")
        folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
        lote = esocial.gerar(s, "magisterio", OUTUBRO, data_pagamento=date(2026, 11, 5))
        esquemas = {"S-1010": _esquema("evtTabRubrica"), "S-1202": _esquema("evtRmnRPPS"),
                    "S-1210": _esquema("evtPgtos"), "S-1299": _esquema("evtFechaEvPer")}
        naturezas, valores = {}, {}
        for nome, xml in lote.eventos:
            raiz = etree.fromstring(xml)
            esquema = esquemas[nome[:6]]
            esquema.validate(raiz)
            erros = [e.message for e in esquema.error_log if "Signature" not in e.message]
            assert not erros, (nome, erros)
            if nome.startswith("S-1010"):
                ns = NS % "evtTabRubrica"
                cod = raiz.find(f".//{ns}codRubr").text
                naturezas[cod] = (raiz.find(f".//{ns}natRubr").text, raiz.find(f".//{ns}codIncIRRF").text)
            if nome.startswith("S-1202") and f"MAG{item.servidor.matricula}" in nome:
                ns = NS % "evtRmnRPPS"
                for it in raiz.iter(f"{ns}itensRemun"):
                    valores[it.find(f"{ns}codRubr").text] = it.find(f"{ns}vrRubr").text
        assert naturezas["170"] == ("9213", "51") and naturezas["180"][0] == "9254"
        assert naturezas["190"][0] == "9231" and naturezas["160"][0] == "9299"
        cc = folha.contracheque(s, OUTUBRO, sid).contracheque
        for codigo in ("170", "180", "190", "160"):
            assert valores[codigo] == str(sum(l.valor for l in cc.linhas if l.codigo == codigo)), codigo
    finally:
        s.fechar()
