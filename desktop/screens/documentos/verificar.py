"""Diálogo "Verificar documento": pelo código impresso no rodapé, pelo texto do QR ou pelo arquivo PDF.

Responde, sem internet, se o Paço emitiu o documento e se ele foi alterado, cancelado ou
substituído. O código é aceito com letras minúsculas, espaços ou sem hífens; o PDF pode ser
escolhido ou arrastado para a janela. Sem login (``sessao=None``, na tela de entrada de qualquer
instalação), confere o selo assinado do QR ou do PDF contra as chaves públicas importadas.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QFrame, QHBoxLayout, QLabel,
    QPushButton, QVBoxLayout, QWidget,
)

from desktop.screens.widgets import avisos, formato, servicos
from desktop.screens.widgets.campos import CampoValidado
from desktop.rules import selo
from desktop.services import documentos
from desktop.services import selo as selo_svc

# situação → (título, símbolo, cor)
APARENCIA = {
    "autentico": ("Documento autêntico", "✔", "#2e7d32"),
    "alterado": ("Documento ALTERADO", "✖", "#c62828"),
    "cancelado": ("Documento CANCELADO", "✖", "#c62828"),
    "desconhecido": ("Documento desconhecido", "?", "#757575"),
    "substituido": ("Documento SUBSTITUÍDO", "✖", "#c62828"),
    "chave_desconhecida": ("Chave desconhecida", "?", "#757575"),
    "sem_selo": ("Sem selo assinado", "?", "#757575"),
}


def _codigo_ou_selo(texto: str) -> str:
    """O texto do QR (PACO1.…) passa como está; senão, tem de ser um código de verificação."""
    t = (texto or "").strip()
    return t if t.startswith("PACO1.") else documentos.normalizar_codigo(t)


def detalhes_do_selo(conferencia) -> list[tuple[str, str]]:
    """O que o selo assinado declara, quando o registro do emissor não está nesta base."""
    if conferencia is None or not conferencia.dados:
        return []
    d, e = conferencia.dados, conferencia.emissor or {}
    itens = [("Documento", str(d.get("t", ""))), ("Número", f"{d.get('n')}/{d.get('a')} — {d.get('w')}ª via"),
             ("Titular", d.get("h") or "—"), ("CPF", d.get("p") or "—"),
             ("Emitido em", conferencia.emitido_em()), ("Código", str(d.get("c", "")))]
    if e:
        itens.append(("Emissor", f"{e.get('emissor', '')} — CNPJ {e.get('cnpj', '')}"))
    itens.append(("Chave", selo.impressao_legivel(str(d.get("k", "")))))
    return itens


def detalhes(doc: dict | None) -> list[tuple[str, str]]:
    """Os dados do registro do documento, na ordem em que a tela os mostra."""
    if not doc:
        return []
    itens = [
        ("Documento", doc["titulo"]),
        ("Número", f"{doc['numero']}/{doc['ano']} — {doc['via']}ª via"),
        ("Referência", doc.get("referencia") or "—"),
        ("Emitido em", formato.momento(doc["emitido_em"])),
        ("Emitido por", doc["emitido_por"]),
        ("Código", doc["codigo"]),
        ("Páginas", str(doc["paginas"])),
    ]
    if doc.get("substituido_em") and not doc.get("cancelado_em"):
        itens += [
            ("Substituído em", formato.momento(doc["substituido_em"])),
            ("Substituído por", doc["substituido_por"]),
            ("Motivo", doc["motivo_substituicao"]),
        ]
    if doc.get("cancelado_em"):
        itens += [
            ("Cancelado em", formato.momento(doc["cancelado_em"])),
            ("Cancelado por", doc["cancelado_por"]),
            ("Motivo", doc["motivo_cancelamento"]),
        ]
    return itens


def _importar_chave(caminho: Path) -> tuple[str, object]:
    """Lê e importa a chave pública (roda fora da thread da interface): ("ok", dados) ou ("falha", texto)."""
    try:
        return "ok", selo_svc.importar_chave(caminho.read_bytes())
    except (OSError, selo_svc.ErroChavePublica) as e:
        return "falha", f"Chave não importada: {getattr(e, 'strerror', None) or e}"


class DialogoVerificar(QDialog):
    """Verificação de autenticidade: do registro desta base e, sem ele, do selo assinado."""

    def __init__(self, sessao=None, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.verificacao = None
        self.carregando = False  # True enquanto a verificação roda fora da thread da interface
        self.setWindowTitle("Verificar documento")
        self.setMinimumWidth(560)
        self.setAcceptDrops(True)

        explicacao = QLabel(
            ("Digite o código de verificação impresso no rodapé do documento (por exemplo "
             "ABCD-EFGH-JKMN), cole o texto lido do QR ou escolha o arquivo PDF. Você também pode "
             "arrastar o PDF para esta janela." if sessao is not None else
             "Sem entrar no Paço, confira o arquivo PDF ou o texto lido do QR (começa com PACO1.) "
             "contra as chaves públicas importadas. Para um documento de outro órgão, importe antes "
             "a chave pública dele (arquivo .pacochave)."), self)
        explicacao.setWordWrap(True)
        self.codigo = CampoValidado(_codigo_ou_selo, parent=self,
                                    placeholder="XXXX-XXXX-XXXX ou PACO1.…")
        self.codigo.edit.setAccessibleName("Código de verificação")
        self.botao_codigo = QPushButton("&Verificar código", self)
        self.botao_codigo.setDefault(True)
        self.botao_codigo.setEnabled(False)
        self.botao_pdf = QPushButton("Escolher arquivo &PDF…", self)
        self.botao_importar = QPushButton("&Importar chave pública…", self)
        rotulo = QLabel("&Código:", self)
        rotulo.setBuddy(self.codigo.edit)
        linha = QHBoxLayout()
        linha.addWidget(rotulo)
        linha.addWidget(self.codigo, 1)
        linha.addWidget(self.botao_codigo, 0, Qt.AlignmentFlag.AlignTop)
        linha.addWidget(self.botao_pdf, 0, Qt.AlignmentFlag.AlignTop)

        self.quadro = QFrame(self)
        self.quadro.setObjectName("quadroResposta")
        self.simbolo = QLabel(self.quadro)
        self.simbolo.setFixedSize(64, 64)
        self.simbolo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.titulo = QLabel(self.quadro)
        self.titulo.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.mensagem = QLabel(self.quadro)
        self.mensagem.setWordWrap(True)
        self.mensagem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detalhes = QFormLayout()
        topo = QHBoxLayout()
        topo.addWidget(self.simbolo, 0, Qt.AlignmentFlag.AlignTop)
        textos = QVBoxLayout()
        textos.addWidget(self.titulo)
        textos.addWidget(self.mensagem)
        topo.addLayout(textos, 1)
        lay_quadro = QVBoxLayout(self.quadro)
        lay_quadro.addLayout(topo)
        lay_quadro.addLayout(self.detalhes)
        self.quadro.hide()

        botoes = QDialogButtonBox(self)
        botoes.addButton(self.botao_importar, QDialogButtonBox.ButtonRole.ActionRole)
        botoes.addButton("Fechar", QDialogButtonBox.ButtonRole.RejectRole)
        botoes.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(explicacao)
        lay.addLayout(linha)
        lay.addWidget(self.quadro)
        lay.addStretch(1)
        lay.addWidget(botoes)

        self.codigo.sig_validade_mudou.connect(self.botao_codigo.setEnabled)
        self.botao_codigo.clicked.connect(self._on_verificar_codigo)
        self.botao_pdf.clicked.connect(self._on_escolher_pdf)
        self.botao_importar.clicked.connect(self._on_importar_chave)
        self.codigo.setFocus()

    # -- verificação -------------------------------------------------------------------------
    def verificar_codigo(self, texto: str) -> None:
        """Verifica pelo código (aceita minúsculas, espaços e a falta dos hífens), fora da thread da interface."""
        sessao = self._sessao
        self._ler(lambda: documentos.verificar_codigo(sessao, texto), self._mostrar)

    def verificar_arquivo(self, caminho: Path) -> None:
        """Verifica o arquivo PDF (idêntico ao emitido, alterado ou desconhecido), fora da thread da interface."""
        sessao, nome = self._sessao, Path(caminho).name
        self._ler(lambda: documentos.verificar_pdf(sessao, Path(caminho)), lambda v: self._mostrar(v, origem=nome))

    def _ler(self, funcao, mostrar) -> None:
        """``funcao()`` noutra thread (``servicos.consulta``); a recusa prevista fica no próprio diálogo."""
        def _verificar():
            try:
                return "ok", funcao()
            except Exception as e:  # noqa: BLE001 — recusa prevista: mostrada no diálogo, sem caixa
                if not avisos.previsto(e):
                    raise
                return "falha", avisos.mensagem_de(e)

        def _on_verificado(resposta) -> None:
            tipo, conteudo = resposta
            if tipo == "ok":
                mostrar(conteudo)
            else:
                self._mostrar_falha(conteudo)

        servicos.consulta(self, _verificar, _on_verificado, titulo_erro="Verificar documento", chave="verificacao")

    def _mostrar(self, verificacao, origem: str = "") -> None:
        self.verificacao = verificacao
        titulo, simbolo, cor = APARENCIA[verificacao.situacao]
        self._pintar(titulo, simbolo, cor)
        texto = verificacao.mensagem()
        self.mensagem.setText(f"Arquivo: {origem}\n{texto}" if origem else texto)
        self._preencher_detalhes(verificacao)
        self.quadro.show()

    def _mostrar_falha(self, texto: str) -> None:
        self.verificacao = None
        self._pintar("Não foi possível verificar", "!", "#757575")
        self.mensagem.setText(texto)
        self._preencher_detalhes(None)
        self.quadro.show()

    def _pintar(self, titulo: str, simbolo: str, cor: str) -> None:
        self.titulo.setText(titulo)
        self.titulo.setStyleSheet(f"font-size: 18pt; font-weight: bold; color: {cor};")
        self.simbolo.setText(simbolo)
        self.simbolo.setStyleSheet(
            f"background: {cor}; color: white; border-radius: 32px; font-size: 28pt; "
            "font-weight: bold;")
        self.quadro.setStyleSheet(
            f"#quadroResposta {{ border: 2px solid {cor}; border-radius: 6px; background: white; }}")
        self.simbolo.setAccessibleName(titulo)

    def _preencher_detalhes(self, verificacao) -> None:
        while self.detalhes.rowCount():
            self.detalhes.removeRow(0)
        itens = detalhes(verificacao.documento if verificacao else None)
        if verificacao is not None and verificacao.documento is None:
            itens = detalhes_do_selo(verificacao.conferencia)
        for rotulo, valor in itens:
            campo = QLabel(valor, self.quadro)
            campo.setWordWrap(True)
            campo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detalhes.addRow(f"{rotulo}:", campo)

    # -- slots -------------------------------------------------------------------------------
    def _on_verificar_codigo(self) -> None:
        if not self.codigo.validar():
            return
        self.verificar_codigo(self.codigo.valor())

    def _on_escolher_pdf(self) -> None:
        caminho, _ = QFileDialog.getOpenFileName(
            self, "Escolher documento PDF", str(Path.home()), "Documentos PDF (*.pdf)")
        if caminho:
            self.verificar_arquivo(Path(caminho))

    def importar_chave(self, caminho: Path) -> None:
        """Importa a chave pública fora da thread da interface; a recusa fica no diálogo."""
        servicos.consulta(self, lambda: _importar_chave(Path(caminho)), self._on_chave_importada,
                          titulo_erro="Importar chave pública", chave="verificacao")

    def _on_chave_importada(self, resposta: tuple[str, object]) -> None:
        tipo, d = resposta
        if tipo == "falha":
            self._mostrar_falha(d)
            return
        self._pintar("Chave importada", "✔", "#2e7d32")
        self.mensagem.setText(f"Chave pública de {d.get('emissor', '')} (CNPJ {d.get('cnpj', '')}), impressão "
                              f"{selo.impressao_legivel(d['impressao'])}, importada: os documentos desse emissor "
                              "já podem ser conferidos nesta instalação.")
        self._preencher_detalhes(None)
        self.quadro.show()

    def _on_importar_chave(self) -> None:
        caminho, _ = QFileDialog.getOpenFileName(self, "Importar chave pública", str(Path.home()),
                                                 f"Chave pública do Paço (*{selo_svc.EXTENSAO})")
        if caminho:
            self.importar_chave(Path(caminho))

    # -- arrastar e soltar -------------------------------------------------------------------
    @staticmethod
    def _pdf_arrastado(evento) -> Path | None:
        dados = evento.mimeData()
        if not dados.hasUrls():
            return None
        for url in dados.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".pdf"):
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, evento) -> None:  # noqa: N802 (nome do Qt)
        if self._pdf_arrastado(evento):
            evento.acceptProposedAction()
        else:
            evento.ignore()

    def dropEvent(self, evento) -> None:  # noqa: N802
        caminho = self._pdf_arrastado(evento)
        if caminho:
            evento.acceptProposedAction()
            self.verificar_arquivo(caminho)
