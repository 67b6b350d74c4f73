"""Atalhos da janela principal: a lista de Ajuda › Atalhos, o Ctrl+F das listas e a ajuda F1 da tela.

Os textos de ajuda ficam em ``resources/ajuda/<módulo>.txt``: a primeira parte fala do módulo e cada
seção ``## <título da aba>`` fala de uma aba; o F1 mostra a seção da aba aberta.
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QTabWidget, QTextBrowser, QVBoxLayout,
                               QWidget)

from desktop import PASTA_RECURSOS
from desktop.screens.widgets.tabela import Coluna, Lista

PASTA_AJUDA = PASTA_RECURSOS / "ajuda"

ATALHOS: tuple[tuple[str, str], ...] = (
    ("Ctrl+1 … Ctrl+4", "Abre o módulo (Magistério, Conselho Tutelar, Certificação, Administração)"),
    ("Alt+1, Alt+2 …", "Abre a aba do módulo"),
    ("Ctrl+F", "Vai para o campo de procurar ou filtrar da lista na tela"),
    ("Ctrl+P", "Imprime o documento que acabou de ser emitido ou salvo na tela"),
    ("F1", "Ajuda da tela aberta"),
    ("Ctrl+N", "Novo atendimento de plantão, de qualquer ponto do Conselho Tutelar (vai ao Modo plantão)"),
    ("Ctrl+Shift+V", "Verificar documento"),
    ("Ctrl+Shift+U", "Trocar usuário (encerra a sessão sem fechar o programa)"),
    ("Ctrl+Q", "Sair (faz a cópia de segurança ao fechar)"),
    ("Enter / Esc", "Confirma / fecha o diálogo"),
)

_BUSCA = re.compile(r"\b(filtrar|procurar|buscar|busca|pesquisar)\b", re.IGNORECASE)


# -- Ctrl+F -----------------------------------------------------------------------------------------
def _e_busca(campo: QLineEdit, rotulos: dict[int, str]) -> bool:
    if campo.property("paco_busca"):
        return True
    textos = (campo.placeholderText(), campo.accessibleName(), rotulos.get(id(campo), ""))
    return any(_BUSCA.search(t.replace("&", "")) for t in textos if t)


def _profundidade_comum(a: QWidget, b: QWidget | None) -> int:
    if b is None:
        return 0
    ancestrais = []
    w = b
    while w is not None:
        ancestrais.append(w)
        w = w.parentWidget()
    n, w = 0, a
    while w is not None and w not in ancestrais:
        w = w.parentWidget()
    while w is not None:
        n += 1
        w = w.parentWidget()
    return n


def campo_de_busca(tela: QWidget, foco: QWidget | None = None) -> QLineEdit | None:
    """O campo de procurar/filtrar visível em ``tela`` mais próximo do foco (None se não houver)."""
    rotulos = {id(r.buddy()): r.text() for r in tela.findChildren(QLabel) if r.buddy() is not None}
    candidatos = [c for c in tela.findChildren(QLineEdit)
                  if c.isVisible() and c.isEnabled() and not c.isReadOnly() and _e_busca(c, rotulos)]
    if not candidatos:
        return None
    return max(candidatos, key=lambda c: _profundidade_comum(c, foco))


# -- F1 ---------------------------------------------------------------------------------------------
def aba_atual(tela: QWidget) -> str:
    """O título da aba aberta no painel do módulo (a primeira QTabWidget visível), sem o '&'."""
    for abas in tela.findChildren(QTabWidget):
        if abas.isVisible() and abas.count():
            return abas.tabText(abas.currentIndex()).replace("&", "")
    return ""


def _paragrafos(texto: str) -> str:
    """Junta as linhas quebradas no arquivo; parágrafos separados por linha em branco."""
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", texto.strip()) if p.strip())


def texto_de_ajuda(chave: str, aba: str = "") -> tuple[str, str]:
    """(título, texto) da ajuda do módulo ``chave``; com ``aba``, a seção dela primeiro."""
    arquivo = PASTA_AJUDA / f"{chave}.txt"
    if not arquivo.exists():
        arquivo = PASTA_AJUDA / "geral.txt"
    conteudo = arquivo.read_text(encoding="utf-8")
    partes = re.split(r"^## +", conteudo, flags=re.MULTILINE)
    inicio = partes[0].strip()
    titulo = inicio.splitlines()[0].lstrip("# ").strip() if inicio else "Paço"
    corpo = _paragrafos("\n".join(inicio.splitlines()[1:]))
    secoes = {}
    for parte in partes[1:]:
        nome, _, texto = parte.partition("\n")
        secoes[nome.strip()] = _paragrafos(texto)
    if aba and aba in secoes:
        return f"{titulo} — {aba}", secoes[aba] + "\n\n" + corpo
    return titulo, corpo + "".join(f"\n\n{n}: {t}" for n, t in secoes.items())


class DialogoAjuda(QDialog):
    def __init__(self, titulo: str, texto: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Ajuda — {titulo}")
        self.texto = QTextBrowser(self)
        self.texto.setPlainText(texto)
        self.texto.setMinimumSize(520, 260)
        botoes = QDialogButtonBox(self)
        botoes.addButton("Fechar", QDialogButtonBox.ButtonRole.RejectRole)
        botoes.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        cabecalho = QLabel(f"<b>{titulo}</b>", self)
        cabecalho.setWordWrap(True)
        lay.addWidget(cabecalho)
        lay.addWidget(self.texto, 1)
        lay.addWidget(botoes)


class DialogoAtalhos(QDialog):
    """Ajuda › Atalhos do teclado, na tabela comum (ordena pelo cabeçalho; a tecla inteira à vista)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Atalhos do teclado")
        self.lista = Lista([
            Coluna("Tecla", lambda a: a["tecla"], largura=170),
            Coluna("O que faz", lambda a: a["descricao"], esticar=True, largura=420),
        ], self, nome="Atalhos do teclado", chave="tecla")
        self.lista.definir_linhas([{"tecla": t, "descricao": d} for t, d in ATALHOS])
        self.tabela = self.lista.visao
        # a descrição mais longa inteira ('Novo atendimento de plantão, … (vai …' saía cortada em 760 pontos com a
        # folha de estilo): a largura da tecla mais a da descrição, medidas com a fonte que vai ser pintada, até 1.300
        self.tabela.ensurePolished()
        largura = (self.tabela.columnWidth(0) + self.tabela.sizeHintForColumn(1) + 2 * self.tabela.frameWidth()
                   + self.tabela.verticalScrollBar().sizeHint().width())
        self.tabela.setMinimumSize(min(max(760, largura), 1300), 330)
        botoes = QDialogButtonBox(self)
        botoes.addButton("Fechar", QDialogButtonBox.ButtonRole.RejectRole)
        botoes.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabela, 1)
        lay.addWidget(botoes)
        self.tabela.setFocus(Qt.FocusReason.OtherFocusReason)

    def teclas(self) -> list[str]:
        """As teclas na ordem em que a tabela as mostra."""
        return [a["tecla"] for a in self.lista.proxy.linhas_visiveis()]
