"""Identificadores UUIDv7 (ordenáveis no tempo, prontos para juntar bases de várias máquinas).

O UUIDv7 é o de ``uuid6.uuid7`` (48 bits de milissegundos, que avançam 1 ms a cada id pedido no mesmo
milissegundo ou antes do último, e 76 bits aleatórios do sistema), com uma diferença só no jeito de tirar
os bits aleatórios: ``uuid6`` chama ``os.urandom`` (via ``secrets``) a cada id, e cada chamada solta e
retoma o GIL. Num laço que cria dezenas de milhares de ids (o fechamento da folha grava 3.000 contracheques
e ~45.000 rubricas), a thread da interface, acordada a cada soltura, chega sempre tarde — a thread do
trabalho já retomou o GIL microssegundos depois — e o pedido de troca do interpretador não sai, porque o
GIL "trocou de mãos": a janela ficava parada 150-450 ms seguidos (o comboio do GIL; issue 16,
``benchmarks/travamentos.py``). Aqui os bits vêm de uma reserva de ``os.urandom`` tirada 4 KiB por vez
(uma chamada ao sistema a cada ~400 ids), com a mesma distribuição: 10 bytes do sistema, 76 bits.
"""
from __future__ import annotations

import os
import threading
import time
from datetime import datetime, timezone

import uuid6

_RESERVA_BYTES = 4096
_BYTES_POR_ID = 10  # 80 bits, dos quais ficam 76 (como ``secrets.randbits(76)``)

_trava = threading.Lock()
_reserva = b""
_posicao = 0
_ultimo_ms: int | None = None


def _uuid7() -> uuid6.UUID:
    global _reserva, _posicao, _ultimo_ms
    with _trava:
        ms = time.time_ns() // 10**6
        if _ultimo_ms is not None and ms <= _ultimo_ms:
            ms = _ultimo_ms + 1
        _ultimo_ms = ms
        if _posicao + _BYTES_POR_ID > len(_reserva):
            _reserva, _posicao = os.urandom(_RESERVA_BYTES), 0
        aleatorio = int.from_bytes(_reserva[_posicao:_posicao + _BYTES_POR_ID]) >> 4
        _posicao += _BYTES_POR_ID
    return uuid6.UUID(int=((ms & 0xFFFFFFFFFFFF) << 80) | aleatorio, version=7)


def novo_id() -> str:
    return str(_uuid7())


def agora() -> str:
    """Momento atual em ISO 8601, UTC, com milissegundos."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")
