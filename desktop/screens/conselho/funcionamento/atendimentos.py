"""Aba Atendimentos: a lista de casos com busca por nome ou bairro, o novo atendimento e o caso aberto.

Só quem vê conteúdo de caso (conselheiro vinculado e em exercício, consulta do MP e do juízo) chega aos
casos; para os demais a aba diz por quê, sem mostrar linha alguma. A lista, a busca e a leitura do caso
aberto rodam fora da thread da tela (``widgets.servicos.consulta``); uma busca respondida depois de outra
mais nova (o usuário digitou de novo) é descartada. A lista vem em páginas de ``PAGINA`` casos: a tela mostra
~20-25 linhas; a página seguinte é lida ao rolar até o fim (``canFetchMore``/``fetchMore`` do Qt), pela chave da
última linha vista (``apos``), também fora da thread da tela.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.rules.conselho.atendimentos import SITUACOES, TIPOS
from desktop.rules.papeis import Permissao
from desktop.services.conselho import atendimentos
from desktop.services.sessao import SemPermissao
from desktop.screens.widgets.barra import guardar_barras
from desktop.screens.widgets.servicos import consulta
from desktop.screens.widgets.situacao import isolar_texto
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada
from desktop.screens.widgets import formato

from .comum import ESTILO_SIGILO, aviso_rotulo, combo

COLUNAS = [
    Coluna("Nº", lambda r: f"{r['numero']}/{r['ano']}", lambda r: (r["ano"], r["numero"]), largura=80),
    Coluna("Recebido em", lambda r: formato.quando(r["recebido_em"], hora_local=False), lambda r: r["recebido_em"], largura=130),
    Coluna("Tipo", lambda r: TIPOS[r["tipo"]], largura=100),
    Coluna("Crianças e adolescentes", lambda r: r["criancas"] or "", esticar=True),
    Coluna("Bairro", lambda r: r["bairro"] or "", largura=160),
    Coluna("Situação", lambda r: SITUACOES[r["situacao"]], largura=140),
    Coluna("Plantão", lambda r: "sim" if r["plantao"] else "", alinhamento="centro", largura=70),
]

PAGINA = 50
"""Casos lidos por vez. A 1366×768 a tabela mostra ~20-25 linhas; a primeira busca pedia e montava 200 — a consulta,
a montagem e a medida das colunas cresciam com elas e iam no caminho do Enter à lista (issue 16, meta 3)."""


class _ModeloPaginado(ModeloTabela):
    """As linhas da busca, página a página: o Qt pergunta ``canFetchMore`` quando a última linha aparece (rolando,
    End, PageDown) e chama ``fetchMore``, que pede a página seguinte à aba (a leitura é em segundo plano; a resposta
    chega por ``acrescentar_linhas``)."""

    def __init__(self, colunas, aba: "AbaAtendimentos"):
        super().__init__(colunas, aba)
        self._aba = aba
        self.tem_mais = False  # a última página lida veio cheia: há casos depois da última linha

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 (nome do Qt)
        return not parent.isValid() and self.tem_mais and not self._aba.carregando

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._aba.ler_mais()


_PARA_O_FIM = frozenset((Qt.Key.Key_Down, Qt.Key.Key_End, Qt.Key.Key_PageDown))


class _FimPedeMais(QObject):
    """Seguir rolando na última linha (seta, End, PageDown) mostra a linha e pede a página seguinte. Sem ordenação, a
    página que chega fica depois da linha atual, e seguir rolando chega ao novo fim (o Qt pede a seguinte); ordenada
    pelo cabeçalho, as linhas novas vão para o seu lugar e a atual (a última recebida na ordem) pode continuar a
    última — a tecla não tinha para onde ir, o Qt não fazia nada, e a terceira página só vinha voltando ao topo e
    rolando ao fim de novo."""

    def __init__(self, aba: "AbaAtendimentos"):
        super().__init__(aba)
        self._aba = aba

    def eventFilter(self, visao, evento) -> bool:  # noqa: N802 (nome do Qt)
        if evento.type() == QEvent.Type.KeyPress and evento.key() in _PARA_O_FIM:
            atual, modelo = visao.currentIndex(), visao.model()
            if atual.isValid() and atual.row() == modelo.rowCount() - 1 and self._aba.modelo.canFetchMore():
                visao.scrollTo(atual)  # a rolagem chega ao fim: o Qt já pede a seguinte por ela
                if self._aba.modelo.canFetchMore():
                    self._aba.modelo.fetchMore()
        return False  # a tecla segue para a tabela


class AbaAtendimentos(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.carregando = False  # True até chegar a leitura mais nova (servicos.consulta com chave)
        self.busca = QLineEdit(placeholderText="Nome da criança, adolescente ou familiar, ou o bairro — Enter busca")
        self.campo = combo([("nomes", "por nome"), ("bairro", "por bairro")])
        self.situacao = combo(SITUACOES, vazio="Todas as situações")
        self.botao_buscar = QPushButton("&Buscar")
        self.botao_abrir = QPushButton("Ab&rir caso")
        self.botao_novo = QPushButton("&Novo atendimento")
        self.botao_novo.setToolTip("Formulário completo. Para uma emergência no plantão, Ctrl+N abre o "
                                   "registro rápido.")
        self.contagem = QLabel()
        self.modelo = _ModeloPaginado(COLUNAS, self)
        self._pedido: dict | None = None  # a busca cujas páginas estão na lista (texto, campo, situação)
        self._pedindo: dict | None = None  # a busca pedida por último (a resposta que ``_on_lidas`` aceita)
        self._aquecimento_pedido = False  # a preparação das buscas em segundo plano (``_aquecer``): uma vez
        self.proxy = ProxyFiltro(self.modelo, self)
        self.visao = criar_visao(self.proxy, self, nome="Atendimentos")
        # a barra de rolagem fica sempre no lugar: aparecendo e sumindo entre uma busca que enche a tabela e uma de 3, ela
        # estreitava a área da tabela e a fazia ser redesenhada mais duas vezes por busca (issue 16)
        self.visao.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # e cada busca que muda o número de linhas fazia o Qt redesenhar as duas barras sem elas mudarem: a imagem já
        # mostrada é copiada (``widgets.barra``)
        guardar_barras(self.visao)
        self.visao.installEventFilter(_FimPedeMais(self))
        topo = QHBoxLayout()
        for w in (QLabel("Bu&scar:"), self.busca, self.campo, self.situacao, self.botao_buscar):
            topo.addWidget(w)
        topo.itemAt(0).widget().setBuddy(self.busca)
        topo.setStretch(1, 1)
        baixo = QHBoxLayout()
        baixo.addWidget(isolar_texto(self.contagem), 1)  # o texto muda a cada busca: sem redesenhar a tabela
        baixo.addWidget(self.botao_novo)
        baixo.addWidget(self.botao_abrir)
        lay = QVBoxLayout(self)
        self.sigilo = aviso_rotulo("", ESTILO_SIGILO)
        self.sigilo.hide()
        lay.addWidget(self.sigilo)
        lay.addLayout(topo)
        lay.addWidget(self.visao, 1)
        lay.addLayout(baixo)
        self.busca.returnPressed.connect(self._on_buscar)
        self.botao_buscar.clicked.connect(self._on_buscar)
        self.situacao.currentIndexChanged.connect(self._on_buscar)
        self.botao_abrir.clicked.connect(self._on_abrir)
        self.visao.activated.connect(self._on_abrir)
        self.botao_novo.clicked.connect(self._on_novo)
        pode_registrar = sessao.pode(Permissao.CONSELHO_CASOS_EDITAR)  # a consulta do MP e do juízo só lê
        self.botao_novo.setVisible(pode_registrar)
        self.botao_novo.setEnabled(pode_registrar)
        # A primeira página é pedida numa volta seguinte do laço (1 ms: depois da pintura que a aba nova pede), não
        # aqui: pedida junto com a montagem, a thread da leitura (montando 200 linhas em Python) disputava o GIL
        # com a montagem e a primeira pintura da aba, que chamam o Python a cada célula e cabeçalho — a janela ficava
        # parada 50-100 ms além da CPU ao ir à aba (issue 16; benchmarks/travamentos.py --so conselho --despejos:
        # a interface em PainelAbas.montar, a leitura em store/conselho/atendimentos.listar). ``carregando`` já
        # diz que a lista está a caminho.
        self.carregando = True
        QTimer.singleShot(1, self, self._primeira_leitura)

    def _primeira_leitura(self) -> None:
        if not self.__dict__.get("_consultas_feitas"):  # uma busca pedida antes disto já traz a lista
            self.recarregar()

    def _negar(self, motivo: str) -> None:
        """Sem acesso ao conteúdo: a aba diz por quê e não mostra nada do caso."""
        self.modelo.definir_linhas([])
        self.sigilo.setText("Os atendimentos do Conselho Tutelar são sigilosos (ECA, art. 17; Lei 320/2023, art. 21 "
                            f"§4º).\n\n{motivo}")
        self.sigilo.show()
        for w in (self.busca, self.campo, self.situacao, self.botao_buscar, self.botao_abrir, self.botao_novo, self.visao):
            w.setEnabled(False)
        self.visao.hide()
        self.contagem.setText("")

    def recarregar(self) -> None:
        """A primeira página (sem busca), lida fora da thread da interface."""
        self._ler(None)

    def _on_buscar(self, *_args) -> None:
        if self.busca.isEnabled():
            self._ler(self.busca.text().strip() or None)

    def _ler(self, texto: str | None) -> None:
        pedido = {"busca": texto, "campo": self.campo.currentData(), "situacao": self.situacao.currentData()}
        self._pedindo = pedido
        self.contagem.setText("Buscando…")
        # digitando rápido: a resposta de uma busca velha que chega depois da nova é descartada (chave); a de uma
        # página seguinte pedida antes desta busca também (a mesma chave)
        self._pedir(pedido, None, self._on_lidas, ao_falhar=lambda _e: self.contagem.setText(""))

    def ler_mais(self) -> None:
        """A página seguinte da busca da lista, depois da última linha (pela chave de ordem dela)."""
        if self._pedido is None or not self.modelo.rowCount():
            return
        ultima = self.modelo.linha(self.modelo.posicao(self.modelo.rowCount() - 1))  # a última recebida, não a vista
        pedido, apos = self._pedido, ultima["ordem"]
        self.contagem.setText(f"{self.modelo.rowCount()} registro(s) — buscando mais…")
        self._pedir(pedido, apos, lambda resposta: self._on_mais(resposta, pedido), ao_falhar=lambda _e: self._contar())

    def _pedir(self, pedido: dict, apos: int | None, ao_concluir, *, ao_falhar) -> None:
        sessao = self._sessao

        def _listar():
            try:  # a leitura vai ao diário sem travar (diario_depois); uma linha a mais diz se há outra página
                return "lidas", atendimentos.listar_atendimentos(sessao, **pedido, limite=PAGINA + 1, apos=apos,
                                                                 diario_depois=True)
            except SemPermissao as e:  # a aba diz por quê, sem caixa de erro
                return "negado", str(e)

        consulta(self, _listar, ao_concluir, titulo_erro="Busca não feita", ao_falhar=ao_falhar, chave="lista")

    def _on_lidas(self, resposta: tuple[str, object]) -> None:
        """A primeira página da busca pedida por último (só a resposta dela chega aqui: ``consulta`` com chave)."""
        tipo, conteudo = resposta
        if tipo == "negado":
            self._negar(conteudo)
            return
        self._pedido = self._pedindo
        self.modelo.tem_mais = len(conteudo) > PAGINA
        # sem modelReset (``substituir_linhas``): só as linhas se redesenham, não o cabeçalho nem as barras de rolagem; a
        # escolha sai, como no reset (na mesma posição ela seria de outro caso)
        self.visao.selectionModel().clear()
        self.modelo.substituir_linhas(conteudo[:PAGINA])
        if self.visao.verticalScrollBar().value():  # a busca nova começa do topo: rolada até o fim da anterior, a
            self.visao.scrollToTop()  # tabela ficava no fim desta (o Qt só encurta a rolagem) e já pedia a seguinte
        # a disposição da tabela (rolagem, cabeçalho) já, não na volta seguinte do laço: o Qt a fazia depois de pintar
        # as linhas novas e pedia outra pintura inteira da tabela (duas por busca, ~5-10 ms de CPU da interface cada)
        self.visao.executeDelayedItemsLayout()
        self._contar()
        self._aquecer()

    def _aquecer(self) -> None:
        """Com a primeira lista na tela (quem a vê pode ler os casos), a conexão de trabalho das buscas é preparada
        numa thread de trabalho: as páginas que a busca percorre são lidas e decifradas de uma vez
        (``atendimentos.aquecer_busca``), e a primeira busca de cada termo não as lê mais uma a uma (16–25 ms a
        100.000 casos; issue 16, meta 3); e o vocabulário do índice, por onde a busca acha os termos que começam com
        cada palavra. Uma vez por aba (e de novo depois de gravar ou abrir um caso), sem ``chave``: a busca pedida enquanto isso não espera
        por ela (vai noutra conexão) nem é descartada."""
        if self._aquecimento_pedido:
            return
        self._aquecimento_pedido = True
        sessao = self._sessao
        consulta(self, lambda: atendimentos.aquecer_busca(sessao), lambda _kib: None, titulo_erro="Busca não preparada")

    def _on_mais(self, resposta: tuple[str, object], pedido: dict) -> None:
        tipo, conteudo = resposta
        if tipo == "negado":
            self._negar(conteudo)
            return
        if pedido is not self._pedido:  # a lista já é de outra busca
            return
        self.modelo.tem_mais = len(conteudo) > PAGINA
        self.modelo.acrescentar_linhas(conteudo[:PAGINA])
        self._contar()

    def _contar(self) -> None:
        n = self.modelo.rowCount()
        self.contagem.setText(f"{n} registro(s)" + (" — os mais recentes; role até o fim para ver mais, ou refine a "
                                                    "busca." if self.modelo.tem_mais else ""))

    def _on_abrir(self, *_args) -> None:
        linha = linha_selecionada(self.visao)
        if linha is None:
            return
        from .caso import DialogoCaso

        sessao, aid = self._sessao, linha["id"]

        def _on_lido(caso: dict) -> None:
            DialogoCaso(sessao, aid, self, caso=caso).exec()
            self._reler_e_aquecer()

        # o caso é lido (sigilo, diário de leitura) fora da thread da interface; o diálogo abre com o lido
        consulta(self, lambda: atendimentos.obter_atendimento(sessao, aid), _on_lido, titulo_erro="Caso não aberto")

    def _on_novo(self) -> None:
        from .novo_caso import DialogoNovoCaso

        d = DialogoNovoCaso(self._sessao, self)
        if d.exec() and d.resultado:
            self._reler_e_aquecer()

    def _reler_e_aquecer(self) -> None:
        """Depois de gravar ou abrir um caso: a lista de novo e, com ela, a preparação das buscas — uma gravação no
        índice de busca faz a conexão deixar de lado o vocabulário que leu (``aquecer_busca``)."""
        self._aquecimento_pedido = False
        self.recarregar()


