"""widgets.mensagem.Mensagem: o rótulo que só aparece com texto, e os botões que não pulam quando ele aparece."""
from PySide6.QtWidgets import QApplication, QListWidget, QPushButton, QVBoxLayout, QWidget

from desktop.screens.widgets.mensagem import Mensagem
from desktop.screens.widgets.situacao import reservar_linhas


def _janela(qtbot, *widgets, esticar=None):
    janela = QWidget()
    qtbot.addWidget(janela)
    lay = QVBoxLayout(janela)
    for w in widgets:
        lay.addWidget(w, 1 if w is esticar else 0)
    janela.resize(400, 300)
    janela.show()
    qtbot.waitExposed(janela)
    return janela


def test_aparece_com_texto_e_some_vazia(qtbot):
    m = Mensagem()
    janela = _janela(qtbot, m)
    assert m.isHidden() and m.wordWrap()
    m.setText("Corrija os campos indicados em vermelho.")
    assert m.isVisible() and m.text() == "Corrija os campos indicados em vermelho."
    m.setText("")
    assert not m.isVisible() and m.text() == ""
    m.setText(None)  # "nada a dizer" vindo de um dicionário
    assert not m.isVisible()
    m.setText("De novo")
    m.clear()
    assert not m.isVisible() and m.text() == ""
    m.setText("Escondida sem apagar")
    m.hide()
    assert not m.isVisible() and m.text() == "Escondida sem apagar"
    assert janela.isVisible()


def test_texto_inicial_nome_e_sem_quebra(qtbot):
    vazia, com_texto = Mensagem(nome="erro"), Mensagem("Reservada aos administradores", quebrar=False,
                                                        nome="subtitulo")
    assert not com_texto.isVisible()  # sem pai, não vira uma janela solta
    janela = _janela(qtbot, vazia, com_texto)
    assert vazia.isHidden() and vazia.objectName() == "erro"
    assert com_texto.isVisible() and com_texto.objectName() == "subtitulo" and not com_texto.wordWrap()
    assert janela.isVisible()


def test_botoes_nao_pulam(qtbot):
    """Entre a lista (que estica) e os botões, a mensagem que aparece encolhe a lista; com as linhas reservadas,
    nem o que está acima muda (issue 16: as linhas de situação não fazem os botões pularem)."""
    lista, solta, botao = QListWidget(), Mensagem(), QPushButton("Gravar")
    janela = _janela(qtbot, lista, solta, botao, esticar=lista)
    antes, altura_lista = botao.geometry(), lista.height()
    solta.setText("Uma situação\nem duas linhas")
    QApplication.processEvents()  # o novo arranjo (LayoutRequest) é um evento
    assert solta.isVisible() and lista.height() < altura_lista  # o arranjo mudou: a lista encolheu
    assert botao.geometry() == antes
    solta.setText("")
    QApplication.processEvents()
    assert lista.height() == altura_lista and botao.geometry() == antes

    reservada, botao2 = reservar_linhas(Mensagem(), 2), QPushButton("Emitir")
    janela2 = _janela(qtbot, QListWidget(), reservada, botao2)
    antes, topo = botao2.geometry(), reservada.geometry()
    reservada.setText("O motivo vai impresso no documento e não pode ter: sigilo")
    QApplication.processEvents()
    assert reservada.isVisible() and reservada.geometry() == topo and botao2.geometry() == antes
    reservada.setText("")
    QApplication.processEvents()
    assert not reservada.isVisible() and botao2.geometry() == antes
    assert janela.isVisible() and janela2.isVisible()
