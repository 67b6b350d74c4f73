"""Paço — sistema desktop offline para secretarias municipais."""
import sys as _sys
from importlib import metadata as _metadata
from pathlib import Path as _Path

RAIZ = _Path(getattr(_sys, "_MEIPASS", _Path(__file__).resolve().parent.parent))
"""Pasta que contém desktop/, db/ e resources/ (no pacote congelado, a pasta do bundle)."""
PASTA_DB = RAIZ / "db"
PASTA_RECURSOS = RAIZ / "resources"


def _versao() -> str:
    try:
        return _metadata.version("paco")
    except _metadata.PackageNotFoundError:  # rodando direto do código-fonte sem instalar
        import tomllib

        with open(RAIZ / "pyproject.toml", "rb") as f:
            return tomllib.load(f)["project"]["version"]


__version__ = _versao()
