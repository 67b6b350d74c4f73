"""Chaves da base cifrada: a chave aleatória da base, embrulhada por usuário (argon2id) e a chave
de recuperação.

A base é cifrada com SQLCipher usando uma chave de 256 bits derivada (HKDF-SHA256) da *chave de
recuperação*, um segredo aleatório de 160 bits que o assistente mostra uma única vez para ser
impresso. Cada usuário tem uma "fechadura" (slot) no arquivo ``<base>.chaves``: a chave da base
cifrada com AES-256-GCM sob uma chave derivada da senha dele por argon2id. Assim:

* a senha certa abre a fechadura e a base; a errada falha na autenticação do AES-GCM;
* trocar a senha não recifra a base, só reescreve a fechadura;
* perdido o arquivo de chaves, a chave de recuperação ainda abre a base e as cópias.

Provisório (até a hierarquia de chaves por papel): a chave aleatória do arquivo sigiloso do Conselho
(``<base>.sigilo``) vai embrulhada, sob a mesma senha, só nas fechaduras de quem a recebeu
(conselheiros, consulta e o administrador, que a guarda para entregá-la aos usuários novos do
Conselho), e sob a chave de recuperação (``sigilo_recuperacao``).
"""
from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMATO = "paco-chaves/1"
_ALFABETO = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # sem 0/O e 1/I, que se confundem no papel

# Custo do argon2id: ~170 ms nesta máquina (NOTAS-TECNICAS). Os testes baixam o custo com
# PACO_KDF_RAPIDO=1; cada fechadura guarda os parâmetros com que foi feita.
_KDF_PADRAO = {"t": 3, "m": 65536, "p": 4}
_KDF_RAPIDO = {"t": 1, "m": 1024, "p": 1}


class ErroChaves(Exception):
    """Falha ao ler ou usar o arquivo de chaves; a mensagem é para o usuário."""


class SenhaIncorreta(ErroChaves):
    pass


def _kdf_params() -> dict:
    return dict(_KDF_RAPIDO if os.environ.get("PACO_KDF_RAPIDO") == "1" else _KDF_PADRAO)


def nova_chave_recuperacao() -> str:
    """Gera a chave de recuperação: 32 caracteres em 8 grupos de 4 (160 bits)."""
    texto = "".join(secrets.choice(_ALFABETO) for _ in range(32))
    return "-".join(texto[i : i + 4] for i in range(0, 32, 4))


def normalizar_recuperacao(texto: str) -> str:
    t = "".join(c for c in (texto or "").upper() if c.isalnum())
    if len(t) != 32 or any(c not in _ALFABETO for c in t):
        raise ErroChaves(
            "Chave de recuperação inválida: são 32 letras e números em 8 grupos de 4, "
            "como impresso na folha da instalação."
        )
    return "-".join(t[i : i + 4] for i in range(0, 32, 4))


def chave_da_base(recuperacao: str) -> bytes:
    """A chave SQLCipher (32 bytes) que a chave de recuperação determina."""
    r = normalizar_recuperacao(recuperacao).encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"paco-base", info=b"sqlcipher").derive(r)


def _chave_recuperacao_sigilo(recuperacao: str) -> bytes:
    r = normalizar_recuperacao(recuperacao).encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"paco-sigilo", info=b"embrulho").derive(r)


def _derivar(senha: str, sal: bytes, p: dict) -> bytes:
    return hash_secret_raw(
        senha.encode("utf-8"), sal, time_cost=p["t"], memory_cost=p["m"], parallelism=p["p"],
        hash_len=32, type=Type.ID,
    )


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def _unb64(s: str) -> bytes:
    return base64.b64decode(s)


