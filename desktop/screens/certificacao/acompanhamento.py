"""Aba Acompanhamento: contagens por perfil, etapa e resultado num período (de/até), gráfico de barras (QPainter) e CSV para o Sistec."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.rules import validacao
from desktop.screens.widgets import formato
from desktop.screens.widgets.data import CampoData
from desktop.screens.widgets.arquivo import escolher_destino
from desktop.screens.widgets.tabela import Coluna, Lista
from desktop.services.certificacao import acompanhamento

from .comum import CARREGANDO, esquecer_leitura, ler


class GraficoBarras(QWidget):
    """Barras horizontais simples desenhadas com QPainter (sem depender do QtCharts)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.valores: dict[str, int] = {}
        self.setMinimumHeight(180)

    def definir(self, valores: dict[str, int]) -> None:
        self.valores = dict(valores)
        self.update()

    def paintEvent(self, _evento) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        if not self.valores:
            p.drawText(self.rect(), Qt.AlignCenter, "Nenhum processo no período.")
            return
        maximo = max(self.valores.values()) or 1
        altura = max(16, (self.height() - 10) // len(self.valores))
        rotulo = 160
        for i, (nome, n) in enumerate(self.valores.items()):
            y = 5 + i * altura
            p.setPen(QColor("#1a1a1a"))
            p.drawText(QRectF(0, y, rotulo - 6, altura - 4), Qt.AlignRight | Qt.AlignVCenter, nome)
            largura = (self.width() - rotulo - 40) * n / maximo
            p.fillRect(QRectF(rotulo, y + 2, largura, altura - 6), QColor("#1f3b5c"))
            p.drawText(QRectF(rotulo + largura + 4, y, 36, altura - 4), Qt.AlignVCenter, str(n))
        p.end()


class AbaAcompanhamento(QWidget):
    def __init__(self, sessao, parent=None):
        super().__init__(parent)
        self.sessao = sessao
        self.lendo = False  # a leitura das contagens (comum.ler), fora da thread da interface
        self.exportado: Path | None = None  # o último CSV gravado (exportar)
        self.lista = Lista([
            Coluna("Agrupamento", lambda c: c[0], ordenar=lambda c: c[3], largura=120),
            Coluna("Valor", lambda c: c[1], esticar=True, largura=250),
            Coluna("Processos", lambda c: str(c[2]), ordenar=lambda c: c[2], alinhamento="direita", largura=90),
        ], self, nome="Contagens do período")
        self.tabela = self.lista.visao
        self.grafico = GraficoBarras()
        self.botao_csv = QPushButton("Exportar CSV para o Sistec…")
        self.botao_csv.clicked.connect(self._on_csv)
        self.botao_codigos = QPushButton("Códigos do &Sistec…")
        self.botao_codigos.clicked.connect(self._on_codigos)
        self.de = CampoData(obrigatorio=False, placeholder="dd/mm/aaaa", parent=self)
        self.ate = CampoData(obrigatorio=False, placeholder="dd/mm/aaaa", parent=self)
        self.periodo = QLabel(self)
        for campo in (self.de, self.ate):
            campo.edit.textChanged.connect(self._on_periodo)
        filtro = QHBoxLayout()
        filtro.addWidget(QLabel("Inscritos de:"))
        filtro.addWidget(self.de)
        filtro.addWidget(QLabel("até:"))
        filtro.addWidget(self.ate)
        filtro.addWidget(self.periodo, 1)
        barra = QHBoxLayout()
        barra.addStretch()
        barra.addWidget(self.botao_csv)
        barra.addWidget(self.botao_codigos)
        lay = QVBoxLayout(self)
        lay.addLayout(filtro)
        lay.addWidget(self.grafico)
        lay.addWidget(self.tabela)
        lay.addLayout(barra)
        self.atualizar()

    def intervalo(self):
        """(de, até) válidos do filtro; ``None`` onde vazio. Levanta EntradaInvalida se errado."""
        de, ate = self.de.valor(), self.ate.valor()
        if de and ate and ate < de:
            raise validacao.EntradaInvalida("O fim do período deve ser depois do início.")
        return de, ate

    def _on_periodo(self, *_args) -> None:
        try:
            self.intervalo()
        except validacao.EntradaInvalida as e:  # nada de números de outro período na tela
            esquecer_leitura(self)  # nem os de uma leitura que ainda vai chegar
            self.periodo.setText(str(e))
            self.grafico.definir({})
            self.lista.definir_linhas([])
            return
        self.atualizar()

    def atualizar(self) -> None:
        """Relê as contagens do período fora da thread da interface; só a do último período pedido aparece."""
        try:
            de, ate = self.intervalo()
        except validacao.EntradaInvalida:
            return
        texto = ("Todos os processos." if not (de or ate) else
                 f"Inscritos {'de ' + formato.data(de) if de else ''}"
                 f"{' até ' + formato.data(ate) if ate else ''}.")
        self.periodo.setText(f"{texto} {CARREGANDO}")
        sessao = self.sessao
        ler(self, lambda: acompanhamento.contagens(sessao, de, ate), lambda c: self._on_lido(texto, c),
            titulo_erro="Acompanhamento não lido")

    def _on_lido(self, texto: str, c: dict) -> None:
        self.periodo.setText(texto)
        self.grafico.definir(c["por_etapa"])
        grupos = (("Perfil", "por_perfil"), ("Etapa", "por_etapa"), ("Resultado", "por_resultado"),
                  ("Situação", "por_situacao"))
        # (agrupamento, valor, processos, ordem): ordenar pelo agrupamento mantém a ordem em que vieram
        self.lista.definir_linhas([(grupo, chave, n, (g, i)) for g, (grupo, nome) in enumerate(grupos)
                                   for i, (chave, n) in enumerate(c[nome].items())])

    def exportar(self, caminho: Path) -> None:
        """Monta o CSV do período e o grava em ``caminho``, ambos fora da thread da interface (a gravação inteira ou
        nada: ``widgets.arquivo``); gravado, ``exportado`` passa a ser o caminho."""
        from desktop.screens.widgets import arquivo, servicos

        de, ate = self.intervalo()
        sessao, self.exportado = self.sessao, None
        self.botao_csv.setEnabled(False)

        def _on_montado(csv: str) -> None:
            arquivo.gravar(self, Path(caminho), csv.encode("utf-8-sig"), _on_gravado, titulo_erro="CSV não exportado",
                           ao_falhar=lambda _e: self.botao_csv.setEnabled(True))

        def _on_gravado(destino: Path) -> None:
            self.botao_csv.setEnabled(True)
            self.exportado = destino

        servicos.consulta(self, lambda: acompanhamento.csv_sistec(sessao, de, ate), _on_montado,
                          titulo_erro="CSV não exportado", ao_falhar=lambda _e: self.botao_csv.setEnabled(True))

    def _on_codigos(self) -> None:
        from .sistec import DialogoCodigosSistec

        DialogoCodigosSistec(self.sessao, self).exec()

    def _on_csv(self) -> None:
        caminho = escolher_destino(self, "certificacao-sistec.csv", titulo="Exportar CSV", filtro="CSV (*.csv)")
        if caminho:
            self.exportar(caminho)
