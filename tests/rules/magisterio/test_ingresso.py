"""Ingresso depois da publicação da Lei 1.613/2004 nos quadros em extinção (casos em casos/ingresso.toml)."""
import pytest

from desktop.rules.magisterio.tipos import Cargo, Titulo
from desktop.rules.magisterio.titulacao import recusa_de_ingresso

from ..casos_toml import casos


@pytest.mark.parametrize("caso", casos("magisterio/ingresso"))
def test_recusa_de_ingresso(caso):
    recusa = recusa_de_ingresso(Cargo(caso["cargo"]), Titulo(caso["titulo"]), caso["admissao"])
    if caso["recusa"]:
        assert recusa is not None and caso["recusa"] in recusa, caso["conta"]
        assert "Lei 1.613/2004" in recusa and f"{caso['admissao']:%d/%m/%Y}" in recusa
    else:
        assert recusa is None, caso["conta"]
