"""Gravar o arquivo que o usuário escolheu (widgets.arquivo): uma forma só em todas as telas — fora da thread da
interface, inteiro ou nada, e a recusa do sistema em português, dizendo onde. Os fluxos de cada tela estão nos testes
delas (Documentos emitidos, arquivo do banco, emissão)."""
import ast
import threading
from pathlib import Path

from PySide6.QtWidgets import QWidget

import desktop
from desktop.screens.widgets import arquivo, avisos

TELAS = Path(desktop.__file__).parent / "screens"
GRAVAM_DIRETO = {
    "widgets/arquivo.py": "a forma única",
    "principal/geometria.py": "a configuração da janela, não um arquivo escolhido pelo usuário",
    "widgets/impressao.py": "a impressão em arquivo do diálogo da impressora, dentro da tarefa de impressão",
}


def _gravacoes(fonte: str) -> list[int]:
    linhas = []
    for no in ast.walk(ast.parse(fonte)):
        if not isinstance(no, ast.Call):
            continue
        f = no.func
        if isinstance(f, ast.Attribute) and (f.attr in {"write_bytes", "write_text"} or (
                isinstance(f.value, ast.Name) and f.value.id == "shutil" and f.attr.startswith(("copy", "move")))):
            linhas.append(no.lineno)
        elif isinstance(f, ast.Name) and f.id == "open" and len(no.args) > 1 and isinstance(no.args[1], ast.Constant) \
                and any(m in str(no.args[1].value) for m in "wax"):
            linhas.append(no.lineno)
    return linhas


def test_as_telas_so_gravam_arquivos_por_widgets_arquivo():
    """Um write_bytes numa tela grava na thread da interface (ou sem o provisório ao lado) e deixa o OSError subir:
    foi assim em Documentos emitidos, no CSV do SIPIA e no do SISTEC até passarem todos por widgets.arquivo."""
    achados = {}
    for caminho in sorted(TELAS.rglob("*.py")):
        nome = caminho.relative_to(TELAS).as_posix()
        if nome not in GRAVAM_DIRETO and (linhas := _gravacoes(caminho.read_text(encoding="utf-8"))):
            achados[nome] = linhas
    assert achados == {}


def test_varios_arquivos_falha_no_segundo_avisa_onde_e_nao_deixa_provisorio(qtbot, tmp_path, monkeypatch):
    dono = QWidget()
    qtbot.addWidget(dono)
    pasta = tmp_path / "pen"
    pasta.mkdir()
    escrever, threads, gravados, mostrados = Path.write_bytes, [], [], []

    def _cheio_no_segundo(caminho, dados):
        threads.append(threading.get_ident())
        if "b.pdf" in caminho.name:
            with open(caminho, "wb") as f:
                f.write(dados[:3])
            raise OSError(28, "No space left on device")
        return escrever(caminho, dados)

    monkeypatch.setattr(Path, "write_bytes", _cheio_no_segundo)
    monkeypatch.setattr(avisos, "erro", lambda parent, titulo, erro: mostrados.append((titulo, str(erro))))
    falhas = []
    arquivo.gravar_na_pasta(dono, pasta, [("a.pdf", b"%PDF-a"), ("b.pdf", b"%PDF-b")], gravados.append,
                            titulo_erro="Certificação", feito="Os documentos estão emitidos e registrados",
                            ao_falhar=falhas.append)
    qtbot.waitUntil(lambda: bool(falhas), timeout=10000)
    assert threads and threading.get_ident() not in threads and gravados == []
    assert sorted(p.name for p in pasta.iterdir()) == ["a.pdf"] and (pasta / "a.pdf").read_bytes() == b"%PDF-a"
    assert mostrados == [("Certificação", f"Os documentos estão emitidos e registrados, mas os arquivos não foram "
                                           f"todos gravados em {pasta}: o disco está cheio. {arquivo.TENTE_DE_NOVO}")]
