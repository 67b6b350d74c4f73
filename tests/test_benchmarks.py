"""Os benchmarks rodam até o fim (não se mede tempo aqui): um benchmark quebrado não dá figura nenhuma."""
import os
import signal
import subprocess
import sys
from pathlib import Path

from desktop import RAIZ

_FORA = ("PYTHONPATH", "PACO_CONFIG", "PACO_DADOS", "PACO_LOGS", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
         "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR")


def _ambiente(tmp_path: Path) -> dict:
    casa, temporaria, execucao = tmp_path / "casa", tmp_path / "tmp", tmp_path / "execucao"
    for pasta in (casa, temporaria, execucao):
        pasta.mkdir()
    execucao.chmod(0o700)
    return {k: v for k, v in os.environ.items() if k not in _FORA} | {
        "QT_QPA_PLATFORM": "offscreen", "HOME": str(casa), "TMPDIR": str(temporaria),
        "XDG_RUNTIME_DIR": str(execucao)}


def _conferir_nada_para_tras(tmp_path: Path) -> None:
    sobras = sorted(p.name for p in (tmp_path / "tmp").iterdir())
    assert not sobras, f"ficou na pasta temporária: {sobras}"
    # o cache do fontconfig (se o do sistema estiver velho) não é do Paço; o resto da casa tem de ficar vazio
    escritos = sorted(str(p.relative_to(tmp_path / "casa")) for p in (tmp_path / "casa").rglob("*")
                      if p.is_file() and not p.relative_to(tmp_path / "casa").parts[:2] == (".cache", "fontconfig"))
    assert not escritos, f"escreveu na casa do usuário: {escritos}"


def rodar(tmp_path: Path, nome: str, *argumentos: str) -> str:
    """Roda ``benchmarks/<nome>.py`` com ``argumentos``; devolve a saída (falha se ele quebrar ou sujar algo)."""
    saida = subprocess.run([sys.executable, str(RAIZ / "benchmarks" / f"{nome}.py"), *argumentos],
                           capture_output=True, text=True, env=_ambiente(tmp_path), cwd=RAIZ, timeout=300)
    assert saida.returncode == 0, saida.stdout[-2000:] + saida.stderr[-3000:]
    _conferir_nada_para_tras(tmp_path)
    return saida.stdout


def test_eleicao_publica_o_resultado_com_boletins_na_fila_de_auditoria(tmp_path):
    """Com 100 seções sorteadas, um boletim passa dos limites de plausibilidade e vai à fila de auditoria: o
    benchmark o libera como o supervisor faz (antes, publicar_resultado recusava: 'seção ainda não aceita') e as
    regras e o serviço chegam à mesma classificação."""
    saida = rodar(tmp_path, "eleicao", "--secoes", "100", "--pares", "1")
    assert "1 de 100 boletins foram à fila de auditoria e o supervisor os liberou" in saida
    assert "mesma classificação pelas regras e pelo serviço: sim" in saida


def test_pasta_de_trabalho_e_apagada_quando_o_benchmark_e_morto_com_sigterm(tmp_path):
    """``kill PID`` e ``timeout`` mandam SIGTERM, que matava o processo sem rodar os ``finally``: a pasta
    temporária ficava em /tmp. Agora ela é apagada e o processo morre do mesmo jeito (código -SIGTERM)."""
    codigo = ("import sys, time; sys.path.insert(0, sys.argv[1]); from comparar import pasta_de_trabalho\n"
              "with pasta_de_trabalho('paco-sinal-') as p:\n"
              "    (p / 'base.db').write_bytes(b'x'); print(p, flush=True)\n"
              "    while True: time.sleep(0.05)\n")
    proc = subprocess.Popen([sys.executable, "-c", codigo, str(RAIZ / "benchmarks")], stdout=subprocess.PIPE,
                            text=True, env=_ambiente(tmp_path), cwd=RAIZ)
    try:
        pasta = Path(proc.stdout.readline().strip())
        assert pasta.parent == tmp_path / "tmp" and (pasta / "base.db").exists()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == -signal.SIGTERM
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert not pasta.exists()
    _conferir_nada_para_tras(tmp_path)
