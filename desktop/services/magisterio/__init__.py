"""Casos de uso do Magistério de Jequié (Lei 1.613/2004): cadastro funcional, importação de planilhas,
configuração do órgão e dados de demonstração."""
