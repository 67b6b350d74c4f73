"""Telas do Conselho Tutelar: o processo de escolha (e, depois, a operação do Conselho)."""
