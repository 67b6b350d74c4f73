"""Restaurar cópia de segurança pela tela de entrada, quando a base não abre (danificada, sem chaves).

A base atual nunca é apagada: o serviço de cópias a guarda ao lado, com outro nome, e a mensagem
final diz onde.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from desktop.screens.widgets.credenciais import Credenciais
from desktop.screens.widgets.mensagem import Mensagem
from desktop.screens.widgets.tarefa import executar
from desktop.services import copias, instalacao
from desktop.screens.widgets import formato


def descrever_copia(caminho: Path, momento, tipo: str) -> str:
    rotulo = copias.ROTULOS_TIPO.get(tipo, tipo)
    return f"{formato.data(momento)} às {momento:%H:%M} — {rotulo} — {caminho}"


def _restaurar(_progresso, caminho: Path, copia: Path | None, login: str, senha: str, chave: str):
    return copias.restaurar_com_credenciais(caminho, copia, login=login, senha=senha, chave=chave)


class DialogoRestaurar(QDialog):
    """Ao restaurar, emite ``sig_restaurada(mensagem)`` dizendo onde ficou a base anterior."""

    sig_restaurada = Signal(str)

    def __init__(self, caminho: Path, *, login: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._caminho = Path(caminho)
        self._escolhida: Path | None = None
        self._tarefa = None
        self.setWindowTitle("Restaurar cópia de segurança")
        self.setMinimumWidth(640)
        explicacao = QLabel(
            "O Paço pode pôr no lugar da base uma cópia de segurança. Tudo o que foi gravado "
            "depois da cópia deixará de aparecer. A base atual <b>não é apagada</b>: fica "
            "guardada ao lado, com outro nome.")
        explicacao.setWordWrap(True)
        self.copia = QLabel()
        self.copia.setWordWrap(True)
        self.botao_escolher = QPushButton("Escolher outra cópia…")
        self.botao_escolher.setAutoDefault(False)
        linha_copia = QHBoxLayout()
        linha_copia.addWidget(self.copia, 1)
        linha_copia.addWidget(self.botao_escolher)
        self.credenciais = Credenciais(login=login, rotulo_senha="Com a minha senha (como está na cópia)")
        self.mensagem = Mensagem(nome="erro")
        botoes = QDialogButtonBox()
        self.botao_restaurar = botoes.addButton("Restaurar", QDialogButtonBox.ButtonRole.AcceptRole)
        botao_cancelar = botoes.addButton("Cancelar", QDialogButtonBox.ButtonRole.RejectRole)
        lay = QVBoxLayout(self)
        lay.addWidget(explicacao)
        lay.addSpacing(6)
        lay.addWidget(QLabel("<b>Cópia a restaurar</b>"))
        lay.addLayout(linha_copia)
        lay.addSpacing(6)
        lay.addWidget(self.credenciais)
        lay.addWidget(self.mensagem)
        lay.addWidget(botoes)
        self.botao_restaurar.clicked.connect(self._on_restaurar)
        botao_cancelar.clicked.connect(self.reject)
        self.botao_escolher.clicked.connect(self._on_escolher)
        self._descrever()

    def _descrever(self) -> None:
        if self._escolhida is not None:
            self.copia.setText(f"Arquivo escolhido: {self._escolhida}")
            return
        try:
            info = copias.copia_mais_recente(self._caminho)
        except Exception as e:  # noqa: BLE001 — pasta ilegível etc.: dizer e deixar escolher
            info = None
            self.copia.setText(instalacao.mensagem(e))
            return
        if info is None:
            self.copia.setText(
                f"Não há cópias em {copias.pasta_copias_da_base(self._caminho)}. Se houver uma "
                "num pen drive, use “Escolher outra cópia…”.")
        else:
            self.copia.setText("A mais recente: " + descrever_copia(info.caminho, info.momento, info.tipo))

    def _on_escolher(self) -> None:
        inicial = copias.pasta_copias_da_base(self._caminho)
        escolhido, _ = QFileDialog.getOpenFileName(
            self, "Escolher a cópia de segurança", str(inicial if inicial.exists() else Path.home()),
            "Cópias do Paço (*.db);;Todos os arquivos (*)")
        if escolhido:
            self.escolher(Path(escolhido))

    def escolher(self, copia: Path) -> None:
        self._escolhida = Path(copia)
        self._descrever()

    def _on_restaurar(self) -> None:
        if falta := self.credenciais.falta():
            return self._dizer(falta)
        self.mensagem.hide()
        self.setEnabled(False)
        self._tarefa = executar(self, "Restaurando a cópia de segurança…", _restaurar, self._caminho,
                                self._escolhida, *self.credenciais.valores())
        self._tarefa.dialogo.setCancelButton(None)
        self._tarefa.sig_concluida.connect(self._on_restaurada)
        self._tarefa.sig_falhou.connect(self._on_falhou)

    def _dizer(self, texto: str) -> None:
        self.mensagem.setText(texto)

    def _on_restaurada(self, resultado) -> None:
        self.setEnabled(True)
        self.accept()
        self.sig_restaurada.emit(resultado.mensagem())

    def _on_falhou(self, erro: BaseException) -> None:
        self.setEnabled(True)
        self._dizer(instalacao.mensagem(erro))
