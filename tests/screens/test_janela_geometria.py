"""Janela principal: maximizada no primeiro uso e com a geometria lembrada (QSettings em PACO_CONFIG);
nenhum divisor deixa um painel ser esmagado até sumir (issue 16)."""
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QSplitter, QTabWidget, QWidget

from desktop.screens.principal import JanelaPrincipal
from desktop.services import acesso, demo, local

from ..conftest import SENHA_ADMIN
from .apoio_janelas import esperar_copia_diaria, esperar_leituras, fechar_principal


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


_LINHA_DE_SITUACAO = re.compile(r"^(situacao|aviso|mensagem|resultado)(_\w+)?$")


def _paginas(janela):
    """Cada módulo e cada aba (também as abas dentro de abas), um de cada vez na tela."""
    for i in range(janela.modulos.count()):
        janela.modulos.setCurrentRow(i)
        QApplication.processEvents()
        pagina = janela.pilha.currentWidget()
        yield pagina
        vistas = set()
        pendentes = list(pagina.findChildren(QTabWidget))
        while pendentes:
            abas = pendentes.pop(0)
            if id(abas) in vistas:
                continue
            vistas.add(id(abas))
            for k in range(abas.count()):
                abas.setCurrentIndex(k)
                QApplication.processEvents()
                yield abas.widget(k)
                pendentes.extend(abas.widget(k).findChildren(QTabWidget))


def _linhas_de_situacao(pagina):
    """Os rótulos de situação/aviso/mensagem da página (atributos com esses nomes nas telas): os visíveis e os
    ocultos que a tela mostra quando há o que dizer (o pai deles está visível)."""
    achados = {}
    for w in [pagina, *pagina.findChildren(QWidget)]:
        for nome, valor in vars(w).items():
            if isinstance(valor, QLabel) and _LINHA_DE_SITUACAO.match(nome) and valor.parentWidget() is not None \
                    and valor.parentWidget().isVisible() and pagina.isAncestorOf(valor):
                achados[id(valor)] = (f"{type(w).__name__}.{nome}", valor)
    return list(achados.values())


@pytest.mark.parametrize("login", ["admin", "conselheira", "comissao", "rh", "certifica"])
def test_linhas_de_situacao_nao_fazem_os_botoes_pularem(qtbot, tmp_path, login):
    """Issue 16: em toda aba de todo módulo que cada papel da demonstração vê, uma mensagem comprida (várias
    linhas) num rótulo de situação, aviso ou mensagem não move nenhum botão da aba — a altura do rótulo fica
    reservada (``widgets.situacao.reservar_linhas``). E, com as abas desse papel montadas (as telas do caso
    da conselheira, por exemplo, que o administrador não vê), nenhum divisor recolhe um painel a nada."""
    caminho = tmp_path / "demo" / "paco.db"
    demo.criar_demo(caminho, servidores=40)  # a cópia da base de demonstração da sessão de testes
    janela = JanelaPrincipal(acesso.entrar(caminho, login, demo.SENHA_DEMO))
    qtbot.addWidget(janela)
    with qtbot.waitExposed(janela):
        janela.show()
    esperar_copia_diaria(qtbot, janela)
    try:
        _conferir_linhas_de_situacao(qtbot, janela)  # percorre (e monta) todas as abas do papel
        divisores = janela.findChildren(QSplitter)
        assert divisores
        for d in divisores:
            assert not d.childrenCollapsible(), d.parent().__class__.__name__
            d.setSizes([0] * (d.count() - 1) + [sum(d.sizes())])
            assert all(tamanho > 0 for tamanho in d.sizes()), (d.parent().__class__.__name__, d.sizes())
    finally:
        fechar_principal(qtbot, janela)


def _conferir_linhas_de_situacao(qtbot, janela) -> None:
    janela.showNormal()
    janela.resize(1280, 800)
    longa = ("Competência de outubro de 2026 fechada por admin; salvo em /uma/pasta/bem/comprida/"
             + "subpasta/" * 12 + "documento.pdf — código ABCD-EFGH-JK23. ") * 3
    pularam, largas, vistos = [], [], 0
    for pagina in _paginas(janela):
        # as linhas da aba chegam de uma thread de trabalho e a tela se rearruma com elas (o divisor repartido pelo
        # conteúdo, widgets.divisor.Reparticao): espera-as antes de medir, senão um botão que se move por isso, no
        # meio da medida, parece ter pulado por causa do rótulo
        esperar_leituras(qtbot)
        QApplication.processEvents()
        for rotulo_nome, rotulo in _linhas_de_situacao(pagina):
            botoes = [b for b in pagina.findChildren(QAbstractButton) if b.isVisible()]

            def posicoes():
                QApplication.processEvents()
                return [b.mapTo(janela, QPoint(0, 0)) for b in botoes]

            antes, texto, oculto = posicoes(), rotulo.text(), rotulo.isHidden()
            rotulo.setText(longa)
            rotulo.setVisible(True)  # a tela mostra o rótulo oculto quando tem o que dizer
            depois = posicoes()
            # um rótulo que não quebra linhas pede a largura do texto inteiro: a aba passa a pedir mais que a
            # janela e os botões só não pulam enquanto ninguém rearruma a janela (na CI do zero, os de
            # Configuração do magistério pularam)
            if pagina.minimumSizeHint().width() > janela.width():
                largas.append(f"{rotulo_nome}: a aba pede {pagina.minimumSizeHint().width()} px")
            rotulo.setText("")
            vazio = posicoes()
            rotulo.setText(texto)
            rotulo.setVisible(not oculto)
            vistos += 1
            movidos = [b.text() or b.objectName() or type(b).__name__ for b, a, d, v in zip(botoes, antes, depois, vazio)
                       if a != d or a != v]
            if movidos:
                pularam.append(f"{rotulo_nome}: {movidos[:4]}")
    assert vistos >= 1
    assert not pularam, "\n".join(pularam)
    assert not largas, "\n".join(largas)
