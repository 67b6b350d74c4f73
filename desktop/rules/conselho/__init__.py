"""Conselho Tutelar em funcionamento (Lei 320/2023 de Itapiranga-AM, arts. 16-49): regras puras."""
