"""Fixtures do Conselho Tutelar: um conselho de cinco titulares e dois suplentes, usuários por papel."""
from datetime import date

import pytest

from desktop.services import acesso
from desktop.services.conselho import mandatos
from desktop.services.sessao import Sessao

SENHA = "senha-de-teste-1"
NOMES = ["Ana Beatriz Souza", "Bruno Carvalho Lima", "Carla Dias Moreira", "Daniel Esteves Nunes",
         "Elisa Fonseca Prado", "Fábio Gomes Reis", "Gabriela Honorato Sales"]
INICIO, FIM = date(2024, 1, 10), date(2028, 1, 9)


@pytest.fixture
def conselho(sessao_admin):
    ids = []
    for i, nome in enumerate(NOMES):
        titular = i < 5
        c = mandatos.cadastrar_conselheiro(sessao_admin, nome=nome, condicao="titular" if titular else "suplente",
                                           ordem=i + 1 if titular else i - 4, inicio_mandato=INICIO, fim_mandato=FIM)
        ids.append(c["id"])
    return ids


@pytest.fixture
def entrar(sessao_admin):
    """Uma sessão de outro usuário na mesma base aberta (usuário criado de verdade; vinculado ao
    conselheiro quando ``conselheiro_id`` é dado), com a senha dele: conselheiros e consulta recebem o
    arquivo sigiloso anexado, como numa entrada de verdade."""
    abertas = []

    def _entrar(login: str, papel: str, conselheiro_id: str | None = None) -> Sessao:
        acesso.criar_usuario(sessao_admin, login=login, nome=login.title(), papel=papel, senha=SENHA,
                             trocar_senha=False)
        if conselheiro_id:
            mandatos.vincular_usuario(sessao_admin, conselheiro_id, login)
        s = acesso.outra_sessao(sessao_admin, login, SENHA)
        abertas.append(s)
        return s

    yield _entrar
    for s in abertas:
        s.fechar()
