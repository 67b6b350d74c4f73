"""Assinatura digital PAdES (pyHanko) com o certificado A1 (.pfx) do emissor.

Sem certificado, o documento sai como antes (selo Ed25519 e registro). Com ele, o PDF já selado
recebe, numa atualização incremental, a assinatura PAdES com bloco visível no rodapé. A hora é a do
relógio deste computador (não há carimbo de tempo de uma autoridade, que exigiria rede) e o bloco o
diz. A cadeia do certificado vai dentro da assinatura; dados de revogação (LTV) não são embutidos,
porque offline não há como obtê-los.
"""
from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12

from desktop.rules.validacao import EntradaInvalida

CAMPO = "AssinaturaPaco"


@dataclass(frozen=True)
class Certificado:
    titular: str
    validade: str  # ISO
    pfx: bytes
    senha: str


def ler_pfx(pfx: bytes, senha: str) -> Certificado:
    """Abre o .pfx; senha errada ou arquivo danificado viram mensagens claras (nada é gravado)."""
    if not pfx:
        raise EntradaInvalida("O arquivo do certificado está vazio.")
    try:
        chave, cert, _outros = pkcs12.load_key_and_certificates(pfx, (senha or "").encode())
    except ValueError as e:
        texto = str(e).lower()
        if "password" in texto or "mac" in texto or "decrypt" in texto:
            raise EntradaInvalida("Senha do certificado incorreta: confira a senha do arquivo .pfx "
                                  "(a que foi definida ao exportá-lo).") from None
        raise EntradaInvalida("O arquivo do certificado está danificado ou não é um .pfx/.p12 "
                              "(PKCS#12). Exporte-o de novo, com a chave privada.") from None
    if chave is None or cert is None:
        raise EntradaInvalida("O arquivo .pfx não tem a chave privada e o certificado: exporte-o de novo, "
                              "marcando \"exportar a chave privada\".")
    nomes = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    titular = nomes[0].value if nomes else cert.subject.rfc4514_string()
    return Certificado(str(titular), cert.not_valid_after_utc.isoformat(), pfx, senha or "")


def _assinante(c: Certificado):
    from pyhanko.sign import signers

    return signers.SimpleSigner.load_pkcs12_data(c.pfx, other_certs=None, passphrase=c.senha.encode())


_CACHE: dict[bytes, object] = {}


def assinar(pdf: bytes, c: Certificado, *, local: str, caixa: tuple[float, float, float, float]) -> bytes:
    """O PDF com a assinatura PAdES visível na ``caixa`` (x1, y1, x2, y2, em pontos) da última página."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    chave = c.pfx + c.senha.encode()
    assinante = _CACHE.get(chave)
    if assinante is None:
        assinante = _CACHE[chave] = _assinante(c)  # a chave carregada uma vez por processo
    escritor = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    pagina = -1
    meta = signers.PdfSignatureMetadata(
        field_name=CAMPO, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        reason="Documento oficial emitido pelo Paço", location=local)
    estilo = TextStampStyle(
        stamp_text="Assinado digitalmente por %(signer)s\nem %(ts)s (relógio deste computador,\nsem carimbo de tempo)",
        timestamp_format="%d/%m/%Y %H:%M:%S %z")
    campo = fields.SigFieldSpec(CAMPO, on_page=pagina, box=caixa)
    saida = signers.PdfSigner(meta, signer=assinante, stamp_style=estilo, new_field_spec=campo).sign_pdf(escritor)
    return saida.getvalue()


def validar(pdf: bytes) -> tuple[bool, str]:
    """(válida e íntegra cobrindo o arquivo inteiro, titular) da última assinatura PAdES do arquivo."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    try:
        r = PdfFileReader(BytesIO(pdf), strict=False)
        if not r.embedded_signatures:
            return False, ""
        from pyhanko_certvalidator import ValidationContext

        # sem raízes confiáveis aqui (offline): confere integridade e assinatura; a cadeia ICP-Brasil, no leitor
        status = validate_pdf_signature(r.embedded_signatures[-1], ValidationContext(trust_roots=[], allow_fetching=False))
    except Exception:  # noqa: BLE001 — arquivo ou assinatura ilegível
        return False, ""
    cobre = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    nome = status.signing_cert.subject.native.get("common_name") or status.signing_cert.subject.human_friendly
    return bool(status.intact and status.valid and cobre), str(nome)
