"""Telas do Magistério (Lei 1.613/2004 de Jequié-BA): cadastro funcional, folha, tabelas e configuração."""
