"""Arquivo de chaves ``<base>.chaves`` (formato ``paco-chaves/2``): fechaduras por usuário e domínio.

Cada *domínio* tem a sua chave aleatória de 32 bytes (``desktop.rules.papeis.DOMINIOS``): ``geral``
cifra o arquivo principal (SQLCipher), ``sigilo`` o arquivo do conteúdo sigiloso do Conselho
Tutelar, ``admin`` assina os registros de usuários. Cada usuário tem um par X25519: a privada vai
embrulhada sob argon2id(senha); as chaves dos domínios do seu papel vão seladas para a pública
(``desktop.store.selagem``), com dados associados que prendem login, papel, domínio e versão.
A chave de recuperação determina outro par X25519, para o qual todas as chaves também são
seladas: ela abre tudo, e quem gira uma chave sela a nova para ela sem conhecê-la.

Cada chave pública guardada leva, por domínio que recebe, um selo (HMAC com a chave do domínio):
quem gira uma chave só sela a nova para as públicas cujo selo confere — trocar a pública de
alguém no arquivo não faz ninguém receber chave nenhuma.

Campos de topo desconhecidos (p.ex. ``ancora``, a âncora do diário) são preservados.
"""
from __future__ import annotations

import json
import os
import secrets
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from . import selagem as s
from .selagem import FalhaDeSelo
from .local import recusar_atalho

FORMATO = "paco-chaves/2"
FORMATO_V1 = "paco-chaves/1"
RECUPERACAO = "#recuperacao"  # "login" da chave de recuperação nos dados associados
_ALFABETO = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # sem 0/O e 1/I, que se confundem no papel


class ErroChaves(Exception):
    """Falha ao ler ou usar o arquivo de chaves; a mensagem é para o usuário."""


class SenhaIncorreta(ErroChaves):
    pass


class FechaduraAlterada(ErroChaves):
    """A fechadura ou o registro do usuário foi alterado fora do Paço: entrada recusada."""


class FormatoAntigo(ErroChaves):
    """Arquivo ``paco-chaves/1``: precisa da atualização (senha do administrador + recuperação)."""


# -- chave de recuperação ----------------------------------------------------------------------
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


def chave_da_base_v1(recuperacao: str) -> bytes:
    """A chave SQLCipher das bases ``paco-chaves/1`` (derivada da recuperação); só para atualizar."""
    r = normalizar_recuperacao(recuperacao).encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"paco-base", info=b"sqlcipher").derive(r)


def par_da_recuperacao(recuperacao: str) -> tuple[bytes, bytes]:
    return s.par_de_semente(normalizar_recuperacao(recuperacao).encode(), b"recuperacao")


# -- o arquivo ---------------------------------------------------------------------------------
@dataclass
class Fechadura:
    """O que a senha (ou a chave de recuperação) abriu: as chaves dos domínios."""

    login: str
    papel: str
    privada: bytes
    chaves: dict[str, bytes]
    anteriores: dict[str, bytes] = field(default_factory=dict)  # de uma rotação interrompida


def _ad_privada(base_id, login, papel) -> bytes:
    return s._junta(("paco-privada/2", base_id, login, papel))


def _ad_envelope(base_id, login, papel, dominio, versao) -> bytes:
    return s._junta(("paco-envelope/2", base_id, login, papel, dominio, versao))


def _msg_danificado(nome: str) -> str:
    return (f"O arquivo de chaves {nome} está danificado ou não é do Paço. "
            "Use a chave de recuperação ou restaure uma cópia de segurança.")


