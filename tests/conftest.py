"""Fixtures comuns: base nova cifrada numa pasta temporária, sessão de administrador."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PACO_KDF_RAPIDO"] = "1"  # argon2id barato só nos testes (NOTAS-TECNICAS)

import pytest

from desktop.services import acesso, chaveiro

SENHA_ADMIN = "senha-do-admin"
CNPJ_TESTE = "11.222.333/0001-81"


@pytest.fixture(autouse=True)
def _pastas_isoladas(tmp_path, monkeypatch):
    """Nenhum teste toca a configuração ou os dados reais do usuário."""
    monkeypatch.setenv("PACO_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("PACO_DADOS", str(tmp_path / "dados"))
    monkeypatch.setenv("PACO_LOGS", str(tmp_path / "registros"))


@pytest.fixture
def escritorio():
    return acesso.DadosEscritorio(
        nome="Secretaria Municipal de Educação", municipio="Jequié", uf="BA", cnpj=CNPJ_TESTE
    )


@pytest.fixture
def instalacao(tmp_path, escritorio):
    """Cria uma base nova; devolve (caminho, chave de recuperação) com a base já fechada."""
    caminho = tmp_path / "base" / "paco.db"
    sessao, recuperacao = acesso.criar_instalacao(
        caminho, escritorio, login="admin", nome="Ana Administradora", senha=SENHA_ADMIN
    )
    sessao.fechar()
    return caminho, recuperacao


@pytest.fixture
def sessao_admin(instalacao):
    caminho, _ = instalacao
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    # Como na demonstração: a sessão de teste do administrador usa também a chave de recuperação,
    # para criar conselheiros e consultas já com o sigilo (sem ela, ficariam aguardando liberação;
    # tests/services/test_chaves.py testa esse caminho).
    chaveiro.usar_recuperacao(s, instalacao[1])
    yield s
    s.fechar()


def chave_geral(caminho, recuperacao) -> bytes:
    """A chave do arquivo principal (domínio geral), aberta pela chave de recuperação no arquivo
    de chaves ao lado de ``caminho`` (base ou cópia)."""
    from desktop.store.chaves import ArquivoChaves

    return ArquivoChaves.ler(caminho).abrir_recuperacao(recuperacao).chaves["geral"]
