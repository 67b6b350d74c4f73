"""O campo de data do Paço: dd/mm/aaaa, validado enquanto se digita, o mesmo em todas as telas.

Aceita só dígitos e barras (e o aaaa-mm-dd colado de outro lugar); as barras entram sozinhas
enquanto se digitam os dígitos (01032026 → 01/03/2026), mas quem digita 1/3/2026 também é
atendido. A leitura é ``desktop.rules.formato.ler_data``.
"""
from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QWidget

from desktop.rules import formato

from .campos import CampoValidado

PLACEHOLDER = "dd/mm/aaaa"


def com_barras(texto: str) -> str | None:
    """O texto com as barras postas, quando o usuário digitou só os dígitos; None se não for o caso."""
    if re.fullmatch(r"\d{3,8}", texto) or re.fullmatch(r"\d\d/\d{3,6}", texto):
        d = texto.replace("/", "")
        return d[:2] + "/" + d[2:4] + ("/" + d[4:] if len(d) > 4 else "")
    return None  # vazio, ainda curto, ou com as barras onde o usuário as quis (1/3/2026)


class CampoData(CampoValidado):
    """Campo de data dd/mm/aaaa; ``valor()`` devolve ``datetime.date`` (ou None se opcional e vazio)."""

    def __init__(self, *, placeholder: str = PLACEHOLDER, obrigatorio: bool = True,
                 parent: QWidget | None = None):
        super().__init__(formato.ler_data, placeholder=placeholder, obrigatorio=obrigatorio, parent=parent)
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9/-]{0,10}"), self.edit))
        self.edit.setMaxLength(10)
        self.edit.setAccessibleDescription("Data no formato dia/mês/ano, por exemplo 01/03/2026")
        self.edit.textEdited.connect(self._on_editado)

    def _on_editado(self, texto: str) -> None:
        novo = com_barras(texto)
        if novo is not None:
            self.edit.setText(novo)

    def definir_data(self, d: date | None) -> None:
        self.definir_texto(formato.data(d))
