"""A folha dos conselheiros tutelares com descontos até o banco e o eSocial (issue 13, capacidade 8).

Caso à mão — conselheira titular com a remuneração do cargo municipal (Lei 320/2023, art. 41) de
R$ 6.000,00, junho de 2025 inteiro (ver tests/services/conselho/test_descontos_folha.py para o INSS):
- INSS 649,60; pensão alimentícia 20 % do bruto = 1.200,00 (ao beneficiário, na conta dele);
- IRRF com a pensão deduzida (Lei 9.250/1995, art. 4º, II): (6.000,00 − 649,60 − 1.200,00) = 4.150,40 ×
  22,5 % − 675,49 = 258,35;
- mensalidade associativa fixa 50,00; consignação 300,00 (margem: 30 % × (6.000,00 − 649,60 − 258,35 −
  1.200,00 − 50,00) = 30 % × 3.842,05 = 1.152,62: cabe); desconto avulso (reposição) 100,00, sem incidência;
- líquido: 6.000,00 − 649,60 − 1.200,00 − 258,35 − 50,00 − 300,00 − 100,00 = 3.442,05.
Um segundo conselheiro, sem descontos, com subsídio de 2 salários mínimos de 2025 (2 × 1.518,00 =
3.036,00): INSS 113,85 + 114,8292 + (3.036,00 − 2.793,88) × 12 % = 29,0544 → 257,7336 → 257,73; IRRF: deduções
legais 257,73 < simplificado 607,20 → base 3.036,00 − 607,20 = 2.428,80 → isento (0,00); líquido 2.778,27.
Arquivo do banco: 3 créditos (os dois líquidos e a pensão), total 3.442,05 + 2.778,27 + 1.200,00 = 7.420,32.
"""
from datetime import date, datetime
from decimal import Decimal

import pytest
from lxml import etree

from desktop.rules.pagamento import esocial as ev
from desktop.rules.pagamento.banco import dv_modulo11_bb
from desktop.services import emissores
from desktop.services.conselho import descontos, mandatos, remuneracao
from desktop.services.conselho import folha as folha_ct
from desktop.services.pagamento import dados, esocial, remessa

from .leitor_cnab240 import ler
from .test_esocial import NS, XSD, _esquema  # noqa: F401 — os mesmos XSD

JUNHO = date(2025, 6, 1)
PAGAMENTO = date(2025, 7, 5)
AGORA = lambda: datetime(2025, 7, 1, 9, 30)  # noqa: E731
ESPERADO = {"002": Decimal("6000.00"), "201": Decimal("649.60"), "170": Decimal("1200.00"),
            "205": Decimal("258.35"), "190": Decimal("50.00"), "180": Decimal("300.00"), "160": Decimal("100.00")}


def _conta(s, cid, conta):
    dados.definir_do_conselheiro(s, cid, banco="001", agencia="1234", agencia_dv="3", conta=conta,
                                 conta_dv=dv_modulo11_bb(conta.zfill(8)), tipo_conta="corrente")


