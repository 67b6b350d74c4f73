"""Instalador: autoteste (do código-fonte e do pacote PyInstaller), atualização de uma base antiga e versão.

O teste do pacote (marcado ``slow``; a CI o roda) gera o pacote de uma pasta a partir da raiz do
repositório com as pastas do PyInstaller num diretório temporário (a árvore não é sujada) e roda
``paco --self-test`` sem tela. Se o PyInstaller não estiver instalado, é instalado no ambiente
do interpretador que roda os testes (extra ``build`` do pyproject).
"""
import os
import re
import shutil
import subprocess
import sys
import tomllib
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

import desktop
from desktop import __version__, autoteste
from desktop.services import acesso, documentos
from desktop.store import base as store_base
from desktop.store import diario
from desktop.store.chaves import ArquivoChaves
from tests.conftest import chave_geral
from desktop.store.copias import abrir_copia, listar_copias
from desktop.store.erros import ErroBase

from .conftest import SENHA_ADMIN

RAIZ = Path(desktop.__file__).resolve().parent.parent
CONFERENCIAS = (
    "Arquivos do programa", "Base cifrada nova criada", "Migrações aplicadas",
    "Contracheque do magistério calculado", "Calculadoras e planilhas: entradas conferidas",
    "Datas e feriados em pt_BR", "PDF registrado emitido",
    "Verificação do PDF: autêntico", "Verificação de cópia alterada: alterado",
    "Diário de auditoria íntegro", "Arquivo da base cifrado", "Base reaberta com a senha",
    "Interface gráfica (Qt)",
)
# Lei 1.613/2004: Anexo I, nível 1, classe A, 20 h = R$ 300,00; Anexo II, valorização 11,5 % =
# R$ 34,50; RPPS 14 % de R$ 334,50 = R$ 46,83 (46,830); líquido 334,50 − 46,83 = R$ 287,67.
CONTRACHEQUE = "proventos R$ 334,50, descontos R$ 46,83, líquido R$ 287,67"


def _ambiente(tmp_path: Path) -> dict:
    ambiente = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PACO_KDF_RAPIDO")}
    ambiente |= {"QT_QPA_PLATFORM": "offscreen", "PACO_CONFIG": str(tmp_path / "config-real"),
                 "PACO_DADOS": str(tmp_path / "dados-reais"), "LANG": "C.UTF-8"}
    return ambiente


def _conferir_saida(saida: str, *, congelado: bool) -> None:
    linhas = saida.splitlines()
    assert linhas[0] == f"Autoteste do Paço {__version__}"
    for descricao in CONFERENCIAS:
        assert any(l.startswith(f"[  OK  ] {descricao}") for l in linhas), (descricao, saida)
    assert "FALHOU" not in saida
    assert CONTRACHEQUE in saida
    assert f"esquema {store_base.versao_do_programa()} de {store_base.versao_do_programa()}" in saida
    assert ("(pacote instalado)" if congelado else "(código-fonte)") in saida
    assert linhas[-1].startswith(f"Autoteste: OK — {len(CONFERENCIAS)} conferências passaram")


