"""Telas Qt (PySide6): um pacote por fluxo de trabalho, widgets e modelos compartilhados."""
