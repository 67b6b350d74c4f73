"""Armazenamento: SQLite cifrado (SQLCipher) via sqlite-utils — abrir, migrar, diário, cópias."""
