"""Aba Trabalhadores e processos: lista, cadastro e inscrição, etapas registradas (quem e quando), o
formulário da próxima etapa (art. 24) e o recurso contra o resultado (art. 13 XI)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QFrame, QGroupBox, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget)

from desktop.rules.certificacao.etapas import DECISOES
from desktop.rules.certificacao.tipos import ROTULOS_ETAPA, ROTULOS_RESULTADO, ROTULOS_SITUACAO, Etapa
from desktop.rules.papeis import Permissao
from desktop.screens.widgets.divisor import Reparticao
from desktop.screens.widgets import formato
from desktop.screens.widgets.fluxo import LayoutFluxo
from desktop.screens.widgets import arquivo
from desktop.screens.widgets.arquivo import pasta_documentos
from desktop.screens.widgets.impressao import oferecer_documento
from desktop.screens.widgets.tabela import Coluna, Lista
from desktop.services.certificacao import processos
from desktop.services.certificacao.comunicado import emitir_comunicado, emitir_pasta

from .comum import CARREGANDO, abrir, avisar, emitir_pdf, esquecer_leitura, ler, operar
from .dialogos_cadastro import campo_data
from .dialogos_processo import DialogoCorrecao, DialogoInscricao, DialogoTrabalhador
from .processos_recurso import RecursoNaAba
from desktop.screens.widgets.situacao import reservar_linhas

_ORDEM_ETAPA = {e.value: i for i, e in enumerate(Etapa)}  # ordenar pela ordem do processo, não pelo nome


def _situacao_e_resultado(p: dict) -> str:
    situacao = ROTULOS_SITUACAO.get(p["situacao"], p["situacao"])
    return f"{situacao} · {p['resultado']}" if p["resultado"] else situacao


class AbaProcessos(RecursoNaAba, QWidget):
    sig_processo_mudou = Signal(str)

    def __init__(self, sessao, parent=None):
        super().__init__(parent)
        self.sessao = sessao
        self.processo_id: str | None = None
        self.detalhe: dict | None = None
        self.dialogo = None
        self.tarefa = None  # a gravação em andamento (widgets.servicos.operacao), fora da thread da interface
        self.ultimos_emitidos: list = []
        self.arquivos_salvos: list[Path] | None = None  # os da última gravação terminada (salvar_emitidos)
        self._processos: list[dict] = []
        self.lendo = False  # a leitura da lista ou do processo aberto (comum.ler), fora da thread da interface
        self._a_escolher: str | None = None  # o processo pedido por selecionar enquanto a lista é lida
        self.lista = Lista([
            Coluna("Trabalhador", lambda p: p["nome"], largura=165),
            # o perfil fica com a sobra (inteiro na dica e no título do processo aberto): pelo conteúdo, ia a ~36
            # letras e a lista rolava na horizontal a 1366×768, com a etapa e a situação fora, à direita
            Coluna("Perfil", lambda p: p["perfil"], largura=60, esticar=True),
            Coluna("Etapa", lambda p: ROTULOS_ETAPA[Etapa(p["etapa"])], ordenar=lambda p: _ORDEM_ETAPA[p["etapa"]]),
            # a situação com o resultado (art. 25), quando já há: "concluído · integral"
            Coluna("Situação", _situacao_e_resultado, titulo_longo="Situação do processo e resultado",
                   dica=lambda p: ROTULOS_RESULTADO.get(p["resultado"] or "") if p["resultado"] else None),
        ], self, nome="Processos", ao_mudar=self._on_selecionar, ao_abrir=self._on_abrir_processo)
        self.busca = QLineEdit()
        self.busca.setPlaceholderText("Buscar por nome, CPF, curso ou perfil")
        self.busca.setMinimumWidth(self.busca.fontMetrics().horizontalAdvance(self.busca.placeholderText()) + 40)
        self.busca.setClearButtonEnabled(True)
        self.filtro_situacao = QComboBox()
        for rotulo, valor in (("Todas as situações", None), ("Em andamento", "andamento"), ("Concluídos", "concluido"),
                              ("Encerrados no acolhimento", "encerrado")):
            self.filtro_situacao.addItem(rotulo, valor)
        self.busca.textChanged.connect(self._on_buscar)
        self.filtro_situacao.currentIndexChanged.connect(self._on_buscar)
        self.botao_trabalhador = QPushButton("Novo &trabalhador…")
        self.botao_inscrever = QPushButton("&Inscrever em oferta…")
        self.botao_recurso = QPushButton("Interpor &recurso…")
        self.botao_decidir = QPushButton("&Decidir recurso…")
        self.botao_renuncia = QPushButton("Re&núncia ao recurso…")
        self.botao_renuncia.setToolTip("Registrar a renúncia escrita do trabalhador ao recurso (art. 13, XI)")
        self.botao_corrigir = QPushButton("Corri&gir cadastro…")
        self.botao_pasta = QPushButton("&Pasta do processo (PDF)")
        self.botao_pasta.setToolTip("Emitir a pasta do processo: etapas, avaliações, recursos e documentos")
        self.botao_anexos = QPushButton("Ane&xos…")
        self.botao_comunicado = QPushButton("Co&municado (PDF)")
        self.botao_comunicado.setToolTip("Emitir o comunicado do resultado, com o prazo de recurso")
        self.recursos = QLabel()
        self.recursos.setWordWrap(True)
        self.situacao = QLabel()
        self.situacao.setWordWrap(True)
        reservar_linhas(self.situacao)  # a mensagem muda; os botões não pulam
        for b, slot in ((self.botao_trabalhador, self._on_trabalhador), (self.botao_inscrever, self._on_inscrever),
                        (self.botao_recurso, self._on_recurso), (self.botao_decidir, self._on_decidir),
                        (self.botao_renuncia, self._on_renuncia), (self.botao_comunicado, self._on_comunicado),
                        (self.botao_corrigir, self._on_corrigir), (self.botao_pasta, self._on_pasta),
                        (self.botao_anexos, self._on_anexos)):
            b.clicked.connect(slot)
        # ao lado da lista inteira, a sobra é pouca (~430 pontos a 1366×768): as colunas na largura do texto medido
        # (sem pontos fixos) e títulos curtos, os longos na dica — com 140 + 90 + 150 + 180 pontos e 'Realizada em'
        # e 'O que foi registrado' no cabeçalho, a tabela rolava na horizontal; no começo (sem linhas), cada coluna
        # na largura do seu título
        self.etapas = Lista([
            Coluna("Etapa", lambda e: ROTULOS_ETAPA[Etapa(e["etapa"])], ordenar=lambda e: _ORDEM_ETAPA[e["etapa"]]),
            Coluna("Data", lambda e: formato.data(e["realizada_em"]), ordenar=lambda e: e["realizada_em"],
                   titulo_longo="Realizada em (a data da etapa)"),
            # quem registrou; quando, na dica (com 'admin, 03/12/2026' a coluna levava ~150 pontos da sobra)
            Coluna("Por", lambda e: e["registrado_por"], ordenar=lambda e: e["registrado_em"],
                   titulo_longo="Registrada por (usuário); a data do registro na dica",
                   dica=lambda e: f"Registrada por {e['registrado_por']} em {formato.momento(e['registrado_em'])}"),
            # ocupa o resto; o texto inteiro na dica, para ler sem alargar a coluna
            Coluna("Resumo", lambda e: e["resumo"], esticar=True, titulo_longo="O que foi registrado",
                   dica=lambda e: e["resumo"]),
        ], self, nome="Etapas registradas")
        cab_etapas = self.etapas.visao.horizontalHeader()
        for i in range(cab_etapas.count() - 1):  # a última (o resumo) estica
            cab_etapas.resizeSection(i, cab_etapas.sectionSizeHint(i))
        self.etapas.visao.setMinimumHeight(self.etapas.visao.verticalHeader().defaultSectionSize() * 4 + 30)
        self.titulo = QLabel("Selecione um processo.")
        self.titulo.setWordWrap(True)
        self.formulario = QGroupBox("Próxima etapa")
        form = QFormLayout(self.formulario)
        # o rótulo em cima e o campo com a largura toda: ao lado da lista de processos (com as colunas inteiras) o
        # formulário é estreito, e ao lado do rótulo os campos de texto ficavam com ~110 pontos
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        # a data em que a etapa de fato aconteceu (não só hoje): vai para a pasta do processo (art. 12 XIV)
        self.data_etapa = campo_data(self.formulario, inicial=date.today())
        form.addRow("Realizada em", self.data_etapa)
        self.campos: dict[str, QWidget] = {
            # o que se marca, curto, com o rótulo do lado (ou em cima, se faltar largura): numa caixa só, o texto
            # inteiro era a largura mínima do formulário, e a lista ao lado não cabia a 1366×768
            "apresentacao": QCheckBox("feita ao trabalhador (art. 24, II, a)"),
            "entrevista": QLineEdit(), "memorial": QLineEdit(), "orientacao": QLineEdit(),
            "decisao": QComboBox(), "documentos": QLineEdit(),
            "teorico_pratica": QCheckBox("realizada (art. 24, §4º)"),
            "avaliadores": QListWidget(), "sistec_codigo": QLineEdit(), "orientacao_estudos": QLineEdit(),
            "sine": QCheckBox("Encaminhado ao Sine"),
        }
        for chave, texto in DECISOES.items():
            self.campos["decisao"].addItem(texto, chave)
        # a caixa não exige a largura da decisão mais longa (~48 letras, a lista abre inteira): pelo conteúdo, ela era
        # a largura mínima do formulário e a lista de processos ao lado não cabia a 1366×768
        self.campos["decisao"].setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.campos["decisao"].setMinimumContentsLength(24)
        rotulos = {"apresentacao": "Apresentação das etapas", "teorico_pratica": "Avaliação teórico-prática",
                   "entrevista": "Entrevista diagnóstica", "memorial": "Memorial socioprofissional",
                   "orientacao": "Orientação", "decisao": "Decisão do trabalhador", "documentos": "Documentos conferidos",
                   "avaliadores": "Avaliadores (equipe do PPCP)", "sistec_codigo": "Código Sistec (diploma de técnico)",
                   "orientacao_estudos": "Orientação de estudos e renda"}
        self._linhas = {}
        for chave, w in self.campos.items():
            form.addRow(rotulos.get(chave, ""), w)
            self._linhas[chave] = w
        self._reconhecidas: dict[str, bool] = {}  # competência → reconhecida, marcada na avaliação (art. 24)
        self.avaliacao = Lista([
            Coluna("Competência", lambda a: a["nome"], esticar=True, largura=220),
            Coluna("Reconhecida", lambda _a: "", largura=100, alinhamento="centro",
                   marcada=lambda a: self._reconhecidas.get(a["competencia_id"], False),
                   marcar=lambda a, sim: self._reconhecidas.__setitem__(a["competencia_id"], sim)),
        ], self.formulario, nome="Competências avaliadas", chave="competencia_id")
        self.avaliacao.visao.setMinimumHeight(120)
        form.addRow("Competências", self.avaliacao.visao)
        self.botao_registrar = QPushButton("Registrar etapa")
        self.botao_registrar.clicked.connect(self._on_registrar)
        self.botao_salvar = QPushButton("Salvar PDFs emitidos…")
        self.botao_salvar.clicked.connect(self._on_salvar)
        self.botao_salvar.setEnabled(False)
        editar = sessao.pode(Permissao.CERTIFICACAO_EDITAR)
        self.formulario.setEnabled(editar)
        # à direita, em cima as etapas registradas e o recurso; embaixo o formulário da próxima etapa,
        # que rola se a tela for baixa (1366×768), com os botões sempre à vista
        cima = QWidget()
        lay_d = QVBoxLayout(cima)
        lay_d.setContentsMargins(0, 0, 0, 0)
        lay_d.addWidget(self.titulo)
        lay_d.addWidget(QLabel("Etapas registradas (quem e quando)"))
        lay_d.addWidget(self.etapas.visao, 1)
        lay_d.addWidget(self.recursos)
        barra_recurso = LayoutFluxo()
        barra_recurso.addWidget(self.botao_recurso)
        barra_recurso.addWidget(self.botao_decidir)
        barra_recurso.addWidget(self.botao_renuncia)
        barra_recurso.addWidget(self.botao_comunicado)
        barra_recurso.addWidget(self.botao_pasta)
        barra_recurso.addWidget(self.botao_anexos)
        lay_d.addLayout(barra_recurso)
        rolagem = QScrollArea()
        rolagem.setWidgetResizable(True)
        rolagem.setFrameShape(QFrame.Shape.NoFrame)
        rolagem.setWidget(self.formulario)
        baixo = QWidget()
        lay_b = QVBoxLayout(baixo)
        lay_b.setContentsMargins(0, 0, 0, 0)
        lay_b.addWidget(rolagem, 1)
        botoes = LayoutFluxo()
        botoes.addWidget(self.botao_registrar)
        botoes.addWidget(self.botao_salvar)
        lay_b.addLayout(botoes)
        direita = QSplitter(Qt.Vertical)
        direita.setChildrenCollapsible(False)
        direita.addWidget(cima)
        direita.addWidget(baixo)
        direita.setStretchFactor(0, 1)
        direita.setStretchFactor(1, 1)
        direita.setSizes([380, 260])  # as etapas (até seis) à vista; o formulário rola
        self.botao_registrar.setEnabled(editar)
        esquerda = QWidget()
        lay_e = QVBoxLayout(esquerda)
        busca = LayoutFluxo()
        busca.addWidget(self.busca)
        busca.addWidget(self.filtro_situacao)
        lay_e.addLayout(busca)
        lay_e.addWidget(self.lista.visao)
        barra = LayoutFluxo()
        barra.addWidget(self.botao_trabalhador)
        barra.addWidget(self.botao_inscrever)
        barra.addWidget(self.botao_corrigir)
        lay_e.addLayout(barra)
        lay_e.addWidget(self.situacao)
        self.botao_trabalhador.setEnabled(editar)
        self.botao_inscrever.setEnabled(editar)
        divisor = QSplitter(Qt.Horizontal)
        divisor.setChildrenCollapsible(False)
        divisor.addWidget(esquerda)
        divisor.addWidget(direita)
        divisor.setStretchFactor(0, 1)  # a lista com as colunas à vista (trabalhador, perfil, etapa, situação)
        divisor.setStretchFactor(1, 1)
        divisor.setSizes([600, 520])  # até a lista chegar; então, pela largura medida das colunas dela (_on_lido)
        # a lista com trabalhador, etapa e situação inteiros (o perfil no mínimo, inteiro na dica); o processo aberto
        # fica com o resto — com 600 pontos fixos, a situação saía cortada sob o X a 1366×768
        self.reparticao = Reparticao(divisor, [self.lista.visao, self.etapas.visao], esticada_inteira=False)
        QVBoxLayout(self).addWidget(divisor)
        self.atualizar()
        self._estado_recurso()

    # -- dados ----------------------------------------------------------------------------
    def atualizar(self, selecionar: str | None = None) -> None:
        """Relê a lista (com a busca e o filtro) e o processo aberto fora da thread da interface; ao chegar,
        escolhe ``selecionar`` (ou o aberto). Só a resposta do último pedido vale."""
        sessao, texto, situacao = self.sessao, self.busca.text(), self.filtro_situacao.currentData()
        if selecionar:
            self._a_escolher = selecionar
        pid = self._a_escolher or self.processo_id
        if pid:
            esquecer_leitura(self, "detalhe")  # o processo vem nesta leitura, mais nova
        ler(self, lambda: (processos.listar_processos(sessao, texto=texto, situacao=situacao),
                           processos.detalhar_processo(sessao, pid) if pid else None),
            lambda lido: self._on_lido(*lido, pid), titulo_erro="Processos não lidos")

    def _on_lido(self, lista: list[dict], detalhe: dict | None, pid: str | None) -> None:
        self._processos = lista
        escolher, self._a_escolher = self._a_escolher or self.processo_id, None
        self.lista.definir_linhas(lista, escolher=escolher)  # a escolha refeita não relê o processo: ele veio junto
        self.reparticao.tentar(bool(lista))
        if escolher and escolher != pid:  # pedido durante a leitura: o processo vem na sua própria leitura
            self._mostrar(escolher)
        elif detalhe is not None:
            self.processo_id = pid
            self._exibir(detalhe)

    def _on_buscar(self, *_args) -> None:
        self.atualizar()

    def selecionar(self, processo_id: str) -> None:
        """Escolhe o processo na lista (e o mostra); se a lista ainda está sendo lida, ao chegar."""
        if "lista" in getattr(self, "_leituras_pendentes", set()):
            self._a_escolher = processo_id
            return
        self.lista.selecionar(processo_id)

    def _on_selecionar(self) -> None:
        p = self.lista.selecionada()
        if p is not None:
            self._mostrar(p["id"])

    def _on_abrir_processo(self, _p: dict) -> None:
        """Enter ou duplo clique no processo: o teclado vai para a próxima etapa (ou, encerrado, para as etapas)."""
        if self.data_etapa.isVisibleTo(self.formulario) and self.formulario.isEnabled():
            self.data_etapa.setFocus()
        else:
            self.etapas.visao.setFocus()

    def _mostrar(self, processo_id: str) -> None:
        """Lê o processo fora da thread da interface; até chegar, os botões do processo ficam desligados."""
        self.processo_id, self.detalhe, self._a_escolher = processo_id, None, None
        self.titulo.setText(CARREGANDO)
        self.botao_registrar.setEnabled(False)
        self._estado_recurso()
        sessao = self.sessao
        ler(self, lambda: processos.detalhar_processo(sessao, processo_id), self._exibir, chave="detalhe",
            titulo_erro="Processo não lido")

    def _exibir(self, d: dict) -> None:
        self.detalhe = d
        prazo = f" · recurso até {formato.data(d['prazo_recurso'])}" if d["prazo_recurso"] else ""
        self.titulo.setText(f"{d['nome']} — {d['perfil']} ({ROTULOS_SITUACAO.get(d['situacao'], d['situacao'])}){prazo}")
        self.etapas.definir_linhas(d["etapas"])
        self._estado_recurso()
        proxima = d["proxima"]
        self.formulario.setTitle(f"Próxima etapa: {ROTULOS_ETAPA[proxima]}" if proxima else "Processo encerrado")
        visiveis = {Etapa.ACOLHIMENTO: {"apresentacao", "entrevista", "memorial", "orientacao", "decisao"},
                    Etapa.MATRICULA: {"documentos"}, Etapa.AVALIACAO: {"teorico_pratica", "avaliadores"},
                    Etapa.CERTIFICACAO: {"sistec_codigo"}, Etapa.ENCAMINHAMENTO: {"orientacao_estudos", "sine"}}
        mostrar = visiveis.get(proxima, set())
        self.data_etapa.definir_texto(formato.data(date.today()))
        self._preencher_avaliadores(d.get("equipe", []))
        form: QFormLayout = self.formulario.layout()
        for chave, w in self.campos.items():
            form.setRowVisible(w, chave in mostrar)
        form.setRowVisible(self.avaliacao.visao, proxima is Etapa.AVALIACAO)
        form.setRowVisible(self.data_etapa, proxima is not None)
        self.botao_registrar.setEnabled(proxima is not None and self.sessao.pode(Permissao.CERTIFICACAO_EDITAR))
        avaliacoes = d["avaliacoes"] if proxima is Etapa.AVALIACAO else []
        self._reconhecidas = {a["competencia_id"]: False for a in avaliacoes}  # nenhuma marcada de antemão
        self.avaliacao.definir_linhas(avaliacoes)

    def _preencher_avaliadores(self, equipe: list[dict]) -> None:
        """A equipe multiprofissional do PPCP, para marcar quem avaliou (arts. 20 XII e 24 §1º)."""
        lista: QListWidget = self.campos["avaliadores"]
        lista.clear()
        for e in equipe:
            item = QListWidgetItem(f"{e['nome']} ({'educação' if e['area'] == 'educacao' else 'área específica'})")
            item.setData(Qt.UserRole, e["nome"])
            item.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled)
            item.setCheckState(Qt.Unchecked)
            lista.addItem(item)
        lista.setMaximumHeight(90)

    def marcar_avaliadores(self, *nomes: str) -> None:
        lista: QListWidget = self.campos["avaliadores"]
        for i in range(lista.count()):
            if lista.item(i).data(Qt.UserRole) in nomes:
                lista.item(i).setCheckState(Qt.Checked)

    def _depois_do_dialogo(self, texto: str, processo_id: str | None) -> None:
        self.atualizar(processo_id)
        if processo_id:
            self.sig_processo_mudou.emit(processo_id)
        self.situacao.setText(texto)

    def _on_trabalhador(self) -> None:
        def feito(t: dict) -> None:
            self.situacao.setText(f"{t['nome']} cadastrado(a). Agora inscreva-o(a) numa oferta.")
        abrir(self, DialogoTrabalhador(self.sessao, self), feito)

    def _on_inscrever(self) -> None:
        abrir(self, DialogoInscricao(self.sessao, self), lambda p: self._depois_do_dialogo(
            "Inscrição registrada. A próxima etapa é o acolhimento.", p["id"]))

    def _on_corrigir(self) -> None:
        """O cadastro atual do trabalhador é lido fora da thread da interface e o diálogo abre com ele."""
        from desktop.screens.widgets import servicos
        from desktop.services.certificacao import trabalhadores

        if not self.detalhe:
            return
        sessao, d = self.sessao, self.detalhe
        servicos.consulta(self, lambda: next((t for t in trabalhadores.listar_trabalhadores(sessao)
                                              if t["id"] == d["trabalhador_id"]), {}),
                          lambda atual: self._abrir_correcao(d, atual), titulo_erro="Cadastro não lido")

    def _abrir_correcao(self, d: dict, atual: dict) -> None:
        if self.dialogo is None or not self.dialogo.isVisible():  # um clique só abre um diálogo
            abrir(self, DialogoCorrecao(self.sessao, d, self, atual=atual), lambda r: self._depois_do_dialogo(
                f"Cadastro corrigido; {len(r['emitidos'])} documento(s) reemitido(s) em nova via.", self.processo_id))

    def _on_anexos(self) -> None:
        if self.detalhe:
            from .anexos import DialogoAnexos  # só quem abre os anexos paga o pypdfium2

            self.dialogo = DialogoAnexos(self.sessao, self.detalhe, self)
            self.dialogo.open()

    def _operar(self, titulo: str, funcao, ao_concluir) -> None:
        """Gravar passa de 100 ms: fora da thread da interface (``comum.operar``); recusa em ``avisar``."""
        operar(self, titulo, funcao, ao_concluir, ao_recusar=lambda erro: avisar(self, erro))

    def _on_pasta(self) -> None:
        """A pasta do processo em PDF (art. 12 XIV), emitida e salva como todo documento (``comum.emitir_pdf``)."""
        if not self.detalhe:
            return
        sessao, pid = self.sessao, self.processo_id
        emitir_pdf(self, "Pasta do processo", lambda: emitir_pasta(sessao, pid), "pasta-do-processo",
                   andamento="Emitindo a pasta do processo…", texto=lambda e: f"Pasta do processo emitida ({e.codigo}).")

    def _on_comunicado(self) -> None:
        if not self.detalhe:
            return
        sessao, pid = self.sessao, self.processo_id
        emitir_pdf(self, "Comunicado do resultado", lambda: emitir_comunicado(sessao, pid), "comunicado-do-resultado",
                   andamento="Emitindo o comunicado…",
                   texto=lambda e: f"Comunicado do resultado emitido ({e.codigo}), com o prazo de recurso.")

    def _dados(self) -> dict:
        dados = {}
        for chave, w in self.campos.items():
            if isinstance(w, QCheckBox):
                dados[chave] = w.isChecked()
            elif isinstance(w, QComboBox):
                dados[chave] = w.currentData()
            elif isinstance(w, QListWidget):  # avaliadores marcados, "Paulo; Sérgio"
                dados[chave] = "; ".join(w.item(i).data(Qt.UserRole) for i in range(w.count())
                                         if w.item(i).checkState() == Qt.Checked)
            else:
                dados[chave] = w.text().strip()
        return dados

    def _on_registrar(self) -> None:
        if not self.detalhe:  # o processo ainda está sendo lido
            return
        proxima = self.detalhe["proxima"]
        avaliacoes = None
        if proxima is Etapa.AVALIACAO:
            avaliacoes = dict(self._reconhecidas)
        try:  # os campos são lidos aqui, na thread da interface
            sessao, pid, dados, quando = self.sessao, self.processo_id, self._dados(), self.data_etapa.valor()
        except Exception as erro:  # data inválida
            avisar(self, erro)
            return
        self._operar(f"Registrando {ROTULOS_ETAPA[proxima].lower()}…", lambda: processos.registrar_etapa(
            sessao, pid, proxima.value, dados=dados, avaliacoes=avaliacoes, realizada_em=quando),
            lambda r: self._on_etapa_registrada(pid, r))

    def _on_etapa_registrada(self, pid: str, r: dict) -> None:
        if r["emitidos"]:
            self.ultimos_emitidos = r["emitidos"]
            self.botao_salvar.setEnabled(True)
        for w in self.campos.values():
            if isinstance(w, QLineEdit):
                w.clear()
            elif isinstance(w, QCheckBox):
                w.setChecked(False)
        self.atualizar(pid)
        self.sig_processo_mudou.emit(pid)
        if r["emitidos"]:
            codigos = ", ".join(e.codigo for e in r["emitidos"])
            oferecer_documento(self.situacao, [e.pdf for e in r["emitidos"]], None,
                               f"Documento(s) emitido(s) e registrado(s): {codigos}.")

    def salvar_emitidos(self, pasta: Path) -> None:
        """Grava os últimos PDFs emitidos em ``pasta`` fora da thread da interface, cada um inteiro ou nada
        (``widgets.arquivo``); gravados, ``arquivos_salvos`` passa a ser a lista dos caminhos e a situação o diz. Se o
        sistema recusa, o aviso diz onde e por quê, e que os documentos continuam registrados."""
        emitidos, self.arquivos_salvos = list(self.ultimos_emitidos), None

        def _gravados(caminhos: list[Path]) -> None:
            self.arquivos_salvos = caminhos
            oferecer_documento(self.situacao, [e.pdf for e in emitidos], pasta,
                               f"{len(caminhos)} documento(s) salvo(s) em {pasta}.")

        arquivo.gravar_na_pasta(self, Path(pasta), [(f"certificacao-{e.codigo}.pdf", e.pdf) for e in emitidos],
                                _gravados, titulo_erro="Certificação",
                                feito="Os documentos estão emitidos e registrados",
                                depois="Escolha outra pasta ou abra-os em Documentos.")

    def _on_salvar(self) -> None:
        pasta = QFileDialog.getExistingDirectory(self, "Pasta para salvar os documentos", pasta_documentos())
        if pasta:
            self.salvar_emitidos(Path(pasta))
