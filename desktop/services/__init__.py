"""Casos de uso: permissão + transação + regras + diário. Usados pela GUI e pela CLI."""
