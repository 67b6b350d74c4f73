"""Base.recifrar: PRAGMA rekey em modo WAL (sqlcipher3), também do arquivo sigiloso anexado, e uma
queda (SIGKILL) no meio que deixa a base inteira numa das duas chaves."""
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import sqlcipher3

from desktop.store.base import Base
from desktop.store.selagem import nova_chave


def _abre(arquivo, chave) -> int | None:
    """Quantas linhas em ``t`` se o arquivo abre com a chave (e passa na conferência); senão None."""
    con = sqlcipher3.connect(str(arquivo))
    try:
        con.execute("PRAGMA cipher_log_level = NONE")
        con.execute(f"PRAGMA key = \"x'{chave.hex()}'\"")
        assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        return con.execute("SELECT count(*) FROM configuracoes").fetchone()[0]
    except sqlcipher3.dbapi2.DatabaseError:
        return None
    finally:
        con.close()


def test_recifrar_em_wal_troca_a_chave_e_nao_deixa_nada_na_antiga(tmp_path):
    antiga, nova = nova_chave(), nova_chave()
    caminho = tmp_path / "paco.db"
    base = Base.criar(caminho, antiga)
    with base.transacao() as db:
        db["configuracoes"].insert_all({"chave": f"k{i}", "valor": "x" * 100} for i in range(2000))
    base.conexao.execute("INSERT INTO configuracoes (chave, valor) VALUES ('so-no-wal', 'y')")
    avisos = []
    base.recifrar(nova, progresso=lambda feito, total: avisos.append((feito, total)))
    assert base.chave == nova and avisos and avisos[-1][0] == avisos[-1][1]
    base.conexao.execute("INSERT INTO configuracoes (chave, valor) VALUES ('depois', 'z')")
    base.fechar()
    assert _abre(caminho, nova) == 2002
    assert _abre(caminho, antiga) is None
    assert not Path(f"{caminho}-wal").exists() or Path(f"{caminho}-wal").stat().st_size == 0


def test_queda_no_meio_do_rekey_deixa_a_base_inteira_numa_das_chaves(tmp_path):
    antiga, nova = nova_chave(), nova_chave()
    caminho = tmp_path / "paco.db"
    base = Base.criar(caminho, antiga)
    with base.transacao() as db:
        db["configuracoes"].insert_all({"chave": f"k{i}", "valor": os.urandom(400).hex()} for i in range(20000))
    base.fechar()
    codigo = textwrap.dedent(f"""
        import sys
        from desktop.store.base import Base
        b = Base.abrir({str(caminho)!r}, bytes.fromhex({antiga.hex()!r}))
        print("pronto", flush=True)
        b.recifrar(bytes.fromhex({nova.hex()!r}))
        print("feito", flush=True)
        import time; time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", codigo], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(Path.cwd())})
    assert proc.stdout.readline().strip() == "pronto"
    time.sleep(0.05)  # no meio do rekey (ou logo depois, numa máquina rápida)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    Path(f"{caminho}.trava").unlink(missing_ok=True)
    contagens = {nome: _abre(caminho, chave) for nome, chave in (("antiga", antiga), ("nova", nova))}
    abertas = {n: c for n, c in contagens.items() if c is not None}
    assert len(abertas) == 1 and list(abertas.values()) == [20000], contagens
