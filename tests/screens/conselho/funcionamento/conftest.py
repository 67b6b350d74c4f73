"""Fixtures das telas do Conselho em funcionamento: o conselho de sete (services) e um conselheiro vinculado."""
import pytest

from desktop.rules.papeis import Papel
from tests.services.conselho.conftest import SENHA, conselho, entrar  # noqa: F401 (fixtures)


@pytest.fixture
def conselheira(conselho, entrar, qtbot):  # noqa: F811
    """Sessão da conselheira titular nº 1, vinculada ao seu cadastro (vê e registra casos).

    Ao fim do teste, espera as leituras e tarefas em segundo plano das abas (``widgets.servicos``) terminarem
    antes de a base fechar: uma aba recém-aberta ainda pode estar lendo (o painel inteiro abre várias)."""
    from desktop.screens.widgets import leitura, tarefa

    yield entrar("ana", Papel.CONSELHEIRO_TUTELAR, conselho[0])
    qtbot.waitUntil(lambda: leitura.em_andamento() == 0 and tarefa._guardiao().em_execucao() == 0, timeout=30000)
