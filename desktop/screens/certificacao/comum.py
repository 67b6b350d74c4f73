"""Peças das telas da Certificação: tabela somente leitura, aviso de erro, validadores e abertura de diálogos."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QTableWidget, QTableWidgetItem, QWidget


def preencher(tabela: QTableWidget, cabecalhos: list[str], linhas: list[list]) -> None:
    tabela.clear()
    tabela.setColumnCount(len(cabecalhos))
    tabela.setHorizontalHeaderLabels(cabecalhos)
    tabela.setRowCount(len(linhas))
    for i, linha in enumerate(linhas):
        for j, valor in enumerate(linha):
            tabela.setItem(i, j, QTableWidgetItem("" if valor is None else str(valor)))
    tabela.resizeColumnsToContents()


def nova_tabela() -> QTableWidget:
    t = QTableWidget()
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectRows)
    t.setSelectionMode(QAbstractItemView.SingleSelection)
    return t


def avisar(parent: QWidget, erro: Exception) -> None:
    QMessageBox.warning(parent, "Certificação", str(erro))


def br(iso: str | None) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else ""


# -- formulários ------------------------------------------------------------------------------
def texto(rotulo: str, minimo: int = 1):
    """Validador de texto obrigatório (``minimo`` caracteres), com a mensagem em português."""
    from desktop.rules.validacao import EntradaInvalida

    def validar(t: str) -> str:
        t = " ".join((t or "").split())
        if not t:
            raise EntradaInvalida(f"Informe {rotulo}.")
        if len(t) < minimo:
            raise EntradaInvalida(f"Escreva pelo menos {minimo} caracteres em {rotulo}.")
        return t
    return validar


def inteiro(rotulo: str, minimo: int, maximo: int):
    """Validador de número inteiro entre ``minimo`` e ``maximo``."""
    from desktop.rules.validacao import EntradaInvalida

    def validar(t: str) -> int:
        t = (t or "").strip()
        if not t.isdigit() or not minimo <= int(t) <= maximo:
            raise EntradaInvalida(f"{rotulo} deve ser um número inteiro de {minimo} a {maximo}.")
        return int(t)
    return validar


def abrir(aba, dialogo, ao_aceitar) -> None:
    """Abre o diálogo sem bloquear (``aba.dialogo`` fica acessível); ao aceitar, chama
    ``ao_aceitar(dialogo.resultado)``; ao fechar, descarta o diálogo."""
    aba.dialogo = dialogo

    def _on_aceito() -> None:
        ao_aceitar(dialogo.resultado)

    def _on_fechado(_codigo: int) -> None:
        from desktop.screens.widgets.descarte import descartar

        descartar(dialogo)  # não deleteLater: queda intermitente no PySide (widgets.descarte)
        if aba.dialogo is dialogo:
            aba.dialogo = None

    dialogo.accepted.connect(_on_aceito)
    dialogo.finished.connect(_on_fechado)
    dialogo.open()


class DialogoServico:
    """Mistura para ``DialogoFormulario``: o serviço roda fora da thread da interface
    (``widgets.servicos.operacao``, com diálogo de progresso) e a recusa aparece no próprio diálogo,
    que continua aberto para o usuário corrigir. A subclasse implementa ``chamada()``, que lê os campos
    (na thread da interface) e devolve a função sem argumentos que chama o serviço; ``executar`` fica
    para quem chama o diálogo sem tela (testes antigos, CLI). ``tarefa`` é a operação em andamento."""

    titulo_operacao = "Gravando…"
    tarefa = None

    def chamada(self):
        raise NotImplementedError

    def executar(self):
        return self.chamada()()

    def _on_confirmar(self) -> None:
        from desktop.screens.widgets import avisos, servicos

        if self.tarefa is not None:
            return
        if not all([c.validar() for c in self._campos]):
            self.mostrar_erro("Corrija os campos indicados em vermelho.")
            return
        try:
            funcao = self.chamada()
        except Exception as e:  # noqa: BLE001 — entrada recusada ao ler os campos: fica no diálogo
            if not avisos.previsto(e):
                raise
            self.mostrar_erro(avisos.mensagem_de(e))
            return
        self.tarefa = servicos.operacao(self, self.titulo_operacao, lambda _progresso: funcao(), self._on_gravado,
                                        titulo_erro=self.windowTitle(), ao_recusar=self._on_recusado,
                                        ao_cancelar=self._on_fim_da_tarefa)

    def _on_fim_da_tarefa(self) -> None:
        self.tarefa = None

    def _on_gravado(self, resultado) -> None:
        self.tarefa, self.resultado = None, resultado
        self.accept()

    def _on_recusado(self, erro: BaseException) -> None:
        from desktop.screens.widgets import avisos

        self.tarefa = None
        self.mostrar_erro(avisos.mensagem_de(erro))
        self.atualizar_botao()
