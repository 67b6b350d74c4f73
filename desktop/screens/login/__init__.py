"""Tela de entrada: login, espera após senhas erradas, chave de recuperação, troca de senha, restauração."""
from .janela import JanelaLogin

__all__ = ["JanelaLogin"]
