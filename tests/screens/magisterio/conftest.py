"""Fixtures das telas do Magistério: a base de demonstração numa pasta temporária e o painel aberto."""
import pytest

from desktop.services import acesso, demo

SERVIDORES = 40  # a rede pequena da demonstração (a padrão tem 300): todos ativos, nenhum aposentado


@pytest.fixture
def sessao_demo(tmp_path):
    caminho = tmp_path / "demo" / "paco.db"
    demo.criar_demo(caminho, servidores=SERVIDORES)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    yield s
    s.fechar()


@pytest.fixture
def salvar_em(monkeypatch):
    """Responde aos diálogos "Salvar como" e "Abrir" com o caminho dado (lista, um por pergunta)."""
    from PySide6.QtWidgets import QFileDialog

    respostas: list = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(respostas.pop(0)), "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(respostas.pop(0)), "")))
    return respostas
