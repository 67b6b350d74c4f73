"""O arquivo de um pacote de sincronização: cifrado para a réplica que o recebe e assinado por quem o fez.

Formato ``PACO-SYNC/1`` (bytes)::

    MAGICA | u32 tamanho do cabeçalho | cabeçalho JSON (em claro, sem conteúdo) |
    u16 número de seções | por seção: u16 nome | 32 pública efêmera | 12 nonce | u64 tamanho | cifrado |
    64 assinatura Ed25519 de tudo o que vem antes

Cada seção (``geral``, ``sigilo``) é cifrada para uma chave pública X25519 da réplica destino — a
geral para a pública cuja privada fica na base geral dela, a sigilosa para a pública cuja privada
fica no arquivo sigiloso dela (só quem tem a chave do sigilo a abre): par efêmero, acordo X25519,
HKDF-SHA256 e AES-256-GCM com o cabeçalho e o nome da seção como dados associados. O conteúdo é
comprimido (zlib) antes de cifrar. Tudo com a biblioteca ``cryptography``.

Gravação atômica: o arquivo é escrito como ``.parcial``, sincronizado no disco e só então renomeado;
um pen drive arrancado no meio deixa no máximo um ``.parcial`` (recusado) — e um arquivo cortado de
qualquer outro jeito falha na leitura dos tamanhos ou na assinatura.
"""
from __future__ import annotations

import json
import os
import struct
import zlib
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGICA = b"PACO-SYNC/1\n"
EXTENSAO = ".pacosync"
LIMITE_DESCOMPRIMIDO = 1 << 31  # 2 GiB: um pacote que infla além disso é recusado
_RAW = dict(encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw)
_RAW_PRIV = dict(encoding=serialization.Encoding.Raw, format=serialization.PrivateFormat.Raw,
                 encryption_algorithm=serialization.NoEncryption())


class PacoteInvalido(ValueError):
    """O arquivo não é um pacote íntegro; a mensagem é para o usuário."""


def par_x25519() -> tuple[bytes, bytes]:
    p = X25519PrivateKey.generate()
    return p.private_bytes(**_RAW_PRIV), p.public_key().public_bytes(**_RAW)


def par_ed25519() -> tuple[bytes, bytes]:
    p = Ed25519PrivateKey.generate()
    return p.private_bytes(**_RAW_PRIV), p.public_key().public_bytes(**_RAW)


def _chave(comum: bytes, efemera: bytes, publica: bytes, nome: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=efemera + publica,
                info=b"paco-sync/1|" + nome.encode()).derive(comum)


def montar(cabecalho: dict, secoes: dict[str, tuple[bytes, bytes]], assinante: bytes) -> bytes:
    """``secoes``: nome → (pública X25519 do destino, conteúdo em claro). ``assinante``: privada Ed25519."""
    cab = json.dumps(cabecalho, ensure_ascii=False, sort_keys=True).encode()
    partes = [MAGICA, struct.pack(">I", len(cab)), cab, struct.pack(">H", len(secoes))]
    for nome, (publica, claro) in secoes.items():
        efemera = X25519PrivateKey.generate()
        efemera_pub = efemera.public_key().public_bytes(**_RAW)
        chave = _chave(efemera.exchange(X25519PublicKey.from_public_bytes(publica)), efemera_pub, publica, nome)
        nonce = os.urandom(12)
        cifrado = AESGCM(chave).encrypt(nonce, zlib.compress(claro, 6), cab + b"|" + nome.encode())
        n = nome.encode()
        partes += [struct.pack(">H", len(n)), n, efemera_pub, nonce, struct.pack(">Q", len(cifrado)), cifrado]
    corpo = b"".join(partes)
    return corpo + Ed25519PrivateKey.from_private_bytes(assinante).sign(corpo)


class Lido:
    """Um pacote lido (estrutura conferida, assinatura ainda não)."""

    def __init__(self, cabecalho: dict, cab_bytes: bytes, secoes: dict, corpo: bytes, assinatura: bytes):
        self.cabecalho, self._cab, self.secoes = cabecalho, cab_bytes, secoes
        self._corpo, self._assinatura = corpo, assinatura

    def assinatura_confere(self, publica_ed25519: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(publica_ed25519).verify(self._assinatura, self._corpo)
            return True
        except (InvalidSignature, ValueError):
            return False

    def abrir(self, nome: str, privada_x25519: bytes) -> bytes:
        efemera_pub, nonce, cifrado = self.secoes[nome]
        p = X25519PrivateKey.from_private_bytes(privada_x25519)
        publica = p.public_key().public_bytes(**_RAW)
        try:
            chave = _chave(p.exchange(X25519PublicKey.from_public_bytes(efemera_pub)), efemera_pub, publica, nome)
            comprimido = AESGCM(chave).decrypt(nonce, cifrado, self._cab + b"|" + nome.encode())
            d = zlib.decompressobj()
            claro = d.decompress(comprimido, LIMITE_DESCOMPRIMIDO)
            if d.unconsumed_tail:
                raise PacoteInvalido("O pacote é grande demais para ser aberto (mais de 2 GiB descomprimido).")
            return claro
        except (InvalidTag, ValueError, zlib.error):
            raise PacoteInvalido(
                f"A parte {nome} do pacote não abre com a chave desta máquina: o pacote foi feito para outra "
                "réplica ou foi alterado. Nada foi aplicado.") from None


_CORTADO = ("O pacote está incompleto (cortado — talvez o pen drive tenha sido retirado durante a gravação). "
            "Nada foi aplicado; grave o pacote de novo na outra máquina.")


def ler(dados: bytes) -> Lido:
    if not dados.startswith(MAGICA):
        raise PacoteInvalido("O arquivo não é um pacote de sincronização do Paço. Nada foi aplicado.")
    try:
        pos = len(MAGICA)
        (n,) = struct.unpack_from(">I", dados, pos)
        pos += 4
        cab_bytes = dados[pos:pos + n]
        if len(cab_bytes) != n:
            raise PacoteInvalido(_CORTADO)
        cabecalho = json.loads(cab_bytes)
        pos += n
        (k,) = struct.unpack_from(">H", dados, pos)
        pos += 2
        secoes = {}
        for _ in range(k):
            (m,) = struct.unpack_from(">H", dados, pos)
            pos += 2
            nome = dados[pos:pos + m].decode()
            pos += m
            efemera, nonce = dados[pos:pos + 32], dados[pos + 32:pos + 44]
            pos += 44
            (t,) = struct.unpack_from(">Q", dados, pos)
            pos += 8
            cifrado = dados[pos:pos + t]
            if len(cifrado) != t:
                raise PacoteInvalido(_CORTADO)
            pos += t
            secoes[nome] = (efemera, nonce, cifrado)
    except (struct.error, UnicodeDecodeError, json.JSONDecodeError):
        raise PacoteInvalido(_CORTADO) from None
    if len(dados) - pos != 64 or not isinstance(cabecalho, dict):
        raise PacoteInvalido(_CORTADO if len(dados) - pos < 64 else
                             "O pacote tem bytes a mais depois da assinatura: foi alterado. Nada foi aplicado.")
    return Lido(cabecalho, cab_bytes, secoes, dados[:pos], dados[pos:])


def gravar_atomico(destino: Path, dados: bytes) -> None:
    parcial = destino.with_name(destino.name + ".parcial")
    with open(parcial, "wb") as f:
        f.write(dados)
        f.flush()
        os.fsync(f.fileno())
    os.replace(parcial, destino)
    try:
        fd = os.open(destino.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass  # Windows não sincroniza pastas; o rename já é atômico lá
