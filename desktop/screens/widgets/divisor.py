"""Divisor (QSplitter) que não deixa o usuário esmagar um painel até sumir, e que reparte a largura pelo que as
tabelas dos painéis pedem.

Com o padrão do Qt, arrastar a alça até a borda recolhe o painel a zero e ele "desaparece" sem
explicação; aqui cada painel para no seu tamanho mínimo (issue 16). ``repartir_pelo_conteudo`` dá a cada painel a
largura medida das colunas da sua tabela, em vez de um número fixo de pontos.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTableView, QWidget


def criar_divisor(orientacao: Qt.Orientation = Qt.Orientation.Horizontal, parent: QWidget | None = None) -> QSplitter:
    d = QSplitter(orientacao, parent)
    d.setChildrenCollapsible(False)
    return d


def largura_da_tabela(visao: QTableView) -> int:
    """A largura que a tabela pede para mostrar as colunas inteiras sem rolar na horizontal: as colunas como estão
    (as que alargam pelo conteúdo já mediram o texto), a que estica (``esticar`` ou a última) na largura medida do
    seu texto (``sizeHintForColumn``, pela fonte — sob o X a letra é a de verdade), a moldura e a barra de rolagem
    vertical quando as linhas não cabem na altura."""
    cab = visao.horizontalHeader()
    colunas = getattr(visao.model().sourceModel(), "colunas", [])
    esticada = next((i for i, c in enumerate(colunas) if c.esticar), cab.count() - 1 if cab.stretchLastSection()
                    else None)
    largura = 0
    for i in range(cab.count()):
        if cab.isSectionHidden(i):
            continue
        largura += (max(visao.sizeHintForColumn(i), cab.sectionSizeHint(i)) if i == esticada
                    else cab.sectionSize(i))
    if visao.verticalHeader().length() > visao.viewport().height():
        largura += visao.verticalScrollBar().sizeHint().width()
    return largura + 2 * visao.frameWidth()


def repartir_pelo_conteudo(divisor: QSplitter, tabelas: list[QTableView]) -> None:
    """Reparte a largura do divisor entre os painéis pelo que a tabela de cada um pede (``largura_da_tabela``, mais o
    que o painel tem em volta dela): cada um recebe o que pede e a sobra vai ao último; sem largura para todos, cada
    um perde na proporção do que pede. As larguras fixas de ``setSizes`` (pensadas numa fonte) cortavam nomes
    sob o X, com a letra um pouco mais larga (visto a 1366×768 na escala do Conselho). Nada a fazer com o divisor
    ainda sem tamanho (fora da tela)."""
    total = sum(divisor.sizes())
    if total <= 0 or len(tabelas) != divisor.count():
        return
    pedidos = []
    for i, visao in enumerate(tabelas):
        painel = divisor.widget(i)
        pedidos.append(largura_da_tabela(visao) + max(0, painel.width() - visao.width()))
    if sum(pedidos) <= total:
        tamanhos = pedidos[:-1] + [total - sum(pedidos[:-1])]
    else:
        tamanhos = [p * total // sum(pedidos) for p in pedidos]
    divisor.setSizes(tamanhos)
