"""Diálogo Códigos do Sistec: unidade, cursos e ciclos (ofertas), preenchidos uma vez e usados na exportação."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from desktop.rules.papeis import Permissao
from desktop.screens.widgets.tabela import Coluna, Lista
from desktop.services.certificacao import acompanhamento

from .comum import CARREGANDO, avisar, ler, operar


class DialogoCodigosSistec(QDialog):
    def __init__(self, sessao, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Códigos do Sistec")
        self.sessao = sessao
        self.tarefa = None  # a gravação de um código em andamento (comum.operar)
        self.lendo, self.linhas = False, []
        editar = sessao.pode(Permissao.CERTIFICACAO_EDITAR)
        self.lista = Lista([
            Coluna("Tipo", lambda l: acompanhamento.TIPOS_CODIGO[l["tipo"]].capitalize(), largura=220),
            Coluna("Nome", lambda l: l["nome"], esticar=True, largura=260),
            Coluna("Código", lambda l: l["codigo"] or "", largura=120, editar=self._on_editado if editar else None,
                   titulo_longo="Código do Sistec (F2 ou Enter para editar)"),
        ], self, nome="Códigos do Sistec", chave="referencia_id")
        self.tabela = self.lista.visao
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        botoes = QDialogButtonBox(QDialogButtonBox.Close, self)
        botoes.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("Preencha uma vez o código do Sistec de cada unidade, curso e ciclo (oferta): a "
                             "exportação leva os códigos, e não os nomes. Edite a coluna Código (Enter ou F2)."))
        lay.addWidget(self.tabela, 1)
        lay.addWidget(self.situacao)
        lay.addWidget(botoes)
        self.resize(640, 420)
        self.atualizar()

    def atualizar(self) -> None:
        """Relê os códigos fora da thread da interface (comum.ler)."""
        sessao = self.sessao
        if not self.linhas:
            self.situacao.setText(CARREGANDO)
        ler(self, lambda: acompanhamento.codigos_sistec(sessao), self._on_lido, titulo_erro="Códigos não lidos")

    def _on_lido(self, linhas: list[dict]) -> None:
        if self.situacao.text() == CARREGANDO:
            self.situacao.clear()
        self.linhas = linhas
        self.lista.definir_linhas(linhas)

    def _on_editado(self, l: dict, codigo: str) -> None:
        """O código digitado na linha ``l`` é gravado fora da thread da interface; recusado, a lista é relida."""
        if codigo == (l["codigo"] or ""):
            return
        if self.tarefa is not None:  # outro código ainda sendo gravado: este não é aceito, e a célula volta
            self.situacao.setText("Aguarde a gravação do código anterior e digite de novo.")
            return
        l["codigo"], sessao = codigo, self.sessao  # aparece já; a lista relida depois diz o que ficou gravado
        operar(self, "Gravando o código…", lambda: acompanhamento.definir_codigo_sistec(
            sessao, l["tipo"], l["referencia_id"], codigo), lambda _r: self._on_gravado(l), ao_recusar=self._on_recusado)

    def _on_gravado(self, l: dict) -> None:
        self.situacao.setText(f"Código do(a) {acompanhamento.TIPOS_CODIGO[l['tipo']]} {l['nome']} gravado.")
        self.atualizar()

    def _on_recusado(self, erro: BaseException) -> None:
        self.situacao.setText(str(erro))
        avisar(self, erro)
        self.atualizar()
