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


def test_todo_divisor_das_telas_e_criado_sem_recolher():
    """Também os divisores de diálogos que a janela não monta (o caso do Conselho, por exemplo): cada
    QSplitter criado nas telas vem de ``widgets.divisor.criar_divisor`` ou desliga o recolher logo ali."""
    import re

    import desktop.screens as telas

    raiz = Path(telas.__file__).parent
    faltando = []
    for arquivo in raiz.rglob("*.py"):
        if arquivo.name == "divisor.py":
            continue
        texto = arquivo.read_text(encoding="utf-8")
        criados = re.findall(r"(\w+)\s*=\s*QSplitter\(", texto)
        for nome in criados:
            if not re.search(rf"\b{nome}\.setChildrenCollapsible\(False\)", texto):
                faltando.append(f"{arquivo.relative_to(raiz)}: {nome}")
        if len(criados) != texto.count("QSplitter(") - texto.count("import QSplitter("):
            faltando.append(f"{arquivo.relative_to(raiz)}: QSplitter criado sem nome")
    assert not faltando, faltando
