"""Os benchmarks rodam até o fim (não se mede tempo aqui): um benchmark quebrado não dá figura nenhuma."""
import os
import subprocess
import sys

from desktop import RAIZ


def test_eleicao_publica_o_resultado_com_boletins_na_fila_de_auditoria():
    """Com 100 seções sorteadas, um boletim passa dos limites de plausibilidade e vai à fila de auditoria: o
    benchmark o libera como o supervisor faz (antes, publicar_resultado recusava: 'seção ainda não aceita') e as
    regras e o serviço chegam à mesma classificação."""
    ambiente = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"QT_QPA_PLATFORM": "offscreen"}
    saida = subprocess.run([sys.executable, str(RAIZ / "benchmarks" / "eleicao.py"), "--secoes", "100", "--pares", "1"],
                           capture_output=True, text=True, env=ambiente, cwd=RAIZ, timeout=300)
    assert saida.returncode == 0, saida.stderr[-2000:]
    assert "1 de 100 boletins foram à fila de auditoria e o supervisor os liberou" in saida.stdout
    assert "mesma classificação pelas regras e pelo serviço: sim" in saida.stdout
