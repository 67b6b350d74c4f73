"""Documentos PDF (reportlab): dados simples entram, PDF sai. Sem banco, sem Qt."""
