"""Administração: usuários, diário de auditoria, parâmetros legais, cópias de segurança e documentos."""
