"""Modelo de tabela genérico (linhas de dicionários) com ordenação e filtro sem acento.

As telas recebem listas de dicionários ou objetos dos serviços e as mostram com
``ModeloTabela`` + ``ProxyFiltro``; ``criar_visao`` monta a QTableView com o comportamento
comum (seleção por linha, ordenação pelo cabeçalho, teclado). ``Lista`` junta os três, guarda a
linha escolhida (pela chave, p.ex. o id) quando as linhas chegam de novo e liga Enter e duplo clique
a "abrir". Uma coluna pode ser editável (``editar``: F2, Enter ou duplo clique; com ``opcoes``, uma
lista para escolher; com ``pode_editar``, só em algumas linhas) ou uma caixa de marcar (``marcada``/``marcar``: espaço
ou clique), ``erro`` pinta a célula errada de vermelho com a mensagem na dica, e ``Lista`` acrescenta e remove linhas —
as grades de entrada também são esta tabela; ``planilha=True`` faz dela uma planilha (digitar edita, Tab anda pelas
células, Enter confirma e desce). As telas não montam a
sua com QTableWidget (``tests/screens/test_tabelas_comuns.py``, com as que ainda faltam trocar).

Ordenar (o clique no cabeçalho) é com o ``ModeloTabela``, não com o proxy: ele calcula a chave de cada linha uma
vez e ordena com ``sorted`` (as linhas do Qt — ``index``, ``data``, ``linha`` — ficam na ordem vista), e o
``ProxyFiltro`` só filtra. O ``QSortFilterProxyModel`` ordenando chamava o ``lessThan`` em Python a cada
comparação (~35 mil para 3.000 linhas): a Folha de 3.000 servidores levava 140–470 ms na thread da interface para
ordenar pelo cabeçalho ou receber a prévia já ordenada (issue 16, meta 1). Medido
(``benchmarks/ordenacao.py``) contra o proxy do Qt com um papel de posto calculado antes (o Qt ainda pede ``data``
ao Python a cada comparação: quase o mesmo custo) e contra um proxy de permutação próprio em Python (ordenar custa
o mesmo que aqui, mas cada índice pintado passaria pelo Python e o filtro teria de ser refeito nele). O que era
"linha do modelo = ordem de chegada" continua nas ``linhas()`` (a ordem em que chegaram, a de quem grava), em
``linha_mudou(i)`` e em ``posicao(i)`` (a linha do modelo da i-ésima recebida); a mesma ordem de antes: a chave
da coluna, texto sem acento nem maiúsculas, estável (empates na ordem vista; ao receber linhas, na de chegada),
vazio antes na crescente (``tests/screens/test_tabela_ordenacao.py`` compara com o proxy do Qt de antes).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cmp_to_key
from typing import Any, Callable

from PySide6.QtCore import (QAbstractTableModel, QEvent, QModelIndex, QObject, QPointF, QSortFilterProxyModel, Qt,
                            QTimer, Signal)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPalette, QStaticText
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QApplication, QComboBox, QHeaderView,
                               QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget)

from .soltura import sem_qt, soltar

_ESQUERDA = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_DIREITA = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTRO = Qt.AlignmentFlag.AlignCenter
_ALINHAMENTOS = {"direita": _DIREITA, "centro": _CENTRO}
_EXIBIR = int(Qt.ItemDataRole.DisplayRole)
_ALINHAR = int(Qt.ItemDataRole.TextAlignmentRole)
_COR = int(Qt.ItemDataRole.ForegroundRole)
_DICA = int(Qt.ItemDataRole.ToolTipRole)
_EDITAR = int(Qt.ItemDataRole.EditRole)
_MARCA = int(Qt.ItemDataRole.CheckStateRole)
_FUNDO = int(Qt.ItemDataRole.BackgroundRole)
_VERMELHO = "#f8d7da"  # fundo da célula com ``erro``
_PAPEIS = frozenset((_EXIBIR, _ALINHAR, _COR, _DICA))
_PAPEIS_EDITAVEIS = _PAPEIS | {_EDITAR, _MARCA}  # só nos modelos com coluna editável ou de marcar
_SELECIONAVEL = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_SOLTAR_FORA = 1000  # linhas antigas a partir das quais ``definir_linhas`` as solta noutra thread (``soltura``)
_PREPARAR_A_PARTIR = 1000  # linhas a partir das quais o texto de busca é preparado aos poucos (``ModeloTabela``)
_PREPARAR_LOTE = 200  # linhas preparadas por vez (~7 ms na folha de 3.000 servidores)
_PREPARAR_MS = 20  # intervalo entre um lote e outro: a interface responde entre eles
_SEM_ACENTOS_GUARDADOS = 20_000  # textos de chaves de ordenação guardados sem acento por tabela (``_arrumar``): a
# prévia chega de novo com os mesmos nomes, e tirar o acento de 3.000 nomes eram ~7 ms a cada ordenação pelo Nome


def sem_acento(texto: str) -> str:
    """Minúsculas sem acentos, para comparar o que o usuário digita com o que está na tabela."""
    decomposto = unicodedata.normalize("NFKD", str(texto))
    if decomposto.isascii():  # sem acento nenhum (números, datas, muitos nomes): nada a tirar
        return decomposto.casefold()
    combinante = unicodedata.combining
    return "".join([c for c in decomposto if not combinante(c)]).casefold()


@dataclass(frozen=True)
class Coluna:
    """Uma coluna: título, como mostrar a linha e, opcionalmente, a chave de ordenação."""

    titulo: str
    mostrar: Callable[[Any], str]
    ordenar: Callable[[Any], Any] | None = None
    alinhamento: str = "esquerda"  # "esquerda", "direita" ou "centro"
    largura: int | None = None
    cor: Callable[[Any], str | None] | None = None
    dica: Callable[[Any], str | None] | None = None
    esticar: bool = False  # ocupa a sobra da largura (no lugar da última coluna); ``largura`` é o seu mínimo
    titulo_longo: str | None = None  # dica do cabeçalho (o título completo, quando ``titulo`` é curto)
    editar: Callable[[Any, str], None] | None = None  # célula editável: ``editar(linha, texto)`` guarda o digitado
    opcoes: dict[str, str] | None = None  # com ``editar``: escolher numa lista (valor → rótulo); ``editar`` recebe o valor
    marcada: Callable[[Any], bool] | None = None  # caixa de marcar: se está marcada…
    marcar: Callable[[Any, bool], None] | None = None  # …e o que fazer ao marcar/desmarcar
    pode_editar: Callable[[Any], bool] | None = None  # com ``editar``: só edita as linhas em que devolve True
    erro: Callable[[Any], str | None] | None = None  # o problema do valor da célula: fundo vermelho e a mensagem na dica
    pelo_conteudo: bool = True  # False: não alarga pelo texto (``_PeloConteudo``); o longo fica na dica

    @property
    def editavel(self) -> bool:
        return self.editar is not None or self.marcar is not None


_NENHUM = QModelIndex()


class ModeloTabela(QAbstractTableModel):
    """Linhas vindas de um serviço, mostradas segundo a lista de colunas."""

    sig_linhas_trocadas = Signal()  # ``substituir_linhas``: as linhas são outras sem ``modelReset`` (``_PeloConteudo``)

    def __init__(self, colunas: list[Coluna], parent=None, *,
                 cor_linha: Callable[[Any], str | None] | None = None):
        super().__init__(parent)
        self.colunas = colunas
        self._papeis = _papeis(colunas)
        self._cor_linha = cor_linha
        self._linhas: list[Any] = []  # na ordem vista (as linhas do Qt: ``index``, ``data``, ``linha``)
        self._recebidas: list[Any] = []  # na ordem em que chegaram (``definir_linhas``, ``linhas``, ``linha_mudou``)
        self._chegada: list[int] | None = None  # linha do Qt → posição na chegada; None: as mesmas (sem ordenação)
        self._posicoes: list[int] | None = None  # o inverso de ``_chegada`` (``posicao``), feito quando se pede
        self._ordem: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)  # coluna e sentido (``ordenar``)
        self._busca: dict[int, str] = {}  # posição na chegada → texto sem acento da linha (``texto_de_busca``)
        self._sem_acentos: dict[str, str] = {}  # chave de ordenação em texto → sem acento (``_arrumar``)
        self.trocando_colunas = False
        self.substituindo = False  # no meio de ``substituir_linhas``
        self._preparo = QTimer(self)  # prepara o texto de busca de muitas linhas aos poucos (``_preparar_busca``)
        self._preparo.setInterval(_PREPARAR_MS)
        self._preparo.timeout.connect(self._on_preparar)
        self._preparada = 0  # até que linha o texto de busca já foi preparado
        self._armar_flags()

    def definir_linhas(self, linhas: list[Any]) -> None:
        self.beginResetModel()
        antigas, self._recebidas = self._recebidas, list(linhas)
        self._arrumar(None)  # na ordenação escolhida; empates na ordem de chegada (como o proxy do Qt num reset)
        self._busca = {}
        self.endResetModel()
        self._preparar_busca()
        if len(antigas) >= _SOLTAR_FORA and sem_qt(antigas):  # milhares de linhas dos serviços: a memória volta
            soltar(antigas)  # noutra thread (soltura; as da folha de 3.000 servidores eram ~10 ms aqui, issue 16)

    def substituir_linhas(self, linhas: list[Any]) -> None:
        """Troca as linhas como ``definir_linhas``, mas avisando a visão só do que mudou: as linhas em comum mudaram
        (``dataChanged``) e as que sobram ou faltam saem ou entram no fim. O ``modelReset`` de ``definir_linhas`` faz
        a tabela refazer tudo — o cabeçalho e as barras de rolagem se redesenhavam a cada busca dos Atendimentos sem
        nada ter mudado neles (~3-4 ms de CPU da interface por busca, issue 16, meta 3). A seleção e a linha atual
        ficam com quem chama (o reset as limpava; aqui elas ficariam na mesma posição, agora de outra linha)."""
        novas = list(linhas)
        antes, depois = len(self._linhas), len(novas)
        self.substituindo = True  # ``_PeloConteudo`` mede uma vez, no fim (não no rowsInserted do meio)
        try:
            if depois < antes:
                self.beginRemoveRows(QModelIndex(), depois, antes - 1)
            elif depois > antes:
                self.beginInsertRows(QModelIndex(), antes, depois - 1)
            antigas, self._recebidas = self._recebidas, novas
            self._arrumar(None)  # na ordenação escolhida; empates na ordem de chegada (como ``definir_linhas``)
            self._busca = {}
            if depois < antes:
                self.endRemoveRows()
            elif depois > antes:
                self.endInsertRows()
            comum = min(antes, depois)
            if comum:
                self.dataChanged.emit(self.index(0, 0), self.index(comum - 1, len(self.colunas) - 1))
        finally:
            self.substituindo = False
        self.sig_linhas_trocadas.emit()
        self._preparar_busca()
        if len(antigas) >= _SOLTAR_FORA and sem_qt(antigas):
            soltar(antigas)

    def acrescentar_linhas(self, linhas: list[Any]) -> None:
        """Mais linhas no fim, sem refazer as que já estão (a página seguinte de uma lista que chega ao rolar): a
        tabela mantém a rolagem e a linha escolhida. Ordenada pelo cabeçalho, as novas entram no fim e vão para o
        seu lugar (como o proxy do Qt ordenando as inseridas); em ``linhas()``, no fim."""
        if not linhas:
            return
        inicio = len(self._linhas)
        self.beginInsertRows(QModelIndex(), inicio, inicio + len(linhas) - 1)
        if self._chegada is not None:  # ordenada: a ordem vista é outra lista
            self._chegada.extend(range(len(self._recebidas), len(self._recebidas) + len(linhas)))
            self._linhas.extend(linhas)
            self._posicoes = None
        self._recebidas.extend(linhas)  # sem ordenação, ``_linhas`` é esta mesma lista
        self.endInsertRows()
        if self._chegada is not None:
            self._reordenar()
        if len(self._linhas) >= _PREPARAR_A_PARTIR:
            self._preparo.start()  # o texto de busca das novas (as já preparadas ficam)

    def coluna_mudou(self, coluna: int) -> None:
        """Os valores de uma coluna mudaram (calculados depois, em segundo plano): redesenha e refiltra."""
        self._busca = {}  # antes do sinal: o filtro refeito por ele já lê o texto novo
        if self._linhas:
            self.dataChanged.emit(self.index(0, coluna), self.index(len(self._linhas) - 1, coluna))
            if coluna == self._ordem[0]:  # como o proxy do Qt (dynamicSortFilter): a ordem segue os valores novos
                self._reordenar()
        self._preparar_busca()

    def linha_mudou(self, linha: int) -> None:
        """O que se vê na ``linha`` (a posição dela em ``linhas()``, a ordem de chegada) mudou (p.ex. o ``erro``
        conferido em segundo plano): redesenha a linha e, se a chave de ordenação dela mudou, a põe no seu lugar."""
        self._busca.pop(linha, None)
        r = self.posicao(linha)
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.colunas) - 1))
        if not self._no_lugar(r):
            self._reordenar()

    def definir_colunas(self, colunas: list[Coluna]) -> None:
        """Troca as colunas (por exemplo, conforme o tipo do que é mostrado)."""
        self.trocando_colunas = True  # as linhas ainda são as das colunas antigas: nada a medir nelas (_PeloConteudo)
        try:
            self.beginResetModel()
            self.colunas = colunas
            self._papeis = _papeis(colunas)
            self._armar_flags()
            self._busca = {}
            if self._ordem[0] >= len(colunas):
                self._ordem = (-1, Qt.SortOrder.AscendingOrder)
            try:
                self._arrumar(None)
            except Exception:  # noqa: BLE001 — as linhas ainda são as das colunas antigas (KeyError nos Parâmetros):
                self._arrumar(None, ordem=(-1, Qt.SortOrder.AscendingOrder))  # na de chegada até as novas chegarem
            self.endResetModel()
        finally:
            self.trocando_colunas = False
        self._preparar_busca()

    def texto_de_busca(self, linha: int) -> str:
        """O que se vê na linha, todas as colunas, sem acento: onde o filtro procura. Guardado até as linhas ou
        as colunas mudarem — refeito a cada tecla, eram ~200 ms na thread da interface por tecla com 3.000
        servidores (issue 16)."""
        return self._texto_de_busca(linha if self._chegada is None else self._chegada[linha])

    def _texto_de_busca(self, k: int) -> str:
        """``texto_de_busca`` da linha ``k`` da chegada (a chave do que fica guardado: não muda ao reordenar)."""
        texto = self._busca.get(k)
        if texto is None:
            registro = self._recebidas[k]  # o texto de data() (DisplayRole), sem passar pelos índices do Qt
            texto = self._busca[k] = " ".join([sem_acento(c.mostrar(registro) or "") for c in self.colunas])
        return texto

    def _preparar_busca(self) -> None:
        """Com milhares de linhas, prepara o texto de busca de todas aos poucos (``_PREPARAR_LOTE`` a cada
        ``_PREPARAR_MS``): feito na primeira tecla do filtro, eram ~90 ms de uma vez na thread da interface com a
        folha de 3.000 servidores (issue 16)."""
        self._preparada = 0
        if len(self._linhas) >= _PREPARAR_A_PARTIR:
            self._preparo.start()
        else:
            self._preparo.stop()

    def _on_preparar(self) -> None:
        fim = min(self._preparada + _PREPARAR_LOTE, len(self._linhas))
        try:
            for i in range(self._preparada, fim):
                self._texto_de_busca(i)
        except Exception:  # noqa: BLE001 — uma coluna que não mostra esta linha: o filtro acusa, se for usado,
            self._preparo.stop()  # como antes; adiantar o trabalho não cria um erro novo no laço de eventos
            return
        self._preparada = fim
        if fim >= len(self._linhas):
            self._preparo.stop()

    def busca_pronta(self) -> bool:
        """O texto de busca de todas as linhas já está preparado (para os testes esperarem)."""
        return not self._preparo.isActive()

    def linhas(self) -> list[Any]:
        """As linhas na ordem em que chegaram (``definir_linhas``), esteja a tabela ordenada ou não."""
        return list(self._recebidas)

    def linha(self, i: int) -> Any:
        """A linha ``i`` do modelo (a de ``index(i, …)``): na ordem vista, se a tabela está ordenada."""
        return self._linhas[i]

    def posicao(self, k: int) -> int:
        """A linha do modelo (a de ``index``) em que está a ``k``-ésima linha de ``linhas()`` (a ordem de chegada)."""
        if self._chegada is None:
            return k
        if self._posicoes is None:
            self._posicoes = [0] * len(self._chegada)
            for r, j in enumerate(self._chegada):
                self._posicoes[j] = r
        return self._posicoes[k]

    def chave(self, linha: int, coluna: int) -> Any:
        """A chave de ordenação da linha ``linha`` do modelo (qualquer valor Python comparável; texto sem acento)."""
        return _chave(self.colunas[coluna], self._linhas[linha])

    # -- ordenação ----------------------------------------------------------------------------------
    def ordenar(self, coluna: int, ordem=Qt.SortOrder.AscendingOrder) -> None:
        """Ordena as linhas pela chave da ``coluna`` (-1: a ordem de chegada) — o clique no cabeçalho chega aqui pelo
        ``ProxyFiltro.sort``. Estável sobre a ordem vista, como o ``std::stable_sort`` do proxy do Qt; a seleção e a
        linha atual seguem as suas linhas (índices persistentes)."""
        self._ordem = (coluna if 0 <= coluna < len(self.colunas) else -1, Qt.SortOrder(ordem))
        self._reordenar()

    def _reordenar(self) -> None:
        """Põe as linhas na ``_ordem`` partindo da ordem vista, avisando a visão e o proxy (``layoutChanged``)."""
        self.layoutAboutToBeChanged.emit()
        antes = self.persistentIndexList()
        chegada_antes = [self._chegada[i.row()] if self._chegada is not None else i.row() for i in antes]
        self._arrumar(self._chegada)
        self.changePersistentIndexList(antes, [self.index(self.posicao(k), i.column())
                                               for k, i in zip(chegada_antes, antes)])
        self.layoutChanged.emit()

    def _arrumar(self, base: list[int] | None, ordem: tuple[int, Qt.SortOrder] | None = None) -> None:
        """``_linhas`` e ``_chegada`` na ``ordem`` (a ``_ordem``), partindo da ordem ``base`` (posições na chegada;
        None: a de chegada). A chave de cada linha é calculada uma vez e o Python ordena — o ``lessThan`` em Python do
        QSortFilterProxyModel calculava as duas chaves a cada comparação (~35 mil para 3.000 linhas, ~4 µs só para
        atravessar o PySide): receber a folha de 3.000 servidores ordenada, ou ordená-la pelo cabeçalho, eram
        140–470 ms na thread da interface (issue 16). A mesma ordem que o ``lessThan`` dava: vazio (None) antes na
        crescente e depois na decrescente; tipos que não se comparam, pelo texto; empates na ordem ``base``."""
        coluna, sentido = self._ordem if ordem is None else ordem
        recebidas = self._recebidas
        self._posicoes = None
        if coluna < 0:  # sem coluna, o proxy do Qt punha as linhas na ordem do modelo (decrescente: ao contrário)
            if sentido == Qt.SortOrder.AscendingOrder:
                self._linhas, self._chegada = recebidas, None
            else:
                self._chegada = list(range(len(recebidas) - 1, -1, -1))
                self._linhas = recebidas[::-1]
            return
        base = list(range(len(recebidas))) if base is None else base
        c, guardados = self.colunas[coluna], self._sem_acentos
        if len(guardados) > _SEM_ACENTOS_GUARDADOS:
            guardados.clear()
        chaves = [_chave(c, recebidas[k], guardados) for k in base]
        decrescente = sentido == Qt.SortOrder.DescendingOrder
        try:  # (vazio?, chave): None antes de tudo sem comparar None com nada
            ordem_vista = sorted(range(len(base)), key=lambda i: (chaves[i] is not None, chaves[i]), reverse=decrescente)
        except TypeError:  # chaves de tipos que não se comparam (texto e número): a comparação do lessThan, par a par
            ordem_vista = sorted(range(len(base)), key=cmp_to_key(lambda i, j: _comparar(chaves[i], chaves[j])),
                                 reverse=decrescente)
        self._chegada = [base[i] for i in ordem_vista]
        self._linhas = [recebidas[k] for k in self._chegada]

    def _no_lugar(self, r: int) -> bool:
        """A linha ``r`` do modelo continua em ordem com as vizinhas (a chave dela pode ter mudado)."""
        coluna, sentido = self._ordem
        if coluna < 0:
            return True
        c, linhas = self.colunas[coluna], self._linhas
        chave = _chave(c, linhas[r])
        antes = _chave(c, linhas[r - 1]) if r > 0 else None
        depois = _chave(c, linhas[r + 1]) if r + 1 < len(linhas) else None
        if sentido == Qt.SortOrder.DescendingOrder:
            return (r == 0 or not _menor(antes, chave)) and (r + 1 == len(linhas) or not _menor(chave, depois))
        return (r == 0 or not _menor(chave, antes)) and (r + 1 == len(linhas) or not _menor(depois, chave))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (nome do Qt)
        return 0 if parent.isValid() else len(self._linhas)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.colunas)

    def data(self, index: QModelIndex, role=_EXIBIR):
        # Chamado a cada célula e papel em toda pintura: os papéis que a tabela não usa (fonte, fundo, ícone, marca)
        # voltam já, antes de tocar no índice, e os usados se comparam com inteiros (issue 16: ~15% a menos por
        # pintura). A pintura pede os papéis todos de uma vez (``multiData``).
        if role not in self._papeis or not index.isValid():
            return None
        return self._dado(self.colunas[index.column()], self._linhas[index.row()], role)

    def multiData(self, index: QModelIndex, papeis) -> None:  # noqa: N802
        """Os papéis que o delegado pede para pintar uma célula (sete) numa volta só ao Python: o padrão do Qt chama
        ``data`` uma vez por papel — e, pelo proxy, cada uma pedia também um índice daqui, com rowCount e columnCount
        (issue 16: ~3.000 chamadas ao Python por pintura de uma página da aba Atendimentos). O mesmo valor que
        ``data`` dá a cada papel."""
        if index.isValid():
            self.preencher(index.row(), index.column(), papeis)
        else:
            self.preencher(-1, -1, papeis)

    def preencher(self, linha: int, coluna: int, papeis) -> None:
        """Põe em ``papeis`` (um QModelRoleDataSpan) o valor de cada papel na célula (``linha`` -1: nenhuma). Todos
        os papéis recebem valor: o delegado do Qt reaproveita o mesmo espaço de uma célula para a outra."""
        valida = linha >= 0
        c = self.colunas[coluna] if valida else None
        registro = self._linhas[linha] if valida else None
        usados = self._papeis
        for k in range(len(papeis)):
            papel = papeis[k]
            role = papel.role()
            papel.setData(self._dado(c, registro, role) if valida and role in usados else None)

    def _dado(self, coluna: Coluna, linha: Any, role: int):
        """O valor de um papel (já entre os usados) numa célula: ``data`` e ``multiData``."""
        if role == _EXIBIR:
            return coluna.mostrar(linha)
        if role == _EDITAR:  # o texto com que o editor abre
            return coluna.mostrar(linha) if coluna.editar else None
        if role == _MARCA:
            if coluna.marcada is None:
                return None
            return Qt.CheckState.Checked if coluna.marcada(linha) else Qt.CheckState.Unchecked
        if role == _ALINHAR:
            return _ALINHAMENTOS.get(coluna.alinhamento, _ESQUERDA)
        if role == _COR:
            cor = coluna.cor(linha) if coluna.cor else None
            cor = cor or (self._cor_linha(linha) if self._cor_linha else None)
            return QColor(cor) if cor else None
        problema = coluna.erro(linha) if coluna.erro else None
        if role == _FUNDO:
            return QColor(_VERMELHO) if problema else None
        if problema:  # _DICA: a mensagem do erro antes da dica
            return problema
        return coluna.dica(linha) if coluna.dica else coluna.mostrar(linha)  # _DICA

    def _armar_flags(self) -> None:
        """Só o modelo com coluna de editar ou de marcar responde ``flags`` em Python (``_flags``, posto na instância: o
        PySide procura a sobrescrita também ali); o só de leitura fica com o ``flags`` do Qt (selecionável e
        habilitada), sem volta ao Python. A tabela pede ``flags`` duas vezes a cada célula que pinta, e o proxy pedia
        à coluna, com a conversão do ``enum`` do PySide: oito voltas ao Python por célula, mais da metade das da
        pintura de uma página dos Atendimentos (issue 16, meta 3)."""
        if any(c.editar is not None or c.marcar is not None for c in self.colunas):
            self.flags = self._flags
        else:
            self.__dict__.pop("flags", None)

    def _flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self.flags_celula(index.row(), index.column())

    def index(self, linha: int, coluna: int, parent=QModelIndex()) -> QModelIndex:
        """O de ``QAbstractTableModel``, numa volta ao Python em vez de duas (o dele pergunta ``rowCount`` e
        ``columnCount``): o proxy pede um índice daqui a cada célula que mapeia (as ``flags`` de cada célula pintada)."""
        if 0 <= linha < len(self._linhas) and 0 <= coluna < len(self.colunas) and not parent.isValid():
            return self.createIndex(linha, coluna)
        return _NENHUM

    def flags_celula(self, linha: int, coluna: int):
        """``flags`` de uma célula válida, pela linha e coluna do modelo."""
        c = self.colunas[coluna]
        if c.editar is not None:
            if c.pode_editar is not None and not c.pode_editar(self._linhas[linha]):
                return _SELECIONAVEL
            return _SELECIONAVEL | Qt.ItemFlag.ItemIsEditable
        if c.marcar is not None:
            return _SELECIONAVEL | Qt.ItemFlag.ItemIsUserCheckable
        return _SELECIONAVEL

    def setData(self, index: QModelIndex, valor, role=_EDITAR) -> bool:  # noqa: N802
        """O que o usuário digitou (F2) ou marcou (espaço, clique) vai para ``editar``/``marcar`` da coluna."""
        if not index.isValid():
            return False
        coluna, linha = self.colunas[index.column()], self._linhas[index.row()]
        if int(role) == _EDITAR and coluna.editar is not None:
            coluna.editar(linha, "" if valor is None else str(valor))
        elif int(role) == _MARCA and coluna.marcar is not None:
            coluna.marcar(linha, int(getattr(valor, "value", valor)) == Qt.CheckState.Checked.value)
        else:
            return False
        self._busca.pop(index.row() if self._chegada is None else self._chegada[index.row()], None)
        self.dataChanged.emit(index, index)
        if index.column() == self._ordem[0] and not self._no_lugar(index.row()):
            self._reordenar()  # como o proxy do Qt (dynamicSortFilter): a linha editada vai para o seu lugar
        return True

    def headerData(self, secao: int, orientacao, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientacao == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.colunas[secao].titulo
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.colunas[secao].titulo_longo or self.colunas[secao].titulo
            if role == Qt.ItemDataRole.TextAlignmentRole:
                alinhamento = self.colunas[secao].alinhamento
                return _ALINHAMENTOS.get(alinhamento, _ESQUERDA)
        return None


def _chave(coluna: Coluna, registro: Any, sem_acentos: dict[str, str] | None = None) -> Any:
    """A chave de ordenação de uma linha numa coluna (qualquer valor Python comparável; texto sem acento).
    ``sem_acentos``: os textos já sem acento, guardados (``ModeloTabela._arrumar``)."""
    chave = coluna.ordenar(registro) if coluna.ordenar else coluna.mostrar(registro)
    if not isinstance(chave, str):
        return chave
    if sem_acentos is None:
        return sem_acento(chave)
    texto = sem_acentos.get(chave)
    if texto is None:
        texto = sem_acentos[chave] = sem_acento(chave)
    return texto


def _menor(a: Any, b: Any) -> bool:
    """A comparação de duas chaves (a do ``lessThan`` de antes): vazio (None) vem antes; tipos que não se comparam,
    pelo texto."""
    if a is None or b is None:
        return a is None and b is not None
    try:
        return a < b
    except TypeError:
        return str(a) < str(b)


def _comparar(a: Any, b: Any) -> int:
    return -1 if _menor(a, b) else (1 if _menor(b, a) else 0)


def _papeis(colunas: list[Coluna]) -> frozenset:
    papeis = _PAPEIS_EDITAVEIS if any(c.editavel for c in colunas) else _PAPEIS
    return papeis | {_FUNDO} if any(c.erro for c in colunas) else papeis


class ProxyFiltro(QSortFilterProxyModel):
    """Filtra por texto em qualquer coluna, sem acento; ordenar (o clique no cabeçalho) é com o modelo
    (``ModeloTabela.ordenar``), e o proxy mostra as linhas na ordem dele."""

    def __init__(self, modelo: ModeloTabela, parent=None):
        super().__init__(parent)
        self.setSourceModel(modelo)
        self._termos: list[str] = []

    def definir_texto(self, texto: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 ou mais novo
            self.beginFilterChange()
            self._termos = sem_acento(texto).split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._termos = sem_acento(texto).split()
            self.invalidateRowsFilter()

    def sort(self, coluna: int, ordem=Qt.SortOrder.AscendingOrder) -> None:  # noqa: D102 (nome do Qt)
        """Quem ordena é o modelo (``ModeloTabela.ordenar``); o proxy fica sem coluna de ordenação — com ela, chamaria
        o ``lessThan`` em Python a cada comparação (issue 16). A visão mostra a ordenação no cabeçalho."""
        self.sourceModel().ordenar(coluna, ordem)

    def filterAcceptsRow(self, linha: int, pai: QModelIndex) -> bool:  # noqa: N802
        if not self._termos:
            return True
        texto = self.sourceModel().texto_de_busca(linha)
        return all(t in texto for t in self._termos)

    def multiData(self, index: QModelIndex, papeis) -> None:  # noqa: N802 (nome do Qt)
        """Os papéis da célula pedidos ao modelo de uma vez (``ModeloTabela.preencher``): o padrão do Qt pedia cada papel
        por ``data``, e cada um mapeava o índice de novo. Sem filtro a linha daqui é a do modelo (o proxy não ordena:
        ``sort``): nem se mapeia (o mapeamento pede ao modelo um índice, ida e volta ao Python a cada célula
        pintada)."""
        if not index.isValid():
            self.sourceModel().preencher(-1, -1, papeis)
        elif not self._termos:
            self.sourceModel().preencher(index.row(), index.column(), papeis)
        else:
            origem = self.mapToSource(index)
            self.sourceModel().preencher(origem.row(), origem.column(), papeis)

    def linha_origem(self, indice_proxy: QModelIndex) -> Any:
        return self.sourceModel().linha(self.mapToSource(indice_proxy).row())

    def linhas_visiveis(self) -> list[Any]:
        return [self.linha_origem(self.index(i, 0)) for i in range(self.rowCount())]


def criar_visao(proxy: ProxyFiltro, parent: QWidget | None = None, *, nome: str = "",
                ordenavel: bool = True, planilha: bool = False) -> QTableView:
    """QTableView com seleção de uma linha, ordenação pelo cabeçalho (``ordenavel``) e larguras das colunas;
    ``planilha``: seleção de uma célula, digitar edita, Tab anda pelas células, Enter confirma e desce."""
    visao = _Planilha(parent) if planilha else QTableView(parent)
    visao.setModel(proxy)
    visao.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems if planilha
                               else QAbstractItemView.SelectionBehavior.SelectRows)
    visao.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if any(c.editar for c in proxy.sourceModel().colunas):  # grade de entrada: F2, Enter ou duplo clique edita
        gatilhos = QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        if planilha:  # e digitar começa a editar
            gatilhos |= QAbstractItemView.EditTrigger.AnyKeyPressed
        visao.setEditTriggers(gatilhos)
        if not planilha:  # na planilha, Enter desce (_Planilha)
            visao.installEventFilter(_EnterEdita(visao))
        visao.setItemDelegate(_DelegadoTexto(visao))
        for i, coluna in enumerate(proxy.sourceModel().colunas):
            if coluna.editar is not None and coluna.opcoes:
                visao.setItemDelegateForColumn(i, _DelegadoOpcoes(coluna.opcoes, visao))
    else:
        visao.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        visao.setItemDelegate(_DelegadoLeitura(proxy, visao))
    visao.setSortingEnabled(ordenavel)
    visao.setAlternatingRowColors(True)
    visao.setWordWrap(False)
    visao.setTabKeyNavigation(planilha)
    visao.verticalHeader().hide()
    visao.verticalHeader().setDefaultSectionSize(visao.fontMetrics().height() + 10)
    cab = visao.horizontalHeader()
    cab.setHighlightSections(False)
    ajustar_colunas(visao)
    if nome:
        visao.setAccessibleName(nome)
    visao.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    return visao


class _Planilha(QTableView):
    """A grade de entrada como planilha: Enter (fora do editor) desce para a linha de baixo; Enter no editor
    confirma a célula e desce."""

    def _descer(self) -> None:
        i = self.currentIndex()
        if i.isValid() and i.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(i.siblingAtRow(i.row() + 1))

    def moveCursor(self, acao, modificadores) -> QModelIndex:  # noqa: N802 (nome do Qt)
        """Tab e Shift+Tab vão à próxima (anterior) célula em que se digita, pulando as só de leitura e as de
        ``pode_editar`` falso (dando a volta, como o Qt); sem nenhuma, andam célula a célula como o Qt."""
        indice = super().moveCursor(acao, modificadores)
        atual = self.currentIndex()
        modelo, cab = self.model(), self.horizontalHeader()
        if (acao not in (self.CursorAction.MoveNext, self.CursorAction.MovePrevious) or not atual.isValid()
                or not any(c.editar for c in modelo.sourceModel().colunas)):  # sem permissão: nada a procurar
            return indice
        linhas, colunas = modelo.rowCount(), modelo.columnCount()
        passo = 1 if acao == self.CursorAction.MoveNext else -1
        inicio, total = atual.row() * colunas + cab.visualIndex(atual.column()), linhas * colunas
        for k in range(1, total):
            linha, visual = divmod((inicio + passo * k) % total, colunas)
            candidato = modelo.index(linha, cab.logicalIndex(visual))
            if not cab.isSectionHidden(candidato.column()) and candidato.flags() & Qt.ItemFlag.ItemIsEditable:
                return candidato
        return indice

    def keyPressEvent(self, evento) -> None:  # noqa: N802 (nome do Qt)
        if evento.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            self._descer()
            return
        if _troca_de_aba(evento):  # segue para o QTabWidget de fora (o Qt o tomava como Tab: andava de célula)
            evento.ignore()
            return
        super().keyPressEvent(evento)

    def closeEditor(self, editor, dica) -> None:  # noqa: N802
        super().closeEditor(editor, dica)
        if dica == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._descer()


def confirmar_edicao(visao: QTableView) -> None:
    """Grava o que está no editor aberto (p.ex. Ctrl+S no meio da digitação) e fecha o editor."""
    if visao.state() != QAbstractItemView.State.EditingState:
        return
    editor = QApplication.focusWidget()
    if editor is not None and editor is not visao and visao.isAncestorOf(editor):  # o editor desta tabela
        visao.commitData(editor)
        visao.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class _EnterEdita(QObject):
    """Enter numa grade de entrada abre o editor da célula (a atual, se editável, ou a primeira editável da linha)
    em vez de seguir para a janela — num diálogo, o Enter que escapa da tabela aperta o botão padrão e o fecha."""

    def eventFilter(self, visao, evento) -> bool:  # noqa: N802
        if (evento.type() != QEvent.Type.KeyPress or evento.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                or visao.state() == QAbstractItemView.State.EditingState or not visao.currentIndex().isValid()):
            return False
        atual = visao.currentIndex()
        colunas = visao.model().sourceModel().colunas
        ordem = [atual.column()] + [i for i in range(len(colunas)) if i != atual.column()]
        editavel = Qt.ItemFlag.ItemIsEditable  # a coluna com ``editar`` cujo ``pode_editar`` deixa nesta linha
        coluna = next((i for i in ordem if visao.model().flags(atual.siblingAtColumn(i)) & editavel), None)
        if coluna is not None:
            indice = atual.siblingAtColumn(coluna)
            visao.setCurrentIndex(indice)
            visao.edit(indice)
        return True


class _EnterAbre(QObject):
    """Enter numa lista com "abrir" abre a linha atual e para ali: num diálogo, o Enter que seguia da tabela para a
    janela apertava também o botão padrão (o primeiro botão, p.ex. Anexar arquivo)."""

    def __init__(self, visao: QTableView, ao_abrir: Callable[[Any], None]):
        super().__init__(visao)
        self._ao_abrir = ao_abrir

    def eventFilter(self, visao, evento) -> bool:  # noqa: N802
        if (evento.type() != QEvent.Type.KeyPress or evento.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                or visao.state() == QAbstractItemView.State.EditingState):
            return False
        if visao.currentIndex().isValid():
            self._ao_abrir(visao.model().linha_origem(visao.currentIndex()))
        return True


def _troca_de_aba(evento) -> bool:
    """Ctrl+Tab ou Ctrl+Shift+Tab (que chega como Backtab): a tecla do QTabWidget para trocar de aba."""
    return (evento.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and bool(evento.modifiers() & Qt.KeyboardModifier.ControlModifier))


def _editor_e_troca_de_aba(delegado: QStyledItemDelegate, editor, evento) -> bool:
    """Ctrl+Tab no editor aberto: grava o que se digitou, fecha o editor e deixa a tecla seguir para o QTabWidget
    (o delegado do Qt a tomava como Tab e abria a célula seguinte)."""
    if evento.type() != QEvent.Type.KeyPress or not _troca_de_aba(evento):
        return False
    delegado.commitData.emit(editor)
    delegado.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    return True


_TEM_TEXTO = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_COR_DO_TEXTO = QPalette.ColorRole.Text
# o estado da célula como inteiro: cada ``&`` entre flags do PySide passa pelo ``enum`` do Python (~2 µs; quatro por
# célula pintada)
_ESCOLHIDA = QStyle.StateFlag.State_Selected.value
_COM_FOCO = QStyle.StateFlag.State_HasFocus.value
_ATIVA = QStyle.StateFlag.State_Active.value
_HABILITADA = QStyle.StateFlag.State_Enabled.value
_NORMAL, _INATIVA, _DESABILITADA = QPalette.ColorGroup.Normal, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled
_REALCE, _TEXTO_REALCE = QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText
_TEXTOS_GUARDADOS = 5000  # textos já preparados para pintar (``_DelegadoLeitura``); passando disso, recomeça


_DO_QT = object()  # ``_DelegadoLeitura._quadro`` da tabela que o Qt pinta
_NOVO_QUADRO = frozenset((QEvent.Type.Paint, QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange))


class _Quadro(QObject):
    """Cada pintura da área das linhas (ou troca de fonte, paleta, estilo) começa um quadro novo do delegado."""

    def __init__(self, delegado: "_DelegadoLeitura", parent: QWidget):
        super().__init__(parent)
        self._delegado = delegado

    def eventFilter(self, _objeto, evento) -> bool:  # noqa: N802 (nome do Qt)
        if evento.type() in _NOVO_QUADRO:
            self._delegado._quadro = None
        return False


class _DelegadoLeitura(QStyledItemDelegate):
    """O delegado das tabelas só de leitura: prepara a célula para pintar lendo a linha e a coluna direto no modelo —
    o texto, o alinhamento e a cor, o que o do Qt faria com os papéis de ``data`` (``initStyleOption``), sem o espaço
    de papéis que ele pede ao Python e devolve papel a papel (sete objetos por célula; issue 16: ~40 mil instruções
    por célula pintada a menos). Com colunas de marcar ou de ``erro`` (outros papéis), um texto que não é texto (o Qt o
    formataria pelo idioma) ou outro modelo na tabela, é o do Qt."""

    def __init__(self, proxy: "ProxyFiltro", parent: QWidget):
        super().__init__(parent)
        self._proxy = proxy
        self._textos: dict[tuple[str, int], tuple[QStaticText, float, float]] = {}  # (texto, largura) → pronto
        self._fonte = None  # a fonte com que os textos guardados foram preparados
        self._modo = None  # e onde as reticências ficam (``textElideMode`` da tabela)
        self._margem: int | None = None  # a margem do texto na célula (a do estilo)
        self._visao = parent
        self._modelo = proxy.sourceModel()
        self._quadro = None  # o que vale para todas as células da pintura em curso (``_preparar``)
        parent.viewport().installEventFilter(_Quadro(self, parent))

    def _celula(self, indice: QModelIndex) -> tuple[Coluna, Any]:
        """A coluna e o registro da célula ``indice`` do proxy."""
        proxy = self._proxy
        if not proxy._termos:  # sem filtro, a linha é a do modelo (quem ordena é o modelo)
            linha, coluna = indice.row(), indice.column()
        else:
            origem = proxy.mapToSource(indice)
            linha, coluna = origem.row(), origem.column()
        modelo = proxy.sourceModel()
        return modelo.colunas[coluna], modelo._linhas[linha]

    def paint(self, painter, opcao, indice) -> None:
        """Pinta a célula como o Qt a pintaria (o mesmo, ponto a ponto: ``tests/screens/test_tabela_modelo.py``) com o
        texto preparado uma vez (``QStaticText``, guardado por texto e largura): o estilo do Qt montava o texto de
        cada célula a cada pintura (``QTextLayout``, com a medida e as reticências) — ~30% da pintura de uma página da
        aba Atendimentos (issue 16, meta 3). O fundo alternado e a grade continuam da tabela. A célula com foco,
        as de marcar ou de ``erro``, as de outro modelo e as da tabela que quebra o texto em linhas
        (``setWordWrap``) são pintadas pelo Qt."""
        quadro = self._quadro
        if quadro is None:
            quadro = self._preparar(opcao)
        modelo = self._modelo
        # ``_value_``, não ``value``: o mesmo inteiro sem o descritor do ``enum`` (duas voltas ao Python por célula)
        estado = opcao.state._value_
        if quadro is _DO_QT or modelo._papeis is not _PAPEIS or estado & _COM_FOCO:
            super().paint(painter, opcao, indice)
            return
        proxy = self._proxy  # a célula do modelo (``_celula``, aqui dentro: uma volta ao Python a menos por célula)
        if not proxy._termos:  # sem filtro, a linha é a do modelo (quem ordena é o modelo)
            c, registro = modelo.colunas[indice.column()], modelo._linhas[indice.row()]
        else:
            origem = proxy.mapToSource(indice)
            c, registro = modelo.colunas[origem.column()], modelo._linhas[origem.row()]
        texto = c.mostrar(registro)
        if texto is not None and (not isinstance(texto, str) or "\n" in texto):  # a quebra: várias linhas no Qt
            super().paint(painter, opcao, indice)
            return
        fonte, metricas, modo, margem, cores = quadro
        grupo = (0 if estado & _ATIVA else 1) if estado & _HABILITADA else 2  # Normal, Inactive, Disabled (a do Qt)
        texto_normal, realce, texto_realce = cores[grupo]
        if estado & _ESCOLHIDA:  # a tabela mostra a escolha na célula toda (showDecorationSelected)
            painter.fillRect(opcao.rect, realce)
            cor = texto_realce
        elif c.cor is None and modelo._cor_linha is None:  # sem cor própria (a maioria das tabelas): a da paleta
            cor = texto_normal
        else:
            cor = modelo._dado(c, registro, _COR) or texto_normal
        if not texto:
            return
        x, y, largura, altura = opcao.rect.getRect()
        x, largura = x + margem, largura - 2 * margem  # a área do texto (rect.adjusted(margem, 0, -margem, 0))
        pronto = self._textos.get((texto, largura))
        if pronto is None:
            visto = texto
            if metricas.horizontalAdvance(visto) > largura:
                visto = metricas.elidedText(visto, modo, largura)
            estatico = QStaticText(visto)
            estatico.setTextFormat(Qt.TextFormat.PlainText)
            estatico.prepare(font=fonte)
            tamanho = estatico.size()
            pronto = self._textos[(texto, largura)] = (estatico, tamanho.width(), tamanho.height())
        estatico, w, h = pronto
        if c.alinhamento == "direita":
            x = x + largura - w
        elif c.alinhamento == "centro":
            x = x + (largura - w) / 2
        painter.setPen(cor)
        painter.setFont(fonte)  # o texto sai na fonte do pintor (a do viewport, que a folha de estilo fixa), não na preparada
        painter.drawStaticText(QPointF(x, y + (altura - h) / 2), estatico)

    def _preparar(self, opcao):
        """O que vale para todas as células de uma pintura da tabela (a fonte, as reticências, a margem, as cores da
        paleta; ``_DO_QT`` se a tabela é pintada pelo Qt), lido uma vez por pintura (``_Quadro``): a opção de cada
        célula traz a fonte e a paleta da tabela, e copiá-las e compará-las a cada célula eram ~1/3 do Python da
        pintura de uma página dos Atendimentos (issue 16, meta 3)."""
        visao = self._visao
        if visao.wordWrap() or visao.model() is not self._proxy:  # a tabela que quebra o texto em linhas: o Qt o
            self._quadro = _DO_QT  # dispõe em várias; outro modelo: o delegado do Qt
            return _DO_QT
        fonte, modo = QFont(opcao.font), opcao.textElideMode  # cópias: a opção é do Qt, que a reaproveita
        if (self._fonte is None or fonte != self._fonte or modo is not self._modo
                or len(self._textos) > _TEXTOS_GUARDADOS):  # outra fonte ou outras reticências: os preparados não valem
            self._textos, self._fonte, self._modo = {}, fonte, modo
        if self._margem is None:  # a do QCommonStyle: PM_FocusFrameHMargin + 1 de cada lado
            self._margem = visao.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, visao) + 1
        paleta = opcao.palette
        cores = tuple((paleta.color(g, _COR_DO_TEXTO), paleta.brush(g, _REALCE), paleta.color(g, _TEXTO_REALCE))
                      for g in (_NORMAL, _INATIVA, _DESABILITADA))
        self._quadro = (self._fonte, QFontMetrics(opcao.fontMetrics), modo, self._margem, cores)
        return self._quadro

    def initStyleOption(self, opcao, indice) -> None:  # noqa: N802 (nome do Qt)
        proxy = self._proxy
        modelo = proxy.sourceModel()
        if modelo._papeis is not _PAPEIS or not indice.isValid() or indice.model() is not proxy:
            super().initStyleOption(opcao, indice)
            return
        c, registro = self._celula(indice)
        texto = c.mostrar(registro)
        if texto is not None and not isinstance(texto, str):
            super().initStyleOption(opcao, indice)
            return
        opcao.index = indice
        opcao.displayAlignment = _ALINHAMENTOS.get(c.alinhamento, _ESQUERDA)
        cor = modelo._dado(c, registro, _COR)
        if cor is not None:
            paleta = opcao.palette
            paleta.setBrush(_COR_DO_TEXTO, QBrush(cor))
            opcao.palette = paleta
        if texto is not None:
            opcao.features = opcao.features | _TEM_TEXTO
            opcao.text = texto.replace("\n", "\u2028")  # como displayText do Qt: a quebra vira separador de linha
        opcao.backgroundBrush = QBrush()
        opcao.styleObject = None


class _DelegadoTexto(QStyledItemDelegate):
    """O editor de texto abre com o valor da célula e depois é de quem digita: o Qt 6 reescreve com o valor do modelo
    o editor aberto em qualquer célula que um ``dataChanged`` cubra, e ``linha_mudou`` (a conferência da célula
    anterior, que chega em segundo plano) apagava o que se digitava na seguinte da mesma linha."""

    def eventFilter(self, editor, evento) -> bool:  # noqa: N802
        if _editor_e_troca_de_aba(self, editor, evento):
            return False  # a tecla segue do editor para a tabela e dela para o QTabWidget
        return super().eventFilter(editor, evento)

    def setEditorData(self, editor, indice) -> None:  # noqa: N802
        if not editor.property("paco_aberto"):
            editor.setProperty("paco_aberto", True)
            super().setEditorData(editor, indice)


class _DelegadoOpcoes(QStyledItemDelegate):
    """O editor de uma coluna com ``opcoes``: uma lista; a escolha vale ao escolher (sem precisar de Enter)."""

    def __init__(self, opcoes: dict[str, str], parent: QWidget):
        super().__init__(parent)
        self._opcoes = opcoes

    def createEditor(self, parent, _opcao, _indice):  # noqa: N802
        combo = QComboBox(parent)
        for valor, rotulo in self._opcoes.items():
            combo.addItem(rotulo, valor)
        combo.activated.connect(lambda _i: (self.commitData.emit(combo), self.closeEditor.emit(combo)))
        return combo

    def eventFilter(self, editor, evento) -> bool:  # noqa: N802
        if _editor_e_troca_de_aba(self, editor, evento):
            return False  # a tecla segue do editor para a tabela e dela para o QTabWidget
        return super().eventFilter(editor, evento)

    def setEditorData(self, combo, indice) -> None:  # noqa: N802
        """Abre no valor da célula: o rótulo que ela mostra ou, se ela mostra o valor (a chave), esse valor — sem
        achar, abria na primeira opção, e Tab ou sair da célula gravava essa opção no lugar do valor da linha."""
        texto = indice.data() or ""
        achado = combo.findText(texto)
        combo.setCurrentIndex(max(0, achado if achado >= 0 else combo.findData(texto)))

    def setModelData(self, combo, modelo, indice) -> None:  # noqa: N802
        modelo.setData(indice, combo.currentData(), Qt.ItemDataRole.EditRole)


class _Esticada(QObject):
    """A coluna ``esticar`` ocupa a sobra da largura, mas não fica mais estreita que a sua ``largura`` (ou o título):
    sem sobra, a tabela rola na horizontal, em vez de a coluna principal (o nome, o curso) sumir — o modo Stretch do
    Qt a deixava com poucos pixels quando as outras colunas somavam mais que a tela (visto a 1366×768)."""

    def __init__(self, visao: QTableView, coluna: int, minimo: int):
        super().__init__(visao)
        self._visao, self.coluna, self.minimo, self._ajustando = visao, coluna, minimo, False
        visao.viewport().installEventFilter(self)
        visao.horizontalHeader().sectionResized.connect(self._on_secao)

    def soltar(self) -> None:
        from .descarte import descartar

        self._visao.viewport().removeEventFilter(self)
        self._visao.horizontalHeader().sectionResized.disconnect(self._on_secao)
        descartar(self)

    def eventFilter(self, _objeto, evento) -> bool:  # noqa: N802
        if evento.type() == QEvent.Type.Resize:
            self.ajustar()
        return False

    def _on_secao(self, indice: int, _antes: int, _agora: int) -> None:
        if indice != self.coluna:  # outra coluna mudou de largura (pelo usuário): a sobra muda
            self.ajustar()

    def ajustar(self) -> None:
        if self._ajustando:
            return
        cab = self._visao.horizontalHeader()
        outras = sum(cab.sectionSize(i) for i in range(cab.count()) if i != self.coluna and not cab.isSectionHidden(i))
        self._ajustando = True
        try:
            cab.resizeSection(self.coluna, max(self.minimo, self._visao.viewport().width() - outras))
        finally:
            self._ajustando = False


_AMOSTRA = 200  # linhas medidas por ``_PeloConteudo`` (as primeiras): datas, tipos e situações têm largura parecida
_TETO_LETRAS = 36  # coluna que não estica cresce pelo conteúdo até ~36 letras (datas, situações, nomes); texto mais longo fica cortado (e na dica)
_LARGURAS_GUARDADAS = 20_000  # textos medidos guardados por tabela (``_PeloConteudo``); passando disso, recomeça


class _PeloConteudo(QObject):
    """Quando as linhas chegam, cada coluna que não estica alarga até caber o seu texto (medido nas primeiras
    ``_AMOSTRA`` linhas, até ``_TETO_LETRAS`` letras): as larguras fixas das colunas, pensadas em pontos, cortavam
    com reticências datas e situações curtas ('impugna…', '28/05/2027 (juntad…') com sobra na tabela (visto a
    1366×768 com a folha de estilo). A coluna ``esticar`` cede a sobra (``_Esticada``). Só alarga e só quando o
    conteúdo pede mais do que já pediu: a coluna que o usuário estreitou fica estreita ao reler as mesmas linhas.
    Cada texto diferente é medido uma vez e a largura fica guardada (na fonte da tabela): ao reler — a folha
    depois do fechamento, a lista de servidores depois de uma edição — nomes, matrículas, lotações e valores se
    repetem, e medir as 200 linhas de cada coluna de novo eram ~1.400 chamadas ao Qt, ~12 ms na thread da
    interface (issue 16)."""

    def __init__(self, visao: QTableView, esticada: int | None):
        super().__init__(visao)
        self._visao, self._esticada = visao, esticada
        self._medido: dict[int, int] = {}
        self._larguras: dict[str, int] = {}  # texto → largura, medida com a fonte ``_fonte``
        self._margens: dict[int, tuple[int, int]] = {}  # coluna → (grade, margem), medida com a fonte ``_fonte``
        self._fonte = ""
        self._modelo = visao.model().sourceModel()
        self._modelo.modelReset.connect(self.medir)
        self._modelo.rowsInserted.connect(self.medir)
        self._modelo.sig_linhas_trocadas.connect(self.medir)

    def soltar(self) -> None:
        from .descarte import descartar

        self._modelo.modelReset.disconnect(self.medir)
        self._modelo.rowsInserted.disconnect(self.medir)
        self._modelo.sig_linhas_trocadas.disconnect(self.medir)
        descartar(self)

    def _margem(self, coluna: int) -> int:
        """O que a célula soma ao texto (margens do estilo e da folha de estilo), medido pelo delegado numa célula à
        vista (sem nenhuma, a margem do estilo: ``PM_FocusFrameHMargin`` + 1 de cada lado, como o QCommonStyle), e
        a linha da grade — com 1 ponto a menos o texto já sai com reticências (o mesmo que ``sizeHintForColumn``).
        A medida numa célula fica guardada por coluna (na fonte ``_fonte`` e com a grade de então): a margem não
        depende do texto, e medi-la a cada busca dos Atendimentos era pedir ao delegado o tamanho de uma célula por
        coluna (``sizeHintForIndex``, com o ``initStyleOption`` em Python) a cada chegada de linhas (issue 16)."""
        visao = self._visao
        grade = 1 if visao.showGrid() else 0
        guardada = self._margens.get(coluna)
        if guardada is not None and guardada[0] == grade:
            return guardada[1]
        indice = visao.model().index(0, coluna)
        if indice.isValid():
            texto = visao.fontMetrics().horizontalAdvance(indice.data() or "")
            margem = max(0, visao.sizeHintForIndex(indice).width() - texto) + grade + 1  # +1: o texto do Qt arredonda por cima
            self._margens[coluna] = (grade, margem)
            return margem
        return 2 * (visao.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, visao) + 1) + grade + 1

    def _conferir_fonte(self) -> None:
        visao = self._visao
        if self._fonte != visao.font().key() or len(self._larguras) > _LARGURAS_GUARDADAS:
            # outra fonte: as larguras e as margens guardadas não valem
            self._larguras, self._margens, self._fonte = {}, {}, visao.font().key()

    def medir(self, *_args) -> None:
        visao, modelo = self._visao, self._modelo
        linhas = modelo.linhas()[:_AMOSTRA]
        if not linhas or modelo.trocando_colunas or modelo.substituindo:  # trocando colunas: as linhas de antes com as
            return  # colunas novas (KeyError nos Parâmetros); substituindo: mede no fim (``sig_linhas_trocadas``)
        visao.ensurePolished()  # a fonte da folha de estilo já vale para medir
        cab, metricas = visao.horizontalHeader(), visao.fontMetrics()
        teto = metricas.averageCharWidth() * _TETO_LETRAS
        self._conferir_fonte()
        larguras = self._larguras
        for i, coluna in enumerate(modelo.colunas):
            if (i == self._esticada or cab.isSectionHidden(i) or coluna.marcada is not None or not coluna.pelo_conteudo
                    or (cab.stretchLastSection() and i == len(modelo.colunas) - 1)):  # a última, esticada, tem a sobra
                continue
            textos = {coluna.mostrar(linha) or "" for linha in linhas}
            for novo in textos.difference(larguras):
                larguras[novo] = metricas.horizontalAdvance(novo)
            texto = min(max(larguras[t] for t in textos), teto)
            largura = texto + self._margem(i)
            if largura > self._medido.get(i, 0):
                self._medido[i] = largura
                if largura > cab.sectionSize(i):
                    cab.resizeSection(i, largura)


def ajustar_colunas(visao: QTableView) -> None:
    """Larguras das colunas conforme a definição, nunca menores que o título (que não sai cortado) nem, ao chegarem
    as linhas, que o texto delas (``_PeloConteudo``, até ~36 letras); a coluna ``esticar`` (ou a última) ocupa a
    sobra — a ``esticar``, sem ficar menor que a sua ``largura``."""
    cab = visao.horizontalHeader()
    colunas = visao.model().sourceModel().colunas
    esticada = next((i for i, c in enumerate(colunas) if c.esticar), None)
    cab.ensurePolished()  # a fonte do cabeçalho (folha de estilo) já vale para medir os títulos
    cab.setStretchLastSection(esticada is None)
    for i, coluna in enumerate(colunas):
        cab.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
        if coluna.largura and i != esticada:
            visao.setColumnWidth(i, max(coluna.largura, cab.sectionSizeHint(i)))
    for antiga in visao.findChildren(_Esticada) + visao.findChildren(_PeloConteudo):  # colunas trocadas
        antiga.soltar()  # (definir_colunas + ajustar_colunas de novo)
    _PeloConteudo(visao, esticada).medir()
    if esticada is not None:
        _Esticada(visao, esticada, max(colunas[esticada].largura or 0, cab.sectionSizeHint(esticada))).ajustar()


def alargar_para(visao: QTableView, coluna: int, textos) -> None:
    """A ``coluna`` fica larga o bastante para qualquer um dos ``textos``, quando se sabe de antemão tudo o que ela
    pode mostrar (as tabelas do diário, da lista do filtro): a medida pelo conteúdo (``_PeloConteudo``) só vê as
    primeiras linhas e, no diário, 'magisterio_complementar_contracheques' na linha 300 saía cortado. Só alarga."""
    medidor = visao.findChild(_PeloConteudo)
    visao.ensurePolished()
    texto = max((visao.fontMetrics().horizontalAdvance(t) for t in textos), default=0)
    if medidor is not None:
        medidor._conferir_fonte()
    largura = texto + (medidor._margem(coluna) if medidor is not None else 0)
    cab = visao.horizontalHeader()
    if largura > cab.sectionSize(coluna):
        cab.resizeSection(coluna, largura)


def linha_selecionada(visao: QTableView) -> Any | None:
    """A linha (do serviço) selecionada na visão, ou None; na planilha, a da célula selecionada."""
    indices = visao.selectionModel().selectedRows() or visao.selectionModel().selectedIndexes()
    if not indices:
        return None
    return visao.model().linha_origem(indices[0])


def _valor(linha: Any, chave: str) -> Any:
    return linha.get(chave) if isinstance(linha, dict) else getattr(linha, chave, None)


class Lista:
    """Uma lista vinda de um serviço, pronta para a tela: ``modelo`` (ModeloTabela), ``proxy`` (ProxyFiltro) e
    ``visao`` (``criar_visao``, é ela que vai ao layout).

    - ``definir_linhas`` troca as linhas e volta a escolher a linha que estava escolhida (pela ``chave``);
    - ``selecionada``/``selecionar(valor)``: a linha escolhida, ou escolher a linha cuja ``chave`` é ``valor``;
    - ``ao_abrir(linha)``: Enter ou duplo clique na linha (``activated`` do Qt, que o duplo clique também emite);
    - ``ao_mudar()``: a escolha mudou (pelo usuário ou por ``selecionar``), não quando só as linhas chegam de novo;
    - grade de entrada (colunas com ``editar``): ``acrescentar``/``remover_selecionada`` linhas; ``ordenavel=False``
      quando a ordem das linhas é dado (a ordem em que se vê é a que se grava); ``planilha=True``: digitar edita, Tab
      anda pelas células, Enter confirma e desce (``criar_visao``); ``confirmar_edicao`` grava o editor aberto.
    """

    def __init__(self, colunas: list[Coluna], parent: QWidget | None = None, *, nome: str = "", chave: str = "id",
                 cor_linha: Callable[[Any], str | None] | None = None, ordenavel: bool = True,
                 ao_abrir: Callable[[Any], None] | None = None, ao_mudar: Callable[[], None] | None = None,
                 planilha: bool = False):
        self.modelo = ModeloTabela(colunas, parent, cor_linha=cor_linha)
        self.proxy = ProxyFiltro(self.modelo, parent)
        self.visao = criar_visao(self.proxy, parent, nome=nome, ordenavel=ordenavel, planilha=planilha)
        self.chave = chave
        self._calada = False
        self._ao_mudar = ao_mudar
        if ao_abrir is not None:  # duplo clique (activated) e Enter, que não segue para a janela
            self.visao.activated.connect(lambda indice: ao_abrir(self.proxy.linha_origem(indice)))
            self.visao.installEventFilter(_EnterAbre(self.visao, ao_abrir))
        if ao_mudar is not None:
            self.visao.selectionModel().selectionChanged.connect(self._on_selecao)

    def _on_selecao(self, *_args) -> None:
        if not self._calada:
            self._ao_mudar()

    def definir_linhas(self, linhas: list[Any], *, escolher: Any = None) -> bool:
        """Troca as linhas; escolhe de novo ``escolher`` (a chave) ou a que estava escolhida, sem chamar
        ``ao_mudar`` (quem leu as linhas já sabe o que mudou). Devolve se alguma ficou escolhida."""
        if escolher is None:
            escolher = _valor(self.selecionada(), self.chave) if self.selecionada() is not None else None
        coluna = self.visao.currentIndex().column()  # na planilha, a célula volta à mesma coluna
        self._calada = True
        try:
            self.modelo.definir_linhas(linhas)
            return self.selecionar(escolher, coluna=coluna)
        finally:
            self._calada = False

    def linhas(self) -> list[Any]:
        return self.modelo.linhas()

    def confirmar_edicao(self) -> None:
        """Grava o que está no editor aberto e o fecha (Ctrl+S no meio da digitação: a célula digitada entra)."""
        confirmar_edicao(self.visao)

    def selecionada(self) -> Any | None:
        return linha_selecionada(self.visao)

    def selecionar(self, valor: Any, *, coluna: int = -1) -> bool:
        """Escolhe (e mostra) a linha cuja chave é ``valor``; False se ela não está na lista (ou no filtro). Na
        planilha, a célula da ``coluna`` (ou da coluna atual) nessa linha."""
        if valor is None:
            return False
        for i in range(self.proxy.rowCount()):
            if _valor(self.proxy.linha_origem(self.proxy.index(i, 0)), self.chave) == valor:
                self._escolher(i, coluna)
                return True
        return False

    def _escolher(self, i: int, coluna: int = -1) -> None:
        """Escolhe a linha ``i`` da tela; na planilha (seleção de uma célula, em que ``selectRow`` do Qt não faz
        nada), a célula da ``coluna`` (ou da coluna atual) nessa linha."""
        if self.visao.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectItems:
            coluna = coluna if coluna >= 0 else max(0, self.visao.currentIndex().column())
            self.visao.setCurrentIndex(self.proxy.index(i, coluna))
        else:
            self.visao.selectRow(i)
        self.visao.scrollTo(self.proxy.index(i, 0))

    def acrescentar(self, linha: Any, *, editar: bool = False) -> None:
        """Acrescenta ``linha`` ao fim e a escolhe; ``editar``: abre já o editor da primeira coluna editável."""
        self.modelo.definir_linhas(self.modelo.linhas() + [linha])
        indice = self.proxy.mapFromSource(self.modelo.index(self.modelo.posicao(self.modelo.rowCount() - 1), 0))
        self.visao.selectRow(indice.row())
        coluna = next((i for i, c in enumerate(self.modelo.colunas) if c.editar is not None), None)
        if coluna is not None:
            self.visao.setCurrentIndex(indice.siblingAtColumn(coluna))
            if editar:
                self.visao.setFocus()
                self.visao.edit(indice.siblingAtColumn(coluna))

    def remover_selecionada(self) -> Any | None:
        """Tira da lista a linha escolhida (a seguinte fica escolhida); devolve a tirada, ou None."""
        sm = self.visao.selectionModel()
        indices = sm.selectedRows() or sm.selectedIndexes()  # na planilha, a célula selecionada
        if not indices:
            return None
        linha_visivel, coluna = indices[0].row(), indices[0].column()
        tirada = self.modelo.linha(self.proxy.mapToSource(indices[0]).row())
        linhas = self.modelo.linhas()  # na ordem de chegada: a escolhida sai pela identidade
        linhas.pop(next(k for k, l in enumerate(linhas) if l is tirada))
        self.modelo.definir_linhas(linhas)
        if self.proxy.rowCount():
            self._escolher(min(linha_visivel, self.proxy.rowCount() - 1), coluna)
        return tirada