@pytest.fixture
def folha_de_junho(sessao_admin):
    s = sessao_admin
    carla = mandatos.cadastrar_conselheiro(
        s, nome="Carla Dias Moreira", condicao="titular", ordem=1, inicio_mandato=date(2024, 1, 10),
        fim_mandato=date(2028, 1, 9), cpf="529.982.247-25", servidor_municipal=True,
        remuneracao_cargo=Decimal("6000.00"))["id"]
    bruno = mandatos.cadastrar_conselheiro(
        s, nome="Bruno Carvalho Lima", condicao="titular", ordem=2, inicio_mandato=date(2024, 1, 10),
        fim_mandato=date(2028, 1, 9), cpf="111.444.777-35")["id"]
    _conta(s, carla, "501")
    _conta(s, bruno, "502")
    conta_pa = "777"
    descontos.cadastrar_pensao(s, carla, beneficiario="João Pedro Moreira", cpf="390.533.447-05", forma="bruto",
                               quantidade="20", processo="0000123-45.2025.8.04.4700", inicio="06/2025",
                               banco="001", agencia="1234", agencia_dv="3", conta=conta_pa,
                               conta_dv=dv_modulo11_bb(conta_pa.zfill(8)), tipo_conta="poupanca")
    descontos.cadastrar_sindical(s, carla, entidade="Associação dos Conselheiros Tutelares do Amazonas",
                                 forma="fixo", quantidade="50", inicio="06/2025")
    descontos.cadastrar_consignacao(s, carla, consignataria="Banco do Brasil", valor="300", prioridade=1,
                                    contrato="889/2025", inicio="06/2025")
    descontos.lancar_avulsa(s, carla, natureza="desconto", descricao="Reposição ao erário",
                            fundamento="Processo administrativo 12/2025 (ressarcimento de diária)", valor="100",
                            incide_previdencia=False, incide_irrf=False, competencia="06/2025")
    folha_ct.fechar(s, JUNHO)  # o banco e o eSocial saem da competência fechada
    return s, carla, bruno


def test_contracheque_emitido_com_os_descontos(folha_de_junho):
    s, carla, _bruno = folha_de_junho
    cc = remuneracao.calcular_contracheque(s, carla, JUNHO)
    assert {l.codigo: l.valor for l in cc.linhas} == ESPERADO
    assert cc.liquido == Decimal("3442.05")


def test_cnab240_lido_de_volta_com_a_pensao(folha_de_junho):
    s, _carla, _bruno = folha_de_junho
    remessa.definir_convenio(s, "conselho", "001", convenio="000123456 0126", agencia="0001", agencia_dv="9",
                             conta="210169", conta_dv="6")
    g = remessa.gerar(s, "conselho", JUNHO, banco="001", data_pagamento=PAGAMENTO, agora=AGORA)
    arq = ler(g.conteudo)
    assert {p.nome: p.valor for p in arq.pagamentos} == {
        "CARLA DIAS MOREIRA": Decimal("3442.05"), "BRUNO CARVALHO LIMA": Decimal("2778.27"),
        "JOAO PEDRO MOREIRA": Decimal("1200.00")}
    pensao = next(p for p in arq.pagamentos if p.nome == "JOAO PEDRO MOREIRA")
    assert (pensao.cpf, pensao.conta) == ("39053344705", "777")
    assert arq.total == g.total == sum(arq.somas_lotes) == Decimal("7420.32")
    assert all(p.data == PAGAMENTO for p in arq.pagamentos)


def test_pensao_sem_conta_do_beneficiario_fica_de_fora(sessao_admin):
    s = sessao_admin
    cid = mandatos.cadastrar_conselheiro(
        s, nome="Carla Dias Moreira", condicao="titular", ordem=1, inicio_mandato=date(2024, 1, 10),
        fim_mandato=date(2028, 1, 9), cpf="529.982.247-25", servidor_municipal=True,
        remuneracao_cargo=Decimal("6000.00"))["id"]
    _conta(s, cid, "501")
    descontos.cadastrar_pensao(s, cid, beneficiario="João Pedro Moreira", cpf="390.533.447-05", forma="bruto",
                               quantidade="20", processo="0000123-45.2025.8.04.4700", inicio="06/2025")
    folha_ct.fechar(s, JUNHO)
    c = remessa.conferir(s, "conselho", JUNHO)
    assert [(p["nome"], p["liquido"]) for p in c.sem_conta] == [("João Pedro Moreira", Decimal("1200.00"))]
    assert "pensão de Carla Dias Moreira" in c.sem_conta[0]["identificacao"]
    assert c.total == Decimal("3892.05")  # só o líquido dela: 6.000,00 − 649,60 − 1.200,00 − 258,35


