"""Fixtures do magistério: sessão de administrador com escolas (porte datado) e a Secretaria."""
from datetime import date

import pytest

from desktop.rules.papeis import Papel
from desktop.services import cadastros
from desktop.services.magisterio import cadastro
from desktop.services.sessao import Sessao, Usuario

# CPFs válidos (dígitos verificadores conferidos)
CPF_MARIA = "529.982.247-25"
CPF_JOSE = "111.444.777-35"
CPF_ANA = "123.456.789-09"
CPF_PAULO = "935.411.347-80"


@pytest.fixture
def sessao(sessao_admin):
    return sessao_admin


@pytest.fixture
def escolas(sessao):
    """Castro Alves (grande desde 2000, médio desde 2015), Itajuru (rural, pequena, difícil acesso) e a SMEC."""
    ca = cadastro.cadastrar_escola(sessao, nome="Escola Municipal Castro Alves", bairro="Centro", porte="grande",
                                   desde=date(2000, 1, 1), ato="Portaria 1/2000")
    cadastro.definir_situacao(sessao, ca["id"], inicio=date(2015, 1, 1), porte="medio", ato="Portaria 3/2015")
    it = cadastro.cadastrar_escola(sessao, nome="Escola Municipal Povoado de Itajuru", zona="rural", porte="pequeno",
                                   dificil_acesso=True, desde=date(2000, 1, 1))
    smec = cadastros.cadastrar_unidade(sessao, tipo="secretaria", nome="Secretaria Municipal de Educação")
    return {"castro": ca["id"], "itajuru": it["id"], "smec": smec["id"]}


def com_papel(sessao: Sessao, papel: Papel) -> Sessao:
    """Outro usuário na mesma base aberta (o papel decide as permissões)."""
    return Sessao(sessao.base, Usuario("id-" + papel.value, papel.value[:10], "Outro", papel))


def diario(sessao, tabela):
    return list(sessao.db.query("SELECT * FROM diario WHERE tabela = ? ORDER BY seq", [tabela]))


def maria(sessao, escolas, **extra):
    """Professora de licenciatura plena, 20 h, admitida em 01/03/2001, lotada na Castro Alves."""
    dados = dict(nome="Maria da Silva Souza", cpf=CPF_MARIA, matricula="1001", cargo="professor",
                 admissao=date(2001, 3, 1), jornada=20, titulo="licenciatura_plena", escola_id=escolas["castro"],
                 nascimento=date(1975, 6, 10))
    return cadastro.cadastrar_servidor(sessao, **(dados | extra))


def ler_csv(conteudo: bytes) -> list[list[str]]:
    """As linhas de um CSV do Paço (UTF-8 com BOM, ponto e vírgula), como a planilha as lê."""
    import csv
    import io

    assert conteudo.startswith("\ufeff".encode())  # o BOM: o Excel abre em UTF-8
    return list(csv.reader(io.StringIO(conteudo.decode("utf-8-sig"), newline=""), delimiter=";"))
