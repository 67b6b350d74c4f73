"""Paço — sistema desktop offline para secretarias municipais."""
import sys as _sys
from pathlib import Path as _Path

from desktop._versao import VERSAO as __version__  # noqa: F401 (a versão do pacote)

RAIZ = _Path(getattr(_sys, "_MEIPASS", _Path(__file__).resolve().parent.parent))
"""Pasta que contém desktop/, db/ e resources/ (no pacote congelado, a pasta do bundle)."""
PASTA_DB = RAIZ / "db"
PASTA_RECURSOS = RAIZ / "resources"

