"""Aba Tabelas e reajuste: a matriz do Anexo I em vigor numa data, a simulação de um reajuste e a aplicação.

A simulação (nova base pelos percentuais da lei, percentual linear ou células digitadas), a
comparação, o aviso de piso e a gravação da nova vigência são de
``desktop.services.magisterio.tabelas``; a matriz em vigor, de ``consultas.matriz_em``. A matriz é a tabela comum
como planilha (``widgets.tabela.Lista``): no modo "Digitar os valores", digitar edita, Tab anda, Enter confirma e desce,
e o valor que não é dinheiro fica vermelho com a mensagem já ao digitar.
"""
from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtWidgets import (QButtonGroup, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QRadioButton, QScrollArea, QVBoxLayout, QWidget)

from desktop.rules import formato
from desktop.rules import validacao
from desktop.rules.magisterio.tabelas import JORNADAS, NIVEIS, nome_nivel
from desktop.rules.magisterio.tipos import CLASSES
from desktop.rules.papeis import Permissao
from desktop.screens.widgets import avisos
from desktop.screens.widgets.formato import decimal_br, numero_digitado
from desktop.screens.widgets.tabela import Coluna, Lista, ModeloTabela, ProxyFiltro, criar_visao
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.data import CampoData
from desktop.screens.widgets import servicos
from desktop.screens.widgets.emissao import emitir_em_segundo_plano
from desktop.screens.widgets.situacao import reservar_linhas
from desktop.screens.widgets.mensagem import Mensagem
from desktop.services.magisterio import consultas, documentos, tabelas

from . import comum
from .complementar import PainelDiferencas

_LINHAS = [(n, j) for j in JORNADAS for n in NIVEIS]
_COLUNAS_DIF = [
    Coluna("Célula", lambda d: d.descricao, largura=230),
    Coluna("Antes", lambda d: comum.dinheiro(d.antes), ordenar=lambda d: d.antes, alinhamento="direita", largura=120),
    Coluna("Depois", lambda d: comum.dinheiro(d.depois), ordenar=lambda d: d.depois, alinhamento="direita",
           largura=120),
    Coluna("Diferença", lambda d: comum.dinheiro(d.diferenca), ordenar=lambda d: d.diferenca, alinhamento="direita",
           largura=120),
    Coluna("Variação", lambda d: f"{decimal_br(d.percentual)} %" if d.percentual is not None else "",
           ordenar=lambda d: d.percentual, alinhamento="direita", esticar=True),
]


def _dinheiro_digitado(texto: str):
    return validacao.dinheiro(texto)


def _linhas_matriz(matriz=None) -> list[dict]:
    """Uma linha por nível e jornada: os valores em vigor por classe (sem a célula que a tabela não tem, como a
    classe G do Nível Especial), o texto de cada célula (o digitado, no modo células) e os erros do digitado."""
    linhas = []
    for i, (n, j) in enumerate(_LINHAS):
        valores = {c: v for c in CLASSES if matriz is not None and (v := matriz.celulas.get((n, c, j))) is not None}
        linhas.append({"i": i, "nivel": n, "jornada": j, "valores": valores, "erros": {},
                       "textos": {c: decimal_br(v, dinheiro=True) for c, v in valores.items()}})
    return linhas


def _celula(linha: dict, classe: str) -> str:
    return f"{nome_nivel(linha['nivel'])}, classe {classe}, {linha['jornada']} h"


