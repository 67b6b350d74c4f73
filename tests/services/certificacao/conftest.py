from .apoio import migracoes_sem_lacunas  # noqa: F401
