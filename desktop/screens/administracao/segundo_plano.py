"""Roda um serviço demorado fora da thread da interface, com a aba travada enquanto ele trabalha.

Enquanto a tarefa roda, os campos e botões da aba que a pediu ficam desabilitados: assim nenhum outro clique usa a
base ao mesmo tempo. Erros previstos (recusas do Paço, arquivo) são mostrados em português.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.screens.widgets.tarefa import Tarefa, executar

from . import avisos


def rodar(aba: QWidget, titulo: str, funcao: Callable, ao_concluir: Callable[[Any], None],
          *, titulo_erro: str, ao_cancelar: Callable[[], None] | None = None) -> Tarefa:
    """Executa ``funcao(progresso)`` em segundo plano; chama ``ao_concluir(resultado)`` na GUI."""
    # Trava os widgets da aba, não a aba: o diálogo de progresso (filho dela) tem de continuar
    # habilitado para o botão Cancelar funcionar.
    travados = [w for w in aba.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                if not w.isWindow() and w.isEnabled()]
    for w in travados:
        w.setEnabled(False)
    tarefa = executar(aba, titulo, funcao)
    # O diálogo (modal para a janela) aparece já: nada mais na janela usa a base enquanto a
    # tarefa trabalha na outra thread, nem no intervalo antes de ele aparecer.
    tarefa.dialogo.setMinimumDuration(0)

    def _reabilitar() -> None:
        for w in travados:
            w.setEnabled(True)  # a tarefa e o diálogo se descartam sozinhos (widgets.descarte)

    def _on_concluida(resultado: Any) -> None:
        _reabilitar()
        ao_concluir(resultado)

    def _on_falhou(erro: BaseException) -> None:
        _reabilitar()
        if not avisos.previsto(erro):
            raise erro
        avisos.erro(aba, titulo_erro, erro)

    def _on_cancelada() -> None:
        _reabilitar()
        if ao_cancelar:
            ao_cancelar()

    tarefa.sig_concluida.connect(_on_concluida)
    tarefa.sig_falhou.connect(_on_falhou)
    tarefa.sig_cancelada.connect(_on_cancelada)
    return tarefa