class AbaTabelas(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.lendo = 0  # leituras em andamento: a tabela vigente e a simulação vêm fora da interface (consulta)
        self.tarefa = None  # aplicar o reajuste (servicos.gravar)
        self.simulacao: tabelas.SimulacaoReajuste | None = None
        self.data = CampoData(placeholder="dd/mm/aaaa", parent=self)
        self.data.definir_texto(formato.data(date.today()))
        self.botao_mostrar = QPushButton("Mos&trar tabela", self)  # Alt+M é do menu Módulos
        self.vigencia = QLabel(self)
        self.vigencia.setWordWrap(True)
        self.matriz = Lista([Coluna("Nível e jornada", lambda l: f"{nome_nivel(l['nivel'])} — {l['jornada']} h",
                                    largura=170, titulo_longo="Nível (titulação, art. 14) e jornada (art. 23)")]
                            + [self._coluna_classe(c) for c in CLASSES], self, chave="i", ordenavel=False,
                            planilha=True, nome="Matriz de vencimentos do Anexo I")
        self.matriz.visao.horizontalHeader().setStretchLastSection(False)  # colunas do tamanho dos valores
        self.matriz.definir_linhas(_linhas_matriz())
        self.erro_matriz = Mensagem(parent=self)  # o primeiro valor digitado que não é dinheiro
        self.erro_matriz.setStyleSheet("color: #b00020;")
        topo = QHBoxLayout()
        rotulo = QLabel("Anexo I em vigor em:", self)
        rotulo.setBuddy(self.data.edit)
        topo.addWidget(rotulo)
        topo.addWidget(self.data)
        topo.addWidget(self.botao_mostrar)
        topo.addStretch(1)
        # simulação
        grupo = QGroupBox("Simular reajuste (nada é gravado até aplicar)", self)
        form = QFormLayout(grupo)
        self.modo_base = QRadioButton("Novo vencimento inicial (Nível 1, classe A, 20 h), demais pela lei", grupo)
        self.modo_percentual = QRadioButton("Mesmo percentual em toda a tabela", grupo)
        self.modo_celulas = QRadioButton("Digitar os valores na tabela acima", grupo)
        self.modos = QButtonGroup(self)
        for b in (self.modo_base, self.modo_percentual, self.modo_celulas):
            self.modos.addButton(b)
        self.modo_base.setChecked(True)
        self.base = CampoValidado(_dinheiro_digitado, placeholder="R$ 2.500,00", parent=grupo)
        self.percentual = CampoValidado(numero_digitado, placeholder="ex.: 6,27", parent=grupo)
        self.inicio = CampoData(placeholder="dd/mm/aaaa", parent=grupo)
        self.botao_simular = QPushButton("&Simular", grupo)
        form.addRow(self.modo_base, self.base)
        form.addRow(self.modo_percentual, self.percentual)
        form.addRow(self.modo_celulas)
        form.addRow("A partir de:", self.inicio)
        form.addRow(self.botao_simular)
        self.descricao = QLabel(self)
        self.descricao.setWordWrap(True)
        self.alertas = QLabel(self)
        self.alertas.setWordWrap(True)
        self.alertas.setStyleSheet("color: #b00020;")
        self.modelo_dif = ModeloTabela(_COLUNAS_DIF, self)
        self.tabela_dif = criar_visao(ProxyFiltro(self.modelo_dif, self), self, nome="Diferenças do reajuste")
        self.fundamento = CampoValidado(lambda t: validacao.obrigatorio(t, "o fundamento (lei do reajuste)"),
                                        placeholder="Lei Municipal nº …/…, art. …", parent=self)
        self.botao_aplicar = QPushButton("Ap&licar a partir de …", self)  # Alt+A é do menu Arquivo
        self.botao_impacto = QPushButton("Relatório de &impacto (PDF)…", self)
        self.botao_impacto.setToolTip("Custo do reajuste simulado na folha: totais mensal e anual, servidores e "
                                      "diferenças de competências já fechadas (nada é aplicado).")
        self.botao_impacto.setEnabled(False)
        self.ultimo_relatorio = None
        self.mensagem = QLabel(self)  # o relatório de impacto emitido: onde foi salvo, o código, Abrir e Imprimir
        self.mensagem.setWordWrap(True)
        reservar_linhas(self.mensagem)  # quando ele aparece, os botões abaixo não pulam
        self.mensagem.hide()
        aplicar = QHBoxLayout()
        aplicar.addWidget(self.botao_impacto)
        aplicar.addWidget(QLabel("Fundamento:", self))
        aplicar.addWidget(self.fundamento, 1)
        aplicar.addWidget(self.botao_aplicar)
        # A aba inteira rola: a tabela, a simulação, as diferenças e a escolha de como pagá-las não cabem
        # juntas em 768 px de altura, e espremê-las escondia as linhas da tabela e os campos.
        conteudo = QWidget(self)
        rolagem = QScrollArea(self)
        rolagem.setWidgetResizable(True)
        rolagem.setFrameShape(QFrame.Shape.NoFrame)
        externo = QVBoxLayout(self)
        externo.setContentsMargins(0, 0, 0, 0)
        externo.addWidget(rolagem)
        visao = self.matriz.visao
        visao.setMinimumHeight(visao.horizontalHeader().sizeHint().height() + 4
                               + len(_LINHAS) * visao.verticalHeader().defaultSectionSize())
        self.tabela_dif.setMinimumHeight(180)
        lay = QVBoxLayout(conteudo)
        lay.addLayout(topo)
        lay.addWidget(self.vigencia)
        lay.addWidget(self.matriz.visao, 2)
        lay.addWidget(self.erro_matriz)
        lay.addWidget(grupo)
        lay.addWidget(self.descricao)
        lay.addWidget(self.alertas)
        lay.addWidget(self.tabela_dif, 2)
        lay.addLayout(aplicar)
        lay.addWidget(self.mensagem)
        self.diferencas = PainelDiferencas(sessao, self)  # pagar na próxima competência ou em folha complementar
        lay.addWidget(self.diferencas)
        rolagem.setWidget(conteudo)
        self.botao_mostrar.clicked.connect(self._on_mostrar)
        self.botao_simular.clicked.connect(self._on_simular)
        self.botao_aplicar.clicked.connect(self._on_aplicar)
        self.botao_impacto.clicked.connect(self._on_impacto)
        self.modos.buttonToggled.connect(self._on_modo)
        self._on_mostrar()
        self._on_modo()

    # -- matriz ------------------------------------------------------------------------------
    def _coluna_classe(self, classe: str) -> Coluna:
        """A coluna da classe: o valor em vigor; no modo células, digitável (onde a tabela tem a célula)."""
        return Coluna(f"Classe {classe}", lambda l: l["textos"].get(classe, ""), alinhamento="direita", largura=85,
                      titulo_longo=f"Classe {classe} (tempo de serviço, art. 16)",
                      editar=partial(self._on_celula, classe),
                      pode_editar=lambda l: self.modo_celulas.isChecked() and classe in l["valores"],
                      erro=lambda l: l["erros"].get(classe))

    def _on_celula(self, classe: str, linha: dict, texto: str) -> None:
        """Valor digitado numa célula: dinheiro vira "1.234,56"; o que não é fica como digitado, em vermelho."""
        if texto.strip() == linha["textos"].get(classe, ""):
            return
        try:
            linha["textos"][classe] = decimal_br(validacao.dinheiro(texto), dinheiro=True)
            linha["erros"].pop(classe, None)
        except validacao.EntradaInvalida as e:
            linha["textos"][classe] = texto.strip()
            linha["erros"][classe] = f"{_celula(linha, classe)}: {e}"
        self._mostrar_erro_matriz()

    def _mostrar_erro_matriz(self) -> None:
        erros = [l["erros"][c] for l in self.matriz.linhas() for c in CLASSES if c in l["erros"]]
        self.erro_matriz.setText(f"⚠ {erros[0]}" if erros else "")

    def _on_mostrar(self) -> None:
        if not self.data.validar():
            return
        sessao, dia = self._sessao, self.data.valor()
        self.lendo += 1
        servicos.consulta(self, lambda: consultas.matriz_em(sessao, dia), self._on_matriz,
                          titulo_erro="Tabela de vencimentos", ao_falhar=self._on_fim_leitura)

    def _on_fim_leitura(self, *_args) -> None:
        self.lendo -= 1

    def _on_matriz(self, matriz) -> None:
        self.lendo -= 1
        self.vigencia.setText(f"Vigente desde {formato.data(matriz.inicio)} — {matriz.fundamento}. Vencimento "
                              "básico mensal por nível (titulação, art. 14), classe (tempo, art. 16) e jornada.")
        self.matriz.definir_linhas(_linhas_matriz(matriz))
        self._mostrar_erro_matriz()

    def _on_modo(self, *_args) -> None:
        self.base.setEnabled(self.modo_base.isChecked())
        self.percentual.setEnabled(self.modo_percentual.isChecked())
        # a matriz só se edita no modo células (``pode_editar`` das colunas)

    def celulas_digitadas(self) -> dict:
        self.matriz.confirmar_edicao()  # o valor ainda no editor (Simular no meio da digitação) entra
        celulas = {}
        for linha in self.matriz.linhas():
            for c in CLASSES:
                texto = linha["textos"].get(c, "")
                if texto.strip():
                    try:
                        celulas[(linha["nivel"], c, linha["jornada"])] = validacao.dinheiro(texto)
                    except validacao.EntradaInvalida as e:
                        raise validacao.EntradaInvalida(f"{_celula(linha, c)}: {e}") from None
        return celulas

    # -- simulação ---------------------------------------------------------------------------
    def _on_simular(self) -> None:
        if not self.inicio.validar():
            return
        kwargs = {}
        try:
            if self.modo_base.isChecked():
                kwargs["base"] = self.base.valor()
            elif self.modo_percentual.isChecked():
                kwargs["percentual"] = self.percentual.valor()
            else:
                kwargs["celulas"] = self.celulas_digitadas()
        except validacao.EntradaInvalida as e:
            avisos.erro(self, "Simular reajuste", str(e))
            return
        sessao, inicio = self._sessao, self.inicio.valor()
        self.lendo += 1
        servicos.consulta(self, lambda: tabelas.simular_reajuste(sessao, inicio, **kwargs), self._on_simulado,
                          titulo_erro="Simular reajuste", ao_falhar=self._on_fim_leitura)

    def _on_simulado(self, sim) -> None:
        self.lendo -= 1
        self.simulacao = sim
        self.modelo_dif.definir_linhas(sim.diferencas)
        self.descricao.setText(f"<b>Simulação a partir de {formato.data(sim.inicio)}</b> sobre a tabela vigente desde "
                               f"{formato.data(sim.atual.inicio)}. {sim.descricao}")
        self.alertas.setText("<br>".join([f"⚠ {a.mensagem} ({a.fundamento})" for a in sim.avisos_piso] +
                                         [f"⚠ {a}" for a in sim.avisos]))
        self.botao_aplicar.setText(f"Ap&licar a partir de {formato.data(sim.inicio)}…")
        self._atualizar_aplicar()

    def _on_impacto(self) -> None:
        sim = self.simulacao
        if sim is None:
            return
        sessao = self._sessao

        def _salvo(caminho) -> None:
            self.ultimo_relatorio = caminho

        emitir_em_segundo_plano(self, self.mensagem, "Impacto do reajuste",
                                lambda p: documentos.emitir_impacto_reajuste(sessao, sim, p.informar),
                                f"impacto-reajuste-{sim.inicio:%Y-%m}",
                                andamento="Calculando o impacto do reajuste na folha…", abrir=True, ao_salvar=_salvo)

    def _atualizar_aplicar(self) -> None:
        self.botao_impacto.setEnabled(self.simulacao is not None)
        self.botao_aplicar.setEnabled(self.simulacao is not None and self._sessao.pode(Permissao.PARAMETROS_EDITAR))
        if not self._sessao.pode(Permissao.PARAMETROS_EDITAR):
            self.botao_aplicar.setToolTip("Só quem cadastra parâmetros legais (administrador) aplica o reajuste.")

    def _on_aplicar(self) -> None:
        sim = self.simulacao
        if sim is None or not self.fundamento.validar():
            return
        piso = f" Atenção: {len(sim.avisos_piso)} aviso(s) de piso." if sim.avisos_piso else ""
        if not avisos.confirmar(self, "Aplicar reajuste", f"Cadastrar a nova tabela do Anexo I a partir de "
                                f"{formato.data(sim.inicio)}?{piso}", sim="Aplicar reajuste", perigoso=bool(piso),
                                detalhe="As competências a partir dessa data serão calculadas com ela. A mudança "
                                        "vai ao diário de auditoria com o fundamento informado."):
            return
        sessao, fundamento = self._sessao, self.fundamento.valor()
        servicos.gravar(self, "Aplicando o reajuste…", lambda: tabelas.aplicar_reajuste(sessao, sim, fundamento),
                        lambda _r: self._on_aplicado(sim), titulo_erro="Aplicar reajuste")

    def _on_aplicado(self, sim) -> None:
        self.simulacao = None
        self._atualizar_aplicar()
        self.data.definir_texto(formato.data(sim.inicio))
        self._on_mostrar()
        self.descricao.setText(f"Nova tabela em vigor a partir de {formato.data(sim.inicio)}.")
