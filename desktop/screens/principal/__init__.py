"""Janela principal: módulos à esquerda, menus, barra de situação, cópias automáticas e restauração."""
from .janela import JanelaPrincipal

__all__ = ["JanelaPrincipal"]
