"""widgets.tabela: ordenar pelo cabeçalho — a ordem de cada tipo de coluna (texto com acento e maiúsculas, números,
datas, vazios), estável, a mesma que o QSortFilterProxyModel com o ``lessThan`` de antes dava; o filtro junto; a
seleção que segue a linha; e 3.000 linhas ordenadas sem travar a interface (issue 16, meta 1)."""
import random
from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QPoint, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.screens.widgets.tabela import _PREPARAR_LOTE, Coluna, Lista, ModeloTabela, ProxyFiltro

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def _dinheiro(v):
    return "" if v is None else f"R$ {v:.2f}".replace(".", ",")


COLUNAS = [Coluna("Nome", lambda r: r["nome"]),
           Coluna("Valor", lambda r: _dinheiro(r["valor"]), ordenar=lambda r: r["valor"], alinhamento="direita"),
           Coluna("Data", lambda r: r["data"].strftime("%d/%m/%Y") if r["data"] else "", ordenar=lambda r: r["data"]),
           Coluna("Escola", lambda r: r["escola"])]


def _aberta(qtbot, linhas, colunas=COLUNAS) -> Lista:
    janela = QWidget()
    qtbot.addWidget(janela)
    lista = Lista(colunas, janela)
    QVBoxLayout(janela).addWidget(lista.visao)
    lista.definir_linhas(linhas)
    janela.resize(800, 400)
    janela.show()
    qtbot.waitExposed(janela)
    lista.janela = janela  # a janela vive enquanto a lista (a visão é filha dela)
    return lista


