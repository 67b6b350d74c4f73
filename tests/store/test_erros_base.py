"""Entradas ruins: arquivo que não é do Paço, rede, segunda instância, disco cheio, base mais nova."""
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import RAIZ
from desktop.services import acesso
from desktop.store import diario
from desktop.store.base import Base
from tests.conftest import chave_geral
from desktop.store.erros import BaseCorrompida, BaseEmRede, BaseEmUso, BaseMaisNova, DiscoCheio
from desktop.store.local import recusar_rede, sistema_de_arquivos

from ..conftest import SENHA_ADMIN


def retrato(pasta: Path) -> dict[str, str]:
    """Nome e SHA-256 de cada arquivo da pasta: para provar que nada foi tocado."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(pasta.iterdir()) if p.is_file()}


# -- arquivo que não é uma base do Paço --------------------------------------------------------
def test_bytes_aleatorios_no_lugar_da_base(instalacao):
    caminho, _ = instalacao
    caminho.write_bytes(os.urandom(64 * 1024))
    antes = retrato(caminho.parent)

    with pytest.raises(BaseCorrompida) as e:
        acesso.entrar(caminho, "admin", SENHA_ADMIN)

    assert e.value.oferecer_restauracao
    assert "restaure uma cópia de segurança" in str(e.value)
    assert retrato(caminho.parent) == antes


def test_base_sqlite_comum_sem_cifra(tmp_path):
    comum = tmp_path / "planilha.db"
    con = sqlite3.connect(comum)
    con.execute("CREATE TABLE alunos (nome TEXT)")
    con.execute("INSERT INTO alunos VALUES ('Maria')")
    con.commit()
    con.close()
    antes = comum.read_bytes()

    with pytest.raises(BaseCorrompida, match="base SQLite comum, sem cifra") as e:
        Base.abrir(comum, os.urandom(32))

    assert e.value.oferecer_restauracao
    assert comum.read_bytes() == antes
    assert not Path(f"{comum}-wal").exists()


def test_arquivo_vazio_nao_vira_base_nova(tmp_path):
    vazio = tmp_path / "paco.db"
    vazio.touch()

    with pytest.raises(BaseCorrompida, match="não é uma base do Paço"):
        Base.abrir(vazio, os.urandom(32))

    assert vazio.stat().st_size == 0  # não foi migrado em silêncio


# -- compartilhamento de rede ------------------------------------------------------------------
MONTAGENS = """\
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
/dev/sda1 / ext4 rw,relatime 0 0
//servidor/dados /mnt/rede cifs rw,relatime,vers=3.0 0 0
servidor:/export /srv/publico nfs4 rw,relatime 0 0
/dev/sdc1 /media/ana/PEN\\040DRIVE vfat rw,nosuid,nodev 0 0
systemd-1 /mnt/nas autofs rw,relatime 0 0
//nas/paco /mnt/nas cifs rw,relatime 0 0
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw,nosuid,nodev 0 0
"""


@pytest.mark.parametrize("caminho, tipo", [
    ("/mnt/rede/secretaria/paco.db", "cifs"),
    ("/srv/publico/paco.db", "nfs4"),
    ("/mnt/nas/paco.db", "cifs"),  # autofs por baixo, cifs por cima
    ("/run/user/1000/gvfs/smb-share:server=pc,share=dados/paco.db", "fuse.gvfsd-fuse"),
])
def test_compartilhamento_de_rede_recusado(caminho, tipo):
    with pytest.raises(BaseEmRede, match=f"compartilhamento de rede \\({tipo}\\).*Escolha uma pasta local"):
        recusar_rede(Path(caminho), MONTAGENS)


@pytest.mark.parametrize("caminho, tipo", [
    ("/home/ana/Paco/paco.db", "ext4"),
    ("/mnt/redes/paco.db", "ext4"),  # só o prefixo do nome, não é a pasta /mnt/rede
    ("/media/ana/PEN DRIVE/paco.db", "vfat"),
])
def test_disco_local_aceito(caminho, tipo):
    assert sistema_de_arquivos(Path(caminho).parent, MONTAGENS) == tipo
    recusar_rede(Path(caminho), MONTAGENS)


def test_caminho_unc_recusado_antes_de_tocar_no_disco():
    with pytest.raises(BaseEmRede):
        Base.abrir(Path("//servidor/compartilhamento/paco.db"), os.urandom(32))


# -- segunda instância -------------------------------------------------------------------------
def test_segunda_instancia_recusada_enquanto_a_primeira_esta_aberta(instalacao):
    caminho, _ = instalacao
    primeira = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    try:
        with pytest.raises(BaseEmUso, match="aberta em outra janela"):
            acesso.entrar(caminho, "admin", SENHA_ADMIN)
        # Outro processo (outra janela do Paço) também é recusado.
        codigo = (
            "import sys; from pathlib import Path; from desktop.store.base import Base\n"
            "from desktop.store.erros import BaseEmUso\n"
            "try:\n    Base.abrir(Path(sys.argv[1]), bytes(32))\n"
            "except BaseEmUso:\n    print('em uso')\n"
        )
        saida = subprocess.run([sys.executable, "-c", codigo, str(caminho)], cwd=RAIZ,
                               capture_output=True, text=True, timeout=60)
        assert saida.stdout.strip() == "em uso", saida.stderr
    finally:
        primeira.fechar()
    acesso.entrar(caminho, "admin", SENHA_ADMIN).fechar()


# -- disco cheio -------------------------------------------------------------------------------
def test_disco_cheio_desfaz_a_transacao_inteira(sessao_admin):
    db = sessao_admin.db
    linhas_diario = db.execute("SELECT count(*) FROM diario").fetchone()[0]

    with pytest.raises(DiscoCheio, match="Nada foi gravado"):
        with sessao_admin.mudanca(None) as m:
            paginas = m.db.execute("PRAGMA page_count").fetchone()[0]
            m.db.execute(f"PRAGMA max_page_count = {paginas}")  # o disco "enche" agora
            m.db["configuracoes"].insert({"chave": "pequena", "valor": "cabe"})
            m.registrar("configuracoes", "pequena", "inserir", depois={"valor": "cabe"})
            m.db["configuracoes"].insert({"chave": "grande", "valor": "x" * 300_000})
            m.registrar("configuracoes", "grande", "inserir", depois={"valor": "grande"})

    db.execute("PRAGMA max_page_count = 1073741823")  # "liberou espaço"
    assert db.execute("SELECT count(*) FROM configuracoes").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM diario").fetchone()[0] == linhas_diario
    assert not sessao_admin.base.conexao.in_transaction
    # A base segue boa e aceita a próxima gravação.
    with sessao_admin.mudanca(None) as m:
        m.db["configuracoes"].insert({"chave": "depois", "valor": "ok"})
        m.registrar("configuracoes", "depois", "inserir", depois={"valor": "ok"})
    assert diario.verificar(db).ok
    assert sessao_admin.base.verificar_integridade_sqlite() == "ok"


# -- base mais nova que o programa -------------------------------------------------------------
def test_base_mais_nova_e_recusada_sem_ser_tocada(instalacao):
    caminho, recuperacao = instalacao
    base = Base.abrir(caminho, chave_geral(caminho, recuperacao))
    base.conexao.execute("PRAGMA user_version = 99")
    base.fechar()
    antes = retrato(caminho.parent)

    with pytest.raises(BaseMaisNova, match="esquema 99.*Atualize o Paço.*nada foi alterado"):
        acesso.entrar(caminho, "admin", SENHA_ADMIN)

    assert retrato(caminho.parent) == antes
    # A trava foi solta: tentar de novo dá o mesmo aviso, não "base em uso".
    with pytest.raises(BaseMaisNova):
        Base.abrir(caminho, chave_geral(caminho, recuperacao))


def test_atalho_para_a_base_recusado_sem_tocar_em_nada(instalacao, tmp_path):
    """Um link simbólico para a base: recusado com mensagem clara, sem criar trava, WAL nem chaves ao
    lado do atalho, e a base verdadeira continua abrindo pelo caminho dela."""
    caminho, _ = instalacao
    atalho = tmp_path / "atalho" / "paco.db"
    atalho.parent.mkdir()
    atalho.symlink_to(caminho)
    with pytest.raises(Exception, match="atalho") as erro:
        acesso.entrar(atalho, "admin", SENHA_ADMIN)
    assert "Nada foi alterado" in str(erro.value)
    assert sorted(p.name for p in atalho.parent.iterdir()) == ["paco.db"]
    acesso.entrar(caminho, "admin", SENHA_ADMIN).fechar()
