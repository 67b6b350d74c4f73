"""eSocial de um mês inteiro da demonstração: S-1010, S-1202 (RPPS), S-1210 e S-1299 válidos nos XSD oficiais
S-1.3 — assinados com um certificado A1 criado na hora (validação completa, com a assinatura conferida) e sem
assinatura (só a falta de ds:Signature tolerada); valores de cada servidor conferidos no XML; Conselho com S-1200."""
import os
import zipfile
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from lxml import etree
from signxml import XMLVerifier

from desktop import PASTA_RECURSOS
from desktop.services import acesso, demo
from desktop.services.magisterio import folha
from desktop.services.pagamento import esocial
from desktop.services.sessao import ErroNegocio

XSD = Path(os.environ.get(esocial.ENV_XSD) or PASTA_RECURSOS / "esocial" / "xsd" / "v_S_01_03_00")  # os XSD oficiais vão no repositório
OUTUBRO = date(2026, 10, 1)
PAGAMENTO = date(2026, 11, 5)
NS = "{http://www.esocial.gov.br/schema/evt/%s/v_S_01_03_00}"



@pytest.fixture(autouse=True)
def _xsd(monkeypatch):
    monkeypatch.setenv(esocial.ENV_XSD, str(XSD))


@pytest.fixture(scope="module")
def certificado():
    chave = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    nome = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "PREFEITURA DE TESTE:12345678000195")])
    agora = datetime.now(timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(nome).issuer_name(nome).public_key(chave.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(agora - timedelta(days=1))
            .not_valid_after(agora + timedelta(days=30)).sign(chave, hashes.SHA256()))
    pfx = pkcs12.serialize_key_and_certificates(b"teste", chave, cert, None,
                                                serialization.BestAvailableEncryption(b"senha-a1"))
    return pfx, cert.public_bytes(serialization.Encoding.PEM)


@pytest.fixture(scope="module")
def sessao_fechada(tmp_path_factory):
    caminho = tmp_path_factory.mktemp("esocial") / "demo.db"
    demo.criar_demo(caminho, servidores=40)  # a mesma base de outros arquivos (tests/conftest.py)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
    yield s
    s.fechar()


def _esquema(arquivo: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD / f"{arquivo}.xsd")))


def test_mes_inteiro_assinado_valido_nos_xsd(sessao_fechada, certificado):
    pfx, cert_pem = certificado
    lote = esocial.gerar(sessao_fechada, "magisterio", OUTUBRO, data_pagamento=PAGAMENTO, pfx=pfx, senha="senha-a1")
    itens = folha.contracheques(sessao_fechada, OUTUBRO)
    c = lote.contagem()
    assert c["S-1202"] == c["S-1210"] == len(itens) == 40
    assert c["S-1299"] == 1 and c["S-1010"] >= 10
    esquemas = {k: _esquema(v) for k, v in {"S-1010": "evtTabRubrica", "S-1202": "evtRmnRPPS",
                                             "S-1210": "evtPgtos", "S-1299": "evtFechaEvPer"}.items()}
    liquidos, rubricas = {}, {}
    for nome, xml in lote.eventos:
        raiz = etree.fromstring(xml)
        tipo = nome[:6]
        assert esquemas[tipo].validate(raiz), (nome, esquemas[tipo].error_log)  # XSD oficial, sem exceção
        XMLVerifier().verify(xml, x509_cert=cert_pem)  # a assinatura confere
        if tipo == "S-1210":
            liquidos[raiz.findtext(f".//{NS % 'evtPgtos'}cpfBenef")] = Decimal(raiz.findtext(f".//{NS % 'evtPgtos'}vrLiq"))
        if tipo == "S-1202":
            n = NS % "evtRmnRPPS"
            cpf = raiz.findtext(f".//{n}cpfTrab")
            rubricas[cpf] = {i.findtext(f"{n}codRubr"): Decimal(i.findtext(f"{n}vrRubr")) for i in raiz.iter(f"{n}itensRemun")}
    for item in itens:
        cc = item.contracheque
        assert liquidos[item.servidor.cpf] == cc.liquido
        esperado: dict[str, Decimal] = {}
        for l in cc.linhas:
            if l.valor > 0:
                esperado[l.codigo] = esperado.get(l.codigo, Decimal("0")) + l.valor
        assert rubricas[item.servidor.cpf] == esperado
    diario = list(sessao_fechada.db.query("SELECT * FROM diario WHERE tabela = 'pagamento_esocial'"))
    assert len(diario) >= 1


