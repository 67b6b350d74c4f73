"""Janela principal: maximizada no primeiro uso e com a geometria lembrada (QSettings em PACO_CONFIG);
nenhum divisor deixa um painel ser esmagado até sumir (issue 16)."""
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QSplitter, QTabWidget

from desktop.screens.principal import JanelaPrincipal
from desktop.services import acesso, local

from ..conftest import SENHA_ADMIN
from .apoio_janelas import esperar_copia_diaria, fechar_principal


@pytest.fixture
def abrir(qtbot, instalacao):
    caminho, _ = instalacao
    janelas = []

    def _abrir():
        janela = JanelaPrincipal(acesso.entrar(caminho, "admin", SENHA_ADMIN))
        janelas.append(janela)
        with qtbot.waitExposed(janela):
            janela.show()
        esperar_copia_diaria(qtbot, janela)
        return janela

    yield _abrir
    for janela in janelas:
        fechar_principal(qtbot, janela)
        janela.deleteLater()


def test_maximizada_no_primeiro_uso_e_depois_como_o_usuario_deixou(qtbot, abrir):
    arquivo = local.arquivo_config().parent / "janela.ini"
    assert not arquivo.exists()
    janela = abrir()
    assert janela.windowState() & Qt.WindowState.WindowMaximized
    janela.showNormal()
    pedida = QRect(QPoint(20, 30), janela.minimumSizeHint() + QSize(12, 8))  # menor que a tela offscreen
    janela.setGeometry(pedida)
    qtbot.waitUntil(lambda: janela.geometry() == pedida)
    deixada = janela.geometry()
    fechar_principal(qtbot, janela)
    assert arquivo.exists() and Path(arquivo).stat().st_size > 0

    outra = abrir()
    assert not outra.windowState() & Qt.WindowState.WindowMaximized
    # a tela offscreen tem 800 px de largura e a janela não cabe nela: o Qt pode encostá-la na borda
    g = outra.geometry()
    assert g.height() == deixada.height() and g.top() == deixada.top() and abs(g.width() - deixada.width()) <= 16
    outra.showMaximized()
    fechar_principal(qtbot, outra)

    terceira = abrir()  # quem deixou maximizada reabre maximizada
    assert terceira.windowState() & Qt.WindowState.WindowMaximized


def test_geometria_ilegivel_volta_a_maximizar(qtbot, abrir):
    arquivo = local.arquivo_config().parent / "janela.ini"
    arquivo.parent.mkdir(parents=True, exist_ok=True)
    arquivo.write_text("[janela_principal]\ngeometria=lixo\n", encoding="utf-8")
    janela = abrir()
    assert janela.windowState() & Qt.WindowState.WindowMaximized


def test_nenhum_divisor_recolhe_um_painel_a_nada(qtbot, abrir):
    janela = abrir()
    for i in range(janela.modulos.count()):  # monta cada módulo e cada aba (alguns montam na 1ª visita)
        janela.modulos.setCurrentRow(i)
        for abas in janela.pilha.currentWidget().findChildren(QTabWidget):
            for k in range(abas.count()):
                abas.setCurrentIndex(k)
    divisores = janela.findChildren(QSplitter)
    assert len(divisores) >= 4  # folha do magistério, diário, parâmetros, conselho, certificação...
    for d in divisores:
        assert not d.childrenCollapsible(), d.parent().__class__.__name__
        total = sum(d.sizes())
        d.setSizes([0] * (d.count() - 1) + [total])  # tenta esmagar todos, menos o último
        assert all(tamanho > 0 for tamanho in d.sizes()), (d.parent().__class__.__name__, d.sizes())
