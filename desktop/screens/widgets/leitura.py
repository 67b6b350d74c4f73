"""Leitura em segundo plano para as telas: o serviço roda noutra thread e o resultado volta à
interface num callback (no espírito do QueryOp do Anki), sem diálogo e sem travar a janela.

Uso: ``ler(dono, lambda: servico(sessao), ao_concluir)``. O callback roda na thread da interface
e só se o ``dono`` (um widget) ainda existir: um resultado que chega depois de a aba fechar é
descartado, e também a leitura que a sessão encerrada (sair, trocar de usuário) interrompeu — não há
mais a quem mostrar. Uma exceção do serviço vai para ``ao_falhar`` (se não houver, sobe na thread da
interface, como subiria numa chamada direta).
"""
from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.screens.widgets.coleta import durante_trabalho, religar, vigiar
from desktop.screens.widgets.descarte import descartar
from desktop.services.sessao import SessaoEncerrada, liberar_thread

_em_andamento: set["_Leitor"] = set()  # a referência mantém a thread viva até ela terminar
_trava = threading.Lock()


class _Leitor(QThread):
    sig_pronto = Signal(object)
    sig_falhou = Signal(object)

    def __init__(self, funcao: Callable[[], Any]):
        super().__init__()
        self._funcao = funcao

    def run(self) -> None:
        try:
            with durante_trabalho():  # uma coleta completa do coletor de lixo travaria a interface
                resultado = self._funcao()
        except BaseException as e:  # a exceção volta para a thread da interface
            self.sig_falhou.emit(e)
        else:
            self.sig_pronto.emit(resultado)
        finally:
            liberar_thread()  # fecha a conexão paralela que a leitura abriu


class _Receptor(QObject):
    """Filho do dono: se o dono é destruído, a conexão com o leitor cai junto."""

    def __init__(self, dono: QObject, ao_concluir: Callable[[Any], None],
                 ao_falhar: Callable[[BaseException], None] | None):
        super().__init__(dono)
        self._ao_concluir, self._ao_falhar = ao_concluir, ao_falhar

    @Slot(object)
    def _on_pronto(self, resultado: Any) -> None:
        descartar(self)
        self._ao_concluir(resultado)

    @Slot(object)
    def _on_falhou(self, erro: BaseException) -> None:
        descartar(self)
        if isinstance(erro, SessaoEncerrada):
            return  # a tela pediu antes de a sessão fechar; a resposta não tem mais destino
        if self._ao_falhar is None:
            raise erro
        self._ao_falhar(erro)


class _Guardiao(QObject):
    """Solta a referência a cada leitor depois que o ``finished`` dele chega à thread da interface
    (um slot de QObject, não um lambda: conexões de threads com funções soltas derrubam o PySide ≥ 6.8)."""

    @Slot()
    def _on_terminou(self) -> None:
        leitor = self.sender()
        leitor.wait()
        with _trava:
            _em_andamento.discard(leitor)
        religar()  # a coleta automática volta aqui, na thread da interface (widgets.coleta)


_guardiao: _Guardiao | None = None


def ler(dono: QObject, funcao: Callable[[], Any], ao_concluir: Callable[[Any], None],
        ao_falhar: Callable[[BaseException], None] | None = None) -> QThread:
    """Roda ``funcao()`` noutra thread; ``ao_concluir(resultado)`` na thread da interface."""
    leitor = _Leitor(funcao)
    receptor = _Receptor(dono, ao_concluir, ao_falhar)
    leitor.sig_pronto.connect(receptor._on_pronto)
    leitor.sig_falhou.connect(receptor._on_falhou)
    global _guardiao
    if _guardiao is None:
        _guardiao = _Guardiao()
    leitor.finished.connect(_guardiao._on_terminou)
    with _trava:
        _em_andamento.add(leitor)
    vigiar()  # o lixo da leitura é coletado aos poucos, nesta thread (widgets.coleta)
    leitor.start()
    return leitor


def em_andamento() -> int:
    """Quantas leituras ainda rodam (para os testes e o benchmark esperarem)."""
    with _trava:
        return len(_em_andamento)
