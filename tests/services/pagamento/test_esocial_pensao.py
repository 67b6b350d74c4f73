"""S-1210 de um servidor com pensão alimentícia judicial (10 % do bruto): o alimentando em infoDep e a dedução
em infoIRComplem/infoIRCR (CR 056107)/penAlim com o valor descontado no contracheque; válido nos XSD S-1.3."""
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

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


def test_s1210_com_pensao_alimenticia(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, pessoas=3, servidores=12)  # a mesma base de outros arquivos (tests/conftest.py)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    try:
        item = max(folha.previa(s, OUTUBRO).itens, key=lambda i: i.contracheque.proventos)
        sid = item.contracheque.pessoa_id
        descontos.cadastrar_pensao(s, sid, beneficiario="Ana Beneficiária", cpf="529.982.247-25", forma="bruto",
                                   quantidade="10", processo="0001234-56.2025.8.05.0141", inicio="10/2026")
        folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
        cc = folha.contracheque(s, OUTUBRO, sid).contracheque
        # à mão: 10 % da remuneração bruta do mês (proventos mensais; sem faltas nem abate-teto no demo), ao centavo
        bruto = sum(l.valor for l in cc.linhas if l.natureza.value == "P" and l.grupo == "mensal")
        pensao = (bruto * Decimal("0.10")).quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert sum(l.valor for l in cc.linhas if l.codigo == "170") == pensao
        lote = esocial.gerar(s, "magisterio", OUTUBRO, data_pagamento=date(2026, 11, 5))
        ns = NS % "evtPgtos"
        esquema = _esquema("evtPgtos")
        cpf = "".join(ch for ch in item.servidor.cpf if ch.isdigit())
        achados = []
        for nome, xml in lote.eventos:
            if not nome.startswith("S-1210"):
                continue
            raiz = etree.fromstring(xml)
            esquema.validate(raiz)
            assert not [e.message for e in esquema.error_log if "Signature" not in e.message], nome
            if raiz.find(f".//{ns}cpfBenef").text == cpf:
                achados.append(raiz)
            else:
                assert raiz.find(f".//{ns}infoIRComplem") is None  # quem não paga pensão não leva o grupo
        assert len(achados) == 1  # um S-1210 por beneficiário
        raiz = achados[0]
        assert raiz.find(f".//{ns}infoDep/{ns}cpfDep").text == "52998224725"
        assert raiz.find(f".//{ns}infoDep/{ns}nome").text == "Ana Beneficiária"
        ircr = raiz.find(f".//{ns}infoIRCR")
        assert ircr.find(f"{ns}tpCR").text == "056107"
        pen = ircr.find(f"{ns}penAlim")
        assert (pen.find(f"{ns}tpRend").text, pen.find(f"{ns}cpfDep").text, pen.find(f"{ns}vlrDedPenAlim").text) == (
            "11", "52998224725", str(pensao))
        assert raiz.find(f".//{ns}vrLiq").text == str(cc.liquido)
    finally:
        s.fechar()
