"""Casos de uso da Certificação profissional (Portaria MEC 902/2024): permissão, transação, regras e diário."""
