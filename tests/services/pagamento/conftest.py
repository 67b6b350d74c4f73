from tests.services.magisterio.conftest import escolas, sessao  # noqa: F401
