"""Divisor (QSplitter) que não deixa o usuário esmagar um painel até sumir, e que reparte a largura pelo que as
tabelas dos painéis pedem.

Com o padrão do Qt, arrastar a alça até a borda recolhe o painel a zero e ele "desaparece" sem
explicação; aqui cada painel para no seu tamanho mínimo (issue 16). ``repartir_pelo_conteudo`` dá a cada painel a
largura medida das colunas da sua tabela, em vez de um número fixo de pontos.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QSplitter, QTableView, QWidget


def criar_divisor(orientacao: Qt.Orientation = Qt.Orientation.Horizontal, parent: QWidget | None = None) -> QSplitter:
    d = QSplitter(orientacao, parent)
    d.setChildrenCollapsible(False)
    return d


def largura_da_tabela(visao: QTableView, *, esticada_inteira: bool = True) -> int:
    """A largura que a tabela pede para mostrar as colunas inteiras sem rolar na horizontal: as colunas como estão
    (as que alargam pelo conteúdo já mediram o texto), a que estica (``esticar`` ou a última) na largura medida do
    seu texto (``sizeHintForColumn``, pela fonte — sob o X a letra é a de verdade; com ``esticada_inteira`` falso,
    no seu mínimo: o texto longo dela fica na dica), a moldura e a barra de rolagem vertical quando as linhas não
    cabem na altura."""
    cab = visao.horizontalHeader()
    colunas = getattr(visao.model().sourceModel(), "colunas", [])
    esticada = next((i for i, c in enumerate(colunas) if c.esticar), cab.count() - 1 if cab.stretchLastSection()
                    else None)
    largura = 0
    for i in range(cab.count()):
        if cab.isSectionHidden(i):
            continue
        if i != esticada:
            largura += cab.sectionSize(i)
        elif esticada_inteira:
            largura += max(visao.sizeHintForColumn(i), cab.sectionSizeHint(i))
        else:
            largura += max((colunas[i].largura or 0) if i < len(colunas) else 0, cab.sectionSizeHint(i))
    if visao.verticalHeader().length() > visao.viewport().height():
        largura += visao.verticalScrollBar().sizeHint().width()
    return largura + 2 * visao.frameWidth()


def repartir_pelo_conteudo(divisor: QSplitter, tabelas: list[QTableView], *, esticada_inteira: bool = True) -> bool:
    """Reparte a largura do divisor entre os painéis pelo que a tabela de cada um pede (``largura_da_tabela``, mais o
    que o painel tem em volta dela), na ordem: cada painel recebe o que pede e o último fica com o resto (a sobra,
    ou o que faltar — o primeiro é o principal). As larguras fixas de ``setSizes`` (pensadas numa fonte) cortavam
    nomes sob o X, com a letra um pouco mais larga (visto a 1366×768 na escala do Conselho). Nada a fazer com o
    divisor ainda sem tamanho (fora da tela). Devolve se repartiu."""
    total = sum(divisor.sizes())
    if total <= 0 or len(tabelas) != divisor.count():
        return False
    pedidos = []
    for i, visao in enumerate(tabelas[:-1]):
        painel = divisor.widget(i)
        pedidos.append(largura_da_tabela(visao, esticada_inteira=esticada_inteira)
                       + max(0, painel.width() - visao.width()))
    divisor.setSizes(pedidos + [max(0, total - sum(pedidos))])
    return True


class Reparticao(QObject):
    """Reparte o divisor pelo conteúdo (``repartir_pelo_conteudo``) uma vez só, quando as duas coisas já valem: as
    linhas chegaram (a tela chama ``tentar`` ao recebê-las) e o divisor está à vista com largura (a aba que lê as
    linhas escondida, atrás de outra, só tem tamanho ao ser mostrada). Depois, a alça arrastada pelo usuário fica
    onde ele a deixou, mesmo ao reler as linhas."""

    def __init__(self, divisor: QSplitter, tabelas: list[QTableView], *, esticada_inteira: bool = True):
        super().__init__(divisor)
        self._divisor, self._tabelas, self._inteira = divisor, tabelas, esticada_inteira
        self.feita, self._linhas = False, False
        divisor.installEventFilter(self)

    def tentar(self, tem_linhas: bool = True) -> None:
        self._linhas = self._linhas or tem_linhas
        if self.feita or not self._linhas or not self._divisor.isVisible():
            return
        self.feita = repartir_pelo_conteudo(self._divisor, self._tabelas, esticada_inteira=self._inteira)
        if self.feita:
            self._divisor.removeEventFilter(self)

    def eventFilter(self, _objeto, evento) -> bool:  # noqa: N802 — nome do Qt
        if evento.type() in (QEvent.Type.Show, QEvent.Type.Resize) and self._linhas:
            self.tentar()
        return False
