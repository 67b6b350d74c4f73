"""Aba "Lançamentos do mês": a grade de uma escola numa competência — faltas do dia inteiro e por hora, horas
noturnas e uma rubrica avulsa (valor, descrição, fundamento legal, incidências) de todos os lotados, pelo teclado.

A grade é a tabela comum como planilha (``widgets.tabela.Lista``, ``planilha=True``): digitar começa a editar,
Tab e Shift+Tab andam pelas células, Enter confirma e desce, Ctrl+S grava. Cada linha editada é conferida pelo serviço (``lancamentos.conferir``, as mesmas validações da ficha) fora da
thread da interface: a célula com problema fica vermelha, com a mensagem e o artigo embaixo e na dica.
Gravar manda as linhas alteradas de uma vez (tudo ou nada); carregar outra escola ou competência, ou sair
da aba, com alterações não gravadas pergunta se grava. Sem SQL e sem regra aqui.
"""
from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop.rules import formato
from desktop.rules.papeis import Permissao
from desktop.screens.widgets import servicos
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.mensagem import Mensagem
from desktop.screens.widgets.situacao import reservar_linhas
from desktop.screens.widgets.tabela import Coluna, Lista
from desktop.services.magisterio import cadastro, lancamentos

(COL_NOME, COL_MATRICULA, COL_DIAS, COL_HORAS, COL_NOTURNAS, COL_VALOR, COL_DESCRICAO, COL_FUNDAMENTO,
 COL_INCIDENCIAS, COL_AVULSAS, COL_OUTRAS) = range(11)
# Título curto em duas linhas (cabe em 1366×768 com as 11 colunas) e a explicação na dica do cabeçalho.
_TITULOS = ("Servidor", "Matrícula", "Faltas\n(dias)", "Faltas\n(dia:horas)", "Horas\nnoturnas",
            "Avulsa\nR$", "Descrição\nda avulsa", "Base\nlegal", "Incide\n(P, I)",
            "Avulsas\nlançadas", "Outras\nfaltas")  # curtos: o que falta dizer está na dica (_DICAS)
# ('Base legal', não 'Fundamento legal': 'Fundamento', a palavra mais larga dos títulos, tirava ~35 pontos do servidor)
_DICAS = ("", "", "Faltas injustificadas de dia inteiro: 3, 7, 10-12 (Lei 1.613/2004, art. 34, §1º, I)",
          "Faltas em horas, dia:horas — 8:2 são 2 horas no dia 8 (Lei 1.613/2004, art. 34, §1º, II)",
          "Horas após as 22 h em regência (Lei 1.613/2004, art. 50)",
          "Valor da rubrica avulsa do mês; − na frente para desconto", "Descrição que sai no contracheque",
          "Fundamento legal: lei, decreto ou decisão que fundamenta a avulsa (obrigatório)",
          "Incidências: P (previdência), I (IRRF), PI ou em branco",
          "Rubricas avulsas já gravadas neste mês", "Faltas justificadas e outros códigos, lançadas na ficha")
# a largura de cada coluna é a do seu título medido (duas linhas, em negrito: ``sectionSizeHint`` do cabeçalho) ou a do
# texto, a maior — com pontos fixos (75, 110, 80…) maiores que os títulos, a sobra do servidor, que estica, não dava
# para 'Patrícia Coutinho Moitinho' sob o X a 1366×768 (a demonstração de 300 servidores); o servidor no mínimo 180
_LARGURA_SERVIDOR = 180
CHAVES = {COL_DIAS: "dias", COL_HORAS: "horas", COL_NOTURNAS: "noturnas", COL_VALOR: "avulsa_valor",
          COL_DESCRICAO: "avulsa_descricao", COL_FUNDAMENTO: "avulsa_fundamento", COL_INCIDENCIAS: "avulsa_incidencias"}
_SO_LEITURA = {COL_NOME: lambda g: g.nome, COL_MATRICULA: lambda g: g.matricula, COL_AVULSAS: lambda g: g.avulsas,
               COL_OUTRAS: lambda g: g.outras}


