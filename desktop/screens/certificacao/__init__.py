"""Telas da Certificação profissional (Portaria MEC 902/2024)."""
