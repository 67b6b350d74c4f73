"""Registros (log) do Paço: arquivo rotativo na pasta de registros do usuário, sem conteúdo sigiloso.

O que vai para o registro: o tipo da exceção, o módulo, a linha e a função de cada quadro da
pilha (sem variáveis locais, sem caminho absoluto) e uma mensagem saneada — texto entre aspas,
números longos, e-mails e caminhos de arquivo são trocados por marcas; as mensagens das
exceções do próprio Paço (que repetem o que o usuário digitou) não são gravadas, só o tipo.
Nunca parâmetros SQL, nomes ou conteúdo de atendimentos (ECA art. 17; LGPD art. 46).

A pasta é ``platformdirs.user_log_dir`` (ou a variável ``PACO_LOGS``, nos testes). Falhas
graves do interpretador (``faulthandler``) vão para ``falhas-graves.log`` na mesma pasta.
"""
from __future__ import annotations

import faulthandler
import logging
import os
import platform
import re
import sys
import traceback
from datetime import datetime
from pathlib import Path

import platformdirs

from desktop import __version__
from desktop.rules import formato

NOME_APP = "Paço"
ARQUIVO_LOG = "paco.log"
ARQUIVO_FALHAS = "falhas-graves.log"
TAMANHO_MAXIMO = 1_000_000
QUANTOS_ANTIGOS = 5
LOGGER = "paco"

_configurado: dict = {}


def pasta_registros() -> Path:
    """A pasta dos registros: ``PACO_LOGS`` ou a pasta de logs do usuário (platformdirs)."""
    return Path(os.environ.get("PACO_LOGS") or platformdirs.user_log_dir(NOME_APP, False))


