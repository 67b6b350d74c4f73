"""Tabelas do processo de escolha do Conselho Tutelar (migração 0005): leitura e gravação, sem permissão nem diário."""
