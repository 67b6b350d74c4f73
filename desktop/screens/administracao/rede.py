"""Pacote pela rede local, na aba Sincronização: o diálogo de quem envia (endereço, porta e o código que a
outra máquina mostra) e o texto da recepção (endereços, porta e código desta máquina)."""
from __future__ import annotations

import html

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout,
                               QWidget)

from desktop.screens.widgets import avisos
from desktop.screens.widgets.descarte import descartar
from desktop.screens.widgets.servicos import operacao
from desktop.screens.widgets.tabela import linha_selecionada
from desktop.services import rede_local


def texto_recepcao(enderecos: list[str], porta: int, codigo: str) -> str:
    """O que a tela mostra enquanto espera: o que digitar na máquina que envia."""
    return (f"Esperando um pacote pela rede local. Na outra máquina, em Sincronização › Enviar pela rede…, "
            f"digite o endereço {' ou '.join(enderecos)}, a porta {porta} e o código {codigo}. "
            "O código vale uma vez; Cancelar encerra a espera.")


class DialogoEnviarRede(QDialog):
    """Endereço, porta e código da recepção aberta na outra máquina."""

    def __init__(self, nome: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Enviar pela rede para {nome}")
        self.endereco = QLineEdit(self)
        self.endereco.setPlaceholderText("p.ex. 192.168.0.12")
        self.porta = QSpinBox(self)
        self.porta.setRange(1, 65535)
        self.porta.setValue(rede_local.PORTA_PADRAO)
        self.codigo = QLineEdit(self)
        self.codigo.setPlaceholderText("XXXX-XXXX")
        explicacao = QLabel(f"Em <b>{html.escape(nome)}</b>, abra Sincronização › Receber pela rede…: ela mostra o "
                            "endereço, a porta e um código de uso único. O pacote é o mesmo do pen drive "
                            "(cifrado para aquela máquina); o código só confirma que é ela.", self)
        explicacao.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Endereço:", self.endereco)
        form.addRow("&Porta:", self.porta)
        form.addRow("&Código:", self.codigo)
        self.botoes = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                       self)
        self.botoes.button(QDialogButtonBox.StandardButton.Ok).setText("Enviar")
        self.botoes.button(QDialogButtonBox.StandardButton.Cancel).setText("Cancelar")
        self.botoes.accepted.connect(self.accept)
        self.botoes.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(explicacao)
        lay.addLayout(form)
        lay.addWidget(self.botoes)

    def pedir(self) -> tuple[str, int, str] | None:
        try:
            if self.exec() != QDialog.DialogCode.Accepted:
                return None
            return self.endereco.text().strip(), self.porta.value(), self.codigo.text().strip()
        finally:
            self.codigo.clear()


class RedeLocal:
    """Enviar e receber pela rede local na aba Sincronização (misturada a ``AbaSincronizacao``: usa ``tabela``,
    ``_sessao``, ``_informar``, ``recarregar`` e ``_on_importado`` dela). Os dois rodam fora da thread da
    interface; Cancelar fecha a porta da recepção."""

    def pedir_rede(self, nome: str) -> tuple[str, int, str] | None:
        dialogo = DialogoEnviarRede(nome, self)
        try:
            return dialogo.pedir()
        finally:
            descartar(dialogo)

    def _on_enviar_rede(self) -> None:
        r = linha_selecionada(self.tabela)
        if not r:
            return
        pedido = self.pedir_rede(r["nome"])
        if pedido is None:
            return
        endereco, porta, codigo = pedido
        sessao, nome = self._sessao, r["nome"]

        def enviar(progresso):
            progresso.informar(0, 1, f"Montando o pacote e enviando a {nome} ({endereco})…")
            return rede_local.enviar(sessao, r["id"], endereco, porta, codigo)

        operacao(self, f"Enviando pela rede para {nome}…", enviar,
                 lambda resumo: self._on_enviado_rede(nome, resumo), titulo_erro="Enviar pela rede")

    def _on_enviado_rede(self, nome: str, resumo: dict) -> None:
        self._informar(f"Pacote entregue pela rede a {nome}: {resumo.get('aplicadas', 0)} alterações aplicadas lá, "
                       f"{resumo.get('conflitos', 0)} campos em conflito.")
        self.recarregar()

    porta_recepcao = rede_local.PORTA_PADRAO

    def _on_receber_rede(self) -> None:
        try:
            self.recepcao = rede_local.abrir_recepcao(self._sessao, self.porta_recepcao)
        except Exception as e:  # noqa: BLE001 — recusa prevista vira aviso
            if not avisos.previsto(e):
                raise
            avisos.erro(self, "Receber pela rede", e)
            return
        recepcao, sessao = self.recepcao, self._sessao
        self._informar(f"Recebendo pela rede: porta {recepcao.porta}, código {recepcao.codigo}.")

        def receber(progresso):  # achar os endereços pode esperar o DNS: fora da thread da interface
            progresso.informar(0, 0, texto_recepcao(rede_local.enderecos(), recepcao.porta, recepcao.codigo))
            try:
                return rede_local.receber(sessao, recepcao, cancelado=lambda: progresso.cancelado)
            except Exception:
                progresso.informar(0, 0)  # se foi o Cancelar, vira Cancelado (a tela diz que cancelou)
                raise

        self.tarefa_rede = operacao(self, "Recebendo pela rede…", receber, self._on_importado, titulo_erro="Receber pela rede",
                 ao_cancelar=self._on_recepcao_cancelada)

    def _on_recepcao_cancelada(self) -> None:
        if self.recepcao is not None:
            self.recepcao.fechar()
        self._informar("Recepção pela rede cancelada.")

