"""Erros do armazenamento, cada um com a mensagem em português que o usuário lê."""
from __future__ import annotations


class ErroBase(Exception):
    """Falha ao abrir ou gravar a base; ``str(erro)`` é a mensagem para o usuário."""

    oferecer_restauracao = False


class BaseEmRede(ErroBase):
    pass


class BaseEmUso(ErroBase):
    pass


class BaseMaisNova(ErroBase):
    pass


class BaseCorrompida(ErroBase):
    oferecer_restauracao = True


class DiscoCheio(ErroBase):
    pass


class SigiloInconsistente(ErroBase):
    """O arquivo sigiloso do Conselho falta ou não é o desta base (restaurar resolve)."""

    oferecer_restauracao = True
