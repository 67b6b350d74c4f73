"""Consultas e gravações do Conselho Tutelar (sem permissão nem diário: isso é dos serviços)."""
