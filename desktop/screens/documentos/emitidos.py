"""Quadro "Documentos emitidos" das telas que emitem: reabrir e reimprimir o PDF guardado e emitir nova via.

O PDF reaberto é o guardado na emissão, byte a byte (o SHA-256 é conferido pelo serviço). A nova via é
montada e registrada em segundo plano, com o seu próprio PDF, que se abre em seguida; marcada "a via
anterior foi perdida", a anterior é cancelada no mesmo ato (senão fica substituída pela nova).
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from desktop.rules import formato
from desktop.rules.papeis import Permissao
from desktop.screens.widgets import avisos, servicos
from desktop.screens.widgets.impressao import imprimir_pdfs, oferecer_documento
from desktop.services import documentos_vias

from .abrir import nome_sugerido, salvar_e_abrir
from desktop.screens.widgets.situacao import reservar_linhas


def situacao(doc: dict) -> str:
    if doc.get("cancelado_em"):
        return "cancelado"
    return "substituído" if doc.get("substituido_em") else "válido"


def rotulo(doc: dict) -> str:
    return (f"{doc['titulo']} nº {doc['numero']}/{doc['ano']} · {doc['via']}ª via · {situacao(doc)} · "
            f"{formato.momento(doc['emitido_em'])} · {doc['codigo']}")


def _plano(emitido) -> dict:
    """O resultado da tarefa como dados simples (nada de objetos Python entre threads)."""
    return {"id": emitido.id, "codigo": emitido.codigo, "numero": emitido.numero, "ano": emitido.ano,
            "via": emitido.via, "pdf": emitido.pdf}


class AcoesDoEmitido:
    """Abrir (salvar em arquivo) e reimprimir o PDF guardado do documento selecionado, byte a byte.

    Comum ao quadro das telas que emitem e à aba Administração › Documentos emitidos. Quem herda (antes
    do widget Qt) tem ``_sessao``, o rótulo ``situacao`` e ``selecionado()``; ``_salvar`` pode ser trocado
    (o quadro pergunta antes de gravar um documento sigiloso)."""

    _TITULO_ABRIR = "Abrir documento emitido"
    _TITULO_IMPRIMIR = "Reimprimir"

    def leitor_para_imprimir(self) -> Callable[[], bytes] | None:
        """Para o Ctrl+P da janela principal: a leitura do PDF do documento selecionado (roda fora da
        thread da interface, ``impressao.documento_da_tela``); None sem documento selecionado."""
        d = self.selecionado()
        if d is None:
            return None
        sessao, documento_id = self._sessao, d["id"]
        return lambda: documentos_vias.pdf_emitido(sessao, documento_id)

    def _com_pdf(self, titulo: str, seguir: Callable[[dict, bytes], None]) -> None:
        """Lê o PDF do selecionado fora da thread da interface e segue com ``seguir(documento, pdf)``."""
        d, leitor = self.selecionado(), self.leitor_para_imprimir()
        if leitor is not None:
            servicos.consulta(self, leitor, lambda pdf: seguir(d, pdf), titulo_erro=titulo)

    def _salvar(self, nome: str, pdf: bytes, seguir: Callable[[Path], None], **opcoes) -> None:
        """Pergunta onde, grava fora da thread da interface (inteiro ou nada), abre e segue com ``seguir(destino)``;
        a recusa do sistema vira aviso (``documentos.abrir.salvar_e_abrir``)."""
        salvar_e_abrir(self, nome, pdf, seguir, **opcoes)

    def _on_abrir(self) -> None:
        self._com_pdf(self._TITULO_ABRIR, self._on_pdf_para_abrir)

    def _on_pdf_para_abrir(self, d: dict, pdf: bytes) -> None:
        self._salvar(nome_sugerido(d), pdf, lambda destino: self._on_reaberto(pdf, destino),
                     titulo_erro=self._TITULO_ABRIR)

    def _on_reaberto(self, pdf: bytes, destino: Path) -> None:
        self.ultimo_arquivo = destino
        oferecer_documento(self.situacao, pdf, destino, f"Salvo em {destino} (idêntico ao emitido).")

    def _on_imprimir(self) -> None:
        self._com_pdf(self._TITULO_IMPRIMIR, self._on_pdf_para_imprimir)

    def _on_pdf_para_imprimir(self, d: dict, pdf: bytes) -> None:
        self.tarefa_impressao = imprimir_pdfs(self, pdf, nome_trabalho=nome_sugerido(d))


class LinhaDeSituacao(QLabel):
    """A linha de situação do quadro: uma linha só, reservada (os botões não pulam quando a mensagem muda). Com duas
    linhas reservadas, o quadro deixava ~60 pontos vazios embaixo (visto a 1366×768 na Escala, no Relatório e na
    Fiscalização do Conselho), e quase sempre não há mensagem. A mensagem que não cabe na largura sai encurtada no
    meio (o caminho do arquivo, em geral), com os links Abrir e Imprimir inteiros no fim e a mensagem inteira na dica;
    ``text()`` devolve a mensagem inteira (o Ctrl+P reconhece o documento oferecido por ela,
    ``impressao.documento_da_tela``)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._inteiro = ""
        politica = self.sizePolicy()
        politica.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # a mensagem comprida não alarga a janela
        self.setSizePolicy(politica)
        reservar_linhas(self, 1)

    def setText(self, texto: str) -> None:  # noqa: N802 — nome do Qt
        self._inteiro = texto or ""
        self._mostrar()

    def text(self) -> str:
        return self._inteiro

    def resizeEvent(self, evento) -> None:  # noqa: N802
        super().resizeEvent(evento)
        self._mostrar()

    def _mostrar(self) -> None:
        texto = self._inteiro
        rico = QtGui_Qt.mightBeRichText(texto)
        i = texto.find("<a ") if rico else -1
        corpo, links = (texto[:i], texto[i:]) if i >= 0 else (texto, "")
        simples = _sem_marcas(corpo) if rico else corpo
        largura = self.contentsRect().width() - self.fontMetrics().horizontalAdvance(_sem_marcas(links)) - 4
        encurtado = self._encurtar(simples, max(0, largura))
        if encurtado == simples:
            super().setText(texto)
            self.setToolTip("")
            return
        super().setText(html.escape(encurtado, quote=False) + links if rico else encurtado)
        self.setToolTip(_sem_marcas(texto) if rico else texto)

    def _encurtar(self, texto: str, largura: int) -> str:
        """``texto`` na ``largura``: encurta primeiro o meio do caminho do arquivo (o começo da mensagem, que diz o que
        aconteceu, e o nome do arquivo ficam); sem caminho, ou se nem assim cabe, o meio da mensagem."""
        metricas = self.fontMetrics()
        if metricas.horizontalAdvance(texto) <= largura:
            return texto
        achado = _CAMINHO.search(texto)
        if achado:
            antes, depois = texto[:achado.start()], texto[achado.end():]
            sobra = largura - metricas.horizontalAdvance(antes + depois)
            if sobra >= metricas.horizontalAdvance("/…/x.pdf") * 3:
                return antes + metricas.elidedText(achado.group(), Qt.TextElideMode.ElideMiddle, sobra) + depois
        return metricas.elidedText(texto, Qt.TextElideMode.ElideMiddle, largura)


