"""widgets.tabela e widgets.barra: o que se redesenha quando as linhas de uma tabela mudam (issue 16, meta 3).

``ModeloTabela.substituir_linhas`` troca as linhas sem ``modelReset`` (o cabeçalho não se redesenha) e
``BarraGuardada`` copia a imagem de um estado da barra de rolagem já mostrado — ponto a ponto a mesma que o Qt pinta."""
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.screens.widgets.barra import BarraGuardada, guardar_barras
from desktop.screens.widgets.tabela import Coluna, Lista


class _Pinturas(QObject):
    def __init__(self, *widgets):
        super().__init__()
        self.vistas: list[QObject] = []
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, objeto, evento):  # noqa: N802 (nome do Qt)
        if evento.type() == QEvent.Type.Paint:
            self.vistas.append(objeto)
        return False


def _lista(qtbot, parent=None):
    lista = Lista([Coluna("Nº", lambda r: str(r["n"]), largura=60), Coluna("Nome", lambda r: r["nome"], largura=80),
                   Coluna("Bairro", lambda r: r["bairro"], esticar=True)], parent)
    if parent is None:
        qtbot.addWidget(lista.visao)
    return lista


def _linhas(n: int, nome: str = "Ana") -> list[dict]:
    return [{"id": i, "n": i, "nome": f"{nome} {i}", "bairro": "Centro"} for i in range(n)]


def test_substituir_linhas_troca_so_as_linhas(qtbot):
    """Mais, menos ou o mesmo número de linhas: a tabela mostra as novas (também ordenada), a coluna alarga pelo texto
    novo (``_PeloConteudo``) e o cabeçalho não se redesenha — o ``definir_linhas`` (modelReset) o redesenha."""
    lista = _lista(qtbot)
    visao, modelo = lista.visao, lista.modelo
    visao.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # sem ela mudar a largura das linhas
    visao.resize(500, 300)
    visao.show()
    qtbot.waitExposed(visao)
    modelo.definir_linhas(_linhas(30))
    qtbot.wait(20)
    pinturas = _Pinturas(visao.horizontalHeader().viewport(), visao.viewport())
    for n, nome in ((30, "Bia"), (4, "Caio"), (12, "Davi")):
        antes = len(pinturas.vistas)
        modelo.substituir_linhas(_linhas(n, nome))
        qtbot.wait(20)
        assert lista.proxy.rowCount() == n
        assert [lista.proxy.index(i, 1).data() for i in range(n)] == [f"{nome} {i}" for i in range(n)]
        assert visao.viewport() in pinturas.vistas[antes:]
    assert visao.horizontalHeader().viewport() not in pinturas.vistas
    modelo.substituir_linhas([])  # nenhuma (a busca que não acha nada; aqui o Qt redesenha o cabeçalho)
    assert lista.proxy.rowCount() == 0
    largura = visao.columnWidth(1)
    modelo.substituir_linhas(_linhas(3, "Maria Aparecida da Conceição"))
    assert visao.columnWidth(1) > largura  # medida pelo conteúdo, como ao definir as linhas
    lista.proxy.sort(1, Qt.SortOrder.DescendingOrder)
    modelo.substituir_linhas(_linhas(3, "Eva"))
    assert [lista.proxy.index(i, 1).data() for i in range(3)] == ["Eva 2", "Eva 1", "Eva 0"]
    antes = len(pinturas.vistas)
    modelo.definir_linhas(_linhas(3, "Eva"))
    qtbot.wait(20)
    assert visao.horizontalHeader().viewport() in pinturas.vistas[antes:]  # o que a troca evita


def test_barra_guardada_e_a_do_qt_ponto_a_ponto(qtbot, qapp):
    """Com a folha de estilo do Paço, a tela com a barra copiada da imagem guardada é, ponto a ponto, a que o Qt
    pinta (o fundo de trás incluído), nos estados que se alternam (sem faixa com 3 ou 5 linhas, rolável no topo e
    rolada), e o estilo só desenha uma vez cada estado no topo que se repete (a rolada, o Qt desenha sempre)."""
    from desktop import app as paco

    anterior = qapp.styleSheet()
    paco.configurar_aplicacao(qapp)
    try:
        janela = QWidget()
        qtbot.addWidget(janela)
        lista = _lista(qtbot, janela)
        QVBoxLayout(janela).addWidget(lista.visao)
        visao = lista.visao
        visao.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        guardar_barras(visao)
        assert visao.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn
        janela.resize(260, 240)  # estreita: as duas barras
        janela.show()
        qtbot.waitExposed(janela)
        vertical, horizontal = visao.verticalScrollBar(), visao.horizontalScrollBar()
        assert isinstance(vertical, BarraGuardada) and isinstance(horizontal, BarraGuardada)

        def tela():
            qtbot.wait(20)
            return qapp.primaryScreen().grabWindow(janela.winId()).toImage()

        for n, rolar in [(40, 0), (3, 0), (40, 0), (5, 0), (40, 7), (3, 0), (40, 7)] * 2:
            lista.modelo.substituir_linhas(_linhas(n))
            qtbot.wait(10)  # a faixa nova da barra (a disposição da tabela)
            vertical.setValue(rolar)
            assert vertical.value() == rolar
            guardada = tela()
            for barra in (vertical, horizontal):
                barra.guardar = False
                barra.update()
            do_qt = tela()
            for barra in (vertical, horizontal):
                barra.guardar = True
            assert guardada == do_qt, (n, rolar)
        assert vertical._prontos and horizontal._prontos  # copiou de fato
        desenhadas = vertical.desenhadas, horizontal.desenhadas
        for n, rolar in [(40, 0), (3, 0), (40, 0), (5, 0)]:
            lista.modelo.substituir_linhas(_linhas(n))
            qtbot.wait(10)
            vertical.setValue(rolar)
            vertical.update()
            horizontal.update()
            tela()
        assert (vertical.desenhadas, horizontal.desenhadas) == desenhadas  # nenhum desenho novo do estilo
        lista.modelo.substituir_linhas(_linhas(40))
        qtbot.wait(10)
        vertical.setValue(7)
        tela()
        assert vertical.desenhadas > desenhadas[0]  # rolada: o Qt desenha
    finally:
        qapp.setStyleSheet(anterior)
