"""Documentos: verificação de autenticidade de um documento emitido pelo Paço (código ou PDF)."""
