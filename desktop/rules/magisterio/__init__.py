"""Magistério de Jequié-BA (Lei 1.613/2004): carreira, tabelas e folha, como funções puras."""
