"""Peças comuns das abas do Conselho em funcionamento: diálogo de campos, leitura de valores, avisos.

Emitir e salvar um PDF: ``widgets.emissao.emitir_em_segundo_plano`` (a forma de todas as telas).

Nenhuma regra aqui: os diálogos só juntam o que o usuário digitou e chamam o serviço; a recusa do
serviço aparece no próprio diálogo, em português.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Callable

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QDateEdit, QDateTimeEdit, QLabel, QLineEdit,
                               QListWidget, QPlainTextEdit, QSpinBox, QWidget)

from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.data import CampoData

LARGURA_MAX, ALTURA_MAX = 1366, 720
"""O menor monitor dos usuários (notebooks antigos): toda aba e diálogo cabe nisto."""

ESTILO_AVISO = "background: #fff4ce; border: 1px solid #e0c060; padding: 8px;"
ESTILO_SIGILO = "background: #fdecea; border: 1px solid #e0a0a0; padding: 12px; font-size: 110%;"


def campo_data(obrigatorio: bool = True, placeholder: str = "dd/mm/aaaa") -> CampoValidado:
    return CampoData(placeholder=placeholder, obrigatorio=obrigatorio)


def editor_data(d: date | None = None) -> CampoData:
    """Data já preenchida (hoje, se não for dada), no campo de data único do Paço (dd/mm/aaaa)."""
    e = CampoData()
    e.definir_data(d or date.today())
    return e


def editor_momento(m: datetime | None = None) -> QDateTimeEdit:
    e = QDateTimeEdit(QDateTime(m or datetime.now().replace(second=0, microsecond=0)))
    e.setCalendarPopup(True)
    e.setDisplayFormat("dd/MM/yyyy HH:mm")
    return e


def combo(opcoes: dict[str, str] | list[tuple[Any, str]], vazio: str | None = None) -> QComboBox:
    c = QComboBox()
    if vazio is not None:
        c.addItem(vazio, None)
    for chave, rotulo in (opcoes.items() if isinstance(opcoes, dict) else opcoes):
        c.addItem(rotulo, chave)
    return c


def combo_sipia(vazio: str | None = None) -> QComboBox:
    """Os direitos violados do SIPIA CT (direito fundamental › grupo › direito específico) numa lista que se
    filtra pelo que se digita (qualquer parte do texto: "sexual", "vaga em creche")."""
    from desktop.services.conselho.atendimentos import tabela_sipia

    c = combo(tabela_sipia().opcoes(), vazio)
    c.setEditable(True)
    c.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    c.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    c.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    c.setMinimumContentsLength(40)
    c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    c.lineEdit().setPlaceholderText("digite parte do direito violado (SIPIA CT)")
    return c


def texto_longo(placeholder: str = "", altura: int = 70) -> QPlainTextEdit:
    t = QPlainTextEdit()
    t.setPlaceholderText(placeholder)
    t.setTabChangesFocus(True)
    t.setFixedHeight(altura)
    return t


def valor_de(w: QWidget) -> Any:
    """O valor de um widget de formulário, no tipo que o serviço espera."""
    if isinstance(w, CampoValidado):
        return w.valor()
    if isinstance(w, QDateTimeEdit) and not isinstance(w, QDateEdit):
        return w.dateTime().toPython().replace(second=0, microsecond=0)
    if isinstance(w, QDateEdit):
        return w.date().toPython()
    if isinstance(w, QComboBox):
        return w.currentData()
    if isinstance(w, QCheckBox):
        return w.isChecked()
    if isinstance(w, QSpinBox):
        return w.value()
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, QLineEdit):
        return w.text()
    if isinstance(w, QListWidget):  # lista de marcar: os dados (UserRole) dos itens marcados
        return [w.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.count())
                if w.item(i).checkState() == Qt.CheckState.Checked]
    raise TypeError(type(w))


class DialogoAcao(DialogoFormulario):
    """Diálogo com os campos dados. ``acao(valores)`` chama o serviço fora da thread da interface
    (``DialogoFormulario.chamada``: ``servicos.operacao``, com progresso e os campos travados); a recusa
    aparece no próprio diálogo, que continua aberto. Sem ``acao`` (None), o diálogo só junta os valores
    em ``resultado``."""

    def __init__(self, titulo: str, confirmar: str, campos: list[tuple[str, str, QWidget]],
                 acao: Callable[[dict], Any] | None, parent: QWidget | None = None, explicacao: str = ""):
        super().__init__(titulo, confirmar, parent, explicacao)
        self._acao = acao
        self.widgets: dict[str, QWidget] = {}
        for chave, rotulo, w in campos:
            self.widgets[chave] = self.adicionar(rotulo, w)
        self.atualizar_botao()

    def chamada(self) -> Callable[[], Any] | None:
        valores = {k: valor_de(w) for k, w in self.widgets.items()}
        if self._acao is None:
            self.resultado = valores
            return None
        acao = self._acao
        return lambda: acao(valores)


DialogoGravacao = DialogoAcao
"""O nome antigo do mesmo diálogo (todos gravam fora da thread da interface)."""


class UmaDeCadaVez:
    """Mistura para as abas que chamam os serviços fora da thread da interface (``widgets.servicos``): uma
    leitura ou gravação por vez; o pedido feito durante outra roda quando ela terminar (o último pedido vale).
    ``ocupada`` diz se há uma em andamento (os testes esperam por ela)."""

    ocupada = False
    _pendente = None

    def _comecar(self, acao: Callable[[], None]) -> bool:
        sessao = getattr(self, "_sessao", None)
        if sessao is not None and sessao.base.fechada:  # a aba sobreviveu à sessão (trocar usuário, sair)
            self._pendente = None
            return False
        if self.ocupada:
            self._pendente = acao
            return False
        self.ocupada = True
        return True

    def _terminar(self, *_args) -> None:
        self.ocupada = False
        acao, self._pendente = self._pendente, None
        if acao is not None:
            acao()

    def _ler_e_seguir(self, pedido: Callable[[], None], ler: Callable[[], Any], seguir: Callable[[Any], None], *,
                      titulo_erro: str) -> None:
        """Lê fora da thread da interface (``widgets.servicos.consulta``) e segue na interface com o lido (p.ex.
        abre o diálogo que precisa da lista); a aba fica ``ocupada`` até ``seguir`` terminar. ``pedido``: o que
        refazer se a aba estiver ocupada agora."""
        from desktop.screens.widgets.servicos import consulta

        if not self._comecar(pedido):
            return

        def _seguir(lido: Any) -> None:
            try:
                seguir(lido)
            finally:
                self._terminar()

        consulta(self, ler, _seguir, titulo_erro=titulo_erro, ao_falhar=self._terminar)


def aviso_rotulo(texto: str, estilo: str = ESTILO_AVISO) -> QLabel:
    r = QLabel(texto)
    r.setWordWrap(True)
    r.setStyleSheet(estilo)
    return r


DICA_SOMENTE_LEITURA = "Somente leitura: o papel Consulta (Ministério Público e juízo) não registra nem altera."


def somente_leitura(botoes, texto: str) -> QLabel:
    """Desliga os botões que gravam (consulta do MP e do juízo, Lei 320/2023, art. 21 §4º) e devolve o aviso."""
    for b in botoes:
        b.setVisible(True)
        b.setEnabled(False)
        b.setToolTip(DICA_SOMENTE_LEITURA)
    return aviso_rotulo(f"<b>Somente leitura.</b> {texto}")
