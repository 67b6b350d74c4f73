"""Documentos do processo de escolha do Conselho Tutelar: listas, boletim, ata e resultado oficial."""
