"""Aba Cópias de segurança: cópia agora (fora da thread da GUI), pasta extra e pedido de restauração."""
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.screens.widgets import avisos
from desktop.screens.administracao.copias import AbaCopias
from desktop.services import copias


@pytest.fixture
def aba(qtbot, sessao_admin):
    w = AbaCopias(sessao_admin)
    qtbot.addWidget(w)
    w.resize(1100, 600)
    w.show()
    _esperar(qtbot, w)
    return w


def _esperar(qtbot, aba):
    """A aba grava e lê fora da thread da interface: espera a gravação e a leitura mais nova."""
    qtbot.waitUntil(lambda: aba.tarefa is None and not aba.carregando, timeout=10000)


def _copiar(qtbot, aba):
    qtbot.mouseClick(aba.botao_copiar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.situacao.text().startswith("Cópia feita"))
    _esperar(qtbot, aba)
    assert aba.botao_copiar.isEnabled()


def test_copia_agora_cria_arquivo_e_lista(qtbot, aba, sessao_admin):
    assert aba.proxy.rowCount() == 0
    _copiar(qtbot, aba)
    [info] = copias.listar_copias(sessao_admin)
    assert info.caminho.exists() and info.tipo == "manual"
    assert Path(aba.situacao.text().removeprefix("Cópia feita: ").rstrip(".")) == info.caminho
    assert [aba.proxy.index(0, c).data() for c in (1, 3, 4)] == [
        "Manual", "Pasta principal", info.caminho.name]
    numero, unidade = aba.proxy.index(0, 2).data().split()
    escala = {"KB": 1024, "MB": 1024 ** 2}[unidade]  # o tamanho real do arquivo, em unidade legível
    assert abs(float(numero.replace(",", ".")) * escala - info.caminho.stat().st_size) <= 0.05 * escala
    eventos = list(sessao_admin.db.query(
        "SELECT depois FROM diario WHERE tabela = 'copias' AND acao = 'evento'"))
    assert len(eventos) == 1 and info.caminho.name in eventos[0]["depois"]


def test_pasta_extra_recebe_a_copia_e_pode_ser_retirada(qtbot, aba, sessao_admin, tmp_path,
                                                         monkeypatch):
    pendrive = tmp_path / "pendrive"
    pendrive.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(pendrive))
    qtbot.mouseClick(aba.botao_extra, Qt.MouseButton.LeftButton)
    _esperar(qtbot, aba)
    assert copias.pasta_extra(sessao_admin) == pendrive
    assert str(pendrive) in aba.pastas.text() and aba.botao_sem_extra.isEnabled()
    _copiar(qtbot, aba)
    assert "Também gravada em" in aba.situacao.text()
    assert len(list(pendrive.glob("paco-*-manual.s*.db"))) == 1
    assert sorted(aba.proxy.index(i, 3).data() for i in range(2)) == ["Pasta extra", "Pasta principal"]

    monkeypatch.setattr(avisos, "confirmar", lambda *a, **k: True)
    qtbot.mouseClick(aba.botao_sem_extra, Qt.MouseButton.LeftButton)
    _esperar(qtbot, aba)
    assert copias.pasta_extra(sessao_admin) is None
    assert not aba.botao_sem_extra.isEnabled()


def test_pasta_extra_recusada_mostra_o_motivo(qtbot, aba, sessao_admin, monkeypatch):
    principal = copias.pasta_copias(sessao_admin)
    principal.mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(principal))
    erros = []
    monkeypatch.setattr(avisos, "erro", lambda _p, titulo, e: erros.append(avisos.mensagem_de(e)))
    qtbot.mouseClick(aba.botao_extra, Qt.MouseButton.LeftButton)
    _esperar(qtbot, aba)
    assert len(erros) == 1 and erros[0].startswith("Essa pasta já guarda as cópias principais")
    assert copias.pasta_extra(sessao_admin) is None


def test_restaurar_pergunta_e_emite_o_caminho(qtbot, aba, monkeypatch):
    _copiar(qtbot, aba)
    assert not aba.botao_restaurar.isEnabled()
    rect = aba.tabela.visualRect(aba.proxy.index(0, 0))
    qtbot.mouseClick(aba.tabela.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert aba.botao_restaurar.isEnabled()
    escolhida = aba.modelo.linha(0).caminho

    perguntas = []
    monkeypatch.setattr(avisos, "confirmar",
                        lambda *a, **k: perguntas.append((a[2], k["detalhe"], k["perigoso"])) or False)
    with qtbot.assertNotEmitted(aba.sig_restaurar):
        qtbot.mouseClick(aba.botao_restaurar, Qt.MouseButton.LeftButton)
    texto, detalhe, perigoso = perguntas[0]
    assert texto.startswith("Restaurar a cópia de ") and texto.endswith("(manual) no lugar da base atual?")
    assert "A base atual NÃO será apagada" in detalhe and perigoso

    monkeypatch.setattr(avisos, "confirmar", lambda *a, **k: True)
    with qtbot.waitSignal(aba.sig_restaurar) as sinal:
        qtbot.mouseClick(aba.botao_restaurar, Qt.MouseButton.LeftButton)
    assert sinal.args == [escolhida]
