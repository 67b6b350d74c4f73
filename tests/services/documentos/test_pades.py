"""PAdES com o .pfx do emissor: AC de teste e certificado criados aqui (cryptography), validação pelo pyHanko;
senha errada e certificado danificado: mensagem clara e nada registrado."""
from datetime import datetime, timedelta, timezone
from io import BytesIO

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509.oid import NameOID

from desktop.rules.validacao import EntradaInvalida
from desktop.services import documentos, emissores, verificacao
from tests.services.test_documentos import _emitir

SENHA_PFX = "senha-do-pfx"


def _nome(cn):
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "BR"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _pfx_de_teste(cn="SECRETARIA MUNICIPAL DE EDUCACAO:11222333000181") -> tuple[bytes, x509.Certificate]:
    agora = datetime.now(timezone.utc)
    chave_ac = ec.generate_private_key(ec.SECP256R1())
    ac = (x509.CertificateBuilder().subject_name(_nome("AC Teste Paço")).issuer_name(_nome("AC Teste Paço"))
          .public_key(chave_ac.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(agora - timedelta(days=1)).not_valid_after(agora + timedelta(days=365))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
          .sign(chave_ac, hashes.SHA256()))
    chave = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_nome(cn)).issuer_name(ac.subject)
            .public_key(chave.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(agora - timedelta(days=1)).not_valid_after(agora + timedelta(days=180))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .sign(chave_ac, hashes.SHA256()))
    pfx = pkcs12.serialize_key_and_certificates(b"a1", chave, cert, [ac], BestAvailableEncryption(SENHA_PFX.encode()))
    return pfx, ac


def test_documento_assinado_valida_no_pyhanko(sessao_admin):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    pfx, ac = _pfx_de_teste()
    c = emissores.instalar_certificado(sessao_admin, emissores.ORGAO, pfx, SENHA_PFX)
    assert c.titular.startswith("SECRETARIA MUNICIPAL")
    e = _emitir(sessao_admin, referencia="assinada")
    r = PdfFileReader(BytesIO(e.pdf))
    assert len(r.embedded_signatures) == 1
    sig = r.embedded_signatures[0]
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding

    raiz = asn1_x509.Certificate.load(ac.public_bytes(Encoding.DER))
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[raiz]))
    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.signing_cert.subject.native["common_name"] == "SECRETARIA MUNICIPAL DE EDUCACAO:11222333000181"
    texto = "".join(p.extract_text() for p in __import__("pypdf").PdfReader(BytesIO(e.pdf)).pages)
    assert e.codigo in texto
    # selo Ed25519 e registro continuam valendo com a assinatura acrescentada
    assert documentos.verificar_pdf(sessao_admin, e.pdf).situacao == documentos.AUTENTICO
    v = verificacao.verificar_pdf(None, e.pdf, chaves_extras=[documentos.exportar_chave_publica(sessao_admin)])
    assert v.situacao == "autentico" and "Assinatura digital PAdES válida" in v.mensagem()
    # mexer no arquivo depois da assinatura: alterado
    meio = len(e.pdf) - 3000
    adulterado = e.pdf[:meio] + bytes([e.pdf[meio] ^ 1]) + e.pdf[meio + 1:]
    v = verificacao.verificar_pdf(None, adulterado, chaves_extras=[documentos.exportar_chave_publica(sessao_admin)])
    assert v.situacao == "alterado"


def test_senha_errada_e_certificado_danificado_nada_registrado(sessao_admin):
    pfx, _ac = _pfx_de_teste()
    with pytest.raises(EntradaInvalida, match="Senha do certificado incorreta"):
        emissores.instalar_certificado(sessao_admin, emissores.ORGAO, pfx, "outra-senha")
    with pytest.raises(EntradaInvalida, match="danificado"):
        emissores.instalar_certificado(sessao_admin, emissores.ORGAO, pfx[: len(pfx) // 2], SENHA_PFX)
    assert sessao_admin.db.execute("SELECT count(*) FROM emissores_certificados").fetchone()[0] == 0
    e = _emitir(sessao_admin)  # sem certificado, sai como antes, sem assinatura PAdES
    assert b"/ByteRange" not in e.pdf
