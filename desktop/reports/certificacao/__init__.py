"""Documentos da Certificação profissional (Portaria MEC 902/2024): certificados, diplomas, histórico, atestado e aviso de oferta."""
