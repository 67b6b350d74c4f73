"""Fixtures das telas do Conselho em funcionamento: o conselho de sete (services) e um conselheiro vinculado."""
import pytest

from desktop.rules.papeis import Papel
from tests.services.conselho.conftest import SENHA, conselho, entrar  # noqa: F401 (fixtures)


@pytest.fixture
def conselheira(conselho, entrar):  # noqa: F811
    """Sessão da conselheira titular nº 1, vinculada ao seu cadastro (vê e registra casos)."""
    return entrar("ana", Papel.CONSELHEIRO_TUTELAR, conselho[0])
