"""Assistente de primeira execução: cria o órgão, o administrador e a base cifrada."""
from .assistente import Assistente

__all__ = ["Assistente"]
