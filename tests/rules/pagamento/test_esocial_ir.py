"""S-1210 com pensão alimentícia e com demonstrativo de RRA (leiaute S-1.3): o alimentando em infoDep e a
dedução em infoIRComplem/infoIRCR/penAlim, no CR 056107 (mensal) ou 188901 (RRA, tpRend 18); um evento por
beneficiário com todos os demonstrativos; S-1202 com indRRA/infoRRA. Validado nos XSD oficiais
(resources/esocial/xsd, como tests/services/pagamento/test_esocial.py)."""
import os
from datetime import date, datetime
from decimal import Decimal as D
from pathlib import Path

import pytest
from lxml import etree

from desktop import PASTA_RECURSOS
from desktop.rules.pagamento import esocial as ev

XSD = Path(os.environ.get("PACO_ESOCIAL_XSD") or PASTA_RECURSOS / "esocial" / "xsd" / "v_S_01_03_00")
EMP = ev.Empregador("12345678000195")
NS = "{http://www.esocial.gov.br/schema/evt/%s/v_S_01_03_00}"
SERVIDOR, ALIMENTANDO = "11144477735", "52998224725"


def _valida(raiz, evento: str) -> None:
    esquema = etree.XMLSchema(etree.parse(str(XSD / f"{ev.EVENTOS[evento]}.xsd")))
    esquema.validate(etree.fromstring(ev.bytes_xml(raiz)))
    erros = [e.message for e in esquema.error_log if "Signature" not in e.message]
    assert not erros, erros


def _dms():
    # Mês: vencimento 4.000,00; pensão judicial de 20 % do bruto = 800,00 (rubrica 170, codIncIRRF 51);
    # RPPS 14 % = 560,00; líquido do mensal 4.000,00 − 800,00 − 560,00 − IRRF 100,00 = 2.540,00.
    mensal = ev.Demonstrativo(SERVIDOR, "MAG123202601", "301",
                              (ev.ItemRemuneracao("001", "MAG", D("4000.00")), ev.ItemRemuneracao("170", "MAG", D("800.00")),
                               ev.ItemRemuneracao("201", "MAG", D("560.00")), ev.ItemRemuneracao("205", "MAG", D("100.00"))),
                              D("2540.00"), "123", "MAGISTERIO",
                              pensoes=(ev.PensaoIR(ALIMENTANDO, "Ana Beneficiária", D("800.00")),))
    # RRA: diferenças de 2 meses do ano anterior, 3.000,00, IRRF do RRA 0,00; pensão sobre o RRA de 300,00
    rra = ev.Demonstrativo(SERVIDOR, "MAG123202601RRA", "301", (ev.ItemRemuneracao("066", "MAG", D("3000.00")),),
                           D("2700.00"), "123", "MAGISTERIO",
                           pensoes=(ev.PensaoIR(ALIMENTANDO, "Ana Beneficiária", D("300.00")),),
                           rra=ev.InfoRRA("Diferencas de reajuste de anos anteriores", 2))
    return [mensal, rra]


def test_s1210_leva_a_pensao_e_o_rra():
    raiz = ev.s1210(EMP, "2026-01", _dms(), "S-1202", date(2026, 2, 5), ev.id_evento(EMP.cnpj, datetime(2026, 2, 1), 1))
    _valida(raiz, "S-1210")
    ns = NS % "evtPgtos"
    assert [p.find(f"{ns}vrLiq").text for p in raiz.iter(f"{ns}infoPgto")] == ["2540.00", "2700.00"]
    comp = raiz.find(f".//{ns}infoIRComplem")
    assert [d.find(f"{ns}cpfDep").text for d in comp.iter(f"{ns}infoDep")] == [ALIMENTANDO]
    pen = {(c.find(f"{ns}tpCR").text, p.find(f"{ns}tpRend").text): p.find(f"{ns}vlrDedPenAlim").text
           for c in comp.iter(f"{ns}infoIRCR") for p in c.iter(f"{ns}penAlim")}
    assert pen == {("056107", "11"): "800.00", ("188901", "18"): "300.00"}


def test_s1210_sem_pensao_nao_leva_ir_complementar():
    d = _dms()[0]
    sem = ev.Demonstrativo(d.cpf, d.ide_dm_dev, d.categoria, d.itens, d.liquido, d.matricula, d.lotacao)
    raiz = ev.s1210(EMP, "2026-01", sem, "S-1202", date(2026, 2, 5), ev.id_evento(EMP.cnpj, datetime(2026, 2, 1), 1))
    _valida(raiz, "S-1210")
    assert raiz.find(f".//{NS % 'evtPgtos'}infoIRComplem") is None


def test_s1202_demonstrativo_de_rra():
    raiz = ev.s1202(EMP, "2026-01", _dms(), ev.id_evento(EMP.cnpj, datetime(2026, 2, 1), 2))
    _valida(raiz, "S-1202")
    ns = NS % "evtRmnRPPS"
    dms = list(raiz.iter(f"{ns}dmDev"))
    assert [d.find(f"{ns}indRRA") is not None for d in dms] == [False, True]
    info = dms[1].find(f"{ns}infoRRA")
    assert (info.find(f"{ns}tpProcRRA").text, info.find(f"{ns}qtdMesesRRA").text) == ("1", "2")


def test_demonstrativos_de_dois_cpfs_recusados():
    a, b = _dms()
    outro = ev.Demonstrativo("12345678909", b.ide_dm_dev, b.categoria, b.itens, b.liquido)
    with pytest.raises(ValueError):
        ev.s1210(EMP, "2026-01", [a, outro], "S-1202", date(2026, 2, 5), "ID1")
