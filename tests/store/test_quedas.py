"""Quedas: o processo é morto (SIGKILL) no meio das gravações e a base volta inteira.

Um processo auxiliar (tests/store/escritor_quedas.py) grava transações sem parar e imprime cada
uma depois do COMMIT; o teste o mata sem aviso e reabre a base: toda transação anunciada está lá,
nenhuma está pela metade, o SQLite e a corrente do diário conferem, e a trava foi solta.
"""
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from desktop import RAIZ
from desktop.services import acesso
from desktop.store import diario

from ..conftest import SENHA_ADMIN
from .escritor_quedas import LINHAS

RODADAS = 3
CONFIRMADAS_ANTES_DE_MATAR = 25


def _matar_no_meio(caminho, primeira: int) -> int:
    """Roda o escritor até anunciar N transações, mata-o com SIGKILL; devolve a última anunciada."""
    env = os.environ | {"PACO_KDF_RAPIDO": "1", "PYTHONPATH": str(RAIZ)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.store.escritor_quedas", str(caminho), SENHA_ADMIN, str(primeira)],
        cwd=RAIZ, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    anunciadas = []
    try:
        for linha in proc.stdout:
            anunciadas.append(int(linha))
            if len(anunciadas) >= CONFIRMADAS_ANTES_DE_MATAR:
                proc.kill()  # SIGKILL: sem finally, sem fechar a base, sem soltar a trava
                break
    finally:
        proc.kill()
        resto, erros = proc.communicate(timeout=60)
    anunciadas += [int(x) for x in resto.split()]
    assert len(anunciadas) >= CONFIRMADAS_ANTES_DE_MATAR, f"o escritor parou sozinho:\n{erros}"
    assert proc.returncode == -9
    return anunciadas[-1]


def _transacoes_na_base(sessao) -> Counter:
    voltas = Counter()
    for (chave,) in sessao.db.execute("SELECT chave FROM configuracoes WHERE chave LIKE 'queda-%'"):
        voltas[int(re.match(r"queda-(\d+)-\d+$", chave).group(1))] += 1
    return voltas


def test_morte_subita_nao_perde_nem_corta_transacoes(instalacao):
    caminho, _ = instalacao
    primeira = 1
    for _ in range(RODADAS):
        ultima_anunciada = _matar_no_meio(caminho, primeira)
        assert Path(f"{caminho}-wal").stat().st_size > 0  # morreu sem fechar: o -wal ficou

        sessao = acesso.entrar(caminho, "admin", SENHA_ADMIN)  # a trava do processo morto sumiu
        try:
            voltas = _transacoes_na_base(sessao)
            presentes = sorted(voltas)
            # Tudo ou nada: cada transação com todas as suas linhas.
            assert set(voltas.values()) == {LINHAS}
            # Toda transação anunciada está lá (talvez mais uma, confirmada e não anunciada).
            assert presentes == list(range(1, presentes[-1] + 1))
            assert presentes[-1] in (ultima_anunciada, ultima_anunciada + 1)
            # O diário tem exatamente as linhas dessas transações, e a corrente confere.
            no_diario = sessao.db.execute(
                "SELECT count(*) FROM diario WHERE registro_id LIKE 'queda-%'").fetchone()[0]
            assert no_diario == LINHAS * len(presentes)
            assert diario.verificar(sessao.db).ok
            assert sessao.base.verificar_integridade_sqlite() == "ok"
        finally:
            sessao.fechar()
        primeira = presentes[-1] + 1
