"""Aba Atendimentos em páginas: a busca traz a primeira página, rolar até o fim traz a seguinte (pela chave da
última linha, fora da thread da tela) e uma busca nova descarta a página que ainda vinha da antiga."""
import time
from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.services.conselho import atendimentos
from desktop.screens.conselho.funcionamento import atendimentos as tela
from desktop.screens.conselho.funcionamento.atendimentos import AbaAtendimentos
from tests.screens.apoio_janelas import digitar

# sete casos, mais recentes primeiro na lista: G, F, E, D, C, B, A (C e B no mesmo minuto)
CASOS = [("Ana Lima", datetime(2025, 1, 1, 8, 0), "Centro"), ("Bia Lima", datetime(2025, 1, 2, 8, 0), "Centro"),
         ("Caio Lima", datetime(2025, 1, 2, 8, 0), "Vila Nova"), ("Davi Rocha", datetime(2025, 1, 3, 8, 0), "Centro"),
         ("Edu Lima", datetime(2025, 1, 4, 8, 0), "Centro"), ("Fábio Rocha", datetime(2025, 1, 5, 8, 0), "Vila Nova"),
         ("Gil Lima", datetime(2025, 1, 6, 8, 0), "Centro")]


@pytest.fixture
def aba(qtbot, conselheira, monkeypatch):
    for nome, recebido, bairro in CASOS:
        atendimentos.registrar_atendimento(conselheira, {
            "tipo": "denuncia", "recebido_em": recebido, "bairro": bairro, "criancas": [{"nome": nome}],
            "violacoes": [{"especifico": "VS.1.1", "agente": "pais_responsaveis"}], "medidas": [{"codigo": "101-II"}],
            "decisao": {"descricao": "Orientação", "motivacao": "Relato confirmado"}})
    monkeypatch.setattr(tela, "PAGINA", 3)  # sete casos em páginas de três
    aba = AbaAtendimentos(conselheira)
    qtbot.addWidget(aba)
    aba.resize(900, 400)
    aba.visao.setFixedHeight(aba.visao.horizontalHeader().sizeHint().height()
                             + 2 * aba.visao.verticalHeader().defaultSectionSize())  # duas linhas à vista
    aba.show()
    qtbot.waitExposed(aba)
    qtbot.waitUntil(lambda: not aba.carregando and aba.modelo.rowCount() > 0, timeout=10000)
    return aba


def _nomes(aba) -> list[str]:
    m = aba.visao.model()
    return [m.index(i, 3).data() for i in range(m.rowCount())]


