"""A recusa de uma entrada digitada: ``EntradaInvalida``, cuja mensagem vai ao usuário.

Módulo próprio (e não ``validacao``) para que ``formato`` e ``validacao`` não se importem um ao outro
(issue 18: sem ciclos de importação); ``validacao`` a reexporta, e é de lá que o resto do Paço a importa.
"""
from __future__ import annotations


class EntradaInvalida(ValueError):
    """Entrada recusada; ``str(erro)`` é a mensagem para o usuário."""
