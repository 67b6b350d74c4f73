"""Gravar o arquivo que o usuário escolheu: a única forma das telas (PDF, CSV, arquivo do banco, eSocial, chave).

- ``escolher_destino(dono, nome)``: o "Salvar como" (sugere ``nome`` na pasta Documentos).
- ``gravar_arquivo(destino, conteudo)``: grava por um arquivo provisório ao lado que depois toma o nome
  (``os.replace``) — uma queda ou um disco cheio no meio deixa o arquivo de antes, nunca um pela metade com o
  nome pedido.
- ``gravar(dono, destino, conteudo, ao_gravar, ...)``: ``gravar_arquivo`` numa thread de trabalho
  (``widgets.leitura.ler``) e depois ``ao_gravar(destino)`` na interface. O lote de 3.000 contracheques tem 11 MB:
  gravado na thread da interface, a janela parava 35-60 ms (issue 16). Se o sistema recusa (disco cheio, pasta sem
  permissão, pen-drive retirado), o usuário vê em português o que aconteceu e onde — e, com ``feito``, o que já
  ficou registrado na base —, em vez de a exceção subir.
- ``salvar(dono, nome, conteudo, ao_gravar, ...)``: pergunta onde e grava (``gravar``).
- ``gravar_na_pasta(dono, pasta, arquivos, ao_gravar, ...)``: vários arquivos numa pasta escolhida.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from . import avisos
from .leitura import ler

TENTE_DE_NOVO = ("Verifique se o disco (ou o pen-drive) está conectado e com espaço livre, ou escolha outro lugar, "
                 "e tente de novo.")


def pasta_documentos() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def escolher_destino(parent: QWidget | None, nome: str, *, titulo: str = "Salvar documento",
                     filtro: str = "PDF (*.pdf)") -> Path | None:
    """Pergunta onde salvar (sugere ``nome`` na pasta Documentos); None se o usuário desistir."""
    caminho, _ = QFileDialog.getSaveFileName(parent, titulo, str(Path(pasta_documentos()) / nome), filtro)
    return Path(caminho) if caminho else None


def gravar_arquivo(destino: Path, conteudo: bytes) -> Path:
    """Grava ``conteudo`` em ``destino`` por um arquivo ao lado que depois toma o nome (``os.replace``): uma queda no
    meio deixa o arquivo de antes, nunca um pela metade com o nome pedido; numa falha o provisório é apagado.
    Roda fora da thread da interface (``gravar``)."""
    destino = Path(destino)
    parcial = destino.with_name(f".{destino.name}.gravando")
    try:
        parcial.write_bytes(conteudo)
        os.replace(parcial, destino)
    except OSError:
        parcial.unlink(missing_ok=True)
        raise
    return destino


def nao_gravado(onde: Path | str, erro: OSError, *, feito: str = "", depois: str = "", varios: bool = False) -> str:
    """O aviso, em português, de um arquivo que o sistema não deixou gravar: o que aconteceu, onde e o porquê.

    ``feito``: o que já aconteceu e continua valendo ("O documento foi emitido e registrado"). ``depois``: o que o
    usuário pode fazer (padrão: conferir o disco e tentar de novo)."""
    o_que = "os arquivos não foram todos gravados" if varios else "o arquivo não foi gravado"
    inicio = f"{feito}, mas {o_que}" if feito else o_que[0].upper() + o_que[1:]
    return f"{inicio} em {onde}: {avisos.motivo(erro)}. {depois or TENTE_DE_NOVO}"


def _em_segundo_plano(dono: QObject, funcao: Callable[[], object], onde: Path | str, ao_gravar: Callable,
                      titulo_erro: str, feito: str, depois: str, varios: bool,
                      ao_falhar: Callable[[OSError], None] | None) -> None:
    def _on_falhou(erro: BaseException) -> None:
        if not isinstance(erro, OSError):
            raise erro  # um defeito: o tratamento geral da aplicação
        avisos.erro(dono, titulo_erro, nao_gravado(onde, erro, feito=feito, depois=depois, varios=varios))
        if ao_falhar is not None:
            ao_falhar(erro)

    ler(dono, funcao, ao_gravar, _on_falhou)


def gravar(dono: QObject, destino: Path, conteudo: bytes, ao_gravar: Callable[[Path], None], *, titulo_erro: str,
           feito: str = "", depois: str = "", ao_falhar: Callable[[OSError], None] | None = None) -> None:
    """Grava ``conteudo`` em ``destino`` fora da thread da interface (``gravar_arquivo``); ``ao_gravar(destino)`` na
    interface quando terminar (só se o ``dono`` ainda existir). Recusado pelo sistema: aviso com ``titulo_erro``
    (``nao_gravado``) e depois ``ao_falhar(erro)``, se dado."""
    destino = Path(destino)
    _em_segundo_plano(dono, lambda: gravar_arquivo(destino, conteudo), destino, ao_gravar, titulo_erro, feito,
                      depois, False, ao_falhar)


def gravar_na_pasta(dono: QObject, pasta: Path, arquivos: Sequence[tuple[str, bytes]],
                    ao_gravar: Callable[[list[Path]], None], *, titulo_erro: str, feito: str = "",
                    depois: str = "", ao_falhar: Callable[[OSError], None] | None = None) -> None:
    """Grava cada ``(nome, conteudo)`` em ``pasta`` (cada um por ``gravar_arquivo``) fora da thread da interface;
    ``ao_gravar(caminhos)`` na interface. Falha: como em ``gravar``."""
    pasta, arquivos = Path(pasta), list(arquivos)
    _em_segundo_plano(dono, lambda: [gravar_arquivo(pasta / nome, conteudo) for nome, conteudo in arquivos], pasta,
                      ao_gravar, titulo_erro, feito, depois, len(arquivos) > 1, ao_falhar)


def salvar(dono: QWidget, nome: str, conteudo: bytes, ao_gravar: Callable[[Path], None], *, titulo_erro: str,
           titulo: str = "Salvar documento", filtro: str = "PDF (*.pdf)", feito: str = "", depois: str = "",
           ao_falhar: Callable[[OSError], None] | None = None) -> Path | None:
    """Pergunta onde salvar (``escolher_destino``) e grava lá (``gravar``); devolve o destino escolhido (a gravação
    ainda em andamento) ou None se o usuário desistiu — então nada mais é chamado."""
    destino = escolher_destino(dono, nome, titulo=titulo, filtro=filtro)
    if destino is not None:
        gravar(dono, destino, conteudo, ao_gravar, titulo_erro=titulo_erro, feito=feito, depois=depois,
               ao_falhar=ao_falhar)
    return destino
