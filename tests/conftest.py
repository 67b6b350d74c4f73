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


_CASA = ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
_DE_FORA = {Path(".config/QtProject.conf")}
"""O que não é do Paço: o histórico do QFileDialog, que o Qt grava ao fechar um (os testes que escolhem um arquivo
pelo diálogo de verdade); fica na casa da sessão, não na do usuário."""


@pytest.fixture(autouse=True, scope="session")
def _casa_isolada(tmp_path_factory):
    """A casa do usuário (HOME e as pastas XDG dos dados, da configuração e do estado) é uma pasta da sessão, e no
    fim ela tem de estar vazia: o que escrever lá sem passar pelas pastas dos testes (PACO_DADOS etc.), como uma
    fixture de módulo que emitia documentos antes das pastas isoladas e punha a chave pública do selo no chaveiro
    de verdade (~/.local/share/Paco/chaves_publicas), faz a sessão falhar. O cache (XDG_CACHE_HOME) continua o do
    usuário: não é do Paço (fontconfig, PyInstaller) e refazê-lo custaria minutos."""
    casa = tmp_path_factory.mktemp("casa")
    antes = {k: os.environ.get(k) for k in _CASA}
    cache = antes["XDG_CACHE_HOME"] or str(Path("~/.cache").expanduser())
    os.environ |= {"HOME": str(casa), "XDG_DATA_HOME": str(casa / ".local" / "share"),
                   "XDG_CONFIG_HOME": str(casa / ".config"), "XDG_STATE_HOME": str(casa / ".local" / "state"),
                   "XDG_CACHE_HOME": cache}
    yield
    for k, v in antes.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    escritos = sorted(str(p.relative_to(casa)) for p in casa.rglob("*")
                      if not p.is_dir() and p.relative_to(casa) not in _DE_FORA)
    assert not escritos, f"os testes escreveram na casa do usuário: {escritos}"


def _isolar(pasta: Path, ambiente) -> None:
    ambiente.setenv("PACO_CONFIG", str(pasta / "config"))
    ambiente.setenv("PACO_DADOS", str(pasta / "dados"))
    ambiente.setenv("PACO_LOGS", str(pasta / "registros"))


@pytest.fixture(autouse=True, scope="module")
def _pastas_isoladas_do_modulo(tmp_path_factory):
    """As fixtures de módulo (uma base criada uma vez para o arquivo) rodam antes das de cada teste: também elas
    têm pastas próprias (a demonstração emite documentos e guarda a chave pública no chaveiro da pasta de dados)."""
    with pytest.MonkeyPatch.context() as ambiente:
        _isolar(tmp_path_factory.mktemp("modulo"), ambiente)
        yield


@pytest.fixture(autouse=True)
def _pastas_isoladas(tmp_path, monkeypatch):
    """Nenhum teste toca a configuração ou os dados reais do usuário."""
    _isolar(tmp_path, monkeypatch)


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
        _copiar_base(modelos[chave], caminho)

    demo.criar_demo = criar_demo
    yield
    demo.criar_demo = original


def _copiar_base(modelo: Path, caminho: Path) -> None:
    """Copia os arquivos de uma base fechada (a base, o sigilo, as chaves, o contador de tentativas) para ``caminho``."""
    caminho.parent.mkdir(parents=True, exist_ok=True)
    for arquivo in modelo.parent.iterdir():
        if arquivo.is_file() and arquivo.name.startswith(modelo.name):
            shutil.copy2(arquivo, caminho.with_name(caminho.name + arquivo.name[len(modelo.name):]))


@pytest.fixture
def escritorio():
    return acesso.DadosEscritorio(
        nome="Secretaria Municipal de Educação", municipio="Jequié", uf="BA", cnpj=CNPJ_TESTE
    )


_INSTALACOES: dict[tuple, tuple[Path, str]] = {}
"""Órgão → (base modelo, chave de recuperação): a instalação criada de verdade uma vez na sessão de testes."""


@pytest.fixture
def instalacao(tmp_path, escritorio, tmp_path_factory):
    """Uma base nova; devolve (caminho, chave de recuperação) com a base já fechada.

    Como a demonstração (``_demo_copiada``): ``acesso.criar_instalacao`` (migrações numa base cifrada com
    ``synchronous=FULL``, chaves, órgão, administrador, parâmetros: ~0,5-0,9 s aqui) roda uma vez por órgão na sessão e
    cada teste recebe uma cópia dos arquivos da base fechada, numa pasta só dele — a mesma base nova, sem repetir a
    criação nos ~700 testes que a usam. A criação em si continua testada (tests/services/test_acesso.py e os testes
    que chamam ``criar_instalacao``); as cópias têm a mesma chave de recuperação e o mesmo ``base_id``, o que nenhum
    teste de uma base só distingue (os de sincronização criam as outras máquinas por ``criar_instalacao``)."""
    chave = (escritorio.nome, escritorio.municipio, escritorio.uf, escritorio.cnpj, escritorio.brasao,
             escritorio.brasao_tipo)
    if chave not in _INSTALACOES:
        modelo = tmp_path_factory.mktemp("instalacao_modelo") / "paco.db"
        sessao, recuperacao = acesso.criar_instalacao(
            modelo, escritorio, login="admin", nome="Ana Administradora", senha=SENHA_ADMIN
        )
        sessao.fechar()
        _INSTALACOES[chave] = (modelo, recuperacao)
    modelo, recuperacao = _INSTALACOES[chave]
    caminho = tmp_path / "base" / "paco.db"
    _copiar_base(modelo, caminho)
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
