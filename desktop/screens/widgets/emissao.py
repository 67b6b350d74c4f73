"""Emitir um PDF e salvá-lo: a única forma das telas (issue 18, item 3), em segundo plano.

``emitir_em_segundo_plano(aba, rotulo, titulo_erro, emitir, nome)`` emite fora da thread da interface
(``widgets.servicos.operacao``: montar o PDF e registrá-lo, com progresso e Cancelar), pergunta onde salvar
(sugere a pasta Documentos e um nome com o código de verificação), grava o arquivo (também fora da thread da
interface: ``gravar_arquivo``) e diz no ``rotulo`` onde ficou e o código, com os links Abrir e Imprimir
(``widgets.impressao.oferecer_documento``). Cancelada, nada é registrado e o rótulo diz isso; recusada (regra,
permissão), o aviso diz o porquê.

``escolher_destino`` é o "Salvar como" de todas as telas (PDF, CSV, arquivo do banco).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from . import avisos
from .impressao import abrir_arquivo, oferecer_documento
from .leitura import ler

CANCELADA = "Emissão cancelada: nenhum documento foi registrado."
NAO_SALVO = ("Não foi salvo em arquivo; o PDF ficou guardado e pode ser aberto de novo, idêntico, em Documentos "
             "emitidos.")

AVISO_SIGILOSO = (
    "Este documento identifica a criança ou o adolescente e a família (ECA, arts. 17 e 100; LGPD, "
    "art. 14). Dentro do Paço ele fica guardado cifrado e pode ser aberto e impresso de novo a "
    "qualquer hora; um arquivo PDF salvo fica SEM cifra, e quem o tiver pode lê-lo.\n\n"
    "Salvar uma cópia em arquivo, num lugar que você vai escolher?")


def pasta_documentos() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def escolher_destino(parent: QWidget | None, nome: str, *, titulo: str = "Salvar documento",
                     filtro: str = "PDF (*.pdf)") -> Path | None:
    """Pergunta onde salvar (sugere ``nome`` na pasta Documentos); None se o usuário desistir."""
    caminho, _ = QFileDialog.getSaveFileName(parent, titulo, str(Path(pasta_documentos()) / nome), filtro)
    return Path(caminho) if caminho else None


def confirmar_arquivo_sigiloso(parent: QWidget) -> bool:
    """Pergunta antes de gravar fora da base um documento com conteúdo sigiloso (padrão: não)."""
    resposta = QMessageBox.warning(parent, "Salvar documento sigiloso em arquivo", AVISO_SIGILOSO,
                                   QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                   QMessageBox.StandardButton.No)
    return resposta == QMessageBox.StandardButton.Yes


def _nome_do_arquivo(nome: str | Callable[[Any], str], emitido) -> str:
    if callable(nome):
        return nome(emitido)
    codigo = getattr(emitido, "codigo", None)
    return f"{nome}-{codigo}.pdf" if codigo else f"{nome}.pdf"


def gravar_arquivo(destino: Path, conteudo: bytes) -> Path:
    """Grava ``conteudo`` em ``destino`` por um arquivo ao lado que depois toma o nome (``os.replace``): uma queda no
    meio deixa o arquivo de antes, nunca um PDF pela metade com o nome pedido. Roda fora da thread da interface
    (``_salvar``): o lote de 3.000 contracheques tem 11 MB, e gravá-lo ali parava a janela 35-60 ms (issue 16)."""
    parcial = destino.with_name(f".{destino.name}.gravando")
    try:
        parcial.write_bytes(conteudo)
        os.replace(parcial, destino)
    except OSError:
        parcial.unlink(missing_ok=True)
        raise
    return destino


def _salvar(aba: QWidget, emitido, nome, sigiloso: bool, titulo_erro: str,
            seguir: Callable[[Path | None], None]) -> None:
    """Pergunta onde salvar e grava fora da thread da interface; depois ``seguir(destino)``, ou ``seguir(None)`` se o
    usuário não quis (ou o arquivo não pôde ser gravado: avisado)."""
    if sigiloso and not confirmar_arquivo_sigiloso(aba):
        seguir(None)
        return
    destino = escolher_destino(aba, _nome_do_arquivo(nome, emitido))
    if destino is None:
        seguir(None)
        return

    def _falhou(erro: BaseException) -> None:
        if not isinstance(erro, OSError):
            raise erro
        # disco cheio, pasta sem permissão, pen-drive retirado
        avisos.erro(aba, titulo_erro, f"O documento foi emitido e registrado, mas o arquivo não foi gravado em "
                                      f"{destino}: {erro.strerror or erro}. Abra-o de novo em Documentos emitidos.")
        seguir(None)

    pdf = emitido.pdf
    ler(aba, lambda: gravar_arquivo(destino, pdf), seguir, _falhou)


def emitir_em_segundo_plano(aba: QWidget, rotulo: QLabel, titulo_erro: str, emitir: Callable[[Any], Any],
                            nome: str | Callable[[Any], str], *, andamento: str = "Emitindo o documento…",
                            texto: Callable[[Any], str] | None = None, sigiloso: bool = False, abrir: bool = False,
                            ao_salvar: Callable[[Path], None] | None = None,
                            ao_terminar: Callable[[Any], None] | None = None,
                            ao_recusar: Callable[[BaseException], None] | None = None):
    """Emite com ``emitir(progresso)`` fora da thread da interface (``progresso.informar(feito, total, texto)``
    mostra o andamento de um lote), pergunta onde salvar e diz no ``rotulo`` onde ficou e o código de
    verificação. Devolve a tarefa (``widgets.tarefa.Tarefa``) em andamento.

    - ``nome``: o começo do nome sugerido (o código de verificação e ".pdf" são acrescentados), ou
      ``nome(emitido)`` com o nome inteiro.
    - ``texto(emitido)``: o que dizer do documento emitido (padrão: "Documento emitido e registrado: código…").
    - ``sigiloso``: documento de um caso (identifica criança e família): antes de gravar um arquivo sem cifra o
      usuário é avisado e decide; recusando, o documento fica só na base, para abrir e imprimir.
    - ``abrir``: abre o arquivo salvo no leitor de PDF do computador.
    - ``ao_salvar(caminho)``: o arquivo foi gravado. ``ao_terminar(emitido)``: no fim, com o documento emitido, ou
      None se a emissão foi recusada (já avisada) ou cancelada.
    - ``ao_recusar(erro)``: a recusa prevista vai para a tela (p. ex. a barra de mensagem) em vez da caixa de aviso.
    """
    from .servicos import operacao

    def _on_emitido(emitido) -> None:
        _salvar(aba, emitido, nome, sigiloso, titulo_erro, lambda destino: _on_salvo(emitido, destino))

    def _on_salvo(emitido, destino: Path | None) -> None:
        resumo = texto(emitido) if texto else f"Documento emitido e registrado: código de verificação {emitido.codigo}."
        oferecer_documento(rotulo, emitido.pdf, destino,
                           f"Salvo em {destino}. {resumo}" if destino else f"{resumo} {NAO_SALVO}")
        rotulo.setVisible(True)
        if destino is not None:
            if ao_salvar:
                ao_salvar(destino)
            if abrir:
                abrir_arquivo(destino)
        if ao_terminar:
            ao_terminar(emitido)

    def _on_recusado(erro: BaseException) -> None:
        if ao_recusar:
            ao_recusar(erro)
        else:
            avisos.erro(aba, titulo_erro, erro)
        if ao_terminar:
            ao_terminar(None)

    def _on_cancelado() -> None:
        rotulo.setText(CANCELADA)
        rotulo.setVisible(True)
        if ao_terminar:
            ao_terminar(None)

    return operacao(aba, andamento, emitir, _on_emitido, titulo_erro=titulo_erro, ao_recusar=_on_recusado,
                    ao_cancelar=_on_cancelado)