# -- saneamento -----------------------------------------------------------------------------------
_ASPAS = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|“[^”\n]*”")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_CAMINHO = re.compile(r"(?:[A-Za-z]:)?(?:[\\/][^\s\\/:'\"]+){2,}[\\/]?")
_NUMERO = re.compile(r"\d[\d.,/-]{2,}\d|\d{3,}")


def sanear(texto: str, limite: int = 300) -> str:
    """Tira de um texto o que pode ser dado pessoal: aspas, e-mails, caminhos e números longos."""
    texto = _ASPAS.sub("'…'", str(texto))
    texto = _EMAIL.sub("<e-mail>", texto)
    texto = _CAMINHO.sub(lambda m: "<caminho>/" + re.split(r"[\\/]", m.group(0).rstrip("\\/"))[-1], texto)
    texto = _NUMERO.sub("<n>", texto)
    texto = " ".join(texto.split())
    return texto[:limite] + ("…" if len(texto) > limite else "")


def _do_paco(erro: BaseException) -> bool:
    return type(erro).__module__.split(".")[0] == "desktop"


def _quadro(arquivo: str) -> str:
    """O módulo do quadro sem o caminho absoluto (que traz o nome do usuário do computador)."""
    partes = re.split(r"[\\/]", arquivo)
    for raiz in ("desktop", "PySide6", "site-packages"):
        if raiz in partes:
            i = partes.index(raiz) + (1 if raiz == "site-packages" else 0)
            return "/".join(partes[i:])
    return partes[-1]


def descrever_excecao(erro: BaseException) -> str:
    """Tipo, mensagem saneada e a pilha (módulo:linha em função), para o registro."""
    linhas = []
    atual: BaseException | None = erro
    vistos = set()
    while atual is not None and id(atual) not in vistos:
        vistos.add(id(atual))
        tipo = f"{type(atual).__module__}.{type(atual).__qualname__}"
        msg = "" if _do_paco(atual) else sanear(str(atual))
        linhas.append(f"{tipo}: {msg}" if msg else tipo)
        for q in traceback.extract_tb(atual.__traceback__):
            linhas.append(f"  {_quadro(q.filename)}:{q.lineno} em {q.name}")
        atual = atual.__cause__ or atual.__context__
        if atual is not None:
            linhas.append("causada por:")
    return "\n".join(linhas)


class _Formatador(logging.Formatter):
    """Mensagens saneadas e exceções só com tipo e pilha."""

    def format(self, registro: logging.LogRecord) -> str:
        copia = logging.makeLogRecord(registro.__dict__)
        if not getattr(registro, "sem_dados", False):  # texto fixo do programa: vai como está
            copia.msg, copia.args = sanear(registro.getMessage(), 500), None
        copia.exc_info, copia.exc_text = None, None
        texto = super().format(copia)
        if registro.exc_info and registro.exc_info[1] is not None:
            texto += "\n" + descrever_excecao(registro.exc_info[1])
        return texto


# -- configuração ---------------------------------------------------------------------------------
def configurar(pasta: Path | None = None) -> Path:
    """Liga o registro em arquivo rotativo e o ``faulthandler``; devolve a pasta. Idempotente."""
    pasta = Path(pasta) if pasta is not None else pasta_registros()
    if _configurado.get("pasta") == pasta:
        return pasta
    desligar()
    pasta.mkdir(parents=True, exist_ok=True)
    import logging.handlers  # só aqui: importar logging.handlers (socket...) pesa na partida

    manipulador = logging.handlers.RotatingFileHandler(
        pasta / ARQUIVO_LOG, maxBytes=TAMANHO_MAXIMO, backupCount=QUANTOS_ANTIGOS, encoding="utf-8")
    manipulador.setFormatter(_Formatador("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log = logging.getLogger(LOGGER)
    log.setLevel(logging.INFO)
    log.addHandler(manipulador)
    ligado_antes = faulthandler.is_enabled()
    falhas = open(pasta / ARQUIVO_FALHAS, "a", encoding="utf-8")  # fica aberto: faulthandler escreve nele
    faulthandler.enable(file=falhas, all_threads=True)
    _configurado.update(pasta=pasta, manipulador=manipulador, falhas=falhas, ligado_antes=ligado_antes)
    log.info("Paço %s iniciado (Python %s, %s)", __version__, platform.python_version(), platform.system(),
             extra={"sem_dados": True})
    return pasta


def desligar() -> None:
    """Desfaz ``configurar`` (ao sair e nos testes)."""
    manipulador = _configurado.pop("manipulador", None)
    if manipulador is not None:
        logging.getLogger(LOGGER).removeHandler(manipulador)
        manipulador.close()
    falhas = _configurado.pop("falhas", None)
    if falhas is not None:
        faulthandler.disable()
        falhas.close()
        if _configurado.pop("ligado_antes", False) and sys.__stderr__ is not None:
            faulthandler.enable(file=sys.__stderr__)  # como estava (por exemplo, o do pytest)
    _configurado.pop("pasta", None)


def registrar_excecao(erro: BaseException, onde: str) -> None:
    """Grava uma exceção não tratada (tipo e pilha, sem conteúdo)."""
    logging.getLogger(LOGGER).error("Erro não tratado em %s", onde, exc_info=(type(erro), erro, erro.__traceback__))


# -- exportação para o suporte ----------------------------------------------------------------------
def exportar(destino: Path | str) -> Path:
    """Um .zip com os registros (saneados de novo, linha a linha) e um resumo do ambiente."""
    pasta = Path(_configurado.get("pasta") or pasta_registros())
    destino = Path(destino)
    manipulador = _configurado.get("manipulador")
    if manipulador is not None:
        manipulador.flush()
    arquivos = sorted(pasta.glob(ARQUIVO_LOG + "*")) + sorted(pasta.glob(ARQUIVO_FALHAS))
    resumo = (f"Paço {__version__}\nPython {platform.python_version()}\n"
              f"Sistema {platform.system()} {platform.release()} {platform.machine()}\n"
              f"Exportado em {formato.momento(datetime.now())}\n")
    import zipfile

    with zipfile.ZipFile(destino, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("resumo.txt", resumo)
        for arquivo in arquivos:
            if arquivo.is_file():
                linhas = arquivo.read_text(encoding="utf-8", errors="replace").splitlines()
                z.writestr(arquivo.name, "\n".join(_sanear_linha(l) for l in linhas) + "\n")
    return destino


def _sanear_linha(linha: str) -> str:
    """Numa linha já gravada, só tira caminhos e e-mails (as datas e horas do registro ficam)."""
    linha = _EMAIL.sub("<e-mail>", linha)
    return _CAMINHO.sub(lambda m: "<caminho>/" + re.split(r"[\\/]", m.group(0).rstrip("\\/"))[-1], linha)


def excecao_em_thread(args) -> None:
    """Para ``threading.excepthook``: registra; quem mostra o aviso é a tela."""
    if args.exc_value is not None:
        registrar_excecao(args.exc_value, f"thread {getattr(args.thread, 'name', '?')}")