class ArquivoChaves:
    """O arquivo ``<base>.chaves``. Os dados ficam num dicionário JSON (campos de topo
    desconhecidos são regravados como vieram)."""

    def __init__(self, caminho: Path, dados: dict):
        self.caminho = Path(caminho)
        self.dados = dados

    # -- ler e gravar --------------------------------------------------------------------------
    @staticmethod
    def caminho_para(base: Path) -> Path:
        return Path(str(base) + ".chaves")

    @classmethod
    def novo(cls, base: Path, base_id: str, recuperacao_publica: bytes) -> "ArquivoChaves":
        return cls(cls.caminho_para(base), {
            "formato": FORMATO, "base_id": base_id, "versoes": {}, "usuarios": {},
            "recuperacao": {"publica": s.b64(recuperacao_publica), "envelopes": {}, "selos": {}},
            "pendencias": {},
        })

    @classmethod
    def ler(cls, base: Path, *, aceitar_v1: bool = False) -> "ArquivoChaves":
        recusar_atalho(base)
        caminho = cls.caminho_para(base)
        try:
            dados = json.loads(caminho.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ErroChaves(
                f"O arquivo de chaves {caminho.name} não foi encontrado ao lado da base. "
                "Use a chave de recuperação ou restaure uma cópia de segurança."
            ) from None
        except (OSError, ValueError):
            raise ErroChaves(_msg_danificado(caminho.name)) from None
        if not isinstance(dados, dict) or dados.get("formato") not in (FORMATO, FORMATO_V1):
            raise ErroChaves(f"{caminho.name} não é um arquivo de chaves do Paço.")
        if not isinstance(dados.get("base_id"), str):
            raise ErroChaves(_msg_danificado(caminho.name))
        if dados["formato"] == FORMATO_V1 and not aceitar_v1:
            raise FormatoAntigo(
                "As chaves desta base estão no formato antigo, em que todas as senhas abrem tudo. "
                "Um administrador precisa atualizá-las uma vez com a chave de recuperação "
                "(\"Esqueci a senha\" na tela de entrada: chave de recuperação, login e nova "
                "senha); depois ele dá senhas provisórias aos demais usuários."
            )
        if dados["formato"] == FORMATO:
            for campo in ("usuarios", "recuperacao", "versoes"):
                if not isinstance(dados.get(campo), dict):
                    raise ErroChaves(_msg_danificado(caminho.name))
            dados.setdefault("pendencias", {})
        return cls(caminho, dados)

    def gravar(self, destino: Path | None = None) -> None:
        """Grava de forma atômica (arquivo temporário, fsync, rename): nada se perde num apagão.

        Os campos ``ancora*`` (âncoras do diário, gravadas por outra thread) já gravados no
        destino prevalecem sobre os lidos antes; os demais campos de topo vão como estão."""
        destino = Path(destino or self.caminho)
        with _TRAVA_ANCORA:
            self.dados.update(_ancoras_gravadas(destino))
            _gravar_json(destino, self.dados)

    # -- consultas -----------------------------------------------------------------------------
    @property
    def base_id(self) -> str:
        return self.dados["base_id"]

    @property
    def formato(self) -> str:
        return self.dados["formato"]

    def usuarios(self) -> list[str]:
        return sorted(self.dados.get("usuarios") or self.dados.get("fechaduras") or {})

    def usuario(self, login: str) -> dict | None:
        return self.dados["usuarios"].get(login)

    def versao(self, dominio: str) -> int:
        return int(self.dados["versoes"].get(dominio, 0))

    def dominios_de(self, login: str) -> set[str]:
        u = self.usuario(login)
        return set((u or {}).get("envelopes", {}))

    def publica(self, login: str) -> bytes:
        return s.unb64(self.dados["usuarios"][login]["publica"])

    def impressao(self, login: str) -> str:
        return s.impressao(self.publica(login))

    @property
    def pendencias(self) -> dict:
        return self.dados.setdefault("pendencias", {})

    # -- fechaduras ----------------------------------------------------------------------------
    def definir_usuario(self, login: str, papel: str, senha: str, chaves: dict[str, bytes]) -> str:
        """Cria ou substitui a fechadura de ``login``: par novo, privada sob a senha, as ``chaves``
        seladas e a pública selada com cada uma. Devolve a impressão da pública."""
        privada, publica = s.novo_par()
        self.dados["usuarios"][login] = {
            "papel": papel, "publica": s.b64(publica),
            "privada": s.embrulhar(senha, privada, _ad_privada(self.base_id, login, papel)),
            "envelopes": {}, "selos": {},
        }
        for dominio, chave in chaves.items():
            self.selar_para(login, dominio, chave)
        return s.impressao(publica)

    def selar_para(self, login: str, dominio: str, chave: bytes) -> None:
        """Sela a chave do domínio para a pública de ``login`` e prende a pública com um selo.

        Quem chama já conferiu que a pública é legítima (selo de outro domínio ou assinatura)."""
        u = self.dados["usuarios"][login]
        versao = self.versao(dominio)
        publica = s.unb64(u["publica"])
        env = s.selar(publica, chave, _ad_envelope(self.base_id, login, u["papel"], dominio, versao))
        u["envelopes"][dominio] = env | {"versao": versao}
        u["selos"][dominio] = self._selo_publica(chave, login, u["papel"], u["publica"], dominio)

    def _selo_publica(self, chave, login, papel, publica_b64, dominio) -> str:
        return s.selo(chave, "paco-publica/2", self.base_id, login, papel, publica_b64, dominio)

    def publica_confere(self, login: str, dominio: str, chave: bytes) -> bool:
        """Se a pública de ``login`` foi selada por quem tinha a chave do domínio."""
        u = self.dados["usuarios"].get(login)
        if not u:
            return False
        esperado = self._selo_publica(chave, login, u.get("papel"), u.get("publica"), dominio)
        valor = u.get("selos", {}).get(dominio)
        return isinstance(valor, str) and s.hmac.compare_digest(esperado, valor)

    def remover(self, login: str) -> None:
        self.dados["usuarios"].pop(login, None)

    def retirar_dominio(self, login: str, dominio: str) -> None:
        u = self.dados["usuarios"].get(login)
        if u:
            u["envelopes"].pop(dominio, None)
            u["selos"].pop(dominio, None)
            u.get("anteriores", {}).pop(dominio, None)

    def trocar_senha(self, login: str, atual: str, nova: str) -> None:
        u = self.dados["usuarios"][login]
        ad = _ad_privada(self.base_id, login, u["papel"])
        try:
            privada = s.desembrulhar(atual, u["privada"], ad)
        except FalhaDeSelo:
            raise SenhaIncorreta("A senha atual não confere.") from None
        u["privada"] = s.embrulhar(nova, privada, ad)

    def abrir(self, login: str, senha: str) -> Fechadura:
        """As chaves que a senha de ``login`` abre. SenhaIncorreta se não abrir;
        FechaduraAlterada se a senha abre mas os envelopes não conferem."""
        u = self.dados["usuarios"].get(login)
        if not isinstance(u, dict):
            raise SenhaIncorreta("Usuário ou senha incorretos.")
        try:
            privada = s.desembrulhar(senha, u["privada"], _ad_privada(self.base_id, login, u.get("papel")))
        except (FalhaDeSelo, KeyError, TypeError):
            raise SenhaIncorreta("Usuário ou senha incorretos.") from None
        return self._abrir_envelopes(login, u, privada)

    def _abrir_envelopes(self, login: str, u: dict, privada: bytes) -> Fechadura:
        papel = u.get("papel")
        chaves, anteriores = {}, {}
        try:
            for destino, fonte in ((chaves, u.get("envelopes", {})), (anteriores, u.get("anteriores", {}))):
                for dominio, env in fonte.items():
                    ad = _ad_envelope(self.base_id, login, papel, dominio, env.get("versao"))
                    destino[dominio] = s.abrir_envelope(privada, env, ad)
        except (FalhaDeSelo, AttributeError):
            raise FechaduraAlterada(
                f"A fechadura de {login} no arquivo de chaves foi alterada fora do Paço (um envelope "
                "não confere). Entrada recusada; procure o administrador."
            ) from None
        return Fechadura(login, papel, privada, chaves, anteriores)

    # -- recuperação ---------------------------------------------------------------------------
    def selar_recuperacao(self, dominio: str, chave: bytes) -> None:
        r = self.dados["recuperacao"]
        versao = self.versao(dominio)
        publica = s.unb64(r["publica"])
        r["envelopes"][dominio] = s.selar(
            publica, chave, _ad_envelope(self.base_id, RECUPERACAO, "*", dominio, versao)) | {"versao": versao}
        r["selos"][dominio] = self._selo_publica(chave, RECUPERACAO, "*", r["publica"], dominio)

    def recuperacao_confere(self, dominio: str, chave: bytes) -> bool:
        r = self.dados["recuperacao"]
        esperado = self._selo_publica(chave, RECUPERACAO, "*", r.get("publica"), dominio)
        valor = r.get("selos", {}).get(dominio)
        return isinstance(valor, str) and s.hmac.compare_digest(esperado, valor)

    def e_a_recuperacao(self, recuperacao: str) -> bool:
        return s.b64(par_da_recuperacao(recuperacao)[1]) == self.dados["recuperacao"].get("publica")

    def trocar_recuperacao(self, publica: bytes, admin_semente: bytes) -> None:
        """Nova pública de recuperação, assinada pela chave de administração (quem tem o sigilo
        confere a assinatura antes de selar o sigilo para ela)."""
        self.dados["recuperacao"] = {"publica": s.b64(publica), "envelopes": {}, "selos": {}}
        self.assinar_recuperacao(admin_semente)

    def assinar_recuperacao(self, admin_semente: bytes) -> None:
        r = self.dados["recuperacao"]
        r["assinatura"] = s.assinar(admin_semente, "paco-recuperacao/2", self.base_id, r["publica"])

    def recuperacao_assinada(self, admin_publica: bytes) -> bool:
        r = self.dados["recuperacao"]
        return s.confere_assinatura(admin_publica, r.get("assinatura"), "paco-recuperacao/2",
                                    self.base_id, r.get("publica"))

    def abrir_recuperacao(self, recuperacao: str) -> Fechadura:
        privada, publica = par_da_recuperacao(recuperacao)
        r = self.dados["recuperacao"]
        if s.b64(publica) != r.get("publica"):
            raise SenhaIncorreta(
                "Esta chave de recuperação não é a desta base (confira os 32 caracteres da folha "
                "impressa na instalação ou na última troca da chave).")
        return self._abrir_envelopes(RECUPERACAO, {"papel": "*", "envelopes": r.get("envelopes", {}),
                                                   "anteriores": r.get("anteriores", {})}, privada)

    # -- rotação -------------------------------------------------------------------------------
    def girar(self, dominio: str, antiga: bytes | None, nova: bytes, *,
              confiar_recuperacao: bool = False) -> list[str]:
        """Passa o domínio para a chave ``nova`` (versão seguinte): sela-a para cada usuário que
        tinha o domínio e cuja pública confere com a ``antiga``, e para a recuperação. O envelope
        antigo fica em ``anteriores`` até ``concluir_giro`` (uma queda antes do ``PRAGMA rekey``
        não tranca ninguém fora). Devolve os logins recusados (pública alterada).
        ``confiar_recuperacao``: a pública da recuperação foi conferida por quem chama (assinada
        pelo administrador ao trocar a chave de recuperação)."""
        versao_antiga = self.versao(dominio)
        self.dados["versoes"][dominio] = versao_antiga + 1
        recusados = []
        for login, u in self.dados["usuarios"].items():
            if dominio not in u.get("envelopes", {}):
                continue
            env_antigo = u["envelopes"][dominio]
            if antiga is not None and not self.publica_confere(login, dominio, antiga):
                self.retirar_dominio(login, dominio)
                recusados.append(login)
                continue
            u.setdefault("anteriores", {})[dominio] = env_antigo
            self.selar_para(login, dominio, nova)
        r = self.dados["recuperacao"]
        if antiga is None or confiar_recuperacao or self.recuperacao_confere(dominio, antiga):
            if dominio in r["envelopes"]:
                r.setdefault("anteriores", {})[dominio] = r["envelopes"][dominio]
            self.selar_recuperacao(dominio, nova)
        else:
            r["envelopes"].pop(dominio, None)
            r["selos"].pop(dominio, None)
            recusados.append(RECUPERACAO)
        return recusados

    def concluir_giro(self, dominio: str) -> None:
        for u in [*self.dados["usuarios"].values(), self.dados["recuperacao"]]:
            u.get("anteriores", {}).pop(dominio, None)
            if "anteriores" in u and not u["anteriores"]:
                del u["anteriores"]

    # -- chave de administração: pública de assinatura presa pelos domínios --------------------
    def fixar_admin(self, publica: bytes, chaves: dict[str, bytes]) -> None:
        """Prende a pública de assinatura do administrador com um selo de cada domínio dado."""
        pub = s.b64(publica)
        self.dados["admin_publica"] = pub
        selos = self.dados.setdefault("selos_admin_publica", {})
        for dominio, chave in chaves.items():
            if dominio != "admin":
                selos[dominio] = {"publica": pub,
                                  "selo": s.selo(chave, "paco-admin-publica/2", self.base_id, pub)}

    def suceder_admin(self, semente_antiga: bytes, semente_nova: bytes, chaves: dict[str, bytes]) -> None:
        """Nova chave de administração, assinada pela antiga: quem só confere o selo antigo (o
        sigilo, que o administrador não tem) segue a cadeia até a nova."""
        pub = s.b64(s.publica_de_assinatura(semente_nova))
        self.dados.setdefault("cadeia_admin", []).append(
            {"publica": pub, "assinatura": s.assinar(semente_antiga, "paco-admin-sucessora/2", self.base_id, pub)})
        self.fixar_admin(s.unb64(pub), chaves)

    def admin_publica(self, dominio: str, chave: bytes) -> bytes | None:
        """A pública de assinatura do administrador em vigor, confiável para quem tem a chave do
        ``dominio``: a presa pelo selo desse domínio e, dela em diante, a cadeia de sucessoras."""
        entrada = self.dados.get("selos_admin_publica", {}).get(dominio)
        if not isinstance(entrada, dict) or not isinstance(entrada.get("selo"), str):
            return None
        pub = entrada.get("publica")
        if not s.hmac.compare_digest(s.selo(chave, "paco-admin-publica/2", self.base_id, pub), entrada["selo"]):
            return None
        atual = s.unb64(pub)
        cadeia = self.dados.get("cadeia_admin", [])
        inicio = next((n + 1 for n, e in enumerate(cadeia) if e.get("publica") == pub), 0)
        for e in cadeia[inicio:]:
            if not s.confere_assinatura(atual, e.get("assinatura"), "paco-admin-sucessora/2",
                                        self.base_id, e.get("publica")):
                break
            atual = s.unb64(e["publica"])
        return atual

    # -- formato antigo ------------------------------------------------------------------------
    def abrir_v1(self, login: str, senha: str) -> bytes:
        f = self.dados.get("fechaduras", {}).get(login)
        if f is None:
            raise SenhaIncorreta("Usuário ou senha incorretos.")
        try:
            chave = s._derivar(senha, s.unb64(f["sal"]), f)
            return AESGCM(chave).decrypt(s.unb64(f["nonce"]), s.unb64(f["cifrado"]), login.encode())
        except Exception:  # noqa: BLE001 - qualquer falha aqui é senha que não abre
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
