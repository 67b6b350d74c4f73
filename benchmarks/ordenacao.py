"""Ordenar uma tabela de 3.000 linhas pelo cabeçalho: o custo na thread da interface de cada jeito de ordenar.

    PYTHONPATH=. QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/ordenacao.py [--linhas 3000] [--repeticoes 7]

Compara, com as mesmas linhas (parecidas com as da Folha mensal: nome com acento, matrícula, lotação, dinheiro em
``Decimal``, alguns vazios) e a mesma ``QTableView`` à vista, quatro jeitos de ordenar (issue 16, meta 1):

- ``lessThan``: o de antes — o ``QSortFilterProxyModel`` ordena e chama ``lessThan`` em Python a cada comparação
  (as duas chaves calculadas de novo a cada uma);
- ``posto``: o ``QSortFilterProxyModel`` com o ``lessThan`` do Qt, sobre um papel com o posto de cada linha
  calculado antes em Python — o Qt ainda pede ``data`` ao modelo (Python) duas vezes por comparação;
- ``permutação``: um proxy próprio em Python (``QAbstractProxyModel``) com a permutação calculada por ``sorted`` —
  mantém "linha do modelo = ordem de chegada", mas cada índice pintado passa pelo Python (``index``, ``mapToSource``),
  e aqui ele só ordena: o filtro (o ``QSortFilterProxyModel`` por cima, refeito a cada reordenação, ou outro proxy
  em Python) somaria o que ``modelo`` já paga;
- ``modelo``: o que a tabela comum faz agora — o ``ModeloTabela`` ordena as suas linhas (``sorted`` com a chave de
  cada linha calculada uma vez) e o ``ProxyFiltro`` só filtra.

Os jeitos se alternam a cada repetição (a ordem gira). Para cada um, a mediana e o mín–máx (em ms de CPU da thread, ``time.thread_time``, com a pintura da página forçada) de:
clicar no cabeçalho (Nome), inverter (Nome decrescente), ordenar por Líquido, receber as linhas de novo com a
tabela ordenada (a prévia chegando) e pintar a página ordenada. Imprime números; não é um teste com tempo-limite.
Numa máquina carregada o tempo de CPU da thread sobe pouco, mas sobe: compare na mesma execução.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from functools import cmp_to_key
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QPoint, QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks import comparar  # noqa: E402
from desktop.screens.widgets.tabela import (Coluna, ModeloTabela, ProxyFiltro, _comparar, _chave,  # noqa: E402
                                            criar_visao)

_NOMES = ["Ana", "Álvaro", "Bárbara", "Caio", "Cecília", "Érica", "José", "João", "Lúcia", "Márcia", "Otávio",
          "Sônia", "Tânia", "Ícaro", "Ênio", "Úrsula", "Maria", "Antônio", "Conceição", "Raimundo"]
_SOBRENOMES = ["Silva", "Souza", "Conceição", "Araújo", "Gonçalves", "Lima", "Brandão", "Azevêdo", "Nóbrega", "Sá"]
_LOTACOES = ["Escola Municipal Rui Barbosa", "Creche Tia Zélia", "Escola Castro Alves", "Secretaria (SMEC)",
             "Escola Jorge Amado", "Escola Anísio Teixeira"]


def _dinheiro(v: Decimal | None) -> str:
    return "" if v is None else f"R$ {v:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


COLUNAS = [
    Coluna("Nome", lambda r: r["nome"], largura=240),
    Coluna("Matrícula", lambda r: r["matricula"], largura=95),
    Coluna("Lotação", lambda r: r["lotacao"], largura=220, esticar=True),
    Coluna("Nível / classe", lambda r: r["nivel"], largura=150),
    Coluna("Jornada", lambda r: f"{r['jornada']} h", alinhamento="centro", largura=80),
    Coluna("Proventos", lambda r: _dinheiro(r["proventos"]), ordenar=lambda r: r["proventos"], alinhamento="direita"),
    Coluna("Descontos", lambda r: _dinheiro(r["descontos"]), ordenar=lambda r: r["descontos"], alinhamento="direita"),
    Coluna("Líquido", lambda r: _dinheiro(r["liquido"]), ordenar=lambda r: r["liquido"], alinhamento="direita"),
]
NOME, LIQUIDO = 0, 7
META_S = 0.030  # ordenar ou reordenar 3.000 linhas na thread da interface (issue 16, meta 1)


def linhas(n: int, semente: int = 16) -> list[dict]:
    r = random.Random(semente)
    saida = []
    for i in range(n):
        proventos = Decimal(r.randrange(150_000, 900_000)) / 100
        descontos = (proventos * Decimal("0.18")).quantize(Decimal("0.01"))
        saida.append({"id": i, "nome": f"{r.choice(_NOMES)} {r.choice(_SOBRENOMES)} {r.choice(_SOBRENOMES)}",
                      "matricula": f"{r.randrange(10_000, 99_999)}", "lotacao": r.choice(_LOTACOES),
                      "nivel": f"Nível {r.randint(1, 4)} / classe {'ABCDEF'[r.randint(0, 5)]}",
                      "jornada": r.choice((20, 40)), "proventos": proventos, "descontos": descontos,
                      "liquido": None if i % 97 == 0 else proventos - descontos})  # alguns sem prévia: vazios
    return saida


class _OrdenaNoProxy(ProxyFiltro):
    """O QSortFilterProxyModel ordena (o de antes): ordenado, a pintura mapeia cada célula (``_termos`` não vazio
    faz a tabela comum mapear, como fazia com ``sortColumn() >= 0``); sem filtro nenhum aqui."""

    @property
    def _termos(self):
        return [""] if self.sortColumn() >= 0 else []

    @_termos.setter
    def _termos(self, _valor):
        pass

    def filterAcceptsRow(self, _linha, _pai):  # noqa: N802
        return True

    def sort(self, coluna, ordem=Qt.SortOrder.AscendingOrder):
        QSortFilterProxyModel.sort(self, coluna, ordem)


class ProxyLessThan(_OrdenaNoProxy):
    """O de antes: o QSortFilterProxyModel ordena, com o ``lessThan`` em Python."""

    def lessThan(self, esquerda, direita):  # noqa: N802
        modelo = self.sourceModel()
        return _comparar(modelo.chave(esquerda.row(), esquerda.column()),
                         modelo.chave(direita.row(), direita.column())) < 0


_POSTO = int(Qt.ItemDataRole.UserRole) + 1


class ModeloPosto(ModeloTabela):
    """O modelo com o posto de cada linha (a chave da coluna, ordenada antes em Python) num papel."""

    postos: list[int] = []

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == _POSTO:
            return self.postos[index.row()]
        return super().data(index, role)


class ProxyPosto(_OrdenaNoProxy):
    """O QSortFilterProxyModel com o ``lessThan`` do Qt sobre o papel do posto."""

    def __init__(self, modelo, parent=None):
        super().__init__(modelo, parent)
        self.setSortRole(_POSTO)

    def sort(self, coluna, ordem=Qt.SortOrder.AscendingOrder):
        modelo = self.sourceModel()
        if coluna >= 0:
            chaves = [_chave(modelo.colunas[coluna], linha) for linha in modelo._recebidas]
            ordem_ = sorted(range(len(chaves)), key=cmp_to_key(lambda i, j: _comparar(chaves[i], chaves[j])))
            postos = [0] * len(chaves)
            for posto, i in enumerate(ordem_):
                postos[i] = posto
            modelo.postos = postos
        QSortFilterProxyModel.sort(self, coluna, ordem)


class ProxyPermutacao(QAbstractProxyModel):
    """Um proxy próprio em Python com a permutação (só ordena; o filtro ficaria por cima)."""

    def __init__(self, modelo, parent=None):
        super().__init__(parent)
        self.setSourceModel(modelo)
        self._ordem: list[int] = list(range(modelo.rowCount()))
        self._onde: list[int] = list(self._ordem)
        modelo.modelReset.connect(self._on_reset)
        self._coluna, self._sentido = -1, Qt.SortOrder.AscendingOrder

    def _on_reset(self):
        self.beginResetModel()
        self._arrumar(list(range(self.sourceModel().rowCount())))
        self.endResetModel()

    def _arrumar(self, base):
        modelo = self.sourceModel()
        if self._coluna >= 0:
            c = modelo.colunas[self._coluna]
            chaves = {i: _chave(c, modelo._recebidas[i]) for i in base}
            base = sorted(base, key=lambda i: (chaves[i] is not None, chaves[i]),
                          reverse=self._sentido == Qt.SortOrder.DescendingOrder)
        self._ordem = base
        self._onde = [0] * len(base)
        for r, i in enumerate(base):
            self._onde[i] = r

    def sort(self, coluna, ordem=Qt.SortOrder.AscendingOrder):
        self._coluna, self._sentido = coluna, ordem
        self.layoutAboutToBeChanged.emit()
        antes = self.persistentIndexList()
        fontes = [self._ordem[i.row()] for i in antes]
        self._arrumar(list(self._ordem))
        self.changePersistentIndexList(antes, [self.index(self._onde[f], i.column()) for f, i in zip(fontes, antes)])
        self.layoutChanged.emit()

    def index(self, linha, coluna, pai=QModelIndex()):
        return QModelIndex() if pai.isValid() else self.createIndex(linha, coluna)

    def parent(self, _indice=QModelIndex()):
        return QModelIndex()

    def rowCount(self, pai=QModelIndex()):  # noqa: N802
        return 0 if pai.isValid() else len(self._ordem)

    def columnCount(self, pai=QModelIndex()):  # noqa: N802
        return 0 if pai.isValid() else self.sourceModel().columnCount()

    def mapToSource(self, indice):  # noqa: N802
        if not indice.isValid():
            return QModelIndex()
        return self.sourceModel().index(self._ordem[indice.row()], indice.column())

    def mapFromSource(self, indice):  # noqa: N802
        if not indice.isValid():
            return QModelIndex()
        return self.index(self._onde[indice.row()], indice.column())

    def multiData(self, index, papeis):  # noqa: N802
        if index.isValid():
            self.sourceModel().preencher(self._ordem[index.row()], index.column(), papeis)
        else:
            self.sourceModel().preencher(-1, -1, papeis)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self.sourceModel().flags_celula(self._ordem[index.row()], index.column())

    def headerData(self, secao, orientacao, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        return self.sourceModel().headerData(secao, orientacao, role)

    # o que o resto da tabela comum pede ao proxy (não vazio: o delegado mapeia cada célula, pelo Python)
    _termos: list[str] = [""]

    def linha_origem(self, indice):
        return self.sourceModel().linha(self._ordem[indice.row()])


def _montar(jeito: str, dados: list[dict]):
    if jeito == "posto":
        modelo = ModeloPosto(COLUNAS)
        proxy = ProxyPosto(modelo)
    else:
        modelo = ModeloTabela(COLUNAS)
        proxy = {"lessThan": ProxyLessThan, "modelo": ProxyFiltro, "permutação": ProxyPermutacao}[jeito](modelo)
    visao = criar_visao(proxy)
    visao.resize(1280, 700)
    visao.show()
    modelo.definir_linhas(dados)
    QApplication.processEvents()
    return modelo, visao


def _clicar(visao, coluna: int) -> None:
    """Um clique no título da ``coluna`` (o cabeçalho inverte o sentido se ela já é a da ordenação)."""
    cab = visao.horizontalHeader()
    x = cab.sectionViewportPosition(coluna) + cab.sectionSize(coluna) // 2
    QTest.mouseClick(cab.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, 5))


def _cpu_ms(acao, visao) -> float:
    modelo = visao.model().sourceModel()
    while not modelo.busca_pronta():  # o texto de busca preparado aos poucos (timer) fica fora da medida
        QApplication.processEvents()
    QApplication.processEvents()
    t = time.thread_time()
    acao()
    visao.viewport().repaint()  # a página ordenada pintada faz parte do clique
    QApplication.processEvents()
    return (time.thread_time() - t) * 1000


FASES = ("clicar no cabeçalho (Nome)", "inverter (Nome decrescente)", "ordenar por Líquido",
         "receber as linhas ordenada (prévia)", "pintar a página ordenada")


def uma_repeticao(modelo, visao, dados: list[dict], fases: dict[str, list[float]], primeira: list) -> None:
    """Uma repetição das cinco fases num jeito (a tabela volta à ordem de chegada antes)."""
    visao.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    QApplication.processEvents()
    fases[FASES[0]].append(_cpu_ms(lambda: _clicar(visao, NOME), visao))
    primeira.append((visao.horizontalHeader().sortIndicatorOrder(), visao.model().index(0, NOME).data()))
    fases[FASES[1]].append(_cpu_ms(lambda: _clicar(visao, NOME), visao))
    primeira.append((visao.horizontalHeader().sortIndicatorOrder(), visao.model().index(0, NOME).data()))
    fases[FASES[2]].append(_cpu_ms(lambda: _clicar(visao, LIQUIDO), visao))
    fases[FASES[3]].append(_cpu_ms(lambda: modelo.definir_linhas(list(dados)), visao))
    fases[FASES[4]].append(_cpu_ms(lambda: None, visao))


def medir(jeitos: tuple[str, ...], dados: list[dict], repeticoes: int) -> dict[str, dict[str, list[float]]]:
    """As fases de cada jeito, alternando os jeitos a cada repetição (a ordem gira: nenhum jeito é sempre o
    primeiro ou o último, com a máquina mais ou menos carregada)."""
    montados = {j: _montar(j, dados) for j in jeitos}
    resultados = {j: {f: [] for f in FASES} for j in jeitos}
    primeiras = {j: [] for j in jeitos}
    for r in range(repeticoes):
        for j in jeitos[r % len(jeitos):] + jeitos[:r % len(jeitos)]:
            modelo, visao = montados[j]
            uma_repeticao(modelo, visao, dados, resultados[j], primeiras[j])
    for j, (_modelo, visao) in montados.items():
        visao.close()
        assert len(set(primeiras[j])) == 2, (j, primeiras[j])  # a mesma primeira linha a cada repetição, nos dois sentidos
    return resultados


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--linhas", type=int, default=3000)
    argumentos.add_argument("--repeticoes", type=int, default=7)
    opcoes = argumentos.parse_args()
    app = QApplication.instance() or QApplication([])  # noqa: F841
    dados = linhas(opcoes.linhas)
    jeitos = ("lessThan", "posto", "permutação", "modelo")
    resultados = medir(jeitos, dados, opcoes.repeticoes)
    print(f"{opcoes.linhas} linhas, {opcoes.repeticoes} repetições alternando os jeitos, ms de CPU da thread da "
          "interface: mediana (mín–máx)")
    print(f"  {'fase':<38}" + "".join(f"{j:>20}" for j in jeitos))
    for fase in FASES:
        celulas = []
        for j in jeitos:
            v = resultados[j][fase]
            celulas.append(f"{statistics.median(v):.1f} ({min(v):.0f}–{max(v):.0f})")
        print(f"  {fase:<38}" + "".join(f"{c:>20}" for c in celulas))
    modelo = resultados["modelo"]
    ordenar = [ms / 1000 for fase, v in modelo.items() if fase != "pintar a página ordenada" for ms in v]
    print(comparar.contra_meta("modelo: ordenar e receber ordenada (sem a pintura)",
                               [o - p / 1000 for o, p in zip(ordenar, modelo["pintar a página ordenada"] * 4)],
                               META_S, unidade="ms", escala=1000))


if __name__ == "__main__":
    main()
