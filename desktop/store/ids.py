"""Identificadores UUIDv7 (ordenáveis no tempo, prontos para juntar bases de várias máquinas)."""
from __future__ import annotations

from datetime import datetime, timezone

import uuid6


def novo_id() -> str:
    return str(uuid6.uuid7())


def agora() -> str:
    """Momento atual em ISO 8601, UTC, com milissegundos."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")
