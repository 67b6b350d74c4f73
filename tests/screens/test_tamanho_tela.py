"""Tudo cabe numa tela de 1366×768: a janela principal com cada módulo e cada aba aberta, e os
diálogos principais, com a folha de estilo do Paço (letras de 11 pt), sobram 720 pontos de altura
(o resto é da barra de tarefas)."""
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget

from desktop.screens.principal import JanelaPrincipal
from desktop.services import acesso, demo

from .apoio_janelas import esperar_copia_diaria, fechar_principal
from .apoio_tela import estilo  # noqa: F401 — a folha de estilo da aplicação

LARGURA, ALTURA = 1366, 720


def _cabe(widget, onde: str) -> None:
    m = widget.minimumSizeHint()
    assert m.width() <= LARGURA and m.height() <= ALTURA, f"{onde}: mínimo {m.width()}×{m.height()}"


@pytest.fixture
def sessao_demo(tmp_path):
    caminho = tmp_path / "demo" / "paco.db"
    demo.criar_demo(caminho, servidores=40)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    yield s
    s.fechar()


MIN_LETRAS = 8


def _campos_estreitos(pagina, onde: str) -> list[str]:
    """Os campos de texto visíveis da página em que não cabem ``MIN_LETRAS`` letras médias: numa fileira de
    campos apertada a 1366 pontos, cada um mostrava 3 letras ("Car…", "d…") — visto em captura da aba
    Emissores."""
    from PySide6.QtWidgets import QLineEdit

    falhas = []
    for campo in pagina.findChildren(QLineEdit):
        if not campo.isVisibleTo(pagina) or campo.parent() is None or type(campo.parent()).__name__ in (
                "QComboBox", "QAbstractSpinBox", "QSpinBox", "QDoubleSpinBox", "QDateEdit"):
            continue
        util = campo.width() - 16  # bordas e margens da folha de estilo
        if util < MIN_LETRAS * campo.fontMetrics().averageCharWidth():
            nome = campo.placeholderText() or campo.objectName() or campo.accessibleName() or "?"
            falhas.append(f"{onde}: '{nome}' com {campo.width()} pontos")
    return falhas


def _abas(widget):
    """Cada página de cada QTabWidget dentro de ``widget`` (também as abas dentro de abas)."""
    vistas = set()
    pendentes = list(widget.findChildren(QTabWidget))
    while pendentes:
        abas = pendentes.pop(0)
        if id(abas) in vistas:
            continue
        vistas.add(id(abas))
        for i in range(abas.count()):
            abas.setCurrentIndex(i)
            QApplication.processEvents()
            yield abas.tabText(i).replace("&", ""), abas.widget(i)
            pendentes.extend(abas.widget(i).findChildren(QTabWidget))


def test_janela_principal_cabe_em_1366x768_com_cada_modulo_e_aba(qtbot, tmp_path, estilo):
    caminho = tmp_path / "demo" / "paco.db"
    demo.criar_demo(caminho, servidores=40)
    janela = JanelaPrincipal(acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO))
    qtbot.addWidget(janela)
    janela.resize(LARGURA, ALTURA)
    with qtbot.waitExposed(janela):
        janela.show()
    esperar_copia_diaria(qtbot, janela)
    estreitos = []
    try:
        for indice in range(janela.modulos.count()):
            janela.modulos.setCurrentRow(indice)
            QApplication.processEvents()
            modulo = janela.modulos.item(indice).text()
            _cabe(janela, modulo)
            for titulo, pagina in _abas(janela.pilha.widget(indice)):
                _cabe(janela, f"{modulo} › {titulo}")
                _cabe(pagina, f"página {modulo} › {titulo}")
                estreitos.extend(_campos_estreitos(pagina, f"{modulo} › {titulo}"))
        assert janela.modulos.count() == 4
        assert not estreitos, "campos estreitos demais para digitar:\n" + "\n".join(sorted(set(estreitos)))
    finally:
        fechar_principal(qtbot, janela)


