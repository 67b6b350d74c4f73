"""Tabelas da Certificação (migração 0006): leitura e gravação, sem permissão nem diário (isso é dos serviços)."""