def _rolar_ao_fim(qtbot, aba) -> None:
    """Pelo teclado: seta para baixo (sem linha atual, escolhe a primeira) e Ctrl+End (a última linha)."""
    aba.visao.setFocus()
    if not aba.visao.currentIndex().isValid():
        qtbot.keyClick(aba.visao, Qt.Key.Key_Down)
    qtbot.keyClick(aba.visao, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


def test_rolar_ao_fim_traz_a_pagina_seguinte(qtbot, aba, conselheira):
    assert _nomes(aba) == ["Gil Lima", "Fábio Rocha", "Edu Lima"]
    assert aba.contagem.text() == "3 registro(s) — os mais recentes; role até o fim para ver mais, ou refine a busca."
    qtbot.wait(100)  # parada, com a primeira página toda montada: nada mais é pedido sem rolar
    assert aba.modelo.rowCount() == 3 and not aba.carregando
    _rolar_ao_fim(qtbot, aba)
    qtbot.waitUntil(lambda: aba.modelo.rowCount() == 6 and not aba.carregando, timeout=10000)
    # os três seguintes, na ordem do serviço (Caio e Bia no mesmo minuto: o registrado depois primeiro)
    assert _nomes(aba) == ["Gil Lima", "Fábio Rocha", "Edu Lima", "Davi Rocha", "Caio Lima", "Bia Lima"]
    assert aba.contagem.text().startswith("6 registro(s) — os mais recentes")
    _rolar_ao_fim(qtbot, aba)
    qtbot.waitUntil(lambda: aba.modelo.rowCount() == 7 and not aba.carregando, timeout=10000)
    assert _nomes(aba)[-1] == "Ana Lima" and len(set(_nomes(aba))) == 7
    assert aba.contagem.text() == "7 registro(s)"  # acabou: nada mais a pedir
    assert not aba.modelo.canFetchMore()
    # cada página foi uma leitura no diário (a segunda e a terceira depois da última linha vista)
    conselheira.aguardar_gravacoes()
    paginas = conselheira.db.execute(
        "SELECT count(*) FROM sigilo.diario WHERE acao = 'evento' AND depois LIKE '%\"apos\"%'").fetchone()[0]
    assert paginas == 2

    # a busca também vem em páginas, e a seguinte é a da busca
    aba.busca.clear()
    digitar(qtbot, aba.busca, "lima")
    qtbot.keyClick(aba.busca, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
    assert _nomes(aba) == ["Gil Lima", "Edu Lima", "Caio Lima"]
    _rolar_ao_fim(qtbot, aba)
    qtbot.waitUntil(lambda: aba.modelo.rowCount() == 5 and not aba.carregando, timeout=10000)
    assert _nomes(aba) == ["Gil Lima", "Edu Lima", "Caio Lima", "Bia Lima", "Ana Lima"]
    assert aba.contagem.text() == "5 registro(s)"


def test_busca_nova_descarta_a_pagina_da_antiga(qtbot, aba, monkeypatch):
    from desktop.screens.widgets.leitura import em_andamento

    original, pedidos = atendimentos.listar_atendimentos, []

    def _devagar_na_pagina_seguinte(sessao, **kw):
        pedidos.append((kw.get("busca"), kw.get("apos")))
        if kw.get("apos") is not None and kw.get("busca") is None:
            time.sleep(0.6)  # a página seguinte da lista sem busca chega depois da busca nova
        return original(sessao, **kw)

    monkeypatch.setattr(atendimentos, "listar_atendimentos", _devagar_na_pagina_seguinte)
    _rolar_ao_fim(qtbot, aba)
    assert aba.carregando and aba.contagem.text() == "3 registro(s) — buscando mais…"
    aba.busca.clear()
    digitar(qtbot, aba.busca, "rocha")
    qtbot.keyClick(aba.busca, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: em_andamento() == 0 and not aba.carregando, timeout=10000)
    assert _nomes(aba) == ["Fábio Rocha", "Davi Rocha"]  # só a busca nova, sem a página velha no fim
    assert aba.contagem.text() == "2 registro(s)"
    # pedidas as duas (a página seguinte da lista e a busca; a ordem de chegada ao serviço é das threads)
    assert len(pedidos) == 2 and ("rocha", None) in pedidos and any(b is None and a for b, a in pedidos)


def test_ordenada_pelo_cabecalho_a_pagina_seguinte_continua_da_ultima_recebida(qtbot, aba):
    """Com a lista ordenada pelo nome (clique no título), a página seguinte continua depois da última linha que o
    serviço mandou — não da última que se vê (Gil, o mais recente, que traria de novo Fábio e Edu)."""
    cab = aba.visao.horizontalHeader()
    qtbot.mouseClick(cab.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(cab.sectionViewportPosition(3) + cab.sectionSize(3) // 2, cab.height() // 2))
    assert _nomes(aba) == ["Edu Lima", "Fábio Rocha", "Gil Lima"]
    _rolar_ao_fim(qtbot, aba)
    qtbot.waitUntil(lambda: aba.modelo.rowCount() == 6 and not aba.carregando, timeout=10000)
    assert _nomes(aba) == ["Bia Lima", "Caio Lima", "Davi Rocha", "Edu Lima", "Fábio Rocha", "Gil Lima"]
    qtbot.keyClick(aba.visao, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)  # voltar ao topo e rolar ao fim
    _rolar_ao_fim(qtbot, aba)  # também traz a seguinte (seguir rolando sem voltar: o teste abaixo)
    qtbot.waitUntil(lambda: aba.modelo.rowCount() == 7 and not aba.carregando, timeout=10000)
    assert _nomes(aba) == sorted(nome for nome, _r, _b in CASOS)


def _buscar(qtbot, aba, texto: str) -> None:
    aba.busca.setText(texto)
    qtbot.keyClick(aba.busca, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
    qtbot.wait(30)  # a pintura que a lista nova pede (e a imagem que as barras guardam, na volta seguinte do laço)


def test_busca_redesenha_so_as_linhas_nao_o_cabecalho_nem_as_barras(qtbot, aba):
    """Cada busca troca as linhas; o cabeçalho e as barras de rolagem não mudam (issue 16, meta 3). Antes, o
    ``modelReset`` fazia o cabeçalho se redesenhar a cada busca, e o Qt, ao refazer a disposição da tabela quando o
    número de linhas muda, redesenhava as duas barras (o ``raise()`` das caixas delas): ~3-4 ms de CPU da interface
    por busca. As buscas alternam 2 e 3 casos: a barra vertical muda (de cheia a rolável) e volta."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QProxyStyle, QStyle

    aba.resize(600, 400)  # estreita: as colunas não cabem e as duas barras aparecem
    qtbot.wait(30)
    assert aba.visao.horizontalScrollBar().isVisible() and aba.visao.verticalScrollBar().isVisible()
    desenhos = []

    class Contado(QProxyStyle):
        def drawComplexControl(self, controle, opcao, pintor, widget=None):  # noqa: N802
            if controle == QStyle.ComplexControl.CC_ScrollBar:
                desenhos.append(widget.orientation())
            super().drawComplexControl(controle, opcao, pintor, widget)

    estilo = Contado()
    for barra in (aba.visao.horizontalScrollBar(), aba.visao.verticalScrollBar()):
        barra.setStyle(estilo)
    pinturas = []

    class Pinturas(QObject):
        def eventFilter(self, objeto, evento):  # noqa: N802
            if evento.type() == QEvent.Type.Paint:
                pinturas.append(objeto)
            return False

    filtro = Pinturas()
    cabecalho, linhas = aba.visao.horizontalHeader().viewport(), aba.visao.viewport()
    cabecalho.installEventFilter(filtro)
    linhas.installEventFilter(filtro)
    for texto in ("rocha", "lima", "rocha", "lima"):  # cada estado das barras visto duas vezes
        _buscar(qtbot, aba, texto)
    desenhos.clear()
    pinturas.clear()
    faixas = set()
    for texto, nomes in (("rocha", ["Fábio Rocha", "Davi Rocha"]), ("lima", ["Gil Lima", "Edu Lima", "Caio Lima"]),
                         ("rocha", ["Fábio Rocha", "Davi Rocha"])):
        antes = len(pinturas)
        _buscar(qtbot, aba, texto)
        assert _nomes(aba) == nomes
        assert pinturas[antes:].count(linhas) >= 1  # as linhas novas aparecem
        faixas.add(aba.visao.verticalScrollBar().maximum())
    assert len(faixas) == 2  # a barra vertical mudou de uma busca para a outra (e voltou)
    assert cabecalho not in pinturas
    assert desenhos == []  # as barras não foram desenhadas de novo pelo estilo


@pytest.mark.parametrize("tecla", [Qt.Key.Key_End, Qt.Key.Key_Down, Qt.Key.Key_PageDown], ids=["End", "seta", "PageDown"])
def test_ordenada_continuar_rolando_ate_o_fim_traz_a_pagina_seguinte(qtbot, aba, tecla):
    """Ordenada pelo cabeçalho, a página que chega vai para o seu lugar na ordem e a linha atual (a última, Gil)
    continua sendo a última: sem ordenação, as linhas novas ficam depois dela e seguir rolando (End, seta, PageDown)
    chega ao novo fim e pede a seguinte. Ordenada, a tecla não tinha para onde ir — o Qt não fazia nada, nem mostrava
    a linha — e a terceira página só vinha voltando ao topo e rolando ao fim de novo."""
    cab = aba.visao.horizontalHeader()
    qtbot.mouseClick(cab.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(cab.sectionViewportPosition(3) + cab.sectionSize(3) // 2, cab.height() // 2))
    _rolar_ao_fim(qtbot, aba)
    qtbot.waitUntil(lambda: aba.modelo.rowCount() == 6 and not aba.carregando, timeout=10000)
    assert _nomes(aba)[-1] == "Gil Lima" and aba.visao.currentIndex().row() == 5  # a atual é a última
    modificador = Qt.KeyboardModifier.ControlModifier if tecla == Qt.Key.Key_End else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(aba.visao, tecla, modificador)  # segue rolando para o fim
    qtbot.waitUntil(lambda: aba.modelo.rowCount() == 7 and not aba.carregando, timeout=10000)
    assert _nomes(aba) == sorted(nome for nome, _r, _b in CASOS)
    atual = aba.visao.currentIndex()
    assert atual.siblingAtColumn(3).data() == "Gil Lima"  # a escolha é a mesma linha
    assert aba.visao.viewport().rect().intersects(aba.visao.visualRect(atual))  # e está à vista
