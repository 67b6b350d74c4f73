"""Tentativas de senha: o contador de senhas erradas e a espera crescente antes da próxima tentativa.

Vale para todo caminho que confere uma senha — a entrada (tela e ``paco``), a restauração de uma
cópia (tela de entrada, Administração e ``paco restaurar``) e a troca da própria senha — por meio de
``_tentativa(caminho_da_base, login)`` (interno aos serviços: quem o chama confere uma senha dentro dele). O contador fica em ``<base>.tentativas`` (criado na
instalação), com uma soma de conferência:

* **arquivo apagado ou alterado à mão não libera**: se a base existe e o contador falta, não se lê
  ou não confere, todas as entradas esperam a espera máxima (``ESPERA_MAXIMA``), contada a partir
  de então; depois disso, a primeira senha errada volta a esperar o máximo;
* **o relógio de parede não conta**: a espera é medida num relógio monotônico do sistema (que não
  anda quando alguém acerta a data e hora) e ligada à inicialização atual do computador. Adiantar
  ou atrasar o relógio não prende a senha certa além da espera máxima nem zera o contador. Depois
  de reiniciar o computador a espera recomeça a contar do zero (nunca passa do máximo);
* o contador zera na senha certa e quando o administrador redefine a senha do usuário ou a
  chave de recuperação é usada.

A soma de conferência detecta uma edição à mão, não quem reescreve o arquivo com o programa na
mão; ainda assim, o pior que ele consegue é a espera que já teria — a senha continua sendo
conferida pelo argon2id (docs/seguranca.md).
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from desktop.rules.papeis import Permissao
from desktop.store.chaves import ArquivoChaves, SenhaIncorreta


from .sessao import ErroNegocio, Sessao

TENTATIVAS_LIVRES = 3
ESPERA_MAXIMA = 300  # segundos: a maior espera entre duas tentativas (docs/seguranca.md)
_GERAL = "*"  # entrada que vale para todos os logins (contador perdido ou adulterado)
_ROTULO = b"paco-tentativas-v1"


class MuitasTentativas(ErroNegocio):
    def __init__(self, segundos: int):
        self.segundos = segundos
        super().__init__(
            f"Muitas tentativas com senha errada. Aguarde {segundos} s antes de tentar de novo."
        )


def espera_apos(falhas: int) -> int:
    """Segundos de espera depois de ``falhas`` senhas erradas seguidas: 0, 0, 0, 2, 4, 8, ... 300."""
    if falhas < TENTATIVAS_LIVRES:
        return 0
    return min(2 ** min(falhas - TENTATIVAS_LIVRES + 1, 30), ESPERA_MAXIMA)


_FALHAS_DO_MAXIMO = next(n for n in range(TENTATIVAS_LIVRES, 64) if espera_apos(n) >= ESPERA_MAXIMA)


# -- relógio -----------------------------------------------------------------------------------
def _agora_monotonico() -> float:
    """Segundos de um relógio que só anda para a frente e não muda com a data e hora do sistema
    (no Linux conta também o tempo suspenso)."""
    relogio = getattr(time, "CLOCK_BOOTTIME", None)
    if relogio is not None:
        try:
            return time.clock_gettime(relogio)
        except OSError:
            pass
    return time.monotonic()


def _inicializacao() -> str:
    """Identifica a inicialização atual do computador (o relógio monotônico recomeça a cada uma)."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        # Sem boot_id (Windows): o instante de ligar, pelo relógio de parede, em minutos. Se alguém
        # muda a hora, o valor muda e a espera recomeça do zero — nunca libera antes nem passa do máximo.
        return f"t{round((time.time() - time.monotonic()) / 60)}"


# -- arquivo -----------------------------------------------------------------------------------
def arquivo(caminho_base: Path) -> Path:
    return Path(str(caminho_base) + ".tentativas")


def _soma(usuarios: dict) -> str:
    corpo = json.dumps(usuarios, sort_keys=True, ensure_ascii=True).encode()
    return hashlib.sha256(_ROTULO + corpo).hexdigest()


def _base_existe(caminho_base: Path) -> bool:
    return Path(caminho_base).exists() or ArquivoChaves.caminho_para(Path(caminho_base)).exists()


def _bloqueio_geral() -> dict:
    return {_GERAL: {"falhas": _FALHAS_DO_MAXIMO, "mono": _agora_monotonico(), "boot": _inicializacao()}}


def _ler(caminho_base: Path) -> dict:
    """Os contadores por login. Ausente ou adulterado numa base que existe: bloqueio geral, gravado."""
    try:
        dados = json.loads(arquivo(caminho_base).read_text(encoding="utf-8"))
        usuarios = dados["usuarios"]
        if not isinstance(usuarios, dict) or dados.get("soma") != _soma(usuarios):
            raise ValueError("soma não confere")
        for t in usuarios.values():
            int(t["falhas"]), float(t["mono"]), str(t["boot"])
        return usuarios
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        if not _base_existe(caminho_base):
            return {}
        usuarios = _bloqueio_geral()
        _gravar(caminho_base, usuarios)
        return usuarios


