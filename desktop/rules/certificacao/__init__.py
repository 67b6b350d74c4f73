"""Certificação profissional da Rede Certifica (Portaria MEC 902/2024) como regras puras.

Módulos: ``tipos`` (tipos, etapas, parâmetros), ``adesao`` (art. 27), ``oferta`` (art. 17),
``ppcp`` (arts. 19-20), ``elegibilidade`` (arts. 2º, 14 e 24 §3), ``etapas`` (art. 24),
``resultado`` (arts. 13 XI, 14, 15, 16, 24 §7 e 26 §2).
"""
