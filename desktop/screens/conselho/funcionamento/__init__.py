"""Telas do Conselho Tutelar em funcionamento (Lei 320/2023, arts. 16-49): abas registradas no painel do Conselho."""
