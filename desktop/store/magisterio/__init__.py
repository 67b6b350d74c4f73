"""Armazenamento do Magistério: servidores, históricos datados, escolas, tabelas de tipos e fichas.

SQL apenas; não verifica permissão nem escreve no diário (isso é dos serviços em
``desktop.services.magisterio``). O esquema está em ``db/migrations/0003_magisterio.sql``.
"""
