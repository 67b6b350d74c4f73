"""Erros inesperados: aviso em português, registro sem conteúdo sigiloso, exportação para o suporte."""
import threading
import zipfile

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.screens.widgets import falhas
from desktop.services import registros

CONFIDENCIAL = ("Maria da Silva", "123.456.789-09", "violência doméstica", "maria@exemplo.com")


class ErroDoPaco(Exception):
    """Uma exceção do próprio Paço (a mensagem dela repete o que o usuário digitou)."""


ErroDoPaco.__module__ = "desktop.services.exemplo"


@pytest.fixture
def ganchos(tmp_path, qapp):
    pasta = registros.configurar(tmp_path / "registros")
    aviso = falhas.instalar_ganchos()
    yield pasta, aviso
    falhas.desinstalar_ganchos()
    registros.desligar()


def _log(pasta) -> str:
    return (pasta / registros.ARQUIVO_LOG).read_text(encoding="utf-8")


def _sem_confidencial(texto: str) -> None:
    for trecho in CONFIDENCIAL:
        assert trecho not in texto
    assert "123" not in texto


@pytest.mark.qt_no_exception_capture
def test_erro_num_slot_mostra_aviso_e_registra_sem_conteudo(qtbot, ganchos):
    pasta, aviso = ganchos
    cliques = []
    botao = QPushButton("Salvar atendimento")
    qtbot.addWidget(botao)

    def _on_salvar():
        cliques.append(1)
        raise ValueError(f"atendimento de '{CONFIDENCIAL[0]}' CPF {CONFIDENCIAL[1]} ({CONFIDENCIAL[3]}): "
                         f"\"{CONFIDENCIAL[2]}\"")

    botao.clicked.connect(_on_salvar)
    botao.show()
    botao.click()
    qtbot.waitUntil(lambda: aviso.aviso is not None and aviso.aviso.isVisible())
    texto = aviso.aviso.text()
    assert "erro inesperado no Paço (ValueError)" in texto
    assert "Exportar registros para o suporte" in texto
    assert str(pasta) in texto
    assert aviso.aviso.icon() == QMessageBox.Icon.Critical

    log = _log(pasta)
    assert "ERROR paco: Erro não tratado em a interface" in log
    assert "builtins.ValueError: atendimento de '…' CPF <n> (<e-mail>): '…'" in log
    assert "test_falhas.py:" in log and "em _on_salvar" in log
    _sem_confidencial(log)

    # o Paço continua usável: o botão responde de novo; o segundo erro vai ao registro sem outro aviso
    primeiro = aviso.aviso
    botao.click()
    qtbot.waitUntil(lambda: _log(pasta).count("em _on_salvar") == 2)
    assert cliques == [1, 1] and aviso.aviso is primeiro
    primeiro.close()


@pytest.mark.qt_no_exception_capture
def test_erro_do_paco_e_de_thread_so_tipo_e_pilha(qtbot, ganchos):
    pasta, aviso = ganchos

    def trabalho():
        raise ErroDoPaco(f"{CONFIDENCIAL[0]} já tem atendimento sobre {CONFIDENCIAL[2]}")

    t = threading.Thread(target=trabalho, name="trabalho-teste")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: aviso.aviso is not None and aviso.aviso.isVisible())
    assert "(ErroDoPaco)" in aviso.aviso.text()
    log = _log(pasta)
    assert "Erro não tratado em thread trabalho-teste" in log
    assert "desktop.services.exemplo.ErroDoPaco\n" in log  # sem a mensagem
    _sem_confidencial(log)
    aviso.aviso.close()


def test_exportar_registros_para_o_suporte(tmp_path, ganchos):
    pasta, _ = ganchos
    try:
        raise OSError(2, "No such file or directory", str(tmp_path / "Maria da Silva" / "ficha.pdf"))
    except OSError as e:
        registros.registrar_excecao(e, "teste")
    (pasta / registros.ARQUIVO_FALHAS).write_text(f'  File "{tmp_path}/home/maria/desktop/app.py", line 3\n',
                                                   encoding="utf-8")
    destino = registros.exportar(tmp_path / "suporte.zip")
    with zipfile.ZipFile(destino) as z:
        nomes = set(z.namelist())
        assert {"resumo.txt", registros.ARQUIVO_LOG, registros.ARQUIVO_FALHAS} <= nomes
        tudo = "\n".join(z.read(n).decode("utf-8") for n in nomes)
    assert "builtins.FileNotFoundError" in tudo
    assert "Paço" in tudo and "iniciado" in tudo
    assert str(tmp_path) not in tudo and "maria" not in tudo.lower()
    assert "<caminho>/app.py" in tudo


def test_mensagens_do_qt_vao_ao_registro(ganchos):
    from PySide6.QtCore import qWarning

    pasta, _ = ganchos
    qWarning("aviso de teste do Qt")
    assert "WARNING paco.qt: aviso de teste do Qt" in _log(pasta)


def test_a_aplicacao_liga_registro_e_ganchos_ao_iniciar(qapp, tmp_path, monkeypatch):
    import faulthandler
    import sys

    from desktop import app

    monkeypatch.setenv("PACO_LOGS", str(tmp_path / "logs"))
    antes = sys.excepthook
    try:
        app._ligar_registros()
        assert sys.excepthook is falhas._excepthook and threading.excepthook is falhas._threadhook
        assert faulthandler.is_enabled()
        assert registros._configurado["falhas"].name == str(tmp_path / "logs" / registros.ARQUIVO_FALHAS)
        assert "iniciado" in (tmp_path / "logs" / registros.ARQUIVO_LOG).read_text(encoding="utf-8")
        assert (tmp_path / "logs" / registros.ARQUIVO_FALHAS).exists()
    finally:
        falhas.desinstalar_ganchos()
        registros.desligar()
    assert sys.excepthook is antes


def test_na_partida_os_registros_ligam_depois_da_tela_de_entrada(qapp, qtbot, tmp_path, monkeypatch):
    """Issue 16: a partida não espera o registro; ele é preparado numa thread e os ganchos entram na
    thread da interface logo depois."""
    import sys

    from desktop import app

    monkeypatch.setenv("PACO_LOGS", str(tmp_path / "logs"))
    antes = sys.excepthook
    try:
        fio = app._ligar_registros_depois()
        qtbot.waitUntil(lambda: not fio.is_alive() and sys.excepthook is falhas._excepthook, timeout=15000)
        assert threading.excepthook is falhas._threadhook
        assert "iniciado" in (tmp_path / "logs" / registros.ARQUIVO_LOG).read_text(encoding="utf-8")
    finally:
        falhas.desinstalar_ganchos()
        registros.desligar()
    assert sys.excepthook is antes
