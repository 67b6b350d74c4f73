from tests.services.certificacao.apoio import migracoes_sem_lacunas  # noqa: F401
