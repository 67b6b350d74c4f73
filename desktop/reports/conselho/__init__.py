"""Documentos do Conselho Tutelar (PDF): contracheque, escala, relatório trimestral, documentos do caso."""
