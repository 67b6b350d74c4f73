"""Primitivas criptográficas das fechaduras: pares X25519, envelopes, embrulho por senha, selos.

Tudo com a biblioteca ``cryptography`` (e ``argon2-cffi`` para a senha); nada feito à mão:

* **envelope** (``selar``/``abrir_envelope``): uma chave de domínio cifrada para a chave pública
  X25519 de alguém — par efêmero, acordo X25519, HKDF-SHA256 e AES-256-GCM com *dados associados*
  (base, login, papel, domínio, versão), de modo que um envelope não serve em outro lugar;
* **embrulho por senha** (``embrulhar``/``desembrulhar``): a chave privada do usuário cifrada com
  AES-256-GCM sob argon2id(senha);
* **selo** (``selo``/``confere_selo``): HMAC-SHA256 com a chave de um domínio, que só quem a tem
  calcula; prende uma chave pública a um login e papel;
* **assinatura** (``assinar``/``confere_assinatura``): Ed25519 com a chave do domínio ``admin``;
  autentica os registros de usuários para quem não tem a chave (p.ex. um conselheiro que libera o
  sigilo a um colega confere que foi um administrador quem criou o colega).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_RAW = dict(encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw)
_RAW_PRIV = dict(encoding=serialization.Encoding.Raw, format=serialization.PrivateFormat.Raw,
                 encryption_algorithm=serialization.NoEncryption())

# Custo do argon2id: ~170 ms nesta máquina (NOTAS-TECNICAS). Os testes baixam o custo com
# PACO_KDF_RAPIDO=1; cada fechadura guarda os parâmetros com que foi feita.
KDF_PADRAO = {"t": 3, "m": 65536, "p": 4}
KDF_RAPIDO = {"t": 1, "m": 1024, "p": 1}


class FalhaDeSelo(Exception):
    """Envelope, embrulho ou selo que não confere (chave errada ou conteúdo alterado)."""


def kdf_params() -> dict:
    return dict(KDF_RAPIDO if os.environ.get("PACO_KDF_RAPIDO") == "1" else KDF_PADRAO)


def b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def unb64(s: str) -> bytes:
    try:
        return base64.b64decode(s, validate=True)
    except (ValueError, TypeError):
        raise FalhaDeSelo("campo em base64 inválido") from None


def nova_chave() -> bytes:
    """Uma chave de domínio: 32 bytes aleatórios."""
    return os.urandom(32)


def _hkdf(material: bytes, sal: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=sal, info=info).derive(material)


# -- pares X25519 ------------------------------------------------------------------------------
def novo_par() -> tuple[bytes, bytes]:
    """(privada, pública), 32 bytes cada."""
    p = X25519PrivateKey.generate()
    return p.private_bytes(**_RAW_PRIV), p.public_key().public_bytes(**_RAW)


def par_de_semente(semente: bytes, contexto: bytes) -> tuple[bytes, bytes]:
    """Par X25519 determinado por um segredo (a chave de recuperação)."""
    p = X25519PrivateKey.from_private_bytes(_hkdf(semente, b"paco-par/2", contexto))
    return p.private_bytes(**_RAW_PRIV), p.public_key().public_bytes(**_RAW)


def impressao(publica: bytes) -> str:
    """Impressão digital curta de uma chave pública (SHA-256, 32 hexadecimais)."""
    return hashlib.sha256(publica).hexdigest()[:32]


# -- envelopes ---------------------------------------------------------------------------------
def selar(publica: bytes, segredo: bytes, associado: bytes) -> dict:
    efemera = X25519PrivateKey.generate()
    efemera_pub = efemera.public_key().public_bytes(**_RAW)
    comum = efemera.exchange(X25519PublicKey.from_public_bytes(publica))
    chave = _hkdf(comum, efemera_pub + publica, b"paco-envelope/2")
    nonce = os.urandom(12)
    return {"efemera": b64(efemera_pub), "nonce": b64(nonce),
            "cifrado": b64(AESGCM(chave).encrypt(nonce, segredo, associado))}


def abrir_envelope(privada: bytes, envelope: dict, associado: bytes) -> bytes:
    try:
        p = X25519PrivateKey.from_private_bytes(privada)
        publica = p.public_key().public_bytes(**_RAW)
        efemera_pub = unb64(envelope["efemera"])
        comum = p.exchange(X25519PublicKey.from_public_bytes(efemera_pub))
        chave = _hkdf(comum, efemera_pub + publica, b"paco-envelope/2")
        return AESGCM(chave).decrypt(unb64(envelope["nonce"]), unb64(envelope["cifrado"]), associado)
    except (InvalidTag, KeyError, TypeError, ValueError):
        raise FalhaDeSelo("envelope não confere") from None


# -- embrulho por senha ------------------------------------------------------------------------
def _derivar(senha: str, sal: bytes, p: dict) -> bytes:
    return hash_secret_raw(senha.encode("utf-8"), sal, time_cost=p["t"], memory_cost=p["m"],
                           parallelism=p["p"], hash_len=32, type=Type.ID)


def embrulhar(senha: str, segredo: bytes, associado: bytes) -> dict:
    p = kdf_params()
    sal, nonce = os.urandom(16), os.urandom(12)
    cifrado = AESGCM(_derivar(senha, sal, p)).encrypt(nonce, segredo, associado)
    return {"kdf": "argon2id", **p, "sal": b64(sal), "nonce": b64(nonce), "cifrado": b64(cifrado)}


def desembrulhar(senha: str, embrulho: dict, associado: bytes) -> bytes:
    try:
        p = {k: int(embrulho[k]) for k in ("t", "m", "p")}
        # Parâmetros editados à mão não podem pedir memória ou tempo absurdos (negação de serviço).
        if embrulho.get("kdf") != "argon2id" or not (8 <= p["m"] <= 1024 * 1024) \
                or not (1 <= p["t"] <= 16) or not (1 <= p["p"] <= 16):
            raise FalhaDeSelo("parâmetros de derivação inválidos")
        chave = _derivar(senha, unb64(embrulho["sal"]), p)
        return AESGCM(chave).decrypt(unb64(embrulho["nonce"]), unb64(embrulho["cifrado"]), associado)
    except (InvalidTag, KeyError, TypeError, ValueError):
        raise FalhaDeSelo("embrulho não confere") from None


# -- selos (HMAC) e assinaturas (Ed25519) ------------------------------------------------------
def _junta(partes) -> bytes:
    return b"\x1f".join(p if isinstance(p, bytes) else str(p).encode() for p in partes)


def selo(chave: bytes, *partes) -> str:
    return hmac.new(chave, _junta(partes), hashlib.sha256).hexdigest()


def confere_selo(chave: bytes, valor: str | None, *partes) -> bool:
    return isinstance(valor, str) and hmac.compare_digest(selo(chave, *partes), valor)


def publica_de_assinatura(semente: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(semente).public_key().public_bytes(**_RAW)


def assinar(semente: bytes, *partes) -> str:
    return b64(Ed25519PrivateKey.from_private_bytes(semente).sign(_junta(partes)))


def confere_assinatura(publica: bytes, assinatura: str | None, *partes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(publica).verify(unb64(assinatura or ""), _junta(partes))
        return True
    except (InvalidSignature, FalhaDeSelo, ValueError):
        return False
