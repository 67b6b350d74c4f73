"""Diálogo de formulário: campos validados enquanto se digita, botão de confirmar só com tudo certo.

A subclasse monta os campos com ``adicionar`` e implementa ``chamada()``: lê os campos (aqui, na
thread da interface) e devolve a chamada ao serviço, sem argumentos, que o diálogo roda fora da
interface com ``servicos.operacao`` (o progresso aparece se demorar; os campos ficam travados enquanto
grava; Esc não fecha o diálogo no meio). Se o serviço recusar (regra, permissão, entrada inválida), a
mensagem aparece no próprio diálogo, que continua aberto para o usuário corrigir. Um diálogo que só
junta valores, sem serviço, guarda-os em ``resultado`` e devolve None: ele fecha na hora.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import (
    QAbstractScrollArea, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.mensagem import Mensagem
from desktop.screens.widgets.roda import ignorar_roda_em

from . import avisos, servicos

_ESTILO_ERRO = "color: #b00020; font-weight: bold;"


def _linhas_que_faltam(rotulo: QLabel, janela: QWidget) -> int:
    """Quanto um texto que quebra linha pede além do mínimo que o layout lhe dá, na largura que tem (0 se não quebra
    linha, está oculto ou fica numa área que rola)."""
    if not (rotulo.wordWrap() and rotulo.isVisible()):
        return 0
    pai = rotulo.parentWidget()
    while pai is not None and pai is not janela:
        if isinstance(pai, QAbstractScrollArea):
            return 0
        pai = pai.parentWidget()
    minimo = max(rotulo.minimumHeight(), rotulo.minimumSizeHint().height())
    return max(0, min(rotulo.heightForWidth(rotulo.width()), rotulo.maximumHeight()) - minimo)


class DialogoFormulario(QDialog):
    """Base dos diálogos de cadastro. ``resultado`` guarda o que a chamada ao serviço devolveu."""

    def __init__(self, titulo: str, texto_confirmar: str, parent: QWidget | None = None,
                 explicacao: str = "", texto_voltar: str = "Cancelar"):
        super().__init__(parent)
        self.setWindowTitle(titulo)
        self.setMinimumWidth(520)
        self.resultado: Any = None
        self.tarefa = None  # a gravação em andamento (servicos.operacao)
        self._campos: list[CampoValidado] = []
        lay = QVBoxLayout(self)
        if explicacao:
            rotulo = QLabel(explicacao, self)
            rotulo.setWordWrap(True)
            lay.addWidget(rotulo)
        self.form = QFormLayout()
        lay.addLayout(self.form)
        self.rotulo_erro = Mensagem(parent=self)
        self.rotulo_erro.setStyleSheet(_ESTILO_ERRO)
        lay.addWidget(self.rotulo_erro)
        self.botoes = QDialogButtonBox(self)
        self.botao_ok: QPushButton = self.botoes.addButton(
            texto_confirmar, QDialogButtonBox.ButtonRole.AcceptRole)
        self.botao_voltar: QPushButton = self.botoes.addButton(
            texto_voltar, QDialogButtonBox.ButtonRole.RejectRole)
        self.botao_ok.setDefault(True)
        self.botoes.accepted.connect(self._on_confirmar)
        self.botoes.rejected.connect(self.reject)
        lay.addWidget(self.botoes)
        self.botao_ok.setEnabled(False)

    def adicionar(self, rotulo: str, widget: QWidget) -> QWidget:
        """Acrescenta uma linha ao formulário; campos validados passam a controlar o botão."""
        self.form.addRow(rotulo, widget)
        ignorar_roda_em(widget)  # listas e caixas de número não mudam com a roda sem foco
        if isinstance(widget, CampoValidado):
            self._campos.append(widget)
            widget.edit.textChanged.connect(self._on_mudou)
        return widget

    def campos_validos(self) -> bool:
        return all(c.valido() for c in self._campos)

    def atualizar_botao(self) -> None:
        self.botao_ok.setEnabled(self.campos_validos())

    def _on_mudou(self, *_args) -> None:
        self.rotulo_erro.hide()
        self.atualizar_botao()
        self._ajustar_altura()

    def _ajustar_altura(self) -> None:
        """Cresce a janela quando aparece uma mensagem de erro (rótulos com quebra de linha não
        aumentam sozinhos a altura mínima da janela) e nunca deixa os campos se sobreporem. Antes de a janela
        aparecer não mede nada (``showEvent`` mede): a medida de antes conta as linhas que a tela ainda vai esconder e
        ficava como altura mínima (o arquivo do banco abria com 567 px para 438 de conteúdo, a sobra em faixas vazias
        acima e abaixo do texto explicativo, visto a 1366×768)."""
        if not self.isVisible():
            return
        lay = self.layout()
        lay.activate()
        precisa = (lay.totalHeightForWidth(self.width()) if lay.hasHeightForWidth()
                   else lay.totalMinimumSize().height())
        self._garantir_altura(precisa)

    def showEvent(self, evento) -> None:  # noqa: N802 — nome do Qt
        """Ao abrir, a altura mínima já com as linhas que os textos que quebram linha pedem na largura do diálogo: o Qt
        mede o mínimo de um texto desses como uma linha curta, abre o diálogo com essa altura e o formulário espremia
        um campo alto por baixo do seguinte (a 10ª linha da grade do Anexo I ficava atrás do Fundamento, visto a
        1366×768). A altura preferida (``_ajustar_altura``) seria demais: a de uma área que rola é a do conteúdo."""
        super().showEvent(evento)
        lay = self.layout()
        lay.activate()
        precisa = lay.totalMinimumSize().height() + sum(_linhas_que_faltam(r, self) for r in self.findChildren(QLabel))
        self._garantir_altura(max(precisa, self.minimumHeight()))

    def _garantir_altura(self, precisa: int) -> None:
        """``precisa`` é a altura mínima; a janela cresce até ela se estiver mais baixa."""
        self.setMinimumHeight(precisa)
        if precisa > self.height():
            self.resize(self.width(), precisa)

    def mostrar_erro(self, texto: str) -> None:
        self.rotulo_erro.setText(texto)
        self._ajustar_altura()

    texto_andamento = "Gravando…"

    def chamada(self) -> Callable[[], Any] | None:
        """Lê os campos e devolve a chamada ao serviço (roda fora da thread da interface); levanta
        ``EntradaInvalida`` com mensagem para o usuário se um campo não serve. None: nada a gravar (o
        diálogo só junta valores em ``resultado``) e ele fecha já."""
        raise NotImplementedError

    def _on_confirmar(self) -> None:
        if self.tarefa is not None:  # já gravando (Enter de novo)
            return
        if not all([c.validar() for c in self._campos]):
            self.mostrar_erro("Corrija os campos indicados em vermelho.")
            return
        try:
            chamada = self.chamada()
        except Exception as e:  # noqa: BLE001 — a recusa vai para o usuário, o diálogo fica aberto
            if not avisos.previsto(e):
                raise
            self.mostrar_erro(avisos.mensagem_de(e))
            return
        if chamada is None:
            self.accept()
            return
        self.rotulo_erro.hide()
        self.tarefa = servicos.operacao(self, self.texto_andamento, lambda _progresso: chamada(),
                                        self._on_gravado, titulo_erro=self.windowTitle(),
                                        ao_recusar=self._on_recusado, ao_cancelar=self._on_fim_tarefa)
        self.tarefa.sig_falhou.connect(self._on_fim_tarefa)

    def reject(self) -> None:
        if self.tarefa is None:  # gravando: Esc não fecha (o Cancelar do progresso interrompe)
            super().reject()

    def _on_fim_tarefa(self, *_args) -> None:
        self.tarefa = None

    def _on_recusado(self, erro: BaseException) -> None:
        self.tarefa = None
        self.mostrar_erro(avisos.mensagem_de(erro))
        self.atualizar_botao()

    def _on_gravado(self, resultado: Any) -> None:
        self.tarefa = None
        self.resultado = resultado
        self.accept()
