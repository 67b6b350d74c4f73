"""desktop.ambiente.variaveis: o trecho com variáveis de ambiente próprias, restauradas ao sair (autoteste e benchmarks)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import RAIZ
from desktop.ambiente import variaveis


def test_define_e_restaura_mesmo_num_erro(monkeypatch):
    monkeypatch.setenv("PACO_TESTE_AMBIENTE_A", "antes")
    monkeypatch.delenv("PACO_TESTE_AMBIENTE_B", raising=False)
    with pytest.raises(RuntimeError):
        with variaveis({"PACO_TESTE_AMBIENTE_A": "dentro", "PACO_TESTE_AMBIENTE_B": Path("/x/y")}):
            assert os.environ["PACO_TESTE_AMBIENTE_A"] == "dentro"
            assert os.environ["PACO_TESTE_AMBIENTE_B"] == str(Path("/x/y"))
            raise RuntimeError("falhou no meio")
    assert os.environ["PACO_TESTE_AMBIENTE_A"] == "antes"
    assert "PACO_TESTE_AMBIENTE_B" not in os.environ


def test_autoteste_e_benchmarks_apontam_as_pastas_e_restauram(monkeypatch):
    """As duas pastas de trabalho (a do autoteste e a dos benchmarks) usam o mesmo gerenciador; o benchmark
    roda como script, com a raiz do projeto fora do sys.path (partida.py e instalador.py a põem depois)."""
    from desktop.autoteste import pastas_temporarias

    monkeypatch.setenv("PACO_CONFIG", "/config/do/usuario")
    monkeypatch.delenv("PACO_DADOS", raising=False)
    with pastas_temporarias() as pasta:
        assert os.environ["PACO_CONFIG"] == str(pasta / "config")
        assert os.environ["PACO_DADOS"] == str(pasta / "dados")
    assert os.environ["PACO_CONFIG"] == "/config/do/usuario" and "PACO_DADOS" not in os.environ

    script = ("import os, sys; sys.path[:] = [p for p in sys.path if p not in ('', %r)]; "
              "sys.path.insert(0, %r); from comparar import pasta_de_trabalho\n"
              "with pasta_de_trabalho('paco-teste-') as p:\n"
              "    assert os.environ['PACO_LOGS'] == str(p / 'registros'), os.environ['PACO_LOGS']\n"
              "assert os.environ['PACO_LOGS'] == '/logs/do/usuario'\n"
              "assert 'PACO_DADOS' not in os.environ\n"
              "print('ok')") % (str(RAIZ), str(RAIZ / "benchmarks"))
    ambiente = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PACO_DADOS")}
    ambiente["PACO_LOGS"] = "/logs/do/usuario"
    saida = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=ambiente,
                           cwd=RAIZ / "benchmarks", timeout=60)
    assert saida.returncode == 0, saida.stderr
    assert saida.stdout.strip() == "ok"