def _gravar(caminho_base: Path, usuarios: dict) -> None:
    arq = arquivo(caminho_base)
    arq.parent.mkdir(parents=True, exist_ok=True)
    tmp = arq.with_name(arq.name + ".tmp")
    tmp.write_text(json.dumps({"versao": 1, "usuarios": usuarios, "soma": _soma(usuarios)}),
                   encoding="utf-8")
    os.replace(tmp, arq)


def _criar(caminho_base: Path) -> None:
    """Cria o contador vazio (na instalação e ao restaurar uma base num computador novo)."""
    _gravar(caminho_base, {})


def _garantir(caminho_base: Path) -> None:
    """Cria o contador vazio se ele ainda não existe (depois de uma restauração com credenciais)."""
    if not arquivo(caminho_base).exists():
        _criar(caminho_base)


# -- espera ------------------------------------------------------------------------------------
def _restante(t: dict, mono: float, boot: str) -> tuple[int, bool]:
    """(segundos que faltam, se a entrada foi reancorada). Nunca mais que ESPERA_MAXIMA."""
    espera = espera_apos(int(t["falhas"]))
    if not espera:
        return 0, False
    if t["boot"] != boot or mono < float(t["mono"]):  # reiniciou: recomeça a contar agora
        t["mono"], t["boot"] = mono, boot
        return espera, True
    return max(0, min(ESPERA_MAXIMA, int(espera - (mono - float(t["mono"])) + 0.999))), False


def espera_restante(caminho_base: Path, login: str) -> int:
    """Quantos segundos ``login`` ainda espera antes de poder tentar uma senha nesta base."""
    caminho_base, login = Path(caminho_base), (login or "").strip().lower()
    usuarios = _ler(caminho_base)
    mono, boot = _agora_monotonico(), _inicializacao()
    maior, mudou = 0, False
    for chave in (login, _GERAL):
        if chave in usuarios:
            segundos, reancorada = _restante(usuarios[chave], mono, boot)
            maior, mudou = max(maior, segundos), mudou or reancorada
    if mudou:
        _gravar(caminho_base, usuarios)
    return maior


def _registrar_falha(caminho_base: Path, login: str) -> int:
    """Conta uma senha errada; devolve a espera que ela impõe."""
    caminho_base, login = Path(caminho_base), (login or "").strip().lower()
    usuarios = _ler(caminho_base)
    anteriores = max(int(usuarios.get(c, {}).get("falhas", 0)) for c in (login, _GERAL))
    usuarios[login] = {"falhas": anteriores + 1, "mono": _agora_monotonico(), "boot": _inicializacao()}
    _gravar(caminho_base, usuarios)
    return espera_apos(anteriores + 1)


def _limpar(caminho_base: Path, login: str) -> None:
    """Zera o contador de ``login`` (senha certa, chave de recuperação). Interno: de fora, só
    ``zerar`` (administrador) ou ``_tentativa`` (a senha certa)."""
    caminho_base, login = Path(caminho_base), (login or "").strip().lower()
    usuarios = _ler(caminho_base)
    tinha = [usuarios.pop(c, None) for c in (login, _GERAL)]
    if any(t is not None for t in tinha):
        _gravar(caminho_base, usuarios)


def falhas(caminho_base: Path, login: str) -> int:
    """Senhas erradas seguidas de ``login`` (para a tela e os testes)."""
    usuarios = _ler(Path(caminho_base))
    return max(int(usuarios.get(c, {}).get("falhas", 0)) for c in ((login or "").strip().lower(), _GERAL))


def zerar(sessao: Sessao, login: str) -> None:
    """O administrador libera ``login`` da espera (ao redefinir a senha ou reativar o usuário)."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    _limpar(sessao.base.caminho, login)


@contextmanager
def _tentativa(caminho_base: Path, login: str) -> Iterator[None]:
    """Envolve a conferência de uma senha: recusa enquanto houver espera; conta a senha errada
    (``SenhaIncorreta`` dentro do bloco) e zera o contador quando o bloco termina sem erro."""
    espera = espera_restante(caminho_base, login)
    if espera:
        raise MuitasTentativas(espera)
    try:
        yield
    except SenhaIncorreta as e:
        espera = _registrar_falha(caminho_base, login)
        if espera:
            raise SenhaIncorreta(f"{e} Aguarde {espera} s antes de tentar de novo.") from None
        raise
    _limpar(caminho_base, login)
