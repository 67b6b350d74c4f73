"""Apoio aos testes de tamanho de tela (1366×768, a tela dos notebooks velhos dos usuários): a folha de estilo da
aplicação (os tamanhos dependem dela) e o que se vê de errado numa janela — colunas com o texto cortado, widgets uns
por cima dos outros."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableView, QWidget

from desktop import app as paco


@pytest.fixture
def estilo(qapp):
    """A folha de estilo da aplicação (os tamanhos dependem dela); desfeita no fim."""
    anterior = qapp.styleSheet()
    paco.configurar_aplicacao(qapp)
    yield
    qapp.setStyleSheet(anterior)


def cortadas(visao: QTableView) -> list[str]:
    """As colunas da tabela comum em que o texto de alguma linha sai com reticências (mais largo que a coluna, medido
    como o Qt mede para ``resizeColumnToContents``: as linhas à vista e as vizinhas, até 1.000)."""
    cab, colunas = visao.horizontalHeader(), visao.model().sourceModel().colunas
    return [f"{c.titulo}: {cab.sectionSize(i)} < {visao.sizeHintForColumn(i)}" for i, c in enumerate(colunas)
            if visao.sizeHintForColumn(i) > cab.sectionSize(i)]


def sobrepostos(janela: QWidget, widgets: list[QWidget]) -> list[str]:
    """Os pares de ``widgets`` (à vista) que ocupam o mesmo lugar na ``janela``: um esconde parte do outro (um widget
    dentro do outro não conta)."""
    retangulos = [(w, w.rect().translated(w.mapTo(janela, w.rect().topLeft()))) for w in widgets if w.isVisible()]
    achados = []
    for i, (a, ra) in enumerate(retangulos):
        for b, rb in retangulos[i + 1:]:
            if ra.intersects(rb) and not (a.isAncestorOf(b) or b.isAncestorOf(a)):
                comum = ra.intersected(rb)
                achados.append(f"{type(a).__name__} e {type(b).__name__}: {comum.width()}×{comum.height()} em comum")
    return achados


def cortadas_mesmo_quebrando(visao: QTableView) -> list[str]:
    """As células que saem com reticências numa tabela que quebra o texto em linhas (``setWordWrap``): as colunas
    mais estreitas que o texto (``cortadas``) só valem se a tabela quebra linhas, a linha tem a altura do texto
    quebrado (a que o Qt pede, ``sizeHintForRow``) e nenhuma palavra sozinha é mais larga que a coluna."""
    cab, modelo, metricas = visao.horizontalHeader(), visao.model(), visao.fontMetrics()
    achadas = []
    largas = {c.split(":")[0] for c in cortadas(visao)}
    titulos = [c.titulo for c in modelo.sourceModel().colunas]
    for i in range(modelo.rowCount()):
        if largas and not visao.wordWrap():
            achadas.append(f"linha {i}: sem quebra de linha ({', '.join(sorted(largas))})")
        elif largas and visao.rowHeight(i) < visao.sizeHintForRow(i):
            achadas.append(f"linha {i}: {visao.rowHeight(i)} < {visao.sizeHintForRow(i)} ({', '.join(sorted(largas))})")
        for j, titulo in enumerate(titulos):
            if titulo in largas:
                palavra = max((modelo.index(i, j).data() or "").split() or [""], key=metricas.horizontalAdvance)
                if metricas.horizontalAdvance(palavra) + 8 > cab.sectionSize(j):
                    achadas.append(f"linha {i}, {titulo}: '{palavra}' mais larga que {cab.sectionSize(j)}")
    return achadas