def test_dialogos_principais_cabem_em_1366x768(qtbot, sessao_demo, estilo):
    from desktop.screens.certificacao.dialogo_ppcp import DialogoPpcp
    from desktop.screens.certificacao.dialogos_cadastro import DialogoCurso, DialogoInstituicao
    from desktop.screens.certificacao.dialogos_processo import DialogoInscricao, DialogoOferta, DialogoTrabalhador
    from desktop.screens.conselho import dialogos_candidatura, dialogos_impugnacao
    from desktop.screens.magisterio.escolas import DialogoNovaEscola
    from desktop.screens.magisterio.ficha import DialogoFicha, ler_abertura
    from desktop.screens.magisterio.folha import DialogoReabrir
    from desktop.screens.magisterio.servidores import DialogoNovoServidor
    from desktop.screens.principal.modulos import DialogoSobre
    from desktop.screens.principal.restauracao import DialogoSenhaAdministrador
    from desktop.services.eleicao import candidaturas, processo
    from desktop.services.magisterio import cadastro

    s = sessao_demo
    servidor = cadastro.listar_servidores(s)[0]["id"]
    pid = processo.listar_processos(s)[0]["id"]
    fabricas = {
        "ficha funcional": lambda: DialogoFicha(s, ler_abertura(s, servidor)),
        "PPCP": lambda: DialogoPpcp(s),
        "instituição": lambda: DialogoInstituicao(s),
        "curso": lambda: DialogoCurso(s),
        "oferta": lambda: DialogoOferta(s),
        "trabalhador": lambda: DialogoTrabalhador(s),
        "inscrição na oferta": lambda: DialogoInscricao(s),
        "novo servidor": lambda: DialogoNovoServidor(s, cadastro.listar_escolas(s)),
        "nova escola": lambda: DialogoNovaEscola(s),
        "reabrir competência": lambda: DialogoReabrir(s, date(2026, 1, 1)),
        "inscrição de candidato": lambda: dialogos_candidatura.DialogoInscricao(s, pid, processo.obter_processo(s, pid),
                                                                                       hoje=processo.dia_de_registro()),
        "parentesco": lambda: dialogos_candidatura.DialogoParentesco(s, candidaturas.listar_candidaturas(s, pid)),
        "impugnação": lambda: dialogos_impugnacao.DialogoApresentar(
            s, processo.obter_processo(s, pid), candidaturas.listar_candidaturas(s, pid)),
        "seção": lambda: dialogos_impugnacao.DialogoSecao(s, pid),
        "sobre": lambda: DialogoSobre(),
        "senha do administrador": lambda: DialogoSenhaAdministrador(Path("copia.paco")),
    }
    for nome, fabrica in fabricas.items():
        dialogo = fabrica()
        qtbot.addWidget(dialogo)
        dialogo.show()
        QApplication.processEvents()
        _cabe(dialogo, f"diálogo {nome}")
        assert dialogo.height() <= ALTURA and dialogo.width() <= LARGURA, f"{nome}: abre com {dialogo.size()}"
        for titulo, _pagina in _abas(dialogo):
            _cabe(dialogo, f"diálogo {nome} › {titulo}")
        dialogo.close()


def test_campo_de_varias_linhas_guarda_a_altura_declarada_com_a_folha_de_estilo(qtbot, estilo):
    """O relato do plantão (``texto_longo``, 90 pontos) não vira uma linha num formulário apertado: o
    ``min-height`` da folha de estilo vale só para campos de uma linha (visto numa captura a 1366×768)."""
    from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

    from desktop.screens.conselho.funcionamento.comum import texto_longo

    janela = QWidget()
    qtbot.addWidget(janela)
    form = QFormLayout(janela)
    relato, linha = texto_longo("O que aconteceu", 90), QLineEdit()
    form.addRow("Relato", relato)
    form.addRow("Bairro", linha)
    janela.resize(400, 60)  # menos que a soma das alturas: o layout aperta o que puder
    janela.show()
    qtbot.waitExposed(janela)
    assert relato.minimumHeight() == 90 and relato.height() == 90
    assert linha.minimumSizeHint().height() >= linha.fontMetrics().height()


