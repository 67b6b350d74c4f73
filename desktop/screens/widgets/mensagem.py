"""``Mensagem``: rótulo que só aparece com texto.

Vazio, some; com texto, aparece — o par ``rotulo.setText(t)`` / ``rotulo.setVisible(bool(t))`` que as telas
escreviam à mão. Oculto, não ocupa lugar: a tela que não pode deixar os botões pularem quando a mensagem aparece
(issue 16) a põe entre a lista e os botões (a lista encolhe) ou reserva as linhas com ``situacao.reservar_linhas``
(que guarda o espaço mesmo oculto). ``hide()`` ainda esconde sem apagar o texto.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class Mensagem(QLabel):
    """Rótulo que só aparece com texto; quebra as linhas (``quebrar``) e tem o nome de objeto ``nome`` (a folha de
    estilo dá a cor: "erro", "demo", "subtitulo")."""

    def __init__(self, texto: str = "", parent: QWidget | None = None, *, quebrar: bool = True, nome: str = ""):
        super().__init__(texto or "", parent)
        self.setWordWrap(quebrar)
        if nome:
            self.setObjectName(nome)
        if not texto:  # com texto, aparece com a janela (sem pai, ``show`` faria dele uma janela)
            self.hide()

    def setText(self, texto: str | None) -> None:  # noqa: N802 — nome do Qt
        super().setText(texto or "")
        self.setVisible(bool(texto))

    def clear(self) -> None:
        super().clear()
        self.hide()