def _clicar(qtbot, lista: Lista, coluna: int) -> None:
    """Um clique no título da coluna: ordena por ela (crescente) ou, se já é ela, inverte."""
    cab = lista.visao.horizontalHeader()
    qtbot.mouseClick(cab.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(cab.sectionViewportPosition(coluna) + cab.sectionSize(coluna) // 2, cab.height() // 2))


def _vistos(lista: Lista, campo: str = "id") -> list:
    return [r[campo] for r in lista.proxy.linhas_visiveis()]


def _linhas():
    return [
        {"id": 0, "nome": "Érica", "valor": Decimal("9.50"), "data": date(2026, 3, 2), "escola": "Rui Barbosa"},
        {"id": 1, "nome": "eduardo", "valor": None, "data": date(2025, 12, 31), "escola": "Castro Alves"},
        {"id": 2, "nome": "Ana", "valor": Decimal("10.00"), "data": None, "escola": "Rui Barbosa"},
        {"id": 3, "nome": "ábaco", "valor": Decimal("100.00"), "data": date(2026, 1, 15), "escola": "Castro Alves"},
        {"id": 4, "nome": "ANA", "valor": Decimal("-1.00"), "data": date(2026, 1, 15), "escola": "Rui Barbosa"},
        {"id": 5, "nome": "Bia", "valor": None, "data": date(2024, 7, 4), "escola": "Castro Alves"},
    ]


def test_ordem_pelo_cabecalho_de_texto_numero_data_e_vazios(qtbot):
    lista = _aberta(qtbot, _linhas())
    assert _vistos(lista) == [0, 1, 2, 3, 4, 5]  # sem clique: a ordem em que chegaram
    _clicar(qtbot, lista, 0)
    # sem acento e sem maiúsculas (ábaco antes de Ana; Érica depois de eduardo); Ana e ANA empatam: a de chegada
    assert _vistos(lista, "nome") == ["ábaco", "Ana", "ANA", "Bia", "eduardo", "Érica"]
    _clicar(qtbot, lista, 0)
    assert _vistos(lista, "nome") == ["Érica", "eduardo", "Bia", "Ana", "ANA", "ábaco"]  # empate: a ordem vista
    _clicar(qtbot, lista, 1)
    # número como número (9,50 < 10,00 < 100,00, não como texto); vazio antes na crescente…
    assert [_dinheiro(v) for v in _vistos(lista, "valor")] == ["", "", "R$ -1,00", "R$ 9,50", "R$ 10,00", "R$ 100,00"]
    assert _vistos(lista)[:2] == [1, 5]
    _clicar(qtbot, lista, 1)
    assert _vistos(lista)[-2:] == [1, 5]  # …e depois na decrescente
    assert [_dinheiro(v) for v in _vistos(lista, "valor")][:4] == ["R$ 100,00", "R$ 10,00", "R$ 9,50", "R$ -1,00"]
    _clicar(qtbot, lista, 2)
    # data como data (31/12/2025 antes de 15/01/2026, o que o texto dd/mm/aaaa não daria); vazia antes
    assert [lista.visao.model().index(i, 2).data() for i in range(6)] == [
        "", "04/07/2024", "31/12/2025", "15/01/2026", "15/01/2026", "02/03/2026"]
    assert _vistos(lista)[3:5] == [3, 4]  # empate na data: a ordem vista antes do clique (a do valor decrescente)


def test_ordenar_por_outra_coluna_mantem_a_anterior_nos_empates(qtbot):
    """Estável sobre a ordem vista, como o Qt: pelo Nome e depois pela Escola, os nomes ficam em ordem dentro de
    cada escola."""
    lista = _aberta(qtbot, _linhas())
    _clicar(qtbot, lista, 0)
    _clicar(qtbot, lista, 3)
    assert [(r["escola"], r["nome"]) for r in lista.proxy.linhas_visiveis()] == [
        ("Castro Alves", "ábaco"), ("Castro Alves", "Bia"), ("Castro Alves", "eduardo"),
        ("Rui Barbosa", "Ana"), ("Rui Barbosa", "ANA"), ("Rui Barbosa", "Érica")]


class _ProxyDeAntes(QSortFilterProxyModel):
    """O que a tabela comum fazia: o proxy do Qt ordenando com a comparação das chaves em Python."""

    def lessThan(self, esquerda, direita):  # noqa: N802
        modelo = self.sourceModel()
        a, b = modelo.chave(esquerda.row(), esquerda.column()), modelo.chave(direita.row(), direita.column())
        if a is None or b is None:
            return a is None and b is not None
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


def test_a_mesma_ordem_que_o_proxy_do_qt_com_o_less_than_de_antes(qapp):
    """Muitas linhas com acentos, maiúsculas, empates e vazios, ordenadas por uma sequência de colunas e sentidos —
    e recebidas de novo já ordenadas: a mesma ordem que o QSortFilterProxyModel com o ``lessThan`` de antes."""
    sorteio = random.Random(16)
    nomes = ["Ana", "ANA", "Ábaco", "João", "joao", "Érica", "Zé", "Çandido", "Ícaro", ""]
    linhas = [{"id": i, "nome": f"{sorteio.choice(nomes)} {sorteio.choice(nomes)}".strip(),
               "valor": sorteio.choice([None, Decimal(sorteio.randrange(-500, 500)) / 4]),
               "data": sorteio.choice([None, date(2026, 1, 1) + timedelta(days=sorteio.randrange(60))]),
               "escola": sorteio.choice(["Rui Barbosa", "Castro Alves", "Anísio"])} for i in range(400)]
    modelo, referencia = ModeloTabela(COLUNAS), ModeloTabela(COLUNAS)
    proxy, antes = ProxyFiltro(modelo), _ProxyDeAntes()
    antes.setSourceModel(referencia)
    modelo.definir_linhas(linhas)
    referencia.definir_linhas(linhas)

    def iguais():
        assert proxy.linhas_visiveis() == [referencia.linha(antes.mapToSource(antes.index(i, 0)).row())
                                           for i in range(antes.rowCount())]

    for coluna, sentido in [(0, ASC), (0, DESC), (1, ASC), (3, DESC), (2, ASC), (2, DESC), (3, ASC), (1, DESC)]:
        proxy.sort(coluna, sentido)
        antes.sort(coluna, sentido)
        iguais()
    sorteio.shuffle(linhas)  # chegam de novo, noutra ordem, com a tabela ordenada (a prévia recalculada)
    modelo.definir_linhas(linhas)
    referencia.definir_linhas(linhas)
    iguais()
    proxy.definir_texto("ana")
    antes.setFilterFixedString("")  # (a referência não filtra: compara-se a ordem das que passaram)
    assert proxy.linhas_visiveis() == [r for r in [referencia.linha(antes.mapToSource(antes.index(i, 0)).row())
                                                   for i in range(antes.rowCount())] if "ana" in r["nome"].lower()]
    proxy.sort(-1)
    assert proxy.linhas_visiveis() == [r for r in linhas if "ana" in r["nome"].lower()]  # de volta à de chegada


def test_filtro_junto_com_a_ordenacao_e_a_selecao_segue_a_linha(qtbot):
    lista = _aberta(qtbot, _linhas())
    lista.selecionar(5)  # Bia
    _clicar(qtbot, lista, 0)
    assert lista.selecionada()["nome"] == "Bia" and lista.visao.currentIndex().row() == 3  # seguiu a Bia
    _clicar(qtbot, lista, 0)
    assert _vistos(lista, "nome") == ["Érica", "eduardo", "Bia", "Ana", "ANA", "ábaco"]
    assert lista.selecionada()["nome"] == "Bia" and lista.visao.currentIndex().row() == 2
    lista.proxy.definir_texto("rui")
    assert _vistos(lista, "nome") == ["Érica", "Ana", "ANA"]  # filtrado, na ordem do Nome
    _clicar(qtbot, lista, 0)
    assert _vistos(lista, "nome") == ["Ana", "ANA", "Érica"]
    lista.proxy.definir_texto("")
    assert _vistos(lista, "nome") == ["ábaco", "Ana", "ANA", "Bia", "eduardo", "Érica"]
    lista.selecionar(5)
    _clicar(qtbot, lista, 0)
    novas = [dict(r) for r in reversed(_linhas())]  # relidas do serviço: outros objetos, outra ordem
    lista.definir_linhas(novas)
    assert _vistos(lista, "nome") == ["Érica", "eduardo", "Bia", "ANA", "Ana", "ábaco"]  # empate: a nova chegada
    assert lista.selecionada()["nome"] == "Bia"  # escolhida de novo pela chave
    assert lista.linhas() == novas  # as linhas, para quem as grava, na ordem em que chegaram


def test_editar_a_coluna_da_ordenacao_leva_a_linha_ao_seu_lugar_e_linha_mudou_e_a_da_chegada(qtbot):
    """Como o proxy do Qt com ordenação dinâmica: a linha editada na coluna ordenada vai para o seu lugar (e a
    seleção vai com ela); ``linha_mudou(i)`` fala da i-ésima linha recebida, não da i-ésima vista."""
    linhas = _linhas()
    colunas = [Coluna("Nome", lambda r: r["nome"], editar=lambda r, texto: r.__setitem__("nome", texto))] + COLUNAS[1:]
    lista = _aberta(qtbot, linhas, colunas)
    _clicar(qtbot, lista, 0)
    m = lista.visao.model()
    assert m.setData(m.index(0, 0), "Zuleica")  # ábaco (a primeira vista) passa a Zuleica
    assert linhas[3]["nome"] == "Zuleica" and _vistos(lista)[-1] == 3
    lista.selecionar(5)
    linhas[5]["nome"] = "Aaron"  # mudou fora da tabela (p.ex. conferida em segundo plano) e a tela avisa
    lista.modelo.linha_mudou(5)
    assert _vistos(lista, "nome")[0] == "Aaron" and lista.selecionada()["id"] == 5
    assert lista.modelo.linha(lista.modelo.posicao(5)) is linhas[5]


def _muitas(n):
    sorteio = random.Random(3)
    nomes = ["Conceição", "Araújo", "Gonçalves", "Érica", "Ícaro", "Lúcia", "Silva", "Brandão", "Nóbrega", "Sá"]
    return [{"id": i, "nome": " ".join(sorteio.choice(nomes) for _ in range(3)),
             "valor": Decimal(sorteio.randrange(100_000, 900_000)) / 100, "data": date(2026, 1, 1),
             "escola": sorteio.choice(nomes)} for i in range(n)]


def test_ordenar_tres_mil_linhas_calcula_a_chave_de_cada_linha_uma_vez(qtbot):
    """A regra do projeto (nada na thread da interface acima de 100 ms) com 3.000 linhas, como a Folha mensal:
    clicar no título e receber as linhas de novo com a tabela ordenada. O ``lessThan`` em Python do proxy do Qt
    calculava as duas chaves a cada comparação (~35 mil comparações, 150–500 ms de CPU; issue 16). O tempo fica no
    benchmark (``benchmarks/ordenacao.py``, ``travamentos.py --so magisterio``); aqui, a causa: cada clique e cada
    recebimento calculam a chave de cada linha uma vez só (com folga para células pintadas no meio, que usam
    ``mostrar``)."""
    chamadas = {"ordenar": 0, "mostrar": 0}

    def _contando(nome, funcao):
        def _f(r):
            chamadas[nome] += 1
            return funcao(r)
        return _f

    colunas = [Coluna("Nome", _contando("mostrar", lambda r: r["nome"])),
               Coluna("Valor", lambda r: _dinheiro(r["valor"]), ordenar=_contando("ordenar", lambda r: r["valor"]),
                      alinhamento="direita")]
    linhas = _muitas(3000)
    lista = _aberta(qtbot, linhas, colunas)
    qtbot.waitUntil(lista.modelo.busca_pronta)
    vistas = lista.visao.viewport().height() // lista.visao.verticalHeader().defaultSectionSize() + 2
    for coluna, nome in ((1, "ordenar"), (1, "ordenar"), (0, "mostrar")):
        chamadas[nome] = 0
        _clicar(qtbot, lista, coluna)
        assert chamadas[nome] <= 3000 + 4 * vistas, (coluna, chamadas)
    chamadas["mostrar"] = 0
    lista.definir_linhas(list(reversed(linhas)))  # e o primeiro lote do texto de busca, que também lê ``mostrar``
    assert chamadas["mostrar"] <= 3000 + _PREPARAR_LOTE + 4 * vistas, chamadas
    nomes = _vistos(lista, "nome")
    assert nomes == sorted(nomes, key=lambda n: n.casefold().translate(str.maketrans("ãçéíóúá", "aceioua")))


def test_pagina_seguinte_chega_na_tabela_ordenada_e_entra_no_seu_lugar(qtbot):
    """``acrescentar_linhas`` (a página seguinte dos Atendimentos, ao rolar) com a tabela ordenada pelo cabeçalho:
    as novas vão para o seu lugar na ordem vista, a escolhida continua escolhida, e a última recebida (de onde a
    próxima página continua) é a última da chegada, não a última vista."""
    linhas = _linhas()
    lista = _aberta(qtbot, linhas[:4])
    lista.selecionar(2)  # Ana
    _clicar(qtbot, lista, 0)
    _clicar(qtbot, lista, 0)  # decrescente
    assert _vistos(lista, "nome") == ["Érica", "eduardo", "Ana", "ábaco"]
    lista.modelo.acrescentar_linhas(linhas[4:])  # ANA e Bia
    assert _vistos(lista, "nome") == ["Érica", "eduardo", "Bia", "Ana", "ANA", "ábaco"]
    assert lista.selecionada()["id"] == 2
    assert lista.linhas() == linhas
    assert lista.modelo.linha(lista.modelo.posicao(lista.modelo.rowCount() - 1))["id"] == 5