@dataclass
class ArquivoChaves:
    """O arquivo ``<base>.chaves``: as fechaduras de cada usuário."""

    caminho: Path
    base_id: str
    fechaduras: dict[str, dict]
    sigilo_recuperacao: dict | None = None  # a chave do sigilo sob a chave de recuperação

    @staticmethod
    def caminho_para(base: Path) -> Path:
        return Path(str(base) + ".chaves")

    @classmethod
    def novo(cls, base: Path, base_id: str) -> "ArquivoChaves":
        return cls(cls.caminho_para(base), base_id, {})

    @classmethod
    def ler(cls, base: Path) -> "ArquivoChaves":
        caminho = cls.caminho_para(base)
        try:
            dados = json.loads(caminho.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ErroChaves(
                f"O arquivo de chaves {caminho.name} não foi encontrado ao lado da base. "
                "Use a chave de recuperação ou restaure uma cópia de segurança."
            ) from None
        except (OSError, ValueError):
            raise ErroChaves(
                f"O arquivo de chaves {caminho.name} está danificado ou não é do Paço. "
                "Use a chave de recuperação ou restaure uma cópia de segurança."
            ) from None
        if not isinstance(dados, dict) or dados.get("formato") != FORMATO:
            raise ErroChaves(f"{caminho.name} não é um arquivo de chaves do Paço.")
        return cls(caminho, dados["base_id"], dict(dados.get("fechaduras", {})), dados.get("sigilo_recuperacao"))

    def gravar(self, destino: Path | None = None) -> None:
        """Grava de forma atômica (arquivo temporário, fsync, rename): nada se perde num apagão.

        Os campos ``ancora*`` (âncoras do diário) já gravados no destino são preservados.
        """
        destino = Path(destino or self.caminho)
        with _TRAVA_ANCORA:
            dados = {"formato": FORMATO, "base_id": self.base_id, "fechaduras": self.fechaduras,
                     **_ancoras_gravadas(destino)}
            if self.sigilo_recuperacao:
                dados["sigilo_recuperacao"] = self.sigilo_recuperacao
            _gravar_json(destino, dados)

    def usuarios(self) -> list[str]:
        return sorted(self.fechaduras)

    def fechar(self, login: str, senha: str, chave: bytes, chave_sigilo: bytes | None = None) -> None:
        """Cria ou substitui a fechadura de ``login`` com a senha dada (e a chave do sigilo, se dada)."""
        p = _kdf_params()
        sal, nonce = os.urandom(16), os.urandom(12)
        aes = AESGCM(_derivar(senha, sal, p))
        cifrado = aes.encrypt(nonce, chave, login.encode())
        fechadura = {
            "kdf": "argon2id", **p, "sal": _b64(sal), "nonce": _b64(nonce), "cifrado": _b64(cifrado),
        }
        if chave_sigilo is not None:
            nonce_s = os.urandom(12)
            fechadura["sigilo_nonce"] = _b64(nonce_s)
            fechadura["sigilo_cifrado"] = _b64(aes.encrypt(nonce_s, chave_sigilo, f"{login}|sigilo".encode()))
        self.fechaduras[login] = fechadura

    def tem_sigilo(self) -> bool:
        """Se alguma fechadura (ou a recuperação) guarda a chave do sigilo desta base."""
        return bool(self.sigilo_recuperacao) or any("sigilo_cifrado" in f for f in self.fechaduras.values())

    def abrir_chaves(self, login: str, senha: str) -> tuple[bytes, bytes | None]:
        """(chave da base, chave do sigilo ou None) se a senha de ``login`` estiver certa."""
        f = self.fechaduras.get(login)
        if f is None:
            raise SenhaIncorreta("Usuário ou senha incorretos.")
        try:
            aes = AESGCM(_derivar(senha, _unb64(f["sal"]), f))
            chave = aes.decrypt(_unb64(f["nonce"]), _unb64(f["cifrado"]), login.encode())
            sigilo = None
            if "sigilo_cifrado" in f:
                sigilo = aes.decrypt(_unb64(f["sigilo_nonce"]), _unb64(f["sigilo_cifrado"]),
                                     f"{login}|sigilo".encode())
            return chave, sigilo
        except InvalidTag:
            raise SenhaIncorreta("Usuário ou senha incorretos.") from None

    def guardar_sigilo_recuperacao(self, recuperacao: str, chave_sigilo: bytes) -> None:
        nonce = os.urandom(12)
        cifrado = AESGCM(_chave_recuperacao_sigilo(recuperacao)).encrypt(nonce, chave_sigilo, b"sigilo")
        self.sigilo_recuperacao = {"nonce": _b64(nonce), "cifrado": _b64(cifrado)}

    def sigilo_pela_recuperacao(self, recuperacao: str) -> bytes | None:
        if not self.sigilo_recuperacao:
            return None
        try:
            return AESGCM(_chave_recuperacao_sigilo(recuperacao)).decrypt(
                _unb64(self.sigilo_recuperacao["nonce"]), _unb64(self.sigilo_recuperacao["cifrado"]), b"sigilo")
        except InvalidTag:
            raise ErroChaves("A chave de recuperação não abre a chave do sigilo desta base.") from None

    def remover(self, login: str) -> None:
        self.fechaduras.pop(login, None)

    def abrir(self, login: str, senha: str) -> bytes:
        """Devolve a chave da base se a senha de ``login`` estiver certa."""
        f = self.fechaduras.get(login)
        if f is None:
            raise SenhaIncorreta("Usuário ou senha incorretos.")
        try:
            chave_senha = _derivar(senha, _unb64(f["sal"]), f)
            return AESGCM(chave_senha).decrypt(_unb64(f["nonce"]), _unb64(f["cifrado"]), login.encode())
        except InvalidTag:
            raise SenhaIncorreta("Usuário ou senha incorretos.") from None


# -- âncoras do diário -------------------------------------------------------------------------
# A cabeça da corrente do diário (seq, hash) fica também aqui, fora da base: quem apaga o fim do
# diário ou o reescreve e recalcula os hashes dentro da base não acerta esta cópia (ver
# ``desktop.store.integridade`` e docs/seguranca.md, "Diário e âncoras").
_TRAVA_ANCORA = threading.Lock()  # uma leitura-e-regravação do arquivo de chaves por vez


def _gravar_json(destino: Path, dados: dict) -> None:
    """Arquivo temporário, fsync, rename: o arquivo de chaves nunca fica pela metade."""
    fd, tmp = tempfile.mkstemp(prefix=".chaves-", dir=destino.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(dados, f, indent=1, sort_keys=True)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, destino)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def campo_ancora(esquema: str = "main") -> str:
    """O campo do arquivo de chaves com a âncora do diário de ``esquema``."""
    return "ancora" if esquema == "main" else f"ancora_{esquema}"


def _ancoras_gravadas(caminho: Path) -> dict:
    """Os campos ``ancora*`` já gravados em ``caminho`` (para não perdê-los ao regravar)."""
    try:
        dados = json.loads(Path(caminho).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in dados.items() if k.startswith("ancora")} if isinstance(dados, dict) else {}


def ancorar(base: Path, cabeca: dict, *, esquema: str = "main", arquivo: Path | None = None,
            lacuna: dict | None = None) -> bool:
    """Grava a cabeça do diário (``{"seq", "hash", "momento"}``) no arquivo de chaves da base.

    Lê o JSON, põe ``cabeca`` no campo de ``esquema`` (``ancora`` para o diário geral) e grava de
    forma atômica, preservando todos os outros campos. Nunca recua: se o arquivo já tem uma âncora
    de seq maior (outra thread gravou depois), fica a dela. ``arquivo`` grava num outro arquivo de
    chaves (o de uma cópia de segurança) em vez do ``<base>.chaves``. ``lacuna`` (linhas que entraram
    no diário sem passar pelo Paço) é acrescentada à lista ``<campo>_lacunas``. Devolve se gravou.
    """
    caminho = Path(arquivo) if arquivo is not None else ArquivoChaves.caminho_para(base)
    campo = campo_ancora(esquema)
    with _TRAVA_ANCORA:
        try:
            dados = json.loads(caminho.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if not isinstance(dados, dict):
            return False
        atual = dados.get(campo)
        if arquivo is None and isinstance(atual, dict) and int(atual.get("seq") or 0) > int(cabeca["seq"]):
            return False
        dados[campo] = dict(cabeca)
        if lacuna is not None:
            lacunas = dados.get(f"{campo}_lacunas")
            dados[f"{campo}_lacunas"] = [*(lacunas if isinstance(lacunas, list) else []), lacuna][-50:]
        _gravar_json(caminho, dados)
    return True
