"""Ids UUIDv7: formato, ordem no tempo e os bits aleatórios tirados do sistema em blocos (issue 16)."""
from __future__ import annotations

import os
import random
import uuid

from desktop.store import ids


def test_uuid7_valido_ordenado_e_unico():
    gerados = [ids.novo_id() for _ in range(5000)]
    assert len(set(gerados)) == len(gerados)
    assert gerados == sorted(gerados)  # o milissegundo avança a cada id pedido no mesmo ms, como no uuid6
    for texto in gerados[:50]:
        u = uuid.UUID(texto)
        assert u.version == 7 and u.variant == uuid.RFC_4122 and str(u) == texto


def test_bits_aleatorios_sao_os_do_sistema_em_blocos(monkeypatch):
    """Cada ``os.urandom`` solta e retoma o GIL; uma chamada por id, num laço de 45.000 rubricas (o
    fechamento da folha), deixava a thread da interface sem o GIL 150-450 ms seguidos (o comboio do
    GIL). Os 76 bits vêm do sistema, mas de uma reserva tirada de uma vez."""
    chamadas: list[int] = []
    original = os.urandom

    def contar(n):
        chamadas.append(n)
        return original(n)

    monkeypatch.setattr(ids, "_reserva", b"")  # sem sobra de ids pedidos antes (por outros testes): tudo do sistema
    monkeypatch.setattr(ids, "_posicao", 0)
    monkeypatch.setattr(os, "urandom", contar)
    monkeypatch.setattr(random, "_urandom", contar)  # o caminho do ``secrets`` (uuid6.uuid7)
    gerados = [ids.novo_id() for _ in range(2000)]
    assert len(set(gerados)) == 2000
    assert 1 <= len(chamadas) <= 6, f"{len(chamadas)} chamadas ao sistema para 2.000 ids"
    assert sum(chamadas) >= 2000 * 10  # 10 bytes do sistema por id: nada vem de um gerador previsível
