"""Casos de uso do processo de escolha do Conselho Tutelar (Lei 320/2023, arts. 5º-16): permissão, transação, regras e diário."""