# -- autoteste a partir do código-fonte ----------------------------------------------------------
def test_autoteste_do_codigo_fonte_passa_e_nao_toca_os_dados_do_usuario(tmp_path):
    ambiente = _ambiente(tmp_path)
    r = subprocess.run([sys.executable, "-m", "desktop.app", "--self-test"], cwd=RAIZ, env=ambiente,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    _conferir_saida(r.stdout, congelado=False)
    assert not (tmp_path / "config-real").exists() and not (tmp_path / "dados-reais").exists()
    # --autoteste é o mesmo que --self-test
    r = subprocess.run([sys.executable, "-m", "desktop.app", "--autoteste"], cwd=RAIZ, env=ambiente,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "Autoteste: OK" in r.stdout


def test_autoteste_restaura_o_ambiente_e_apaga_a_pasta_temporaria(tmp_path):
    antes = {k: os.environ[k] for k in ("PACO_CONFIG", "PACO_DADOS")}
    vistas = []
    conferencias = autoteste.executar(vistas.append)
    assert [c.descricao for c in conferencias] == list(CONFERENCIAS[:-1])  # sem a interface
    assert all(c.ok for c in conferencias), vistas
    assert vistas == [c.linha() for c in conferencias]
    assert {k: os.environ[k] for k in antes} == antes
    base = conferencias[1].detalhe.removeprefix("em ")
    assert not Path(base).exists()  # a pasta temporária foi apagada
    assert not Path(antes["PACO_CONFIG"]).exists() and not Path(antes["PACO_DADOS"]).exists()


def test_autoteste_falha_com_codigo_1_e_diz_o_que_falhou(capsys):
    def interface_quebrada(_caminho):
        raise RuntimeError("plugin de plataforma do Qt ausente")

    assert autoteste.main(interface_quebrada) == 1
    saida = capsys.readouterr().out
    assert "[FALHOU] Interface gráfica (Qt) — RuntimeError: plugin de plataforma do Qt ausente" in saida
    assert "Autoteste: FALHOU — 1 de 13 conferências falharam" in saida
    assert "[  OK  ] Contracheque do magistério calculado" in saida


# -- atualização: base feita pelo esquema anterior ----------------------------------------------
@pytest.fixture
def programa_anterior(tmp_path, monkeypatch):
    """Faz o Paço deste processo conhecer só as migrações até a penúltima (a versão anterior)."""
    todas = store_base.migracoes()
    pasta = tmp_path / "migracoes-anteriores"
    pasta.mkdir()
    for _, arquivo in todas[:-1]:
        shutil.copy(arquivo, pasta / arquivo.name)
    monkeypatch.setattr(store_base, "PASTA_MIGRACOES", pasta)
    yield len(todas) - 1
    monkeypatch.setattr(store_base, "PASTA_MIGRACOES", store_base.PASTA_DB / "migrations")


def _esquema(db) -> set[str]:
    """O esquema como texto (tabelas, colunas, índices, gatilhos): muda a cada migração, seja ela de
    tabela nova, coluna nova ou tabela removida."""
    return {r["sql"] for r in db.query("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")}


def test_base_do_esquema_anterior_e_copiada_e_migrada_sem_perder_dados(tmp_path, escritorio, programa_anterior,
                                                                        monkeypatch):
    caminho = tmp_path / "dados" / "paco.db"
    anterior = programa_anterior
    sessao, recuperacao = acesso.criar_instalacao(caminho, escritorio, login="admin", nome="Ana Administradora",
                                                  senha=SENHA_ADMIN)
    acesso.criar_usuario(sessao, login="bruno", nome="Bruno Operador", papel="consulta", senha="senha-do-bruno")
    assert sessao.base.versao == anterior
    linhas_diario = sessao.db.execute("SELECT count(*) FROM diario").fetchone()[0]
    sessao.fechar()
    assert not (caminho.parent / "copias").exists()  # criar uma base nova não faz cópia

    # o Paço novo instalado por cima: conhece todas as migrações
    monkeypatch.setattr(store_base, "PASTA_MIGRACOES", store_base.PASTA_DB / "migrations")
    atual = store_base.versao_do_programa()
    assert atual == anterior + 1
    sessao = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    try:
        assert sessao.base.versao == atual
        novo = _esquema(sessao.db)
        assert sessao.db["escritorio"].get(1)["nome"] == escritorio.nome
        assert {u["login"] for u in acesso.listar_usuarios(sessao)} == {"admin", "bruno"}
        assert sessao.db.execute("SELECT count(*) FROM diario").fetchone()[0] > linhas_diario
        assert diario.verificar(sessao.db).ok
    finally:
        sessao.fechar()

    copias = listar_copias(caminho.parent / "copias")
    assert [c.tipo for c in copias] == ["antes-de-atualizar"]
    copia = copias[0].caminho
    chave = chave_geral(copia, recuperacao)
    assert ArquivoChaves.ler(copia).abrir("admin", SENHA_ADMIN).chaves["geral"] == chave  # a senha de antes abre a cópia
    with abrir_copia(copia, chave) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == anterior
        assert db["escritorio"].get(1)["nome"] == escritorio.nome
        assert db.execute("SELECT count(*) FROM usuarios").fetchone()[0] == 2
        assert db.execute("SELECT count(*) FROM diario").fetchone()[0] == linhas_diario
        assert _esquema(db) != novo  # a última migração ainda não estava nela

    # abrir de novo, já atualizada, não faz outra cópia
    acesso.entrar(caminho, "admin", SENHA_ADMIN).fechar()
    assert len(listar_copias(caminho.parent / "copias")) == 1


def test_sem_a_copia_de_seguranca_a_base_antiga_nao_e_migrada(tmp_path, escritorio, programa_anterior,
                                                               monkeypatch):
    caminho = tmp_path / "dados" / "paco.db"
    sessao, recuperacao = acesso.criar_instalacao(caminho, escritorio, login="admin", nome="Ana Administradora",
                                                  senha=SENHA_ADMIN)
    sessao.fechar()
    (caminho.parent / "copias").write_text("um arquivo no lugar da pasta de cópias")
    monkeypatch.setattr(store_base, "PASTA_MIGRACOES", store_base.PASTA_DB / "migrations")
    with pytest.raises(ErroBase, match="cópia de segurança automática falhou.*A base não foi alterada"):
        acesso.entrar(caminho, "admin", SENHA_ADMIN)
    base = store_base.Base  # a base continua no esquema anterior e abre no programa anterior
    monkeypatch.setattr(store_base, "PASTA_MIGRACOES", tmp_path / "migracoes-anteriores")
    b = base.abrir(caminho, chave_geral(caminho, recuperacao))
    try:
        assert b.versao == programa_anterior
    finally:
        b.fechar()


# -- versão -----------------------------------------------------------------------------------
def test_versao_vem_do_pyproject_e_vai_ao_diario_e_ao_pdf(sessao_admin):
    with open(RAIZ / "pyproject.toml", "rb") as f:
        assert __version__ == tomllib.load(f)["project"]["version"]
    emitido = documentos.emitir_relatorio_diario(sessao_admin)
    meta = PdfReader(BytesIO(emitido.pdf)).metadata
    assert meta["/Creator"] == f"Paço {__version__}"
    assert meta["/Producer"].startswith(f"Paço {__version__}")
    versoes = {r["versao_programa"] for r in sessao_admin.db.query("SELECT versao_programa FROM diario")}
    assert versoes == {__version__}


def test_versao_no_sobre_e_na_linha_de_comando(qtbot, capsys):
    from desktop import app
    from desktop.screens.principal.modulos import DialogoSobre

    dialogo = DialogoSobre(None)
    qtbot.addWidget(dialogo)
    assert dialogo.versao.text() == f"Versão {__version__}"
    assert app.main(["--versao"]) == 0
    assert capsys.readouterr().out.strip() == f"Paço {__version__}"


GANCHOS_DE_PARTIDA = {"pyi_rth_inspect", "pyi_rth_pyside6", "pyi_rth_cryptography_openssl",
                      "pyi_rth_utils"}
"""Ganchos de tempo de execução do PyInstaller aceitos no executável: os dois da janela PySide6 vazia, o da
cryptography (só põe uma variável de ambiente) e o módulo de apoio deles (``_pyi_rth_utils``)."""


# -- o pacote (PyInstaller, instalado pelo extra "test" do pyproject) ----------------------------
@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="o pacote de teste é o de Linux")
def test_pacote_pyinstaller_roda_o_autoteste_sem_tela(tmp_path):
    dist, trabalho = tmp_path / "dist", tmp_path / "trabalho"
    r = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                        "--distpath", str(dist), "--workpath", str(trabalho), "installer.spec"],
                       cwd=RAIZ, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-4000:]
    pacote = dist / "paco"
    assert (pacote / "paco").is_file() and (pacote / "paco-cli").is_file()
    interno = pacote / "_internal"
    assert (interno / "db" / "migrations").is_dir() and (interno / "resources" / "fonts").is_dir()
    assert sorted(p.name for p in (interno / "babel" / "locale-data").iterdir()) == ["pt.dat", "pt_BR.dat",
                                                                                    "root.dat"]
    assert not (RAIZ / "build" / "paco").exists()  # nada do PyInstaller na árvore do código
    # Os ganchos de partida do PyInstaller rodam antes do Paço, a cada abertura: o do setuptools e o do
    # pkg_resources (puxados só pelo compilador do cffi) custavam ~235 ms, e os do multiprocessing e do
    # pkgutil também pesavam (issue 16). Um gancho novo aqui é uma importação a mais antes da janela de
    # entrada: confira o custo antes de aceitá-lo. PKG-00 é o que vai dentro do executável paco.
    executavel = (trabalho / "installer" / "PKG-00.toc").read_text(encoding="utf-8")
    ganchos = set(re.findall(r"pyi_rth_\w+", executavel))
    assert "pyi_rth_pyside6" in ganchos
    assert ganchos <= GANCHOS_DE_PARTIDA, ganchos - GANCHOS_DE_PARTIDA

    # roda fora da árvore do código, sem PYTHONPATH: nada é procurado no código-fonte
    ambiente = _ambiente(tmp_path)
    r = subprocess.run([str(pacote / "paco"), "--self-test"], cwd=tmp_path, env=ambiente,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    _conferir_saida(r.stdout, congelado=True)
    assert f"em {interno}" in r.stdout
    assert not (tmp_path / "config-real").exists() and not (tmp_path / "dados-reais").exists()

    r = subprocess.run([str(pacote / "paco-cli"), "--self-test"], cwd=tmp_path, env=ambiente,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "Autoteste: OK" in r.stdout, r.stdout + r.stderr
    r = subprocess.run([str(pacote / "paco"), "--versao"], env=ambiente, capture_output=True, text=True)
    assert r.stdout.strip() == f"Paço {__version__}"
    r = subprocess.run([str(pacote / "paco-cli"), "--help"], env=ambiente, capture_output=True, text=True)
    assert r.returncode == 0 and "uso:" in r.stdout