def _linha(i: int, g: lancamentos.LinhaGrade) -> dict:
    """Uma linha da grade: o servidor (``g``), a posição e o texto de cada célula editável, como veio da base."""
    return {"i": i, "grade": g, "dias": g.texto_dias, "horas": g.texto_horas, "noturnas": g.texto_noturnas,
            "avulsa_valor": "", "avulsa_descricao": "", "avulsa_fundamento": "", "avulsa_incidencias": ""}


class AbaLancamentos(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.editar = sessao.pode(Permissao.MAGISTERIO_EDITAR)
        self.linhas: list[lancamentos.LinhaGrade] = []
        self.erros: dict[tuple[int, int], str] = {}
        self.alteradas: set[int] = set()
        self._carga = None            # (escola, competência) da grade mostrada
        self._versao: dict[int, int] = {}  # conferências em andamento: só vale a resposta da última de cada linha
        self._carregar_ao_receber = False
        self.escola = QComboBox(self)
        self.escola.setAccessibleName("Escola")
        hoje = date.today()
        self.competencia = CampoValidado(formato.ler_competencia, placeholder="mm/aaaa", parent=self)
        self.competencia.definir_texto(f"{formato.competencia(hoje)}")
        self.botao_carregar = QPushButton("&Carregar", self)
        self.grade = Lista([self._coluna(c) for c in range(len(_TITULOS))], self, chave="i", ordenavel=False,
                           planilha=True, nome="Grade dos lançamentos do mês")
        self.tabela = self.grade.visao
        cab = self.tabela.horizontalHeader()
        for c in range(len(_TITULOS)):  # o servidor estica; as outras, do tamanho do título até o texto chegar
            if c != COL_NOME:
                cab.resizeSection(c, cab.sectionSizeHint(c))
        # a competência fechada; sem aviso, oculto (guardava duas linhas, ~40 pontos de vazio a 1366×768): quando
        self.aviso = Mensagem(parent=self)  # aparece, a grade encolhe e os botões não pulam
        self.mensagem = QLabel(self)
        self.mensagem.setWordWrap(True)
        reservar_linhas(self.mensagem)  # a mensagem muda; os botões não pulam
        self.mensagem.setText("Escolha a escola e a competência e clique em Carregar (Alt+C) para abrir a grade.")
        self.botao_gravar = QPushButton("&Gravar grade (Ctrl+S)", self)
        self.botao_gravar.setEnabled(False)
        topo = QHBoxLayout()
        rotulo_escola = QLabel("&Escola:", self)
        rotulo_escola.setBuddy(self.escola)
        topo.addWidget(rotulo_escola)
        topo.addWidget(self.escola, 1)  # a sobra toda: o nome longo de um CMEI saía cortado com dois terços dela
        rotulo = QLabel("C&ompetência:", self)
        rotulo.setBuddy(self.competencia)
        topo.addWidget(rotulo)
        topo.addWidget(self.competencia)
        topo.addWidget(self.botao_carregar)
        nota = QLabel("Faltas injustificadas (código FI; Lei 1.613/2004, art. 34, §1º, I e II), horas após as 22 h em "
                      "regência (art. 50) e uma rubrica avulsa do mês (com fundamento legal) de todos os lotados na "
                      "escola no mês. Faltas justificadas e outros códigos: na ficha do servidor. Falta de competência "
                      "já fechada é descontada na seguinte. Tab anda, digitar edita, Enter desce, Ctrl+S grava.", self)
        nota.setWordWrap(True)
        nota.setObjectName("subtitulo")
        baixo = QHBoxLayout()
        baixo.addWidget(self.mensagem, 1)
        baixo.addWidget(self.botao_gravar)
        lay = QVBoxLayout(self)
        lay.addLayout(topo)
        lay.addWidget(nota)
        lay.addWidget(self.aviso)
        lay.addWidget(self.tabela, 1)
        lay.addLayout(baixo)
        QShortcut(QKeySequence.StandardKey.Save, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
                  activated=self._on_salvar_atalho)
        self.botao_carregar.clicked.connect(self._on_carregar)
        self.botao_gravar.clicked.connect(self._on_gravar)
        servicos.consulta(self, lambda: cadastro.listar_escolas(sessao), self._on_escolas, titulo_erro="Escolas")

    def _coluna(self, c: int) -> Coluna:
        """A coluna ``c``: o servidor e o já lançado só se leem; as de ``CHAVES`` se digitam (com permissão de
        editar), e a célula que a conferência recusou fica vermelha com a mensagem (e o artigo) na dica."""
        comum = {"largura": _LARGURA_SERVIDOR if c == COL_NOME else None, "titulo_longo": _DICAS[c] or None, "esticar": c == COL_NOME,
                 "alinhamento": "direita" if c == COL_VALOR else "esquerda"}
        if c in _SO_LEITURA:
            mostrar = _SO_LEITURA[c]
            # as avulsas já lançadas e as outras faltas podem ser longas ('+R$ 150,00 Abono…; +R$ …'): pelo
            # conteúdo, alargavam a grade além da aba a 1366×768; ficam na sua largura, o texto inteiro na dica
            longa = c in (COL_AVULSAS, COL_OUTRAS)
            return Coluna(_TITULOS[c], lambda l: mostrar(l["grade"]), pelo_conteudo=not longa, **comum)
        chave = CHAVES[c]
        return Coluna(_TITULOS[c], lambda l: l[chave], editar=partial(self._on_celula, chave) if self.editar else None,
                      erro=lambda l: self.erros.get((l["i"], c)), **comum)

    def _on_escolas(self, escolas: list[dict]) -> None:
        for e in escolas:
            self.escola.addItem(e["nome"], e["id"])
        if self._carregar_ao_receber:
            self._on_carregar()

    def definir_competencia(self, comp: date) -> None:
        """Mostra a grade da competência ``comp`` (da Folha mensal), na escola escolhida."""
        if not self.pode_sair(lambda: self.definir_competencia(comp)):
            return
        self.competencia.definir_texto(f"{formato.competencia(comp)}")
        self._carregar_ao_receber = self.escola.count() == 0  # as escolas ainda não chegaram
        if not self._carregar_ao_receber:
            self._on_carregar()

    # -- carga -------------------------------------------------------------------------------------
    def _on_carregar(self) -> None:
        if not self.competencia.validar() or self.escola.currentData() is None or not self.pode_sair():
            return
        self.recarregar(self.escola.currentData(), self.competencia.valor())

    def recarregar(self, escola: str, comp: date) -> None:
        sessao = self._sessao
        servicos.consulta(self, lambda: (lancamentos.grade(sessao, escola, comp), lancamentos.situacao(sessao, comp)),
                          lambda r: self.mostrar(r[0], r[1], (escola, comp)), titulo_erro="Lançamentos do mês")

    def mostrar(self, linhas: list[lancamentos.LinhaGrade], aviso: str = "", carga=None) -> None:
        self.linhas, self.erros, self._carga = linhas, {}, carga
        self.alteradas.clear()
        self._versao.clear()
        self.grade.definir_linhas([_linha(i, l) for i, l in enumerate(linhas)])
        self.aviso.setText(f"<span style='color:#8a5300'>{aviso}</span>" if aviso else "")
        self.mensagem.setText(f"{len(linhas)} servidor(es) lotado(s) no mês." if linhas else
                              "Ninguém lotado nesta escola no último dia da competência.")
        if linhas:
            self.tabela.setCurrentIndex(self.tabela.model().index(0, COL_DIAS))
            self.tabela.setFocus()
        self._atualizar()

    # -- conferência enquanto se digita ---------------------------------------------------------------
    def linha_da_tela(self, r: int) -> dict:
        linha = self.grade.modelo.linha(self.grade.modelo.posicao(r))  # r: a ordem de chegada, não a vista
        return {"servidor_id": linha["grade"].servidor_id} | {chave: linha[chave] for chave in CHAVES.values()}

    def _on_celula(self, chave: str, linha: dict, texto: str) -> None:
        """A célula ``chave`` da ``linha`` recebeu ``texto`` (Enter, Tab ou outra célula): confere a linha."""
        if linha[chave] == texto or self._carga is None:
            return  # editor aberto e fechado sem mudar nada: a linha não é alterada
        linha[chave] = texto
        r = linha["i"]
        self.alteradas.add(r)
        self._atualizar()
        versao = self._versao[r] = self._versao.get(r, 0) + 1
        carga, sessao, linha = self._carga, self._sessao, self.linha_da_tela(r)
        servicos.consulta(self, lambda: lancamentos.conferir(sessao, carga[0], carga[1], linha),
                          lambda erros: self._on_conferida(carga, r, versao, erros), titulo_erro="Lançamentos do mês")

    def _on_conferida(self, carga, r: int, versao: int, erros: dict[str, str]) -> None:
        if carga != self._carga or self._versao.get(r) != versao:
            return  # a grade mudou ou a linha foi editada de novo: vale a conferência mais nova
        del self._versao[r]
        for c, chave in CHAVES.items():
            problema = erros.get(chave)
            if problema:
                self.erros[(r, c)] = problema
            else:
                self.erros.pop((r, c), None)
        self.grade.modelo.linha_mudou(r)  # vermelho e a mensagem na dica, ou não mais
        self._atualizar()

    def conferindo(self) -> bool:
        """Há conferência de linha ainda em andamento."""
        return bool(self._versao)

    def _atualizar(self) -> None:
        if self.erros:
            (linha, _c), texto = sorted(self.erros.items())[0]
            self.mensagem.setText(f"<span style='color:#b00020'><b>{self.linhas[linha].nome}:</b> {texto}</span>")
        self.botao_gravar.setEnabled(self.editar and bool(self.alteradas) and not self.erros)

    # -- gravação ------------------------------------------------------------------------------------
    def _on_salvar_atalho(self) -> None:
        self.grade.confirmar_edicao()  # Ctrl+S no meio da edição: a célula digitada entra
        if self.erros:
            (linha, _c), texto = sorted(self.erros.items())[0]
            self.mensagem.setText(f"<span style='color:#b00020'>Há células em vermelho (linha {linha + 1}, "
                                  f"{self.linhas[linha].nome}): corrija antes de gravar. {texto}</span>")
            return
        self._on_gravar()

    def _on_gravar(self, depois=None) -> None:
        if self.erros or not self.alteradas or self._carga is None or not self.editar:
            return
        pedido = [self.linha_da_tela(r) for r in sorted(self.alteradas)]
        (escola, comp), sessao = self._carga, self._sessao
        servicos.operacao(self, "Gravando os lançamentos do mês…",
                          lambda _p: lancamentos.gravar_grade(sessao, escola, comp, pedido),
                          lambda r: self._on_gravado(r, depois), titulo_erro="Lançamentos do mês")

    def _on_gravado(self, resultado: dict, depois=None) -> None:
        self.alteradas.clear()
        texto = (f"Grade gravada: {resultado['faltas']} falta(s), {resultado['horas_noturnas']} lançamento(s) de "
                 f"horas noturnas, {resultado['avulsas']} rubrica(s) avulsa(s).")
        if resultado["avisos"]:
            texto += " " + " ".join(resultado["avisos"])
        escola, comp = self._carga
        sessao = self._sessao

        def _on_relida(r) -> None:
            self.mostrar(r[0], r[1], (escola, comp))
            self.mensagem.setText(texto)
            if depois is not None:
                depois()

        servicos.consulta(self, lambda: (lancamentos.grade(sessao, escola, comp), lancamentos.situacao(sessao, comp)),
                          _on_relida, titulo_erro="Lançamentos do mês")

    # -- sair com alterações -------------------------------------------------------------------------
    def pode_sair(self, depois=None) -> bool:
        """True se pode trocar a grade (nada alterado, ou o usuário descartou); com "Gravar", grava e chama
        ``depois()`` quando terminar (e devolve False: a troca espera a gravação)."""
        if not self.alteradas:
            return True
        caixa = QMessageBox(QMessageBox.Icon.Question, "Lançamentos do mês",
                            f"Há {len(self.alteradas)} linha(s) alterada(s) e não gravada(s). Gravar agora?",
                            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                            | QMessageBox.StandardButton.Cancel, self)
        caixa.setDefaultButton(QMessageBox.StandardButton.Save)
        resposta = caixa.exec()
        if resposta == QMessageBox.StandardButton.Discard:
            self.alteradas.clear()
            self._atualizar()
            return True
        if resposta == QMessageBox.StandardButton.Save:
            if self.erros:
                self._on_salvar_atalho()  # mostra o que falta corrigir
            else:
                self._on_gravar(depois or self._on_carregar)
        return False
