"""Fixtures comuns: base nova cifrada numa pasta temporária, sessão de administrador."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PACO_KDF_RAPIDO"] = "1"  # argon2id barato só nos testes (NOTAS-TECNICAS)

import shutil
from pathlib import Path

import pytest

from desktop.services import acesso, chaveiro, demo

SENHA_ADMIN = "senha-do-admin"
CNPJ_TESTE = "11.222.333/0001-81"


@pytest.fixture(autouse=True)
def _pastas_isoladas(tmp_path, monkeypatch):
    """Nenhum teste toca a configuração ou os dados reais do usuário."""
    monkeypatch.setenv("PACO_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("PACO_DADOS", str(tmp_path / "dados"))
    monkeypatch.setenv("PACO_LOGS", str(tmp_path / "registros"))


@pytest.fixture(autouse=True, scope="session")
def _demo_copiada(tmp_path_factory):
    """Cada base de demonstração (os mesmos parâmetros) é criada de verdade uma vez na sessão de testes e depois
    copiada (os arquivos da base, do sigilo, das chaves) para onde o teste pede: é a mesma base, nova para
    cada teste, sem repetir os ~10 s da criação em cada um dos ~45 lugares que a usam (a CI tem 30 min).
    ``desktop.services.demo.criar_demo`` continua testado de verdade: a primeira de cada tipo é criada por ele,
    e uma pasta que já existe vai direto a ele (a recusa)."""
    original = demo.criar_demo
    modelos: dict[tuple, Path] = {}

    def criar_demo(caminho, **parametros):
        caminho = Path(caminho)
        if caminho.exists():
            return original(caminho, **parametros)
        chave = tuple(sorted(parametros.items()))
        if chave not in modelos:
            modelo = tmp_path_factory.mktemp("demo_modelo") / "paco.db"
            original(modelo, **parametros)
            modelos[chave] = modelo
        modelo = modelos[chave]
        caminho.parent.mkdir(parents=True, exist_ok=True)
        for arquivo in modelo.parent.iterdir():
            if arquivo.is_file() and arquivo.name.startswith(modelo.name):
                shutil.copy2(arquivo, caminho.with_name(caminho.name + arquivo.name[len(modelo.name):]))

    demo.criar_demo = criar_demo
    yield
    demo.criar_demo = original


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
