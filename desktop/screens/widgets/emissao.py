"""Emitir um PDF e salvá-lo: a única forma das telas (issue 18, item 3), em segundo plano.

``emitir_em_segundo_plano(aba, rotulo, titulo_erro, emitir, nome)`` emite fora da thread da interface
(``widgets.servicos.operacao``: montar o PDF e registrá-lo, com progresso e Cancelar), pergunta onde salvar
(sugere a pasta Documentos e um nome com o código de verificação), grava o arquivo (também fora da thread da
interface, inteiro ou nada: ``widgets.arquivo``) e diz no ``rotulo`` onde ficou e o código, com os links Abrir e
Imprimir (``widgets.impressao.oferecer_documento``). Cancelada, nada é registrado e o rótulo diz isso; recusada (regra,
permissão), o aviso diz o porquê.

O "Salvar como" e a gravação de todas as telas estão em ``widgets.arquivo``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from . import arquivo, avisos
from .impressao import abrir_arquivo, oferecer_documento

CANCELADA = "Emissão cancelada: nenhum documento foi registrado."
NAO_SALVO = ("Não foi salvo em arquivo; o PDF ficou guardado e pode ser aberto de novo, idêntico, em Documentos "
             "emitidos.")

AVISO_SIGILOSO = (
    "Este documento identifica a criança ou o adolescente e a família (ECA, arts. 17 e 100; LGPD, "
    "art. 14). Dentro do Paço ele fica guardado cifrado e pode ser aberto e impresso de novo a "
    "qualquer hora; um arquivo PDF salvo fica SEM cifra, e quem o tiver pode lê-lo.\n\n"
    "Salvar uma cópia em arquivo, num lugar que você vai escolher?")


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


def _salvar(aba: QWidget, emitido, nome, sigiloso: bool, titulo_erro: str,
            seguir: Callable[[Path | None], None]) -> None:
    """Pergunta onde salvar e grava fora da thread da interface (``widgets.arquivo.salvar``); depois
    ``seguir(destino)``, ou ``seguir(None)`` se o usuário não quis (ou o arquivo não pôde ser gravado: avisado)."""
    if sigiloso and not confirmar_arquivo_sigiloso(aba):
        seguir(None)
        return
    destino = arquivo.salvar(aba, _nome_do_arquivo(nome, emitido), emitido.pdf, seguir, titulo_erro=titulo_erro,
                             feito="O documento foi emitido e registrado",
                             depois="Abra-o de novo em Documentos emitidos.", ao_falhar=lambda _erro: seguir(None))
    if destino is None:
        seguir(None)


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
