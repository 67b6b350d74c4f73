from tests.screens.magisterio.conftest import salvar_em, sessao_demo  # noqa: F401