def test_s1200_do_conselho_leva_os_descontos(folha_de_junho):
    """Sem depender dos XSD: o demonstrativo do S-1200 tem cada rubrica do contracheque (tabela CT); o S-1210,
    o líquido com os descontos e a pensão alimentícia em infoIRComplem/infoIRCR/penAlim."""
    s, _carla, _bruno = folha_de_junho
    dms, origem, sem_cpf = esocial._demonstrativos_conselho(s, JUNHO)
    assert origem == "S-1200" and sem_cpf == []
    d = next(x for x in dms if x.cpf == "52998224725")
    assert {i.codigo: i.valor for i in d.itens} == ESPERADO and d.liquido == Decimal("3442.05")
    assert {i.tabela for i in d.itens} == {"CT"}
    emp = ev.Empregador(emissores.do_modulo(s.db, "conselho").cnpj, "2")
    raiz = ev.s1200(emp, "2025-06", d, ev.id_evento(emp.cnpj, AGORA(), 1))
    n = NS % "evtRemun"
    xml = etree.fromstring(ev.bytes_xml(raiz))
    assert {i.findtext(f"{n}codRubr"): Decimal(i.findtext(f"{n}vrRubr")) for i in xml.iter(f"{n}itensRemun")} == ESPERADO
    pg = etree.fromstring(ev.bytes_xml(ev.s1210(emp, "2025-06", d, origem, PAGAMENTO, ev.id_evento(emp.cnpj, AGORA(), 2))))
    np = NS % "evtPgtos"
    assert Decimal(pg.findtext(f".//{np}vrLiq")) == Decimal("3442.05")
    # a pensão deduzida da base do IRRF vai ao penAlim do S-1210, com o alimentando (Lei 9.250/1995, art. 4º, II)
    assert [(p.cpf, p.nome, p.valor) for p in d.pensoes] == [("39053344705", "João Pedro Moreira", Decimal("1200.00"))]
    pen = pg.find(f".//{np}infoIRCR/{np}penAlim")
    assert (pen.findtext(f"{np}tpRend"), pen.findtext(f"{np}cpfDep"), Decimal(pen.findtext(f"{np}vlrDedPenAlim"))) == (
        "11", "39053344705", Decimal("1200.00"))
    outro = next(x for x in dms if x.cpf == "11144477735")
    assert outro.pensoes == () and outro.liquido == Decimal("2778.27")


def test_esocial_do_mes_do_conselho_valido_nos_xsd(folha_de_junho, monkeypatch):
    monkeypatch.setenv(esocial.ENV_XSD, str(XSD))
    s, _carla, _bruno = folha_de_junho
    lote = esocial.gerar(s, "conselho", JUNHO, data_pagamento=PAGAMENTO)
    assert lote.contagem()["S-1200"] == lote.contagem()["S-1210"] == 2
    n = NS % "evtRemun"
    naturezas, valores = {}, {}
    esquemas = {"S-1200": _esquema("evtRemun"), "S-1210": _esquema("evtPgtos")}
    for nome, xml in lote.eventos:
        raiz = etree.fromstring(xml)
        if nome[:6] in esquemas:
            esquemas[nome[:6]].validate(raiz)
            assert not [e.message for e in esquemas[nome[:6]].error_log if "Signature" not in e.message], nome
        if nome.startswith("S-1010"):
            m = NS % "evtTabRubrica"
            naturezas[raiz.findtext(f".//{m}codRubr")] = raiz.findtext(f".//{m}natRubr")
        if nome.startswith("S-1200") and raiz.findtext(f".//{n}cpfTrab") == "52998224725":
            valores = {i.findtext(f"{n}codRubr"): Decimal(i.findtext(f"{n}vrRubr")) for i in raiz.iter(f"{n}itensRemun")}
    assert valores == ESPERADO
    assert naturezas["170"] == "9213" and naturezas["180"] == "9254" and naturezas["160"] == "9299"
