"""Aba Livros de registro: livros por emissor e tipo de título, abrir, encerrar e imprimir com os termos."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from desktop.rules.certificacao.livros import FOLHAS_PADRAO, REGISTRAVEIS
from desktop.rules.certificacao.tipos import TITULOS_DOCUMENTO
from desktop.rules.papeis import Permissao
from desktop.screens.widgets import formato
from desktop.screens.widgets.fluxo import LayoutFluxo
from desktop.screens.widgets.tabela import Coluna, Lista
from desktop.services.certificacao import instituicao, livros

from .comum import aguardar_combo, avisar, emitir_pdf, encher_combo, ler, operar
from desktop.screens.widgets.situacao import reservar_linhas


def _com_rotulo(rotulo: str, campo: QWidget) -> QWidget:
    caixa = QWidget()
    lay = QHBoxLayout(caixa)
    lay.setContentsMargins(0, 0, 0, 0)
    texto = QLabel(rotulo, caixa)
    texto.setBuddy(campo)  # Alt+N, Alt+T levam ao campo
    lay.addWidget(texto)
    lay.addWidget(campo, 1)
    return caixa


class AbaLivros(QWidget):
    def __init__(self, sessao, parent=None):
        super().__init__(parent)
        self.sessao = sessao
        self.tarefa = None  # a gravação em andamento (comum.operar)
        self.livros: list[dict] = []
        self.lendo = False  # a leitura das unidades e dos livros (comum.ler), fora da thread da interface
        self.lista = Lista([
            Coluna("Livro", lambda l: str(l["numero"]), ordenar=lambda l: l["numero"], alinhamento="direita", largura=60),
            Coluna("Tipo", lambda l: TITULOS_DOCUMENTO.get(l["tipo_documento"], l["tipo_documento"]), esticar=True, largura=260),
            Coluna("Folhas", lambda l: str(l["folhas"]), ordenar=lambda l: l["folhas"], alinhamento="direita", largura=70),
            Coluna("Usadas", lambda l: str(l["usadas"]), ordenar=lambda l: l["usadas"], alinhamento="direita", largura=70),
            Coluna("Aberto em", lambda l: formato.data(l["aberto_em"]), ordenar=lambda l: l["aberto_em"], largura=100),
            Coluna("Encerrado em", lambda l: formato.data(l["encerrado_em"]), ordenar=lambda l: l["encerrado_em"],
                   largura=110),
        ], self, nome="Livros de registro", ao_mudar=self._on_selecao)
        self.tabela = self.lista.visao
        self.unidade = QComboBox(self)
        self.tipo = QComboBox(self)
        for t in REGISTRAVEIS:
            self.tipo.addItem(TITULOS_DOCUMENTO[t], t.value)
        self.folhas = QSpinBox(self)
        self.folhas.setRange(1, 2000)
        self.folhas.setValue(FOLHAS_PADRAO)
        self.folhas.setSuffix(" folhas")
        self.botao_abrir = QPushButton("Abrir &livro", self)
        self.botao_encerrar = QPushButton("&Encerrar livro…", self)
        self.botao_imprimir = QPushButton("Imprimir livro (&PDF)", self)
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        reservar_linhas(self.situacao)  # a mensagem muda; os botões não pulam
        self.botao_abrir.clicked.connect(self._on_abrir)
        self.botao_encerrar.clicked.connect(self._on_encerrar)
        self.botao_imprimir.clicked.connect(self._on_imprimir)
        barra = LayoutFluxo()
        for w in (_com_rotulo("U&nidade:", self.unidade), _com_rotulo("&Tipo:", self.tipo), self.folhas,
                  self.botao_abrir, self.botao_encerrar, self.botao_imprimir):
            barra.addWidget(w)  # o rótulo vai junto do seu campo quando a barra quebra a linha
        lay = QVBoxLayout(self)
        explica = QLabel("Cada título ocupa uma folha do livro do seu tipo; o histórico vai no registro do "
                         "seu título. Livro completo: encerre-o e abra o seguinte.")
        explica.setWordWrap(True)
        lay.addWidget(explica)
        lay.addWidget(self.tabela, 1)
        lay.addLayout(barra)
        lay.addWidget(self.situacao)
        self.atualizar()

    def atualizar(self) -> None:
        """Relê as unidades e os livros fora da thread da interface; Abrir livro espera a lista de unidades."""
        sessao = self.sessao
        aguardar_combo(self.unidade)
        self.botao_abrir.setEnabled(False)
        ler(self, lambda: (instituicao.listar_unidades_certificadoras(sessao), livros.listar_livros(sessao)),
            self._on_lido, titulo_erro="Livros não lidos")

    def _on_lido(self, lido: tuple[list[dict], list[dict]]) -> None:
        unidades, self.livros = lido
        encher_combo(self.unidade, [(u["id"], u["nome"]) for u in unidades], primeiro=(None, "(emissor do módulo)"))
        self.botao_abrir.setEnabled(self.sessao.pode(Permissao.CERTIFICACAO_EDITAR))
        self.lista.definir_linhas(self.livros)
        self._on_selecao()

    def _selecionado(self) -> dict | None:
        return self.lista.selecionada()

    def _on_selecao(self) -> None:
        l = self._selecionado()
        self.botao_encerrar.setEnabled(bool(l) and not l["encerrado_em"] and self.sessao.pode(Permissao.CERTIFICACAO_EDITAR))
        self.botao_imprimir.setEnabled(bool(l) and self.sessao.pode(Permissao.DOCUMENTOS_EMITIR))

    def _on_abrir(self) -> None:
        sessao, tipo, folhas, unidade = (self.sessao, self.tipo.currentData(), self.folhas.value(),
                                         self.unidade.currentData())
        operar(self, "Abrindo o livro…", lambda: livros.abrir_livro(sessao, tipo_documento=tipo, folhas=folhas,
                                                                    unidade_id=unidade), self._on_aberto,
               ao_recusar=lambda erro: avisar(self, erro))

    def _on_aberto(self, l: dict) -> None:
        self.atualizar()
        self.situacao.setText(f"Livro nº {l['numero']} aberto: {l['termo_abertura']}")

    def _on_encerrar(self) -> None:
        l = self._selecionado()
        if not l:
            return
        sessao, livro_id = self.sessao, l["id"]
        operar(self, "Encerrando o livro…", lambda: livros.encerrar_livro(sessao, livro_id), self._on_encerrado,
               ao_recusar=lambda erro: avisar(self, erro))

    def _on_encerrado(self, l: dict) -> None:
        self.atualizar()
        self.situacao.setText(l["termo_encerramento"])

    def _on_imprimir(self) -> None:
        l = self._selecionado()
        if not l:
            return
        sessao, livro_id, numero = self.sessao, l["id"], l["numero"]
        emitir_pdf(self, "Livro de registro", lambda: livros.emitir_livro(sessao, livro_id), f"livro-de-registro-{numero}",
                   andamento="Emitindo o livro…", texto=lambda e: f"Livro nº {numero} emitido ({e.codigo}).")