def test_sem_certificado_so_falta_a_assinatura(sessao_fechada):
    lote = esocial.gerar(sessao_fechada, "magisterio", OUTUBRO, data_pagamento=PAGAMENTO)
    assert not lote.assinados and lote.validados == len(lote.eventos)
    nome, xml = next(e for e in lote.eventos if e[0].startswith("S-1202"))
    esquema = _esquema("evtRmnRPPS")
    assert not esquema.validate(etree.fromstring(xml))
    assert [e.message for e in esquema.error_log] == [
        "Element '{http://www.esocial.gov.br/schema/evt/evtRmnRPPS/v_S_01_03_00}eSocial': Missing child element(s). "
        "Expected is ( {http://www.w3.org/2000/09/xmldsig#}Signature )."]
    with zipfile.ZipFile(BytesIO(lote.zip())) as z:
        assert len(z.namelist()) == len(lote.eventos)


def test_xsd_oficiais_no_repositorio_conferem_com_o_readme():
    """Os XSD vão com o programa (resources/esocial/xsd): cada arquivo com o SHA-256 anotado no README,
    copiado sem alteração do repositório oficial do leiaute."""
    import hashlib
    import re

    pasta = PASTA_RECURSOS / "esocial" / "xsd"
    anotados = dict(re.findall(r"^\| (\S+\.xsd) \| ([0-9a-f]{64}) \|$", (pasta / "README.md").read_text(), re.M))
    assert len(anotados) == 7
    for nome, sha in anotados.items():
        assert hashlib.sha256((pasta / "v_S_01_03_00" / nome).read_bytes()).hexdigest() == sha, nome
    assert esocial.pasta_xsd() is not None


def test_validacao_acusa_xml_errado():
    xml = (b'<eSocial xmlns="http://www.esocial.gov.br/schema/evt/evtFechaEvPer/v_S_01_03_00">'
           b'<evtFechaEvPer Id="X"/></eSocial>')
    os.environ[esocial.ENV_XSD] = str(XSD)
    assert esocial.validar("S-1299", xml)


def test_senha_errada_do_certificado(sessao_fechada, certificado):
    from desktop.rules.validacao import EntradaInvalida
    with pytest.raises(EntradaInvalida, match="certificado A1"):
        esocial.gerar(sessao_fechada, "magisterio", OUTUBRO, data_pagamento=PAGAMENTO, pfx=certificado[0], senha="x")


def test_competencia_aberta_recusada(sessao_fechada):
    with pytest.raises(ErroNegocio, match="não está fechada"):
        esocial.gerar(sessao_fechada, "magisterio", date(2026, 9, 1), data_pagamento=PAGAMENTO)


def test_conselho_s1200(sessao_admin):
    from desktop.services.conselho import folha, mandatos

    s = sessao_admin
    comp = date(2026, 3, 1)
    for i, n in enumerate(["Ana Beatriz Souza", "Bruno Carvalho Lima"]):
        c = mandatos.cadastrar_conselheiro(s, nome=n, condicao="titular", ordem=i + 1, inicio_mandato=date(2024, 1, 10),
                                           fim_mandato=date(2028, 1, 9), cpf=["529.982.247-25", "111.444.777-35"][i])
    folha.fechar(s, comp)  # o eSocial sai da competência fechada
    lote = esocial.gerar(s, "conselho", comp, data_pagamento=PAGAMENTO)
    c = lote.contagem()
    assert c["S-1200"] == c["S-1210"] == 2
    n = NS % "evtRemun"
    for nome, xml in lote.eventos:
        if nome.startswith("S-1200"):
            assert etree.fromstring(xml).findtext(f".//{n}codCateg") == "771"