_CAMINHO = re.compile(r"(?<![^\s(])(?:[A-Za-z]:[\\/]|/)[^<>]*?\.[A-Za-z0-9]{2,4}(?=[\s.,;:)]|$)")  # /pasta/arquivo.pdf, C:\...


def _sem_marcas(texto: str) -> str:
    documento = QTextDocument()
    documento.setHtml(texto)
    return documento.toPlainText()


class QuadroEmitidos(AcoesDoEmitido, QGroupBox):
    """``consultar()`` devolve os documentos da tela (linhas do registro, do mais recente).

    ``confirmar_gravacao(parent)``: documento sigiloso (caso do Conselho) — pergunta antes de gravar um
    arquivo sem cifra; recusando, o PDF não sai da base (reimprimir continua possível)."""

    sig_nova_via = Signal(str)  # id do documento da nova via

    def __init__(self, sessao, consultar: Callable[[], list[dict]], parent: QWidget | None = None,
                 titulo: str = "Documentos emitidos",
                 confirmar_gravacao: Callable[[QWidget], bool] | None = None):
        super().__init__(titulo, parent)
        self._sessao = sessao
        self._consultar = consultar
        self._confirmar_gravacao = confirmar_gravacao
        self._docs: list[dict] = []
        self.carregando = False
        self.tarefa = None
        self.tarefa_impressao = None
        self.ultimo_arquivo = None
        self.lista = QComboBox(self)
        self.lista.setMinimumContentsLength(40)
        self.botao_abrir = QPushButton("Abrir documento &emitido…", self)
        self.botao_abrir.setToolTip("Salva e abre o PDF exatamente como foi emitido (mesmo SHA-256).")
        self.botao_imprimir = QPushButton("Reim&primir…", self)
        self.motivo = QLineEdit(self)
        self.motivo.setPlaceholderText("Motivo da nova via (pelo menos 10 caracteres)")
        self.perdida = QCheckBox("A via anterior foi perdida (cancelá-la)", self)
        self.perdida.setToolTip("Extravio: a via anterior é cancelada no mesmo ato. Sem marcar, ela fica "
                                "\"substituída\" pela nova. Só uma via vale de cada vez.")
        self.botao_via = QPushButton("Emitir nova &via", self)
        self.situacao = LinhaDeSituacao(self)  # a mensagem muda; os botões não pulam
        linha1, linha2 = QHBoxLayout(), QHBoxLayout()
        linha1.addWidget(self.lista, 1)
        linha1.addWidget(self.botao_abrir)
        linha1.addWidget(self.botao_imprimir)
        linha2.addWidget(self.motivo, 1)
        linha2.addWidget(self.perdida)
        linha2.addWidget(self.botao_via)
        lay = QVBoxLayout(self)
        lay.addLayout(linha1)
        lay.addLayout(linha2)
        lay.addWidget(self.situacao)
        self.lista.currentIndexChanged.connect(self._on_selecao)
        self.motivo.textChanged.connect(self._on_selecao)
        self.botao_abrir.clicked.connect(self._on_abrir)
        self.botao_imprimir.clicked.connect(self._on_imprimir)
        self.botao_via.clicked.connect(self._on_nova_via)
        self.atualizar()

    # -- dados ---------------------------------------------------------------------------------
    def atualizar(self, selecionar_id: str | None = None) -> None:
        """Relê a lista fora da thread da interface (``carregando`` até chegar; uma releitura mais nova
        descarta a resposta da anterior)."""
        atual = selecionar_id or (self.selecionado() or {}).get("id")
        consultar = self._consultar

        def _ler():
            try:
                return "lidos", list(consultar())
            except Exception as e:  # noqa: BLE001 — sem permissão ou sem dados: quadro vazio, com o motivo
                if not avisos.previsto(e):
                    raise
                return "motivo", avisos.mensagem_de(e)

        servicos.consulta(self, _ler, lambda r: self._on_lidos(atual, r), titulo_erro="Documentos emitidos",
                          chave="lista")

    def _on_lidos(self, atual: str | None, resposta: tuple[str, object]) -> None:
        tipo, conteudo = resposta
        self._docs = conteudo if tipo == "lidos" else []
        if tipo == "motivo":
            self.situacao.setText(conteudo)
        self.lista.blockSignals(True)
        self.lista.clear()
        for d in self._docs:
            self.lista.addItem(rotulo(d))
        indice = next((i for i, d in enumerate(self._docs) if d["id"] == atual), 0 if self._docs else -1)
        self.lista.setCurrentIndex(indice)
        self.lista.blockSignals(False)
        if not self._docs:
            self.lista.addItem("Nenhum documento emitido aqui ainda")
        self.lista.setEnabled(bool(self._docs))
        self._on_selecao()

    def documentos(self) -> list[dict]:
        return list(self._docs)

    def selecionar(self, documento_id: str) -> None:
        i = next((i for i, d in enumerate(self._docs) if d["id"] == documento_id), -1)
        if i >= 0:
            self.lista.setCurrentIndex(i)

    def selecionado(self) -> dict | None:
        i = self.lista.currentIndex() if hasattr(self, "lista") else -1
        return self._docs[i] if 0 <= i < len(self._docs) else None

    # -- slots ---------------------------------------------------------------------------------
    def _on_selecao(self, *_args) -> None:
        d = self.selecionado()
        self.botao_abrir.setEnabled(d is not None)
        self.botao_imprimir.setEnabled(d is not None)
        pode = self._sessao.pode(Permissao.DOCUMENTOS_EMITIR)
        self.botao_via.setEnabled(pode and d is not None and situacao(d) == "válido" and self.tarefa is None)
        self.perdida.setEnabled(self.botao_via.isEnabled())

    def _salvar(self, nome: str, pdf: bytes, seguir: Callable[[Path], None], **opcoes) -> None:
        if self._confirmar_gravacao is not None and not self._confirmar_gravacao(self):
            self.situacao.setText("O PDF não foi gravado em arquivo: continua só na base cifrada "
                                  "(use Reimprimir para imprimi-lo).")
            return
        super()._salvar(nome, pdf, seguir, **opcoes)

    def _on_nova_via(self) -> None:
        d = self.selecionado()
        if d is None:
            return
        motivo, perdida, sessao = self.motivo.text(), self.perdida.isChecked(), self._sessao
        self.tarefa = servicos.operacao(
            self, "Emitindo nova via…",
            lambda _p: _plano(documentos_vias.emitir_nova_via(sessao, d["id"], motivo, perdida=perdida)),
            lambda r: self._on_via_emitida(d, r, perdida), titulo_erro="Nova via",
            ao_cancelar=self._on_fim_tarefa)
        self.tarefa.sig_falhou.connect(self._on_fim_tarefa)

    def _on_fim_tarefa(self, *_args) -> None:
        self.tarefa = None
        self._on_selecao()

    def _on_via_emitida(self, original: dict, r: dict, perdida: bool) -> None:
        self.tarefa = None
        self.motivo.clear()
        self.perdida.setChecked(False)
        self.atualizar(r["id"])
        anterior = "cancelada (perdida)" if perdida else "substituída"
        texto = f"{r['via']}ª via emitida (código {r['codigo']}); a anterior ficou {anterior}."
        oferecer_documento(self.situacao, r["pdf"], None, texto)

        def _gravada(destino: Path) -> None:
            self.ultimo_arquivo = destino
            oferecer_documento(self.situacao, r["pdf"], destino, texto + f" Salva em {destino}.")

        self._salvar(nome_sugerido({**original, "via": r["via"], "codigo": r["codigo"]}), r["pdf"], _gravada,
                     titulo_erro="Nova via", feito=f"A {r['via']}ª via foi emitida e registrada",
                     depois="Abra-a de novo em Documentos emitidos (Abrir documento emitido).")
        self.sig_nova_via.emit(r["id"])