def test_linhas_reservadas_cabem_com_a_folha_de_estilo(qtbot, estilo):
    """``reservar_linhas`` mede a altura com a fonte da folha de estilo (11 pt): medida com a do sistema antes de o
    rótulo ser polido, duas linhas reservadas mostravam uma e meia (o 'contestação até' da eleição, cortado)."""
    from PySide6.QtWidgets import QLabel

    from desktop.screens.widgets.situacao import reservar_linhas

    rotulo = QLabel()
    rotulo.setWordWrap(True)
    reservar_linhas(rotulo)
    qtbot.addWidget(rotulo)
    rotulo.setText("Seções aceitas: 25 de 25 (divergentes: 0). Resultado publicado em 03/10/2027.")
    rotulo.setFixedWidth(rotulo.fontMetrics().horizontalAdvance(rotulo.text()) * 2 // 3)  # duas linhas
    rotulo.show()
    assert rotulo.font().pointSizeF() == 11
    assert rotulo.heightForWidth(rotulo.width()) <= rotulo.height()


@pytest.mark.parametrize("altura", [768, 720])
def test_gravar_do_registro_rapido_do_plantao_fica_a_vista(qtbot, tmp_path, estilo, altura):
    """O registro rápido do plantão pede ~690 pontos: a 1366×720 o "Gravar atendimento" ficava abaixo da dobra (só o
    Ctrl+S gravava para quem não rolasse). Os campos rolam numa área; os botões ficam inteiros à vista, dentro da
    janela e acima da barra de status, com a janela a 1366×768 e a 1366×720."""
    from PySide6.QtWidgets import QScrollArea

    from desktop.screens.conselho.funcionamento.plantao import AbaPlantao

    caminho = tmp_path / "demo" / "paco.db"
    demo.criar_demo(caminho, servidores=40)
    janela = JanelaPrincipal(acesso.entrar(caminho, "conselheira", demo.SENHA_DEMO))
    qtbot.addWidget(janela)
    with qtbot.waitExposed(janela):
        janela.show()
    esperar_copia_diaria(qtbot, janela)
    try:
        janela.showNormal()  # a janela abre do tamanho da tela (a de teste tem 800×800): o notebook do usuário
        janela.resize(LARGURA, altura)
        qtbot.waitUntil(lambda: janela.size().height() == altura and janela.width() == LARGURA)
        janela.modulos.setCurrentRow(next(i for i in range(janela.modulos.count())
                                          if "Conselho" in janela.modulos.item(i).text()))
        aba = next(a for _t, pagina in _abas(janela.pilha.currentWidget())
                   for a in [pagina, *pagina.findChildren(AbaPlantao)] if isinstance(a, AbaPlantao))
        aba.window().activateWindow()
        aba.parentWidget().parentWidget().setCurrentWidget(aba)  # a aba Modo plantão (QTabWidget › QStackedWidget)
        aba.novo()
        QApplication.processEvents()
        form = aba.form
        assert form.minimumSizeHint().height() < 300  # antes: ~690, o formulário inteiro
        barra_status = janela.statusBar().mapTo(janela, janela.statusBar().rect().topLeft()).y()
        for botao in (form.botao_salvar, form.botao_descartar):
            assert botao.isVisible()
            assert botao.visibleRegion().boundingRect() == botao.rect(), botao.text()  # nada cortado por rolagem
            baixo = botao.mapTo(janela, botao.rect().bottomLeft()).y()
            assert baixo < barra_status, (botao.text(), baixo, barra_status)
            assert not any(isinstance(p, QScrollArea) and p.widget() is not form
                           for p in _ancestrais(botao, form)), "os botões não rolam com os campos"
        # os campos rolam: o último (Motivação) chega à vista quando recebe o foco
        form.motivacao.setFocus()
        form.rolagem.ensureWidgetVisible(form.motivacao)
        QApplication.processEvents()
        assert not form.motivacao.visibleRegion().isEmpty()
    finally:
        fechar_principal(qtbot, janela)


def _ancestrais(widget, ate):
    p = widget.parentWidget()
    while p is not None and p is not ate:
        yield p
        p = p.parentWidget()
