"""Leitura comum das calculadoras sem base (``paco calcular``): arquivo, modelo da entrada, parâmetros, esquemas."""
