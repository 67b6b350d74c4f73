"""Partida até a janela de entrada: só o Qt e a configuração local vêm antes dela (issue 16, item 2).

Roda o caminho de verdade (``desktop.app.main(["--base", ..., "--medir-partida"])``) num processo novo e
olha ``sys.modules`` no instante em que o benchmark de partida marca LOGIN (primeiro giro do laço de
eventos, a janela de entrada na tela). No pacote do PyInstaller cada módulo a mais sai do arquivo PYZ
e pesa mais que do código-fonte; um import novo no caminho da entrada tem de ser uma decisão, não um
acidente — este teste o aponta.
"""
import os
import subprocess
import sys
from pathlib import Path

import desktop

RAIZ = Path(desktop.__file__).resolve().parent.parent

_SCRIPT = """
import sys
from desktop import app

def _marcar(qapp):
    print("MODULOS", ",".join(sorted(sys.modules)), flush=True)
    qapp.quit()

app._marcar_partida = _marcar
sys.exit(app.main(sys.argv[1:]))
"""

DESKTOP_ANTES_DA_ENTRADA = {
    "desktop", "desktop._versao", "desktop.app", "desktop.services", "desktop.services.local",
    "desktop.screens", "desktop.screens.login", "desktop.screens.login.janela",
}
"""Os únicos módulos do Paço importados antes de a entrada aparecer."""

PESADOS = ("reportlab", "sqlite_utils", "sqlcipher3", "argon2", "cryptography", "pydantic", "holidays",
           "babel", "segno", "pypdf", "pypdfium2", "python_calamine", "zxcvbn", "logging.handlers",
           "PySide6.QtPrintSupport", "PySide6.QtSvg", "setuptools", "pkg_resources")
"""Bibliotecas que só a janela principal, os documentos ou a abertura da base usam (``logging`` em si vem
com o PySide6, também na janela vazia; ``logging.handlers`` é o registro em arquivo do Paço, que liga
depois de a entrada aparecer)."""


def _modulos_na_entrada(tmp_path: Path, *args: str) -> set[str]:
    ambiente = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    ambiente |= {"QT_QPA_PLATFORM": "offscreen", "PACO_CONFIG": str(tmp_path / "config"),
                 "PACO_DADOS": str(tmp_path / "dados"), "PYTHONPATH": str(RAIZ)}
    r = subprocess.run([sys.executable, "-c", _SCRIPT, *args, "--medir-partida"], cwd=tmp_path,
                       env=ambiente, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    linha = next(l for l in r.stdout.splitlines() if l.startswith("MODULOS "))
    return set(linha.split(" ", 1)[1].split(","))


def test_entrada_so_importa_o_qt_e_a_configuracao_local(tmp_path):
    modulos = _modulos_na_entrada(tmp_path, "--base", str(tmp_path / "paco.db"))
    assert "desktop.screens.login.janela" in modulos  # a entrada está de fato na tela
    assert {m for m in modulos if m.split(".")[0] == "desktop"} == DESKTOP_ANTES_DA_ENTRADA
    carregados = sorted(m for m in modulos for p in PESADOS if m == p or m.startswith(p + "."))
    assert carregados == []


def test_entrada_pela_base_configurada_tambem_e_enxuta(tmp_path):
    """Sem ``--base`` (o atalho do usuário): a base vem da configuração local."""
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.json").write_text('{"base": "%s"}' % (tmp_path / "paco.db").as_posix(),
                                                      encoding="utf-8")
    modulos = _modulos_na_entrada(tmp_path)
    assert {m for m in modulos if m.split(".")[0] == "desktop"} == DESKTOP_ANTES_DA_ENTRADA
    assert not any(m == p or m.startswith(p + ".") for m in modulos for p in PESADOS)


_SCRIPT_REGISTROS = """
import sys, time
from PySide6.QtCore import QTimer
from desktop import app

marca = {}
ligar = app._ligar_registros_depois

def _ligar_medindo():
    print("REGISTROS_MS", round((time.perf_counter() - marca["giro"]) * 1000), flush=True)
    return ligar()

def _marcar(qapp):
    marca["giro"] = time.perf_counter()

    def _esperar():
        falhas = sys.modules.get("desktop.screens.widgets.falhas")
        if falhas is not None and sys.excepthook is getattr(falhas, "_excepthook", None):
            print("LIGADOS", flush=True)
            qapp.quit()
        else:
            QTimer.singleShot(20, _esperar)

    QTimer.singleShot(20, _esperar)

app._ligar_registros_depois = _ligar_medindo
app._marcar_partida = _marcar
sys.exit(app.main(sys.argv[1:]))
"""


def test_registros_ligam_depois_de_a_entrada_pintar(tmp_path):
    """A thread que prepara os registros importa com o GIL: começando no primeiro giro do laço, atrasava a
    primeira pintura da entrada no X11 (issue 16). Ela começa ``ATRASO_REGISTROS_MS`` depois (aqui, bem
    mais que no mesmo giro da marca LOGIN), e os ganchos entram."""
    ambiente = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    ambiente |= {"QT_QPA_PLATFORM": "offscreen", "PACO_CONFIG": str(tmp_path / "config"),
                 "PACO_DADOS": str(tmp_path / "dados"), "PACO_LOGS": str(tmp_path / "logs"),
                 "PYTHONPATH": str(RAIZ)}
    r = subprocess.run([sys.executable, "-c", _SCRIPT_REGISTROS, "--base", str(tmp_path / "paco.db"),
                        "--medir-partida"], cwd=tmp_path, env=ambiente, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
    linhas = r.stdout.split("\n")
    atraso = int(next(l for l in linhas if l.startswith("REGISTROS_MS ")).split()[1])
    assert atraso >= 20, r.stdout  # no mesmo giro da marca seria ~0
    assert "LIGADOS" in linhas, r.stdout
    assert (tmp_path / "logs").is_dir()
