"""Dados chegados de outra máquina: quando um pacote de sincronização é importado, as telas abertas que
mostram dados que ele pode ter trazido recarregam (p.ex. o painel da apuração na noite da eleição).

Uma tela entra nisso tendo o método ``dados_recebidos()``; a janela principal chama
``avisar_dados_recebidos(janela)`` ao receber ``sig_pacote_importado`` do painel de Administração.
"""
from __future__ import annotations

from PySide6.QtWidgets import QWidget


def avisar_dados_recebidos(raiz: QWidget) -> int:
    """Chama ``dados_recebidos()`` de cada tela sob ``raiz`` que o tem; devolve quantas recarregaram."""
    avisadas = 0
    for tela in [raiz, *raiz.findChildren(QWidget)]:
        recarregar = getattr(tela, "dados_recebidos", None)
        if callable(recarregar):
            recarregar()
            avisadas += 1
    return avisadas
