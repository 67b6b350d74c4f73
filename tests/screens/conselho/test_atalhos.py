"""Atalhos de teclado (Alt+letra) do Conselho Tutelar na janela principal: em cada aba que cada papel vê, nenhuma
letra sublinhada se repete entre os botões, os rótulos de campo, as abas e os menus à vista. Com duas iguais o Qt não
aciona nenhuma — só passa o foco de uma à outra: Alt+S nas Seções focava "Nova seção…" sem abri-la (a aba "Seções"
tinha a mesma letra), Alt+A era do menu Arquivo e da aba "Auditoria e posse", Alt+I da inscrição e das Impugnações."""
import re
from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabBar, QTabWidget

from desktop.screens.conselho.eleicao import ProcessoEscolha
from desktop.screens.principal.janela import JanelaPrincipal
from desktop.screens.principal.modulos import MODULOS
from desktop.services import acesso, demo
from tests.screens.apoio_janelas import esperar_copia_diaria, esperar_leituras, fechar_principal


def _letra(texto: str) -> str | None:
    achada = re.search(r"&([^&])", texto.replace("&&", ""))
    return achada.group(1).lower() if achada else None


def _repetidas(janela) -> dict[str, list[str]]:
    """As letras de atalho à vista na janela que aparecem mais de uma vez, com os textos de quem as tem."""
    achadas = defaultdict(list)
    for w in janela.findChildren(QAbstractButton) + janela.findChildren(QLabel) + janela.findChildren(QGroupBox):
        texto = w.title() if isinstance(w, QGroupBox) else w.text()
        if w.isVisible() and not (isinstance(w, QLabel) and w.buddy() is None) and (letra := _letra(texto)):
            achadas[letra].append(texto)
    for barra in janela.findChildren(QTabBar):
        if barra.isVisible():
            for i in range(barra.count()):
                if letra := _letra(barra.tabText(i)):
                    achadas[letra].append(f"aba {barra.tabText(i)}")
    for acao in janela.menuBar().actions():
        if letra := _letra(acao.text()):
            achadas[letra].append(f"menu {acao.text()}")
    return {letra: quem for letra, quem in achadas.items() if len(quem) > 1}


@pytest.fixture
def janela_de(qtbot, tmp_path):
    abertas = []

    def abrir(login: str) -> JanelaPrincipal:
        caminho = tmp_path / login / "paco.db"
        demo.criar_demo(caminho, servidores=40)  # a cópia da base de demonstração da sessão de testes
        janela = JanelaPrincipal(acesso.entrar(caminho, login, demo.SENHA_DEMO))  # fechada no fim (cópia ao fechar)
        with qtbot.waitExposed(janela):
            janela.show()
        esperar_copia_diaria(qtbot, janela)
        janela.showNormal()
        janela.resize(1366, 768)
        abertas.append(janela)
        janela.modulos.setCurrentRow([m.nome for m in MODULOS].index("Conselho Tutelar"))
        esperar_leituras(qtbot)
        return janela

    yield abrir
    for janela in abertas:
        fechar_principal(qtbot, janela)


def _abas_do_conselho(qtbot, janela):
    """Percorre as abas do Conselho (e as do Processo de escolha, nos dois processos da demonstração), deixando cada
    uma à vista; devolve, para cada uma, o caminho e as letras repetidas."""
    painel = janela.pilha.currentWidget().findChildren(QTabWidget)[0]
    for k in range(painel.count()):
        painel.setCurrentIndex(k)
        esperar_leituras(qtbot)
        pagina = painel.widget(k)
        if isinstance(pagina, ProcessoEscolha):
            for p in range(pagina.processos.count()):
                pagina.processos.setCurrentIndex(p)
                esperar_leituras(qtbot)
                for i in range(pagina.abas.count()):
                    pagina.abas.setCurrentIndex(i)
                    esperar_leituras(qtbot)
                    yield f"{pagina.processos.currentText()} › {pagina.abas.tabText(i)}", _repetidas(janela)
        else:
            yield painel.tabText(k), _repetidas(janela)


@pytest.mark.parametrize("login", ["comissao", "conselheira", "admin"])
def test_nenhuma_letra_de_atalho_repetida_nas_abas_do_conselho(qtbot, janela_de, login):
    janela = janela_de(login)
    vistas = dict(_abas_do_conselho(qtbot, janela))
    assert len(vistas) >= (16 if login == "comissao" else 8), list(vistas)
    assert {aba: repetidas for aba, repetidas in vistas.items() if repetidas} == {}


def test_alt_e_nos_documentos_emite_o_edital_e_alt_t_vai_a_auditoria(qtbot, janela_de, tmp_path, monkeypatch):
    """Com a letra só dela, a tecla aciona: Alt+E nos Documentos do processo de 2023 emite o edital dos inscritos e o
    salva onde o usuário escolheu; Alt+T abre a Auditoria e posse."""
    from PySide6.QtWidgets import QFileDialog

    destino = tmp_path / "edital.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(destino), "")))
    janela = janela_de("comissao")
    tela = janela.findChild(ProcessoEscolha)
    tela.processos.setCurrentIndex(1)  # 2023: a lista de inscritos foi publicada, o edital dela sai
    esperar_leituras(qtbot)
    documentos = tela.abas.widget(tela.abas.count() - 1)
    tela.abas.setCurrentWidget(documentos)
    esperar_leituras(qtbot)
    assert tela.documentos["inscritos"].isEnabled()
    janela.activateWindow()  # os atalhos valem na janela ativa
    qtbot.waitUntil(lambda: QApplication.activeWindow() is janela)
    qtbot.keyClick(documentos, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tela.tarefa is None and destino.exists(), timeout=30000)
    assert destino.read_bytes().startswith(b"%PDF") and "Documento emitido e registrado" in tela.mensagem.text()
    qtbot.keyClick(documentos, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert tela.abas.currentWidget() is tela.encerramento
    # o nome que as mensagens dos serviços citam ("na aba Auditoria e posse") é o da aba
    assert tela.abas.tabText(tela.abas.currentIndex()).replace("&", "") == "Auditoria e posse"
